"""gunicorn settings; each can be overridden on the command line or with GUNICORN_CMD_ARGS.

Serve config.asgi:application (`make run`, the Dockerfile, the bench and the tests' servers all do).

Async workers (uvicorn's, config/worker.py): a sync worker waits on whichever client it is reading, so two
connections that send half a request each held the whole site for the 30-second timeout. An async worker
waits on every connection at once and hands Django only complete requests; the pages themselves are
short CPU-bound renders, so a worker per core is still as fast as it gets (docs/performance.md).
WEB_CONCURRENCY sets the number. Requests are logged by Django
(advisor.middleware.RequestLogMiddleware) without personal data, so the server's own access log, which
would print client addresses and query strings, stays off.
"""

import multiprocessing
import os

try:
    workers = int(os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count())))
except ValueError:
    raise SystemExit(f"WEB_CONCURRENCY must be a whole number; got {os.environ['WEB_CONCURRENCY']!r}.") from None
if workers < 1:
    raise SystemExit(f"WEB_CONCURRENCY must be at least 1; got {workers}.")
worker_class = "config.worker.Worker"
timeout = 30  # a worker whose event loop has not answered for this long is stuck: it is restarted
graceful_timeout = 20  # on deploy/stop, workers get this long to finish what they are serving
keepalive = 5
max_requests = 2000  # recycle workers now and then, so a slow leak can never grow large
max_requests_jitter = 200
# The worker heartbeat file: in memory where there is a /dev/shm (containers often mount /tmp on disk).
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None

accesslog = None
errorlog = "-"
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# gunicorn's own messages go to stdout like Django's, through the same filter that masks personal data
# (gunicorn names the request's URI, query string included, when a worker fails on it).
logconfig_dict = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "config.logfilters.RedactPersonalData"}},
    "formatters": {"generic": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "generic",
            "filters": ["redact"],
        },
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"level": "INFO", "handlers": ["stdout"]},
    "loggers": {
        "gunicorn.error": {"level": "INFO", "handlers": ["stdout"], "propagate": False},
        "gunicorn.access": {"level": "INFO", "handlers": ["null"], "propagate": False},  # off: see above
    },
}
