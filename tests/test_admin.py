"""Django admin: every model's pages load for staff, moderation actions, CSV export, read-only snapshots."""

from __future__ import annotations

import csv
import importlib
import io
from datetime import UTC
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from advisor import snapshot
from advisor.models import (
    Addon,
    AddonCost,
    Assessment,
    Characteristic,
    Comment,
    CostParameter,
    Dimension,
    Framework,
    OptionOutcome,
    Requirement,
    SharedFigure,
    SupportModel,
)
from tests.staff import sign_in_verified

pytestmark = pytest.mark.django_db

MODELS = [SupportModel, Dimension, Characteristic, CostParameter, Assessment, Comment, Framework, Addon, Requirement]


@pytest.fixture
def staff(client):
    """A superuser signed in to the admin."""
    user = get_user_model().objects.create_superuser("staff", "staff@example.com", "a-long-test-password")
    sign_in_verified(client, user)
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


def test_staff_edit_a_requirement_its_consequence_and_how_each_option_meets_it_and_the_next_score_uses_it(staff):
    from advisor.catalogue import load_catalogue

    requirement = Requirement.objects.get(code="hipaa_baa")
    html = staff.get(admin_url(Requirement, "change", requirement.pk)).content.decode()
    assert "consequence-TOTAL_FORMS" in html and "options-TOTAL_FORMS" in html
    assert staff.get(admin_url(Addon, "change", Addon.objects.get(code="baa").pk)).status_code == 200
    cost = AddonCost.objects.get(addon__code="baa")
    cost.expected, cost.high = 900, 3000
    cost.save()  # a save changes the content version, so the catalogue is read again
    baa = next(a for a in load_catalogue().addons if a.code == "baa")
    assert baa.costs[0][1].expected == 900


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
    figure = SharedFigure.objects.get(key="serious_incident_chance", region="US")
    html = staff.get(admin_url(SharedFigure, "change", figure.pk)).content.decode()
    assert 'name="source_title"' in html and 'name="vendor_claim"' in html
    response = staff.post(
        admin_url(SharedFigure, "change", figure.pk),
        {
            "region": "US",
            "key": figure.key,
            "label": figure.label,
            "low": "0.02",
            "expected": "0.05",
            "high": "0.12",
            "source_title": figure.source_title,
            "source_url": figure.source_url,
            "source_year": "2025",
            "note": figure.note,
        },
    )
    assert response.status_code == 302
    figure.refresh_from_db()
    assert float(figure.expected) == 0.05


def test_export_selected_assessments_as_csv(staff, assessment):
    response = staff.post(
        admin_url(Assessment, "changelist"),
        {
            "action": "export_csv",
            "_selected_action": [assessment.pk],
        },
    )
    assert response.status_code == 200 and response.streaming
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
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
    response = staff.post(
        admin_url(Assessment, "changelist"),
        {
            "action": "export_csv",
            "_selected_action": list(Assessment.objects.values_list("pk", flat=True)),
        },
    )
    rows = list(csv.DictReader(io.StringIO(response.getvalue().decode())))
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
            response = staff.post(
                admin_url(Assessment, "changelist"),
                {
                    "action": "export_csv",
                    "_selected_action": list(Assessment.objects.values_list("pk", flat=True)),
                },
            )
        assert len(list(csv.DictReader(io.StringIO(response.getvalue().decode())))) == count
        return queries

    few, many = export(2), export(5)
    assert len(few) == len(many)


def test_csv_export_includes_results_of_the_first_model(staff, assessment):
    from tests.test_snapshot import version_1_assessment

    old = version_1_assessment()
    # Stored before the outcomes' table existed: migration 0010 fills in the figures of every stored result.
    OptionOutcome.objects.all().delete()
    importlib.import_module("advisor.migrations.0010_option_outcomes").forward(
        django_apps, SimpleNamespace(connection=connection)
    )
    response = staff.post(
        admin_url(Assessment, "changelist"),
        {
            "action": "export_csv",
            "_selected_action": [assessment.pk, old.pk],
        },
    )
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(response.getvalue().decode()))}
    assert rows[str(old.public_id)]["model_version"] == "1"
    assert rows[str(old.public_id)]["msp_chance_cheapest"] == ""
    msp = snapshot.load(old).result.option("msp")
    assert float(rows[str(old.public_id)]["msp_cost_3y_expected"]) == msp.cost.three_years.expected
    assert float(rows[str(old.public_id)]["msp_lost_work_3y"]) == msp.cost.parts.lost_work.expected


# --- At scale: the list and the export cost the same whatever the number of rows --------------------------------


def _copies(template: Assessment, count: int, **columns) -> list[Assessment]:
    """`count` copies of a stored assessment with its option outcomes, each with a new id (and `columns`)."""
    fields = [f.attname for f in Assessment._meta.concrete_fields if f.attname not in ("id", "public_id")]
    rows = Assessment.objects.bulk_create(
        [Assessment(**{**{name: getattr(template, name) for name in fields}, **columns}) for _ in range(count)]
    )
    made = list(Assessment.objects.order_by("-pk")[:count])[::-1]
    outcome_fields = [
        f.attname for f in OptionOutcome._meta.concrete_fields if f.attname not in ("id", "assessment_id")
    ]
    outcomes = list(OptionOutcome.objects.filter(assessment=template).values(*outcome_fields))
    OptionOutcome.objects.bulk_create([OptionOutcome(assessment_id=copy.pk, **o) for copy in made for o in outcomes])
    assert len(rows) == count
    return made


LIST_PARAMS = [
    {},
    {"recommended": "msp"},
    {"close_call": "1"},
    {"industry__exact": "legal"},
    {"operating_hours__exact": "always"},
    {"compliance__exact": "strict"},
    {"contact_consent": "0"},
    {"month": "2026-11"},
    {"created_at__gte": "2026-11-01 00:00:00+00:00", "created_at__lt": "2026-12-01 00:00:00+00:00"},
    {"q": "Hart"},
    {"q": "owner@example.com"},
    {"industry__exact": "legal", "q": "Hart"},
]


@pytest.mark.parametrize("params", LIST_PARAMS, ids=lambda p: "&".join(p) or "all")
def test_assessment_list_runs_six_queries_whatever_the_number_of_rows(
    staff, assessment, params, django_assert_num_queries
):
    def page(rows: int) -> str:
        _copies(assessment, rows - Assessment.objects.count())
        # The session, its user, the device that verified the session's second step, the options for the
        # "recommended" filter (the catalogue, not the assessments), one count of the filtered list (never a second
        # of the whole table), the page itself.
        with django_assert_num_queries(6):
            response = staff.get(admin_url(Assessment, "changelist"), params)
        assert response.status_code == 200
        return response.content.decode()

    assert page(3).count('class="action-select"') <= 3
    assert page(150).count('class="action-select"') in (0, 100)  # a full page, or nothing for filters that exclude


@pytest.mark.sqlite  # reads SQLite's query plans
@pytest.mark.parametrize("params", LIST_PARAMS, ids=lambda p: "&".join(p) or "all")
def test_assessment_list_reads_every_filter_and_search_through_an_index(staff, assessment, params):
    with CaptureQueriesContext(connection) as queries:
        assert staff.get(admin_url(Assessment, "changelist"), params).status_code == 200
    listed = [q["sql"] for q in queries if ' FROM "advisor_assessment"' in q["sql"]]
    assert len(listed) == 2  # the count, the page
    with connection.cursor() as cursor:
        for sql in listed:
            plan = [row[3] for row in cursor.execute("EXPLAIN QUERY PLAN " + sql).fetchall()]
            # SEARCH: the rows are found through an index's leading columns. SCAN walks a whole table or index,
            # which only the unfiltered list may (newest first, stopping after a page).
            assert any(
                step.startswith("SEARCH advisor_assessment USING")
                if params
                else step.startswith("SCAN advisor_assessment USING")
                for step in plan
            ), (sql, plan)
            assert "SCAN advisor_assessment" not in plan, (sql, plan)
            if "q" not in params and "COUNT(*)" not in sql:
                # Newest first straight from the index: no sort of every matching row (at most of the few
                # sharing one instant, "FOR RIGHT PART OF ORDER BY").
                assert "USE TEMP B-TREE FOR ORDER BY" not in plan, (sql, plan)


def test_assessment_list_has_no_date_drill_down_and_no_full_count(staff, assessment):
    html = staff.get(admin_url(Assessment, "changelist"), {"industry__exact": "legal"}).content.decode()
    assert "xfull-result" not in html and "?created_at__year=" not in html and 'class="xfull"' not in html
    assert "month scored" in html.lower()


def test_search_finds_a_result_by_its_id_a_whole_email_or_the_start_of_a_name(staff, assessment, law_firm_answers):
    staff.post("/assess/", {**law_firm_answers, "organisation_name": "Vale Farm"})

    def found(term: str) -> set[str]:
        html = staff.get(admin_url(Assessment, "changelist"), {"q": term}).content.decode()
        return {name for name in ("Hart &amp; Vale Solicitors", "Vale Farm") if name in html}

    assert found(str(assessment.public_id)) == {"Hart &amp; Vale Solicitors"}
    assert found("OWNER@example.com") == {"Hart &amp; Vale Solicitors"}
    assert found("hart &") == {"Hart &amp; Vale Solicitors"}
    assert found("vale") == {"Vale Farm"}  # the start of a name, not anywhere in it
    assert found("100%") == set()


def test_month_filter_keeps_the_assessments_scored_in_that_month(staff, assessment):
    from datetime import datetime

    [october] = _copies(assessment, 1, organisation_name="October Ltd")
    Assessment.objects.filter(pk=october.pk).update(created_at=datetime(2026, 10, 31, 23, 59, 59, tzinfo=UTC))
    html = staff.get(admin_url(Assessment, "changelist"), {"month": "2026-10"}).content.decode()
    assert "October Ltd" in html and "Hart &amp; Vale" not in html
    # A month that does not exist: the admin's usual answer to a malformed filter.
    assert staff.get(admin_url(Assessment, "changelist"), {"month": "2026-99"})["Location"].endswith("?e=1")


def _export(client, **selection) -> list[dict[str, str]]:
    response = client.post(
        admin_url(Assessment, "changelist") + selection.pop("query", ""), {"action": "export_csv", **selection}
    )
    assert response.status_code == 200 and response.streaming
    return list(csv.DictReader(io.StringIO(response.getvalue().decode())))


def test_export_streams_every_row_of_a_filtered_selection_in_chunks(staff, assessment, monkeypatch):
    from advisor import export as advisor_export

    monkeypatch.setattr(advisor_export, "EXPORT_CHUNK", 3)  # several chunks, with rows scored at one instant
    legal = [assessment, *_copies(assessment, 7, organisation_name="@SUM(A1)")]
    retail = _copies(assessment, 2, industry="retail")
    rows = _export(staff, query="?industry__exact=legal", select_across="1", index="0", _selected_action=[retail[0].pk])
    assert [row["id"] for row in rows] == [str(a.public_id) for a in legal]
    assert [row["organisation_name"] for row in rows] == ["Hart & Vale Solicitors", *["'@SUM(A1)"] * 7]
    msp = snapshot.load(assessment).result.option("msp")
    assert {float(row["msp_overall"]) for row in rows} == {msp.overall}
    assert {row["devices"] for row in rows} == {""}  # blank answers stay blank


def test_export_under_asgi_streams_through_an_asynchronous_iterator(assessment, async_client, monkeypatch):
    from asgiref.sync import async_to_sync

    from advisor import export as advisor_export

    monkeypatch.setattr(advisor_export, "EXPORT_CHUNK", 2)
    _copies(assessment, 4)
    sign_in_verified(
        async_client, get_user_model().objects.create_superuser("staff", "s@example.com", "a-long-password")
    )
    response = async_to_sync(async_client.post)(
        admin_url(Assessment, "changelist"),
        {
            "action": "export_csv",
            "_selected_action": list(Assessment.objects.values_list("pk", flat=True)),
        },
    )
    assert response.streaming and response.is_async

    async def read() -> bytes:
        return b"".join([chunk async for chunk in response.streaming_content])

    rows = list(csv.DictReader(io.StringIO(async_to_sync(read)().decode())))
    assert [row["id"] for row in rows] == [str(a.public_id) for a in Assessment.objects.order_by("created_at", "pk")]


@pytest.mark.postgresql  # reads PostgreSQL's query plans
@pytest.mark.parametrize("params", LIST_PARAMS, ids=lambda p: "&".join(p) or "all")
def test_assessment_list_can_read_every_filter_and_search_through_an_index_on_postgresql(staff, assessment, params):
    with CaptureQueriesContext(connection) as queries:
        assert staff.get(admin_url(Assessment, "changelist"), params).status_code == 200
    listed = [q["sql"] for q in queries if ' FROM "advisor_assessment"' in q["sql"]]
    with connection.cursor() as cursor:
        # A table of one row is read whole whatever its indexes; forbid that, and see what the planner has.
        cursor.execute("SET LOCAL enable_seqscan = off")
        for sql in listed:
            cursor.execute("EXPLAIN " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            assert "Seq Scan on advisor_assessment" not in plan, (sql, plan)


def test_close_call_and_contact_filters_keep_the_matching_assessments(staff, assessment):
    _copies(assessment, 1, organisation_name="Tight Margins Ltd", close_call=True, contact_consent=False)
    Assessment.objects.filter(pk=assessment.pk).update(close_call=False)  # the filter is tested, not the fixture
    assessment.refresh_from_db()

    def names(params: dict) -> set[str]:
        html = staff.get(admin_url(Assessment, "changelist"), params).content.decode()
        return {name for name in ("Tight Margins Ltd", "Hart &amp; Vale Solicitors") if name in html}

    assert assessment.contact_consent and not assessment.close_call
    assert names({"close_call": "1"}) == {"Tight Margins Ltd"}
    assert names({"close_call": "0"}) == {"Hart &amp; Vale Solicitors"}
    assert names({"contact_consent": "0"}) == {"Tight Margins Ltd"}
    assert names({"contact_consent": "1"}) == {"Hart &amp; Vale Solicitors"}


def test_the_export_command_writes_the_same_csv_to_a_file_within_a_period(staff, assessment, tmp_path):
    from datetime import datetime

    from django.core.management import call_command

    [older] = _copies(assessment, 1, organisation_name="=Older Ltd")
    Assessment.objects.filter(pk=older.pk).update(created_at=datetime(2026, 3, 9, 12, tzinfo=UTC))
    admin_csv = (
        staff.post(
            admin_url(Assessment, "changelist"), {"action": "export_csv", "_selected_action": [assessment.pk, older.pk]}
        )
        .getvalue()
        .decode()
    )
    call_command("export_assessments", "--output", str(tmp_path / "all.csv"), stderr=io.StringIO())
    assert (tmp_path / "all.csv").read_bytes().decode() == admin_csv
    call_command(
        "export_assessments",
        "-o",
        str(tmp_path / "march.csv"),
        "--since",
        "2026-03-01",
        "--until",
        "2026-04-01",
        stderr=io.StringIO(),
    )
    rows = list(csv.DictReader((tmp_path / "march.csv").open(encoding="utf-8", newline="")))
    assert [row["organisation_name"] for row in rows] == ["'=Older Ltd"]


def test_an_options_page_holds_one_countrys_cost_figures_so_staff_can_save_it(staff):
    """Eight countries' books on one page were some 240 figures: more fields than Django takes in one post, so the
    option could not be saved. The page holds the United States' book; the others are under Cost parameters."""
    from advisor.models import CostParameter, SupportModel

    msp = SupportModel.objects.get(slug="msp")
    page = staff.get(reverse("admin:advisor_supportmodel_change", args=[msp.pk]))
    us = CostParameter.objects.filter(support_model=msp, region_id="US").count()
    assert CostParameter.objects.filter(support_model=msp).count() > us  # other countries have books too
    form = page.context["inline_admin_formsets"][1].formset
    assert form.model is CostParameter and len(form.forms) == us
    assert {f.instance.region_id for f in form.forms} == {"US"}
