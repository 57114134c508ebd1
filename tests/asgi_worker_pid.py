"""The site's ASGI application, unchanged, with a header naming the process that answered.

Only for tests/gunicorn_server.py, so tests can check what each gunicorn worker serves.
"""

from __future__ import annotations

import os

from config.asgi import application as site


async def application(scope, receive, send):
    async def send_with_pid(message):
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message["headers"], (b"x-worker-pid", str(os.getpid()).encode())]}
        await send(message)

    await site(scope, receive, send_with_pid)
