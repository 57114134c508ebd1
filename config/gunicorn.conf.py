"""gunicorn settings; each can be overridden on the command line or with GUNICORN_CMD_ARGS.

Sync workers: the site's pages are short CPU-bound renders with one or two quick queries, so a worker per
core is as fast as it gets (measured: 4 workers were no faster than 2 on 2 cores). WEB_CONCURRENCY sets the
number. Requests are logged by Django (advisor.middleware.RequestLogMiddleware) without personal data, so
gunicorn's own access log, which would print client addresses and query strings, stays off.
"""
import multiprocessing
import os

try:
    workers = int(os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count())))
except ValueError:
    raise SystemExit(f"WEB_CONCURRENCY must be a whole number; got {os.environ['WEB_CONCURRENCY']!r}.") from None
if workers < 1:
    raise SystemExit(f"WEB_CONCURRENCY must be at least 1; got {workers}.")
threads = 1
timeout = 30             # a request still running after this is stuck: the worker is restarted
graceful_timeout = 20    # on deploy/stop, workers get this long to finish what they are serving
keepalive = 5
max_requests = 2000      # recycle workers now and then, so a slow leak can never grow large
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
