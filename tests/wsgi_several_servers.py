"""The site's WSGI application, unchanged, with the rate limits at one fixed instant (tests/wsgi_frozen_clock.py)
and a header naming the process that answered (tests/wsgi_worker_pid.py).

Only for tests/test_several_servers.py: the header tells which app server behind the proxy answered (a worker's
parent is its server's gunicorn), and the frozen clock keeps a rate-limit window from ending during the test.
"""

from __future__ import annotations

import os

from tests.wsgi_frozen_clock import application as site


def application(environ, start_response):
    def start_with_pid(status, headers, exc_info=None):
        return start_response(status, [*headers, ("X-Worker-Pid", str(os.getpid()))], exc_info)

    return site(environ, start_with_pid)
