"""The front door as `make prod` runs it (nginx in front of gunicorn: deploy/nginx.conf.template, config/frontdoor.py),
against the findings of issue 26's red team: each attack is run at a scale set through the production
configuration's own settings (FRONTDOOR_*, GUNICORN_CMD_ARGS, DJANGO_DB_LOCK_WAIT_SECONDS), and throughout it
`/healthz`, `/` and `/assess/` must answer within LIVENESS seconds: a deadline that tells "answered" from
"starved", the one place these tests wait on the clock, not a speed measurement.
"""

from __future__ import annotations

import http.client
import json
import re
import socket
import sqlite3
import tempfile
import threading
from contextlib import ExitStack

import pytest

from config import frontdoor
from tests.gunicorn_server import ROOT, manage, shared_migrated_database
from tests.prod_server import COMMAND, Prod
from tests.security_data import API_ANSWERS

# Every test here starts the production shape (nginx and gunicorn) or shares its migrated database and port
# range: one pytest-xdist worker runs them all, on SQLite only (the marker's meaning in pyproject.toml).
pytestmark = pytest.mark.real_server

LIVENESS = 2.0  # seconds
HEADER_TIMEOUT = 2  # FRONTDOOR_HEADER_TIMEOUT, FRONTDOOR_BODY_TIMEOUT and FRONTDOOR_IDLE_TIMEOUT, scaled down
MAX_REQUESTS = 15  # gunicorn's max_requests, scaled down so workers recycle during a test
SIGNIN_BURST = 1
LOCK_WAIT = 2  # DJANGO_DB_LOCK_WAIT_SECONDS

SCALED = {
    "RATELIMIT_ASSESSMENTS": "100000/10m",
    "RATELIMIT_API": "100000/10m",
    "RATELIMIT_COMMENTS": "2/10m",
    "COMMENT_MIN_SECONDS": "0",
    "FRONTDOOR_HEADER_TIMEOUT": str(HEADER_TIMEOUT),
    "FRONTDOOR_BODY_TIMEOUT": str(HEADER_TIMEOUT),
    "FRONTDOOR_IDLE_TIMEOUT": str(HEADER_TIMEOUT),
    "FRONTDOOR_SIGNIN_PER_MINUTE": "6",
    "FRONTDOOR_SIGNIN_BURST": str(SIGNIN_BURST),
    "DJANGO_DB_LOCK_WAIT_SECONDS": str(LOCK_WAIT),
    "GUNICORN_CMD_ARGS": f"--max-requests {MAX_REQUESTS} --max-requests-jitter {MAX_REQUESTS // 3}",
}


@pytest.fixture(scope="module")
def site():
    with Prod(shared_migrated_database(), env=SCALED) as running:
        yield running


def test_make_prod_runs_what_these_tests_start():
    recipe = re.search(r"^prod:.*\nifeq \(\$\(SERVERS\),1\)\n((?:\t.*\n)+)else", (ROOT / "Makefile").read_text(), re.M)
    assert recipe.group(1).strip("\t") == "$(BIN)/python -m config.frontdoor run --port $(PORT)\n"
    assert COMMAND[1:] == ["-m", "config.frontdoor", "run"]


def test_make_prod_says_what_to_install_when_nginx_is_missing(monkeypatch, capsys):
    monkeypatch.setattr(frontdoor, "find_nginx", lambda: None)
    assert frontdoor.run(8000) == 1
    assert "apt-get install nginx" in capsys.readouterr().err


def test_make_prod_runs_production_settings_and_says_which_defaults_it_took():
    env, notes = frontdoor.production_environment({"DJANGO_DEBUG": "1", "DJANGO_ALLOWED_HOSTS": "example.org"})
    assert (env["DJANGO_DEBUG"], env["DJANGO_PROXY_COUNT"], env["DJANGO_ALLOWED_HOSTS"]) == ("0", "1", "example.org")
    assert len(env["DJANGO_SECRET_KEY"]) >= 50
    assert any("DJANGO_SECRET_KEY" in note for note in notes)
    assert any("DJANGO_SECURE_SSL_REDIRECT" in note for note in notes)
    assert not any("DJANGO_ALLOWED_HOSTS" in note for note in notes)  # the environment's own value stands


def _status(site: Prod, path: str, *, source: str = "127.0.0.1") -> int:
    """GET path from the given loopback address; the status, or an AssertionError when not within LIVENESS."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.settimeout(LIVENESS)
    try:
        sock.bind((source, 0))
        sock.connect(("127.0.0.1", site.port))
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        head = _read_head(sock)
    except TimeoutError:
        raise AssertionError(f"{path} did not answer within {LIVENESS} s") from None
    finally:
        sock.close()
    return int(head.split(b" ", 2)[1])


def _read_head(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def assert_alive(site: Prod) -> None:
    for path in ("/healthz", "/", "/assess/"):
        status = _status(site, path)
        assert status == 200, f"{path} {status} {site.log[-3000:]}"


def _answer(sock: socket.socket, timeout: float = 10) -> bytes:
    """Everything the server sends until it closes the connection (or `timeout` passes without a byte)."""
    sock.settimeout(timeout)
    data = b""
    try:
        while chunk := sock.recv(65536):
            data += chunk
    except (TimeoutError, ConnectionResetError):
        pass
    return data


def _send_until_refused(sock: socket.socket, first: bytes, more: bytes, total: int) -> int:
    """Send `first`, then `more` (64 kB at a time) until `total` bytes went or the server stopped taking them;
    the bytes sent."""
    sent = 0
    try:
        sock.sendall(first)
        sent = len(first)
        while sent < total:
            offset = (sent - len(first)) % len(more)  # `more` again and again, when total asks for more of it
            piece = more[offset : offset + 65536]
            sock.sendall(piece)
            sent += len(piece)
    except (BrokenPipeError, ConnectionResetError, TimeoutError):
        pass
    return sent


# --- 3. The head: its total size is capped and answered 431 --------------------------------------------------


@pytest.mark.parametrize(
    "head",
    [
        pytest.param(b"X-Big: " + b"a" * (5 * 1024 * 1024) + b"\r\n", id="one 5 MB header"),
        pytest.param(b"".join(b"X-%d: b\r\n" % i for i in range(520_000)), id="520,000 headers"),
        pytest.param(b"".join(b"X-%d: %s\r\n" % (i, b"b" * 4000) for i in range(20)), id="20 headers of 4 kB"),
    ],
)
def test_a_head_over_the_cap_is_answered_431(site, head):
    with site.connect() as sock:
        request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + head + b"\r\n"
        _send_until_refused(sock, request[:65536], request[65536:] or b"\r\n", len(request))
        answer = _answer(sock)
    assert answer.startswith(b"HTTP/1.1 431"), answer[:200]
    assert b"X-Content-Type-Options: nosniff" in answer and b"Content-Security-Policy: default-src 'none'" in answer
    assert_alive(site)


def test_unfinished_huge_heads_do_not_stall_the_site(site):
    """Six heads of 4 MB (40 MB each in the red team's run) while the site is probed: each is answered 431 at
    the cap, and the pages answer throughout."""
    with ExitStack() as stack:
        socks = [stack.enter_context(site.connect()) for _ in range(6)]
        for sock in socks:  # nginx answers at the cap, then reads what follows only to throw it away
            _send_until_refused(sock, b"GET / HTTP/1.1\r\nHost: x\r\nX-A: ", b"a" * 65536, 4 * 1024 * 1024)
        assert_alive(site)
        answers = [_answer(s) for s in socks]
    assert all(a.startswith(b"HTTP/1.1 431") for a in answers), [a[:40] for a in answers]


# --- 4. Connections are timed out before, during and between requests --------------------------------------


def test_idle_and_half_sent_connections_are_closed_and_do_not_stall_the_site(site):
    with ExitStack() as stack:
        idle = [stack.enter_context(site.connect()) for _ in range(200)]
        half = [stack.enter_context(site.connect()) for _ in range(20)]
        for sock in half:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        assert_alive(site)
        # Each is closed by the server after the header timeout (8 s more allowed: an answer, not a hang).
        closed = [_closed_by_server(sock) for sock in idle + half]
    assert all(closed), closed.count(False)


def _closed_by_server(sock: socket.socket) -> bool:
    """True when the server closes the connection (possibly after a 408) within the header timeout and a margin."""
    sock.settimeout(HEADER_TIMEOUT + 8)
    try:
        while chunk := sock.recv(65536):
            if not chunk.startswith(b"HTTP/1.1 408") and chunk:
                return False
        return True
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False


def test_a_kept_alive_connection_is_closed_when_idle(site):
    with site.connect() as sock:
        sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        head = _read_head(sock)
        assert head.startswith(b"HTTP/1.1 200")
        assert _closed_by_server(sock)


def test_a_body_that_never_comes_is_given_up(site):
    with site.connect() as sock:
        sock.sendall(
            b"POST /comments/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 1000\r\n\r\nname="
        )
        answer = _answer(sock, timeout=HEADER_TIMEOUT + 8)
    assert answer.startswith(b"HTTP/1.1 408") or answer == b"", answer[:80]


# --- 2. A recycling worker never waits on a client ------------------------------------------------------------


def test_workers_recycle_while_requests_wait_for_bodies_that_never_come(site):
    """40 posts with `Expect: 100-continue` and no body, each followed by a pipelined /healthz, while more than
    enough requests reach Django for both workers to reach max_requests and be replaced: the pages answer
    throughout, since nginx, not a worker, waits for those bodies."""
    with ExitStack() as stack:
        waiting = [stack.enter_context(site.connect()) for _ in range(40)]
        for sock in waiting:
            sock.sendall(
                b"POST /comments/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: 100\r\nExpect: 100-continue\r\n\r\n"
                b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n"
            )
        for _ in range(2 * MAX_REQUESTS // 3 + 2):  # each round is 2 requests to Django, so 2 x max_requests in all
            assert_alive(site)
    assert "Autorestarting worker" in site.log or "max requests" in site.log.lower(), site.log[-2000:]


# --- 5, 7. Chunked bodies: refused before any of them is read, trailers and extensions included -------------------


def test_a_chunk_extension_of_200_mb_is_refused_before_it_is_read(site):
    """The first megabyte of a 200 MB chunk extension, and no more: the refusal comes while it is unfinished."""
    with site.connect() as sock:
        sock.sendall(
            b"POST /api/assessments/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Transfer-Encoding: chunked\r\n\r\n3;ext=" + b"a" * 1024 * 1024
        )
        answer = _answer(sock)
    assert answer.startswith(b"HTTP/1.1 411"), answer[:80]


def test_trailers_never_become_headers(site):
    """A chunked body's trailer cannot choose the client's address: the body is refused with its trailer."""
    with site.connect() as sock:
        sock.sendall(
            b"POST /comments/ HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\n"
            b"Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
            b"a\r\nname=Priya\r\n0\r\nX-Forwarded-For: 203.0.113.9\r\n\r\n"
        )
        answer = _answer(sock)
    assert answer.startswith(b"HTTP/1.1 411"), answer[:80]
    assert b"Content-Length header" in answer


# --- 9 and the proxy's X-Forwarded-For: the client cannot choose its address ------------------------------------


def test_the_client_address_is_the_proxys_not_what_the_client_wrote(site):
    """Comments are limited to 2 per client here: three posts, each claiming another address (one with a port,
    as some proxies write them), are one client, and the third is refused."""
    statuses = []
    for forwarded in ("198.51.100.1", "198.51.100.2:4711", "[2001:db8::1]:80"):
        for _ in range(3):  # a 503 (a post that met a worker leaving at max_requests) is sent again, as it says
            status, _, _ = site.request(
                "POST",
                "/comments/",
                b"name=Priya&text=hello",
                {"Content-Type": "application/x-www-form-urlencoded", "X-Forwarded-For": forwarded},
            )
            if status != 503:
                break
        statuses.append(status)
    assert statuses[-1] == 429 and 429 not in statuses[:2], (statuses, site.log[-3000:])


# --- Body limits, one per route from settings.REQUEST_BODY_LIMITS, and item 8's headers ---------------------------

SAFETY_HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options")


def _has_safety_headers(headers: dict[str, str]) -> bool:
    return (
        "default-src 'none'" in headers.get("content-security-policy", "")
        and headers.get("x-content-type-options") == "nosniff"
        and headers.get("x-frame-options") == "DENY"
    )


def test_an_api_body_over_64_kb_is_refused_by_the_front_door_in_json_with_the_safety_headers(site):
    status, headers, body = site.request(
        "POST", "/api/assessments/", b"{" + b" " * (64 * 1024) + b"}", {"Content-Type": "application/json"}
    )
    assert status == 413
    assert json.loads(body) == {"errors": {"__all__": ["The body is larger than 64 kB; nothing was read or stored."]}}
    assert _has_safety_headers(headers), headers


def test_a_form_body_takes_256_kb_and_no_more(site):
    form = {"Content-Type": "application/x-www-form-urlencoded"}
    assert site.request("POST", "/assess/", b"a=" + b"b" * (200 * 1024), form)[0] not in (411, 413)
    status, headers, _ = site.request("POST", "/assess/", b"a=" + b"b" * (256 * 1024), form)
    assert status == 413 and _has_safety_headers(headers), (status, headers)


def test_a_redirect_and_a_bad_request_carry_the_safety_headers(site):
    status, headers, _ = site.request("GET", "/assess")
    assert status == 301 and _has_safety_headers(headers), (status, headers)
    with site.connect() as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nConnection: close\r\n\r\n")  # HTTP/1.1 without Host
        answer = _answer(sock)
    assert answer.startswith(b"HTTP/1.1 400"), answer[:80]
    head = answer.split(b"\r\n\r\n", 1)[0].decode().lower()
    assert all(f"{name}:" in head for name in SAFETY_HEADERS), head


def test_forms_and_the_pages_that_ask_before_changing_a_result_are_kept_by_no_shared_cache(site):
    status, headers, _ = site.request(
        "POST", "/api/assessments/", json.dumps(API_ANSWERS).encode(), {"Content-Type": "application/json"}
    )
    assert status == 201
    result = "/" + headers["location"].split("/", 3)[3]
    for path in ("/assess/", result + "rescore/", result + "delete/"):
        status, headers, _ = site.request("GET", path)
        assert status == 200 and headers.get("cache-control") == "private, no-cache", (path, status, headers)


# --- 1. Sign-in posts are limited per client before any password is hashed -----------------------------------


class SigninClient:
    """A browser at its own loopback address, with the admin sign-in form's CSRF cookie and token."""

    def __init__(self, site: Prod, source: str) -> None:
        self.site = site
        self.source = source
        status, headers, body = self._request("GET", "/admin/login/")
        assert status == 200, body[:200]
        self.cookie = headers["set-cookie"].split(";", 1)[0]
        self.token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', body).group(1).decode()

    def _request(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.site.port, timeout=30, source_address=(self.source, 0))
        try:
            conn.request(method, path, body=body, headers={"Host": f"127.0.0.1:{self.site.port}", **(headers or {})})
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()

    def sign_in(self, n: int, statuses: list[int]) -> None:
        body = f"csrfmiddlewaretoken={self.token}&username=nobody{n}&password=wrong-{n}&next=/admin/".encode()
        status, _, _ = self._request(
            "POST",
            "/admin/login/?next=/admin/",
            body,
            {
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": self.cookie,
                "Origin": f"http://127.0.0.1:{self.site.port}",
                "Referer": f"http://127.0.0.1:{self.site.port}/admin/login/",
            },
        )
        statuses.append(status)


def test_failed_sign_ins_from_four_clients_do_not_starve_the_pages(site):
    """Four clients posting failed sign-ins round after round (each failure costs a password hash): each
    client gets its burst through and is then refused with 429 before Django, and the pages answer throughout."""
    clients = [SigninClient(site, f"127.0.0.{n}") for n in range(2, 6)]
    statuses: dict[str, list[int]] = {c.source: [] for c in clients}
    for round_ in range(6):
        threads = [threading.Thread(target=c.sign_in, args=(round_, statuses[c.source])) for c in clients]
        for thread in threads:
            thread.start()
        assert_alive(site)
        for thread in threads:
            thread.join()
    # 200: the sign-in page again, with its error (a password was checked); 503: another sign-in was being
    # checked in that worker (advisor.middleware.SigninGateMiddleware), or the post met a worker leaving at
    # max_requests (scaled down here); 429: refused by nginx, past the client's burst.
    assert any(200 in seen for seen in statuses.values()), statuses
    for source, seen in statuses.items():
        assert set(seen) <= {200, 429, 503}, (source, seen)
        assert seen.count(429) >= 6 - (SIGNIN_BURST + 2), (source, seen)


# --- 6. A held SQLite write lock: a bounded wait from arrival, then 503 --------------------------------------------


def test_writers_behind_a_held_lock_get_503_and_the_pages_still_answer():
    folder = tempfile.mkdtemp(prefix="advisor-lock-")
    url = f"sqlite:///{folder}/db.sqlite3"
    migrated = manage(url, "migrate", "--noinput")
    assert migrated.returncode == 0, migrated.stderr
    body = json.dumps(API_ANSWERS).encode()
    # Workers are not recycled here: at 15 requests a worker, both of them reached max_requests among the 30
    # writers and stopped taking requests while finishing the writers they held (up to LOCK_WAIT each), so a
    # page waited for a fresh worker, not for the lock (CI saw /assess/ miss LIVENESS once). Recycling under
    # load has its own test above.
    unrecycled = {name: value for name, value in SCALED.items() if name != "GUNICORN_CMD_ARGS"}
    with Prod(url, env=unrecycled) as lock_site:
        holder = sqlite3.connect(f"{folder}/db.sqlite3", isolation_level=None)
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock and does not let go
        answers: list[tuple[int, str | None]] = []

        def post() -> None:
            conn = http.client.HTTPConnection("127.0.0.1", lock_site.port, timeout=LOCK_WAIT + 10)
            try:
                conn.request("POST", "/api/assessments/", body=body, headers={"Content-Type": "application/json"})
                response = conn.getresponse()
                answers.append((response.status, response.getheader("Retry-After")))
            finally:
                conn.close()

        try:
            writers = [threading.Thread(target=post) for _ in range(30)]
            for thread in writers:
                thread.start()
            for _ in range(3):
                assert_alive(lock_site)
            for thread in writers:
                thread.join()
        finally:
            holder.execute("ROLLBACK")
            holder.close()
        assert len(answers) == 30
        assert {status for status, _ in answers} == {503}, answers
        assert all(retry for _, retry in answers), answers
        status, _, _ = lock_site.request("POST", "/api/assessments/", body, {"Content-Type": "application/json"})
        assert status == 201
