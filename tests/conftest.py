"""Shared fixtures. The database is built by the migrations, so the seeded content is always there."""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests.catalogues import seeded_catalogue
from tests.clock import FROZEN_NOW


def pytest_configure(config: pytest.Config) -> None:
    """Test settings, on top of config/settings.py.

    - Static files by their plain names: production's manifest storage needs `collectstatic` first, and a
      fresh clone has not run it. (Servers started under gunicorn still use the manifest storage; see
      tests/gunicorn_server.py.)
    - No fragment cache: a test sees what its request rendered, never what an earlier test left behind.
      The tests of the cache itself turn it on (tests/test_cache.py).
    - Staff give a second factor, as in production (where DEBUG is off and it cannot be turned off).
    """
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Nor does whitenoise serve them here from staticfiles/: the servers the tests start collect the files into
    # it (tests/gunicorn_server.py) while, under pytest-xdist, another process's tests run. An empty folder of
    # this process's own (whitenoise lists STATIC_ROOT whenever a request handler is made).
    settings.STATIC_ROOT = tempfile.mkdtemp(prefix="advisor-tests-static-")
    atexit.register(shutil.rmtree, settings.STATIC_ROOT, True)
    settings.CACHES = {**settings.CACHES, "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}
    settings.ADVISOR_REQUIRE_2FA = True
    # Passwords hashed in a moment instead of a deliberate third of a second: the sign-in tests log in often.
    # (Servers the tests start as separate processes keep production's hasher.)
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.hookimpl(tryfirst=True)  # before pytest-xdist reads the groups
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """The tests that start real servers (marker real_server) all run in one process of pytest-xdist's
    (--dist loadgroup, as `make test` runs): they share the collected static files, one migrated database and
    the ports 8200-8299, which a single process hands out one at a time. (A real-server test that shares none of
    these names a group of its own.)

    The tests of one database's own workings (markers postgresql and sqlite) are left out of a run on the other,
    rather than skipped: `make test` runs SQLite's, `make test-postgres` PostgreSQL's. So are the tests of several
    app servers (marker several_servers) from a run on SQLite: they start a PostgreSQL server of their own, and
    run once, in the PostgreSQL pass."""
    from django.db import connection

    for item in items:
        if item.get_closest_marker("real_server") and not item.get_closest_marker("xdist_group"):
            item.add_marker(pytest.mark.xdist_group("real_server"))
    other = "sqlite" if connection.vendor == "postgresql" else "postgresql"
    left_out = [
        item
        for item in items
        if item.get_closest_marker(other) or (other == "postgresql" and item.get_closest_marker("several_servers"))
    ]
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = [item for item in items if item not in left_out]


# The shared stores of the rate-limit counters and the API's idempotency keys (advisor/protect/stores.py): the
# database's tables by default, and a real Redis server (settings.CACHES "ratelimit" and "idempotency", from
# CACHE_URL and IDEMPOTENCY_CACHE_URL) when ADVISOR_TEST_REDIS_URL names one. .ci/run starts one (Debian's
# redis-server) and stops it afterwards; it must be a throwaway server: each test empties it.
#
# Under pytest-xdist each worker has databases of that server of its own (gw0 the one named and the next, gw1
# the two after...), since emptying a store empties its whole database.
def _redis_url_of_this_worker(url: str) -> str:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    if not url or not worker.startswith("gw"):
        return url
    parts = urlsplit(url)
    database = int(parts.path.strip("/") or 0) + 2 * int(worker[2:])
    return urlunsplit((parts.scheme, parts.netloc, f"/{database}", parts.query, parts.fragment))


REDIS_URL = _redis_url_of_this_worker(os.environ.get("ADVISOR_TEST_REDIS_URL", "").strip())


# Each store as settings makes it (with its short socket timeouts), for the counters and for the idempotency keys:
# the database's two tables, or two numbered databases of the test Redis (in production, two servers).
def _next_database(url: str) -> str:
    base, _, number = url.rpartition("/")
    return f"{base}/{int(number or 0) + 1}" if url else ""


SHARED_STORES = {
    "db": ("db://", "db://"),
    "redis": (REDIS_URL, _next_database(REDIS_URL)),
}


def use_shared_stores(settings, counters: str, keys: str) -> None:
    """The two stores as settings.py makes them from these URLs (Redis's with its short socket timeouts), empty.

    Two numbered databases of one test Redis stand for two servers here, which settings.py would refuse."""
    from django.core.cache import caches

    from advisor.models import IdempotencyKey, RateCount
    from config.settings import shared_stores

    aliases = {**shared_stores(counters, ""), **shared_stores("", keys)}
    others = {alias: store for alias, store in settings.CACHES.items() if alias not in ("ratelimit", "idempotency")}
    settings.CACHES = {**others, **aliases}
    for alias in aliases:
        caches[alias].clear()
    for model in (RateCount, IdempotencyKey):
        model.objects.all().delete()


def require_redis() -> None:
    """Skip without a Redis server to test against, saying how to get one; in CI (CI set) fail instead."""
    if REDIS_URL:
        return
    message = (
        "no Redis server to test against: set ADVISOR_TEST_REDIS_URL=redis://127.0.0.1:6390/0 to a "
        "throwaway server (`apt-get install redis-server`; .ci/run starts one)"
    )
    if os.environ.get("CI"):
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(params=sorted(SHARED_STORES))
def shared_store(request, settings):
    """The shared stores (each kind of SHARED_STORES in turn) behind the rate limits and the keys, empty."""
    if request.param == "redis":
        require_redis()
    from django.core.cache import caches

    use_shared_stores(settings, *SHARED_STORES[request.param])
    yield request.param
    for alias in ("ratelimit", "idempotency"):
        if alias in settings.CACHES:
            caches[alias].clear()


@pytest.fixture
def catalogue():
    """The seeded catalogue as plain data, for the pure scoring tests (no database)."""
    return seeded_catalogue()


@pytest.fixture(autouse=True)
def frozen_clock(time_machine):
    """Every test runs at one instant (tests/clock.py), so no run can straddle a rate-limit window and a
    comment form is exactly as old as the test says. A test that moves time shifts this fixture (time-machine's
    `time_machine`: `.shift(seconds)`, `.move_to(when)`)."""
    time_machine.move_to(FROZEN_NOW, tick=False)
    return time_machine


@pytest.fixture
def fragments(settings):
    """The fragments cache switched on and empty, as in production (the suite otherwise runs without it)."""
    from django.core.cache import caches

    settings.CACHES = {
        **settings.CACHES,
        "fragments": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "tests-fragments",
        },
    }
    caches["fragments"].clear()
    yield caches["fragments"]
    caches["fragments"].clear()


# A typical answer set for a 25-person law firm, as the form would post it.
LAW_FIRM: dict[str, Any] = {
    "organisation_name": "Hart & Vale Solicitors",
    "industry": "legal",
    "employees": "25",
    "devices": "",
    "sites": "1",
    "it_staff": "0",
    "incidents_per_month": "4",
    "downtime_cost_per_hour": "",
    "operating_hours": "business_hours",
    "budget_preference": "predictable",
    "growth": "moderate",
    "compliance": "strict",
    "backup": "partial",
    "it_dependence": "high",
    "hourly_rate": "",
    "msp_fee_per_user": "",
    "email": "",
}


@pytest.fixture
def law_firm_answers() -> dict[str, Any]:
    return dict(LAW_FIRM)
