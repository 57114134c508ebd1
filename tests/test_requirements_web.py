"""What the insurer and frameworks ask, through the API, the form and the result page (issue 32)."""

from __future__ import annotations

import json
import re

import pytest

from advisor.models import Assessment

pytestmark = pytest.mark.django_db

DENTAL = {"industry": "healthcare", "employees": 9, "frameworks": ["hipaa"]}
PLAIN = {"industry": "legal", "employees": 14, "backup": "none"}
VARYING = {"id", "url", "scored_at"}


def post(client, body):
    return client.post("/api/assessments/", json.dumps(body), content_type="application/json")


def stable(document):
    return {key: value for key, value in document.items() if key not in VARYING}


def test_a_body_leaving_the_answers_out_scores_as_one_giving_their_defaults(client):
    left_out = post(client, PLAIN).json()
    defaults = post(client, {**PLAIN, "cyber_insurance": "no", "frameworks": [], "controls": []}).json()
    nulls = post(client, {**PLAIN, "cyber_insurance": None, "frameworks": None, "controls": None}).json()
    assert stable(left_out) == stable(defaults) == stable(nulls)
    assert left_out["requirements"] == [] and left_out["requirement_line"] == ""


def test_the_api_returns_the_requirements_with_a_baa_named_for_every_outside_option(client):
    document = post(client, DENTAL).json()
    (row,) = document["requirements"]
    assert row["code"] == "hipaa_baa" and row["name"].startswith("A Business Associate Agreement")
    cells = {cell["model"]: cell for cell in row["options"]}
    assert set(cells) == {s["model"] for s in document["scores"]}
    for slug in ("break-fix", "block-hours", "msp"):
        assert cells[slug]["meets"] == "with_addon"
        assert set(cells[slug]["addon"]) == {"name", "bills_three_years"}
        assert set(cells[slug]["addon"]["bills_three_years"]) == {"low", "expected", "high"}
        assert cells[slug]["evidence"] == ["The signed Business Associate Agreement"]
    assert cells["in-house"]["meets"] == "yes" and cells["in-house"]["addon"] is None
    assert document["inputs"]["frameworks"] == ["hipaa"]


def test_lists_of_codes_are_checked_beside_their_field(client):
    errors = post(client, {**PLAIN, "frameworks": "hipaa", "controls": ["mfa", "firewall"]}).json()["errors"]
    assert errors["frameworks"] == ['Give a list of codes, such as ["cyber_essentials"], or leave it out.']
    assert "firewall" in errors["controls"][0]
    errors = post(client, {**PLAIN, "frameworks": ["not_sure", "hipaa"], "cyber_insurance": "maybe"}).json()["errors"]
    assert errors["frameworks"] == ["Tick 'Not sure' alone, or the frameworks you follow."]
    assert "maybe" in errors["cyber_insurance"][0]
    assert Assessment.objects.count() == 0


def test_the_form_offers_the_regions_frameworks_and_keeps_what_was_ticked(client):
    html = client.get("/assess/").content.decode()
    assert 'value="hipaa"' in html and 'value="not_sure"' in html
    assert 'value="cyber_essentials"' not in html  # not in the US book
    response = client.post(
        "/assess/",
        {
            **PLAIN,
            "sites": 1,
            "it_staff": 0,
            "operating_hours": "business_hours",
            "it_dependence": "medium",
            "compliance": "strict",
            "growth": "stable",
            "budget_preference": "no_preference",
            "frameworks": ["not_sure", "hipaa"],
            "controls": ["mfa"],
            "quotes-TOTAL_FORMS": 0,
            "quotes-INITIAL_FORMS": 0,
        },
    )
    html = response.content.decode()
    assert response.status_code == 200 and "Tick &#x27;Not sure&#x27; alone" in html
    assert re.search(r'<input[^>]*name="controls"[^>]*value="mfa"[^>]*checked', html)


def test_the_result_page_shows_the_matrix_folded_and_says_it_is_no_certification(client):
    document = post(client, DENTAL).json()
    html = client.get(document["url"]).content.decode()
    assert '<details class="mb-3 fold" id="requirements">' in html
    assert "A Business Associate Agreement signed by the provider" in html
    assert "not certification or legal advice" in html


def test_a_rescore_keeps_what_the_organisation_must_meet(client):
    document = post(client, DENTAL).json()
    original = Assessment.objects.get(public_id=document["id"])
    client.post(f"/assessment/{original.public_id}/rescore/")
    again = Assessment.objects.exclude(pk=original.pk).get()
    assert client.get(f"/api/assessments/{again.public_id}/").json()["inputs"]["frameworks"] == ["hipaa"]


def test_a_stored_result_with_every_requirement_and_three_quotes_stays_under_10_kb():
    from advisor import snapshot
    from advisor.catalogue import load_catalogue
    from advisor.engine import decide, requirements
    from advisor.engine.domain import Profile, Quote

    quotes = tuple(Quote(name=f"Provider {n}", price_per_user_month=120, includes=("helpdesk",)) for n in range(3))
    every = tuple(code for code, _ in requirements.FRAMEWORKS)
    profile = Profile(
        industry="finance", employees=40, it_staff=1, cyber_insurance="yes", frameworks=every, quotes=quotes
    )
    result = decide.score(profile, load_catalogue())
    assert len(result.requirements) >= 10
    assert (
        len(snapshot.result_document(profile=profile, result=result, scored_at="2026-12-06T09:00:00+00:00")) <= 10_240
    )


def test_the_answers_table_says_what_the_organisation_must_meet_and_a_quotes_patch_promise(client):
    quote = {"name": "Northern IT", "price_per_user_month": 140, "includes": ["helpdesk"], "patch_days": 30}
    document = post(client, {**DENTAL, "cyber_insurance": "not_sure", "controls": ["mfa"], "quotes": [quote]}).json()
    html = client.get(document["url"]).content.decode()
    assert "Frameworks you must meet" in html and "HIPAA" in html
    assert "Multi-factor sign-in (MFA) on every account" in html
    assert "critical fixes within 30 days" in html
    # Insurers ask for a documented cadence, not a number of days, and HIPAA for an agreement: no deadline to miss.
    assert [f for f in document["quotes"][0]["flags"] if f["code"] == "misses_requirement"] == []
