"""The site's WSGI application, unchanged, with a header naming the process that answered.

Only for tests/gunicorn_server.py, so tests can check what each gunicorn worker serves.
"""

from __future__ import annotations

import os

from config.wsgi import application as site


def application(environ, start_response):
    def start_with_pid(status, headers, exc_info=None):
        return start_response(status, [*headers, ("X-Worker-Pid", str(os.getpid()))], exc_info)

    return site(environ, start_with_pid)
