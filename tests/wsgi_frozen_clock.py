"""The site's WSGI application, unchanged, with the clock stopped at one fixed instant (time-machine).

Only for tests that count a limit across gunicorn workers (test_concurrency): frozen, the window cannot end
during the test, so exactly the limit gets through whatever the time of day.
"""

from __future__ import annotations

import time_machine

from config.wsgi import application
from tests.clock import FROZEN_NOW

time_machine.travel(FROZEN_NOW, tick=False).start()  # for as long as the worker lives

__all__ = ["application"]
