"""The one instant every test runs at, as far as the site can tell (time.time(), timezone.now()).

No test reads the wall clock: tests/conftest.py stops the clock here with time-machine for every test, and
tests/wsgi_frozen_clock.py stops the rate limits' and the spam guard's here inside gunicorn workers. A
rate-limit window therefore never ends during a test, and a comment form's age is exactly what the test made it.
A test that moves time shifts the `frozen_clock` fixture (time-machine's own).
"""

from __future__ import annotations

# 2027-01-15 08:05 UTC: five minutes into a ten-minute window, eight hours into a day's, far from the edge
# of any window a test's limit uses.
FROZEN_NOW = 1_800_000_300.0
