"""gunicorn settings; each can be overridden on the command line or with GUNICORN_CMD_ARGS.

Serve config.wsgi:application, Django's stock WSGI handler (`make run`, `make prod`, the Dockerfile, the bench
and the tests' servers all do), with gthread workers: each worker runs THREADS requests at once on threads of
its own, so a request waiting on the database or a password hash does not hold the others up.

A thread waits on whichever client it is reading, so the internet-facing shape puts nginx in front (`make
prod`, deploy/nginx.conf.template): nginx reads every request whole, within its time and size limits, before
gunicorn sees it, and takes the answer as fast as gunicorn writes it. Served directly (`make run`), a client
that sends half a request holds a thread until `timeout`. Chosen by measurement over the previous ASGI handler
(docs/performance.md, "App server"). WEB_CONCURRENCY sets the number of workers, GUNICORN_THREADS their threads.
Requests are logged by Django (advisor.middleware.RequestLogMiddleware) without personal data, so the
server's own access log, which would print client addresses and query strings, stays off.
"""

import multiprocessing
import os

try:
    workers = int(os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count())))
except ValueError:
    raise SystemExit(f"WEB_CONCURRENCY must be a whole number; got {os.environ['WEB_CONCURRENCY']!r}.") from None
if workers < 1:
    raise SystemExit(f"WEB_CONCURRENCY must be at least 1; got {workers}.")
try:
    threads = int(os.environ.get("GUNICORN_THREADS", 8))
except ValueError:
    raise SystemExit(f"GUNICORN_THREADS must be a whole number; got {os.environ['GUNICORN_THREADS']!r}.") from None
if threads < 2:
    raise SystemExit(f"GUNICORN_THREADS must be at least 2; got {threads}.")
worker_class = "gthread"
timeout = 30  # a worker that has not told the master it is alive for this long is stuck: it is restarted
# On deploy or stop, and when a worker recycles (max_requests), what it is serving gets this long to finish;
# then the worker is stopped and its unfinished requests dropped. Behind nginx no request waits on a client.
graceful_timeout = 10
keepalive = 5
# The site is loaded once, in the master, and each worker is a copy (fork): a worker that recycles is replaced in
# milliseconds, not after a second or more of imports while requests wait.
preload_app = True
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
