"""Two app servers behind the proxy, as `make prod SERVERS=2` runs them, on a PostgreSQL server and a Redis server of
the test's own (Debian's packages, throwaway data folders), which the test may stop and start.

For tests/test_several_servers.py. The same launcher as the Makefile's recipe (`python -m config.frontdoor run
--servers 2 --migrate`), with the environment of tests/gunicorn_server.py (production settings on plain HTTP) and
the app servers running tests/wsgi_several_servers.py: the site unchanged, with a header naming the worker process
that answered, so a test can tell which server behind the proxy answered. Ports come from 8400-8499, as for
tests/prod_server.py.
"""

from __future__ import annotations

import contextlib
import glob
import http.client
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from config.frontdoor import find_nginx
from tests.gunicorn_server import ROOT, base_env, collected_static
from tests.prod_server import COMMAND, PORTS


def _missing(message: str) -> None:
    if os.environ.get("CI"):
        raise RuntimeError(message)  # nothing skips in CI
    pytest.skip(message)


def _free_ports(count: int, ports: range = PORTS) -> list[int]:
    """`count` ports of `ports` nothing listens on (each held while the next is found, so all differ)."""
    held: list[socket.socket] = []
    try:
        for port in ports:
            probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                probe.close()
                continue
            held.append(probe)
            if len(held) == count:
                return [sock.getsockname()[1] for sock in held]
        raise RuntimeError(f"Fewer than {count} free ports in {ports.start}-{ports.stop - 1}.")
    finally:
        for sock in held:
            sock.close()


class Postgres:
    """A throwaway PostgreSQL server (as .ci/with-postgres starts one), with a database "advisor"; restartable."""

    def __init__(self) -> None:
        folders = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(re.sub(r"\D", "", p) or 0))
        self.bin = Path(os.environ.get("PG_BIN") or (folders[-1] if folders else "/nonexistent"))
        if not (self.bin / "initdb").exists():
            _missing("no PostgreSQL server binaries (`apt-get install postgresql`; .ci/run installs them)")
        self.folder = Path(tempfile.mkdtemp(prefix="advisor-pg-"))
        self.as_server: list[str] = []
        if os.getuid() == 0:  # PostgreSQL refuses to run as root
            try:
                pwd.getpwnam("postgres")
            except KeyError:
                subprocess.run(["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "postgres"])
            shutil.chown(self.folder, "postgres")
            self.as_server = ["runuser", "-u", "postgres", "--"]
        self.data = self.folder / "data"
        (self.port,) = _free_ports(1, range(5440, 5540))
        self._run("initdb", "-D", str(self.data), "-U", "postgres", "-A", "trust", "-E", "UTF8", "--no-sync")
        self.start()
        self._run("createdb", "-h", "127.0.0.1", "-p", str(self.port), "-U", "postgres", "advisor")
        self.url = f"postgres://postgres@127.0.0.1:{self.port}/advisor"

    def _run(self, program: str, *args: str) -> None:
        done = subprocess.run(
            [*self.as_server, str(self.bin / program), *args], capture_output=True, text=True, timeout=120
        )
        assert done.returncode == 0, f"{program} {args}: {done.stdout}{done.stderr}{self.log}"

    @property
    def log(self) -> str:
        path = self.folder / "server.log"
        return path.read_text(errors="replace")[-3000:] if path.exists() else ""

    def start(self) -> None:
        # Durability is pointless for a server removed in a minute: off, for speed (as .ci/with-postgres).
        options = (
            f"-p {self.port} -k {self.folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off"
        )
        log = str(self.folder / "server.log")
        self._run("pg_ctl", "-D", str(self.data), "-l", log, "-w", "-t", "60", "start", "-o", options)

    def stop(self) -> None:
        """A fast shutdown: every session is ended at once, as when the server is restarted."""
        self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "-t", "60", "stop")

    def remove(self) -> None:
        subprocess.run(
            [*self.as_server, str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop"],
            capture_output=True,
            check=False,
        )
        shutil.rmtree(self.folder, ignore_errors=True)


class Redis:
    """A throwaway redis-server on a port of its own, nothing saved, never evicting (as production must run it);
    stopped and started again on the same port."""

    def __init__(self) -> None:
        self.binary = shutil.which("redis-server")
        if self.binary is None:
            _missing("no redis-server (`apt-get install redis-server`; .ci/run installs it)")
        (self.port,) = _free_ports(1, range(6400, 6500))
        self.process: subprocess.Popen | None = None
        self.start()

    def url(self, database: int = 0) -> str:
        return f"redis://127.0.0.1:{self.port}/{database}"

    def start(self) -> None:
        import redis

        self.process = subprocess.Popen(
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]
            + ["--maxmemory-policy", "noeviction"],
            stdout=subprocess.DEVNULL,
        )
        client = redis.Redis(port=self.port, socket_timeout=5)
        for _ in range(500):  # up to 5 s to start
            try:
                client.ping()
                return
            except redis.ConnectionError:
                time.sleep(0.01)
        raise RuntimeError("redis-server did not start")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    server: int | None  # which app server answered (1 or 2), None when the proxy answered itself
    sent: float = 0.0  # time.monotonic() when the request was sent

    def json(self):
        return json.loads(self.body)

    @property
    def text(self) -> str:
        return self.body.decode(errors="replace")


class Cluster:
    """`with Cluster(database_url, cache_url, env={...}) as site:` runs the launcher with two app servers until the
    block ends; site.log is the output of nginx and both servers."""

    def __init__(self, database_url: str, cache_url: str, *, env: dict[str, str] | None = None) -> None:
        self.database_url = database_url
        self.env = {"CACHE_URL": cache_url, **(env or {})}
        self.folder = Path(tempfile.mkdtemp(prefix="advisor-cluster-"))
        self.log_path = self.folder / "server.log"
        self.process: subprocess.Popen | None = None
        self.masters: dict[int, int] = {}  # server number -> its gunicorn master's pid (its process group)
        self._servers_of: dict[int, int] = {}

    def __enter__(self) -> Cluster:
        if find_nginx() is None:
            _missing("nginx is not installed: `apt-get install nginx` (.ci/run installs it)")
        collected_static()
        self.port, *self.app_ports = _free_ports(3)
        command = [*COMMAND, "--port", str(self.port), "--servers", "2", "--migrate"]
        command += [
            "--app-ports",
            ",".join(map(str, self.app_ports)),
            "--wsgi",
            "tests.wsgi_several_servers:application",
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
        try:
            return self._wait_until_ready()
        except BaseException:
            self.stop()  # nothing left running, however the start failed
            raise

    def _wait_until_ready(self) -> Cluster:
        assert self.process is not None
        for _ in range(900):  # about three minutes (the migrations first): each try waits up to 0.2 s
            if self._ready():
                self.masters = {
                    int(n): int(pid) for n, pid in re.findall(r"app server (\d) on \S+, process group (\d+)", self.log)
                }
                assert sorted(self.masters) == [1, 2], self.log
                return self
            try:
                self.process.wait(timeout=0.2)
            except subprocess.TimeoutExpired:
                continue
            raise RuntimeError(f"make prod SERVERS=2 stopped at start:\n{self.log[-5000:]}")
        raise RuntimeError(f"make prod SERVERS=2 did not answer within three minutes:\n{self.log[-5000:]}")

    def _ready(self) -> bool:
        try:
            return all(self.direct(port, "GET", "/readyz") == 200 for port in [*self.app_ports, self.port])
        except OSError:
            return False

    def __exit__(self, *exc_info: object) -> None:
        self.stop()
        shutil.rmtree(self.folder, ignore_errors=True)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)  # the launcher stops nginx and the app servers gracefully
            try:
                self.process.wait(timeout=60)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)
        for pid in self.masters.values():  # a server's workers, should its master be gone
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)

    @property
    def log(self) -> str:
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def kill(self, server: int) -> None:
        """kill -9 the app server's whole process group: its gunicorn master and every worker, at once. Returns once
        its port refuses connections (the processes have exited, their sockets closed)."""
        os.killpg(self.masters[server], signal.SIGKILL)
        port = self.app_ports[server - 1]
        for _ in range(1000):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
            except ConnectionRefusedError:
                return
            time.sleep(0.01)
        raise AssertionError(f"app server {server} still accepts connections after kill -9")

    def server_of(self, worker_pid: str | None) -> int | None:
        """The app server a worker belongs to: its parent is that server's gunicorn master."""
        if not worker_pid:
            return None
        pid = int(worker_pid)
        if pid not in self._servers_of:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except FileNotFoundError:  # a worker of a server killed since it answered
                return None
            parent = int(re.search(r"^PPid:\s+(\d+)", status, re.M).group(1))
            self._servers_of[pid] = next(n for n, master in self.masters.items() if master in (pid, parent))
        return self._servers_of[pid]

    def direct(self, port: int, method: str, path: str) -> int:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            conn.request(method, path, headers={"Host": "127.0.0.1"})
            return conn.getresponse().status
        finally:
            conn.close()

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict[str, str] | None = None):
        return Browser(self).request(method, path, body, headers)


@dataclass
class Browser:
    """A client of the site through the proxy, from a loopback address of its own (the rate limits and sign-in
    lockouts count clients by address), keeping its cookies as a browser does."""

    site: Cluster
    source: str = "127.0.0.1"
    cookies: dict[str, str] = field(default_factory=dict)
    signed_in_on: tuple = ()

    def request(
        self,
        method: str,
        path: str,
        body: bytes | None = None,
        headers: dict[str, str] | None = None,
        timeout: float = 60,
    ) -> Answer:
        conn = http.client.HTTPConnection("127.0.0.1", self.site.port, timeout=timeout, source_address=(self.source, 0))
        sent = {"Host": f"127.0.0.1:{self.site.port}", **(headers or {})}
        if self.cookies:
            sent["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.monotonic()
        try:
            conn.request(method, path, body=body, headers=sent)
            response = conn.getresponse()
            data = response.read()
            raw = response.getheaders()
        finally:
            conn.close()
        for name, value in raw:
            if name.lower() == "set-cookie":
                pair = value.split(";", 1)[0]
                key, _, cookie = pair.partition("=")
                if cookie and "max-age=0" not in value.lower():
                    self.cookies[key.strip()] = cookie.strip()
                else:
                    self.cookies.pop(key.strip(), None)
        found = {k.lower(): v for k, v in raw}
        return Answer(response.status, found, data, self.site.server_of(found.get("x-worker-pid")), started)

    def on(self, server: int, method: str, path: str, **kwargs) -> Answer:
        """The request through the proxy, sent again until `server` answers it (only for requests that change
        nothing, or whose repeats change nothing: the proxy shares requests between the servers in turn)."""
        for _ in range(10):
            answer = self.request(method, path, **kwargs)
            if answer.server == server:
                return answer
        raise AssertionError(f"app server {server} answered none of 10 requests for {path}")

    def form(self, path: str, fields: dict[str, str]) -> Answer:
        """GET the page with the form, then POST the fields with its CSRF token, as a browser does."""
        page = self.request("GET", path)
        assert page.status == 200, (page.status, page.text[:300])
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)
        return self.post_form(path, {"csrfmiddlewaretoken": token, **fields})

    def post_form(self, path: str, fields: dict[str, str]) -> Answer:
        from urllib.parse import urlencode

        origin = f"http://127.0.0.1:{self.site.port}"
        headers = {"Content-Type": "application/x-www-form-urlencoded", "Origin": origin, "Referer": origin + path}
        return self.request("POST", path, urlencode(fields).encode(), headers)

    def api_post(self, answers: dict, key: str | None = None) -> Answer:
        headers = {"Content-Type": "application/json", **({"Idempotency-Key": key} if key else {})}
        return self.request("POST", "/api/assessments/", json.dumps(answers).encode(), headers)


def manage_shell(database_url: str, code: str, env: dict[str, str]) -> str:
    """Run Python in `manage.py shell` against the database (as a member of staff at a console would)."""
    done = subprocess.run(
        [sys.executable, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=base_env(DATABASE_URL=database_url, **env),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout
