"""The front door: nginx's configuration written from the settings, and `make prod`, which runs nginx in front of
gunicorn on one's own machine.

    python -m config.frontdoor render --listen 8080 --upstream web:8000 --prefix /tmp/nginx   # the config only
    python -m config.frontdoor run --port 8000                                                 # `make prod`

The limits live in settings (REQUEST_BODY_LIMITS, FRONT_DOOR, ADMIN_URL); deploy/nginx.conf.template says what
nginx does with them. `run` makes a temporary folder (nginx's prefix: its configuration, pid file, temporary
files and gunicorn's socket), starts gunicorn on a Unix socket in it and nginx on the port, as the user who
runs it (not the system's nginx service), and stops both when either stops or on Ctrl-C.
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


def render(*, listen: str, upstream: str, prefix: str, nginx_workers: str = "auto") -> str:
    """nginx's configuration from deploy/nginx.conf.template and the settings."""
    from django.conf import settings

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
        "UPSTREAM": upstream,
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


def run(port: int, *, bind_host: str = "127.0.0.1") -> int:
    nginx = find_nginx()
    if nginx is None:
        print(NGINX_MISSING, file=sys.stderr)
        return 1
    env, notes = production_environment(dict(os.environ))
    os.environ.update(env)
    import django

    django.setup(set_prefix=False)  # the settings' own checks, before anything starts

    prefix = Path(tempfile.mkdtemp(prefix="advisor-frontdoor-"))
    # Started by root, nginx's workers run as an unprivileged user, which must reach gunicorn's socket in here.
    prefix.chmod(0o711)
    socket_path = prefix / "app.sock"
    config = prefix / "nginx.conf"
    config.write_text(render(listen=f"{bind_host}:{port}", upstream=f"unix:{socket_path}", prefix=str(prefix)))
    for note in notes:
        print(f"make prod: {note}", flush=True)
    gunicorn = subprocess.Popen(
        [
            str(Path(sys.executable).parent / "gunicorn"),
            "config.wsgi:application",
            "--config",
            "config/gunicorn.conf.py",
            "--bind",
            f"unix:{socket_path}",
        ],
        cwd=ROOT,
        env=env,
    )
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
    try:
        while not stopping:
            if front.poll() is not None or gunicorn.poll() is not None:
                code = 1
                print("make prod: nginx or gunicorn stopped; stopping the other.", file=sys.stderr, flush=True)
                break
            time.sleep(0.2)
    finally:
        for process, sig in ((front, signal.SIGQUIT), (gunicorn, signal.SIGTERM)):
            if process.poll() is None:
                process.send_signal(sig)  # each one's graceful stop
        for process in (front, gunicorn):
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
    render_args.add_argument("--upstream", default="127.0.0.1:8000", help="gunicorn's address or unix:PATH")
    render_args.add_argument("--prefix", default="/tmp/nginx", help="a folder nginx may write to")
    run_args = commands.add_parser("run", help="nginx in front of gunicorn, as `make prod` runs them")
    run_args.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
    args = parser.parse_args(argv)
    if args.command == "render":
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
        import django

        django.setup(set_prefix=False)
        print(render(listen=args.listen, upstream=args.upstream, prefix=args.prefix), end="")
        return 0
    return run(args.port)


if __name__ == "__main__":
    sys.exit(main())
