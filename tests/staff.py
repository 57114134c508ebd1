"""Signing staff in as the admin asks: the password, then a code from a TOTP device made in the test."""

from __future__ import annotations

import time

from django.test import Client
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice


def totp_code(device: TOTPDevice, steps_ahead: int = 0) -> str:
    """The code an authenticator app holding the device's key shows now (or that many 30-second steps on: the
    device takes a code once, and one step either side of now)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time() + steps_ahead * device.step
    return f"{totp.token():0{device.digits}d}"


def app_device(user) -> TOTPDevice:
    """A confirmed authenticator-app device for the account, as enrolment leaves it."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def sign_in_verified(client: Client, user) -> TOTPDevice:
    """The client signed in as `user` past both steps (as force_login is past the password): its session is
    verified by a device of the account's own."""
    device = app_device(user)
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return device
