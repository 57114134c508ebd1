"""Safe retries of `POST /api/assessments/`: an `Idempotency-Key` header makes a repeated post return the first answer.

Within a day, the same key from the same client with the same body answers the assessment the first post made
(201, the same document, rendered again from its stored result) and stores nothing more; the same key with a
different body is refused (422); a post still being scored under the key is answered 409, to be retried a moment
later. Keys are kept per client (its address, or its IPv6 /64: the rate limiter's client key), so a key from
another client is another key; and a first answer is only ever returned for the very same body, which a stranger
would have to know already.

What a key keeps: the assessment's public id and a SHA-256 digest of the body, under an HMAC of the client and
the key, for a day (KEEP_SECONDS), in a store of its own, never the rate-limit counters': the table of
advisor.store_models.IdempotencyKey by default, whose unique key makes taking a key atomic, or Django's RedisCache
(cache alias "idempotency") when IDEMPOTENCY_CACHE_URL names a Redis server, where `add` (SET NX) does. A store
that fails or stalls raises stores.StoreUnavailable, which the API answers 503.

A server can stop at any point of a post (killed, or its machine lost), so the key is taken before anything is
stored, with the public id the assessment will have: a retry that finds the key still taken looks for that
assessment, and answers it if the first post stored it before its server stopped, however long ago. Only a key
taken longer ago than settings.IDEMPOTENCY_PENDING_SECONDS (longer than any post takes) whose assessment was never
stored is taken over by a retry, by one retry only: its post never finished.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.http import HttpRequest
from django.utils import timezone
from django.utils.crypto import salted_hmac

from .protect import stores
from .protect.ratelimit import client_key
from .protect.stores import StoreUnavailable
from .store_models import IdempotencyKey, purge_expired

HEADER = "Idempotency-Key"
KEEP_SECONDS = 24 * 3600
_VALID_KEY = re.compile(r"[\x21-\x7e]{1,255}")  # visible ASCII, as the draft standard's examples


@dataclass(frozen=True)
class Seen:
    """What the store says about a key: nothing yet (None), in progress, a different body, or the assessment made."""

    in_progress: bool = False
    other_body: bool = False
    assessment: str | None = None  # the public id of the assessment the first post made


def valid(key: str) -> bool:
    return bool(_VALID_KEY.fullmatch(key))


def fingerprint(payload: dict[str, Any]) -> str:
    """The body as parsed, so spacing or key order do not make it another body. The API has already refused a
    body nested deeper than api.MAX_DEPTH, so writing it out again never runs out of stack."""
    return hashlib.sha256(json.dumps(payload, sort_keys=True, separators=(",", ":")).encode()).hexdigest()


def _cache_key(request: HttpRequest, key: str) -> str:
    return "idem:" + salted_hmac("advisor.idempotency", f"{client_key(request)}|{key}").hexdigest()


def _store(operation, *args: Any, **kwargs: Any) -> Any:
    try:
        return operation(*args, **kwargs)
    except Exception as error:
        raise StoreUnavailable(str(error)) from error


def _pending(body: str, reserved: str | None) -> dict[str, Any]:
    return {"fingerprint": body, "reserved": reserved, "since": time.time()}


def _never_stored(public_id: str) -> bool:
    return False


def claim(
    request: HttpRequest,
    key: str,
    body: str,
    *,
    reserve: str | None = None,
    stored: Callable[[str], bool] = _never_stored,
) -> Seen | None:
    """Take the key for this post (None), which will store its assessment under the public id `reserve`; or say
    what an earlier post with it left. `stored(public_id)` says whether an assessment was stored under that id.
    Raises StoreUnavailable."""
    cache = stores.cache("idempotency")
    if cache is None:
        return _store(_claim_in_database, _cache_key(request, key), body, reserve, stored)
    cache_key = _cache_key(request, key)
    if _store(cache.add, cache_key, _pending(body, reserve), timeout=KEEP_SECONDS):
        return None
    entry = _store(cache.get, cache_key)
    if entry is None:  # expired in between: take it now
        taken = _store(cache.add, cache_key, _pending(body, reserve), timeout=KEEP_SECONDS)
        return None if taken else Seen(in_progress=True)
    if entry.get("fingerprint") != body:
        return Seen(other_body=True)
    if entry.get("assessment"):
        return Seen(assessment=entry["assessment"])
    reserved = entry.get("reserved")
    if reserved and stored(reserved):  # the first post stored it, and its server stopped before saying so
        return Seen(assessment=reserved)
    if time.time() - entry.get("since", 0) < settings.IDEMPOTENCY_PENDING_SECONDS:
        return Seen(in_progress=True)
    # Taken long ago and never stored: the first post stopped before storing anything. One retry takes it over.
    if _store(cache.add, f"{cache_key}:over:{reserved}", 1, timeout=KEEP_SECONDS):
        _store(cache.set, cache_key, _pending(body, reserve), timeout=KEEP_SECONDS)
        return None
    return Seen(in_progress=True)


def _claim_in_database(store_key: str, body: str, reserve: str | None, stored: Callable[[str], bool]) -> Seen | None:
    """claim() on the IdempotencyKey table: the insert of the unique key takes it, for one post only."""
    now = timezone.now()
    fresh = {
        "fingerprint": body,
        "reserved": reserve or "",
        "taken": now,
        "expires": now + timedelta(seconds=KEEP_SECONDS),
    }
    try:
        with transaction.atomic():
            IdempotencyKey.objects.filter(key=store_key, expires__lte=now).delete()  # this key, a day old
            purge_expired(IdempotencyKey, now)
            IdempotencyKey.objects.create(key=store_key, **fresh)
        return None
    except IntegrityError:  # taken already
        pass
    entry = IdempotencyKey.objects.filter(key=store_key).first()
    if entry is None:  # freed in between (its post stored nothing): a retry a moment later takes it
        return Seen(in_progress=True)
    if entry.fingerprint != body:
        return Seen(other_body=True)
    if entry.assessment:
        return Seen(assessment=entry.assessment)
    if entry.reserved and stored(entry.reserved):  # the first post stored it, and its server stopped before saying so
        return Seen(assessment=entry.reserved)
    if (now - entry.taken).total_seconds() < settings.IDEMPOTENCY_PENDING_SECONDS:
        return Seen(in_progress=True)
    # Taken long ago and never stored: the first post stopped before storing anything. One retry takes it over:
    # the update finds the row as this retry read it only once.
    taken = IdempotencyKey.objects.filter(pk=entry.pk, reserved=entry.reserved, taken=entry.taken, assessment="")
    return None if taken.update(**fresh) else Seen(in_progress=True)


def remember(request: HttpRequest, key: str, body: str, assessment: str) -> None:
    """Keep the assessment the post made under its key, for a day. Raises StoreUnavailable."""
    cache = stores.cache("idempotency")
    if cache is None:
        now = timezone.now()
        entry = {"fingerprint": body, "assessment": assessment, "reserved": "", "taken": now}
        entry["expires"] = now + timedelta(seconds=KEEP_SECONDS)
        _store(IdempotencyKey.objects.update_or_create, key=_cache_key(request, key), defaults=entry)
        return
    entry = {"fingerprint": body, "assessment": assessment}
    _store(cache.set, _cache_key(request, key), entry, timeout=KEEP_SECONDS)


def release(request: HttpRequest, key: str) -> None:
    """Free the key of a post that stored nothing (invalid answers), so it can be sent again corrected. Raises
    StoreUnavailable (a retry then takes the key over after IDEMPOTENCY_PENDING_SECONDS)."""
    cache = stores.cache("idempotency")
    if cache is None:
        _store(IdempotencyKey.objects.filter(key=_cache_key(request, key)).delete)
        return
    _store(cache.delete, _cache_key(request, key))
