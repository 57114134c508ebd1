"""The real site under gunicorn with 2 workers, DEBUG off, on a SQLite file of its own, for tests that need
several processes (caches shared or checked across workers) or production static-file handling.

`GunicornSite` migrates a fresh database, starts gunicorn with the project's config/gunicorn.conf.py on a
free port in the perf range (8300-8399) and stops exactly that process afterwards. The application is
config.wsgi's, wrapped by tests/wsgi_worker_pid.py only to name the answering worker in a header, so a
test can tell the two workers apart. `manage(code)` runs Python against the same database in a separate
process, as an admin edit on another server would.
"""
from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def _free_port() -> int:
    for port in range(8390, 8300, -1):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port between 8301 and 8390")


@dataclass
class Response:
    status: int
    headers: dict[str, str]
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    @property
    def worker(self) -> str:
        return self.headers["x-worker-pid"]


@dataclass
class GunicornSite:
    workers: int = 2
    folder: Path = field(default_factory=lambda: Path(tempfile.mkdtemp(prefix="advisor-gunicorn-")))

    def __post_init__(self) -> None:
        self.port = _free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"sqlite:///{self.folder / 'db.sqlite3'}",
            # Plain HTTP on the loopback: no redirect to HTTPS, no Secure-only cookies, no rate limits.
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "RATELIMIT_ENABLE": "0",
            "DJANGO_LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
        }
        self.process: subprocess.Popen | None = None

    def start(self) -> GunicornSite:
        subprocess.run([str(BIN / "python"), "manage.py", "migrate", "--noinput", "--verbosity", "0"],
                       cwd=ROOT, env=self.env, check=True)
        self.log = open(self.folder / "gunicorn.log", "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [str(BIN / "gunicorn"), "tests.wsgi_worker_pid:application", "--config", "config/gunicorn.conf.py",
             "--bind", f"127.0.0.1:{self.port}", "--workers", str(self.workers), "--max-requests", "0",
             "--pid", str(self.folder / "gunicorn.pid")],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped at start-up:\n{(self.folder / 'gunicorn.log').read_text()}")
            try:
                if self.get("/healthz").status == 200:
                    return self
            except OSError:
                time.sleep(0.2)
        self.stop()
        raise RuntimeError("gunicorn did not answer within 30 seconds")

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if self.process is not None:
            self.log.close()

    def request(self, path: str, *, method: str = "GET", data: bytes | None = None,
                headers: dict[str, str] | None = None) -> Response:
        request = urllib.request.Request(self.base + path, data=data, method=method, headers=headers or {})
        opener = urllib.request.build_opener(_NoRedirect)
        try:
            with opener.open(request, timeout=20) as response:
                return Response(response.status, {k.lower(): v for k, v in response.headers.items()}, response.read())
        except urllib.error.HTTPError as error:
            return Response(error.code, {k.lower(): v for k, v in error.headers.items()}, error.read())

    def get(self, path: str, **headers: str) -> Response:
        return self.request(path, headers=headers)

    def manage(self, code: str) -> str:
        """Run Python with Django set up against this site's database, in a process of its own."""
        out = subprocess.run([str(BIN / "python"), "manage.py", "shell", "-c", code], cwd=ROOT, env=self.env,
                             check=True, capture_output=True, text=True)
        return out.stdout


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
