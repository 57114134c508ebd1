"""JSON written and read by orjson, with the standard library as the fallback where the two would differ.

An API post writes its 31 kB snapshot to the database and sends most of it back; the standard library spends
about 180 µs on each of those, orjson a tenth of that. orjson writes compactly and in UTF-8 (no \\u escapes),
so the bytes differ; the data never does. For the few values orjson refuses or reads differently (integers
beyond 64 bits, text with an unpaired surrogate, NaN written as a bare word) the standard library does the
work, as before.
"""
from __future__ import annotations

import json
from typing import Any

import orjson
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse

# Dates, times and dataclasses go to `default` as they would with the standard library, rather than through
# orjson's own conversions: written as DjangoJSONEncoder writes them, or refused.
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS

# orjson reads an integer beyond 64 bits (below -9223372036854775808 or above 18446744073709551615) as a float;
# such a number has 19 digits or more in a row, which a float as Python writes it (17 at most) never has.
# Found by turning every digit into "0" and everything else into a space (a regular expression takes 300 µs
# over a snapshot, this 15 µs; digits are single bytes in UTF-8, never part of another character's).
_DIGITS_AS_ZEROS = bytes(ord("0") if chr(b) in "0123456789" else ord(" ") for b in range(256))
_LONG_NUMBER = b"0" * 19


def loads(text: str) -> Any:
    """json.loads(text): the same values, raising json.JSONDecodeError for the same texts."""
    if _LONG_NUMBER not in text.encode("utf-8", "surrogatepass").translate(_DIGITS_AS_ZEROS):
        try:
            return orjson.loads(text)
        except orjson.JSONDecodeError:
            pass  # the standard library may still read it (NaN, lone surrogates), or says why not
    return json.loads(text)


class StoreEncoder(json.JSONEncoder):
    """json.dumps(value) for a JSONField with no encoder of its own, written by orjson.

    Passed as the `encoder` of connection.ops.adapt_json_value, which every database backend calls through
    json.dumps(value, cls=encoder); encode() is all it uses.
    """

    def encode(self, o: Any) -> str:
        try:
            return orjson.dumps(o, option=_OPTIONS).decode()
        except TypeError:  # a value orjson refuses: the standard library stores it or raises as it did
            return super().encode(o)


_django_encoder = DjangoJSONEncoder()


def dumps_document(data: Any) -> bytes:
    """json.dumps(data, cls=DjangoJSONEncoder), encoded: decimals, dates, times, lazy text as Django writes them."""
    try:
        return orjson.dumps(data, default=_django_encoder.default, option=_OPTIONS)
    except TypeError:
        return json.dumps(data, cls=DjangoJSONEncoder).encode()


class JsonResponse(HttpResponse):
    """django.http.JsonResponse (objects only, as with its safe=True) written by orjson."""

    def __init__(self, data: dict[str, Any], **kwargs: Any) -> None:
        if not isinstance(data, dict):
            raise TypeError("JsonResponse sends a JSON object; give it a dict.")
        kwargs.setdefault("content_type", "application/json")
        super().__init__(content=dumps_document(data), **kwargs)
