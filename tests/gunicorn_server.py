"""A real gunicorn serving the site on a throwaway database, for the tests that need separate processes.

Used by the concurrency, cross-worker rate-limit, log-privacy and health-check tests. The database is a
fresh SQLite file, or, when the suite itself runs on PostgreSQL (DATABASE_URL=postgres://...), a fresh
database on the same server. Ports come from the security helper's range, 8200-8299.
"""

from __future__ import annotations

import atexit
import functools
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
PORTS = range(8200, 8300)

# Variables a developer or CI may have set that would change what these servers do.
_OWN_PREFIXES = ("DJANGO_", "RATELIMIT_", "COMMENT_", "ASSESSMENT_", "WEB_CONCURRENCY", "GUNICORN_", "FRONTDOOR_")
_SECRET = "test-only-" + "k" * 60


def base_env(**extra: str) -> dict[str, str]:
    """The environment of a production-like deployment on plain HTTP, without anything this shell set."""
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(_OWN_PREFIXES) and k not in ("DATABASE_URL", "CACHE_URL")
    }
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": _SECRET,
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_SECURE_HSTS_SECONDS": "0",
            "PYTHONUNBUFFERED": "1",
        }
    )
    env.update(extra)
    return env


def _postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://", "pgsql://")) else None


def _with_database(url: str, name: str) -> str:
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, "/" + name, parts.query, parts.fragment))


def _postgres_admin(url: str):
    import psycopg

    parts = urlsplit(url)
    return psycopg.connect(
        host=parts.hostname or None,
        port=parts.port or None,
        user=parts.username or None,
        password=parts.password or None,
        dbname="postgres",
        autocommit=True,
    )


def new_database() -> str:
    """A DATABASE_URL for an empty database that is dropped when the test run ends."""
    pg = _postgres_url()
    if pg:
        name = f"advisor_t_{uuid.uuid4().hex[:10]}"
        with _postgres_admin(pg) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')

        def drop() -> None:
            with _postgres_admin(pg) as conn:
                conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        atexit.register(drop)
        return _with_database(pg, name)
    folder = tempfile.mkdtemp(prefix="advisor-db-")
    atexit.register(shutil.rmtree, folder, True)
    return f"sqlite:///{folder}/db.sqlite3"


@functools.lru_cache(maxsize=1)
def collected_static() -> None:
    """Collect the static files once per run, as `make run` and the Docker build do.

    With DEBUG off the site names its static files by their hashed names, read from staticfiles/; a fresh
    clone has none yet, and every page would fail with "Missing staticfiles manifest entry".
    """
    result = subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=ROOT,
        env=base_env(),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def manage(database_url: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**base_env(DATABASE_URL=database_url), **(env or {})},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def migrated_database() -> str:
    """A fresh database with every migration applied (so the seeded catalogue is there)."""
    url = new_database()
    result = manage(url, "migrate", "--noinput")
    assert result.returncode == 0, result.stderr
    return url


@functools.lru_cache(maxsize=1)
def shared_migrated_database() -> str:
    """One migrated database for every test in this run that only adds rows and counts its own."""
    return migrated_database()


def query(database_url: str, sql: str) -> list[tuple]:
    """Run one read-only query against a database this module made."""
    if database_url.startswith("sqlite:///"):
        import sqlite3

        with sqlite3.connect(database_url[len("sqlite:///") :]) as conn:
            return list(conn.execute(sql))
    import psycopg

    parts = urlsplit(database_url)
    with psycopg.connect(
        host=parts.hostname or None,
        port=parts.port or None,
        user=parts.username or None,
        password=parts.password or None,
        dbname=parts.path.lstrip("/"),
    ) as conn:
        return list(conn.execute(sql))


def count(database_url: str, table: str) -> int:
    return query(database_url, f"SELECT COUNT(*) FROM {table}")[0][0]


def free_port() -> int:
    for port in PORTS:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("No free port in 8200-8299.")


class Gunicorn:
    """`with Gunicorn(url, workers=4) as server:` serves the site until the block ends; server.log is its output."""

    def __init__(
        self, database_url: str, *, workers: int = 3, env: dict[str, str] | None = None, args: list[str] | None = None
    ) -> None:
        self.database_url = database_url
        self.workers = workers
        self.env = env or {}
        self.args = args
        self.folder = Path(tempfile.mkdtemp(prefix="advisor-gunicorn-"))
        self.log_path = self.folder / "server.log"
        self.port = 0
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Gunicorn:
        collected_static()
        self.port = free_port()
        args = self.args or ["config.wsgi:application", "--config", "config/gunicorn.conf.py"]
        command = [
            sys.executable,
            "-m",
            "gunicorn",
            *args,
            "--bind",
            f"127.0.0.1:{self.port}",
            "--workers",
            str(self.workers),
            "--pid",
            str(self.folder / "gunicorn.pid"),
        ]
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                command,
                cwd=ROOT,
                env=base_env(DATABASE_URL=self.database_url, **self.env),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        for _ in range(300):  # about a minute: each try waits up to 0.2 s for gunicorn to stop
            try:
                if self.request("GET", "/readyz")[0] == 200:
                    return self
            except OSError:
                pass
            try:
                self.process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                continue  # still starting
            raise RuntimeError(f"gunicorn stopped at start:\n{self.log}")
        self.stop()
        raise RuntimeError(f"gunicorn did not answer within 60 s:\n{self.log}")

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # gunicorn's own graceful stop; its workers follow
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    @property
    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def request(
        self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()
