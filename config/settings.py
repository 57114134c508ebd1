"""The one settings file, driven by the environment.

With nothing set, the site runs for local use: DEBUG on, SQLite in the project folder, rate limits counted in it.
A deployment sets DJANGO_DEBUG=0, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS and usually DATABASE_URL and
CACHE_URL; README.md lists every variable. A malformed value stops start-up with a message naming the variable.
"""

from __future__ import annotations

import os
import re
from datetime import timedelta
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be one of 1/0, true/false, yes/no, on/off; got {raw!r}.")


def env_int(name: str, default: int, *, minimum: int = 0, maximum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number; got {raw!r}.") from None
    if value < minimum:
        raise ImproperlyConfigured(f"{name} must be at least {minimum}; got {value}.")
    if maximum is not None and value > maximum:
        raise ImproperlyConfigured(f"{name} must be at most {maximum}; got {value}.")
    return value


def env_list(name: str, default: list[str], *, allow_empty: bool = False) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    if allow_empty and not raw.strip():
        return []
    items = [item.strip() for item in raw.split(",")]
    if any(not item for item in items):
        raise ImproperlyConfigured(f"{name} must be a comma-separated list with no empty items; got {raw!r}.")
    return items


_PERIODS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")


def env_rate(name: str, default: str) -> tuple[int, int]:
    """A rate such as "20/10m" (20 requests per 10 minutes) as (requests, seconds)."""
    raw = os.environ.get(name, default)
    match = _RATE.match(raw)
    if not match:
        raise ImproperlyConfigured(
            f"{name} must look like 20/10m: a number of requests, a slash, and a period in s, m, h or d; got {raw!r}."
        )
    requests, multiple, unit = int(match[1]), int(match[2] or 1), match[3]
    if requests < 1 or multiple < 1:
        raise ImproperlyConfigured(f"{name} needs at least 1 request in a period of at least 1{unit}; got {raw!r}.")
    return requests, multiple * _PERIODS[unit]


DEBUG = env_bool("DJANGO_DEBUG", True)

_DEV_SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", _DEV_SECRET_KEY if DEBUG else "")
if not DEBUG and (not SECRET_KEY or SECRET_KEY == _DEV_SECRET_KEY or len(SECRET_KEY) < 50 or len(set(SECRET_KEY)) < 5):
    raise ImproperlyConfigured(
        "DJANGO_SECRET_KEY must be set to a random value of at least 50 characters when DJANGO_DEBUG is off. "
        'Generate one with: python -c "import secrets; print(secrets.token_urlsafe(64))"'
    )

if not DEBUG and "DJANGO_ALLOWED_HOSTS" not in os.environ:
    raise ImproperlyConfigured(
        "DJANGO_ALLOWED_HOSTS must list the host names the site answers to (comma-separated) when DJANGO_DEBUG "
        "is off, for example advisor.example.org."
    )
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [], allow_empty=True)
for _origin in CSRF_TRUSTED_ORIGINS:
    if urlsplit(_origin).scheme not in ("http", "https") or not urlsplit(_origin).netloc:
        raise ImproperlyConfigured(
            f"DJANGO_CSRF_TRUSTED_ORIGINS must list origins such as https://advisor.example.org; got {_origin!r}."
        )

INSTALLED_APPS = [
    # Django's admin on our site class: staff give a second factor after the password (advisor/staff.py).
    "advisor.apps.StaffAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    # The "How the advice works" page is a flat page: staff edit its text in the admin (advisor/migrations/0005).
    "django.contrib.sites",
    "django.contrib.flatpages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "crispy_forms",
    "crispy_bootstrap5",
    "csp",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "advisor",
]

MIDDLEWARE = [
    # Outermost, so every response is logged, static files and errors included.
    "advisor.middleware.RequestLogMiddleware",
    # Each request waits for SQLite's write lock DATABASE_LOCK_WAIT seconds at most, in all.
    "config.database.SQLiteLockBudgetMiddleware",
    # Bodies over their route's REQUEST_BODY_LIMITS are refused by their length before anything reads them
    # (the front door, nginx, does it earlier still, as served).
    "advisor.middleware.BodyLimitMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # django-csp's middleware: the Content-Security-Policy header from CONTENT_SECURITY_POLICY below.
    "csp.middleware.CSPMiddleware",
    # A bound on admin sign-in posts being checked at once in each process (SIGNIN_CONCURRENCY).
    "advisor.middleware.SigninGateMiddleware",
    # Load balancers and container health checks may probe by an IP address that is not an allowed host:
    # answer those probes before the host check (probes to an allowed host go through the whole stack).
    "advisor.middleware.HealthCheckMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Whether this session passed the second step of signing in (request.user.is_verified()).
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "advisor.protect.ratelimit.RateLimitMiddleware",
    # Last, as django-axes asks: it turns a lockout raised during authentication into the lockout page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
# The one site the flat pages belong to (django.contrib.sites); the migration that seeds them makes sure it exists.
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"


# --- Database -------------------------------------------------------------------------------------------------


def _database_from_url(url: str) -> dict[str, Any]:
    import dj_database_url

    try:
        config: dict[str, Any] = {**dj_database_url.parse(url, conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 60))}
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not a database address Django understands: {error}") from None
    if not config.get("ENGINE"):
        raise ImproperlyConfigured("DATABASE_URL names no database engine.")
    # A connection kept across requests may have been dropped by the server or a pooler in between.
    config["CONN_HEALTH_CHECKS"] = True
    return config


# The longest a request waits, in all, for SQLite's write lock before it is answered 503 with Retry-After:
# well under gunicorn's 30 s worker timeout (config/gunicorn.conf.py).
DATABASE_LOCK_WAIT = env_int("DJANGO_DB_LOCK_WAIT_SECONDS", 10, minimum=1, maximum=25)
# Requests that may write (POST...) at once in each process on SQLite; one more is answered 503 with Retry-After
# at once (config/database.py). One fewer than the process's threads (GUNICORN_THREADS, config/gunicorn.conf.py),
# so writers waiting for the lock always leave a thread to the pages.
DATABASE_WRITERS = env_int("DJANGO_DB_WRITERS", max(1, env_int("GUNICORN_THREADS", 8, minimum=2) - 1), minimum=1)

_database_url = os.environ.get("DATABASE_URL", "").strip()
if _database_url:
    DATABASES = {"default": _database_from_url(_database_url)}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}


def _sqlite_without_creating(name: str | Path) -> str:
    """The SQLite database `name` as a URI that opens an existing file read-write and never creates one.

    SQLite's default creates a missing file: with the database moved away, the site would open a new empty
    one, pass a bare readiness check and answer every page with a 500. Only `manage.py migrate` creates
    the file (advisor/management/commands/migrate.py). In-memory databases (the tests') are left as they are.
    """
    text = str(name)
    if text == ":memory:" or text.startswith("file:"):
        return text
    return f"file:{quote(text, safe='/')}?mode=rw"


if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Django opens SQLite with uri=True, so NAME may carry the mode.
    DATABASES["default"]["NAME"] = _sqlite_without_creating(DATABASES["default"]["NAME"])
    # WAL lets readers and one writer work at once; the busy timeout makes a second writer wait its turn
    # instead of failing with "database is locked", and during a request all its statements together wait
    # no longer than DATABASE_LOCK_WAIT (config/database.py); IMMEDIATE takes the write lock at the start
    # of a transaction so two writers never deadlock upgrading their locks.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": DATABASE_LOCK_WAIT,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
    # Reuse each worker's connection, as with DATABASE_URL: opening the file and running the PRAGMAs above
    # on every request costs more than rendering a page from its cached fragments (docs/performance.md).
    DATABASES["default"].setdefault("CONN_MAX_AGE", env_int("DJANGO_CONN_MAX_AGE", 60))

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


# --- Cache ----------------------------------------------------------------------------------------------------


# The rate-limit counters and the API's Idempotency-Keys each have a store of their own, shared by every worker and
# server: a table of the site's database (advisor/store_models.py), unless CACHE_URL (the counters) or
# IDEMPOTENCY_CACHE_URL (the keys) names a Redis server, which Django's own RedisCache then uses (cache alias
# "ratelimit" or "idempotency"). Run such a Redis with maxmemory-policy noeviction, so that a full one refuses a
# write (the post is answered 503) rather than drop a live count or key.


def _redis_store(variable: str, url: str) -> dict[str, Any] | None:
    """The cache alias for a store on the Redis server `url` names, or None for the site's database."""
    scheme = urlsplit(url).scheme.lower()
    # db://, as when unset, is the database; db://TABLE, which once named a cache table, means the same.
    if not url or (scheme == "db" and re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,62}", url[5:].strip("/") or "_")):
        return None
    if scheme not in ("redis", "rediss") or not urlsplit(url).hostname:
        raise ImproperlyConfigured(
            f"{variable} must be a redis:// or rediss:// address, or unset for the site's database; got {url!r}."
        )
    # A stalled server holds a request no longer than this, and the post is answered 503 (advisor/protect/stores.py).
    timeout = CACHE_SOCKET_TIMEOUT
    return {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": url,
        "OPTIONS": {"socket_timeout": timeout, "socket_connect_timeout": timeout},
    }


def shared_stores(counters_url: str, keys_url: str) -> dict[str, dict[str, Any]]:
    """The cache aliases of the counters' and the keys' stores that live on Redis (none for those in the database).

    The keys' store must be another server than the counters' (a Redis server's memory limit holds for all its
    numbered databases together): a flood of keys must never fill the store the limits count in.
    """
    counters = _redis_store("CACHE_URL", counters_url.strip())
    keys = _redis_store("IDEMPOTENCY_CACHE_URL", keys_url.strip())
    aliases: dict[str, dict[str, Any]] = {}
    if counters:
        aliases["ratelimit"] = {**counters, "KEY_PREFIX": "advisor"}
    if keys:
        aliases["idempotency"] = {**keys, "KEY_PREFIX": "advisor-idempotency", "TIMEOUT": 24 * 3600}
    if counters and keys:
        one, other = urlsplit(counters["LOCATION"]).netloc, urlsplit(keys["LOCATION"]).netloc
        if one.rsplit("@", 1)[-1].lower() == other.rsplit("@", 1)[-1].lower():
            raise ImproperlyConfigured(
                "IDEMPOTENCY_CACHE_URL must name another Redis server than CACHE_URL: the idempotency keys must "
                f"never fill the rate-limit counters' store; got {keys_url!r}."
            )
    return aliases


# How long a request waits on a Redis server before it is answered 503 (it answers in a millisecond).
CACHE_SOCKET_TIMEOUT = env_int("CACHE_SOCKET_TIMEOUT_MS", 500, minimum=50, maximum=5000) / 1000
# A post under an Idempotency-Key holds its key this long at most (advisor/idempotency.py): a retry after that, which
# finds no assessment stored by the first post, takes the key over. Longer than any post takes, its server's
# timeouts included (gunicorn's and nginx's 30 s).
IDEMPOTENCY_PENDING_SECONDS = env_int("IDEMPOTENCY_PENDING_SECONDS", 60, minimum=5, maximum=3600)

# Each job its own cache, so one can never push the other's entries out.
CACHES = {
    # Django's default, for anything that asks for a cache without naming one; the site itself names its
    # cache for each job below.
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "advisor-default"},
    # Rendered parts of pages and the catalogue, in each process's memory. Their keys carry the content
    # version (advisor/catalogue.py), which every edit changes, so what an edit made stale is never read
    # again, on any worker; nothing here needs to be shared. Old versions age out (least recently used).
    "fragments": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "advisor-fragments",
        "TIMEOUT": 24 * 3600,
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
    # The rate-limit counters (advisor/protect/ratelimit.py) and each Idempotency-Key's assessment id and body
    # digest (advisor/idempotency.py), when they live on Redis.
    **shared_stores(os.environ.get("CACHE_URL", ""), os.environ.get("IDEMPOTENCY_CACHE_URL", "")),
}


# --- HTTPS, cookies and headers -------------------------------------------------------------------------------

# Behind a proxy that terminates TLS, opt in to trusting its X-Forwarded-Proto header. Never enable this
# unless the proxy always sets (or strips) the header, or anyone could claim their request was HTTPS.
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# How many proxies of our own stand in front of the app (0: clients connect directly). The client address
# for rate limits and admin lockouts is taken that many hops from the right of X-Forwarded-For.
PROXY_COUNT = env_int("DJANGO_PROXY_COUNT", 0, maximum=10)

SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# Health probes come over plain HTTP from inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 365 * 86400)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", True)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

_secure_cookies = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
SESSION_COOKIE_SECURE = _secure_cookies
CSRF_COOKIE_SECURE = _secure_cookies
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # no script on the site reads it; forms carry the token
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
if not DEBUG:
    # "__Host-" cookies are refused by browsers unless Secure, host-only and for the whole site.
    SESSION_COOKIE_NAME = "__Host-sessionid" if _secure_cookies else "sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken" if _secure_cookies else "csrftoken"

# The site has no inline script or style, and keeps it so: everything comes from its own static files.
# Bootstrap's stylesheet draws form controls with data: SVG images. The admin needs its own scripts.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [NONE],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "manifest-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [NONE],
        "object-src": [NONE],
    },
}

# The largest request body each route takes, set here once: the front door (nginx, config/frontdoor.py writes
# its client_max_body_size per location from this) and Django (advisor.middleware.BodyLimitMiddleware, by
# Content-Length, before anything reads the body) refuse a larger one with a 413. The longest matching
# path prefix wins. No route takes files; the largest real form is a few kB.
REQUEST_BODY_LIMITS = {"/api/": 64 * 1024, "/": 256 * 1024}
# Django's own check on form fields, as a last line: the largest of the limits above. Under it, Django never
# spools a body to disk (FILE_UPLOAD_MAX_MEMORY_SIZE, 2.5 MB).
DATA_UPLOAD_MAX_MEMORY_SIZE = max(REQUEST_BODY_LIMITS.values())

# The front door (`make prod`, docker-compose.yml): nginx in front of gunicorn, its configuration written
# from deploy/nginx.conf.template and these values by config/frontdoor.py. Seconds unless said otherwise.
FRONT_DOOR = {
    # A request's head (request line and headers) must arrive within this, and fit in
    # HEAD_BUFFERS buffers of HEAD_BUFFER_KB each (one header line at most one buffer): else 408 or 431.
    "HEADER_TIMEOUT": env_int("FRONTDOOR_HEADER_TIMEOUT", 10, minimum=1, maximum=300),
    "HEAD_BUFFER_KB": env_int("FRONTDOOR_HEAD_BUFFER_KB", 8, minimum=1, maximum=64),
    "HEAD_BUFFERS": env_int("FRONTDOOR_HEAD_BUFFERS", 4, minimum=2, maximum=16),
    # The most time between two reads of a body, and between two writes of an answer.
    "BODY_TIMEOUT": env_int("FRONTDOOR_BODY_TIMEOUT", 10, minimum=1, maximum=300),
    "SEND_TIMEOUT": env_int("FRONTDOOR_SEND_TIMEOUT", 30, minimum=1, maximum=600),
    # How long a kept-alive connection may sit idle between requests.
    "IDLE_TIMEOUT": env_int("FRONTDOOR_IDLE_TIMEOUT", 15, minimum=1, maximum=300),
    # Sign-in posts to the admin per client address and minute, with a burst of this many beyond that pace,
    # counted by nginx before Django (and any password hashing) sees them; more get a 429.
    "SIGNIN_PER_MINUTE": env_int("FRONTDOOR_SIGNIN_PER_MINUTE", 6, minimum=1, maximum=600),
    "SIGNIN_BURST": env_int("FRONTDOOR_SIGNIN_BURST", 4, minimum=0, maximum=100),
    # Connections each nginx worker holds at most, idle ones included.
    "CONNECTIONS": env_int("FRONTDOOR_CONNECTIONS", 1024, minimum=64, maximum=65536),
}


# --- Abuse protection -----------------------------------------------------------------------------------------

# Per client address, counted in the shared cache so the limits hold across all workers and servers.
RATELIMIT_ENABLE = env_bool("RATELIMIT_ENABLE", True)
RATELIMITS = {
    "assessments": env_rate("RATELIMIT_ASSESSMENTS", "30/10m"),
    "api": env_rate("RATELIMIT_API", "60/10m"),
    "comments": env_rate("RATELIMIT_COMMENTS", "5/10m"),
}

# A comment sent sooner than this after the page was served is from a program, not a person. 0 turns it off.
COMMENT_MIN_SECONDS = env_int("COMMENT_MIN_SECONDS", 3, maximum=600)
# ...and one sent later than this after the page was served has expired (a person sends it again, with a
# fresh time): a program cannot fetch the form once and reuse its token for ever.
COMMENT_MAX_HOURS = env_int("COMMENT_MAX_HOURS", 24, minimum=1, maximum=24 * 30)

# django-axes: lock out an admin sign-in after repeated failures, per user name and client (its address, or
# its /64 for IPv6, as the rate limits count clients).
AXES_FAILURE_LIMIT = env_int("DJANGO_ADMIN_LOGIN_FAILURES", 5, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("DJANGO_ADMIN_LOCKOUT_MINUTES", 30, minimum=1))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "advisor.protect.ratelimit.admin_locked_out"
AXES_CLIENT_IP_CALLABLE = "advisor.protect.ratelimit.client_network"
# Admin sign-in posts checked at once in each worker process (each costs about a second of password hashing on
# one of its GUNICORN_THREADS); more are answered 503 with Retry-After before any hashing.
SIGNIN_CONCURRENCY = env_int("DJANGO_SIGNIN_CONCURRENCY", 1, minimum=1, maximum=64)
AXES_DISABLE_ACCESS_LOG = True  # no record of successful sign-ins with their addresses
AXES_VERBOSE = False

# Staff's second factor (advisor/protect/twofactor.py): after the password, a code from an authenticator app or a
# recovery code, before any admin page. Always on when DEBUG is off; optional in local development.
ADVISOR_REQUIRE_2FA = env_bool("ADVISOR_REQUIRE_2FA", not DEBUG)
if not DEBUG and not ADVISOR_REQUIRE_2FA:
    raise ImproperlyConfigured(
        "ADVISOR_REQUIRE_2FA cannot be off when DJANGO_DEBUG is off: staff sign in with a second factor."
    )
# The name an authenticator app shows beside the account.
OTP_TOTP_ISSUER = os.environ.get("ADVISOR_OTP_ISSUER", "").strip() or "advisor"


# --- Privacy --------------------------------------------------------------------------------------------------

# `manage.py purge_assessments` deletes assessments older than this; run it daily (cron, a scheduled task).
ASSESSMENT_RETENTION_DAYS = env_int("ASSESSMENT_RETENTION_DAYS", 365, minimum=1)


# --- The rest -------------------------------------------------------------------------------------------------

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": os.environ.get(
            "DJANGO_STATICFILES_STORAGE", "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Where the admin lives; a deployment may move it away from the well-known address.
_admin_url = os.environ.get("DJANGO_ADMIN_URL", "admin/").strip().strip("/")
if not re.fullmatch(r"[A-Za-z0-9._~-]+(/[A-Za-z0-9._~-]+)*", _admin_url) or {".", ".."} & set(_admin_url.split("/")):
    raise ImproperlyConfigured(
        "DJANGO_ADMIN_URL must be a path such as staff-area/ made of letters, digits, '-', '_', '.' and '~'; "
        f"got {os.environ.get('DJANGO_ADMIN_URL')!r}."
    )
ADMIN_URL = _admin_url + "/"

_LOG_LEVELS = {"DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"}
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "INFO").strip().upper()
if LOG_LEVEL not in _LOG_LEVELS:
    raise ImproperlyConfigured(f"DJANGO_LOG_LEVEL must be one of {', '.join(sorted(_LOG_LEVELS))}; got {LOG_LEVEL!r}.")

# Everything to stdout, one line per event, with email addresses, client addresses and assessment ids
# masked whatever logger wrote them. Request lines come from advisor.middleware.RequestLogMiddleware.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"redact": {"()": "config.logfilters.RedactPersonalData"}},
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "stdout": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stdout",
            "formatter": "plain",
            "filters": ["redact"],
        },
        "null": {"class": "logging.NullHandler"},
    },
    "root": {"handlers": ["stdout"], "level": LOG_LEVEL},
    # One line per event: Django's own console handler would print request warnings a second time.
    "loggers": {
        "django": {"handlers": ["stdout"], "level": "INFO", "propagate": False},
        # Scanners send any Host header; the request line already shows the 400, the traceback is noise.
        "django.security.DisallowedHost": {"handlers": ["null"], "propagate": False},
    },
}
