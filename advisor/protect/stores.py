"""The shared stores behind the rate limits and the API's idempotency keys, answering honestly when they fail.

A store that is full (Redis at its maxmemory with `noeviction` refuses every write), down or stalled never lets
a post through uncounted, and never answers 500 after something was stored: the post is answered 503 with
Retry-After before anything is written (JSON for the API, a page for the forms), and /readyz says which store is
not answering. A stalled Redis or memcached holds a request no longer than its short socket timeout
(settings.CACHE_SOCKET_TIMEOUT).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.cache import caches
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 30
# The aliases /readyz checks, with the words it reports.
SHARED = {"ratelimit": "rate-limit store", "idempotency": "idempotency-key store"}


class StoreUnavailable(Exception):
    """A shared store failed (refused a write, was unreachable or too slow): nothing was stored because of it."""


def unavailable(request: HttpRequest, *, as_json: bool) -> HttpResponse:
    """503 with Retry-After: the post was not taken, nothing of it was stored."""
    if as_json:
        message = f"A store the site needs is not answering; nothing was stored. Try again in {RETRY_AFTER_SECONDS} s."
        response: HttpResponse = JsonResponse({"errors": {"__all__": [message]}}, status=503)
    else:
        response = render(request, "503_store.html", {"seconds": RETRY_AFTER_SECONDS}, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


def in_database(alias: str) -> bool:
    """Whether the alias keeps its entries in the site's database (checked by /readyz's database check)."""
    return settings.CACHES[alias]["BACKEND"].endswith("DatabaseCache")


def failing() -> list[str]:
    """The shared stores (outside the database) that do not take a write now: /readyz reports them.

    A write, not a read: a full Redis still answers reads while it refuses every post's count.
    """
    found = []
    for alias, words in SHARED.items():
        if in_database(alias):
            continue
        try:
            caches[alias].set("readyz", 1, timeout=10)
        except Exception:
            logger.warning("Readiness: the %s (cache %r) does not take a write", words, alias, exc_info=True)
            found.append(words)
    return found
