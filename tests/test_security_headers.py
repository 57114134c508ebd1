"""Security headers on every kind of response, cookie flags, and no inline script or style anywhere."""

from __future__ import annotations

import json
from html.parser import HTMLParser

import pytest
from django.contrib.auth.models import User
from django.test import Client, override_settings

from advisor.models import Comment
from tests.security_data import API_ANSWERS, FORM_ANSWERS, make_assessment

pytestmark = pytest.mark.django_db


def _pages(client: Client) -> dict[str, object]:
    """One response of every kind the site gives."""
    assessment = make_assessment()
    Comment.objects.create(
        name="Sam", email="sam@example.org", website="https://example.org", text="Hello", is_approved=True
    )
    result = assessment.get_absolute_url()
    with override_settings(RATELIMITS={"assessments": (1, 600), "api": (100, 600), "comments": (5, 600)}):
        client.post("/assess/", {**FORM_ANSWERS, "employees": "0"}, REMOTE_ADDR="192.0.2.77")
        limited = client.post("/assess/", FORM_ANSWERS, REMOTE_ADDR="192.0.2.77")
    return {
        "comparison": client.get("/"),
        "assess": client.get("/assess/"),
        "assess with errors": client.post("/assess/", {**FORM_ANSWERS, "employees": "lots"}),
        "result": client.get(result),
        "delete": client.get(result + "delete/"),
        "not found": client.get("/no-such-page/"),
        "rate limited": limited,
        "method not allowed": client.put("/assess/"),
        "api catalogue": client.get("/api/support-models/"),
        "api detail": client.get(f"/api{result}"),
        "api error": client.post("/api/assessments/", "{", content_type="application/json"),
        "api created": client.post("/api/assessments/", json.dumps(API_ANSWERS), content_type="application/json"),
        "admin login": client.get("/admin/login/"),
        "robots": client.get("/robots.txt"),
        "health": client.get("/healthz"),
        "readiness": client.get("/readyz"),
    }


def test_every_kind_of_response_carries_the_security_headers(client):
    pages = _pages(client)
    assert pages["rate limited"].status_code == 429
    assert pages["not found"].status_code == 404
    for name, response in pages.items():
        csp = response.get("Content-Security-Policy", "")
        assert "default-src 'none'" in csp, name
        assert "script-src 'self'" in csp and "style-src 'self'" in csp, name
        assert "frame-ancestors 'none'" in csp and "form-action 'self'" in csp, name
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp, name
        assert response["X-Content-Type-Options"] == "nosniff", name
        assert response["Referrer-Policy"] == "same-origin", name
        assert response["Cross-Origin-Opener-Policy"] == "same-origin", name


def test_html_pages_refuse_to_be_framed(client):
    for name, response in _pages(client).items():
        if response.get("Content-Type", "").startswith("text/html"):
            assert response["X-Frame-Options"] == "DENY", name


@override_settings(SECURE_HSTS_SECONDS=31_536_000, SECURE_HSTS_INCLUDE_SUBDOMAINS=True, SECURE_HSTS_PRELOAD=True)
def test_hsts_is_sent_over_https_only():
    client = Client()
    secure = client.get("/", secure=True)
    assert secure["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert "Strict-Transport-Security" not in client.get("/")


@override_settings(SECURE_SSL_REDIRECT=True)
def test_plain_http_is_redirected_to_https_except_for_health_probes():
    client = Client()
    response = client.get("/assess/")
    assert response.status_code == 301 and response["Location"] == "https://testserver/assess/"
    assert client.get("/healthz").status_code == 200


class _InlineFinder(HTMLParser):
    """Collects anything a strict CSP would block: inline scripts, style elements and attributes, handlers."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = {name for name, _ in attrs}
        if tag == "script" and "src" not in names and dict(attrs).get("type") != "application/json":
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style> element")
        if "style" in names:
            self.found.append(f"style attribute on <{tag}>")
        self.found += [f"{name} handler on <{tag}>" for name in names if name.startswith("on")]
        href = dict(attrs).get("href") or ""
        if href.lower().startswith("javascript:"):
            self.found.append("javascript: link")


def test_no_page_has_inline_script_or_style_so_the_policy_holds(client):
    for name, response in _pages(client).items():
        if not response.get("Content-Type", "").startswith("text/html"):
            continue
        finder = _InlineFinder()
        finder.feed(response.content.decode())
        assert finder.found == [], name


def test_csrf_and_session_cookies_are_http_only_and_same_site(client):
    User.objects.create_superuser("admin", "admin@example.org", "a long enough passphrase 1")
    response = client.get("/assess/")
    csrf = response.cookies["csrftoken"]
    assert csrf["httponly"] and csrf["samesite"] == "Lax"
    response = client.post(
        "/admin/login/", {"username": "admin", "password": "a long enough passphrase 1"}, REMOTE_ADDR="192.0.2.5"
    )
    assert response.status_code == 302
    session = response.cookies["sessionid"]
    assert session["httponly"] and session["samesite"] == "Lax"
