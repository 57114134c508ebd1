"""`make bench`: load the site under gunicorn and compare each page with the framework's floor, /healthz.

/healthz is a view that does nothing, routed through the whole middleware stack like every page (the
bench asks it as 127.0.0.1, an allowed host; only probes to a host the site does not serve are answered
ahead of the stack, see advisor.middleware.HealthCheckMiddleware). So a page's ratio to it is what the
page's own work costs on top of what Django spends on any request.

What it does, in order:
1. A fresh SQLite database of its own (bench/.run/bench.sqlite3), migrated and seeded as `make run` does,
   plus one stored assessment (for a result page) and a few approved comments.
2. gunicorn with the project's config/gunicorn.conf.py and production settings (DEBUG off, a random
   secret key, 2 workers, rate limits off), on 127.0.0.1:8300 (BENCH_PORT).
3. For the comparison page, the assessment form, the result page and the API POST: a one-second warm-up,
   then BENCH_SECONDS (5) of load with wrk (-t2 -c16; the API POST -c4, POST_CONNECTIONS), or bench/loadgen.py
   where wrk is missing (or BENCH_LOADGEN=python). /healthz, the floor, is measured for 3 s before the first
   page and after each one; a page's ratio is to the mean of the /healthz runs just before and just after it.
4. The time to score one assessment on one core, simulation and tipping points included (bench/scoring.py),
   and the bytes stored per assessment (bench/storage.py).
   Alongside requests per second, the gunicorn workers' CPU time per request (from /proc), which other
   work on a shared machine barely moves: its ratio to /healthz's is what the page would reach alone.
   That CPU is split between each worker's main thread (accepting connections, waiting for them) and the
   threads that run the requests (parsing, middleware, view, template, sending the response).
5. A table on screen and everything in bench/results.json.

wrk and the server share the machine's cores, so absolute requests per second say little; the ratio of
each page to /healthz measured in the same run is the figure to compare. It is a benchmark, not a test:
it fails (exit 1) only when a request errs, never on speed.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import platform
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "bench"
WORK = BENCH / ".run"
BIN = Path(sys.executable).parent
PORT = int(os.environ.get("BENCH_PORT", "8300"))
SECONDS = float(os.environ.get("BENCH_SECONDS", "5"))
HEALTHZ_SECONDS = float(os.environ.get("BENCH_HEALTHZ_SECONDS", "3"))
WARMUP_SECONDS = 1
CONNECTIONS = 16
# The API POST's connections: two a worker, within the writers each process lets wait for SQLite's one write lock
# (settings.DATABASE_WRITERS, seven of eight threads), so that every POST is stored and any error is a failure.
# Sixteen writers at once are more than one SQLite file takes: the site answers those beyond the bound 503 at once
# with Retry-After, by design (config/database.py), and the CPU a request would then average stored POSTs with
# refusals.
POST_CONNECTIONS = 4

# A typical small office, as the API takes it; "{employees}" varies per request.
POST_BODY = (
    '{"industry": "professional_services", "employees": {employees}, "incidents_per_month": 3, '
    '"operating_hours": "extended", "compliance": "moderate", "backup": "partial", "it_dependence": "high", '
    '"growth": "moderate", "budget_preference": "predictable"}'
)

# (name, method, path or None for the result page). The ratios to /healthz once set as targets are withdrawn
# (issue 27; docs/performance.md): the figure that counts is each page's server CPU a request, under 20 ms.
PAGES = (
    # Another view that does next to nothing, through the same stack as /healthz: a check on the floor.
    ("robots.txt", "GET", "/robots.txt"),
    ("comparison", "GET", "/"),
    ("assessment form", "GET", "/assess/"),
    ("result", "GET", None),
    ("API POST", "POST", "/api/assessments/"),
)
CPU_BUDGET_US = 20_000  # each page's server CPU a request, at most (issue 27)
# BENCH_AGAINST=<git commit>: also serve that commit (the stock way, say) beside this tree and load the two in
# turn, page by page, ROUNDS times each, so both meet the same other work on the machine (docs/performance.md).
AGAINST = os.environ.get("BENCH_AGAINST", "").strip()
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "3"))


def bench_env() -> dict[str, str]:
    # Nothing this shell set that would change what the site does (a developer's database, cache or flags).
    own = ("DJANGO_", "RATELIMIT_", "COMMENT_", "ASSESSMENT_", "GUNICORN_", "WEB_CONCURRENCY")
    env = {k: v for k, v in os.environ.items() if not k.startswith(own) and k not in ("DATABASE_URL", "CACHE_URL")}
    env.update(
        {
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": f"sqlite:///{WORK / 'bench.sqlite3'}",
            # Plain HTTP on the loopback: no redirect to HTTPS, no Secure-only cookies; no rate limits, or the
            # load would be answered with 429s.
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "RATELIMIT_ENABLE": "0",
            "WEB_CONCURRENCY": "2",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def prepare_database(env: dict[str, str]) -> str:
    """Migrate (which seeds the catalogue) a fresh database; return the path of a stored result page."""
    for suffix in ("", "-wal", "-shm"):
        (WORK / f"bench.sqlite3{suffix}").unlink(missing_ok=True)
    subprocess.run(
        [str(BIN / "python"), "manage.py", "migrate", "--noinput", "--verbosity", "0"], cwd=ROOT, env=env, check=True
    )
    script = (
        "from advisor import services\n"
        "from advisor.engine.domain import Profile\n"
        "from advisor.models import Comment\n"
        "for i in range(5):\n"
        "    Comment.objects.create(name=f'Reader {i}', email=f'reader{i}@example.com',\n"
        "                           text='We switched last year and this matches what we saw.', is_approved=True)\n"
        "p = Profile(industry='healthcare', employees=25,\n"
        "    incidents_per_month=4, operating_hours='extended', compliance='strict', it_dependence='high')\n"
        "a = services.assessment_create(scored=services.assessment_score(profile=p),\n"
        "    organisation_name='Bench Clinic')\n"
        "print(a.get_absolute_url())\n"
    )
    out = subprocess.run(
        [str(BIN / "python"), "manage.py", "shell", "-c", script],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    return out.stdout.strip().splitlines()[-1]


def gunicorn_supports(flag: str) -> bool:
    out = subprocess.run([str(BIN / "gunicorn"), "--help"], capture_output=True, text=True).stdout
    return flag in out


def start_server(env: dict[str, str], *, tree: Path = ROOT, port: int = PORT) -> subprocess.Popen:
    command = [
        str(BIN / "gunicorn"),
        "config.wsgi:application",
        "--config",
        "config/gunicorn.conf.py",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        "2",
        # Recycling workers every ~2,000 requests guards a long-running site against leaks; in a few seconds
        # of load it would restart each worker several times and measure Python's start-up instead.
        "--max-requests",
        "0",
    ]
    if gunicorn_supports("--no-control-socket"):
        command.append("--no-control-socket")
    log = open(WORK / f"gunicorn-{port}.log", "w")  # noqa: SIM115 - closed with the process
    env = {**env, "PYTHONPATH": str(tree)}  # ahead of the editable install: the tree's own code
    server = subprocess.Popen(command, cwd=tree, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"gunicorn stopped at start-up; see {WORK / f'gunicorn-{port}.log'}")
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1) as response:
                if response.status == 200:
                    return server
        except OSError:
            time.sleep(0.2)
    stop_server(server)
    raise SystemExit("gunicorn did not answer /healthz within 30 seconds")


def stop_server(server: subprocess.Popen) -> None:
    """Stop exactly the gunicorn master this script started (it stops its own workers)."""
    if server.poll() is None:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


_UNITS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _ms(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * _UNITS[unit]


def parse_wrk(output: str) -> dict:
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _ms(re.search(r"^\s+50%\s+(\S+)", output, re.M).group(1))
    p99 = _ms(re.search(r"^\s+99%\s+(\S+)", output, re.M).group(1))
    requests = int(re.search(r"(\d+) requests in", output).group(1))
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", output)
    socket = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output)
    errors = (int(non_2xx.group(1)) if non_2xx else 0) + (sum(map(int, socket.groups())) if socket else 0)
    return {"requests": requests, "requests_per_second": rps, "p50_ms": p50, "p99_ms": p99, "errors": errors}


def load(url: str, method: str, seconds: float, use_wrk: bool) -> dict:
    if use_wrk:
        connections = POST_CONNECTIONS if method == "POST" else CONNECTIONS
        command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds:g}s", "--latency", url]
        env = dict(os.environ)
        if method == "POST":
            command[1:1] = ["-s", str(BENCH / "post.lua")]
            env["BENCH_POST_BODY"] = POST_BODY
        output = subprocess.run(command, capture_output=True, text=True, check=True, env=env).stdout
        return parse_wrk(output)
    sys.path.insert(0, str(BENCH))
    import loadgen

    body = POST_BODY if method == "POST" else ""
    headers = {"Content-Type": "application/json"} if method == "POST" else {}
    connections = POST_CONNECTIONS if method == "POST" else 8
    return loadgen.run(url, duration=seconds, connections=connections, method=method, body=body, headers=headers)


def workers_cpu(master: int) -> tuple[float, float] | None:
    """CPU seconds the gunicorn workers (the master's children) have used so far, as (event loop thread,
    other threads): each gthread worker's main thread accepts connections and waits for them to be readable,
    and its other threads run the requests (parsing, Django, sending the response). None without /proc."""
    try:
        children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
        loop = other = 0
        for pid in children:
            for tid in os.listdir(f"/proc/{pid}/task"):
                fields = Path(f"/proc/{pid}/task/{tid}/stat").read_text().rsplit(")", 1)[1].split()
                ticks = int(fields[11]) + int(fields[12])  # utime and stime, in clock ticks
                if tid == pid:
                    loop += ticks
                else:
                    other += ticks
        return loop / os.sysconf("SC_CLK_TCK"), other / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def measured(server: subprocess.Popen, url: str, method: str, seconds: float, use_wrk: bool) -> dict:
    """load(), plus the workers' CPU time per request: unlike requests per second, it hardly moves when
    other work on the machine takes cores away. Split too between the main thread and the request threads."""
    before = workers_cpu(server.pid)
    figures = load(url, method, seconds, use_wrk)
    after = workers_cpu(server.pid)
    if before is not None and after is not None and figures["requests"]:
        loop, other = ((a - b) / figures["requests"] * 1e6 for a, b in zip(after, before, strict=False))
        figures.update({"server_cpu_us": loop + other, "server_cpu_loop_us": loop, "server_cpu_django_us": other})
    return figures


def scoring_time(env: dict[str, str], tree: Path = ROOT) -> dict:
    out = subprocess.run(
        [str(BIN / "python"), str(tree / "bench" / "scoring.py")],
        cwd=tree,
        env={**env, "PYTHONPATH": str(tree)},
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(out.stdout)


def compare_scoring(env: dict[str, str], tree: Path) -> dict:
    """bench/scoring.py of this tree and of BENCH_AGAINST's (`tree`) in turn, ROUNDS times each on the same
    database, so both meet the same other work: each side's median mean and median worst."""
    runs: dict[str, list[dict]] = {"this tree": [], AGAINST: []}
    for _ in range(ROUNDS):
        runs["this tree"].append(scoring_time(env))
        runs[AGAINST].append(scoring_time(env, tree))
    found = {}
    for side, figures in runs.items():
        found[side] = {
            key: sorted(f[key] for f in figures)[ROUNDS // 2]
            for key in ("mean_ms", "worst_ms", "mean_ms_without_tipping_points")
        }
    print(f"\n{'scoring (one core)':<20} {'this tree':>10} {AGAINST[:12]:>13}   (median of {ROUNDS} runs each)")
    for key, label in (
        ("mean_ms", "mean ms"),
        ("worst_ms", "worst ms"),
        ("mean_ms_without_tipping_points", "mean ms, no tipping"),
    ):
        print(f"{label:<20} {found['this tree'][key]:>10.2f} {found[AGAINST][key]:>13.2f}")
    return {"medians": found, "runs": runs}


def storage_per_assessment(env: dict[str, str]) -> dict:
    # A database of its own (storage.py makes one), so the load above leaves nothing in its count.
    own = {key: value for key, value in env.items() if key != "DATABASE_URL"}
    out = subprocess.run(
        [str(BIN / "python"), str(BENCH / "storage.py")], cwd=ROOT, env=own, check=True, capture_output=True, text=True
    )
    return json.loads(out.stdout)


def machine() -> dict:
    cpu = ""
    try:
        with open("/proc/cpuinfo") as info:
            cpu = next(line.split(":", 1)[1].strip() for line in info if line.startswith("model name"))
    except (OSError, StopIteration):
        cpu = platform.processor()
    return {"cpu": cpu, "cores": os.cpu_count(), "os": platform.platform(), "python": platform.python_version()}


def main() -> int:
    WORK.mkdir(exist_ok=True)
    use_wrk = shutil.which("wrk") is not None and os.environ.get("BENCH_LOADGEN", "wrk") != "python"
    generator = (
        subprocess.run(["wrk", "--version"], capture_output=True, text=True).stdout.split("[")[0].strip()
        if use_wrk
        else "bench/loadgen.py (Python)"
    )
    load_before = os.getloadavg()[0]
    env = bench_env()
    result_path = prepare_database(env)
    base = f"http://127.0.0.1:{PORT}"
    if AGAINST:
        return compare(env, result_path, use_wrk, generator, load_before)
    targets = [(name, method, path or result_path) for name, method, path in PAGES]

    print(
        f"Loading {base} with {generator}: each page {SECONDS:g} s after a {WARMUP_SECONDS} s warm-up, "
        f"between two {HEALTHZ_SECONDS:g} s runs of /healthz."
    )
    server = start_server(env)
    floors: list[dict] = []
    rows = []
    try:
        load(base + "/healthz", "GET", WARMUP_SECONDS, use_wrk)
        floors.append(measured(server, base + "/healthz", "GET", HEALTHZ_SECONDS, use_wrk))
        for name, method, path in targets:
            load(base + path, method, WARMUP_SECONDS, use_wrk)
            figures = measured(server, base + path, method, SECONDS, use_wrk)
            floors.append(measured(server, base + "/healthz", "GET", HEALTHZ_SECONDS, use_wrk))
            # Other work on the machine comes and goes: compare each page with the floor measured just
            # before and just after it.
            floor = (floors[-2]["requests_per_second"] + floors[-1]["requests_per_second"]) / 2
            row = {
                "page": name,
                "method": method,
                "path": path,
                **figures,
                "ratio_to_healthz": round(figures["requests_per_second"] / floor, 3),
            }
            if all("server_cpu_us" in f for f in (figures, floors[-2], floors[-1])):
                # How fast the page would go against /healthz if the workers had the cores to themselves.
                floor_cpu = (floors[-2]["server_cpu_us"] + floors[-1]["server_cpu_us"]) / 2
                row["cpu_ratio_to_healthz"] = round(floor_cpu / figures["server_cpu_us"], 3)
            rows.append(row)
            print(
                f"  {name:<16} {figures['requests_per_second']:8.0f} req/s, /healthz around it {floor:6.0f} req/s",
                flush=True,
            )
    finally:
        stop_server(server)

    floor = sum(f["requests_per_second"] for f in floors) / len(floors)
    healthz = {
        "page": "healthz",
        "method": "GET",
        "path": "/healthz",
        "requests": sum(f["requests"] for f in floors),
        "requests_per_second": floor,
        "p50_ms": sorted(f["p50_ms"] for f in floors)[len(floors) // 2],
        "p99_ms": sorted(f["p99_ms"] for f in floors)[len(floors) // 2],
        "errors": sum(f["errors"] for f in floors),
        "ratio_to_healthz": 1.0,
        "cpu_ratio_to_healthz": 1.0,
    }
    if all("server_cpu_us" in f for f in floors):
        for key in ("server_cpu_us", "server_cpu_loop_us", "server_cpu_django_us"):
            healthz[key] = sum(f[key] for f in floors) / len(floors)
    rows.insert(0, healthz)
    # The same, against /robots.txt, another view that does next to nothing: a check on the floor.
    stack = next(row for row in rows if row["page"] == "robots.txt")
    for row in rows:
        row["ratio_to_robots"] = round(row["ratio_to_healthz"] / stack["ratio_to_healthz"], 3)
        row["within_cpu_budget"] = row["server_cpu_us"] <= CPU_BUDGET_US if "server_cpu_us" in row else None
        row["requests_per_second"] = round(row["requests_per_second"], 1)
        row["p50_ms"] = round(row["p50_ms"], 2)
        row["p99_ms"] = round(row["p99_ms"], 2)
        for key in ("server_cpu_us", "server_cpu_loop_us", "server_cpu_django_us"):
            if key in row:
                row[key] = round(row[key], 1)
    scoring = scoring_time(env)
    storage = storage_per_assessment(env)

    print()
    print(
        f"{'page':<16} {'req/s':>8} {'p50 ms':>8} {'p99 ms':>8} {'ratio':>6} {'errors':>7}"
        f"  {'to robots':>9} {'CPU µs':>7} {'CPU ratio':>9} {'loop µs':>8} {'Django µs':>9}"
    )
    for row in rows:
        mark = {True: "     ", False: " >20ms", None: "     "}[row["within_cpu_budget"]]
        cpu = f"{row['server_cpu_us']:>7.0f}" if "server_cpu_us" in row else f"{'':>7}"
        cpu_ratio = f"{row['cpu_ratio_to_healthz']:>9.2f}" if "cpu_ratio_to_healthz" in row else f"{'':>9}"
        split = (
            f" {row['server_cpu_loop_us']:>8.0f} {row['server_cpu_django_us']:>9.0f}"
            if "server_cpu_loop_us" in row
            else ""
        )
        print(
            f"{row['page']:<16} {row['requests_per_second']:>8.0f} {row['p50_ms']:>8.2f} {row['p99_ms']:>8.2f} "
            f"{row['ratio_to_healthz']:>6.2f} {row['errors']:>7}{mark} {row['ratio_to_robots']:>9.2f} "
            f"{cpu} {cpu_ratio}{split}"
        )
    print(
        f"\nScoring one assessment, one core, simulation and tipping points included: mean "
        f"{scoring['mean_ms']:.2f} ms (target ≤ {scoring['target_mean_ms']:g}), 99th percentile "
        f"{scoring['p99_ms']:.2f} ms, worst {scoring['worst_ms']:.2f} ms (target ≤ {scoring['target_worst_ms']:g}); "
        f"without tipping points {scoring['mean_ms_without_tipping_points']:.2f} ms"
    )
    print(
        f"Stored per assessment: {storage['bytes_per_assessment']:,} bytes over {storage['assessments']} "
        f"(target ≤ {storage['target_bytes']:,})"
    )

    document = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        # Other work on the machine while this ran (1-minute load average at the start and the end).
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "load_generator": generator,
        "connections": CONNECTIONS,
        "post_connections": POST_CONNECTIONS,
        "seconds_per_page": SECONDS,
        "server": "gunicorn, config/gunicorn.conf.py, 2 gthread workers (Django's WSGI handler), DEBUG off, SQLite",
        "healthz_runs_requests_per_second": [round(f["requests_per_second"], 1) for f in floors],
        "pages": rows,
        "scoring": scoring,
        "storage": storage,
    }
    (BENCH / "results.json").write_text(json.dumps(document, indent=2) + "\n")
    print(f"Written to {(BENCH / 'results.json').relative_to(ROOT)}")
    failed = [row["page"] for row in rows if row["errors"]]
    if failed:
        print(f"Requests failed on: {', '.join(failed)}; see {WORK / f'gunicorn-{PORT}.log'}", file=sys.stderr)
        return 1
    return 0


def checkout(commit: str) -> Path:
    """The commit's files in a scratch worktree under bench/.run, with its static files collected."""
    tree = WORK / "against"
    if tree.exists():
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
    subprocess.run(["git", "worktree", "add", "--detach", "--force", str(tree), commit], cwd=ROOT, check=True)
    subprocess.run(
        [str(BIN / "python"), "manage.py", "collectstatic", "--noinput", "--verbosity", "0"],
        cwd=tree,
        env={**bench_env(), "PYTHONPATH": str(tree)},
        check=True,
    )
    return tree


def compare(env: dict[str, str], result_path: str, use_wrk: bool, generator: str, load_before: float) -> int:
    """This tree and BENCH_AGAINST's commit, served side by side on one database, each page loaded on one and then
    the other, ROUNDS times: the server CPU a request of each, and what this tree saves (negative: costs more)."""
    tree = checkout(AGAINST)
    servers = {"this tree": start_server(env), AGAINST: start_server(env, tree=tree, port=PORT + 1)}
    ports = {"this tree": PORT, AGAINST: PORT + 1}
    cpu: dict[tuple[str, str], list[float]] = {}
    errors = 0
    print(f"Loading this tree and {AGAINST} in turn with {generator}: {ROUNDS} rounds of {SECONDS:g} s each a page.")
    try:
        for name, method, path in PAGES:
            path = path or result_path
            for port in ports.values():
                load(f"http://127.0.0.1:{port}{path}", method, WARMUP_SECONDS, use_wrk)
            for _ in range(ROUNDS):
                for side, port in ports.items():
                    figures = measured(servers[side], f"http://127.0.0.1:{port}{path}", method, SECONDS, use_wrk)
                    errors += figures["errors"]
                    cpu.setdefault((name, side), []).append(figures.get("server_cpu_us", float("nan")))
        scoring = compare_scoring(env, tree)
    finally:
        for server in servers.values():
            stop_server(server)
        subprocess.run(["git", "worktree", "remove", "--force", str(tree)], cwd=ROOT, check=False)
    rows = []
    print(f"\n{'page':<16} {'this tree µs':>13} {AGAINST[:12]:>13} {'saving':>7}   (median of {ROUNDS} runs each)")
    for name, _, _ in PAGES:
        ours, theirs = (sorted(cpu[(name, side)])[ROUNDS // 2] for side in ports)
        saving = 1 - ours / theirs
        rows.append(
            {
                "page": name,
                "this_tree_cpu_us": round(ours, 1),
                "against_cpu_us": round(theirs, 1),
                "saving": round(saving, 3),
                "runs": {side: cpu[(name, side)] for side in ports},
            }
        )
        print(f"{name:<16} {ours:>13.0f} {theirs:>13.0f} {saving:>7.0%}")
    document = {
        "measured_at": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        "machine": machine(),
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],
        "load_generator": generator,
        "against": AGAINST,
        "rounds": ROUNDS,
        "seconds_per_page": SECONDS,
        "pages": rows,
        "scoring": scoring,
    }
    (BENCH / "comparison.json").write_text(json.dumps(document, indent=2) + "\n")
    print(f"Written to {(BENCH / 'comparison.json').relative_to(ROOT)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
