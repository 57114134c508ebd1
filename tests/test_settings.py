"""config/settings.py: safe defaults, production settings that pass Django's deployment checks, and
start-up that stops with a clear message on a malformed value."""

from __future__ import annotations

import os
import runpy
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from tests.gunicorn_server import ROOT, base_env

SETTINGS = str(ROOT / "config" / "settings.py")
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-real-deployment-would-use-secrets-token-urlsafe-64-" + "x" * 20,
    "DJANGO_ALLOWED_HOSTS": "advisor.example.org",
}
_OURS = ("DJANGO_", "DATABASE_URL", "CACHE_", "IDEMPOTENCY_", "RATELIMIT_", "COMMENT_", "ASSESSMENT_", "ADVISOR_")


def load_settings(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict:
    """Evaluate config/settings.py afresh under exactly `env` (plus whatever else the shell has)."""
    for name in list(os.environ):
        if name.startswith(_OURS):
            monkeypatch.delenv(name)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(SETTINGS)


def test_nothing_set_gives_a_local_site_that_make_run_can_serve(monkeypatch):
    s = load_settings(monkeypatch)
    assert s["DEBUG"] is True
    assert s["DATABASES"]["default"]["ENGINE"] == "django.db.backends.sqlite3"
    assert s["DATABASES"]["default"]["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "ratelimit" not in s["CACHES"] and "idempotency" not in s["CACHES"]  # the database's own tables
    assert s["SECURE_SSL_REDIRECT"] is False  # `make run` serves plain http://127.0.0.1:8000
    assert s["SESSION_COOKIE_SECURE"] is False
    assert s["RATELIMIT_ENABLE"] is True
    assert s["ADMIN_URL"] == "admin/"
    assert s["ADVISOR_REQUIRE_2FA"] is False  # local development: the second factor is optional


def test_production_settings_turn_on_https_hsts_and_secure_cookies(monkeypatch):
    s = load_settings(monkeypatch, **PRODUCTION)
    assert s["DEBUG"] is False
    assert s["SECURE_SSL_REDIRECT"] is True
    assert s["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert s["SESSION_COOKIE_SECURE"] and s["CSRF_COOKIE_SECURE"]
    assert s["SESSION_COOKIE_HTTPONLY"] and s["CSRF_COOKIE_HTTPONLY"]
    assert s["CSRF_COOKIE_NAME"].startswith("__Host-")
    assert "SECURE_PROXY_SSL_HEADER" not in s  # trusting a proxy's header is opt-in
    assert s["ADVISOR_REQUIRE_2FA"] is True


def test_proxy_ssl_header_is_trusted_only_when_asked(monkeypatch):
    s = load_settings(monkeypatch, **PRODUCTION, DJANGO_SECURE_PROXY_SSL_HEADER="1", DJANGO_PROXY_COUNT="1")
    assert s["SECURE_PROXY_SSL_HEADER"] == ("HTTP_X_FORWARDED_PROTO", "https")
    assert s["PROXY_COUNT"] == 1


@pytest.mark.parametrize("url", ["", "db://", "db://advisor_cache"])
def test_the_rate_limit_counters_are_kept_in_the_database_unless_redis_is_named(monkeypatch, url):
    """In the table of advisor.store_models.RateCount (db://TABLE, which once named a cache table, means the same)."""
    assert "ratelimit" not in load_settings(monkeypatch, CACHE_URL=url)["CACHES"]


def test_a_redis_cache_url_puts_the_counters_in_django_s_own_redis_cache(monkeypatch):
    counters = load_settings(monkeypatch, CACHE_URL="redis://cache:6379/0")["CACHES"]["ratelimit"]
    assert (counters["BACKEND"], counters["LOCATION"]) == (
        "django.core.cache.backends.redis.RedisCache",
        "redis://cache:6379/0",
    )


@pytest.mark.parametrize(
    ("env", "aliases"),
    [
        ({}, set()),
        ({"CACHE_URL": "redis://cache:6379/0"}, {"ratelimit"}),
        ({"IDEMPOTENCY_CACHE_URL": "rediss://keys:6380/0"}, {"idempotency"}),
        (
            {"CACHE_URL": "redis://cache:6379/0", "IDEMPOTENCY_CACHE_URL": "redis://keys:6379/0"},
            {"ratelimit", "idempotency"},
        ),
    ],
)
def test_idempotency_keys_have_a_store_of_their_own_never_the_counters(monkeypatch, env, aliases):
    """Each job its own table in the database, or its own Redis server."""
    caches = load_settings(monkeypatch, **env)["CACHES"]
    assert {alias for alias in caches if alias in ("ratelimit", "idempotency")} == aliases
    if aliases == {"ratelimit", "idempotency"}:
        assert caches["idempotency"]["LOCATION"] != caches["ratelimit"]["LOCATION"]


def test_redis_stores_wait_half_a_second_at_most(monkeypatch):
    redis = load_settings(monkeypatch, CACHE_URL="redis://cache:6379/0")["CACHES"]["ratelimit"]["OPTIONS"]
    assert redis == {"socket_timeout": 0.5, "socket_connect_timeout": 0.5}
    keys = load_settings(monkeypatch, IDEMPOTENCY_CACHE_URL="redis://keys:6379/0", CACHE_SOCKET_TIMEOUT_MS="200")
    assert keys["CACHES"]["idempotency"]["OPTIONS"] == {"socket_timeout": 0.2, "socket_connect_timeout": 0.2}


def test_rates_are_read_from_the_environment(monkeypatch):
    s = load_settings(
        monkeypatch,
        RATELIMIT_ASSESSMENTS="7/15m",
        RATELIMIT_API="100/h",
        RATELIMIT_COMMENTS="2/1d",
        RATELIMIT_ENABLE="0",
    )
    assert s["RATELIMITS"] == {
        "assessments": (7, 900),
        "api": (100, 3600),
        "comments": (2, 86400),
    }
    assert s["RATELIMIT_ENABLE"] is False


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({"DJANGO_DEBUG": "maybe"}, "DJANGO_DEBUG"),
        ({"DJANGO_ALLOWED_HOSTS": "a.example,,b.example"}, "DJANGO_ALLOWED_HOSTS"),
        ({"DATABASE_URL": "nonsense://x"}, "DATABASE_URL"),
        ({"DATABASE_URL": "sqlite:////tmp/x.db", "DJANGO_CONN_MAX_AGE": "a minute"}, "DJANGO_CONN_MAX_AGE"),
        ({"CACHE_URL": "ftp://cache"}, "CACHE_URL"),
        ({"CACHE_URL": "db://drop table;"}, "CACHE_URL"),
        ({"CACHE_URL": "memcached://mc:11211"}, "CACHE_URL"),
        ({"CACHE_URL": "locmem://"}, "CACHE_URL"),
        ({"IDEMPOTENCY_CACHE_URL": "redis://"}, "IDEMPOTENCY_CACHE_URL"),
        (
            {"CACHE_URL": "redis://cache:6379/0", "IDEMPOTENCY_CACHE_URL": "redis://cache:6379/1"},
            "IDEMPOTENCY_CACHE_URL",
        ),
        ({"CACHE_SOCKET_TIMEOUT_MS": "0"}, "CACHE_SOCKET_TIMEOUT_MS"),
        ({"RATELIMIT_ENABLE": "sometimes"}, "RATELIMIT_ENABLE"),
        ({"RATELIMIT_ASSESSMENTS": "lots"}, "RATELIMIT_ASSESSMENTS"),
        ({"RATELIMIT_API": "0/m"}, "RATELIMIT_API"),
        ({"RATELIMIT_COMMENTS": "5 per minute"}, "RATELIMIT_COMMENTS"),
        ({"COMMENT_MIN_SECONDS": "-1"}, "COMMENT_MIN_SECONDS"),
        ({"ASSESSMENT_RETENTION_DAYS": "0"}, "ASSESSMENT_RETENTION_DAYS"),
        ({"ASSESSMENT_RETENTION_DAYS": "a year"}, "ASSESSMENT_RETENTION_DAYS"),
        ({"DJANGO_SECURE_HSTS_SECONDS": "one year"}, "DJANGO_SECURE_HSTS_SECONDS"),
        ({"DJANGO_PROXY_COUNT": "-1"}, "DJANGO_PROXY_COUNT"),
        ({"DJANGO_ADMIN_URL": "../admin"}, "DJANGO_ADMIN_URL"),
        ({"DJANGO_ADMIN_URL": "back office"}, "DJANGO_ADMIN_URL"),
        ({"DJANGO_CSRF_TRUSTED_ORIGINS": "advisor.example.org"}, "DJANGO_CSRF_TRUSTED_ORIGINS"),
        ({"DJANGO_LOG_LEVEL": "LOUD"}, "DJANGO_LOG_LEVEL"),
        ({"DJANGO_ADMIN_LOGIN_FAILURES": "0"}, "DJANGO_ADMIN_LOGIN_FAILURES"),
    ],
)
def test_a_malformed_value_stops_start_up_naming_the_variable(monkeypatch, env, named):
    with pytest.raises(ImproperlyConfigured, match=named):
        load_settings(monkeypatch, **env)


@pytest.mark.parametrize(
    "secret", [None, "", "short-secret", "dev-only-insecure-key-do-not-use-in-production", "ab" * 40]
)
def test_production_refuses_to_start_without_a_real_secret_key(monkeypatch, secret):
    env = {**PRODUCTION}
    del env["DJANGO_SECRET_KEY"]
    if secret is not None:
        env["DJANGO_SECRET_KEY"] = secret
    with pytest.raises(ImproperlyConfigured, match="DJANGO_SECRET_KEY must be set to a random value"):
        load_settings(monkeypatch, **env)


def test_production_refuses_to_start_without_its_host_names(monkeypatch):
    env = {k: v for k, v in PRODUCTION.items() if k != "DJANGO_ALLOWED_HOSTS"}
    with pytest.raises(ImproperlyConfigured, match="DJANGO_ALLOWED_HOSTS must list"):
        load_settings(monkeypatch, **env)


def test_production_refuses_to_start_without_the_second_factor(monkeypatch):
    with pytest.raises(ImproperlyConfigured, match="ADVISOR_REQUIRE_2FA cannot be off when DJANGO_DEBUG is off"):
        load_settings(monkeypatch, **PRODUCTION, ADVISOR_REQUIRE_2FA="0")


def test_local_development_may_ask_for_the_second_factor(monkeypatch):
    assert load_settings(monkeypatch, ADVISOR_REQUIRE_2FA="1")["ADVISOR_REQUIRE_2FA"] is True


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {k: v for k, v in base_env().items() if not k.startswith("DJANGO_")}
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, "DJANGO_SETTINGS_MODULE": "config.settings", **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def test_manage_py_stops_with_the_message_and_no_site():
    result = _manage("check", DJANGO_DEBUG="1", RATELIMIT_API="plenty")
    assert result.returncode != 0
    assert "RATELIMIT_API must look like 20/10m" in result.stderr


def test_deployment_checks_pass_under_production_settings():
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_deployment_checks_would_catch_insecure_cookies():
    """The check above sees our settings: switching one protection off makes it fail."""
    result = _manage("check", "--deploy", "--fail-level", "WARNING", **PRODUCTION, DJANGO_SECURE_COOKIES="0")
    assert result.returncode != 0
    assert "security.W012" in result.stderr + result.stdout


def test_admin_address_follows_the_environment():
    result = _manage(
        "shell",
        "-c",
        "from django.urls import reverse; print(reverse('admin:index'))",
        DJANGO_ADMIN_URL="/back-office/",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("/back-office/")


def load_gunicorn_config(monkeypatch: pytest.MonkeyPatch, **env: str) -> dict:
    monkeypatch.delenv("WEB_CONCURRENCY", raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(Path(ROOT) / "config" / "gunicorn.conf.py"))


def test_gunicorn_config_is_sensible_and_keeps_its_access_log_off(monkeypatch):
    g = load_gunicorn_config(monkeypatch)
    assert 1 <= g["workers"] <= 4
    assert g["timeout"] == 30 and g["graceful_timeout"] <= g["timeout"]
    assert g["max_requests"] > 0  # workers are recycled
    assert g["accesslog"] is None  # Django logs requests without addresses or query strings
    assert g["logconfig_dict"]["loggers"]["gunicorn.access"]["handlers"] == ["null"]
    assert load_gunicorn_config(monkeypatch, WEB_CONCURRENCY="3")["workers"] == 3


def test_gunicorn_config_refuses_a_malformed_worker_count(monkeypatch):
    with pytest.raises(SystemExit, match="WEB_CONCURRENCY must be a whole number"):
        load_gunicorn_config(monkeypatch, WEB_CONCURRENCY="many")
