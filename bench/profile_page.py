"""Profile one page in-process, through the whole middleware stack, with production settings.

    .venv/bin/python bench/profile_page.py /            # the comparison page, 300 requests
    .venv/bin/python bench/profile_page.py /assess/ -n 500 --sort tottime
    .venv/bin/python bench/profile_page.py --post /api/assessments/
    .venv/bin/python bench/profile_page.py result       # the result page of the assessment the bench stored

Uses the database `make bench` left in bench/.run/ (run it once first), the settings `make bench` gives
gunicorn (DEBUG off, plain HTTP, rate limits off, request log lines written, here to /dev/null), and
cProfile; prints the mean time per request and the functions that took the most time. Requests go straight
to Django's WSGI handler as gunicorn would hand them over, without cookies, as wrk sends them: the test
client's own bookkeeping (signals, cookie jar) would otherwise be a large part of what is measured.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import logging
import os
import pstats
import secrets
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def setup() -> None:
    """Django with the settings `make bench` gives gunicorn, on the database it left in bench/.run/."""
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"sqlite:///{ROOT / 'bench' / '.run' / 'bench.sqlite3'}",
            "RATELIMIT_ENABLE": "0",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
        }
    )
    import django

    django.setup()
    # The request log lines are part of each request's cost: write them, but not over the report.
    sink = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process
    for name in ("", "django"):
        for handler in logging.getLogger(name).handlers:
            if isinstance(handler, logging.StreamHandler):
                handler.setStream(sink)


def requester(path: str, *, post: bool) -> Callable[[int], None]:
    """A function that sends request number i to Django's WSGI handler as gunicorn would hand it over, without
    cookies, as wrk sends it; a POST carries the bench's JSON body with employees varying by i."""
    from django.core.handlers.wsgi import WSGIHandler
    from run import POST_BODY

    handler = WSGIHandler()
    if path == "result":
        from advisor.models import Assessment

        path = Assessment.objects.order_by("id").first().get_absolute_url()
    path, _, query = path.partition("?")

    def once(i: int) -> None:
        environ = {
            "REQUEST_METHOD": "POST" if post else "GET",
            "PATH_INFO": path,
            "QUERY_STRING": query,
            "SCRIPT_NAME": "",
            "SERVER_NAME": "127.0.0.1",
            "SERVER_PORT": "8300",
            "SERVER_PROTOCOL": "HTTP/1.1",
            "REMOTE_ADDR": "127.0.0.1",
            "HTTP_HOST": "127.0.0.1:8300",
            "HTTP_USER_AGENT": "wrk",
            "wsgi.url_scheme": "http",
            "wsgi.input": io.BytesIO(b""),
            "wsgi.errors": sys.stderr,
            "wsgi.multithread": False,
            "wsgi.multiprocess": True,
            "wsgi.run_once": False,
        }
        if post:
            body = POST_BODY.replace("{employees}", str(5 + i % 200)).encode()
            environ.update(
                {
                    "CONTENT_TYPE": "application/json",
                    "CONTENT_LENGTH": str(len(body)),
                    "HTTP_ACCEPT": "application/json",
                    "wsgi.input": io.BytesIO(body),
                }
            )
        statuses = []
        response = handler(environ, lambda status, headers, exc_info=None: statuses.append(status))
        b"".join(response)
        response.close()
        assert statuses[0][:3] in ("200", "201"), statuses[0]

    return once


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default="/")
    parser.add_argument("-n", type=int, default=300)
    parser.add_argument("--post", action="store_true", help="POST the bench's JSON body")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--limit", type=int, default=40)
    parser.add_argument("--dump", help="also write the raw profile to this file (for pstats or snakeviz)")
    args = parser.parse_args()
    setup()
    once = requester(args.path, post=args.post)
    for i in range(20):
        once(i)
    start = time.perf_counter()
    for i in range(args.n):
        once(i)
    plain = (time.perf_counter() - start) / args.n
    profiler = cProfile.Profile()
    profiler.enable()
    for i in range(args.n):
        once(i)
    profiler.disable()
    if args.dump:
        profiler.dump_stats(args.dump)
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.limit)
    print(out.getvalue())
    print(f"{args.path}: {plain * 1000:.3f} ms a request without the profiler ({args.n} requests)")


if __name__ == "__main__":
    main()
