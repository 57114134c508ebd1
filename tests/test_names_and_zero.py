"""Names hold only what can be seen, and look-alike quote names count as one; -0 reads as 0 (issue 21)."""

from __future__ import annotations

import json
import math
from decimal import Decimal

import pytest
from django.test import Client

from advisor import report, services, snapshot
from advisor.engine.domain import Profile
from advisor.forms import HIDDEN_MESSAGE, AssessmentForm, CommentForm, name_key, quote_form_data
from advisor.models import Assessment, Comment
from tests.conftest import LAW_FIRM

pytestmark = pytest.mark.django_db

# Each kind the red team stored: a bidi override, zero-width characters, DEL, C1 controls, and other format
# characters (a soft hyphen, the byte-order mark, an invisible tag).
HIDDEN = {
    "bidi override": "Evil\u202eCorp",
    "bidi isolate": "Evil\u2066Corp",
    "right-to-left mark": "Evil\u200fCorp",
    "zero-width space": "Acme\u200b",
    "zero-width joiner": "Ac\u200dme",
    "word joiner": "Ac\u2060me",
    "delete": "Acme\x7f",
    "C1 control": "Acme\x85Ltd",
    "C1 control (CSI)": "Acme\x9b31m",
    "soft hyphen": "Ac\u00adme",
    "byte-order mark": "\ufeffAcme",
    "tag": "Acme\U000e0041",
}


def _quote(name: str) -> dict:
    return {"name": name, "price_per_user_month": 100}


@pytest.mark.parametrize("name", HIDDEN.values(), ids=HIDDEN.keys())
def test_an_organisation_name_with_hidden_characters_is_refused_at_the_field(name):
    form = AssessmentForm(data={**LAW_FIRM, "organisation_name": name})
    assert not form.is_valid()
    assert form.errors["organisation_name"] == [HIDDEN_MESSAGE]
    html = Client().post("/assess/", {**LAW_FIRM, "organisation_name": name}).content.decode()
    assert HIDDEN_MESSAGE in html
    assert 'value="25"' in html  # nothing else typed is lost
    assert not Assessment.objects.exists()


@pytest.mark.parametrize("name", HIDDEN.values(), ids=HIDDEN.keys())
def test_a_comment_author_or_quote_name_with_hidden_characters_is_refused_at_the_field(name):
    comment = CommentForm(data={"name": name, "email": "a@example.com", "text": "Hello"})
    assert not comment.is_valid() and comment.errors["name"] == [HIDDEN_MESSAGE]
    api = Client().post(
        "/api/assessments/",
        json.dumps({"industry": "retail", "employees": 3, "organisation_name": name, "quotes": [_quote(name)]}),
        content_type="application/json",
    )
    assert api.status_code == 400
    errors = api.json()["errors"]
    assert errors["organisation_name"] == [HIDDEN_MESSAGE] and errors["quotes"][0]["name"] == [HIDDEN_MESSAGE]
    assert not Assessment.objects.exists() and not Comment.objects.exists()


def test_names_with_letters_of_every_script_are_kept():
    for name in ("Zürich Ärzte GmbH", "Дом Ltd", "Σύμβουλοι", "株式会社", "שלום", "O'Brien & Sons", "👩‍💻"[0]):
        assert AssessmentForm(data={**LAW_FIRM, "organisation_name": name}).is_valid(), name


@pytest.mark.parametrize(
    "twin",
    [
        "ACME",  # case
        "Acme\u200b",  # a format character (refused on its own field, and never a second quote either)
        "\uff21cme",  # fullwidth A (NFKC)
        "\u0410cme",  # Cyrillic capital A
        "Acm\u0435",  # Cyrillic small e
        "\u0391cme",  # Greek capital alpha
        "A c m e".replace(" ", "") + " ",  # spacing
    ],
)
def test_quote_names_that_read_the_same_count_as_one(twin):
    assert name_key(twin) == name_key("Acme")
    data = {**LAW_FIRM, **quote_form_data([_quote("Acme"), _quote(twin)])}
    form = AssessmentForm(data=data, every_quote_counts=True)
    assert not form.is_valid()
    if "\u200b" in twin:
        assert form.quote_formset.forms[1].errors["name"] == [HIDDEN_MESSAGE]
    else:
        assert form.quote_formset.non_form_errors() == ["Give each quote its own name."]


def test_quote_names_that_differ_stay_apart():
    assert len({name_key(n) for n in ("Acme", "Acne", "Acme IT", "Ácme", "Аcme Ltd")}) == 5
    data = {**LAW_FIRM, **quote_form_data([_quote("Acme"), _quote("Acme IT")])}
    assert AssessmentForm(data=data, every_quote_counts=True).is_valid()


DECIMAL_ANSWERS = ("it_staff", "incidents_per_month", "downtime_cost_per_hour", "hourly_rate", "msp_fee_per_user")


def _signed_zero(value) -> bool:
    return (
        value is not None
        and value == 0
        and (value.is_signed() if isinstance(value, Decimal) else math.copysign(1, value) < 0)
    )


@pytest.mark.parametrize("name", DECIMAL_ANSWERS)
@pytest.mark.parametrize("zero", ["-0", "-0.00", "-0.0"])
def test_minus_zero_reads_as_zero_on_the_form_the_page_and_start_again(name, zero, client):
    location = client.post("/assess/", {**LAW_FIRM, name: zero})["Location"]
    assessment = Assessment.objects.get()
    assert getattr(assessment, name) == 0 and not _signed_zero(getattr(assessment, name))
    stored = snapshot.load(assessment)
    assert not _signed_zero(getattr(stored.profile, name))
    html = client.get(location).content.decode()
    assert ">-0<" not in html and "$-0" not in html and "-0 " not in html
    again = client.get(f"/assess/?from={assessment.public_id}").content.decode()
    assert 'value="-0' not in again


@pytest.mark.parametrize("name", DECIMAL_ANSWERS)
@pytest.mark.parametrize("zero", ['"-0"', "-0.0", "-0e0"])
def test_minus_zero_reads_as_zero_in_the_api(name, zero):
    body = f'{{"industry": "retail", "employees": 3, "{name}": {zero}}}'
    response = Client().post("/api/assessments/", body, content_type="application/json")
    assert response.status_code == 201
    value = response.json()["inputs"][name]
    assert value == 0 and math.copysign(1, value) > 0
    assert b"-0" not in json.dumps(response.json()["inputs"]).encode()


def test_a_result_stored_with_minus_zero_reads_as_zero():
    """A result stored before the form read -0 as 0 shows 0, not "-0" or "$-0"."""
    profile = Profile(
        industry="retail",
        employees=3,
        it_staff=-0.0,
        incidents_per_month=-0.0,
        downtime_cost_per_hour=-0.0,
        hourly_rate=-0.0,
        msp_fee_per_user=-0.0,
    )
    assessment = services.assessment_create(scored=services.assessment_score(profile=profile))
    stored = snapshot.load(assessment)
    assert not any(_signed_zero(getattr(stored.profile, name)) for name in DECIMAL_ANSWERS)
    texts = [row.value for row in report.answer_rows(stored)]
    assert not [text for text in texts if text.startswith(("-0", "$-0"))]
    html = Client().get(assessment.get_absolute_url()).content.decode()
    assert "$-0" not in html and ">-0<" not in html
