"""Admin sign-in guessing, counted per account across every address, in a way no stranger can turn against staff.

django-axes pauses an account for one client (its address, or its /64 for IPv6: settings.AXES_CLIENT_IP_CALLABLE)
after settings.AXES_FAILURE_LIMIT failures. A guesser with many addresses gets that many guesses per
address, so failures are also counted per account across all of them (settings.RATELIMITS["admin_account"]:
20 within the lockout period by default). Past that, the account can be tried only from a client it has
signed in from before: anyone else, right password or not, gets the "sign-in paused" page until the period
ends. A stranger can therefore slow down new places, never the staff at their usual ones, who stay spared.

What is kept: per account, a count of failures in the current period, and for each client an account
signed in from, a hash (with the secret key) of the account and the client, for 90 days, in the shared
rate-limit cache. No address is stored.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import caches
from django.dispatch import receiver
from django.http import HttpRequest
from django.utils.crypto import salted_hmac

from . import ratelimit

logger = logging.getLogger(__name__)

BUCKET = "admin_account"
FAMILIAR_SECONDS = 90 * 86400


def _account(username: str) -> str:
    return salted_hmac("advisor.signin.account", username.strip().casefold()).hexdigest()[:32]


def _familiar_key(username: str, request: HttpRequest) -> str:
    client = ratelimit.client_network(request) or "unknown"
    digest = salted_hmac("advisor.signin.familiar", f"{username.strip().casefold()}|{client}").hexdigest()[:32]
    return f"signin:familiar:{digest}"


def is_familiar(username: str, request: HttpRequest) -> bool:
    """Whether this account has signed in from this client (address, or IPv6 /64) in the last 90 days."""
    return bool(caches["ratelimit"].get(_familiar_key(username, request)))


def paused(username: str, request: HttpRequest) -> ratelimit.Decision | None:
    """The account's count when it is over its limit and this client is a stranger to it; else None."""
    if BUCKET not in settings.RATELIMITS:
        return None
    decision = ratelimit.peek(BUCKET, _account(username))
    if not decision.limited or is_familiar(username, request):
        return None
    return decision


@receiver(user_login_failed, dispatch_uid="advisor.signin.failed")
def _failed(sender: Any, credentials: dict, request: HttpRequest | None = None, **kwargs: Any) -> None:
    username = credentials.get("username")
    if not username or BUCKET not in settings.RATELIMITS:
        return
    try:
        ratelimit.hit(BUCKET, _account(username))
    except Exception:  # a broken cache leaves django-axes' lockout standing alone
        logger.exception("Sign-in failure not counted across addresses: the cache failed")


@receiver(user_logged_in, dispatch_uid="advisor.signin.succeeded")
def _succeeded(sender: Any, request: HttpRequest | None, user: Any, **kwargs: Any) -> None:
    if request is None:
        return
    try:
        caches["ratelimit"].set(_familiar_key(user.get_username(), request), 1, timeout=FAMILIAR_SECONDS)
    except Exception:  # signing in must not fail because the cache did
        logger.exception("Sign-in not remembered for this client: the cache failed")
