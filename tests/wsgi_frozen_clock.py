"""The site's WSGI application, unchanged, with the rate limits and the spam guard at one fixed instant.

Only for tests that count a limit across gunicorn workers (test_concurrency): frozen, the window cannot end
during the test, so exactly the limit gets through whatever the time of day.
"""

from __future__ import annotations

from advisor.protect import ratelimit, spam
from config.wsgi import application  # first: it sets Django up
from tests.clock import frozen

ratelimit.clock = frozen
spam.clock = frozen

__all__ = ["application"]
