"""Safe retries of `POST /api/assessments/`: an `Idempotency-Key` header makes a repeated post return the first answer.

Within a day, the same key from the same client with the same body returns the first answer (201, the same
assessment) and stores nothing more; the same key with a different body is refused (422); a post still being
scored under the key is answered 409, to be retried a moment later. Keys are kept per client (its address, or
its IPv6 /64: the rate limiter's client key), so a key from another client is another key; and a first answer
is only ever returned for the very same body, which a stranger would have to know already.

Answers live in the cache alias "idempotency" (settings.CACHES: the same shared store as the rate-limit
counters, so every worker and server sees them), under a hash of the client and the key, for a day.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from django.core.cache import caches
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from .protect.ratelimit import client_key

HEADER = "Idempotency-Key"
KEEP_SECONDS = 24 * 3600
PENDING_SECONDS = 60  # a post being scored holds its key this long at most, should its worker die
_VALID_KEY = re.compile(r"[\x21-\x7e]{1,255}")  # visible ASCII, as the draft standard's examples


@dataclass(frozen=True)
class Answer:
    """The first answer to a key: replayed as it was sent."""

    status: int
    body: bytes
    location: str


@dataclass(frozen=True)
class Seen:
    """What the cache says about a key: nothing yet (None), in progress, a different body, or a stored answer."""

    in_progress: bool = False
    other_body: bool = False
    answer: Answer | None = None


def valid(key: str) -> bool:
    return bool(_VALID_KEY.fullmatch(key))


def fingerprint(payload: dict[str, Any]) -> str:
    """The body as parsed, so spacing or key order do not make it another body."""
    return hashlib.sha256(json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _cache_key(request: HttpRequest, key: str) -> str:
    return "idem:" + salted_hmac("advisor.idempotency", f"{client_key(request)}|{key}").hexdigest()


def claim(request: HttpRequest, key: str, body: str) -> Seen | None:
    """Take the key for this post (None), or say what an earlier post with it left."""
    cache = caches["idempotency"]
    cache_key = _cache_key(request, key)
    if cache.add(cache_key, {"fingerprint": body, "answer": None}, timeout=PENDING_SECONDS):
        return None
    entry = cache.get(cache_key)
    if entry is None:  # expired in between: take it now
        return (
            None
            if cache.add(cache_key, {"fingerprint": body, "answer": None}, timeout=PENDING_SECONDS)
            else Seen(in_progress=True)
        )
    if entry["fingerprint"] != body:
        return Seen(other_body=True)
    if entry["answer"] is None:
        return Seen(in_progress=True)
    return Seen(answer=Answer(**entry["answer"]))


def remember(request: HttpRequest, key: str, body: str, answer: Answer) -> None:
    caches["idempotency"].set(
        _cache_key(request, key), {"fingerprint": body, "answer": answer.__dict__}, timeout=KEEP_SECONDS
    )


def release(request: HttpRequest, key: str) -> None:
    """Free the key of a post that stored nothing (invalid answers), so it can be sent again corrected."""
    caches["idempotency"].delete(_cache_key(request, key))
