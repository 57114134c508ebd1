"""orjson writes the snapshots and the API's answers: the same data as the standard library, both ways."""
from __future__ import annotations

import datetime
import json
import uuid
from decimal import Decimal

import pytest
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, models
from django.db.models import Value
from django.utils.functional import lazystr
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import fastjson, report, services
from advisor.forms import AssessmentForm
from advisor.models import Assessment
from tests.conftest import LAW_FIRM

# Everyday values next to those orjson writes differently from the standard library, or refuses. (No "\x00":
# PostgreSQL refuses it in jsonb whoever writes it.)
AWKWARD = {
    "floats": [0.1, 1 / 3, -0.0, 5e-324, 1.7976931348623157e308, 1e16, 123456.789, -2.5e-7],
    "text": ["Zoë & Søren — Café", "東京の事務所", "😀", 'quote " backslash \\', "line\nbreak\ttab", ""],
    "ints": [0, -1, 2**53 + 1, 2**63 - 1, -(2**63), 2**64 - 1, 10**18],
    "nested": {"list": [[], {}, [None, True, False]], "é": {"ключ": "значение"}},
}
# Integers beyond 64 bits, which orjson refuses to write (and would read as floats).
BIG = {**AWKWARD, "big_ints": [2**64, -(2**63) - 1, 10**30]}

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text(),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=30,
)


def canonical(value: object) -> str:
    """The value as the standard library writes it, which tells 1 from 1.0 and -0.0 from 0.0 (== does not);
    keys sorted, as PostgreSQL's jsonb keeps them in an order of its own."""
    return json.dumps(value, sort_keys=True)


def store(value: object) -> str:
    return json.dumps(value, cls=fastjson.StoreEncoder)  # as connection.ops.adapt_json_value calls it


@pytest.mark.parametrize("value", [AWKWARD, BIG], ids=["awkward", "big integers"])
def test_what_is_stored_reads_back_as_the_same_values(value):
    text = store(value)
    assert canonical(fastjson.loads(text)) == canonical(json.loads(text)) == canonical(value)


def test_snapshots_are_stored_compactly_in_utf8():
    assert store({"a": ["Zoë", 1]}) == '{"a":["Zoë",1]}'  # by orjson; the standard library would write
    # '{"a": ["Zo\\u00eb", 1]}'


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_any_json_value_survives_being_stored_and_read(value):
    assert canonical(fastjson.loads(store(value))) == canonical(value)


@pytest.mark.parametrize("text", [
    "18446744073709551616", "-9223372036854775809", "[-123456789012345678901234567890, 1]", "[1e400, -1e400]", '{"a": NaN}',
    '"\\ud800 half a pair"', '{"a": 1, "a": 2}', '"\\ud83d\\ude00"', " [1.5e-7] ",
])
def test_loads_reads_every_text_as_the_standard_library_does(text):
    assert canonical(fastjson.loads(text)) == canonical(json.loads(text))


@pytest.mark.parametrize("text", ["", "{", "[1,]", "nope"])
def test_loads_refuses_what_the_standard_library_refuses(text):
    with pytest.raises(json.JSONDecodeError):
        fastjson.loads(text)


def test_a_value_orjson_refuses_is_stored_by_the_standard_library():
    assert store({"n": 2**70, "t": "\ud800"}) == json.dumps({"n": 2**70, "t": "\ud800"})
    with pytest.raises(TypeError):
        store({"when": datetime.date(2026, 1, 1)})  # no encoder: refused, as before


def law_firm_profile():
    form = AssessmentForm(data=LAW_FIRM)
    assert form.is_valid(), form.errors
    return form.to_profile()


def bare_assessment(snapshot: object) -> Assessment:
    return Assessment.objects.create(
        industry="retail", employees=3, incidents_per_month=Decimal("1"), operating_hours="always",
        budget_preference="predictable", growth="stable", compliance="none", backup="none", it_dependence="low",
        snapshot=snapshot,
    )


def stored_text(pk: int) -> str:
    with connection.cursor() as cursor:
        cursor.execute("SELECT snapshot FROM advisor_assessment WHERE id = %s", [pk])
        return cursor.fetchone()[0]


@pytest.mark.django_db
@pytest.mark.parametrize("value", [AWKWARD, BIG], ids=["awkward", "big integers"])
def test_a_snapshot_round_trips_through_the_database(value):
    by_orjson = bare_assessment(value)
    by_json = bare_assessment({})  # the same value written by the standard library, as a plain JSONField does
    Assessment.objects.filter(pk=by_json.pk).update(snapshot=Value(value, output_field=models.JSONField()))
    read = Assessment.objects.get(pk=by_orjson.pk).snapshot
    assert canonical(read) == canonical(Assessment.objects.get(pk=by_json.pk).snapshot)
    assert canonical(read) == canonical(json.loads(stored_text(by_orjson.pk)))
    if connection.vendor == "sqlite":  # PostgreSQL keeps numbers as numeric: 1e16 comes back as 10**16, -0.0 as 0
        assert canonical(read) == canonical(value)
        if value is AWKWARD:
            assert "東京の事務所" in stored_text(by_orjson.pk)  # written by orjson: UTF-8, not \u escapes


@pytest.mark.django_db
def test_snapshot_keys_can_still_be_queried_and_fetched():
    stored = bare_assessment(BIG)
    assert Assessment.objects.filter(snapshot__nested__é__ключ="значение").get() == stored
    rows = Assessment.objects.filter(pk=stored.pk)
    assert rows.values_list("snapshot__text", flat=True).get() == AWKWARD["text"]
    assert rows.values_list("snapshot__nested__é__ключ", flat=True).get() == "значение"
    assert rows.values_list("snapshot__ints", flat=True).get() == AWKWARD["ints"]
    assert rows.values_list("snapshot__big_ints", flat=True).get() == BIG["big_ints"]


@pytest.mark.django_db
def test_a_scored_snapshot_reads_back_as_it_was_built():
    assessment = services.assessment_submit(profile=law_firm_profile(), organisation_name="Hart & Vale")
    built = json.loads(json.dumps(assessment.snapshot))
    assert canonical(Assessment.objects.get(pk=assessment.pk).snapshot) == canonical(built)


@pytest.mark.parametrize("overrides", [{}, {"operating_hours": "always", "employees": "400", "devices": "900"}])
def test_the_result_in_a_snapshot_is_what_plain_gives(catalogue, overrides):
    form = AssessmentForm(data={**LAW_FIRM, **overrides})
    assert form.is_valid(), form.errors
    result = services.score(form.to_profile(), catalogue)
    assert canonical(services._plain_result(result)) == canonical(services._plain(result))


@pytest.mark.django_db
def test_the_api_answers_the_document_django_would_have_written(client):
    response = client.post("/api/assessments/", {"industry": "retail", "employees": 3, "incidents_per_month": 0.5,
                                                         "organisation_name": "Zoë's Café"},
                           content_type="application/json")
    assert response.status_code == 201 and response["Content-Type"] == "application/json"
    assessment = Assessment.objects.get()
    expected = json.dumps(report.api_document(assessment, url=response["Location"]), cls=DjangoJSONEncoder)
    assert canonical(json.loads(response.content)) == canonical(json.loads(expected))
    fetched = client.get(f"/api/assessments/{assessment.public_id}/")
    assert canonical(json.loads(fetched.content)) == canonical(json.loads(response.content))


@pytest.mark.django_db
def test_api_errors_are_json_objects(client):
    response = client.post("/api/assessments/", {"employees": "lots"}, content_type="application/json")
    assert response.status_code == 400 and response["Content-Type"] == "application/json"
    assert json.loads(response.content)["errors"]["employees"] == ["Enter a whole number, such as 12."]


def test_documents_write_django_types_as_djangos_encoder_does():
    data = {
        "money": Decimal("1234.50"), "when": datetime.datetime(2026, 1, 2, 3, 4, 5, 678901, tzinfo=datetime.UTC),
        "day": datetime.date(2026, 1, 2), "time": datetime.time(3, 4, 5, 678901), "id": uuid.UUID(int=7),
        "lazy": lazystr("later"), "pair": (1, 2.5), "span": datetime.timedelta(days=1, seconds=3),
        "awkward": AWKWARD,
    }
    assert json.loads(fastjson.dumps_document(data)) == json.loads(json.dumps(data, cls=DjangoJSONEncoder))
    assert fastjson.dumps_document({"t": "\ud800"}) == json.dumps({"t": "\ud800"}).encode()
    for refused in ({"what": object()}, {"set": {1, 2}}):
        with pytest.raises(TypeError):
            fastjson.dumps_document(refused)
    with pytest.raises(TypeError):
        fastjson.JsonResponse([1, 2])
