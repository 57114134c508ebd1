"""Django admin: every model's pages load for staff, moderation actions, CSV export, read-only snapshots."""
from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from advisor.models import Assessment, Characteristic, Comment, CostParameter, Dimension, SupportModel

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


def test_assessment_snapshot_is_readable_not_editable(staff, assessment):
    url = admin_url(Assessment, "change", assessment.pk)
    html = staff.get(url).content.decode()
    assert "Snapshot (as scored; read-only)" in html
    assert "&quot;recommendation&quot;" in html  # the JSON, shown (escaped)
    assert 'name="snapshot"' not in html and 'name="employees"' not in html
    before = Assessment.objects.get().snapshot
    staff.post(url, {"employees": "999", "snapshot": "{}"})
    assessment.refresh_from_db()
    assert assessment.employees == 25 and assessment.snapshot == before


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
    msp = next(m for m in assessment.snapshot["result"]["models"] if m["slug"] == "msp")
    assert float(row["msp_cost_3y_expected"]) == msp["cost"]["three_years"]["expected"]
    assert float(row["msp_fit"]) == msp["fit"]


def test_csv_export_defuses_spreadsheet_formulas(staff, law_firm_answers):
    staff.post("/assess/", {**law_firm_answers, "organisation_name": "=HYPERLINK(1)"})
    response = staff.post(admin_url(Assessment, "changelist"), {
        "action": "export_csv", "_selected_action": list(Assessment.objects.values_list("pk", flat=True)),
    })
    assert "'=HYPERLINK(1)" in response.content.decode()


def _reads_of_whole_snapshots(queries) -> list[str]:
    """The queries that read assessments' snapshot column whole (a key of it taken in SQL does not count)."""
    column = '"advisor_assessment"."snapshot"'
    reads = []
    for query in queries:
        select, _, rest = query["sql"].partition(" FROM ")
        if rest.startswith('"advisor_assessment"') and column in [item.strip() for item in select[6:].split(",")]:
            reads.append(query["sql"])
    return reads


def test_assessment_list_reads_no_snapshot_and_a_fixed_number_of_queries(staff, law_firm_answers):
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
    assert _reads_of_whole_snapshots(many) == []


def test_csv_export_reads_only_the_models_figures_in_a_fixed_number_of_queries(staff, law_firm_answers):
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
    assert _reads_of_whole_snapshots(many) == []


def test_csv_export_leaves_figures_blank_for_a_snapshot_without_models(staff, assessment):
    Assessment.objects.filter(pk=assessment.pk).update(snapshot={"version": 1, "result": {}})
    response = staff.post(admin_url(Assessment, "changelist"), {
        "action": "export_csv", "_selected_action": [assessment.pk],
    })
    row = next(csv.DictReader(io.StringIO(response.content.decode())))
    assert row["employees"] == "25" and not any(key.endswith("_fit") for key in row)


def test_approve_and_unapprove_comments(staff, client):
    comment = Comment.objects.create(name="Ann", email="ann@example.com", text="Visible after approval")
    changelist = admin_url(Comment, "changelist")
    staff.post(changelist, {"action": "approve", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert comment.is_approved
    assert "Visible after approval" in client.get("/").content.decode()
    staff.post(changelist, {"action": "unapprove", "_selected_action": [comment.pk]})
    comment.refresh_from_db()
    assert not comment.is_approved


def test_an_admin_edit_to_a_characteristic_shows_on_the_comparison_page(staff):
    cell = Characteristic.objects.get(support_model__slug="msp", dimension__slug="availability")
    response = staff.post(admin_url(Characteristic, "change", cell.pk), {
        "support_model": cell.support_model_id, "dimension": cell.dimension_id,
        "headline": "Round-the-clock desk, edited in admin", "description": cell.description, "rating": 5,
    })
    assert response.status_code == 302
    assert "Round-the-clock desk, edited in admin" in staff.get("/").content.decode()


def test_cost_parameter_range_must_be_ordered(staff):
    param = CostParameter.objects.get(support_model__slug="msp", key="fee_per_user_month")
    response = staff.post(admin_url(CostParameter, "change", param.pk), {
        "support_model": param.support_model_id, "key": param.key, "low": "300", "expected": "150", "high": "250",
        "source_title": param.source_title, "source_url": param.source_url, "note": param.note,
    })
    assert response.status_code == 200  # re-shown with an error
    param.refresh_from_db()
    assert param.low == 100
