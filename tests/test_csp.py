"""The Content-Security-Policy header, built once by advisor.csp.CSPMiddleware, stays what django-csp would send."""
from __future__ import annotations

import pytest
from csp.constants import NONCE, SELF
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.conf import settings
from django.http import HttpResponse
from django.test import RequestFactory, override_settings

from advisor.csp import CSPMiddleware

FACTORY = RequestFactory()


def _directives(header: str) -> set[str]:
    return set(header.split("; "))  # django-csp writes the directives in no fixed order


def _respond(middleware_class, path: str = "/", **attributes) -> tuple[object, HttpResponse]:
    """A request through the middleware alone, with a response carrying `attributes` (as decorators set them)."""
    request = FACTORY.get(path)

    def view(request):
        response = HttpResponse("ok")
        for name, value in attributes.items():
            setattr(response, name, value)
        return response

    return request, middleware_class(view)(request)


def test_the_header_is_the_one_django_csp_builds_on_every_response():
    for _ in range(3):  # built once, then kept: the same each time
        ours = _respond(CSPMiddleware)[1]
        theirs = _respond(DjangoCSPMiddleware)[1]
        assert ours["Content-Security-Policy"] == theirs["Content-Security-Policy"]
        assert "default-src 'none'" in ours["Content-Security-Policy"]
        assert "Content-Security-Policy-Report-Only" not in ours


def test_the_header_follows_a_change_of_the_setting():
    assert "default-src 'none'" in _respond(CSPMiddleware)[1]["Content-Security-Policy"]
    with override_settings(CONTENT_SECURITY_POLICY={"DIRECTIVES": {"default-src": [SELF], "img-src": ["https:"]}}):
        assert _directives(_respond(CSPMiddleware)[1]["Content-Security-Policy"]) == {"default-src 'self'",
                                                                                       "img-src https:"}
    assert "default-src 'none'" in _respond(CSPMiddleware)[1]["Content-Security-Policy"]


def test_a_report_only_policy_is_sent_when_one_is_set():
    report_only = {"DIRECTIVES": {"default-src": [SELF], "report-uri": "/csp-reports/"}}
    with override_settings(CONTENT_SECURITY_POLICY_REPORT_ONLY=report_only):
        response = _respond(CSPMiddleware)[1]
    assert _directives(response["Content-Security-Policy-Report-Only"]) == {"default-src 'self'",
                                                                            "report-uri /csp-reports/"}
    assert "default-src 'none'" in response["Content-Security-Policy"]


def test_a_view_with_its_own_policy_gets_it():
    response = _respond(CSPMiddleware, _csp_update={"img-src": "https://images.example.org"})[1]
    assert "img-src 'self' data: https://images.example.org" in _directives(response["Content-Security-Policy"])
    assert "img-src 'self' data:" in _directives(_respond(CSPMiddleware)[1]["Content-Security-Policy"])
    replaced = _respond(CSPMiddleware, _csp_replace={"img-src": "https://images.example.org"})[1]
    assert "img-src https://images.example.org" in _directives(replaced["Content-Security-Policy"])


def test_a_nonce_asked_for_during_the_request_is_in_the_header():
    policy = {"DIRECTIVES": {**settings.CONTENT_SECURITY_POLICY["DIRECTIVES"], "script-src": [SELF, NONCE]}}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        request = FACTORY.get("/")

        def view(request):
            return HttpResponse(f"<script nonce='{request.csp_nonce}'></script>")

        response = CSPMiddleware(view)(request)
        assert f"script-src 'self' 'nonce-{request._csp_nonce}'" in _directives(response["Content-Security-Policy"])
        without = _respond(CSPMiddleware)[1]["Content-Security-Policy"]
        assert "script-src 'self'" in _directives(without) and "nonce" not in without


def test_exempt_responses_excluded_paths_and_headers_already_set_are_left_alone():
    assert "Content-Security-Policy" not in _respond(CSPMiddleware, _csp_exempt=True)[1]
    policy = {**settings.CONTENT_SECURITY_POLICY, "EXCLUDE_URL_PREFIXES": ["/legacy/"]}
    with override_settings(CONTENT_SECURITY_POLICY=policy):
        assert "Content-Security-Policy" not in _respond(CSPMiddleware, "/legacy/page/")[1]
        assert "Content-Security-Policy" in _respond(CSPMiddleware, "/other/")[1]

    def view(request):
        response = HttpResponse("ok")
        response["Content-Security-Policy"] = "default-src 'self'"
        return response

    assert CSPMiddleware(view)(FACTORY.get("/"))["Content-Security-Policy"] == "default-src 'self'"


def test_asking_for_a_nonce_after_the_header_is_written_is_an_error():
    request, _ = _respond(CSPMiddleware)
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)
