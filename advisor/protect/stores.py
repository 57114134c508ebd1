"""The shared stores behind the rate limits and the API's idempotency keys, answering honestly when they fail.

Each job has a store of its own: by default a table of the site's database (advisor/store_models.py), or, when
CACHE_URL (the counters) or IDEMPOTENCY_CACHE_URL (the keys) names a Redis server, Django's RedisCache under the
cache alias "ratelimit" or "idempotency" (settings.CACHES), which `cache()` returns.

A store that is full (Redis at its maxmemory with `noeviction` refuses every write), down or stalled never lets
a post through uncounted, and never answers 500 after something was stored: the post is answered 503 with
Retry-After before anything is written (JSON for the API, a page for the forms), and /readyz says which store is
not answering. A stalled Redis holds a request no longer than its short socket timeout
(settings.CACHE_SOCKET_TIMEOUT); the database, no longer than its lock wait (settings.DATABASE_LOCK_WAIT).
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.cache import BaseCache, caches
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


def cache(alias: str) -> BaseCache | None:
    """The Redis cache that keeps this job's entries, or None: they are kept in the site's database."""
    return caches[alias] if alias in settings.CACHES else None


def failing() -> list[str]:
    """The shared stores outside the database that do not take a write now: /readyz reports them (the database
    has a check of its own).

    A write, not a read: a full Redis still answers reads while it refuses every post's count.
    """
    found = []
    for alias, words in SHARED.items():
        if alias not in settings.CACHES:
            continue
        try:
            caches[alias].set("readyz", 1, timeout=10)
        except Exception:
            logger.warning("Readiness: the %s (cache %r) does not take a write", words, alias, exc_info=True)
            found.append(words)
    return found
