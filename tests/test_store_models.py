"""The database's own stores (advisor/store_models.py): they forget what has expired, a bounded batch at a time,
and never a live entry."""

from __future__ import annotations

import time
from datetime import timedelta

import pytest
from django.test import RequestFactory, override_settings
from django.utils import timezone

from advisor import idempotency
from advisor.models import IdempotencyKey, RateCount
from advisor.protect import ratelimit
from advisor.store_models import PURGE_BATCH

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("database_stores")]


@pytest.fixture
def database_stores(settings):
    settings.CACHES = {
        alias: store for alias, store in settings.CACHES.items() if alias not in ("ratelimit", "idempotency")
    }


def _rows(model, count: int, *, expires, prefix: str) -> None:
    extra = {"fingerprint": "f", "taken": timezone.now()} if model is IdempotencyKey else {}
    model.objects.bulk_create(model(key=f"{prefix}-{n}", expires=expires, **extra) for n in range(count))


@override_settings(RATELIMITS={"api": (3, 600)})
def test_each_new_count_forgets_a_bounded_batch_of_expired_ones_and_no_live_one():
    now = timezone.now()
    _rows(RateCount, PURGE_BATCH + 50, expires=now - timedelta(seconds=1), prefix="over")
    _rows(RateCount, 30, expires=now + timedelta(minutes=5), prefix="live")
    ratelimit.hit("api", "new-client")
    assert RateCount.objects.filter(expires__lte=now).count() == 50  # one batch, not all at once
    ratelimit.hit("api", "new-client")  # counted on its row: nothing new, nothing forgotten
    assert RateCount.objects.filter(expires__lte=now).count() == 50
    ratelimit.hit("api", "another-client")
    assert not RateCount.objects.filter(expires__lte=now).exists()
    assert RateCount.objects.filter(key__startswith="live-").count() == 30
    assert RateCount.objects.count() == 30 + 2


@override_settings(RATELIMITS={"api": (2, 600)})
def test_a_count_is_one_row_per_client_limit_and_window(frozen_clock):
    assert [ratelimit.hit("api", "client").count for _ in range(3)] == [1, 2, 3]
    frozen_clock.shift(600 - time.time() % 600)  # the next window: a count of its own, from one
    assert ratelimit.hit("api", "client").count == 1
    # The last window's count is kept a minute more (ratelimit.KEEP_AFTER_WINDOW), then forgotten.
    assert sorted(RateCount.objects.values_list("count", flat=True)) == [1, 3]
    frozen_clock.shift(ratelimit.KEEP_AFTER_WINDOW)
    ratelimit.hit("api", "another-client")
    assert sorted(RateCount.objects.values_list("count", flat=True)) == [1, 1]


def test_a_new_key_forgets_expired_keys_and_an_expired_key_is_free_again(frozen_clock):
    request = RequestFactory().post("/api/assessments/", REMOTE_ADDR="192.0.2.10")
    assert idempotency.claim(request, "first", "digest") is None
    _rows(IdempotencyKey, 20, expires=timezone.now() - timedelta(seconds=1), prefix="old")
    assert idempotency.claim(request, "first", "other digest") == idempotency.Seen(other_body=True)
    frozen_clock.shift(idempotency.KEEP_SECONDS)  # a day on, "first" has expired too
    assert idempotency.claim(request, "first", "other digest") is None
    assert list(IdempotencyKey.objects.values_list("fingerprint", flat=True)) == ["other digest"]
