"""Many clients at once against real gunicorn workers: every submission is stored, none is lost.

SQLite by default (WAL, a busy timeout and IMMEDIATE transactions keep writers from failing with
"database is locked"); PostgreSQL when the suite runs against it.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from http.cookies import SimpleCookie
from urllib.parse import urlencode

import pytest

from tests.gunicorn_server import Gunicorn, count, shared_migrated_database

CLIENTS = 8
SUBMISSIONS = 50

# A typical small office, as the JSON API takes it and as the form posts it.
API_ANSWERS = {"industry": "legal", "employees": 25, "incidents_per_month": 4, "compliance": "strict"}
FORM_ANSWERS = {
    "organisation_name": "",
    "industry": "retail",
    "employees": "12",
    "devices": "",
    "sites": "2",
    "it_staff": "0",
    "incidents_per_month": "3",
    "downtime_cost_per_hour": "",
    "operating_hours": "extended",
    "budget_preference": "predictable",
    "growth": "stable",
    "compliance": "none",
    "backup": "partial",
    "it_dependence": "high",
    "hourly_rate": "",
    "msp_fee_per_user": "",
    "email": "",
}
_CSRF_INPUT = re.compile(rb'name="csrfmiddlewaretoken" value="([^"]+)"')


def _api_client(server: Gunicorn, client: int) -> list[int]:
    statuses = []
    for n in range(SUBMISSIONS):
        body = json.dumps({**API_ANSWERS, "organisation_name": f"api client {client} #{n}"}).encode()
        status, _, _ = server.request("POST", "/api/assessments/", body, {"Content-Type": "application/json"})
        statuses.append(status)
    return statuses


def _form_client(server: Gunicorn, client: int) -> list[int]:
    """A browser: fetch the form once for its CSRF cookie and token, then post it again and again."""
    status, headers, page = server.request("GET", "/assess/")
    assert status == 200
    cookie = SimpleCookie(headers["set-cookie"])
    csrf_cookie = next(morsel for name, morsel in cookie.items() if name.endswith("csrftoken"))
    token = _CSRF_INPUT.search(page).group(1).decode()
    statuses = []
    for n in range(SUBMISSIONS):
        body = urlencode(
            {**FORM_ANSWERS, "organisation_name": f"form client {client} #{n}", "csrfmiddlewaretoken": token}
        ).encode()
        status, headers, _ = server.request(
            "POST",
            "/assess/",
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"{csrf_cookie.key}={csrf_cookie.value}",
                "Referer": f"http://127.0.0.1:{server.port}/assess/",
            },
        )
        statuses.append(status if status != 302 or "/assessment/" in headers.get("location", "") else -1)
    return statuses


@pytest.mark.real_server
def test_concurrent_submissions_under_several_workers_are_all_stored():
    database = shared_migrated_database()
    before = count(database, "advisor_assessment")
    with (
        Gunicorn(database, workers=4, env={"RATELIMIT_ENABLE": "0"}) as server,
        ThreadPoolExecutor(max_workers=CLIENTS) as pool,
    ):
        futures = [pool.submit(_api_client if c % 2 else _form_client, server, c) for c in range(CLIENTS)]
        statuses = [status for future in futures for status in future.result()]
    log = server.log
    assert "database is locked" not in log
    assert "Traceback" not in log
    assert sorted(set(statuses)) == [201, 302], {s: statuses.count(s) for s in set(statuses)}
    assert statuses.count(201) == statuses.count(302) == CLIENTS * SUBMISSIONS // 2
    assert count(database, "advisor_assessment") - before == CLIENTS * SUBMISSIONS


@pytest.mark.real_server
def test_rate_limit_holds_across_workers_when_clients_post_at_once():
    """40 posts from one address at once, spread over 4 processes: exactly the limit gets through.

    The workers' clock is frozen (tests/wsgi_frozen_clock.py), so the day's window cannot end mid-test."""
    database = shared_migrated_database()
    before = count(database, "advisor_assessment")
    limit = 20
    env = {"RATELIMIT_ENABLE": "1", "RATELIMIT_API": f"{limit}/1d"}
    frozen = ["tests.wsgi_frozen_clock:application", "--config", "config/gunicorn.conf.py"]
    with Gunicorn(database, workers=4, env=env, args=frozen) as server:

        def post(_: int) -> int:
            body = json.dumps(API_ANSWERS).encode()
            return server.request("POST", "/api/assessments/", body, {"Content-Type": "application/json"})[0]

        with ThreadPoolExecutor(max_workers=CLIENTS) as pool:
            statuses = list(pool.map(post, range(2 * limit)))
    counts = {s: statuses.count(s) for s in set(statuses)}
    # Exactly the limit gets through, except that a post may find the store of counters (the database, on
    # SQLite) held by a writer past its lock budget: it is then refused with 503 and Retry-After, uncounted and
    # unstored, never let through (issue 21). Nothing else, and never more than the limit.
    assert set(counts) <= {201, 429, 503}, counts
    assert counts.get(201, 0) <= limit and counts.get(201, 0) + counts.get(503, 0) >= limit, counts
    assert counts.get(429, 0) + counts.get(503, 0) >= limit, counts
    assert count(database, "advisor_assessment") - before == counts.get(201, 0)
    assert "Traceback" not in server.log
