"""The site's WSGI application, unchanged, with the rate limits and the spam guard at one fixed instant.

Only for tests that count a limit across gunicorn workers (test_concurrency, test_several_servers): frozen, the
window cannot end during the test, so exactly the limit gets through whatever the time of day. Only those two
read the frozen time (their module's `time`); the rest of the worker keeps the real clock, which the test
process shares with it (a staff member's one-time code, sessions, gunicorn's own timers). In-process tests stop
the whole clock with time-machine instead (tests/conftest.py).
"""

from __future__ import annotations

import time
from types import SimpleNamespace

from config.wsgi import application  # first: it sets Django up, which the rate limits' models need

# isort: split
from advisor.protect import ratelimit, spam
from tests.clock import FROZEN_NOW

_frozen_time = SimpleNamespace(**{name: getattr(time, name) for name in dir(time) if not name.startswith("_")})
_frozen_time.time = lambda: FROZEN_NOW
ratelimit.time = _frozen_time
spam.time = _frozen_time

__all__ = ["application"]
