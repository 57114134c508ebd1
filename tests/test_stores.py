"""The shared stores failing honestly (advisor/protect/stores.py), on real Redis servers of the test's own: one full
(at its maxmemory with noeviction, so it refuses every write) and one stalled (its process stopped). A post is
then answered 503 with Retry-After before anything is stored, never let through uncounted and never a 500 after
storing; /readyz names the store."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Iterator

import pytest
import redis
from django.test import Client

from advisor import idempotency
from advisor.models import Assessment
from advisor.protect.stores import StoreUnavailable
from tests.conftest import LAW_FIRM, use_shared_stores

pytestmark = pytest.mark.django_db

ANSWERS = {"industry": "retail", "employees": 3}


class RedisServer:
    """A throwaway redis-server on a free port, nothing saved, noeviction (as production must run it)."""

    def __init__(self) -> None:
        binary = shutil.which("redis-server")
        if binary is None:
            message = "no redis-server to start (`apt-get install redis-server`; .ci/run installs it)"
            pytest.fail(message) if os.environ.get("CI") else pytest.skip(message)
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--maxmemory-policy", "noeviction"],
            stdout=subprocess.DEVNULL,
        )
        self.client = redis.Redis(port=self.port, socket_timeout=5)
        for _ in range(500):  # up to 5 s to start
            try:
                self.client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.01)

    def url(self, database: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{database}"

    def fill(self) -> None:
        """Full: a memory limit below what it already holds, so every write is refused (OOM)."""
        self.client.config_set("maxmemory", 1)

    def stop(self) -> None:
        self.process.kill()
        self.process.wait()


@pytest.fixture
def own_redis() -> Iterator[RedisServer]:
    server = RedisServer()
    yield server
    server.process.send_signal(signal.SIGCONT)
    server.stop()


def _stores(settings, *, counters: str, keys: str, limit: int = 3) -> None:
    """The two stores as settings.py makes them from these URLs (socket timeouts included), empty; `limit`
    posts of each kind allowed."""
    settings.RATELIMITS = {"api": (limit, 600), "assessments": (limit, 600), "comments": (limit, 600)}
    use_shared_stores(settings, counters, keys)


def _api(key: str | None = None) -> Client:
    headers = {"HTTP_IDEMPOTENCY_KEY": key} if key else {}
    return Client().post("/api/assessments/", json.dumps(ANSWERS), content_type="application/json", **headers)


def test_a_full_counters_store_refuses_posts_with_a_503_and_never_lets_one_through_uncounted(own_redis, settings):
    _stores(settings, counters=own_redis.url(0), keys="db://advisor_idempotency")
    assert [_api().status_code for _ in range(4)] == [201, 201, 201, 429]
    own_redis.fill()
    responses = [_api() for _ in range(5)] + [_api(key=f"k{n}") for n in range(3)]
    assert {(r.status_code, r["Retry-After"]) for r in responses} == {(503, "30")}
    page = Client().post("/assess/", LAW_FIRM)
    assert page.status_code == 503 and page["Retry-After"] == "30" and "nothing was saved" in page.content.decode()
    assert Assessment.objects.count() == 3
    ready = Client().get("/readyz")
    assert ready.status_code == 503 and "rate-limit store" in ready.content.decode()


def test_a_full_idempotency_store_refuses_keyed_posts_before_storing_and_others_go_on(own_redis, settings):
    _stores(settings, counters="db://advisor_cache", keys=own_redis.url(0), limit=10)
    assert _api(key="before").status_code == 201
    own_redis.fill()
    refused = [_api(key=f"key-{n}") for n in range(2)]
    assert [(r.status_code, r["Retry-After"]) for r in refused] == [(503, "30")] * 2
    assert "nothing was stored" in refused[0].json()["errors"]["__all__"][0]
    assert Assessment.objects.count() == 1  # only the first: a refused post stored nothing
    assert _api().status_code == 201  # without a key, posts go on
    ready = Client().get("/readyz")
    assert ready.status_code == 503 and ready.content.decode() == "idempotency-key store unavailable"


def test_a_store_failing_after_the_assessment_is_stored_answers_it_and_a_retry_makes_no_duplicate(
    own_redis, settings, monkeypatch
):
    _stores(settings, counters="db://advisor_cache", keys=own_redis.url(0))

    def fails(*args, **kwargs):
        own_redis.fill()  # the store fills up while the first post is being scored
        raise StoreUnavailable("OOM command not allowed")

    monkeypatch.setattr(idempotency, "remember", fails)
    first = _api(key="retry-me")
    assert first.status_code == 201  # stored, so answered: never a 500 after storing
    own_redis.client.config_set("maxmemory", 0)  # room again
    again = _api(key="retry-me")  # the key is still held with the stored assessment's id: that one is answered
    assert (again.status_code, again.json()["id"]) == (201, first.json()["id"])
    assert Assessment.objects.count() == 1


def _within(seconds: float, call):
    """call() run in a thread, or None if it has not returned within `seconds` (a request held by a stalled store)."""
    done: list = []
    thread = threading.Thread(target=lambda: done.append(call()), daemon=True)
    thread.start()
    thread.join(seconds)
    return done[0] if done else None


@pytest.mark.django_db(transaction=True)
def test_a_stalled_store_answers_503_after_its_short_timeout_and_readyz_says_so(own_redis, settings):
    _stores(settings, counters=own_redis.url(0), keys=own_redis.url(1))
    assert _api(key="warm").status_code == 201  # the connection is made and pooled
    own_redis.process.send_signal(signal.SIGSTOP)
    # The socket timeouts (settings.CACHE_SOCKET_TIMEOUT, half a second) bound the wait; without them each of
    # these would wait on the stopped server for ever.
    assert settings.CACHES["ratelimit"]["OPTIONS"]["socket_timeout"] <= 1
    for call in (_api, lambda: _api(key="stalled"), lambda: Client().post("/assess/", LAW_FIRM)):
        response = _within(20, call)
        assert response is not None and (response.status_code, response["Retry-After"]) == (503, "30")
    ready = _within(20, lambda: Client().get("/readyz"))
    assert ready is not None and ready.status_code == 503
    assert Assessment.objects.count() == 1
    own_redis.process.send_signal(signal.SIGCONT)
    assert Client().get("/readyz").status_code == 200
