"""The real site under gunicorn for the cache and static-file tests, on tests/gunicorn_server.py's helpers.

`PerfSite(workers=2)` migrates a fresh database (SQLite, or PostgreSQL when the suite runs on it), serves
it with the project's config/gunicorn.conf.py, DEBUG off, rate limits off, and wraps the application in
tests/wsgi_worker_pid.py only to name the answering worker in a header, so a test can tell the workers
apart. `manage(code)` runs Python against the same database in a separate process, as an admin edit on
another server would.
"""

from __future__ import annotations

from dataclasses import dataclass

from tests.gunicorn_server import Gunicorn, manage, migrated_database


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


class PerfSite:
    def __init__(self, *, workers: int) -> None:
        self.workers = workers
        self.database_url = migrated_database()
        self.server = Gunicorn(
            self.database_url,
            workers=workers,
            env={"RATELIMIT_ENABLE": "0", "DJANGO_LOG_LEVEL": "WARNING"},
            args=["tests.wsgi_worker_pid:application", "--config", "config/gunicorn.conf.py", "--max-requests", "0"],
        )

    def start(self) -> PerfSite:
        self.server.__enter__()
        self.base = f"http://127.0.0.1:{self.server.port}"
        return self

    def stop(self) -> None:
        self.server.stop()

    def request(
        self, path: str, *, method: str = "GET", data: bytes | None = None, headers: dict[str, str] | None = None
    ) -> Response:
        return Response(*self.server.request(method, path, body=data, headers=headers))

    def get(self, path: str, **headers: str) -> Response:
        return self.request(path, headers=headers)

    def manage(self, code: str) -> str:
        """Run Python with Django set up against this site's database, in a process of its own."""
        result = manage(self.database_url, "shell", "-c", code, env={"DJANGO_LOG_LEVEL": "WARNING"})
        assert result.returncode == 0, result.stderr
        return result.stdout
