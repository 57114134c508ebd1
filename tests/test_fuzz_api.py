"""Bad input to the JSON API: never a 500, never a stored row, always a JSON error saying what is wrong."""

from __future__ import annotations

import json

import pytest
from django.test import Client, override_settings
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from advisor import api
from advisor.forms import AssessmentForm, QuoteForm
from tests.security_data import API_ANSWERS, row_counts

pytestmark = pytest.mark.django_db

# One fuzz through HTTP for the endpoint (each example a real request, scored and stored when valid); the
# functions that read and check the JSON are fuzzed directly, with many more examples at a fraction of the cost.
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DIRECT = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
NO_LIMITS = override_settings(RATELIMIT_ENABLE=False)
URL = "/api/assessments/"
FIELDS = sorted(AssessmentForm.base_fields)

# Any JSON value, lone surrogates and non-finite numbers included (json.dumps writes NaN and Infinity).
SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=50),
    st.text(st.characters(categories=["Cs", "Cc"]), max_size=5),
    st.just("x" * 100_000),
    st.sampled_from(["NaN", "Infinity", "-1", "1e999999", "legal", "", "\x00", "9" * 5000]),
)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=12,
)


@st.composite
def fuzzed_payloads(draw) -> object:
    """Mostly objects keyed by real field names, so the fuzz reaches the form; sometimes anything at all."""
    if draw(st.integers(0, 4)) == 0:
        return draw(JSON_VALUES)
    payload = dict(API_ANSWERS)
    for key in draw(st.lists(st.one_of(st.sampled_from(FIELDS), st.text(max_size=20)), min_size=1, max_size=5)):
        if draw(st.booleans()) and key in payload:
            del payload[key]
        else:
            payload[key] = draw(JSON_VALUES)
    return payload


def _assert_clean_refusal_or_creation(response, before: dict[str, int]) -> None:
    assert response.status_code in (201, 400, 413, 415), response.status_code
    body = response.json()
    if response.status_code == 201:
        assert row_counts()["assessments"] == before["assessments"] + 1
        assert body["recommendation"]
    else:
        assert row_counts() == before
        assert body["errors"] and all(isinstance(m, list) and m for m in body["errors"].values())


def _api_would_accept(payload: object, body: str) -> bool:
    """Whether the API should store `payload`: a JSON object within the size limit, of known fields with
    single values, that the assessment form (which the API reuses) accepts."""
    if not isinstance(payload, dict) or len(body.encode()) > api.MAX_BODY_BYTES:
        return False
    data, errors = api._form_data(payload)
    return not errors and AssessmentForm(data=data, every_quote_counts=True).is_valid()


def _post_and_check(payload: object):
    """Post the payload: stored exactly when the API should accept it, else refused cleanly with nothing stored."""
    body = json.dumps(payload)
    valid = _api_would_accept(payload, body)
    with NO_LIMITS:
        before = row_counts()
        response = Client().post(URL, body, content_type="application/json")
        _assert_clean_refusal_or_creation(response, before)
    assert (response.status_code == 201) is valid
    return response


QUOTE_FIELDS = sorted(QuoteForm.base_fields)
QUOTE_VALUES = st.one_of(
    JSON_VALUES,
    st.lists(st.sampled_from(["monitoring", "backup", "coffee", ""]), max_size=3),
    st.integers(-5, 500),
    st.sampled_from(["Acme", "120", "0", "-1", "12"]),
)


@st.composite
def fuzzed_quotes(draw) -> object:
    """Mostly lists of objects keyed by a quote's real fields, some valid; sometimes anything at all."""
    if draw(st.integers(0, 5)) == 0:
        return draw(JSON_VALUES)
    quotes = []
    for n in range(draw(st.integers(0, 5))):
        quote = {"name": f"Provider {n}", "price_per_user_month": 120} if draw(st.booleans()) else {}
        for key in draw(st.lists(st.one_of(st.sampled_from(QUOTE_FIELDS), st.text(max_size=10)), max_size=4)):
            quote[key] = draw(QUOTE_VALUES)
        quotes.append(quote if draw(st.integers(0, 9)) else draw(JSON_VALUES))
    return quotes


@FUZZ
@given(payload=st.one_of(fuzzed_payloads(), fuzzed_quotes().map(lambda quotes: {**API_ANSWERS, "quotes": quotes})))
def test_fuzzed_json_is_stored_when_valid_and_refused_with_errors_when_not(payload):
    response = _post_and_check(payload)
    if response.status_code == 201 and "quotes" in payload:
        assert len(response.json()["quotes"]) == len(payload["quotes"] or [])  # null: no quotes


def _quote_errors(quotes: object) -> tuple[bool, list]:
    """Whether the API takes these quotes (with good answers otherwise), and the errors it gives under "quotes"."""
    data, errors = api._form_data({**API_ANSWERS, "quotes": quotes})
    form = AssessmentForm(data=data, every_quote_counts=True)
    valid = form.is_valid() and not errors
    return valid, api._merged_quote_errors(errors.get("quotes", []), api._form_errors(form).get("quotes", []))


@DIRECT
@given(quotes=fuzzed_quotes())
def test_fuzzed_quotes_are_taken_when_valid_and_refused_with_one_object_per_quote_when_not(quotes):
    valid, errors = _quote_errors(quotes)
    if valid:
        assert errors == []
    else:
        assert errors, quotes
        assert all(isinstance(e, str) for e in errors) or (
            all(isinstance(e, dict) for e in errors) and len(errors) == len(quotes)
        )


@DIRECT
@given(
    field=st.sampled_from(FIELDS),
    value=st.sampled_from(
        [
            float("nan"),
            float("inf"),
            float("-inf"),
            -1,
            10**30,
            "NaN",
            "Infinity",
            "lots",
            "x" * 60_000,
            [],
            {},
            "\ud800",
            "legal\x00",
            1e308,
            -1e308,
            True,
            "2" * 5000,
        ]
    ),
)
def test_a_nasty_value_in_any_field_is_refused_and_named(field, value):
    # True is a fine answer to "may we contact you", and the name is free text: "nan" or "-1" may name a firm.
    assume(not (field == "contact_consent" and value is True))
    assume(
        not (
            field == "organisation_name"
            and isinstance(value, (int, float, str))
            and not isinstance(value, bool)
            and len(str(value)) <= 200
            and str(value).isprintable()
        )
    )
    # No framework, no control, no quotes: the defaults.
    assume(not ((field in api.LIST_FIELDS or field == "quotes") and value == []))
    payload = {**API_ANSWERS, field: value}
    if field == "email":
        payload["contact_consent"] = True
    assume(len(json.dumps(payload).encode()) <= api.MAX_BODY_BYTES)  # else refused for its size (a test below)
    data, errors = api._form_data(payload)
    form = AssessmentForm(data=data, every_quote_counts=True)
    assert not form.is_valid() or errors, (field, value)
    assert field in errors or field in form.errors or "__all__" in form.errors, (field, value)


@pytest.mark.parametrize(
    "body",
    [
        b"\xff\xfe{}",
        b'{"employees": 25, "industry": "legal", "incidents_per_month": "\xff"}',
        b"\xc3\x28",
        b'{"a": 1, "a": 2}',
        b"",
        b"null",
        b"[]",
        b'"string"',
        b"1e999999",
        b"NaN",
        b"9" * 6000,
        b"{" * 5000,
        b'{"employees": ' + b"9" * 5000 + b"}",
        b'{"industry": "legal\\u0000"}',
        b'{"organisation_name": "\\ud800"}',
    ],
)
def test_raw_bodies_that_are_not_utf_8_json_get_a_json_error(body):
    with NO_LIMITS:
        before = row_counts()
        response = Client().generic("POST", URL, body, content_type="application/json")
        _assert_clean_refusal_or_creation(response, before)
        assert response.status_code != 201


@pytest.mark.parametrize("depth", [100, 1_000, 10_000, 30_000])
@pytest.mark.parametrize("shape", ["list", "object"])
def test_deeply_nested_json_is_refused_not_crashed(depth, shape):
    body = "[" * depth + "]" * depth if shape == "list" else '{"a":' * depth + "1" + "}" * depth
    with NO_LIMITS:
        before = row_counts()
        response = Client().post(URL, body, content_type="application/json")
        assert response.status_code in (400, 413)
        assert row_counts() == before


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=xyz",
        "application/xml",
        "application/jsonp",
        "json",
        "text/json",
        "application/octet-stream",
        "*/*",
        "",
        "application/json-seq",
        "application/x-json",
    ],
)
def test_a_wrong_content_type_is_refused_with_415(content_type):
    with NO_LIMITS:
        before = row_counts()
        response = Client().generic("POST", URL, json.dumps(API_ANSWERS).encode(), content_type=content_type)
        assert response.status_code == 415
        assert "Content-Type: application/json" in response.json()["errors"]["__all__"][0]
        assert row_counts() == before


def test_a_body_over_the_api_limit_is_refused_with_413():
    body = json.dumps({**API_ANSWERS, "organisation_name": "x" * 70_000})
    with NO_LIMITS:
        before = row_counts()
        response = Client().post(URL, body, content_type="application/json")
        assert response.status_code == 413
        assert row_counts() == before


@pytest.mark.parametrize("method", ["GET", "PUT", "PATCH", "DELETE"])
def test_other_methods_on_the_create_endpoint_change_nothing(method):
    before = row_counts()
    response = Client().generic(method, URL, json.dumps(API_ANSWERS), content_type="application/json")
    assert response.status_code == 405
    assert row_counts() == before


def test_the_api_needs_no_csrf_token_because_it_takes_only_json():
    """Browsers cannot send a cross-site application/json POST without a CORS preflight we never grant."""
    with NO_LIMITS:
        response = Client(enforce_csrf_checks=True).post(URL, json.dumps(API_ANSWERS), content_type="application/json")
    assert response.status_code == 201


@FUZZ
@given(payload=st.one_of(fuzzed_payloads(), fuzzed_quotes().map(lambda quotes: {**API_ANSWERS, "quotes": quotes})))
def test_fuzzed_json_is_scored_without_storing_when_valid_and_refused_like_the_storing_endpoint_when_not(payload):
    body = json.dumps(payload)
    valid = _api_would_accept(payload, body)
    with NO_LIMITS:
        before = row_counts()
        response = Client().post("/api/score/", body, content_type="application/json")
        assert row_counts() == before
    assert response.status_code in (200, 400, 413, 415), response.status_code
    assert (response.status_code == 200) is valid
    document = response.json()
    if valid:
        assert document["recommendation"] and "id" not in document
    else:
        assert document["errors"] and all(isinstance(m, list) and m for m in document["errors"].values())
