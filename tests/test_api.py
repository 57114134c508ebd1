"""The JSON API: round trip, catalogue, and the shapes of its errors."""

from __future__ import annotations

import json

import pytest

from advisor.models import Assessment

pytestmark = pytest.mark.django_db

ANSWERS = {
    "organisation_name": "Corner Shop",
    "industry": "retail",
    "employees": 3,
    "incidents_per_month": 0.5,
    "budget_preference": "pay_as_you_go",
    "it_dependence": "low",
}


def post(client, body, content_type="application/json"):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post("/api/assessments/", data, content_type=content_type)


def test_post_scores_and_stores_an_assessment(client):
    response = post(client, ANSWERS)
    assert response.status_code == 201
    document = response.json()
    assessment = Assessment.objects.get()
    assert document["id"] == str(assessment.public_id)
    assert document["url"] == f"http://testserver/assessment/{assessment.public_id}/"
    assert response["Location"] == document["url"]
    assert document["recommendation"] == "break-fix" == assessment.recommendation
    assert isinstance(document["close_call"], bool)
    scores = {s["model"]: s for s in document["scores"]}
    assert set(scores) == {"break-fix", "msp", "block-hours", "in-house"}
    assert [n["slug"] for n in document["not_applicable"]] == ["co-managed"]  # it needs in-house IT staff
    for score in scores.values():
        assert 0 <= score["fit"] <= 100
        cost = score["cost"]
        assert cost["three_years"]["low"] <= cost["three_years"]["expected"] <= cost["three_years"]["high"]
        parts = cost["parts_three_years"]
        assert set(parts) == {"bills", "lost_work", "risk"}
        for part in parts.values():
            assert part["low"] <= part["expected"] <= part["high"]
        assert sum(p["expected"] for p in parts.values()) == pytest.approx(cost["three_years"]["expected"], abs=0.02)
        assert 0 <= score["chance_cheapest"] <= 1 and "overall" in score
    assert sum(s["chance_cheapest"] for s in scores.values()) == pytest.approx(1)
    assert document["scope_note"] is None
    assert document["factors"] and document["tipping_points"] and document["assumptions"]
    assert "email" not in document["inputs"]


def test_an_api_assessment_is_stored_like_one_from_the_form_and_its_page_works(client):
    document = post(client, ANSWERS).json()
    page = client.get(document["url"])
    assert page.status_code == 200
    assert "Break/Fix" in page.content.decode()
    assessment = Assessment.objects.get()
    assert assessment.sites == 1 and assessment.operating_hours == "business_hours"  # the form's defaults


def test_get_returns_the_same_document_from_the_snapshot(client):
    created = post(client, ANSWERS).json()
    fetched = client.get(f"/api/assessments/{created['id']}/")
    assert fetched.status_code == 200
    assert fetched.json() == created


def test_the_post_answers_with_the_very_bytes_a_later_get_reads_back(client):
    # Whole numbers given for decimal answers: the POST answers from the result in memory, the GET from storage.
    response = post(client, {**ANSWERS, "devices": 12, "it_staff": 1, "downtime_cost_per_hour": 900})
    fetched = client.get(f"/api/assessments/{response.json()['id']}/")
    assert fetched.content == response.content


def test_get_may_be_kept_by_the_client_only_and_is_asked_for_again_before_use(client):
    created = post(client, ANSWERS).json()
    fetched = client.get(f"/api/assessments/{created['id']}/")
    assert set(fetched["Cache-Control"].split(", ")) == {"private", "no-cache"}


def test_get_unknown_assessment_is_a_json_404(client):
    response = client.get("/api/assessments/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert "errors" in response.json()


def test_bad_fields_give_400_with_messages_per_field_and_store_nothing(client):
    response = post(client, {**ANSWERS, "employees": 0, "incidents_per_month": "many", "industry": "mining"})
    assert response.status_code == 400
    errors = response.json()["errors"]
    assert errors["employees"] == ["Enter 1 or more."]
    assert errors["incidents_per_month"] == ["Enter a number, such as 2 or 2.5."]
    assert errors["industry"] == ["Choose one of the options listed."]
    assert Assessment.objects.count() == 0


def test_missing_required_fields_are_named(client):
    errors = post(client, {}).json()["errors"]
    assert set(errors) == {"industry", "employees"}


def test_problems_a_month_may_be_left_out_and_are_then_estimated(client):
    document = post(client, {key: value for key, value in ANSWERS.items() if key != "incidents_per_month"}).json()
    assert document["estimates"]["incidents_estimated"] is True
    assert document["inputs"]["incidents_per_month"] is None


def test_a_large_organisation_gets_a_scope_note_and_still_a_recommendation(client):
    document = post(client, {**ANSWERS, "employees": 2000, "incidents_per_month": 300}).json()
    assert document["scope_note"] and document["recommendation"] == document["scores"][0]["model"]


def test_the_document_keys_are_the_documented_contract(client):
    document = post(client, ANSWERS).json()
    assert set(document) == {
        "id",
        "url",
        "region",
        "currency",
        "scored_at",
        "model_version",
        "recommendation",
        "recommendation_name",
        "close_call",
        "headline",
        "summary",
        "reasons",
        "scope_note",
        "notes",
        "not_applicable",
        "scores",
        "needs",
        "factors",
        "tipping_points",
        "depends",
        "assumptions",
        "estimates",
        "inputs",
        "quotes",
        "quote_verdict",
        "recommended_quote",
        "url_without_quotes",
        "requirements",
        "requirement_line",
        "requirement_notes",
    }
    assert set(document["scores"][0]) == {
        "model",
        "name",
        "title",
        "fit",
        "cost_score",
        "overall",
        "line",
        "cost",
        "chance_cheapest",
        "dimensions",
    }
    assert set(document["depends"]) == {
        "leader",
        "runner_up",
        "gap",
        "answers",
        "figures",
        "most",
        "words",
        "measure",
    }
    assert set(document["depends"]["answers"][0]) == {
        "key",
        "label",
        "kind",
        "low",
        "high",
        "gap_low",
        "gap_high",
        "changes",
        "money",
    }
    assert set(document["tipping_points"][0]) == {
        "field",
        "label",
        "kind",
        "current",
        "value",
        "direction",
        "becomes",
        "text",
    }


def test_unknown_fields_and_nested_values_are_refused(client):
    errors = post(client, {**ANSWERS, "colour": "blue", "sites": [1, 2]}).json()["errors"]
    assert errors["colour"] == ["Unknown field."]
    assert errors["sites"] == ["Give a single value, not a list or an object."]
    assert Assessment.objects.count() == 0


@pytest.mark.parametrize("body", ["[1, 2]", '"text"', "42", "null", "{not json", b"\xff\xfe", '{"a": ' * 5000])
def test_a_body_that_is_not_a_json_object_is_a_400_with_a_message(client, body):
    response = post(client, body)
    assert response.status_code == 400
    assert response.json()["errors"]["__all__"]
    assert Assessment.objects.count() == 0


def test_a_wrong_content_type_is_a_415(client):
    response = client.post("/api/assessments/", {"employees": "3"})
    assert response.status_code == 415
    assert "application/json" in response.json()["errors"]["__all__"][0]


def test_no_csrf_token_is_needed(client):
    from django.test import Client

    strict = Client(enforce_csrf_checks=True)
    assert strict.post("/api/assessments/", json.dumps(ANSWERS), content_type="application/json").status_code == 201


def test_support_models_lists_the_catalogue(client):
    catalogue = client.get("/api/support-models/").json()
    assert [m["slug"] for m in catalogue["support_models"]] == [
        "break-fix",
        "msp",
        "block-hours",
        "co-managed",
        "in-house",
    ]
    assert len(catalogue["dimensions"]) == 10
    msp = catalogue["support_models"][1]
    assert len(msp["characteristics"]) == 10
    fee = next(p for p in msp["cost_parameters"] if p["key"] == "fee_per_user_month")
    assert fee["low"] <= fee["expected"] <= fee["high"] and fee["source_title"] and fee["vendor_claim"] is True
