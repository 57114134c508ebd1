"""Operations: health probes, request logs, and the Dockerfile and docker-compose.yml, tested as far as a
machine without a Docker engine allows: parse them, and run the commands they run."""

from __future__ import annotations

import json
import logging
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.db import connection
from django.test import Client, override_settings
from packaging.markers import Marker

from tests.gunicorn_server import ROOT, Gunicorn, base_env, shared_migrated_database
from tests.security_data import make_assessment

# --- Health probes ---


@pytest.mark.django_db
def test_liveness_touches_no_database(django_assert_num_queries):
    with django_assert_num_queries(0):
        response = Client().get("/healthz")
    assert (response.status_code, response.content) == (200, b"ok")


@pytest.mark.django_db
def test_readiness_asks_the_database(django_assert_num_queries):
    with django_assert_num_queries(1):
        assert Client().get("/readyz").status_code == 200


@pytest.mark.django_db
def test_readiness_fails_when_the_database_does_not_answer(monkeypatch):
    def unavailable(*args, **kwargs):
        raise OSError("connection refused")

    monkeypatch.setattr(connection, "cursor", unavailable)
    response = Client().get("/readyz")
    assert response.status_code == 503
    assert response.content == b"database unavailable"


_PROBE = """
import django, sys
django.setup()
from django.test import Client
client = Client(HTTP_HOST="127.0.0.1")
print(client.get("/readyz").status_code, client.get("/healthz").status_code)
"""


def _probe_sqlite(path: Path) -> list[str]:
    """/readyz and /healthz from a fresh process of the site whose SQLite database is `path`."""
    result = subprocess.run(
        [sys.executable, "-c", _PROBE],
        cwd=ROOT,
        env=base_env(DATABASE_URL=f"sqlite:///{path}"),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.splitlines()[-1].split()  # the last line: the log lines come before it


def test_with_the_sqlite_file_gone_the_site_is_not_ready_and_creates_no_empty_database(tmp_path):
    """The file moved away: readiness fails (a new empty database would have passed it) and none is made."""
    missing = tmp_path / "db.sqlite3"
    assert _probe_sqlite(missing) == ["503", "200"]
    assert list(tmp_path.iterdir()) == []


def test_readiness_checks_the_schema_not_only_the_connection(tmp_path):
    empty = tmp_path / "db.sqlite3"
    import sqlite3

    sqlite3.connect(empty).close()  # a database file without the site's tables
    assert _probe_sqlite(empty) == ["503", "200"]


def test_migrate_is_what_creates_a_missing_sqlite_database(tmp_path):
    path = tmp_path / "new folder" / "db #1.sqlite3"  # characters a URI would read otherwise
    path.parent.mkdir()
    result = subprocess.run(
        [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
        cwd=ROOT,
        env=base_env(DATABASE_URL=f"sqlite:///{path}"),
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    assert _probe_sqlite(path) == ["200", "200"]


@override_settings(ALLOWED_HOSTS=["advisor.example.org"], SECURE_SSL_REDIRECT=True)
@pytest.mark.django_db
def test_probes_answer_by_ip_over_plain_http_where_pages_would_not():
    client = Client(HTTP_HOST="10.0.3.7:8000")
    for probe in ("/healthz", "/readyz"):
        response = client.get(probe)
        assert (response.status_code, response.content) == (200, b"ok"), probe
        # Answered ahead of the stack, yet still inside the outer security middleware.
        assert "default-src 'none'" in response["Content-Security-Policy"], probe
        assert response["X-Content-Type-Options"] == "nosniff", probe
    assert client.get("/assess/").status_code == 400  # any other page still checks the host
    assert client.post("/healthz").status_code == 400  # only a GET is a probe


@override_settings(ALLOWED_HOSTS=["advisor.example.org"], SECURE_SSL_REDIRECT=True)
@pytest.mark.django_db
def test_probes_to_an_allowed_host_go_through_the_whole_stack_over_plain_http():
    client = Client(HTTP_HOST="advisor.example.org")
    for probe in ("/healthz", "/readyz"):
        response = client.get(probe)
        assert (response.status_code, response.content) == (200, b"ok"), probe
        assert "default-src 'none'" in response["Content-Security-Policy"], probe
        # Set by middleware that a probe answered ahead of the host check never reaches.
        assert response["X-Frame-Options"] == "DENY", probe
        assert not response.cookies, probe  # a probe starts no session and sets no CSRF cookie
    # Routed like any view, so the view's own rules apply: only GET.
    assert client.post("/healthz").status_code == 405
    assert client.get("/assess/").status_code == 301  # pages over plain HTTP still go to HTTPS


@override_settings(ALLOWED_HOSTS=["advisor.example.org"])
def test_a_probe_answered_ahead_of_the_host_check_skips_the_inner_middleware():
    response = Client(HTTP_HOST="10.0.3.7").get("/healthz")
    assert response.status_code == 200
    assert "X-Frame-Options" not in response


# --- Request logs ---


@pytest.mark.django_db
def test_requests_are_logged_by_route_without_query_or_client(client, caplog):
    assessment = make_assessment(email="dana@hartvale.example", contact_consent=True)
    with caplog.at_level(logging.INFO, logger="advisor.requests"):
        client.get(
            assessment.get_absolute_url() + "?email=dana@hartvale.example",
            REMOTE_ADDR="203.0.113.9",
            HTTP_USER_AGENT="Mozilla/5.0 Secret",
        )
        client.get("/assessment/not-a-uuid/")
    lines = [r.getMessage() for r in caplog.records if r.name == "advisor.requests"]
    assert re.fullmatch(r'"GET /assessment/<uuid:public_id>/" 200 \d+ \d+ms', lines[0]), lines[0]
    assert re.fullmatch(r'"GET /assessment/not-a-uuid/" 404 \d+ \d+ms', lines[1]), lines[1]
    text = "\n".join(lines)
    for private in (str(assessment.public_id), "dana", "203.0.113.9", "Secret", "?"):
        assert private not in text


# --- Dockerfile ---

DOCKERFILE = (ROOT / "Dockerfile").read_text()


def _instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, with continuation lines joined and comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", DOCKERFILE)
    pairs = []
    for line in joined.splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            word, _, rest = line.partition(" ")
            pairs.append((word.upper(), rest.strip()))
    return pairs


def _stages() -> list[list[tuple[str, str]]]:
    stages: list[list[tuple[str, str]]] = []
    for word, rest in _instructions():
        if word == "FROM":
            stages.append([])
        stages[-1].append((word, rest))
    return stages


def test_both_stages_start_from_one_exact_release_of_python_3_11_on_debian_bookworm():
    bases = {stage[0][1].split()[0] for stage in _stages()}
    assert len(_stages()) >= 2 and len(bases) == 1
    (base,) = bases
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm(@sha256:[0-9a-f]{64})?", base), base


def _in_folder(folder: Path, text: str) -> str:
    """`text` with every absolute path moved under `folder`, which stands for the image's file system."""
    return re.sub(r"(?:(?<=^)|(?<=[\s=:\"']))/(?=[A-Za-z])", f"{folder}/", text)


def _build_stage_in(folder: Path) -> dict[str, str]:
    """Run the build stage's own steps (COPY, ENV, WORKDIR, RUN) here, with `folder` for the image's file
    system, as `docker build` would; the environment the steps left."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME")}
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"  # a python 3.11
    cwd = folder
    for word, rest in _stages()[0][1:]:
        if word == "ENV":
            for name, _, value in (pair.partition("=") for pair in shlex.split(rest)):
                env[name] = _in_folder(folder, value).replace("$PATH", env["PATH"])
        elif word == "WORKDIR":
            cwd = Path(_in_folder(folder, rest))
            cwd.mkdir(parents=True, exist_ok=True)
        elif word == "COPY":
            *sources, target = shlex.split(rest)
            for source in sources:
                into = cwd / target
                if (ROOT / source).is_dir():
                    shutil.copytree(ROOT / source, into, ignore=shutil.ignore_patterns("__pycache__"))
                else:
                    shutil.copy(ROOT / source, into)
        elif word == "RUN":
            # This machine's pip cache stands in for the network (the image keeps none: PIP_NO_CACHE_DIR), and
            # no bytecode is written ahead (Python writes it at first import): quicker, and the same install.
            run_env = {**{k: v for k, v in env.items() if k != "PIP_NO_CACHE_DIR"}, "PIP_NO_COMPILE": "1"}
            result = subprocess.run(
                ["sh", "-c", _in_folder(folder, rest)], cwd=cwd, env=run_env, capture_output=True, text=True
            )
            assert result.returncode == 0, f"RUN {rest}\n{result.stdout}\n{result.stderr}"
        else:
            raise AssertionError(f"the build stage has a step this test cannot take: {word}")
    return env


@pytest.mark.real_server
@pytest.mark.xdist_group("image")  # no server, port or static files: beside the tests that start servers
def test_the_build_stage_installs_exactly_the_locked_releases_which_run_the_site(tmp_path):
    """The image's dependencies, built by the Dockerfile's own steps in a fresh virtual environment (no Docker
    engine here): exactly requirements.lock's releases, its hashes checked, the project built without fetching
    anything; and with them the site loads and passes Django's checks."""
    env = _build_stage_in(tmp_path)
    venv_python = shutil.which("python", path=env["PATH"])
    assert venv_python and Path(venv_python).is_relative_to(tmp_path)
    listed = subprocess.run(
        [venv_python, "-m", "pip", "list", "--format", "json"], env=env, capture_output=True, text=True, check=True
    )
    installed = {re.sub(r"[-_.]+", "-", d["name"]).lower(): d["version"] for d in json.loads(listed.stdout)}
    lock = (ROOT / "requirements.lock").read_text()
    pins = re.finditer(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)(?: ; ([^\\\n]+?))?\s*\\?$", lock, re.M)
    # A pin with an environment marker (async-timeout, for Python before 3.11.3) is installed where it holds.
    pinned = {m[1].lower(): m[2] for m in pins if m[3] is None or Marker(m[3]).evaluate()}
    assert "setuptools" in pinned
    assert {name: v for name, v in installed.items() if name != "pip"} == pinned  # the project itself dropped
    check = subprocess.run(
        [venv_python, "manage.py", "check"],
        cwd=ROOT,
        env={**base_env(), "PATH": env["PATH"]},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert check.returncode == 0, check.stdout + check.stderr


def test_dockerfile_runs_as_a_user_without_privileges():
    runtime = _stages()[-1]
    users = [rest for word, rest in runtime if word == "USER"]
    assert users and users[-1] not in ("root", "0")
    created = next(rest for word, rest in runtime if word == "RUN" and "useradd" in rest)
    assert re.search(rf"--uid (\d+)\b.*\b{users[-1]}\b", created) and "--uid 0 " not in created
    # USER comes before the command that serves requests.
    words = [word for word, _ in runtime]
    assert words.index("USER") < words.index("CMD")


def _exec_form(word: str) -> list[str]:
    rest = next(rest for w, rest in _stages()[-1] if w == word)
    if word == "HEALTHCHECK":
        rest = rest[rest.index("CMD ") + 4 :]
    return json.loads(rest)


def _app_env(**extra: str) -> dict[str, str]:
    env = base_env(**extra)
    env["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}"
    return env


@pytest.mark.real_server
def test_dockerfile_collects_static_files_at_build_time_with_a_command_that_works():
    run = next(rest for word, rest in _stages()[-1] if word == "RUN" and "collectstatic" in rest)
    assert "DJANGO_DEBUG=0" in run
    # Run the very command, with nothing else from this shell: it must not need a database or a real key.
    env = {k: v for k, v in _app_env().items() if not k.startswith("DJANGO_")}
    result = subprocess.run(["sh", "-c", run], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (ROOT / "staticfiles" / "staticfiles.json").exists()


def test_dockerfile_starts_gunicorn_with_the_project_config_which_loads():
    cmd = _exec_form("CMD")
    assert cmd[:2] == ["gunicorn", "config.wsgi:application"]
    assert cmd[cmd.index("--config") + 1] == "config/gunicorn.conf.py"
    check = [sys.executable, "-m", "gunicorn", "--check-config", *cmd[1:]]
    result = subprocess.run(check, cwd=ROOT, env=_app_env(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.real_server
def test_dockerfile_healthcheck_passes_against_a_production_server_and_fails_without_one():
    """The HEALTHCHECK asks by IP over plain HTTP, though production redirects to HTTPS and checks hosts."""
    healthcheck = _exec_form("HEALTHCHECK")
    assert healthcheck[0] == "python" and "curl" not in " ".join(healthcheck) and "/healthz" in healthcheck[-1]
    production = {
        "DJANGO_ALLOWED_HOSTS": "advisor.example.org",
        "DJANGO_SECURE_SSL_REDIRECT": "1",
        "DJANGO_SECURE_HSTS_SECONDS": "31536000",
        "DJANGO_SECURE_COOKIES": "1",
    }
    with Gunicorn(shared_migrated_database(), workers=1, env=production) as server:
        command = [sys.executable, *healthcheck[1:-1], healthcheck[-1].replace(":8000/", f":{server.port}/")]
        assert server.request("GET", "/assess/")[0] == 400  # an ordinary page refuses the unknown host
        alive = subprocess.run(command, capture_output=True, timeout=30)
    assert alive.returncode == 0, alive.stderr
    dead = subprocess.run(command, capture_output=True, timeout=30)
    assert dead.returncode != 0


def test_dockerignore_keeps_local_state_and_secrets_out_of_the_image():
    ignored = (ROOT / ".dockerignore").read_text().split()
    for entry in (".venv", ".git", "db.sqlite3*", "staticfiles", ".env"):
        assert entry in ignored


# --- docker-compose.yml ---

COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_compose_runs_the_site_on_postgresql_after_migrating():
    services = COMPOSE["services"]
    assert services["db"]["image"].startswith("postgres:")
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert services["migrate"]["command"] == ["python", "manage.py", "migrate", "--noinput"]
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert services["web"]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
    env = services["web"]["environment"]
    assert env["DATABASE_URL"].startswith("postgres://") and "@db:5432/" in env["DATABASE_URL"]
    assert env["DJANGO_DEBUG"] == "0"


def test_compose_puts_the_front_door_in_front_and_publishes_only_it():
    services = COMPOSE["services"]
    render = services["frontdoor-config"]["command"][-1]
    assert "python -m config.frontdoor render" in render and "--upstream web:8000" in render
    assert "> /frontdoor/nginx.conf" in render
    proxy = services["proxy"]
    assert proxy["image"].startswith("nginx:")
    assert proxy["command"][:3] == ["nginx", "-c", "/frontdoor/nginx.conf"]
    assert proxy["ports"] == ["8000:8080"] and "--listen 8080" in render
    assert proxy["depends_on"]["frontdoor-config"]["condition"] == "service_completed_successfully"
    assert "ports" not in services["web"]  # only through nginx
    assert services["web"]["environment"]["DJANGO_PROXY_COUNT"] == "${DJANGO_PROXY_COUNT:-1}"


def test_compose_demands_secrets_instead_of_shipping_them():
    env = COMPOSE["services"]["web"]["environment"]
    assert env["DJANGO_SECRET_KEY"].startswith("${DJANGO_SECRET_KEY:?")
    assert ":?" in COMPOSE["services"]["db"]["environment"]["POSTGRES_PASSWORD"]


def test_compose_environment_is_accepted_by_the_settings():
    """Every variable compose sets, with its defaults filled in, is one the settings accept."""
    env = {}
    for name, value in COMPOSE["services"]["web"]["environment"].items():
        value = re.sub(
            r"\$\{(\w+):\?[^}]*\}",
            lambda m: {"DJANGO_SECRET_KEY": "compose-test-" + "0123456789" * 5, "POSTGRES_PASSWORD": "pw"}[m[1]],
            str(value),
        )
        env[name] = re.sub(r"\$\{\w+:-([^}]*)\}", r"\1", value)
    env["DATABASE_URL"] = "sqlite:////nonexistent/db.sqlite3"  # no PostgreSQL named "db" here
    code = "from django.conf import settings; print(settings.DEBUG, settings.SECURE_SSL_REDIRECT, settings.ADMIN_URL)"
    result = subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env={**_app_env(), **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["False", "True", "admin/"]


def test_every_setting_the_readme_documents_exists():
    readme = (ROOT / "README.md").read_text()
    settings_text = (ROOT / "config" / "settings.py").read_text() + (ROOT / "config" / "gunicorn.conf.py").read_text()
    documented = set(re.findall(r"`((?:DJANGO|RATELIMIT|CACHE|DATABASE|COMMENT|ASSESSMENT|WEB)_[A-Z_]+)`", readme))
    assert len(documented) >= 15
    assert {name for name in documented if f'"{name}"' not in settings_text} == set()
