"""POST /api/score/: the assessment's document, scored against today's figures and stored nowhere."""

from __future__ import annotations

import json

import pytest
from django.test import override_settings

from advisor.models import Assessment, OptionOutcome
from tests.security_data import API_ANSWERS, row_counts
from tests.test_api import ANSWERS

pytestmark = pytest.mark.django_db

STORED_ONLY = {"id", "url", "url_without_quotes"}


def post(client, body, url="/api/score/", **extra):
    data = body if isinstance(body, (str, bytes)) else json.dumps(body)
    return client.post(url, data, content_type="application/json", **extra)


def test_score_answers_the_stored_document_less_its_id_and_links_and_stores_nothing(client):
    with_quote = {**ANSWERS, "quotes": [{"name": "Northern IT", "price_per_user_month": 110}]}
    response = post(client, with_quote)
    assert response.status_code == 200
    assert "Location" not in response
    assert Assessment.objects.count() == 0 and OptionOutcome.objects.count() == 0
    scored = response.json()
    stored = post(client, with_quote, url="/api/assessments/").json()
    assert set(stored) - set(scored) == STORED_ONLY and set(scored) <= set(stored)
    for key in set(scored) - {"scored_at"}:
        assert scored[key] == stored[key], key
    assert scored["quotes"][0]["name"] == "Northern IT"


def test_score_ignores_an_idempotency_key_and_stores_nothing_for_it(client):
    first = post(client, ANSWERS, HTTP_IDEMPOTENCY_KEY="same")
    second = post(client, {**ANSWERS, "employees": 40}, HTTP_IDEMPOTENCY_KEY="same")
    assert (first.status_code, second.status_code) == (200, 200)
    assert first.json()["inputs"]["employees"] == 3 and second.json()["inputs"]["employees"] == 40
    assert Assessment.objects.count() == 0


@pytest.mark.parametrize(
    ("body", "content_type", "status"),
    [
        ({**ANSWERS, "employees": 0, "colour": "red"}, "application/json", 400),
        ("[1, 2]", "application/json", 400),
        ("{", "application/json", 400),
        (ANSWERS, "text/plain", 415),
        ({**ANSWERS, "organisation_name": "x" * 70_000}, "application/json", 413),
    ],
)
def test_bad_input_gets_the_same_answer_as_the_storing_endpoint(client, body, content_type, status):
    data = body if isinstance(body, str) else json.dumps(body)
    before = row_counts()
    scored = client.post("/api/score/", data, content_type=content_type)
    created = client.post("/api/assessments/", data, content_type=content_type)
    assert scored.status_code == created.status_code == status
    assert scored.json() == created.json()
    assert row_counts() == before


@override_settings(RATELIMIT_ENABLE=True, RATELIMITS={"assessments": (5, 600), "api": (2, 600), "comments": (2, 600)})
@pytest.mark.usefixtures("shared_store")
def test_score_counts_in_the_api_bucket_with_posts_that_store(client):
    assert post(client, API_ANSWERS, REMOTE_ADDR="192.0.2.44").status_code == 200
    assert post(client, API_ANSWERS, url="/api/assessments/", REMOTE_ADDR="192.0.2.44").status_code == 201
    refused = post(client, API_ANSWERS, REMOTE_ADDR="192.0.2.44")
    assert refused.status_code == 429 and refused["Content-Type"] == "application/json"


def test_score_takes_only_post(client):
    assert client.get("/api/score/").status_code == 405
