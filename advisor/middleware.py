"""Operations middleware: one log line per request, a size limit on request bodies, a bound on sign-ins at
once, and health probes from hosts the site does not serve."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections.abc import Callable

from django.conf import settings
from django.core.exceptions import DisallowedHost
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from . import views

logger = logging.getLogger("advisor.requests")

# Paths that carry no route (a 404, say) are logged with anything that could identify a person or open a
# private page masked: an assessment's id is the key to its result page.
_UUID = re.compile(r"[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}")
_EMAIL = re.compile(r"[^/@\s]+@[^/@\s]+")
_LONG_TOKEN = re.compile(r"[A-Za-z0-9_\-]{24,}")


def loggable_path(request: HttpRequest) -> str:
    """The URL pattern that matched (assessment/<uuid:public_id>/) or the path with ids masked; never the query."""
    match = getattr(request, "resolver_match", None)
    if match is not None and match.route:
        return "/" + match.route.lstrip("^").rstrip("$")
    path = _UUID.sub("<id>", request.path)
    path = _EMAIL.sub("<email>", path)
    path = _LONG_TOKEN.sub("<token>", path)
    return path[:200]


class RequestLogMiddleware:
    """Logs method, path (pattern or masked), status, size and time; no address, query, agent or body."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        started = time.perf_counter()
        response = self.get_response(request)
        took_ms = (time.perf_counter() - started) * 1000
        size = response.get("Content-Length", "-") if response.streaming else len(response.content)
        logger.info(
            '"%s %s" %s %s %.0fms',
            request.method if request.method in _METHODS else "OTHER",
            loggable_path(request),
            response.status_code,
            size,
            took_ms,
        )
        return response


_METHODS = {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"}


class HealthCheckMiddleware:
    """Answers GET and HEAD /healthz and /readyz itself only when the request's host is not an allowed one.

    Load balancers and container health checks often call by IP address, which the allowed-hosts check
    would refuse with a 400. Such a probe is answered here, ahead of that check; it reveals nothing but
    "ok". A probe to an allowed host goes on through the whole stack to the same views, as any page does.
    (Plain HTTP is allowed for both by settings.SECURE_REDIRECT_EXEMPT.)
    """

    PROBES = {"/healthz": views.healthz, "/readyz": views.readyz}

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        probe = self.PROBES.get(request.path_info)
        if probe is not None and request.method in ("GET", "HEAD"):
            try:
                request.get_host()
            except DisallowedHost:
                return probe(request)
        return self.get_response(request)


def body_limit(path: str) -> int:
    """The largest body `path` takes: settings.REQUEST_BODY_LIMITS' entry for the longest prefix it starts with."""
    limits = settings.REQUEST_BODY_LIMITS
    return limits[max((prefix for prefix in limits if path.startswith(prefix)), key=len)]


class BodyLimitMiddleware:
    """Refuses a request whose Content-Length is over its route's limit (settings.REQUEST_BODY_LIMITS), before it
    is read.

    The same limits as the front door's (nginx, deploy/nginx.conf.template, written from the same setting), so
    a request that reached Django some other way (`make run`, the test client) meets the same rule. Django
    checks DATA_UPLOAD_MAX_MEMORY_SIZE only for form fields, never for file parts, and only once something
    reads the body; no route takes files.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0  # Django reads no body it cannot measure
        limit = body_limit(request.path_info)
        if length > limit:
            if request.path_info.startswith("/api/"):
                message = f"The body is larger than {limit // 1024} kB; nothing was read or stored."
                response: HttpResponse = JsonResponse({"errors": {"__all__": [message]}}, status=413)
            else:  # our "could not read that request" page: nothing was saved
                response = render(request, "400.html", status=413)
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class SigninGateMiddleware:
    """At most settings.SIGNIN_CONCURRENCY admin sign-in posts at once in each worker process; another one is
    answered 503 with Retry-After at once, before any password is hashed.

    A failed sign-in costs about a second of password hashing on one of the worker's threads. The front door
    limits sign-in posts per client (nginx's limit_req); this keeps many clients together from taking every
    thread, so the pages keep their threads whatever comes to the sign-in form.
    """

    RETRY_AFTER_SECONDS = 5

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.path = "/" + settings.ADMIN_URL.strip("/") + "/login/"
        self.slots = threading.BoundedSemaphore(settings.SIGNIN_CONCURRENCY)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method != "POST" or request.path_info != self.path:
            return self.get_response(request)
        if not self.slots.acquire(blocking=False):
            response = HttpResponse(
                "Sign-in is busy; try again in a few seconds.\n", status=503, content_type="text/plain; charset=utf-8"
            )
            response["Retry-After"] = str(self.RETRY_AFTER_SECONDS)
            return response
        try:
            return self.get_response(request)
        finally:
            self.slots.release()
