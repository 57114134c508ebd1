"""The dependencies are locked: requirements.lock pins every one, with hashes, and is what set-up installs."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version

from packaging.requirements import Requirement
from packaging.version import Version

from tests.gunicorn_server import ROOT

LOCK = (ROOT / "requirements.lock").read_text()
PINS = {m[1].lower(): Version(m[2]) for m in re.finditer(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)", LOCK, re.M)}
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_every_locked_package_is_pinned_with_hashes():
    entries = [entry for entry in re.split(r"\n(?=[A-Za-z0-9])", LOCK) if not entry.startswith("#")]
    assert len(entries) == len(PINS) > 20
    for entry in entries:
        assert "==" in entry.splitlines()[0] and "--hash=sha256:" in entry, entry


def test_the_lock_holds_every_declared_dependency_within_its_range():
    """pyproject.toml keeps ranges (runtime, the test extra and the redis extra); the lock picks one release in each."""
    declared = (
        PROJECT["dependencies"] + PROJECT["optional-dependencies"]["test"] + PROJECT["optional-dependencies"]["redis"]
    )
    pins = {_normal(name): pinned for name, pinned in PINS.items()}
    for line in declared:
        requirement = Requirement(line)
        pinned = pins.get(_normal(requirement.name))
        assert pinned is not None, f"{requirement.name} is not in requirements.lock"
        assert requirement.specifier.contains(pinned, prereleases=True), (requirement, pinned)


def test_django_is_a_release_without_published_advisories():
    assert PINS["django"] >= Version("5.2.8")
    assert Requirement(next(d for d in PROJECT["dependencies"] if d.startswith("Django"))).specifier.contains("5.2.8")
    assert not Requirement(next(d for d in PROJECT["dependencies"] if d.startswith("Django"))).specifier.contains(
        "5.2.7"
    )
    assert Version(version("django")) >= Version("5.2.8")  # and it is what runs


def test_make_run_and_make_test_install_from_the_lock_checking_hashes():
    makefile = (ROOT / "Makefile").read_text()
    recipe = re.search(r"^\$\(STAMP\):(.*)\n((?:\t.*\n)+)", makefile, re.M)
    assert "requirements.lock" in recipe.group(1)
    steps = recipe.group(2)
    assert "pip install --quiet --require-hashes -r requirements.lock" in steps
    assert "pip install --quiet --no-deps -e ." in steps
    for target in ("run", "test"):
        assert re.search(rf"^{target}: setup\b", makefile, re.M) and re.search(r"^setup: \$\(STAMP\)", makefile, re.M)


def test_the_redis_client_is_an_optional_dependency():
    assert any(Requirement(d).name == "redis" for d in PROJECT["optional-dependencies"]["redis"])
    assert not any(Requirement(d).name == "redis" for d in PROJECT["dependencies"])


def test_ci_runs_the_cache_and_rate_limit_tests_against_a_redis_server_it_starts_and_stops():
    script = (ROOT / ".ci" / "run").read_text()
    assert "packages+=(redis-server)" in script
    start, stop, suite = (
        script.index("redis-server --port"),
        script.index("trap stop_redis EXIT"),
        script.index("make test\n"),
    )
    assert start < stop < suite  # started before the suite, stopped however the run ends
    assert 'export ADVISOR_TEST_REDIS_URL="redis://127.0.0.1:$redis_port/0"' in script
    assert "--maxmemory-policy noeviction" in script
