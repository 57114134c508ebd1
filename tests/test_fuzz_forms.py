"""Bad input to the HTML forms: never a 500, never a stored row, always a message.

Hypothesis throws numbers that are huge, negative, NaN or infinite, words where numbers belong, 100 kB
strings, control characters, unknown choices, raw bytes that are not UTF-8 and bodies of the wrong type.
"""

from __future__ import annotations

import pytest
from django.core.exceptions import RequestDataTooBig
from django.test import Client, RequestFactory, override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from advisor.forms import AssessmentForm
from advisor.models import Comment
from tests.security_data import FORM_ANSWERS, comment_answers, make_assessment, row_counts

pytestmark = pytest.mark.django_db

# One fuzz through HTTP for each endpoint (each example a real request, scored and stored when valid); the
# form's own checks are fuzzed directly, with more examples at a fraction of the cost.
FUZZ = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
DIRECT = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# The fuzzers post far more than any rate limit allows, and at machine speed.
NO_LIMITS = override_settings(RATELIMIT_ENABLE=False, COMMENT_MIN_SECONDS=0)

NUMBER_FIELDS = [
    n for n, f in AssessmentForm.base_fields.items() if f.__class__.__name__ in ("IntegerField", "DecimalField")
]
CHOICE_FIELDS = [n for n, f in AssessmentForm.base_fields.items() if f.__class__.__name__ == "ChoiceField"]
TEXT_FIELDS = ["organisation_name", "email"]

# Text a browser could send: any character but lone surrogates, which UTF-8 cannot carry.
_chars = st.characters(exclude_categories=["Cs"])
NASTY_STRINGS = st.sampled_from(
    [
        "",
        " ",
        "\x00",
        "a\x00b",
        "\x01\x02\x1b[31m",
        "\u202eevil",
        "\ufeff",
        "😀" * 50,
        "<script>alert(1)</script>",
        "'; DROP TABLE advisor_assessment; --",
        "x" * 100_000,
        "9" * 5000,
        "%00",
        "../../etc/passwd",
    ]
)
NASTY_NUMBERS = st.one_of(
    st.sampled_from(
        [
            "NaN",
            "nan",
            "-NaN",
            "sNaN",
            "Infinity",
            "-Infinity",
            "inf",
            "1e999999",
            "-1e999999",
            "1e-999999",
            "9" * 5000,
            "-1",
            "-0.01",
            "0x10",
            "1_000",
            "١٢",
            "12abc",
            "1,5",
            "1.5.5",
            "+-1",
            "0.001",
            "1e3",
            "100000",
            "100001",
            "1000000000",
            "1000000000.01",
            "0",
            "0.0",
            "-0",
            "10000.00",
            "99999999999999.99",
        ]
    ),
    st.integers(min_value=-(10**40), max_value=10**40).map(str),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.decimals(allow_nan=True, allow_infinity=True).map(str),
    st.text(_chars, max_size=20),
)
ANY_VALUE = st.one_of(NASTY_NUMBERS, NASTY_STRINGS, st.text(_chars, max_size=300))


@st.composite
def fuzzed_answers(draw) -> dict[str, str]:
    """The law firm's answers with some fields replaced by something nasty (or dropped)."""
    data = dict(FORM_ANSWERS)
    for name in draw(st.lists(st.sampled_from(list(FORM_ANSWERS) + ["contact_consent"]), min_size=1, max_size=6)):
        if name in NUMBER_FIELDS:
            value = draw(st.one_of(NASTY_NUMBERS, st.none()))
        elif name in CHOICE_FIELDS:
            value = draw(
                st.one_of(st.sampled_from(["unknown", "LEGAL", " legal", "legal\x00", ""]), ANY_VALUE, st.none())
            )
        else:
            value = draw(st.one_of(ANY_VALUE, st.none()))
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


@st.composite
def invalid_answers(draw) -> dict[str, str]:
    """Answers with at least one value that no form may accept."""
    data = dict(FORM_ANSWERS)
    kind = draw(st.sampled_from(["number", "choice", "name", "email"]))
    if kind == "number":
        field = draw(st.sampled_from(NUMBER_FIELDS))
        data[field] = draw(
            st.sampled_from(
                ["NaN", "Infinity", "-Infinity", "1e999999", "-1", "abc", "9" * 5000, "1.234", "0x10", "x" * 100_000]
            )
        )
    elif kind == "choice":
        field = draw(st.sampled_from(CHOICE_FIELDS))
        data[field] = draw(st.text(_chars, max_size=40).filter(lambda v: v.strip() not in _valid_choices(field)))
    elif kind == "name":
        data["organisation_name"] = draw(
            st.one_of(
                st.text(_chars, min_size=201, max_size=300).filter(lambda v: len(" ".join(v.split())) > 200),
                st.just("x" * 100_000),
                st.sampled_from(["Acme\x00Ltd", "Acme\x01Ltd", "Acme\x7f\x1bLtd"]),
            )
        )
    else:
        data["email"] = draw(
            st.sampled_from(
                ["not-an-email", "a@", "@b.c", "a@b@c.d", "x" * 100_000 + "@example.org", "a\x00@example.org"]
            )
        )
        data["contact_consent"] = "on"
    return data


def _valid_choices(field: str) -> set[str]:
    """A field's choices; blank too for an optional one (cyber_insurance, left blank, is "no"; the VAT question is
    not asked everywhere)."""
    found = AssessmentForm.base_fields[field]
    return {str(value) for value, _ in found.choices} | (set() if found.required else {""})


def _assert_refused_or_stored(response, before: dict[str, int], table: str) -> None:
    """Valid: one row more. Invalid: the form again with messages (200), or, for a body over the upload
    limit, our page saying it could not be read (400); no row either way."""
    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code == 302:
        assert row_counts()[table] == before[table] + 1
    else:
        assert row_counts() == before
    if response.status_code == 400:
        assert "We could not read that request" in response.content.decode()


def _form_would_accept(data: dict) -> bool | None:
    """Whether the assessment form accepts `data` as the view will receive it (encoded and parsed by Django),
    or None when the body is too large for Django to parse at all."""
    try:
        posted = RequestFactory().post("/assess/", data).POST
    except RequestDataTooBig:
        return None
    return AssessmentForm(posted).is_valid()


@FUZZ
@given(data=fuzzed_answers())
def test_fuzzed_assessment_answers_are_stored_when_valid_and_refused_when_not(data):
    valid = _form_would_accept(data)
    with NO_LIMITS:
        before = row_counts()
        response = Client().post("/assess/", data)
    if valid:
        assert response.status_code == 302
        assert row_counts()["assessments"] == before["assessments"] + 1
    else:
        assert response.status_code == (400 if valid is None else 200)
        assert row_counts() == before
        if valid is not None:
            assert "Please correct" in response.content.decode()


@DIRECT
@given(data=invalid_answers())
def test_invalid_assessment_answers_are_refused_with_a_message(data):
    """As the view receives them (encoded and parsed by Django); a body too large to parse is refused before
    any form sees it (test_a_body_over_the_upload_limit_is_refused_with_our_page)."""
    try:
        posted = RequestFactory().post("/assess/", data).POST
    except RequestDataTooBig:
        return
    form = AssessmentForm(posted)
    assert not form.is_valid()
    assert form.errors and all(form.errors.values())


@st.composite
def fuzzed_comments(draw) -> dict[str, str]:
    data = comment_answers()
    for name in draw(st.lists(st.sampled_from(["name", "email", "website", "text"]), min_size=1, max_size=4)):
        value = draw(st.one_of(ANY_VALUE, st.none()))
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


@FUZZ
@given(data=fuzzed_comments())
def test_fuzzed_comments_are_stored_when_valid_and_refused_when_not(data):
    with NO_LIMITS:
        before = row_counts()
        response = Client().post("/comments/", data)
        _assert_refused_or_stored(response, before, "comments")


CONTENT_TYPES = [
    "application/x-www-form-urlencoded",
    "application/x-www-form-urlencoded; charset=latin-1",
    "application/x-www-form-urlencoded; charset=nonsense",
    "multipart/form-data; boundary=xyz",
    "multipart/form-data",
    "application/json",
    "text/plain",
    "application/octet-stream",
    "",
    "*/*",
]


@pytest.mark.parametrize("path", ["/assess/", "/comments/"])
@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "multipart/form-data; boundary=xyz"])
@pytest.mark.parametrize(
    "body",
    [
        b"employees=%ff%fe&industry=\xff\xfe",
        b"\xc3\x28=\xa0\xa1",
        b"industry=legal&employees=25\x00",
        b"=&=&&==",
        b'--xyz\r\nContent-Disposition: form-data; name="employees"\r\n\r\n\xff\r\n--xyz--\r\n',
        b'--xyz\r\nContent-Disposition: form-data; name="a"; filename="../../x"\r\n\r\nA\r\n--xyz--',
        b"a=" + b"x" * 300_000,
    ],
)
def test_raw_bodies_that_are_not_utf_8_or_not_forms_never_break_a_form(body, content_type, path):
    with NO_LIMITS:
        before = row_counts()
        response = Client().generic("POST", path, body, content_type=content_type)
        assert response.status_code in (200, 400, 413), response.status_code
        assert row_counts() == before


@pytest.mark.parametrize("path", ["/assess/", "/comments/"])
@pytest.mark.parametrize("content_type", CONTENT_TYPES)
def test_a_body_of_any_type_never_breaks_a_form(content_type, path):
    with NO_LIMITS:
        before = row_counts()
        response = Client().generic("POST", path, b"employees=%ff%fe&industry=\xff\xfe", content_type=content_type)
        assert response.status_code in (200, 400, 413), response.status_code
        assert row_counts() == before


def test_a_body_over_the_upload_limit_is_refused_with_our_page():
    with NO_LIMITS:
        before = row_counts()
        response = Client().post("/assess/", {**FORM_ANSWERS, "organisation_name": "x" * 300_000})
        assert response.status_code == 413  # refused by its length, before anything read it
        assert "We could not read that request" in response.content.decode()
        assert row_counts() == before


def test_an_assessment_posted_without_the_csrf_token_is_refused_and_explained():
    client = Client(enforce_csrf_checks=True)
    client.get("/assess/")  # the browser has the cookie, but the form lacks the token
    with NO_LIMITS:
        before = row_counts()
        response = client.post("/assess/", FORM_ANSWERS)
    assert response.status_code == 403
    assert "We could not confirm that this form came from our own page" in response.content.decode()
    assert row_counts() == before


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},  # a sibling subdomain is another site too
        {"HTTP_ORIGIN": "https://spam.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "https://spam.example"},
    ],
    ids=["cross-site", "same-site", "other-origin", "null-origin", "mixed"],
)
def test_a_comment_a_browser_sent_from_another_site_is_refused_and_explained(headers):
    """The comment form takes no CSRF token (it acts on nobody's behalf); browsers say where a post came from."""
    with NO_LIMITS:
        before = row_counts()
        response = Client(enforce_csrf_checks=True).post("/comments/", comment_answers(), **headers)
    assert response.status_code == 403
    assert "sent from another website, so nothing was saved" in response.content.decode()
    assert row_counts() == before


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "same-origin", "HTTP_ORIGIN": "http://testserver"},
        {"HTTP_ORIGIN": "http://testserver"},
        {},  # no browser another site could steer
    ],
    ids=["browser-same-origin", "origin-only", "no-headers"],
)
def test_a_comment_sent_from_our_own_page_is_held_without_a_csrf_token(headers):
    with NO_LIMITS:
        response = Client(enforce_csrf_checks=True).post("/comments/", comment_answers(), **headers)
    assert response.status_code == 302
    assert Comment.objects.filter(is_approved=False).count() == 1


@pytest.mark.parametrize("action", ["rescore/", "delete/"])
def test_rescoring_or_deleting_without_the_csrf_token_changes_nothing(action):
    assessment = make_assessment()
    before = row_counts()
    response = Client(enforce_csrf_checks=True).post(assessment.get_absolute_url() + action)
    assert response.status_code == 403
    assert row_counts() == before


@settings(FUZZ, max_examples=20)
@given(value=st.one_of(st.text(_chars, max_size=200), st.just("x" * 10_000)))
def test_a_fuzzed_start_again_link_shows_the_blank_form(value):
    response = Client().get("/assess/", {"from": value})
    assert response.status_code == 200


@settings(FUZZ, max_examples=20)
@given(segment=st.text(_chars.filter(lambda c: c not in "/?#"), min_size=1, max_size=80))
def test_fuzzed_addresses_are_not_found_never_an_error(segment):
    for path in (f"/assessment/{segment}/", f"/api/assessments/{segment}/", f"/{segment}"):
        assert Client().get(path).status_code in (200, 301, 302, 404)
