"""A request's time budget for SQLite's write lock, and the 503 a request gets when the budget runs out.

SQLite lets one writer in at a time; the others wait for its lock up to the busy timeout. That timeout is
per statement, and one request may meet it more than once (a rate-limit count in the database cache, then
the row it stores): at 20 s each, a held lock kept requests waiting past gunicorn's 30 s worker timeout.
Here each request has one deadline, settings.DATABASE_LOCK_WAIT seconds after it started: before every
statement the connection's busy timeout is cut to what is left of it (only when less is left than the
timeout already set, so an ordinary request pays two clock reads a statement and nothing more). When the
lock is not had by then, SQLite says "database is locked", and the request is answered 503 with
Retry-After (`server_error`, settings.handler500), not 500, and not after the worker was killed.

The deadline counts from the request's arrival at the front door (nginx's X-Request-Start, trusted only with
settings.PROXY_COUNT set, as the proxy overwrites it), so time spent queued for a worker thread counts too. And
the queue in front of the writer is bounded: a process runs at most settings.DATABASE_WRITERS requests that may
write (POST and the other unsafe methods) at once; one more is answered the same 503 at once, so writers
waiting for the lock never take every thread from the pages.
"""

from __future__ import annotations

import math
import sys
import threading
import time
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.db import InterfaceError, OperationalError, connections
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.views import defaults

RETRY_AFTER_SECONDS = 5


def clock() -> float:
    """Seconds on a monotonic clock: the one place the budget reads the time, so tests can move it."""
    return time.monotonic()


def wall_clock() -> float:
    """Seconds since the epoch: what nginx's X-Request-Start is written in."""
    return time.time()


def waited_since_arrival(request: HttpRequest) -> float:
    """How long ago the front door received the request (0 when no trusted proxy says), at most the budget."""
    if not getattr(settings, "PROXY_COUNT", 0):
        return 0.0  # no proxy of ours: the header would be the client's own
    value = request.META.get("HTTP_X_REQUEST_START", "")
    try:
        arrived = float(value[2:]) if value.startswith("t=") else math.nan
    except ValueError:
        return 0.0
    if math.isnan(arrived):
        return 0.0
    return min(max(0.0, wall_clock() - arrived), float(settings.DATABASE_LOCK_WAIT))


class LockBudget:
    """An execute wrapper (connection.execute_wrapper) keeping a SQLite connection's busy timeout within a deadline."""

    def __init__(self, *, seconds: float, base_ms: int) -> None:
        self.deadline = clock() + seconds
        self.base_ms = base_ms
        self.current_ms = base_ms

    def __call__(self, execute: Callable, sql: str, params: Any, many: bool, context: dict) -> Any:
        left_ms = max(0, math.floor((self.deadline - clock()) * 1000))
        if left_ms < self.current_ms:
            self._set(context["connection"], left_ms)
        return execute(sql, params, many, context)

    def _set(self, connection: Any, ms: int) -> None:
        connection.connection.execute(f"PRAGMA busy_timeout = {int(ms)}")
        self.current_ms = ms

    def restore(self, connection: Any) -> None:
        """Give the connection (kept for later requests) its usual busy timeout back."""
        if self.current_ms != self.base_ms and connection.connection is not None:
            self._set(connection, self.base_ms)


class SQLiteLockBudgetMiddleware:
    """Installs a LockBudget on every SQLite connection for the length of each request."""

    UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.aliases = [alias for alias, db in settings.DATABASES.items() if db["ENGINE"].endswith("sqlite3")]
        self.writers = 0
        self.writers_lock = threading.Lock()

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not self.aliases:
            return self.get_response(request)
        if request.method not in self.UNSAFE:
            return self.budgeted(request)
        with self.writers_lock:
            if self.writers >= settings.DATABASE_WRITERS:
                return busy_response(request)
            self.writers += 1
        try:
            return self.budgeted(request)
        finally:
            with self.writers_lock:
                self.writers -= 1

    def budgeted(self, request: HttpRequest) -> HttpResponse:
        seconds = settings.DATABASE_LOCK_WAIT - waited_since_arrival(request)
        budgets = []
        for alias in self.aliases:
            connection = connections[alias]
            timeout = connection.settings_dict.get("OPTIONS", {}).get("timeout", 5)
            budget = LockBudget(seconds=seconds, base_ms=int(timeout * 1000))
            connection.execute_wrappers.append(budget)
            budgets.append((connection, budget))
        try:
            return self.get_response(request)
        finally:
            for connection, budget in budgets:
                connection.execute_wrappers.remove(budget)
                budget.restore(connection)


def is_lock_timeout(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError) and "locked" in str(error)


# PostgreSQL's SQLSTATEs for a session the server ended: shutting down, crashed, starting up (class 08, the
# connection's own failures, counts too).
_SERVER_ENDED = {"57P01", "57P02", "57P03"}


def is_unreachable(error: BaseException | None) -> bool:
    """Whether the database failed as a server does while it restarts or its network fails: the connection was
    refused, cut, closed, or ended by the server (a PostgreSQL restart ends every session), as against a query
    or a disk at fault."""
    if isinstance(error, InterfaceError):  # Django's "connection already closed"
        return True
    if not isinstance(error, OperationalError):
        return False
    cause = error.__cause__
    if cause is None or not type(cause).__module__.startswith("psycopg"):
        return False
    sqlstate = getattr(cause, "sqlstate", None)
    # psycopg says "connection refused" or "server closed the connection unexpectedly" with no SQLSTATE.
    return sqlstate is None or sqlstate.startswith("08") or sqlstate in _SERVER_ENDED


def server_error(request: HttpRequest) -> HttpResponse:
    """settings.handler500: a 503 with Retry-After when the database's write lock was not had in time, or when the
    database could not be reached (Django's next request opens a new connection, CONN_HEALTH_CHECKS); else 500."""
    error = sys.exc_info()[1]
    if is_lock_timeout(error):
        return busy_response(request)
    if is_unreachable(error):
        return unreachable_response(request)
    return defaults.server_error(request)


def unreachable_response(request: HttpRequest) -> HttpResponse:
    """The database did not answer: 503 with Retry-After. Plain, with no template: rendering one may need the
    database. Whether the request stored anything is not known, so it says nothing of it: an API client retries
    with its Idempotency-Key, which never stores twice."""
    message = f"The site's database is not answering; try again in {RETRY_AFTER_SECONDS} seconds."
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse({"errors": {"__all__": [message]}}, status=503)
    else:
        response = HttpResponse(message + "\n", status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def busy_response(request: HttpRequest) -> HttpResponse:
    """The database's write lock cannot be had in time: 503 with Retry-After, JSON for the API."""
    if request.path.startswith("/api/"):
        response: HttpResponse = JsonResponse(
            {
                "errors": {
                    "__all__": [
                        f"The database is busy; nothing was stored. Try again in {RETRY_AFTER_SECONDS} seconds."
                    ]
                }
            },
            status=503,
        )
    else:
        response = render(request, "503.html", status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response
