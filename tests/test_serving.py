"""How the site is served behind its front door (tests/test_frontdoor.py runs that): Django's side of the body
limits, one per route from settings.REQUEST_BODY_LIMITS, and the bound on sign-ins checked at once. In-process,
with Django's test client (a WSGI request, as gunicorn hands it over).
"""

from __future__ import annotations

import re
import threading

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import HttpResponse
from django.test import Client

from advisor.middleware import SigninGateMiddleware, body_limit
from advisor.models import Comment
from config.frontdoor import render
from tests.gunicorn_server import ROOT


def test_make_run_serves_django_s_stock_wsgi_handler_with_the_project_config():
    recipe = re.search(r"^run:.*\n((?:\t.*\n)+)", (ROOT / "Makefile").read_text(), re.M).group(1)
    assert "$(BIN)/gunicorn config.wsgi:application --config config/gunicorn.conf.py" in recipe
    assert not (ROOT / "config" / "asgi.py").exists()  # no handler of our own to keep in step with Django's


def test_one_limit_per_route_set_once_and_written_into_the_front_door():
    assert settings.REQUEST_BODY_LIMITS == {"/api/": 64 * 1024, "/": 256 * 1024}
    assert (body_limit("/api/assessments/"), body_limit("/comments/")) == (64 * 1024, 256 * 1024)
    conf = render(listen="8080", upstream="127.0.0.1:8000", prefix="/tmp/x")
    assert re.search(r"location /api/ \{\s+client_max_body_size 64k;", conf)
    assert re.search(r"location / \{\s+client_max_body_size 256k;", conf)
    assert settings.DATA_UPLOAD_MAX_MEMORY_SIZE == 256 * 1024  # Django's own last line, the largest of them


@pytest.mark.django_db
def test_an_api_body_over_its_limit_is_refused_by_its_length(client: Client):
    response = client.generic(
        "POST", "/api/assessments/", b"{" + b" " * (64 * 1024) + b"}", CONTENT_TYPE="application/json"
    )
    assert response.status_code == 413
    assert response.json() == {"errors": {"__all__": ["The body is larger than 64 kB; nothing was read or stored."]}}


@pytest.mark.django_db
def test_a_form_body_under_its_own_limit_but_over_the_api_s_is_read(client: Client):
    response = client.post("/comments/", {"name": "Priya", "text": "a" * (100 * 1024)})
    assert response.status_code != 413


@pytest.mark.django_db
def test_a_multipart_file_part_over_the_limit_is_refused_by_django_too(client: Client):
    """Django's own limit ignores file parts; the middleware does not."""
    response = client.post(
        "/comments/",
        {"name": "Priya", "text": "hello", "file": SimpleUploadedFile("big.bin", b"\0" * (256 * 1024 + 1))},
    )
    assert response.status_code == 413
    assert Comment.objects.count() == 0


@pytest.mark.django_db
def test_a_chunked_api_body_a_wsgi_server_passed_on_without_its_length_is_a_411(client: Client):
    # What a WSGI server hands Django for a chunked body (`make run`; the front door refuses it first).
    response = client.generic(
        "POST", "/api/assessments/", b"", CONTENT_TYPE="application/json", HTTP_TRANSFER_ENCODING="chunked"
    )
    assert response.status_code == 411
    assert response.json() == {"errors": {"__all__": ["Send the body with a Content-Length header."]}}


def test_a_sign_in_beyond_the_ones_being_checked_is_answered_503_before_any_password_is_hashed(rf):
    """With settings.SIGNIN_CONCURRENCY sign-ins being checked, another is refused at once, and the view (which
    would hash its password) is never called; once a slot is free, it goes through."""
    started, finish = threading.Event(), threading.Event()
    calls = []

    def view(request):
        if request.method == "POST":
            calls.append(request)
            started.set()
            finish.wait(timeout=30)
        return HttpResponse("checked")

    gate = SigninGateMiddleware(view)
    path = "/" + settings.ADMIN_URL + "login/"
    worker = threading.Thread(target=gate, args=(rf.post(path, {"username": "a", "password": "b"}),))
    worker.start()
    assert started.wait(timeout=30)
    refused = gate(rf.post(path, {"username": "c", "password": "d"}))
    assert (refused.status_code, refused["Retry-After"]) == (503, "5")
    assert len(calls) == 1
    assert gate(rf.get(path)).status_code == 200  # showing the form is never refused
    finish.set()
    worker.join(timeout=30)
    assert gate(rf.post(path, {"username": "c", "password": "d"})).status_code == 200
    assert len(calls) == 2


def test_a_recycling_or_stopping_worker_has_a_bounded_time_to_finish(monkeypatch):
    """gunicorn's settings: a worker leaving (max_requests, a deploy) gets graceful_timeout to finish what it
    serves, then is stopped; workers are forks of a loaded master, so a replacement starts at once."""
    import runpy

    for name in ("WEB_CONCURRENCY", "GUNICORN_THREADS"):
        monkeypatch.delenv(name, raising=False)
    conf = runpy.run_path(str(ROOT / "config" / "gunicorn.conf.py"))
    assert conf["worker_class"] == "gthread" and conf["threads"] == 8
    assert 0 < conf["graceful_timeout"] <= 10 < conf["timeout"]
    assert conf["max_requests"] > 0 and 0 < conf["max_requests_jitter"] < conf["max_requests"]
    assert conf["preload_app"] is True


def test_several_app_servers_are_each_left_out_when_down_and_never_on_a_store_of_their_own():
    from config.frontdoor import shared_state_problem

    conf = render(listen="8080", upstream=["127.0.0.1:8001", "127.0.0.1:8002"], prefix="/tmp/x")
    assert re.findall(r"server (\S+) max_fails=2 fail_timeout=10s;", conf) == ["127.0.0.1:8001", "127.0.0.1:8002"]
    assert "zone app 64k;" in conf and "proxy_next_upstream_tries 2;" in conf
    one = render(listen="8080", upstream="unix:/tmp/x/app.sock", prefix="/tmp/x")
    assert one.count("server unix:/tmp/x/app.sock max_fails=0;") == 2  # one server: never marked down, tried twice
    postgres = {"DATABASE_URL": "postgres://db/advisor"}
    assert shared_state_problem({}, 1) is None
    assert "PostgreSQL" in shared_state_problem({}, 2)
    assert "PostgreSQL" in shared_state_problem({"DATABASE_URL": "sqlite:////tmp/db.sqlite3"}, 2)
    assert "locmem" in shared_state_problem({**postgres, "CACHE_URL": "locmem://"}, 2)
    assert shared_state_problem({**postgres, "CACHE_URL": "redis://cache:6379/0"}, 2) is None
