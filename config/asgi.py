"""ASGI entry point: what gunicorn serves, through uvicorn's worker (config/gunicorn.conf.py, config/worker.py).

An async worker waits for slow clients without holding anything: a connection that sends half a request, or
trickles its body, costs a coroutine, not a worker. Django gets each request only once it is complete.

Two layers, outermost first:

- `BodyLimit` refuses a body larger than settings.DATA_UPLOAD_MAX_MEMORY_SIZE: by its Content-Length before
  reading anything, and while reading one sent without a length (chunked). Django's ASGI handler reads the
  whole body into a temporary file before any middleware runs, so this cannot be a Django middleware. A
  chunked body is handed to Django whole, with its length, so Django reads it as any other.
- `ASGIHandler`, Django's own, with the synchronous middleware and views run in one step. Django's handler
  in async mode hops between the event loop and a thread at every border between async and sync code,
  three times a request with our (synchronous) middleware, and starts a new thread for every request, which
  make bench found costly (docs/performance.md). Here the whole
  synchronous pipeline (middleware, view: BaseHandler.get_response, as under WSGI) runs in one call on the
  process's one thread for synchronous code (asgiref's thread_sensitive executor). One thread
  also means a worker keeps its database connection between requests (CONN_MAX_AGE), which Django's
  per-request threads could not. Reading the body, sending the response (asynchronous iterators of
  streaming responses included) and noticing a client that went away stay Django's own async code.
"""

from __future__ import annotations

import os
from collections.abc import Awaitable, Callable
from typing import Any

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django
from asgiref.sync import sync_to_async
from django.conf import settings
from django.core.handlers.asgi import ASGIHandler as DjangoASGIHandler
from django.http import FileResponse, HttpRequest, HttpResponseBase

Scope = dict[str, Any]
Message = dict[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class ASGIHandler(DjangoASGIHandler):
    """Django's ASGI handler running the synchronous middleware chain and view in one thread hop (see above)."""

    def load_middleware(self, is_async: bool = False) -> None:
        super().load_middleware(is_async=False)  # the synchronous chain, as under WSGI

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            raise ValueError(f"Django can only handle ASGI/HTTP connections, not {scope['type']}.")
        # Without a ThreadSensitiveContext per request, synchronous code runs on the process's one thread
        # for it: requests take turns there, as under a sync worker, and database connections are kept.
        await self.handle(scope, receive, send)

    async def run_get_response(self, request: HttpRequest) -> HttpResponseBase:
        response = await sync_to_async(self.get_response, thread_sensitive=True)(request)
        response._handler_class = self.__class__
        if isinstance(response, FileResponse):
            response.block_size = self.chunk_size
        return response


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope["headers"]:
        if key.lower() == name:
            return value
    return None


class BodyLimit:
    """Refuse request bodies over `max_bytes` before Django (or a temporary file) sees them."""

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        length = _header(scope, b"content-length")
        if length is not None:
            # The server has checked it is a number, and passes on no more than it says.
            if int(length) > self.max_bytes:
                await self.refuse(scope, send)
                return
            await self.app(scope, receive, send)
            return
        if _header(scope, b"transfer-encoding") is None:
            await self.app(scope, receive, send)  # no body
            return
        # A body without a length (chunked): read it here, never past the limit.
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body += message.get("body", b"")
            if len(body) > self.max_bytes:
                await self.refuse(scope, send)
                return
            if not message.get("more_body", False):
                break
        headers = [(k, v) for k, v in scope["headers"] if k.lower() not in (b"content-length", b"transfer-encoding")]
        headers.append((b"content-length", str(len(body)).encode()))
        first: list[Message] = [{"type": "http.request", "body": bytes(body), "more_body": False}]

        async def replay() -> Message:
            return first.pop() if first else await receive()

        await self.app({**scope, "headers": headers}, replay, send)

    async def refuse(self, scope: Scope, send: Send) -> None:
        limit = f"{self.max_bytes // 1024} kB"
        if scope["path"].startswith("/api/"):
            body = b'{"errors": {"__all__": ["The body is larger than %s."]}}' % limit.encode()
            content_type = b"application/json"
        else:
            body = f"The request is larger than {limit}; nothing was read or stored.\n".encode()
            content_type = b"text/plain; charset=utf-8"
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", content_type),
                    (b"content-length", str(len(body)).encode()),
                    # The rest of the body is never read, so the connection cannot carry another request.
                    (b"connection", b"close"),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


django.setup(set_prefix=False)
django_application = ASGIHandler()
application = BodyLimit(django_application, max_bytes=settings.DATA_UPLOAD_MAX_MEMORY_SIZE)
