"""A missing browser tool skips the browser tests locally and fails them in CI; never silently passes."""

from __future__ import annotations

import pytest

from . import conftest


def test_a_missing_tool_skips_locally_with_a_message_saying_what_to_install(monkeypatch):
    monkeypatch.setattr(conftest, "REQUIRE_BROWSER", False)
    with pytest.raises(pytest.skip.Exception, match="Chromium was not found.*apt-get install chromium"):
        conftest.require(False, "Chromium was not found at /usr/bin/chromium", "`apt-get install chromium`")


def test_a_missing_tool_fails_when_browsers_are_required(monkeypatch):
    monkeypatch.setattr(conftest, "REQUIRE_BROWSER", True)
    with pytest.raises(pytest.fail.Exception, match="REQUIRE_BROWSER=1 but Java was not found"):
        conftest.require(False, "Java was not found", "`apt-get install default-jre-headless`")


def test_a_present_tool_neither_skips_nor_fails(monkeypatch):
    monkeypatch.setattr(conftest, "REQUIRE_BROWSER", True)
    conftest.require(True, "never shown", "never shown")
