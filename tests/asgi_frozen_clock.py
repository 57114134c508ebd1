"""The site's ASGI application, unchanged, with the rate limits and the spam guard at one fixed instant.

Only for tests that count a limit across gunicorn workers (test_concurrency): frozen, the window cannot end
during the test, so exactly the limit gets through whatever the time of day.
"""
from __future__ import annotations

from config.asgi import application  # first: it sets Django up

from advisor.protect import ratelimit, spam  # noqa: E402
from tests.clock import frozen  # noqa: E402

ratelimit.clock = frozen
spam.clock = frozen

__all__ = ["application"]
