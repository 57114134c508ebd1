"""A logging filter that masks personal data in every record, whichever library wrote it, and keeps each
record on its own line.

Email addresses (non-ASCII ones too), IP addresses and assessment ids (the key to a private result page)
become <email>, <ip> and <id>, in the message and in any traceback. Request lines are already written
without them (advisor.middleware); this catches what Django, gunicorn, uvicorn, django-axes or an exception
message might add.

Control characters are written as escapes (\\r, \\n, \\x1b): a path such as /x%0d%0a2026-01-01 INFO ...
would otherwise print a forged log line of its own, and an ANSI escape sequence would reach the terminal
of whoever reads the log. A traceback keeps its line breaks, and only those.
"""

from __future__ import annotations

import ipaddress
import logging
import re

# \w is any letter or digit of any script: addresses may be written in any (RFC 6531), josé@exämple.com.
_EMAIL = re.compile(r"[\w.!#$%&'*+=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+")
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


# C0 and C1 control characters, DEL, and the Unicode line and paragraph separators.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")
_CONTROL_IN_TRACEBACK = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029]")  # all but \n
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match) -> str:
    char = match.group(0)
    return _NAMED.get(char) or (f"\\x{ord(char):02x}" if ord(char) < 0x100 else f"\\u{ord(char):04x}")


def escape_controls(text: str, *, keep_line_breaks: bool = False) -> str:
    """`text` with every control character written as an escape, so it cannot start a line or colour one."""
    return (_CONTROL_IN_TRACEBACK if keep_line_breaks else _CONTROL).sub(_escape, text)


def redact(text: str) -> str:
    text = _EMAIL.sub("<email>", text)
    text = _UUID.sub("<id>", text)
    text = _IPV4.sub(_mask_ip, text)
    return _IPV6_CANDIDATE.sub(_mask_ip, text)


class RedactPersonalData(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a badly formatted record is logged as it stands
            return True
        record.msg = escape_controls(redact(message))
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = escape_controls(redact(record.exc_text), keep_line_breaks=True)
        if record.stack_info:
            record.stack_info = escape_controls(redact(record.stack_info), keep_line_breaks=True)
        return True
