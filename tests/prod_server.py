"""The site as `make prod` serves it (nginx in front of gunicorn, config/frontdoor.py), on a throwaway database.

For the front door's tests (tests/test_frontdoor.py). The same command line as the Makefile's `prod` recipe,
with the environment of tests/gunicorn_server.py (production settings on plain HTTP) and whatever a test adds to
scale the limits down (FRONTDOOR_*, GUNICORN_CMD_ARGS, ...). Ports come from 8400-8499, away from the other
real servers' range, and the server found there must be our nginx.
"""

from __future__ import annotations

import http.client
import os
import signal
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from config.frontdoor import find_nginx
from tests.gunicorn_server import ROOT, base_env, collected_static

PORTS = range(8400, 8500)

COMMAND = [sys.executable, "-m", "config.frontdoor", "run"]


def _free_port() -> int:
    for port in PORTS:
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("No free port in 8400-8499.")


class Prod:
    """`with Prod(url, env={...}) as site:` serves the site through nginx until the block ends; site.log is the
    output of both nginx and gunicorn."""

    def __init__(self, database_url: str, *, env: dict[str, str] | None = None) -> None:
        self.database_url = database_url
        self.env = {"WEB_CONCURRENCY": "2", **(env or {})}
        self.folder = Path(tempfile.mkdtemp(prefix="advisor-prod-"))
        self.log_path = self.folder / "server.log"
        self.port = 0
        self.process: subprocess.Popen | None = None

    def __enter__(self) -> Prod:
        if find_nginx() is None:
            message = "nginx is not installed: `apt-get install nginx` (.ci/run installs it)."
            if os.environ.get("CI"):
                raise RuntimeError(message)  # nothing skips in CI
            pytest.skip(message)
        collected_static()
        self.port = _free_port()
        with open(self.log_path, "wb") as log:
            self.process = subprocess.Popen(
                [*COMMAND, "--port", str(self.port)],
                cwd=ROOT,
                env=base_env(DATABASE_URL=self.database_url, **self.env),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        for _ in range(300):  # about a minute: each try waits up to 0.2 s for the launcher to stop
            try:
                if self.request("GET", "/readyz")[0] == 200:
                    server = self.request("GET", "/healthz")[1].get("server")
                    if server != "nginx":
                        self.stop()
                        raise RuntimeError(f"Port {self.port} is served by something else ({server!r}).")
                    return self
            except OSError:
                pass
            try:
                self.process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                continue
            raise RuntimeError(f"make prod stopped at start:\n{self.log}")
        self.stop()
        raise RuntimeError(f"make prod did not answer within 60 s:\n{self.log}")

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # the launcher stops nginx and gunicorn gracefully
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)

    @property
    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def connect(self, timeout: float = 10.0) -> socket.socket:
        return socket.create_connection(("127.0.0.1", self.port), timeout=timeout)

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=headers or {})
            response = conn.getresponse()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read()
        finally:
            conn.close()
