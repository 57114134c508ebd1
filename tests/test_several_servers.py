"""Several app servers, proven: the proxy (nginx) in front of two app servers, each its own gunicorn on its own
port, sharing one PostgreSQL and one Redis, as `make prod SERVERS=2` runs them (tests/several_servers.py).

What one server does, the other sees at once: the rate-limit counts, the Idempotency-Keys, a deletion, a member of
staff's session and sign-in lockout, the content version after an edit. And the faults a deployment meets: Redis
stopped and started, PostgreSQL stopped and started, one app server killed mid-burst, the purge and the export run
while both serve. Each request says which server answered (tests/wsgi_several_servers.py), so "on the other
server" is checked, not assumed.

The app servers' counters live in Redis (CACHE_URL) and the Idempotency-Keys in PostgreSQL (the default, a
table of its own): one store of each kind. Run by `make test-postgres` (the PostgreSQL pass of .ci/run):
left out of a run on SQLite (tests/conftest.py), like the tests of PostgreSQL's own workings. The tests run in
file order on one set of servers; the last kills one of them.
"""

from __future__ import annotations

import http.client
import json
import re
import threading
import time
import uuid
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest

from tests.conftest import LAW_FIRM
from tests.gunicorn_server import count, query
from tests.security_data import API_ANSWERS
from tests.several_servers import Answer, Browser, Cluster, Postgres, Redis, manage_shell

pytestmark = [pytest.mark.real_server, pytest.mark.several_servers]

FORM_POSTS = 4  # RATELIMIT_ASSESSMENTS: assessment forms per client, scaled down
LOGIN_FAILURES = 3  # DJANGO_ADMIN_LOGIN_FAILURES
PENDING_SECONDS = 5  # IDEMPOTENCY_PENDING_SECONDS, the shortest allowed: a killed post's key is taken over soon
PASSWORD = "several-servers-Pa55word"

SCALED = {
    "RATELIMIT_ASSESSMENTS": f"{FORM_POSTS}/10m",
    "RATELIMIT_API": "100000/10m",  # the API's own limit is counted like the form's; the bursts need room
    "DJANGO_ADMIN_LOGIN_FAILURES": str(LOGIN_FAILURES),
    "FRONTDOOR_SIGNIN_PER_MINUTE": "600",  # nginx's own per-client sign-in limit, out of the lockout's way
    "FRONTDOOR_SIGNIN_BURST": "100",
    "IDEMPOTENCY_PENDING_SECONDS": str(PENDING_SECONDS),
    "WEB_CONCURRENCY": "2",
    "GUNICORN_THREADS": "4",
}

STAFF = f"""
from django.contrib.auth.models import User
from django_otp.plugins.otp_totp.models import TOTPDevice
user = User.objects.create_superuser("ops", "ops@example.org", {PASSWORD!r})
print(TOTPDevice.objects.create(user=user, name="app", confirmed=True).key)
"""


@pytest.fixture(scope="module")
def stores() -> Iterator[tuple[Postgres, Redis]]:
    postgres = Postgres()
    try:
        redis = Redis()
        try:
            yield postgres, redis
        finally:
            redis.stop()
    finally:
        postgres.remove()


@pytest.fixture(scope="module")
def site(stores) -> Iterator[Cluster]:
    postgres, redis = stores
    with Cluster(postgres.url, redis.url(0), env=SCALED) as running:
        yield running


@pytest.fixture(scope="module")
def totp_key(site, stores) -> str:
    return manage_shell(stores[0].url, STAFF, SCALED).strip().splitlines()[-1]


def _assessments(site: Cluster) -> int:
    return count(site.database_url, "advisor_assessment")


def _break_fix_total(document: dict) -> float:
    (row,) = [s for s in document["scores"] if s["model"] == "break-fix"]
    return row["cost"]["three_years"]["expected"]


def _both(answers: list) -> set[int]:
    return {a.server for a in answers}


# --- What one server does, the other sees -----------------------------------------------------------------------


def test_make_prod_servers_2_is_what_these_tests_start():
    from tests.gunicorn_server import ROOT

    recipe = re.search(r"^prod:.*\n((?:.*\n)+?)endif", (ROOT / "Makefile").read_text(), re.M).group(1)
    assert "$(BIN)/python -m config.frontdoor run --port $(PORT) --servers $(SERVERS) --migrate" in recipe
    assert ".ci/with-postgres" in recipe and ".ci/with-redis" in recipe


def test_the_rate_limit_counts_posts_spread_over_both_servers_together(site):
    """The assessment form, FORM_POSTS a client: posts 1 to 4 are taken, by both servers between them; the fifth
    and sixth are refused, whichever server they reach. The form's CSRF token comes from a page one server served
    and is taken by both: one secret key."""
    browser = Browser(site, "127.0.0.2")
    page = browser.request("GET", "/assess/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    answers = [browser.post_form("/assess/", {"csrfmiddlewaretoken": token, **LAW_FIRM}) for _ in range(FORM_POSTS + 2)]
    statuses = [a.status for a in answers]
    assert statuses == [302] * FORM_POSTS + [429] * 2, statuses
    assert _both(answers[:FORM_POSTS]) == {1, 2}, [a.server for a in answers]


def test_an_idempotency_key_replayed_on_the_other_server_answers_the_same_document_and_stores_nothing(site):
    browser = Browser(site, "127.0.0.3")
    key = str(uuid.uuid4())
    first = browser.api_post(API_ANSWERS, key)
    assert first.status == 201, first.text[:300]
    before = _assessments(site)
    other = 2 if first.server == 1 else 1
    again = browser.on(
        other,
        "POST",
        "/api/assessments/",
        body=json.dumps(API_ANSWERS).encode(),
        headers={"Content-Type": "application/json", "Idempotency-Key": key},
    )
    assert (again.status, again.headers.get("idempotent-replayed")) == (201, "true")
    assert again.json() == first.json() and again.headers["location"] == first.headers["location"]
    assert _assessments(site) == before


def test_a_result_deleted_through_one_server_is_gone_at_once_through_the_other(site):
    browser = Browser(site, "127.0.0.4")
    made = browser.api_post(API_ANSWERS)
    assert made.status == 201
    public_id = made.json()["id"]
    deleted = browser.form(f"/assessment/{public_id}/delete/", {})
    assert deleted.status == 302, deleted.text[:300]
    other = 2 if deleted.server == 1 else 1
    assert browser.on(other, "GET", f"/api/assessments/{public_id}/").status == 404
    assert browser.on(other, "GET", f"/assessment/{public_id}/").status == 404
    assert browser.on(deleted.server, "GET", f"/assessment/{public_id}/").status == 404
    assert (
        query(site.database_url, f"SELECT COUNT(*) FROM advisor_assessment WHERE public_id = '{public_id}'")[0][0] == 0
    )


@pytest.fixture(scope="module")
def staff(site, totp_key) -> Browser:
    """A member of staff signed in through the proxy, password then code (which servers answered is noted)."""
    from django_otp.oath import TOTP

    browser = Browser(site, "127.0.0.5")
    password = browser.form("/admin/login/?next=/admin/", {"username": "ops", "password": PASSWORD, "next": "/admin/"})
    assert password.status == 302 and "/verify/" in password.headers["location"], password.text[:300]
    location = urlsplit(password.headers["location"])
    verify = f"{location.path}?{location.query}"
    code = f"{TOTP(bytes.fromhex(totp_key)).token():06d}"
    verified = browser.form(verify, {"code": code, "next": "/admin/"})
    assert verified.status == 302 and verified.headers["location"] == "/admin/", verified.text[:500]
    browser.signed_in_on = (password.server, verified.server)
    return browser


def test_an_admin_session_started_on_one_server_works_on_the_other(site, staff):
    for server in (1, 2):
        page = staff.on(server, "GET", "/admin/advisor/assessment/")
        assert page.status == 200 and "Select assessment to view" in page.text, (server, page.text[:300])
    assert Browser(site, "127.0.0.5").on(2, "GET", "/admin/advisor/assessment/").status == 302  # no session: sign in


def test_a_sign_in_lockout_counted_on_one_server_holds_on_the_other(site, totp_key):
    browser = Browser(site, "127.0.0.6")
    failures = [
        browser.form("/admin/login/", {"username": "ops", "password": f"wrong-{n}"}) for n in range(LOGIN_FAILURES)
    ]
    assert [f.status for f in failures[:-1]] == [200] * (LOGIN_FAILURES - 1)
    page = browser.request("GET", "/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
    right = {"csrfmiddlewaretoken": token, "username": "ops", "password": PASSWORD}
    for server in (1, 2):  # the right password, on each server: paused all the same
        for _ in range(10):
            locked = browser.post_form("/admin/login/", right)
            if locked.server == server:
                break
        assert locked.server == server and locked.status == 429 and "Sign-in paused" in locked.text, locked.text[:300]
    assert Browser(site, "127.0.0.7").form("/admin/login/", {"username": "ops", "password": "x"}).status == 200


def _edit_in_the_admin(staff: Browser, site: Cluster, *, slug: str, key: str, times: int) -> Answer:
    """A member of staff changes a cost figure's low, expected and high in the admin's form, the rest as it was."""
    ((pk, model, low, expected, high, title, url, year, vendor, note, stand_in),) = query(
        site.database_url,
        "SELECT c.id, c.support_model_id, c.low, c.expected, c.high, c.source_title, c.source_url, c.source_year, "
        "c.vendor_claim, c.note, c.stand_in FROM advisor_costparameter c "
        "JOIN advisor_supportmodel m ON m.id = c.support_model_id "
        f"WHERE m.slug = '{slug}' AND c.key = '{key}' AND c.region_id = 'US'",  # the US book: API_ANSWERS' country
    )
    fields = {
        "region": "US",
        "support_model": str(model),
        "key": key,
        "stand_in": stand_in,
        "low": str(low * times),
        "expected": str(expected * times),
        "high": str(high * times),
        "source_title": title,
        "source_url": url,
        "source_year": "" if year is None else str(year),
        "note": note,
        "_save": "Save",
        **({"vendor_claim": "on"} if vendor else {}),
    }
    return staff.form(f"/admin/advisor/costparameter/{pk}/change/", fields)


def test_a_cost_figure_edited_by_staff_changes_new_results_on_both_servers_and_not_the_stored_ones(site, staff):
    browser = Browser(site, "127.0.0.8")

    def one_from_each() -> dict[int, dict]:
        made: dict[int, dict] = {}
        for _ in range(10):
            answer = browser.api_post(API_ANSWERS)
            assert answer.status == 201
            made.setdefault(answer.server, answer.json())
            if len(made) == 2:
                return made
        raise AssertionError("one server made none of 10 results")

    before = one_from_each()
    assert _break_fix_total(before[1]) == _break_fix_total(before[2])
    edited = _edit_in_the_admin(staff, site, slug="break-fix", key="hourly_rate", times=2)
    assert edited.status == 302, edited.text[:2000]
    after = one_from_each()
    assert _break_fix_total(after[1]) == _break_fix_total(after[2]) > _break_fix_total(before[1])
    for made in before.values():
        for server in (1, 2):
            stored = browser.on(server, "GET", f"/api/assessments/{made['id']}/")
            assert _break_fix_total(stored.json()) == _break_fix_total(made)


# --- The purge and the export on one server while both serve --------------------------------------------------


def test_the_retention_purge_and_the_export_run_on_one_server_while_both_serve(site, stores, staff):
    """While both servers serve pages and posts: `purge_assessments` (in batches of 2) deletes the assessments
    past the retention period and only those, `export_assessments` and the admin's CSV export (streamed by one
    server) each write every assessment that was there before they began."""
    from tests.gunicorn_server import manage

    browser = Browser(site, "127.0.0.9")
    old = [browser.api_post(API_ANSWERS).json()["id"] for _ in range(3)]
    quoted = ",".join(f"'{i}'" for i in old)
    manage_shell(
        stores[0].url,
        "from datetime import timedelta\nfrom django.utils import timezone\nfrom advisor.models import Assessment\n"
        f"Assessment.objects.filter(public_id__in=[{quoted}])"
        ".update(created_at=timezone.now() - timedelta(days=400))\n",
        SCALED,
    )
    kept = {str(row[0]) for row in query(site.database_url, "SELECT public_id FROM advisor_assessment")} - set(old)
    stop = threading.Event()
    served: list = []

    def serve() -> None:
        while not stop.is_set():
            served.append(browser.request("GET", "/"))
            served.append(browser.api_post(API_ANSWERS))

    traffic = threading.Thread(target=serve)
    traffic.start()
    try:
        purged = manage(site.database_url, "purge_assessments", "--batch-size", "2", env=SCALED)
        exported = manage(site.database_url, "export_assessments", env=SCALED)
        streamed = staff.form(
            "/admin/advisor/assessment/",
            {"action": "export_csv", "select_across": "1", "index": "0", "_selected_action": "1"},
        )
    finally:
        stop.set()
        traffic.join()
    assert purged.returncode == 0, purged.stderr
    assert query(site.database_url, f"SELECT COUNT(*) FROM advisor_assessment WHERE public_id IN ({quoted})")[0][0] == 0
    assert exported.returncode == 0, exported.stderr
    assert streamed.status == 200 and streamed.headers["content-type"].startswith("text/csv"), streamed.text[:300]
    for csv in (exported.stdout, streamed.text):
        assert all(public_id in csv for public_id in kept) and not any(public_id in csv for public_id in old)
    assert served and {a.status for a in served} <= {200, 201}, {a.status for a in served}
    assert _both(served) == {1, 2}


# --- Faults -----------------------------------------------------------------------------------------------------


def test_redis_stopped_and_started_answers_503_with_retry_after_and_recovers_without_a_restart(site, stores):
    _, redis = stores
    browser = Browser(site, "127.0.0.10")
    before = _assessments(site)
    redis.stop()
    try:
        refused = [browser.api_post(API_ANSWERS, str(uuid.uuid4())) for _ in range(4)]
        form = browser.form("/assess/", LAW_FIRM)
        ready = [browser.on(server, "GET", "/readyz") for server in (1, 2)]
        page = browser.request("GET", "/")
    finally:
        redis.start()
    assert _both(refused) == {1, 2}
    assert {(a.status, a.headers.get("retry-after")) for a in refused + [form]} == {(503, "30")}
    assert "nothing was stored" in refused[0].json()["errors"]["__all__"][0]
    assert all(r.status == 503 and "rate-limit store unavailable" in r.text for r in ready), [r.text for r in ready]
    assert page.status == 200  # reading needs no store
    assert _assessments(site) == before
    # Started again, the same servers take posts, on their next connection to it.
    for server in (1, 2):
        for _ in range(10):
            if browser.on(server, "GET", "/readyz").status == 200:
                break
        assert browser.on(server, "GET", "/readyz").status == 200
    assert _both([browser.api_post(API_ANSWERS) for _ in range(4)]) == {1, 2}
    assert _assessments(site) == before + 4


def _post_until_stored(browser: Browser, key: str, answers: list, *, attempts: int = 60) -> dict:
    """What a careful client does: post with its Idempotency-Key, and on a 503 (with Retry-After), a 409, or a lost
    connection post the same again with the same key, until it is answered 201. Returns the document."""
    for _ in range(attempts):
        try:
            answer = browser.api_post(API_ANSWERS, key)
        except (ConnectionError, OSError, http.client.HTTPException) as error:  # refused, reset, or cut off mid-body
            answers.append(error)
            continue
        answers.append(answer)
        if answer.status == 201:
            return answer.json()
        assert answer.status in (409, 503) and answer.headers.get("retry-after"), (answer.status, answer.text[:300])
        time.sleep(min(float(answer.headers["retry-after"]), 0.5))  # as asked, but briefly: the test has a budget
    raise AssertionError(f"no 201 for {key} after {attempts} posts: {[getattr(a, 'status', a) for a in answers]}")


def test_postgresql_stopped_and_started_in_flight_requests_fail_cleanly_and_later_ones_succeed(site, stores):
    """PostgreSQL stopped (a fast shutdown ends every session, as a restart does) while 4 clients post, then started:
    what was in flight and what came while it was down is a 503 with Retry-After (never a 500), /readyz says
    "database unavailable" on both servers, and once it is back every client's retry (same Idempotency-Key) is
    stored exactly once, on the connections Django opens afresh (CONN_HEALTH_CHECKS)."""
    postgres, _ = stores
    keys = [str(uuid.uuid4()) for _ in range(8)]
    stored: dict[str, str] = {}
    answers: list = []
    back = threading.Event()

    def client(n: int) -> None:
        browser = Browser(site, f"127.0.1.{n + 1}")
        for key in keys[n::4]:
            answers.append(browser.api_post(API_ANSWERS, key))
            back.wait()
            stored[key] = _post_until_stored(browser, key, answers)["id"]

    before = _assessments(site)
    clients = [threading.Thread(target=client, args=(n,)) for n in range(4)]
    for thread in clients:
        thread.start()
    postgres.stop()
    browser = Browser(site, "127.0.0.11")
    try:
        reads = [browser.request("GET", "/"), browser.request("GET", "/api/support-models/")]
        writes = [browser.api_post(API_ANSWERS), browser.api_post(API_ANSWERS, str(uuid.uuid4()))]
        ready = [browser.on(server, "GET", "/readyz") for server in (1, 2)]
    finally:
        postgres.start()
        back.set()
    for thread in clients:
        thread.join()
    for answer in writes + [r for r in reads if r.status != 200]:  # a page may come whole from the fragments cache
        assert answer.status == 503 and answer.headers.get("retry-after"), (answer.status, answer.text[:300])
    assert all((r.status, r.text) == (503, "database unavailable") for r in ready), [r.text for r in ready]
    statuses = {a.status for a in answers}
    assert statuses <= {201, 409, 503}, statuses  # never a 500, nor a connection dropped
    assert len(stored) == len(keys) and len(set(stored.values())) == len(keys)
    assert _assessments(site) == before + len(keys)  # each key's assessment stored once
    for server in (1, 2):
        assert browser.on(server, "GET", "/readyz").status == 200


def test_one_app_server_killed_mid_burst_loses_no_post_and_stores_none_twice(site):
    """kill -9 of server 2's whole process group while 8 clients post (each with Idempotency-Keys of its own,
    retrying as _post_until_stored does) and 2 read: every read is answered 200 (nginx sends a GET it could not
    finish, or not send, to server 1), every post ends in exactly one stored assessment, whatever server 2 was
    doing with it when it died, and every request sent after the kill is answered by server 1."""
    keys = {n: [str(uuid.uuid4()) for _ in range(4)] for n in range(8)}
    stored: dict[str, str] = {}
    posts: list = []
    reads: list = []
    done = threading.Event()
    mid_burst = threading.Event()

    def poster(n: int) -> None:
        browser = Browser(site, f"127.0.2.{n + 1}")
        for key in keys[n]:
            stored[key] = _post_until_stored(browser, key, posts)["id"]
            if len(stored) >= 6:
                mid_burst.set()

    def reader(n: int) -> None:
        browser = Browser(site, f"127.0.3.{n + 1}")
        while not done.is_set():
            for path in ("/", "/api/support-models/", "/readyz"):
                try:
                    reads.append(browser.request("GET", path))
                except OSError as error:  # the proxy itself must never drop a connection
                    reads.append(error)

    before = _assessments(site)
    threads = [threading.Thread(target=poster, args=(n,)) for n in range(8)]
    readers = [threading.Thread(target=reader, args=(n,)) for n in range(2)]
    for thread in threads + readers:
        thread.start()
    mid_burst.wait(timeout=120)  # a few posts in, most to come
    site.kill(2)
    killed_at = time.monotonic()
    for thread in threads:
        thread.join()
    done.set()
    for thread in readers:
        thread.join()

    assert {getattr(r, "status", r) for r in reads} == {200}, {getattr(r, "status", r) for r in reads}
    # Every post is answered; only an answer the killed server was still sending may arrive cut off (the proxy
    # passes on a body as it comes), and the client's retry with its key then gets the stored document.
    cut = (Answer, http.client.IncompleteRead)
    assert all(isinstance(a, cut) for a in posts), [a for a in posts if not isinstance(a, cut)]
    assert len(stored) == 32 and len(set(stored.values())) == 32
    assert _assessments(site) == before + 32  # none lost, none twice
    rows = {str(row[0]) for row in query(site.database_url, "SELECT public_id FROM advisor_assessment")}
    assert set(stored.values()) <= rows
    cut_off = [a for a in posts if isinstance(a, Answer) and a.status == 503]
    after = [a for a in posts + reads if isinstance(a, Answer) and a.sent > killed_at]
    assert after and _both(after) == {1}, _both(after)
    assert "app server 2 stopped (exit code -9)" in site.log
    assert site.request("GET", "/readyz").status == 200
    print(f"posts cut off by the kill and retried: {len(cut_off)}; requests after it: {len(after)}")
