"""Browser tests: Playwright for Python driving Debian's Chromium against pytest-django's live server.

Every test here carries the `browser` marker. When a tool is missing the tests that need it are skipped
with a message saying what to install, except when REQUIRE_BROWSER=1 (set by .ci/run): then a missing
tool is an error, so CI can never pass by skipping.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.test import Client

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Without the networking flags Chromium keeps trying to reach Google's services from a closed network.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
REQUIRE_BROWSER = os.environ.get("REQUIRE_BROWSER", "").strip().lower() in {"1", "true", "yes", "on"}

PHONE = {"width": 375, "height": 812}
DESKTOP = {"width": 1280, "height": 800}
# The primary button's background: Bootstrap's .btn machinery plus our colour from site.css.
PRIMARY_BUTTON_BACKGROUND = "rgb(11, 83, 148)"

# Answers a small accounting office might give; they pass validation.
VALID_ANSWERS = {
    "organisation_name": "Harbour Lane Accountants",
    "industry": "professional_services",
    "employees": "18",
    "sites": "1",
    "it_staff": "0",
    "incidents_per_month": "3",
    "operating_hours": "business_hours",
    "it_dependence": "high",
    "compliance": "moderate",
    "backup": "partial",
    "growth": "moderate",
    "budget_preference": "predictable",
}


# Fixtures that need a browser-side tool; a test using any of them carries the `browser` marker.
TOOL_FIXTURES = {"browser", "html_checker", "lighthouse"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if TOOL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.browser)


def require(ok: bool, missing: str, install: str) -> None:
    """Skip (locally) or fail (CI, REQUIRE_BROWSER=1) when a checker is not installed."""
    if ok:
        return
    message = f"{missing}; install it with {install}"
    if REQUIRE_BROWSER:
        pytest.fail(f"REQUIRE_BROWSER=1 but {message}.", pytrace=False)
    pytest.skip(f"browser tests skipped: {message} (or set REQUIRE_BROWSER=1 to make this an error).")


def node_tool(relative: str) -> Path:
    return ROOT / "node_modules" / relative


# --- Chromium -------------------------------------------------------------------------------------------


@pytest.fixture
def browser(site: str) -> Iterator:
    """A fresh Chromium for each test, started after the test database is ready.

    While Playwright's sync API runs, this thread has a running event loop, so Django hands out a separate
    database connection and refuses ORM calls unless DJANGO_ALLOW_ASYNC_UNSAFE is set. Starting Chromium
    after the database fixtures (and stopping it before their teardown) keeps set-up, the serialized
    rollback that restores the seeded catalogue, and the flush on the connection Django expects.
    """
    require(os.access(CHROMIUM, os.X_OK), f"Chromium was not found at {CHROMIUM}", "`apt-get install chromium`")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - the test extra installs it
        require(False, "the playwright package is missing", "`pip install -e '.[test]'`")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()


@pytest.fixture(autouse=True)
def browser_test_settings(settings) -> None:
    """Settings for driving the site from a test rather than by hand."""
    # The live server finds static files by name; whitenoise's hashed names would all be 404 there.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Admin log-ins in the flows need no slow password hashing to be real log-ins.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Every test posts from 127.0.0.1; the per-client limits have tests of their own (test_security_ratelimit).
    # The comment spam guard stays on: comments are posted with a backdated start (written_at_a_human_pace).
    settings.RATELIMIT_ENABLE = False


@pytest.fixture(autouse=True)
def empty_cache(db) -> None:
    """The cache lives in a database table that the flush between tests leaves alone: start each test empty,
    so no page cached by an earlier test (with its comments or its edits) is served to this one."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def site(live_server, django_db_serialized_rollback) -> str:
    """The live server's address, with the seeded catalogue restored for every test."""
    return live_server.url


@dataclass
class Guard:
    """Collects what must never happen on a page: failed responses, console errors, requests elsewhere."""

    origin: str
    problems: list[str] = field(default_factory=list)
    allowed_statuses: set[tuple[str, int]] = field(default_factory=set)

    def expect_status(self, path: str, status: int) -> None:
        """A response the test provokes on purpose, such as the 404 page."""
        self.allowed_statuses.add((path, status))

    def on_response(self, response) -> None:
        if response.status >= 400:
            path = re.sub(r"^https?://[^/]+", "", response.url)
            if (path, response.status) not in self.allowed_statuses:
                self.problems.append(f"{response.status} {response.request.method} {response.url}")

    def on_request(self, request) -> None:
        if not (request.url.startswith(self.origin) or request.url.startswith(("data:", "about:"))):
            self.problems.append(f"request to another host: {request.url}")

    def on_request_failed(self, request) -> None:
        # Chromium fetches the icon on its own and drops the fetch when the page moves on first (a form posted
        # straight after loading): cancelled by the browser, not refused by the site. Any other failure counts.
        if request.url.endswith("/favicon.svg") and "ERR_ABORTED" in (request.failure or ""):
            return
        self.problems.append(f"request failed: {request.url} ({request.failure})")

    def on_console(self, message) -> None:
        if message.type == "error":
            # Chromium logs a console error for every 4xx/5xx; an expected one is not a problem.
            expected = {f"status of {status} " for _, status in self.allowed_statuses}
            if "Failed to load resource" in message.text and any(e in message.text for e in expected):
                return
            self.problems.append(f"console error: {message.text}")

    def on_page_error(self, error) -> None:
        self.problems.append(f"page error: {error}")

    def check(self) -> None:
        problems, self.problems = self.problems, []
        assert not problems, "The browser saw problems:\n" + "\n".join(problems)


def _new_page(browser, site: str, *, javascript: bool = True, viewport: dict | None = None):
    context = browser.new_context(java_script_enabled=javascript, viewport=viewport or DESKTOP)
    context.set_default_timeout(10_000)
    page = context.new_page()
    guard = Guard(origin=site)
    page.on("response", guard.on_response)
    page.on("request", guard.on_request)
    page.on("requestfailed", guard.on_request_failed)
    page.on("console", guard.on_console)
    page.on("pageerror", guard.on_page_error)
    return context, page, guard


@pytest.fixture
def make_page(browser, site):
    """Opens pages whose every response, console message and request is watched; checked at the end."""
    opened = []

    def make(*, javascript: bool = True, viewport: dict | None = None):
        context, page, guard = _new_page(browser, site, javascript=javascript, viewport=viewport)
        opened.append((context, guard))
        page.guard = guard
        return page

    yield make
    for context, _guard in opened:
        context.close()
    for _, guard in opened:
        guard.check()


@pytest.fixture
def page(make_page):
    return make_page()


def written_at_a_human_pace(form) -> None:
    """Backdate the comment form's signed start time, as if a person took half a minute to write.

    The spam guard turns away comments posted sooner than COMMENT_MIN_SECONDS after the form was served;
    a test types far faster than anyone could.
    """
    from advisor.protect.spam import started_token

    form.locator('input[name="started"]').evaluate(
        "(el, token) => { el.value = token; }", started_token(seconds_ago=30)
    )


def assert_styled(page) -> None:
    """The stylesheets really applied: a missing one would otherwise pass every other check."""
    background = page.locator(".btn-primary").first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert background == PRIMARY_BUTTON_BACKGROUND, f"stylesheet not applied: primary button is {background}"


# --- Data -----------------------------------------------------------------------------------------------


@pytest.fixture
def assessment(db):
    """One stored assessment, made through the real form so its snapshot is what the site stores."""
    from advisor.models import Assessment

    response = Client().post("/assess/", VALID_ANSWERS)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Assessment.objects.get()


@pytest.fixture
def approved_comment(db):
    from advisor.models import Comment

    return Comment.objects.create(
        name="Priya Natarajan",
        email="priya@example.com",
        website="https://example.com",
        text="We moved to a managed provider last year.\n\nThe monthly bill is higher, but we stopped losing "
        "Monday mornings to the file server.",
        is_approved=True,
    )


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


def pytest_terminal_summary(terminalreporter) -> None:
    """One plain line when browser tests were skipped, so nobody mistakes a local pass for a full one."""
    skipped = [r for r in terminalreporter.stats.get("skipped", []) if "browser tests skipped" in str(r.longrepr)]
    if skipped:
        terminalreporter.write_line(
            f"{len(skipped)} browser test(s) skipped for missing tools (each SKIPPED line says what to install); "
            "CI runs them with REQUIRE_BROWSER=1, where a missing tool fails the run.",
            yellow=True,
            bold=True,
        )
