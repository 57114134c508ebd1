"""Staff's second factor: a code from an authenticator app (TOTP), or a recovery code that works once.

django-otp keeps the devices: one TOTPDevice ("Authenticator app") and one StaticDevice ("Recovery codes")
per account. An account is enrolled once its TOTP device is confirmed, by a code from the app. Whether the
admin asks for the second step is settings.ADVISOR_REQUIRE_2FA (always on when DJANGO_DEBUG=0).
"""

from __future__ import annotations

import base64
import math
from typing import Any

import django_otp
from django.conf import settings
from django.db import transaction
from django.http import HttpRequest
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

APP_DEVICE = "Authenticator app"
RECOVERY_DEVICE = "Recovery codes"
RECOVERY_CODES = 10


def required() -> bool:
    return bool(getattr(settings, "ADVISOR_REQUIRE_2FA", True))


def is_verified(user: Any) -> bool:
    """Whether this session's user passed the second step (django_otp.middleware.OTPMiddleware sets it)."""
    check = getattr(user, "is_verified", None)
    return bool(check and check())


def needs_second_step(user: Any) -> bool:
    """A signed-in staff member who must still give a code (or enrol) before any admin page."""
    return required() and user.is_authenticated and user.is_active and user.is_staff and not is_verified(user)


def is_enrolled(user: Any) -> bool:
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def pending_device(user: Any) -> TOTPDevice:
    """The app device being enrolled: the same secret each time the page is shown, until it is confirmed."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).order_by("pk").first()
    return device or TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=False)


def new_recovery_codes(user: Any) -> list[str]:
    """Fresh recovery codes for the account, replacing any it had; each works once."""
    with transaction.atomic():
        StaticDevice.objects.filter(user=user).delete()
        device = StaticDevice.objects.create(user=user, name=RECOVERY_DEVICE, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


def enrol_confirmed(user: Any) -> tuple[TOTPDevice, list[str]]:
    """A confirmed app device and recovery codes made at once (the command line's first deploy)."""
    with transaction.atomic():
        reset(user)
        device = TOTPDevice.objects.create(user=user, name=APP_DEVICE, confirmed=True)
        return device, new_recovery_codes(user)


def confirm(request: HttpRequest, device: TOTPDevice, token: str) -> list[str] | None:
    """Confirm the pending app device with a code from the app: the session is then verified with it and the
    account gets its recovery codes (returned). None when the code is wrong."""
    with transaction.atomic():
        verified = django_otp.verify_token(request.user, device.persistent_id, token)
        if verified is None:
            return None
        verified.confirmed = True
        verified.save(update_fields=["confirmed"])
        TOTPDevice.objects.devices_for_user(request.user, confirmed=False).delete()
        codes = new_recovery_codes(request.user)
    _verified(request, verified)
    return codes


def verify(request: HttpRequest, token: str) -> bool:
    """Check a code from the app (six digits) or a recovery code (eight letters and digits) against the
    account's device of that kind; on success the session is verified. Each device counts its failures and
    makes the next try wait longer (django-otp's throttling); a recovery code is deleted as it is used."""
    token = "".join(token.split()).lower()
    if not token:
        return False
    model = TOTPDevice if token.isdigit() and len(token) <= 8 else StaticDevice
    for device in model.objects.devices_for_user(request.user, confirmed=True):
        verified = django_otp.verify_token(request.user, device.persistent_id, token)
        if verified is not None:
            _verified(request, verified)
            return True
    return False


def wait_seconds(user: Any, token: str) -> int:
    """How long until the account's device this code is for takes another after wrong ones (0: now)."""
    token = "".join(token.split())
    model = TOTPDevice if token.isdigit() and len(token) <= 8 else StaticDevice
    return max([0, *(device_wait_seconds(d) for d in model.objects.devices_for_user(user, confirmed=True))])


def device_wait_seconds(device: Any) -> int:
    """How long until `device` takes another code after wrong ones (0: now)."""
    from django.utils import timezone

    allowed, data = device.verify_is_allowed()
    if allowed or not data or not data.get("locked_until"):
        return 0
    return max(1, math.ceil((data["locked_until"] - timezone.now()).total_seconds()))


def _verified(request: HttpRequest, device: Any) -> None:
    # A new session key as the session gains the admin, as at sign-in.
    request.session.cycle_key()
    django_otp.login(request, device)


def reset(user: Any) -> int:
    """Delete the account's devices: it must enrol again at its next sign-in, and its sessions verified by them
    lose the admin at their next request. The number of devices deleted."""
    deleted = 0
    for model in (TOTPDevice, StaticDevice):
        devices = model.objects.filter(user=user)
        deleted += devices.count()
        devices.delete()
    return deleted


def secret_text(device: TOTPDevice) -> str:
    """The secret as an authenticator app asks for it when typed in: base32, in groups of four."""
    encoded = base64.b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(encoded[i : i + 4] for i in range(0, len(encoded), 4))


def qr_code_data_uri(text: str) -> str:
    """A QR code of `text` as an SVG data: URI for an <img>, drawn here (the CSP allows data: images only)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathFillImage, border=4)
    return "data:image/svg+xml;base64," + base64.b64encode(image.to_string()).decode("ascii")
