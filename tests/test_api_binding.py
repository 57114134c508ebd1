"""The API binds the assessment form to the JSON values as they are (issue 27, item 3): one validator, one path."""

from __future__ import annotations

import json

import pytest

from advisor import snapshot
from advisor.models import Assessment

pytestmark = pytest.mark.django_db

# A dental practice of 14 people, typing its numbers as JSON numbers.
PRACTICE = {
    "industry": "healthcare",
    "employees": 14,
    "devices": 30,
    "it_staff": 0.5,
    "downtime_cost_per_hour": 1200,
    "quotes": [{"name": "Bay IT", "price_per_user_month": 95, "term_months": 24, "includes": ["helpdesk"]}],
}


def post(client, body):
    return client.post("/api/assessments/", json.dumps(body), content_type="application/json")


def test_numbers_given_as_json_numbers_and_as_text_make_the_same_answers(client):
    as_numbers = post(client, PRACTICE)
    as_text = post(
        client,
        {
            **{k: str(v) if isinstance(v, int | float) else v for k, v in PRACTICE.items()},
            "quotes": [{**PRACTICE["quotes"][0], "price_per_user_month": "95", "term_months": "24"}],
        },
    )
    assert (as_numbers.status_code, as_text.status_code) == (201, 201)
    first, second = (
        snapshot.load(Assessment.objects.get(public_id=r.json()["id"])).profile for r in (as_numbers, as_text)
    )
    assert first == second
    assert (first.devices, first.it_staff, first.quotes[0].term_months) == (30.0, 0.5, 24)


def test_a_number_where_a_country_code_goes_is_refused_beside_the_field(client):
    response = post(client, {**PRACTICE, "region": 44})
    assert response.status_code == 400
    assert list(response.json()["errors"]) == ["region"]
    assert Assessment.objects.count() == 0
