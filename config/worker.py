"""gunicorn's worker class for the site: uvicorn's, with the settings this site needs.

- No proxy headers: the site reads the client's address itself, trusting X-Forwarded-For only from the
  proxies it is told of (settings.PROXY_COUNT); uvicorn would otherwise believe any local connection.
- No access log: Django logs each request without personal data (advisor.middleware).
- No lifespan events: Django has none to run.
- No Server header.
- uvloop and httptools (declared dependencies), named rather than left to "auto", which would quietly fall
  back to the pure-Python ones: with them a request costs less CPU (make bench; docs/performance.md).
"""

from __future__ import annotations

from uvicorn_worker import UvicornWorker


class Worker(UvicornWorker):
    CONFIG_KWARGS = {
        **UvicornWorker.CONFIG_KWARGS,
        "proxy_headers": False,
        "access_log": False,
        "lifespan": "off",
        "server_header": False,
        "loop": "uvloop",
        "http": "httptools",
    }
