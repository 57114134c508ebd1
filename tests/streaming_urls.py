"""A URLconf for tests/test_serving.py: a view whose streaming response is built on an asynchronous iterator."""

from __future__ import annotations

import asyncio

from django.http import HttpRequest, StreamingHttpResponse
from django.urls import path

# Set by the test: each part is sent only once the test has seen the one before reach the client.
gates: list[asyncio.Event] = []


async def _parts():
    for number, gate in enumerate(gates):
        if number:
            await gate.wait()
        yield f"part {number}\n".encode()


def streamed(request: HttpRequest) -> StreamingHttpResponse:
    return StreamingHttpResponse(_parts(), content_type="text/plain")


urlpatterns = [path("streamed/", streamed)]
