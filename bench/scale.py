"""`make bench-scale`: the site with a million assessments. A benchmark, not a test: it never fails on speed.

1. A throwaway database: SQLite in bench/.scale/ by default (deleted at the end unless SCALE_KEEP=1), or the
   PostgreSQL database DATABASE_URL names (it must hold no assessments; it is left filled). Migrated, then
   filled with SCALE_ROWS assessments (1,000,000) by bench/fill.py; the time per 100k is reported.
2. gunicorn as `make run` starts it (config/gunicorn.conf.py, its 30 s worker timeout included), production
   settings (DEBUG off), 2 workers, rate limits off, on 127.0.0.1:8310 (SCALE_PORT).
3. Measured over HTTP, signed in as staff: the admin's assessment list, a search and a filter (median and
   worst of 7), a result page and an API POST (median and worst of 20); the CSV export of every assessment
   (time to the first byte of the body, total time, rows, the serving worker's peak resident size) through
   gunicorn, then through Django's ASGI handler in a process of its own (the asynchronous iterator an ASGI
   server such as uvicorn streams), then by `manage.py export_assessments`; then the retention purge of about half
   the rows (`manage.py purge_assessments`: time, its peak resident size, and
   the longest wait of the API POSTs sent one after another meanwhile).
4. A table on screen and everything in bench/scale.json, with the machine it ran on.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import http.client
import json
import os
import secrets
import shutil
import statistics
import string
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(BENCH))
import run  # noqa: E402 - bench/run.py: the environment, the machine, stopping gunicorn

WORK = BENCH / ".scale"
ROWS = int(os.environ.get("SCALE_ROWS", "1000000"))
PORT = int(os.environ.get("SCALE_PORT", "8310"))
BASE = f"http://127.0.0.1:{PORT}"
PYTHON = str(Path(sys.executable))
API_BODY = json.dumps({"industry": "retail", "employees": 12, "incidents_per_month": 2, "backup": "tested"}).encode()

SETUP = """
import json
from django.contrib.auth import get_user_model
from django.contrib.sessions.backends.db import SessionStore
from django.utils import timezone
from advisor.models import Assessment
user = get_user_model().objects.create_superuser("scale-bench", "bench@example.org", None)
session = SessionStore()
session["_auth_user_id"] = str(user.pk)
session["_auth_user_backend"] = "django.contrib.auth.backends.ModelBackend"
session["_auth_user_hash"] = user.get_session_auth_hash()
session.create()
named = Assessment.objects.exclude(organisation_name="").order_by("created_at")[500]
dates = Assessment.objects.order_by("created_at").values_list("created_at", flat=True)
middle = dates[Assessment.objects.count() // 2]
print(json.dumps({"session": session.session_key, "result": named.get_absolute_url(),
                  "search": named.organisation_name[:-3], "any_id": named.pk,
                  "half_days": (timezone.now() - middle).days + 1}))
"""


def environment() -> tuple[dict[str, str], str]:
    env = run.bench_env()
    given = os.environ.get("DATABASE_URL", "").strip()
    if given:
        env["DATABASE_URL"] = given
        return env, "PostgreSQL" if given.startswith("postgres") else given.split(":", 1)[0]
    env["DATABASE_URL"] = f"sqlite:///{WORK / 'scale.sqlite3'}"
    return env, "SQLite"


def manage(env: dict[str, str], *args: str) -> str:
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    ).stdout


def start_server(env: dict[str, str]) -> subprocess.Popen:
    command = [
        str(Path(PYTHON).parent / "gunicorn"),
        "config.wsgi:application",
        "--config",
        "config/gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{PORT}",
        "--workers",
        "2",
        "--max-requests",
        "0",
        "--pid",
        str(WORK / "gunicorn.pid"),
    ]
    if run.gunicorn_supports("--no-control-socket"):
        command.append("--no-control-socket")
    log = open(WORK / "gunicorn.log", "w")  # noqa: SIM115 - closed with the process
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"{BASE}/healthz", timeout=1):
                return server
        except OSError:
            time.sleep(0.2)
    run.stop_server(server)
    raise SystemExit(f"gunicorn did not start; see {WORK / 'gunicorn.log'}")


def workers(server: subprocess.Popen) -> list[int]:
    return [int(pid) for pid in Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()]


def peak_kb(pid: int) -> int:
    """The process's peak resident size so far (VmHWM), in kB."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


class Staff:
    """Requests signed in as the bench's superuser, with a CSRF token of its own for the admin's POSTs."""

    def __init__(self, session: str) -> None:
        self.csrf = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
        self.cookie = f"sessionid={session}; csrftoken={self.csrf}"

    def open(self, path: str, data: dict | None = None, timeout: float = 600):
        body = (
            None
            if data is None
            else urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.csrf}, doseq=True).encode()
        )
        request = urllib.request.Request(BASE + path, data=body, headers={"Cookie": self.cookie})
        return urllib.request.urlopen(request, timeout=timeout)

    def timed(self, path: str, times: int = 7) -> dict:
        spent = []
        for _ in range(times):
            started = time.perf_counter()
            with self.open(path) as response:
                response.read()
                assert response.status == 200, (path, response.status)
            spent.append((time.perf_counter() - started) * 1000)
        return {"median_ms": round(statistics.median(spent), 1), "worst_ms": round(max(spent), 1), "runs": times}


def timed_post(times: int = 20) -> dict:
    spent = []
    for _ in range(times):
        spent.append(api_post())
    return {"median_ms": round(statistics.median(spent), 1), "worst_ms": round(max(spent), 1), "runs": times}


def api_post() -> float:
    started = time.perf_counter()
    request = urllib.request.Request(
        f"{BASE}/api/assessments/", data=API_BODY, headers={"Content-Type": "application/json"}
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        response.read()
        assert response.status == 201, response.status
    return (time.perf_counter() - started) * 1000


def export(staff: Staff, server: subprocess.Popen, any_id: int, rows_expected: int) -> dict:
    before = {pid: peak_kb(pid) for pid in workers(server)}
    started = time.perf_counter()
    first = None
    size = lines = 0
    cut = None
    try:
        with staff.open(
            "/admin/advisor/assessment/",
            {"action": "export_csv", "select_across": "1", "index": "0", "_selected_action": [any_id]},
        ) as response:
            headers_at = time.perf_counter()
            while chunk := response.read1(1 << 16):
                if first is None:
                    first = time.perf_counter()
                size += len(chunk)
                lines += chunk.count(b"\n")
    except (OSError, http.client.HTTPException) as error:  # the worker was stopped mid-stream
        cut = type(error).__name__
    total = time.perf_counter() - started
    after = {pid: peak_kb(pid) for pid in workers(server) if pid in before}
    rows = max(lines - 1, 0)
    return {
        "headers_s": round(headers_at - started, 2),
        "first_byte_s": round((first or total) - started, 2),
        "total_s": round(total, 1),
        "bytes": size,
        "rows": rows,
        "complete": rows == rows_expected and cut is None,
        "cut": cut,
        "worker_peak_mb": round(max(after.values(), default=0) / 1024),
        "worker_peak_before_mb": round(max(before.values(), default=0) / 1024),
    }


def asgi_export_here(session: str, any_id: int) -> dict:
    """In this process (run as `scale.py --asgi-export SESSION ID`): the export POSTed through Django's own ASGI
    handler, as an ASGI server such as uvicorn calls it, so the asynchronous iterator is what streams."""
    import django

    django.setup()
    from django.core.handlers.asgi import ASGIHandler

    staff = Staff(session)
    body = urllib.parse.urlencode(
        {
            "action": "export_csv",
            "select_across": "1",
            "index": "0",
            "_selected_action": any_id,
            "csrfmiddlewaretoken": staff.csrf,
        }
    ).encode()
    path = "/admin/advisor/assessment/"
    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [
            (b"host", b"127.0.0.1"),
            (b"cookie", staff.cookie.encode()),
            (b"content-type", b"application/x-www-form-urlencoded"),
            (b"content-length", str(len(body)).encode()),
        ],
        "client": ("127.0.0.1", 40000),
        "server": ("127.0.0.1", PORT),
    }
    seen = {"status": None, "first": None, "bytes": 0, "lines": 0}

    async def receive() -> dict:
        if body is not None and not seen.get("sent"):
            seen["sent"] = True
            return {"type": "http.request", "body": body, "more_body": False}
        await asyncio.Event().wait()  # the client stays connected until the response ends
        return {"type": "http.disconnect"}

    async def send(message: dict) -> None:
        if message["type"] == "http.response.start":
            seen["status"] = message["status"]
        elif message["type"] == "http.response.body" and message.get("body"):
            seen["first"] = seen["first"] or time.perf_counter()
            seen["bytes"] += len(message["body"])
            seen["lines"] += message["body"].count(b"\n")

    started = time.perf_counter()
    asyncio.run(ASGIHandler()(scope, receive, send))
    total = time.perf_counter() - started
    import resource

    return {
        "status": seen["status"],
        "first_byte_s": round((seen["first"] or total) - started, 2),
        "total_s": round(total, 1),
        "bytes": seen["bytes"],
        "rows": max(seen["lines"] - 1, 0),
        "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
    }


def measured_process(command: list[str], env: dict[str, str]) -> tuple[str, float, int]:
    """Run a command; its output, seconds and peak resident size (MB)."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    if os.waitstatus_to_exitcode(status):
        raise SystemExit(f"{' '.join(command)} failed:\n{output}")
    return output, time.perf_counter() - started, round(usage.ru_maxrss / 1024)


def asgi_export(env: dict[str, str], session: str, any_id: int) -> dict:
    output, _, _ = measured_process([PYTHON, str(BENCH / "scale.py"), "--asgi-export", session, str(any_id)], env)
    return json.loads(output.strip().splitlines()[-1])


def command_export(env: dict[str, str]) -> dict:
    target = WORK / "export.csv"
    _, seconds, peak = measured_process([PYTHON, "manage.py", "export_assessments", "-o", str(target)], env)
    with target.open("rb") as file:
        rows = sum(chunk.count(b"\n") for chunk in iter(lambda: file.read(1 << 20), b"")) - 1
    size = target.stat().st_size
    target.unlink()
    return {"total_s": round(seconds, 1), "rows": rows, "bytes": size, "peak_mb": peak}


def purge(env: dict[str, str], days: int) -> dict:
    """The retention purge of about half the rows, with API POSTs one after another meanwhile."""
    waits: list[float] = []
    failures: list[str] = []
    done = threading.Event()

    def post_meanwhile() -> None:
        while not done.is_set():
            try:
                waits.append(api_post())
            except Exception as error:  # reported, not raised
                failures.append(repr(error))
            time.sleep(0.2)

    poster = threading.Thread(target=post_meanwhile)
    started = time.perf_counter()
    command = subprocess.Popen(
        [PYTHON, "manage.py", "purge_assessments", "--days", str(days)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    poster.start()
    output = command.stdout.read()
    _, status, usage = os.wait4(command.pid, 0)
    elapsed = time.perf_counter() - started
    done.set()
    poster.join()
    command.returncode = os.waitstatus_to_exitcode(status)
    if command.returncode:
        raise SystemExit(f"purge_assessments failed:\n{output}")
    summary = output.strip().splitlines()[-1]
    return {
        "days": days,
        "summary": summary,
        "deleted": int(summary.split()[1]),
        "seconds": round(elapsed, 1),
        "peak_mb": round(usage.ru_maxrss / 1024),
        "posts_meanwhile": len(waits),
        "post_median_ms": round(statistics.median(waits), 1) if waits else None,
        "post_worst_ms": round(max(waits), 1) if waits else None,
        "post_failures": failures[:3],
    }


def main() -> int:
    if WORK.exists():
        shutil.rmtree(WORK)
    WORK.mkdir()
    env, database = environment()
    load_before = os.getloadavg()[0]
    print(f"Building a {database} database of {ROWS:,} assessments (bench/fill.py)…", flush=True)
    manage(env, "migrate", "--noinput", "-v0")
    started = time.perf_counter()
    filled = json.loads(
        subprocess.run(
            [PYTHON, "bench/fill.py", "--count", str(ROWS)],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            text=True,
        ).stdout
    )
    print(
        f"  {filled['assessments']:,} in {time.perf_counter() - started:.0f} s "
        f"({filled['seconds_per_100k']:.0f} s per 100k copied)",
        flush=True,
    )
    if database == "PostgreSQL":
        manage(env, "shell", "-c", "from django.db import connection; connection.cursor().execute('ANALYZE')")
    facts = json.loads(manage(env, "shell", "-c", SETUP).strip().splitlines()[-1])
    staff = Staff(facts["session"])
    size_mb = sum(p.stat().st_size for p in WORK.glob("scale.sqlite3*")) / 1e6 if database == "SQLite" else None

    server = start_server(env)
    month = dt.date.today().replace(day=1) - dt.timedelta(days=95)
    try:
        figures = {
            "admin list": staff.timed("/admin/advisor/assessment/"),
            "admin search": staff.timed("/admin/advisor/assessment/?" + urllib.parse.urlencode({"q": facts["search"]})),
            "admin filter (industry)": staff.timed("/admin/advisor/assessment/?industry__exact=legal"),
            "admin filter (month)": staff.timed(f"/admin/advisor/assessment/?month={month:%Y-%m}"),
            # A name's start shared by about 1 row in 20 (bench/fill.py's names), within a filter
            # holding about half the rows; then a name's start shared by about 10 rows, within the same filter.
            "admin filter + broad search": staff.timed(
                "/admin/advisor/assessment/?" + urllib.parse.urlencode({"q": facts["search"][:6], "recommended": "msp"})
            ),
            "admin filter + narrow search": staff.timed(
                "/admin/advisor/assessment/?" + urllib.parse.urlencode({"q": facts["search"], "recommended": "msp"})
            ),
            "result page": staff.timed(facts["result"], times=20),
            "API POST": timed_post(),
        }
        print("  pages measured; exporting every assessment as CSV…", flush=True)
        exported = export(staff, server, facts["any_id"], ROWS + 20)  # the 20 API POSTs are assessments too
        print("  …through Django's ASGI handler…", flush=True)
        exported_asgi = asgi_export(env, facts["session"], facts["any_id"])
        print("  …and by manage.py export_assessments…", flush=True)
        exported_command = command_export(env)
        print("  purging about half the rows…", flush=True)
        purged = purge(env, facts["half_days"])
        figures["admin list after the purge"] = staff.timed("/admin/advisor/assessment/")
    finally:
        run.stop_server(server)
    if database == "SQLite" and os.environ.get("SCALE_KEEP") != "1":
        for path in WORK.glob("scale.sqlite3*"):
            path.unlink()

    print()
    print(f"{database}, {ROWS:,} assessments; gunicorn, 2 sync workers, DEBUG off")
    print(f"{'measure':<30} {'median':>10} {'worst':>10}")
    for name, row in figures.items():
        print(f"{name:<30} {row['median_ms']:>8.0f}ms {row['worst_ms']:>8.0f}ms")
    state = "complete" if exported["complete"] else f"INCOMPLETE ({exported['cut']})"
    print(
        f"CSV export: first byte {exported['first_byte_s']:.2f} s, total {exported['total_s']:.1f} s, "
        f"{exported['rows']:,} rows, {exported['bytes'] / 1e6:.0f} MB, {state}; serving worker's peak resident "
        f"size {exported['worker_peak_mb']} MB (before: {exported['worker_peak_before_mb']} MB)"
    )
    print(
        f"CSV export under ASGI (Django's handler, in-process): status {exported_asgi['status']}, first byte "
        f"{exported_asgi['first_byte_s']:.2f} s, total {exported_asgi['total_s']:.1f} s, {exported_asgi['rows']:,} "
        f"rows, peak resident size {exported_asgi['peak_mb']} MB"
    )
    print(
        f"CSV export by manage.py export_assessments: {exported_command['total_s']:.1f} s, "
        f"{exported_command['rows']:,} rows, peak resident size {exported_command['peak_mb']} MB"
    )
    print(
        f"Purge: {purged['deleted']:,} assessments older than {purged['days']} days in {purged['seconds']:.0f} s, "
        f"peak resident size {purged['peak_mb']} MB; {purged['posts_meanwhile']} API POSTs meanwhile, median "
        f"{purged['post_median_ms']} ms, longest {purged['post_worst_ms']} ms"
    )
    document = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": run.machine(),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "database": database,
        "rows": ROWS,
        "database_mb": None if size_mb is None else round(size_mb),
        "server": "gunicorn, config/gunicorn.conf.py (30 s worker timeout), 2 sync workers, DEBUG off",
        "fill": filled,
        "pages": figures,
        "export": exported,
        "export_asgi": exported_asgi,
        "export_command": exported_command,
        "purge": purged,
    }
    (BENCH / "scale.json").write_text(json.dumps(document, indent=2) + "\n")
    print(f"Written to {(BENCH / 'scale.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    if sys.argv[1:2] == ["--asgi-export"]:
        print(json.dumps(asgi_export_here(sys.argv[2], int(sys.argv[3]))))
        sys.exit(0)
    sys.exit(main())
