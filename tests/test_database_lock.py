"""SQLite's write lock held by someone else: a request waits DATABASE_LOCK_WAIT seconds in all, then is answered
503 with Retry-After (config/database.py), never a 500 and never past gunicorn's worker timeout."""

from __future__ import annotations

import http.client
import json
import sqlite3
import tempfile
import threading

import pytest
from django.db import OperationalError, connection
from django.http import HttpResponse
from django.test import Client, override_settings

from config import database
from tests.gunicorn_server import Gunicorn, manage
from tests.security_data import API_ANSWERS, FORM_ANSWERS, row_counts

NO_LIMITS = override_settings(RATELIMIT_ENABLE=False)


def _locked(execute, sql, params, many, context):
    if sql.startswith("INSERT"):
        raise OperationalError("database is locked")
    return execute(sql, params, many, context)


@NO_LIMITS
@pytest.mark.django_db
def test_a_form_post_that_cannot_have_the_write_lock_is_a_503_page_with_retry_after():
    before = row_counts()
    with connection.execute_wrapper(_locked):
        response = Client(raise_request_exception=False).post("/assess/", FORM_ANSWERS)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    assert "Someone else is saving right now" in response.content.decode()
    assert row_counts() == before


@NO_LIMITS
@pytest.mark.django_db
def test_an_api_post_that_cannot_have_the_write_lock_is_a_json_503_with_retry_after():
    with connection.execute_wrapper(_locked):
        response = Client(raise_request_exception=False).post(
            "/api/assessments/", API_ANSWERS, content_type="application/json"
        )
    assert (response.status_code, response["Retry-After"]) == (503, "5")
    assert response.json() == {
        "errors": {"__all__": ["The database is busy; nothing was stored. Try again in 5 seconds."]}
    }


@pytest.mark.django_db
def test_other_server_errors_are_still_500s(monkeypatch):
    def broken(*args, **kwargs):
        raise OperationalError("disk I/O error")

    monkeypatch.setattr("advisor.views.load_comparison", broken)
    assert Client(raise_request_exception=False).get("/").status_code == 500


@pytest.mark.django_db
@pytest.mark.parametrize(
    "cause",
    [
        pytest.param(lambda e: e.AdminShutdown("terminating connection due to administrator command"), id="restart"),
        pytest.param(lambda e: e.OperationalError("server closed the connection unexpectedly"), id="cut"),
        pytest.param(lambda e: e.CannotConnectNow("the database system is starting up"), id="starting"),
    ],
)
def test_a_database_server_that_is_not_answering_is_a_503_with_retry_after(monkeypatch, cause):
    """As PostgreSQL restarting ends a request's session: a clean 503 to retry, JSON for the API; never a 500."""
    import psycopg.errors

    def ended(*args, **kwargs):
        try:
            raise cause(psycopg.errors)
        except psycopg.Error as error:
            raise OperationalError(str(error)) from error

    monkeypatch.setattr("advisor.views.load_comparison", ended)
    monkeypatch.setattr("advisor.services.assessment_score", ended)
    page = Client(raise_request_exception=False).get("/")
    api = Client(raise_request_exception=False).post("/api/assessments/", API_ANSWERS, content_type="application/json")
    for response in (page, api):
        assert (response.status_code, response["Retry-After"]) == (503, "5")
    assert "database is not answering" in page.content.decode()
    assert api.json()["errors"]["__all__"] == ["The site's database is not answering; try again in 5 seconds."]


def sqlite_connection(folder: str):
    """A Django connection of its own to a SQLite file, whatever database the suite runs on (the lock budget is
    SQLite's: PostgreSQL waits on its own terms)."""
    from django.db.backends.sqlite3.base import DatabaseWrapper

    return DatabaseWrapper(
        {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": f"{folder}/budget.sqlite3",
            "OPTIONS": {},
            "TIME_ZONE": None,
            "CONN_MAX_AGE": 0,
            "CONN_HEALTH_CHECKS": False,
            "AUTOCOMMIT": True,
            "ATOMIC_REQUESTS": False,
            "USER": "",
            "PASSWORD": "",
            "HOST": "",
            "PORT": "",
            "TEST": {},
        },
        alias="budget",
    )


@pytest.mark.django_db  # lifts pytest-django's guard on opening connections (this one is the test's own)
def test_every_statement_of_a_request_waits_only_for_what_is_left_of_its_budget(monkeypatch):
    """Two statements that would each wait the whole timeout share one deadline instead."""
    now = [1000.0]
    monkeypatch.setattr(database, "clock", lambda: now[0])
    own = sqlite_connection(tempfile.mkdtemp(prefix="advisor-budget-"))
    own.ensure_connection()

    def busy_timeout() -> int:
        return own.connection.execute("PRAGMA busy_timeout").fetchone()[0]

    own.connection.execute("PRAGMA busy_timeout = 10000")
    budget = database.LockBudget(seconds=10, base_ms=10000)
    with own.execute_wrapper(budget), own.cursor() as cursor:
        cursor.execute("SELECT 1")
        assert busy_timeout() == 10000  # the whole budget left: nothing to change
        now[0] += 7.5  # the first statement waited 7.5 s for the lock
        cursor.execute("SELECT 1")
        assert busy_timeout() == 2500
        now[0] += 5
        cursor.execute("SELECT 1")
        assert busy_timeout() == 0  # spent: the next wait fails at once, and the request gets its 503
    budget.restore(own)
    assert busy_timeout() == 10000  # the kept connection's next request starts afresh
    own.close()


@pytest.mark.real_server
def test_a_held_write_lock_gets_a_503_from_the_real_server_within_the_budget():
    """A real SQLite file whose write lock the test holds: the post is answered 503 in about the 2 s budget (10 s
    allowed, which tells an answer from a hang; before, it waited 20 s per statement), then succeeds once free."""
    folder = tempfile.mkdtemp(prefix="advisor-lock-")
    url = f"sqlite:///{folder}/db.sqlite3"
    migrated = manage(url, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr
    body = json.dumps(API_ANSWERS).encode()
    with Gunicorn(url, workers=1, env={"RATELIMIT_ENABLE": "0", "DJANGO_DB_LOCK_WAIT_SECONDS": "2"}) as server:
        holder = sqlite3.connect(f"{folder}/db.sqlite3", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # someone else is writing, and does not let go
        try:
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
            conn.request("POST", "/api/assessments/", body=body, headers={"Content-Type": "application/json"})
            response = conn.getresponse()
            assert (response.status, response.getheader("Retry-After")) == (503, "5")
            conn.close()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert server.request("POST", "/api/assessments/", body, {"Content-Type": "application/json"})[0] == 201


class _RecordedBudget:
    """Stands in for LockBudget: records the seconds a request was given, changes no connection."""

    given: list[float] = []

    def __init__(self, *, seconds: float, base_ms: int) -> None:
        self.given.append(seconds)

    def __call__(self, execute, sql, params, many, context):
        return execute(sql, params, many, context)

    def restore(self, connection) -> None:
        pass


def _middleware(view, monkeypatch) -> database.SQLiteLockBudgetMiddleware:
    monkeypatch.setattr(database, "LockBudget", _RecordedBudget)
    _RecordedBudget.given = []
    middleware = database.SQLiteLockBudgetMiddleware(view)
    middleware.aliases = ["default"]  # as on SQLite, whatever the suite runs on
    return middleware


@override_settings(PROXY_COUNT=1, DATABASE_LOCK_WAIT=10)
def test_the_lock_budget_counts_from_the_request_s_arrival_at_the_front_door(rf, monkeypatch):
    """Queued 8.5 s for a thread, a request has 1.5 s of its 10 s left; one queued past its budget has none."""
    monkeypatch.setattr(database, "wall_clock", lambda: 1000.0)
    middleware = _middleware(lambda request: HttpResponse("ok"), monkeypatch)
    middleware(rf.post("/assess/", HTTP_X_REQUEST_START="t=991.500"))
    middleware(rf.post("/assess/", HTTP_X_REQUEST_START="t=900.000"))
    middleware(rf.get("/", HTTP_X_REQUEST_START="t=1003.0"))  # a clock ahead of ours: nothing waited
    middleware(rf.get("/", HTTP_X_REQUEST_START="soon"))
    assert _RecordedBudget.given == [1.5, 0.0, 10.0, 10.0]


@override_settings(PROXY_COUNT=0, DATABASE_LOCK_WAIT=10)
def test_without_a_proxy_of_ours_the_arrival_header_is_the_client_s_and_ignored(rf, monkeypatch):
    monkeypatch.setattr(database, "wall_clock", lambda: 1000.0)
    middleware = _middleware(lambda request: HttpResponse("ok"), monkeypatch)
    middleware(rf.post("/assess/", HTTP_X_REQUEST_START="t=1.0"))
    assert _RecordedBudget.given == [10.0]


@override_settings(DATABASE_WRITERS=1)
def test_writers_beyond_the_bound_are_answered_503_at_once_and_reads_go_on(rf, monkeypatch):
    inside, leave = threading.Event(), threading.Event()

    def view(request):
        if request.method == "POST":
            inside.set()
            leave.wait(timeout=30)
        return HttpResponse("done")

    middleware = _middleware(view, monkeypatch)
    first = threading.Thread(target=middleware, args=(rf.post("/assess/"),))
    first.start()
    try:
        assert inside.wait(timeout=30)
        refused = middleware(rf.post("/api/assessments/"))
        assert (refused.status_code, refused["Retry-After"]) == (503, "5")
        assert json.loads(refused.content)["errors"]["__all__"][0].startswith("The database is busy")
        assert middleware(rf.get("/")).status_code == 200
    finally:
        leave.set()
        first.join(timeout=30)
    assert middleware(rf.post("/assess/")).status_code == 200
