"""How the site is served (config/asgi.py, config/worker.py, config/gunicorn.conf.py): slow clients cannot hold
the workers, oversized bodies are refused before anything is read or spooled, chunked bodies are read.

The liveness tests run the real server as `make run` starts it. They are bounded in count and in time: each
probe gets a generous 10 seconds, which tells "answered" from "hung" (a sync worker held by a slow client
answers nothing for 30 s), and measures no speed.
"""

from __future__ import annotations

import asyncio
import json
import socket
from contextlib import ExitStack

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client, override_settings

from advisor.models import Comment
from config.asgi import BodyLimit, application
from tests.gunicorn_server import Gunicorn, shared_migrated_database
from tests.security_data import API_ANSWERS

PROBE_TIMEOUT = 10.0  # seconds: generous; a hung server never answers within it
SLOW_HEADERS = 100
SLOW_BODIES = 20
LIMIT = 256 * 1024  # settings.DATA_UPLOAD_MAX_MEMORY_SIZE


@pytest.fixture(scope="module")
def server():
    """The site as `make run` serves it (config/gunicorn.conf.py), two workers, on its own database."""
    with Gunicorn(
        shared_migrated_database(), workers=2, env={"RATELIMIT_ENABLE": "0", "COMMENT_MIN_SECONDS": "0"}
    ) as running:
        yield running


def _connect(port: int) -> socket.socket:
    return socket.create_connection(("127.0.0.1", port), timeout=PROBE_TIMEOUT)


def _answer(sock: socket.socket) -> str:
    """The status line the server sent, or "hung" when nothing came within PROBE_TIMEOUT."""
    data = b""
    try:
        while b"\r\n" not in data:
            chunk = sock.recv(4096)
            if not chunk:
                return f"closed after {data!r}"
            data += chunk
    except TimeoutError:
        return "hung"
    return data.split(b"\r\n", 1)[0].decode()


def _probe(port: int, path: str) -> str:
    with _connect(port) as sock:
        sock.sendall(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
        return _answer(sock)


@pytest.mark.real_server
def test_slow_clients_cannot_hold_the_workers(server):
    """100 connections trickling their headers and 20 trickling their bodies, more than any pool of workers:
    /healthz and the pages are still answered, round after round, while the slow ones are still sending."""
    answers = []
    with ExitStack() as stack:
        headers = [stack.enter_context(_connect(server.port)) for _ in range(SLOW_HEADERS)]
        bodies = [stack.enter_context(_connect(server.port)) for _ in range(SLOW_BODIES)]
        for sock in headers:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
        for sock in bodies:
            sock.sendall(
                b"POST /comments/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 100000\r\n\r\nname="
            )
        for round_ in range(3):
            for sock in headers + bodies:
                sock.sendall(b"a")  # a little more, never the end
            for path in ("/healthz", "/", "/assess/"):
                answer = _probe(server.port, path)
                answers.append((round_, path, answer))
                assert answer == "HTTP/1.1 200 OK", answers
        # The slow requests are still open, unanswered: nothing was cut short to make room.
        still_open = sum(1 for sock in headers + bodies if _still_waiting(sock))
    assert still_open == SLOW_HEADERS + SLOW_BODIES
    assert len(answers) == 9


def _still_waiting(sock: socket.socket) -> bool:
    """Open and unanswered: nothing to read yet (neither an answer nor the end of the connection)."""
    sock.setblocking(False)
    try:
        sock.recv(1)
    except BlockingIOError:
        return True
    finally:
        sock.setblocking(True)
    return False


@pytest.mark.real_server
@pytest.mark.parametrize("path", ["/comments/", "/assess/", "/admin/login/", "/api/assessments/"])
def test_a_body_over_the_limit_is_refused_by_its_length_before_it_is_sent(server, path):
    """A 50 MB multipart file part: refused at once, though only the start of its first part was ever sent."""
    with _connect(server.port) as sock:
        sock.sendall(
            f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            "Content-Type: multipart/form-data; boundary=XyZ\r\n"
            f"Content-Length: {50 * 1024 * 1024}\r\n\r\n".encode()
            + b'--XyZ\r\nContent-Disposition: form-data; name="file"; filename="big.bin"\r\n\r\n'
        )
        assert _answer(sock) == "HTTP/1.1 413 Request Entity Too Large"


def _chunked(sock: socket.socket, path: str, content_type: str, chunks: list[bytes]) -> str:
    sock.sendall(
        f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {content_type}\r\n"
        "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n".encode()
    )
    for chunk in chunks:
        try:
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        except (BrokenPipeError, ConnectionResetError):
            break  # refused before the rest was sent
    else:
        sock.sendall(b"0\r\n\r\n")
    return _answer(sock)


@pytest.mark.real_server
def test_a_chunked_body_is_refused_while_it_is_read_once_over_the_limit(server):
    with _connect(server.port) as sock:
        answer = _chunked(
            sock,
            "/comments/",
            "application/x-www-form-urlencoded",
            [b"name=Priya&text=" + b"a" * 65536] + [b"a" * 65536] * 8,
        )
    assert answer == "HTTP/1.1 413 Request Entity Too Large"


@pytest.mark.real_server
def test_chunked_json_is_read_and_scored(server):
    body = json.dumps(API_ANSWERS).encode()
    with _connect(server.port) as sock:
        answer = _chunked(sock, "/api/assessments/", "application/json", [body[:20], body[20:]])
    assert answer == "HTTP/1.1 201 Created"


# --- The handler: an asynchronous iterator streams, part by part ---


@override_settings(ROOT_URLCONF="tests.streaming_urls", ALLOWED_HOSTS=["testserver"])
def test_a_streaming_response_on_an_async_iterator_is_sent_part_by_part():
    """Each part reaches the client before the next is made: nothing collects the response whole first."""
    from tests import streaming_urls

    async def run() -> list[bytes]:
        streaming_urls.gates[:] = [asyncio.Event() for _ in range(3)]
        received: list[bytes] = []

        requests = [{"type": "http.request", "body": b"", "more_body": False}]

        async def receive():
            if requests:
                return requests.pop()
            await asyncio.Event().wait()  # then the client stays connected

        async def send(message):
            if message["type"] == "http.response.body" and message.get("body"):
                received.append(message["body"])
                number = len(received)
                if number < len(streaming_urls.gates):
                    streaming_urls.gates[number].set()  # only now may the next part be made

        scope = {
            "type": "http",
            "method": "GET",
            "path": "/streamed/",
            "raw_path": b"/streamed/",
            "query_string": b"",
            "headers": [(b"host", b"testserver")],
            "root_path": "",
            "client": ("192.0.2.1", 1234),
            "server": ("testserver", 80),
            "scheme": "http",
        }
        await asyncio.wait_for(application(scope, receive, send), timeout=PROBE_TIMEOUT)
        return received

    assert asyncio.run(run()) == [b"part 0\n", b"part 1\n", b"part 2\n"]


# --- config.asgi.BodyLimit on its own, and Django's side under WSGI (the test client) ---


def _run_limit(headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> tuple[list[dict], int, list[dict]]:
    """Run BodyLimit (limit 1 kB) over a request; return what the app saw, how many chunks were read, and what
    was sent to the client."""
    seen: list[dict] = []
    sent: list[dict] = []
    read = 0

    async def app(scope, receive, send):
        seen.append({"headers": dict(scope["headers"]), "body": (await receive())["body"]})
        await send({"type": "http.response.start", "status": 200, "headers": []})

    async def receive():
        nonlocal read
        read += 1
        return {"type": "http.request", "body": chunks[read - 1], "more_body": read < len(chunks)}

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/comments/", "headers": headers}
    asyncio.run(BodyLimit(app, max_bytes=1024)(scope, receive, send))
    return seen, read, sent


def test_the_limit_refuses_a_long_content_length_without_reading_or_calling_django():
    seen, read, sent = _run_limit([(b"content-length", b"1025")], [b"x" * 1025])
    assert (seen, read, sent[0]["status"]) == ([], 0, 413)
    assert (b"connection", b"close") in sent[0]["headers"]


def test_the_limit_stops_reading_a_chunked_body_at_the_limit():
    seen, read, sent = _run_limit([(b"transfer-encoding", b"chunked")], [b"x" * 600] * 10)
    assert (seen, read, sent[0]["status"]) == ([], 2, 413)  # the second chunk went over: nothing more read


def test_the_limit_hands_django_a_chunked_body_whole_with_its_length():
    seen, read, sent = _run_limit(
        [(b"transfer-encoding", b"chunked"), (b"content-type", b"text/plain")], [b"abc", b"def", b""]
    )
    assert seen == [{"headers": {b"content-type": b"text/plain", b"content-length": b"6"}, "body": b"abcdef"}]
    assert sent[0]["status"] == 200


@pytest.mark.django_db
def test_a_multipart_file_part_over_the_limit_is_refused_by_django_too(client: Client):
    """Under a WSGI server (or the test client) Django's own limit ignores file parts; the middleware does not."""
    response = client.post(
        "/comments/", {"name": "Priya", "text": "hello", "file": SimpleUploadedFile("big.bin", b"\0" * (LIMIT + 1))}
    )
    assert response.status_code == 413
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_a_chunked_api_body_a_wsgi_server_passed_on_without_its_length_is_a_411(client: Client):
    # What a WSGI server hands Django for a chunked body: no Content-Length, so Django reads nothing.
    response = client.generic(
        "POST", "/api/assessments/", b"", CONTENT_TYPE="application/json", HTTP_TRANSFER_ENCODING="chunked"
    )
    assert response.status_code == 411
    assert response.json() == {"errors": {"__all__": ["Send the body with a Content-Length header."]}}
