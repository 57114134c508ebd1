"""The front door: nginx's configuration written from the settings, and `make prod`, which runs nginx in front of
gunicorn on one's own machine.

    python -m config.frontdoor render --listen 8080 --upstream web:8000 --prefix /tmp/nginx   # the config only
    python -m config.frontdoor render --upstream app1:8000,app2:8000 ...                      # several servers
    python -m config.frontdoor run --port 8000                                                 # `make prod`
    python -m config.frontdoor run --port 8000 --servers 2 --migrate                          # `make prod SERVERS=2`

The limits live in settings (REQUEST_BODY_LIMITS, FRONT_DOOR, ADMIN_URL); deploy/nginx.conf.template says what
nginx does with them. `run` makes a temporary folder (nginx's prefix: its configuration, pid file, temporary
files and gunicorn's socket), starts gunicorn on a Unix socket in it and nginx on the port, as the user who
runs it (not the system's nginx service), and stops both when either stops or on Ctrl-C. With --servers N
(N > 1) it starts N gunicorn servers instead, each its own process group on its own port of 127.0.0.1 (the
ports after nginx's unless --app-ports names them), all on the same database and shared stores (DATABASE_URL,
CACHE_URL from the environment: `make prod SERVERS=2` starts a throwaway PostgreSQL and Redis for them), and
nginx shares the work between them; one that stops is left out and the others go on serving.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE = ROOT / "deploy" / "nginx.conf.template"
NGINX_MISSING = (
    "make prod needs nginx, the front door, and it was not found. Install it with your system's package "
    "manager: `sudo apt-get install nginx` (Debian, Ubuntu), `sudo dnf install nginx` (Fedora), "
    "`brew install nginx` (macOS). Only its program is used; its system service need not run."
)
# gunicorn's worker timeout (config/gunicorn.conf.py) bounds a request's time in the app; nginx waits as long.
APP_TIMEOUT = 30
WSGI_APPLICATION = "config.wsgi:application"
# Of several app servers, one that refuses this many requests within FAIL_SECONDS is given none for that long.
MAX_FAILS = 2
FAIL_SECONDS = 10


# A location with an error_page of its own inherits none from the server: these are repeated in each.
ERROR_PAGES = """            error_page 411 =411 @length_required;
            error_page 429 =429 @too_many;
            error_page 502 504 =503 @unavailable;"""


def _size(limit: int) -> str:
    return f"{limit // 1024}k" if limit % 1024 == 0 else str(limit)


def _location_name(prefix: str) -> str:
    return "".join(c if c.isalnum() else "_" for c in prefix).strip("_") or "root"


def body_locations(limits: dict[str, int], admin_url: str, *, signin_burst: int) -> str:
    """One nginx location per route prefix of settings.REQUEST_BODY_LIMITS, each with its body limit and its
    own 413 (JSON for the API), plus the admin's sign-in page with its per-client limit."""
    blocks = []
    for prefix, limit in sorted(limits.items(), key=lambda item: -len(item[0])):
        name = _location_name(prefix)
        message = f"The body is larger than {limit // 1024} kB; nothing was read or stored."
        if prefix.startswith("/api/"):
            body = json.dumps({"errors": {"__all__": [message]}})
            content_type = "application/json"
        else:
            body = message + "\\n"
            content_type = "text/plain"
        blocks.append(
            f"""        location {prefix} {{
            client_max_body_size {_size(limit)};
            error_page 413 =413 @too_large_{name};
{ERROR_PAGES}
            proxy_pass http://app;
        }}
        location @too_large_{name} {{
            default_type {content_type};
            return 413 '{body}';
        }}"""
        )
    signin = "/" + admin_url.strip("/") + "/login/"
    blocks.append(
        f"""        location = {signin} {{
            limit_req zone=signin burst={signin_burst} nodelay;
            client_max_body_size {_size(limit_for(signin, limits))};
            error_page 413 =413 @too_large_{_location_name(_prefix_for(signin, limits))};
{ERROR_PAGES}
            proxy_pass http://app;
        }}"""
    )
    return "\n".join(blocks)


def _prefix_for(path: str, limits: dict[str, int]) -> str:
    return max((prefix for prefix in limits if path.startswith(prefix)), key=len)


def limit_for(path: str, limits: dict[str, int]) -> int:
    """The body limit of a path: that of the longest prefix in settings.REQUEST_BODY_LIMITS it starts with."""
    return limits[_prefix_for(path, limits)]


def upstream_servers(upstreams: list[str]) -> str:
    """The app servers of nginx's upstream block.

    One server is never marked down (a worker that recycles or restarts is one failed connection, not seconds of
    502s), and is listed twice for one more try: a worker leaving at max_requests closes connections it accepted
    but had not begun to serve, and a GET or HEAD refused so is sent again, to another worker. Of several, one
    that fails MAX_FAILS times within FAIL_SECONDS (refused connections: it is down) gets no requests for
    FAIL_SECONDS, then one to see whether it is back; meanwhile the others serve."""
    if len(upstreams) == 1:
        return "\n".join(f"        server {upstreams[0]} max_fails=0;" for _ in range(2))
    return "\n".join(
        f"        server {address} max_fails={MAX_FAILS} fail_timeout={FAIL_SECONDS}s;" for address in upstreams
    )


def render(*, listen: str, upstream: str | list[str], prefix: str, nginx_workers: str = "auto") -> str:
    """nginx's configuration from deploy/nginx.conf.template and the settings, in front of one app server
    (`upstream`, HOST:PORT or unix:PATH) or several (a list of them)."""
    from django.conf import settings

    upstreams = [upstream] if isinstance(upstream, str) else list(upstream)
    if not upstreams:
        raise ValueError("nginx needs at least one app server to send requests to.")

    door = settings.FRONT_DOOR
    values = {
        "NGINX_WORKERS": nginx_workers,
        "PREFIX": prefix,
        "CONNECTIONS": door["CONNECTIONS"],
        "HEADER_TIMEOUT": door["HEADER_TIMEOUT"],
        "HEAD_BUFFERS": door["HEAD_BUFFERS"],
        "HEAD_BUFFER_KB": door["HEAD_BUFFER_KB"],
        "BODY_TIMEOUT": door["BODY_TIMEOUT"],
        "SEND_TIMEOUT": door["SEND_TIMEOUT"],
        "IDLE_TIMEOUT": door["IDLE_TIMEOUT"],
        "MAX_BODY_BYTES": max(settings.REQUEST_BODY_LIMITS.values()),
        "SIGNIN_PER_MINUTE": door["SIGNIN_PER_MINUTE"],
        "UPSTREAM_SERVERS": upstream_servers(upstreams),
        "UPSTREAM_TRIES": max(2, len(upstreams)),
        "LISTEN": listen,
        "APP_TIMEOUT": APP_TIMEOUT,
        "BODY_LOCATIONS": body_locations(
            settings.REQUEST_BODY_LIMITS, settings.ADMIN_URL, signin_burst=door["SIGNIN_BURST"]
        ),
    }
    text = TEMPLATE.read_text()
    for name, value in values.items():
        text = text.replace("{{" + name + "}}", str(value))
    missing = re.findall(r"\{\{\w+\}\}", text)
    if missing:
        raise ValueError(f"deploy/nginx.conf.template names values config/frontdoor.py does not fill: {missing}")
    return text


def find_nginx() -> str | None:
    return shutil.which("nginx") or next(
        (
            path
            for path in ("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/opt/homebrew/bin/nginx")
            if os.access(path, os.X_OK)
        ),
        None,
    )


def production_environment(environ: dict[str, str]) -> tuple[dict[str, str], list[str]]:
    """The environment for `make prod`: production settings, with defaults for a try on one's own machine over
    plain HTTP where the environment does not say otherwise, and a note of each default taken."""
    env = dict(environ)
    notes = []
    env.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    env["DJANGO_DEBUG"] = "0"
    env["DJANGO_PROXY_COUNT"] = "1"  # nginx, which writes X-Forwarded-For itself
    if not env.get("DJANGO_SECRET_KEY"):
        env["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(64)
        notes.append("DJANGO_SECRET_KEY is not set: a random one for this run (sessions end when it stops).")
    local = {
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_SECURE_HSTS_SECONDS": "0",
    }
    for name, value in local.items():
        if name not in env:
            env[name] = value
            notes.append(f"{name} is not set: {value} (plain HTTP on this machine).")
    return env, notes


def app_addresses(port: int, servers: int, app_ports: list[int] | None, prefix: Path) -> list[str]:
    """Where each app server listens: one on a Unix socket in nginx's folder; several on ports of 127.0.0.1."""
    if servers == 1 and not app_ports:
        return [f"unix:{prefix / 'app.sock'}"]
    ports = app_ports or [port + n for n in range(1, servers + 1)]
    if len(ports) != servers or len(set(ports)) != servers or port in ports:
        raise ValueError(f"--app-ports must name {servers} different ports, none of them nginx's ({port}).")
    return [f"127.0.0.1:{app_port}" for app_port in ports]


def shared_state_problem(env: dict[str, str], servers: int) -> str | None:
    """Why several app servers cannot share the work with this environment, or None: each must find the same
    database and stores, never a file or memory of its own."""
    if servers == 1:
        return None
    database = env.get("DATABASE_URL", "").strip()
    if not database or database.startswith("sqlite"):
        return (
            "several app servers share one PostgreSQL: set DATABASE_URL to it (`make prod SERVERS=2` starts a "
            "throwaway one when DATABASE_URL is not set)."
        )
    for name in ("CACHE_URL", "IDEMPOTENCY_CACHE_URL"):
        if env.get(name, "").strip().lower().startswith("locmem"):
            return f"{name} is locmem://, which each app server would keep on its own: use redis:// or db://."
    return None


def _gunicorn(address: str, env: dict[str, str], wsgi: str) -> subprocess.Popen:
    return subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            wsgi,
            "--config",
            "config/gunicorn.conf.py",
            "--bind",
            address,
        ],
        cwd=ROOT,
        env=env,
        start_new_session=True,  # its own process group: stopped (or killed) without touching the others
    )


def run(
    port: int,
    *,
    bind_host: str = "127.0.0.1",
    servers: int = 1,
    app_ports: list[int] | None = None,
    migrate: bool = False,
    wsgi: str = WSGI_APPLICATION,
) -> int:
    nginx = find_nginx()
    if nginx is None:
        print(NGINX_MISSING, file=sys.stderr)
        return 1
    env, notes = production_environment(dict(os.environ))
    problem = shared_state_problem(env, servers)
    if problem:
        print(f"make prod: {problem}", file=sys.stderr)
        return 1
    os.environ.update(env)
    import django

    django.setup(set_prefix=False)  # the settings' own checks, before anything starts
    if migrate:
        migrated = subprocess.run([sys.executable, "manage.py", "migrate", "--noinput"], cwd=ROOT, env=env, check=False)
        if migrated.returncode != 0:
            print("make prod: manage.py migrate failed; nothing started.", file=sys.stderr)
            return 1

    prefix = Path(tempfile.mkdtemp(prefix="advisor-frontdoor-"))
    # Started by root, nginx's workers run as an unprivileged user, which must reach gunicorn's socket in here.
    prefix.chmod(0o711)
    try:
        addresses = app_addresses(port, servers, app_ports, prefix)
    except ValueError as error:
        print(f"make prod: {error}", file=sys.stderr)
        shutil.rmtree(prefix, ignore_errors=True)
        return 1
    config = prefix / "nginx.conf"
    config.write_text(render(listen=f"{bind_host}:{port}", upstream=addresses, prefix=str(prefix)))
    for note in notes:
        print(f"make prod: {note}", flush=True)
    apps = [_gunicorn(address, env, wsgi) for address in addresses]
    if len(apps) > 1:
        for n, (address, app) in enumerate(zip(addresses, apps, strict=True), start=1):
            print(f"make prod: app server {n} on {address}, process group {app.pid}", flush=True)
    front = subprocess.Popen(
        [nginx, "-p", str(prefix), "-c", str(config), "-e", "stderr", "-g", "daemon off;"], env=env
    )
    print(f"advisor is on http://{bind_host}:{port}/ through nginx (Ctrl-C stops it)", flush=True)

    stopping = False

    def stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    code = 0
    gone: set[int] = set()
    try:
        while not stopping:
            if front.poll() is not None:
                code = 1
                print("make prod: nginx stopped; stopping the app servers.", file=sys.stderr, flush=True)
                break
            for n, app in enumerate(apps, start=1):
                if n not in gone and app.poll() is not None:
                    gone.add(n)
                    if len(apps) > 1:
                        print(
                            f"make prod: app server {n} stopped (exit code {app.returncode}); nginx sends its "
                            "requests to the others.",
                            file=sys.stderr,
                            flush=True,
                        )
            if len(gone) == len(apps):
                code = 1
                print("make prod: gunicorn stopped; stopping nginx.", file=sys.stderr, flush=True)
                break
            time.sleep(0.2)
    finally:
        for process, sig in [(front, signal.SIGQUIT)] + [(app, signal.SIGTERM) for app in apps]:
            if process.poll() is None:
                process.send_signal(sig)  # each one's graceful stop
        for process in [front, *apps]:
            try:
                process.wait(timeout=40)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        shutil.rmtree(prefix, ignore_errors=True)
    return code


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m config.frontdoor", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    render_args = commands.add_parser("render", help="print nginx's configuration")
    render_args.add_argument("--listen", default="8080", help="nginx's listen address (default 8080)")
    render_args.add_argument(
        "--upstream", default="127.0.0.1:8000", help="gunicorn's address or unix:PATH; several, comma-separated"
    )
    render_args.add_argument("--prefix", default="/tmp/nginx", help="a folder nginx may write to")
    run_args = commands.add_parser("run", help="nginx in front of gunicorn, as `make prod` runs them")
    run_args.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    run_args.add_argument("--servers", type=int, default=1, help="app servers behind nginx (default 1)")
    run_args.add_argument("--app-ports", help="their ports, comma-separated (default: the ones after --port)")
    run_args.add_argument("--migrate", action="store_true", help="run manage.py migrate first")
    run_args.add_argument("--wsgi", default=WSGI_APPLICATION, help=argparse.SUPPRESS)  # tests name a wrapper of it
    args = parser.parse_args(argv)
    if args.command == "render":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup(set_prefix=False)
        print(render(listen=args.listen, upstream=args.upstream.split(","), prefix=args.prefix), end="")
        return 0
    if args.servers < 1:
        parser.error("--servers must be at least 1")
    try:
        app_ports = [int(p) for p in args.app_ports.split(",")] if args.app_ports else None
    except ValueError:
        parser.error("--app-ports must be whole numbers, comma-separated")
    return run(args.port, servers=args.servers, app_ports=app_ports, migrate=args.migrate, wsgi=args.wsgi)


if __name__ == "__main__":
    sys.exit(main())
