"""gunicorn settings; each can be overridden on the command line or with GUNICORN_CMD_ARGS."""
import multiprocessing
import os

workers = int(os.environ.get("WEB_CONCURRENCY", min(4, multiprocessing.cpu_count())))
threads = 1
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 2000
max_requests_jitter = 200
accesslog = "-"
errorlog = "-"
# Path only (no query string, which might carry personal data), status, size and time taken.
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(B)s %(M)sms'
