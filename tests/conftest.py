"""Shared fixtures. The database is built by the migrations, so the seeded content is always there."""
from __future__ import annotations

from typing import Any

import pytest

from tests.catalogues import seeded_catalogue
from tests.clock import frozen


def pytest_configure(config: pytest.Config) -> None:
    """Test settings, on top of config/settings.py.

    - Static files by their plain names: production's manifest storage needs `collectstatic` first, and a
      fresh clone has not run it. (Servers started under gunicorn still use the manifest storage; see
      tests/gunicorn_server.py.)
    - No fragment cache: a test sees what its request rendered, never what an earlier test left behind.
      The tests of the cache itself turn it on (tests/test_cache.py).
    """
    from django.conf import settings

    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    settings.CACHES = {**settings.CACHES, "fragments": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}}


@pytest.fixture
def catalogue():
    """The seeded catalogue as plain data, for the pure scoring tests (no database)."""
    return seeded_catalogue()


@pytest.fixture(autouse=True)
def frozen_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test runs at one instant (tests/clock.py), so no run can straddle a rate-limit window and a
    comment form is exactly as old as the test says. A test that moves time patches `clock` itself."""
    from advisor.protect import ratelimit, spam

    monkeypatch.setattr(ratelimit, "clock", frozen)
    monkeypatch.setattr(spam, "clock", frozen)


@pytest.fixture
def fragments(settings):
    """The fragments cache switched on and empty, as in production (the suite otherwise runs without it)."""
    from django.core.cache import caches

    settings.CACHES = {**settings.CACHES, "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "tests-fragments",
    }}
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
