"""A logging filter that masks personal data in every record, whichever library wrote it.

Email addresses, IP addresses and assessment ids (the key to a private result page) become <email>, <ip>
and <id>, in the message and in any traceback. Request lines are already written without them
(advisor.middleware); this catches what Django, gunicorn, django-axes or an exception message might add.
"""
from __future__ import annotations

import ipaddress
import logging
import re

_EMAIL = re.compile(r"[A-Za-z0-9.!#$%&'*+=?^_`{|}~-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")
_UUID = re.compile(r"\b[0-9a-fA-F]{8}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{4}-?[0-9a-fA-F]{12}\b")
_IPV4 = re.compile(r"(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?![\d.])")
_IPV6_CANDIDATE = re.compile(r"(?<![0-9A-Za-z:])[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:%\w+)?(?![0-9A-Za-z:])")


def _mask_ip(match: re.Match) -> str:
    text = match.group(0)
    try:
        address = ipaddress.ip_address(text.split("%")[0])
    except ValueError:
        return text  # a time of day such as 12:30:45, or a version number: not an address
    # The server's own addresses ("Listening at 127.0.0.1:8000") identify nobody.
    return text if address.is_loopback or address.is_unspecified else "<ip>"


def redact(text: str) -> str:
    text = _EMAIL.sub("<email>", text)
    text = _UUID.sub("<id>", text)
    text = _IPV4.sub(_mask_ip, text)
    return _IPV6_CANDIDATE.sub(_mask_ip, text)


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # noqa: BLE001 - a badly formatted record is logged as it stands
            return True
        record.msg = redact(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = redact(record.exc_text)
        if record.stack_info:
            record.stack_info = redact(record.stack_info)
        return True
