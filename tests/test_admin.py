"""Django admin: every model's pages load for staff, moderation actions, CSV export, read-only snapshots."""
from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from advisor import snapshot
from advisor.models import SharedFigure, Assessment, Characteristic, Comment, CostParameter, Dimension, SupportModel

pytestmark = pytest.mark.django_db

MODELS = [SupportModel, Dimension, Characteristic, CostParameter, Assessment, Comment]


@pytest.fixture
def staff(client):
    """A superuser signed in to the admin."""
    user = get_user_model().objects.create_superuser("staff", "staff@example.com", "a-long-test-password")
    client.force_login(user)
    return client


@pytest.fixture
def assessment(client, law_firm_answers):
    client.post("/assess/", {**law_firm_answers, "contact_consent": "on", "email": "owner@example.com"})
    return Assessment.objects.get()


def admin_url(model, action, *args):
    return reverse(f"admin:advisor_{model._meta.model_name}_{action}", args=args)


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_changelist_loads(staff, assessment, model):
    Comment.objects.create(name="Ann", email="ann@example.com", text="Hello")
    assert staff.get(admin_url(model, "changelist")).status_code == 200


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m.__name__)
def test_every_change_page_loads(staff, assessment, model):
    Comment.objects.create(name="Ann", email="ann@example.com", text="Hello")
    obj = model.objects.first()
    assert staff.get(admin_url(model, "change", obj.pk)).status_code == 200


def test_support_model_page_edits_characteristics_and_costs_inline(staff):
    html = staff.get(admin_url(SupportModel, "change", SupportModel.objects.get(slug="msp").pk)).content.decode()
    assert "characteristics-TOTAL_FORMS" in html
    assert "cost_parameters-TOTAL_FORMS" in html


def test_assessment_list_filters_and_searches(staff, assessment):
    response = staff.get(admin_url(Assessment, "changelist"), {"q": "Hart", "industry__exact": "legal"})
    assert response.status_code == 200
    assert "Hart &amp; Vale Solicitors" in response.content.decode()


def test_an_assessments_stored_result_is_readable_not_editable(staff, assessment):
    url = admin_url(Assessment, "change", assessment.pk)
    html = staff.get(url).content.decode()
    assert "Result as stored (read-only)" in html
    assert "&quot;recommendation&quot;" in html  # the stored document, shown as JSON (escaped)
    assert "Bills" not in html or "lost work $" in html
    assert 'name="result_document"' not in html and 'name="employees"' not in html
    before = bytes(Assessment.objects.get().result_document)
    staff.post(url, {"employees": "999", "result_document": "x"})
    assessment.refresh_from_db()
    assert assessment.employees == 25 and bytes(assessment.result_document) == before


def test_staff_edit_the_figures_for_every_option_with_their_sources(staff):
    figure = SharedFigure.objects.get(key="serious_incident_chance")
    html = staff.get(admin_url(SharedFigure, "change", figure.pk)).content.decode()
    assert 'name="source_title"' in html and 'name="vendor_claim"' in html
    response = staff.post(admin_url(SharedFigure, "change", figure.pk), {
        "key": figure.key, "label": figure.label, "low": "0.02", "expected": "0.05", "high": "0.12",
        "source_title": figure.source_title, "source_url": figure.source_url, "source_year": "2025",
        "note": figure.note,
    })
    assert response.status_code == 302
    figure.refresh_from_db()
    assert float(figure.expected) == 0.05


def test_export_selected_assessments_as_csv(staff, assessment):
    response = staff.post(admin_url(Assessment, "changelist"), {
        "action": "export_csv", "_selected_action": [assessment.pk],
    })
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    row = rows[0]
    assert row["organisation_name"] == "Hart & Vale Solicitors"
    assert row["employees"] == "25"
    assert row["recommendation"] == assessment.recommendation
    msp = snapshot.load(assessment).result.option("msp")
    assert float(row["msp_cost_3y_expected"]) == msp.cost.three_years.expected
    assert float(row["msp_risk_3y"]) == msp.cost.parts.risk.expected
    assert float(row["msp_fit"]) == msp.fit


def test_csv_export_defuses_spreadsheet_formulas_and_leaves_empty_text_empty(staff, law_firm_answers):
    staff.post("/assess/", {**law_firm_answers, "organisation_name": "=HYPERLINK(1)"})
    staff.post("/assess/", {**law_firm_answers, "organisation_name": ""})
    response = staff.post(admin_url(Assessment, "changelist"), {
        "action": "export_csv", "_selected_action": list(Assessment.objects.values_list("pk", flat=True)),
    })
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert [row["organisation_name"] for row in rows] == ["'=HYPERLINK(1)", ""]
    assert rows[1]["email"] == ""


def _reads_of_stored_results(queries) -> list[str]:
    """The queries that read assessments' stored result documents."""
    return [q["sql"] for q in queries if '"advisor_assessment"."result_document"' in q["sql"].partition(" FROM ")[0]]


def test_assessment_list_reads_no_stored_result_and_a_fixed_number_of_queries(staff, law_firm_answers):
    def list_queries(count):
        while Assessment.objects.count() < count:
            staff.post("/assess/", law_firm_answers)
        with CaptureQueriesContext(connection) as queries:
            response = staff.get(admin_url(Assessment, "changelist"))
        assert response.status_code == 200
        assert response.content.decode().count("Hart &amp; Vale Solicitors") >= count
        return queries

    few, many = list_queries(2), list_queries(6)
    assert len(few) == len(many)
    assert _reads_of_stored_results(many) == []


def test_csv_export_runs_a_fixed_number_of_queries(staff, law_firm_answers):
    def export(count):
        while Assessment.objects.count() < count:
            staff.post("/assess/", law_firm_answers)
        with CaptureQueriesContext(connection) as queries:
            response = staff.post(admin_url(Assessment, "changelist"), {
                "action": "export_csv", "_selected_action": list(Assessment.objects.values_list("pk", flat=True)),
            })
        assert len(list(csv.DictReader(io.StringIO(response.content.decode())))) == count
        return queries

    few, many = export(2), export(5)
    assert len(few) == len(many)


def test_csv_export_includes_results_of_the_first_model(staff, assessment):
    from tests.test_snapshot import version_1_assessment

    old = version_1_assessment()
    response = staff.post(admin_url(Assessment, "changelist"), {
        "action": "export_csv", "_selected_action": [assessment.pk, old.pk],
    })
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(response.content.decode()))}
    assert rows[str(old.public_id)]["model_version"] == "1"
    assert rows[str(old.public_id)]["msp_chance_cheapest"] == ""
