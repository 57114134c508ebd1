"""What create_staff and reset_second_factor print for a new device: its QR code, key, URI and recovery codes."""

from __future__ import annotations

import io

import qrcode
from django.core.management.base import OutputWrapper

from advisor.protect import twofactor


def print_device(out: OutputWrapper, device, codes: list[str]) -> None:
    qr = qrcode.QRCode(border=2)
    qr.add_data(device.config_url)
    drawing = io.StringIO()
    qr.print_ascii(out=drawing, invert=True)
    out.write("Add the account to an authenticator app: scan this QR code,")
    out.write(drawing.getvalue().rstrip("\n"))
    out.write(f"or type this key (time-based): {twofactor.secret_text(device)}")
    out.write(f"or open this URI on the phone: {device.config_url}")
    out.write("")
    out.write("Recovery codes, each good for one sign-in without the phone (shown only now; keep them away from it):")
    for code in codes:
        out.write(f"  {code}")
