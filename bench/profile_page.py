"""Profile one page in-process, through the whole middleware stack, with production settings.

    .venv/bin/python bench/profile_page.py /            # the comparison page, 300 requests
    .venv/bin/python bench/profile_page.py /assess/ -n 500 --sort tottime
    .venv/bin/python bench/profile_page.py --post /api/assessments/

Uses the database `make bench` left in bench/.run/ (run it once first), DEBUG off, and cProfile; prints
the mean time per request and the functions that took the most time.
"""
from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import secrets
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("path", nargs="?", default="/")
    parser.add_argument("-n", type=int, default=300)
    parser.add_argument("--post", action="store_true", help="POST the bench's JSON body")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args()
    os.environ.update({
        "DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(64), "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{ROOT / 'bench' / '.run' / 'bench.sqlite3'}", "RATELIMIT_ENABLE": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
    })
    import django

    django.setup()
    from django.test import Client

    from run import POST_BODY

    client = Client(HTTP_HOST="127.0.0.1")

    def once(i: int) -> None:
        if args.post:
            body = POST_BODY.replace("{employees}", str(5 + i % 200))
            response = client.post(args.path, body, content_type="application/json")
        else:
            response = client.get(args.path)
        assert response.status_code < 400, response.status_code

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
    out = io.StringIO()
    pstats.Stats(profiler, stream=out).sort_stats(args.sort).print_stats(args.limit)
    print(out.getvalue())
    print(f"{args.path}: {plain * 1000:.3f} ms a request without the profiler ({args.n} requests)")


if __name__ == "__main__":
    main()
