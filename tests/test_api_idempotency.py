"""`Idempotency-Key` on POST /api/assessments/ (advisor/idempotency.py): a client can retry safely."""

from __future__ import annotations

import json

import pytest
from django.conf import settings
from django.core.cache import caches
from django.test import Client, RequestFactory
from django.utils import timezone

from advisor import idempotency
from advisor.models import Assessment, IdempotencyKey, RateCount

# Each test on the database table and on a real Redis server (tests/conftest.py, shared_store).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("shared_store")]

ANSWERS = {"organisation_name": "Corner Shop", "industry": "retail", "employees": 3, "incidents_per_month": 0.5}
KEY = "3f1c9a52-retry-me"


def post(body, *, key: str | None = KEY, ip: str = "192.0.2.10", raw: str | None = None):
    headers = {} if key is None else {"HTTP_IDEMPOTENCY_KEY": key}
    return Client().post(
        "/api/assessments/", raw or json.dumps(body), content_type="application/json", REMOTE_ADDR=ip, **headers
    )


def test_the_same_key_and_body_return_the_first_answer_and_store_nothing_more():
    first = post(ANSWERS)
    # A retry after a lost answer, with the same body written differently (spacing, order).
    again = post(ANSWERS, raw=json.dumps(dict(reversed(list(ANSWERS.items()))), indent=2))
    assert (first.status_code, again.status_code) == (201, 201)
    assert again.content == first.content and again["Location"] == first["Location"]
    assert again["Idempotent-Replayed"] == "true" and "Idempotent-Replayed" not in first
    assert Assessment.objects.count() == 1


def test_the_same_key_with_a_different_body_is_refused():
    post(ANSWERS)
    response = post({**ANSWERS, "employees": 4})
    assert response.status_code == 422
    assert response.json() == {"errors": {"__all__": ["This Idempotency-Key was already used with a different body."]}}
    assert Assessment.objects.count() == 1


def test_keys_are_kept_per_client_so_another_client_cannot_read_an_answer_by_its_key():
    mine = post(ANSWERS, ip="192.0.2.10").json()
    theirs = post(ANSWERS, ip="198.51.100.5")
    assert theirs.status_code == 201 and "Idempotent-Replayed" not in theirs
    assert theirs.json()["id"] != mine["id"]
    assert Assessment.objects.count() == 2


def test_without_a_key_every_post_is_a_new_assessment():
    assert [post(ANSWERS, key=None).status_code for _ in range(2)] == [201, 201]
    assert Assessment.objects.count() == 2


def test_an_invalid_post_leaves_the_key_free_for_the_corrected_one():
    assert post({**ANSWERS, "employees": 0}).status_code == 400
    assert post(ANSWERS).status_code == 201
    assert Assessment.objects.count() == 1


def test_a_post_still_being_scored_under_the_key_is_answered_409():
    earlier = RequestFactory().post("/api/assessments/", REMOTE_ADDR="192.0.2.10")
    assert idempotency.claim(earlier, KEY, idempotency.fingerprint(ANSWERS)) is None  # scoring, not finished
    response = post(ANSWERS)
    assert (response.status_code, response["Retry-After"]) == (409, "1")
    assert Assessment.objects.count() == 0


def _taken_by_a_post_whose_server_stopped(reserved: str) -> None:
    """The key as a post leaves it when its server is killed after taking the key and before answering."""
    earlier = RequestFactory().post("/api/assessments/", REMOTE_ADDR="192.0.2.10")
    assert idempotency.claim(earlier, KEY, idempotency.fingerprint(ANSWERS), reserve=reserved) is None


def test_a_retry_answers_the_assessment_a_post_stored_before_its_server_stopped():
    stored = post(ANSWERS, key=None).json()["id"]  # stored under the id its key had reserved, then the server died
    _taken_by_a_post_whose_server_stopped(stored)
    again = post(ANSWERS)
    assert (again.status_code, again.json()["id"], again["Idempotent-Replayed"]) == (201, stored, "true")
    assert Assessment.objects.count() == 1


def test_a_key_whose_post_stored_nothing_is_taken_over_by_one_retry_once_it_is_old(frozen_clock, settings):
    _taken_by_a_post_whose_server_stopped("6d0f7f84-0000-4000-8000-000000000000")  # never stored
    assert post(ANSWERS).status_code == 409  # it may still be being scored
    frozen_clock.shift(settings.IDEMPOTENCY_PENDING_SECONDS)
    first, second = post(ANSWERS), post(ANSWERS)
    assert first.status_code == 201 and "Idempotent-Replayed" not in first
    assert (second.status_code, second.json()["id"]) == (201, first.json()["id"])
    assert Assessment.objects.count() == 1


@pytest.mark.parametrize("key", ["", "x" * 256, "naïve", "two words"])
def test_a_malformed_key_is_a_400(key):
    response = post(ANSWERS, key=key)
    assert response.status_code == 400
    assert Assessment.objects.count() == 0


def _seconds_left(store: str) -> float:
    """How long the one idempotency entry in the store has left, read from the store itself."""
    if store == "redis":
        client = caches["idempotency"]._cache.get_client()
        (key,) = client.keys("advisor-idempotency:*")
        return client.ttl(key)
    (expires,) = IdempotencyKey.objects.values_list("expires", flat=True)
    return (expires - timezone.now()).total_seconds()


def test_a_key_keeps_only_the_assessment_id_and_the_body_digest_for_a_day_in_a_store_of_its_own(shared_store):
    made = post(ANSWERS).json()
    assert 24 * 3600 - 60 < _seconds_left(shared_store) <= 24 * 3600
    (entry,) = _entries(shared_store)
    assert entry == {"fingerprint": idempotency.fingerprint(ANSWERS), "assessment": made["id"]}
    assert _place("idempotency") != _place("ratelimit")
    assert not [key for key in _keys("ratelimit") if "idem" in key]  # none in the counters' store


def test_a_replay_is_rendered_again_from_the_stored_result():
    first = post(ANSWERS)
    Assessment.objects.update(organisation_name="Renamed since")  # what a replay shows comes from the row
    again = post(ANSWERS)
    assert again.status_code == 201 and again["Idempotent-Replayed"] == "true"
    assert again.json()["id"] == first.json()["id"] and again["Location"] == first["Location"]
    assert again.json()["inputs"]["organisation_name"] == "Renamed since"


def test_a_replay_of_a_deleted_assessment_says_so():
    post(ANSWERS)
    Assessment.objects.all().delete()
    response = post(ANSWERS)
    assert response.status_code == 404
    assert response.json()["errors"]["__all__"] == ["The assessment this Idempotency-Key made has since been deleted."]
    assert Assessment.objects.count() == 0


# Where each job's entries are kept: its Redis cache, or its table of the database (advisor/store_models.py).
TABLES = {"ratelimit": RateCount, "idempotency": IdempotencyKey}


def _place(alias: str) -> str:
    return settings.CACHES[alias]["LOCATION"] if alias in settings.CACHES else TABLES[alias]._meta.db_table


def _keys(alias: str) -> list[str]:
    if alias in settings.CACHES:
        return [key.decode() for key in caches[alias]._cache.get_client().keys("*")]
    return list(TABLES[alias].objects.values_list("key", flat=True))


def _entries(store: str) -> list:
    """What each key keeps, beside its own name and lifetime."""
    if store == "db":
        rows = IdempotencyKey.objects.values("fingerprint", "reserved", "assessment")
        return [{field: value for field, value in row.items() if value} for row in rows]
    cache = caches["idempotency"]
    prefix = settings.CACHES["idempotency"]["KEY_PREFIX"] + ":1:"
    return [cache.get(key[len(prefix) :]) for key in _keys("idempotency") if key.startswith(prefix)]


@pytest.mark.parametrize("depth", [8, 100, 936, 5_000, 30_000])
@pytest.mark.parametrize("key", [KEY, None], ids=["with-key", "without-key"])
def test_a_body_nested_too_deep_is_a_400_saying_so_at_any_depth(depth, key):
    """The red team's 936 levels with a key answered 500 (hashing the body recursed past Python's stack)."""
    body = '{"industry": "retail", "employees": 3, "quotes": ' + "[" * depth + "]" * depth + "}"
    response = post(None, key=key, raw=body)
    assert response.status_code == 400
    assert response.json() == {
        "errors": {
            "__all__": ["The body is nested too deeply: an assessment is an object whose quotes are a list of objects."]
        }
    }
    assert Assessment.objects.count() == 0
