"""Fixtures for the pure engine tests: plain data, no database."""

from __future__ import annotations

import pytest

from tests.catalogues import seeded_catalogue


@pytest.fixture(scope="session")
def catalogue():
    """The seeded catalogue as plain engine data."""
    return seeded_catalogue()
