"""Per-client rate limits on the posts that write: assessments, the API and comments.

Counts live in a store shared by every gunicorn worker and every app server, so they all see the same numbers,
and kept apart from any other store so nothing else stored can push a live count out: a table of the site's
database (advisor.store_models.RateCount) by default, or Django's RedisCache (cache alias "ratelimit") when
CACHE_URL names a Redis server. Both count atomically (`UPDATE … SET count = count + 1`; Redis's INCR). A post
the store cannot count (full, down, stalled) is answered 503 (advisor/protect/stores.py): the limits never
silently stop counting. Each limit is a fixed window: at most N posts per client in each period, the period
starting on a multiple of its length. The client is its address, the /64 network for IPv6 (one household or
phone gets a whole /64), hashed before it is stored.
"""

from __future__ import annotations

import ipaddress
import logging
import math
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac

from ..store_models import RateCount
from . import stores

logger = logging.getLogger(__name__)

# Which posts count against which limit (settings.RATELIMITS gives the numbers).
BUCKETS = {
    "advisor:assess": "assessments",
    "advisor:rescore": "assessments",
    "advisor:whatif_keep": "assessments",  # the what-if's comparisons (GET) count themselves (advisor/whatif.py)
    "advisor:api_assessment_create": "api",
    "advisor:api_score": "api",
    "advisor:comment_post": "comments",
}
JSON_BUCKETS = {"api"}


def client_ip(request: HttpRequest) -> str | None:
    """The client's address: REMOTE_ADDR, or X-Forwarded-For counted from the right past our own proxies.

    Only the entries our own proxies added can be trusted; anything to their left the client may have
    written itself. With settings.PROXY_COUNT = n, the nth entry from the right is the address our outermost
    proxy saw. None when there is no usable address (a request built in code, a misconfigured proxy).
    """
    remote = request.META.get("REMOTE_ADDR", "") or ""
    count = getattr(settings, "PROXY_COUNT", 0)
    if count:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
        forwarded = [part for part in forwarded if part]
        if len(forwarded) >= count:
            remote = forwarded[-count]
    try:
        ip = ipaddress.ip_address(_without_port(remote.strip()))
    except ValueError:
        return None
    # A server bound to both IPv6 and IPv4 sees IPv4 clients as ::ffff:a.b.c.d; they are IPv4 clients, and
    # grouped by /64 they would all share one count.
    if ip.version == 6 and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return str(ip)


def _without_port(address: str) -> str:
    """An address as a proxy may write it, without its port: 192.0.2.1:4711 and [2001:db8::1]:80 are clients
    192.0.2.1 and 2001:db8::1 (else every client behind such a proxy would be one bucket, or none)."""
    if address.startswith("["):
        return address[1:].split("]", 1)[0]
    if address.count(":") == 1:  # IPv4 with a port; a bare IPv6 address has two colons or more
        return address.split(":", 1)[0]
    return address


def client_network(request: HttpRequest) -> str | None:
    """The client as the limits count it: its IPv4 address, or the first address of its IPv6 /64.

    One household or phone gets a whole /64, so an IPv6 client could otherwise take a new address per
    request. Also django-axes' client address (settings.AXES_CLIENT_IP_CALLABLE): an address, so it fits
    axes' address column.
    """
    address = client_ip(request)
    if address is None:
        return None
    ip = ipaddress.ip_address(address)
    if ip.version == 6:
        return str(ipaddress.ip_network(f"{ip}/64", strict=False).network_address)
    return address


def client_key(request: HttpRequest) -> str:
    """A stable, non-reversible key for the client: its address (its /64 for IPv6), hashed with the secret."""
    network = client_network(request) or "unknown"  # all clients without an address share one count
    return salted_hmac("advisor.ratelimit", network).hexdigest()[:32]


@dataclass(frozen=True)
class Decision:
    limited: bool
    count: int
    limit: int
    retry_after: int  # seconds until the current window ends


# A count is kept this long after its window ends (a worker whose clock is a little behind still finds it).
KEEP_AFTER_WINDOW = 60


def _window(bucket: str, key: str, now: float | None) -> tuple[int, int, str, float]:
    """The bucket's limit, the seconds until its current window ends, the window's key in the store, and the
    time (seconds since the epoch) after which the store may forget the window's count."""
    limit, period = settings.RATELIMITS[bucket]
    now = time.time() if now is None else now
    window = int(now // period)
    retry_after = max(1, math.ceil((window + 1) * period - now))
    return limit, retry_after, f"rl:{bucket}:{key}:{window}", (window + 1) * period + KEEP_AFTER_WINDOW


def hit(bucket: str, key: str, *, now: float | None = None) -> Decision:
    """Count one post by `key` against `bucket`'s limit and say whether it goes over."""
    limit, retry_after, store_key, forget_after = _window(bucket, key, now)
    cache = stores.cache("ratelimit")
    if cache is None:
        count = RateCount.hit(store_key, expires=datetime.fromtimestamp(forget_after, UTC))
    else:
        # Django's RedisCache: `add` is SET NX with the window's lifetime, `incr` Redis's INCR, which keeps it.
        lifetime = max(1, math.ceil(forget_after - (time.time() if now is None else now)))
        cache.add(store_key, 0, timeout=lifetime)
        try:
            count = cache.incr(store_key)
        except ValueError:  # the entry expired between add and incr: this is the first hit of a new entry
            cache.add(store_key, 1, timeout=lifetime)
            count = 1
    return Decision(limited=count > limit, count=count, limit=limit, retry_after=retry_after)


def too_many_requests(request: HttpRequest, bucket: str, decision: Decision) -> HttpResponse:
    minutes = max(1, math.ceil(decision.retry_after / 60))
    wait = f"{minutes} minute{'s' if minutes != 1 else ''}"
    if bucket in JSON_BUCKETS:
        response: HttpResponse = JsonResponse(
            {
                "errors": {
                    "__all__": [
                        f"Too many requests from your address: at most {decision.limit} in this period. "
                        f"Try again in {decision.retry_after} seconds."
                    ]
                }
            },
            status=429,
        )
    else:
        response = render(request, "429.html", {"wait": wait, "bucket": bucket}, status=429)
    response["Retry-After"] = str(decision.retry_after)
    return response


class RateLimitMiddleware:
    """Applies the limits in BUCKETS to POST requests before their view runs."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(self, request: HttpRequest, view_func, view_args, view_kwargs) -> HttpResponse | None:
        if request.method != "POST" or not settings.RATELIMIT_ENABLE:
            return None
        view_name = request.resolver_match.view_name if request.resolver_match else ""
        bucket = BUCKETS.get(view_name)
        if bucket is None:
            return None
        try:
            decision = hit(bucket, client_key(request))
        except Exception:  # a count not taken is never a post let through: 503, nothing stored
            logger.exception("Post refused: the rate-limit store failed to count it")
            return stores.unavailable(request, as_json=bucket in JSON_BUCKETS)
        if decision.limited:
            logger.warning("Rate limit reached on %s", bucket)
            return too_many_requests(request, bucket, decision)
        return None


def admin_locked_out(
    request: HttpRequest,
    original_response: HttpResponse | None = None,
    credentials: dict | None = None,
    *,
    retry_after: int | None = None,
) -> HttpResponse:
    """django-axes' lockout page for the admin sign-in, in our words (settings.AXES_LOCKOUT_CALLABLE)."""
    seconds = int(settings.AXES_COOLOFF_TIME.total_seconds()) if retry_after is None else retry_after
    minutes = max(1, math.ceil(seconds / 60))
    response = render(request, "locked_out.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(seconds)
    return response
