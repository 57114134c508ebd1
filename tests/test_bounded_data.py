"""One anonymous post must never break a page, the admin or an export (issue 21): every figure stored fits its
column for every answer the form and the API accept, figures that would not fit are refused before anything is
written, and a row that cannot be read whole is shown as far as it can be, never as a 500."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import DataError, connection, transaction
from django.test import Client
from django.urls import reverse

from advisor.engine import answers
from advisor.models import Assessment
from tests.conftest import LAW_FIRM
from tests.staff import sign_in_verified

pytestmark = pytest.mark.django_db

# The largest quote the form and the API accept: every price, fee and term at its maximum.
LARGEST_QUOTE = {
    "price_per_user_month": 100_000,
    "price_per_device_month": 100_000,
    "flat_monthly": 10_000_000,
    "minimum_monthly": 10_000_000,
    "onboarding": 10_000_000,
    "term_months": 120,
    "yearly_increase_percent": 100,
    "notice_days": 730,
    "termination_fee_months": 120,
    "response_hours": 720,
}
# The largest answers: every number at its maximum (from the question table itself), three largest quotes, with
# quote marks and every kind of text a name may hold.
LARGEST = {
    "organisation_name": '"Biggest" Holdings ' + "x" * 180,
    "industry": "finance",
    # (the hourly rate and MSP fee an earlier form asked for are read as quotes, and three quotes are given)
    **{q.name: q.maximum for q in answers.QUESTIONS if q.maximum is not None and q.name not in answers.READ_AS_QUOTES},
    "operating_hours": "always",
    "compliance": "strict",
    "backup": "none",
    "it_dependence": "critical",
    "growth": "rapid",
    "quotes": [
        {**LARGEST_QUOTE, "name": '"Everything" MSP', "includes": ["monitoring", "security", "backup", "onsite"]},
        {**LARGEST_QUOTE, "name": "Nothing included"},
        {**LARGEST_QUOTE, "name": "Best efforts", "response_hours": None},
    ],
}
# The red team's post: a million devices at $100,000 each a month.
RED_TEAM = {
    "industry": "retail",
    "employees": 10,
    "devices": 1_000_000,
    "quotes": [{"name": "Big", "price_per_device_month": 100_000}],
}


@pytest.fixture
def staff():
    client = Client()
    sign_in_verified(
        client, get_user_model().objects.create_superuser("staff", "staff@example.com", "a-long-password-1")
    )
    return client


def _post(payload: dict) -> Client:
    return Client().post("/api/assessments/", json.dumps(payload), content_type="application/json")


def _admin(action: str, *args) -> str:
    return reverse(f"admin:advisor_assessment_{action}", args=args)


def _opens_everywhere(assessment: Assessment, staff: Client, folder) -> None:
    """Every page, list and export that reads the row answers, and shows it."""
    public = Client()
    for url in (
        assessment.get_absolute_url(),
        assessment.get_shared_url(),
        reverse("advisor:assess") + f"?from={assessment.public_id}",
        reverse("advisor:rescore", args=[assessment.public_id]),
        reverse("advisor:delete", args=[assessment.public_id]),
        f"/api/assessments/{assessment.public_id}/",
    ):
        if url:
            assert public.get(url).status_code == 200, url
    for url in (_admin("changelist"), _admin("change", assessment.pk), _admin("delete", assessment.pk)):
        response = staff.get(url)
        assert response.status_code == 200, url
    exported = staff.post(_admin("changelist"), {"action": "export_csv", "_selected_action": [assessment.pk]})
    rows = list(csv.DictReader(io.StringIO(exported.getvalue().decode())))
    assert [row["id"] for row in rows] == [str(assessment.public_id)]
    call_command("export_assessments", output=str(folder / "export.csv"), stderr=io.StringIO())
    with open(folder / "export.csv", encoding="utf-8", newline="") as exported_file:
        assert [row["id"] for row in csv.DictReader(exported_file)] == [str(assessment.public_id)]


@pytest.mark.parametrize("payload", [RED_TEAM, LARGEST], ids=["red-team", "largest"])
def test_the_largest_answers_are_stored_and_every_page_and_export_reads_them(payload, staff, tmp_path):
    response = _post(payload)
    assert response.status_code == 201, response.content
    assessment = Assessment.objects.get()
    best = response.json()["quotes"][0]["cost"]["three_years"]["expected"]
    assert best > 10**12  # more than the column's first 14 digits held
    assert assessment.best_quote_total == round(Decimal(str(best)), 2)
    _opens_everywhere(assessment, staff, tmp_path)
    again = Client().post(reverse("advisor:rescore", args=[assessment.public_id]))
    assert again.status_code == 302 and Assessment.objects.count() == 2
    assert Client().post(reverse("advisor:delete", args=[assessment.public_id])).status_code == 302
    assert not Assessment.objects.filter(pk=assessment.pk).exists()


def test_figures_too_large_for_their_column_are_refused_before_anything_is_written(monkeypatch):
    # The best quote's column as it was (14 digits): the red team's quote, $3.6 trillion, no longer fits it.
    monkeypatch.setattr(Assessment._meta.get_field("best_quote_total"), "max_digits", 14)
    response = _post(RED_TEAM)
    assert response.status_code == 400
    assert "too large to store" in response.json()["errors"]["__all__"][0]
    assert not Assessment.objects.exists()
    form = {
        **LAW_FIRM,
        "devices": "1000000",
        **{f"quotes-{k}": v for k, v in {"TOTAL_FORMS": "3", "INITIAL_FORMS": "0"}.items()},
        "quotes-0-name": "Big",
        "quotes-0-price_per_device_month": "100000",
        "quotes-0-term_months": "12",
        "quotes-0-yearly_increase_percent": "0",
        "quotes-0-notice_days": "0",
        "quotes-0-termination_fee_months": "0",
    }
    page = Client().post("/assess/", form)
    assert page.status_code == 200 and "too large to store" in page.content.decode()
    assert 'value="1000000"' in page.content.decode()  # nothing typed is lost
    assert not Assessment.objects.exists()


def test_a_figure_too_wide_for_its_column_reads_back_or_is_never_stored(staff, tmp_path):
    """SQLite keeps any number it is given: a row stored before the column was checked (or widened) reads back as
    the number it holds. PostgreSQL refuses such a number, so there the row cannot exist."""
    assert _post(RED_TEAM).status_code == 201
    assessment = Assessment.objects.get()
    table = connection.ops.quote_name(Assessment._meta.db_table)
    update = f"UPDATE {table} SET best_quote_total = %s, downtime_cost_per_hour = %s WHERE id = %s"
    if connection.vendor == "postgresql":
        with pytest.raises(DataError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(update, [Decimal("1e25"), Decimal("1e20"), assessment.pk])
        return
    with connection.cursor() as cursor:
        cursor.execute(update, [1e25, 1e20, assessment.pk])
    assert Assessment.objects.get().best_quote_total == Decimal("1E25")
    _opens_everywhere(Assessment.objects.get(), staff, tmp_path)


def test_a_row_whose_stored_result_cannot_be_read_shows_what_it_can(staff):
    assert _post(RED_TEAM).status_code == 201
    Assessment.objects.update(result_document=b"not a stored result")
    assessment = Assessment.objects.get()
    page = Client().get(assessment.get_absolute_url())
    assert page.status_code == 200
    assert "can no longer be read" in page.content.decode()
    change = staff.get(_admin("change", assessment.pk))
    assert change.status_code == 200 and "The stored result cannot be read." in change.content.decode()
    assert Client().get(reverse("advisor:assess") + f"?from={assessment.public_id}").status_code == 200
    assert Client().post(reverse("advisor:delete", args=[assessment.public_id])).status_code == 302
    assert not Assessment.objects.exists()
