"""The dependencies are locked, with hashes: requirements-dev.lock pins every one and is what set-up installs;
requirements.lock pins the site's own at the same releases and is what the image installs."""

from __future__ import annotations

import re
import tomllib
from importlib.metadata import version

import pytest
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.version import Version

from tests.gunicorn_server import ROOT

LOCK = (ROOT / "requirements.lock").read_text()
DEV_LOCK = (ROOT / "requirements-dev.lock").read_text()
PIN = re.compile(r"^([A-Za-z0-9_.-]+)==([^\s\\]+)(?: ; ([^\\\n]+?))?\s*\\?$", re.M)
PINS = {m[1].lower(): Version(m[2]) for m in PIN.finditer(DEV_LOCK)}
# What this Python installs: a pin with an environment marker (async-timeout, for redis on Python before 3.11.3)
# only where its marker holds.
DEV_PINS = {m[1].lower(): Version(m[2]) for m in PIN.finditer(DEV_LOCK) if m[3] is None or Marker(m[3]).evaluate()}


def _entries(lock: str) -> dict[str, tuple[str, frozenset[str]]]:
    """Each locked package's release and hashes."""
    entries = [entry for entry in re.split(r"\n(?=[A-Za-z0-9])", lock) if not entry.startswith("#")]
    found = {}
    for entry in entries:
        name, pinned, _marker = PIN.match(entry).groups()
        found[name.lower()] = (pinned, frozenset(re.findall(r"--hash=sha256:([0-9a-f]{64})", entry)))
    return found


PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@pytest.mark.parametrize("lock", [LOCK, DEV_LOCK], ids=["requirements.lock", "requirements-dev.lock"])
def test_every_locked_package_is_pinned_with_hashes(lock):
    entries = [entry for entry in re.split(r"\n(?=[A-Za-z0-9])", lock) if not entry.startswith("#")]
    assert len(entries) == len(PIN.findall(lock)) > 20
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


def test_what_runs_the_tests_is_exactly_the_development_lock():
    """`make setup` installs requirements-dev.lock, hashes checked; so what the suite runs on is what is locked."""
    for name, pinned in DEV_PINS.items():
        assert Version(version(name)) == pinned, name


def test_the_image_lock_pins_what_the_development_lock_pins_with_the_same_hashes():
    """requirements.lock (what the image installs, Dockerfile) is a part of requirements-dev.lock, release for
    release and hash for hash: the image runs on what the tests ran on."""
    development = _entries(DEV_LOCK)
    image = _entries(LOCK)
    assert "setuptools" in image and "django" in image and "pytest" not in image
    for name, (pinned, hashes) in image.items():
        assert development[name] == (pinned, hashes), name


def test_the_redis_client_is_an_optional_dependency():
    assert any(Requirement(d).name == "redis" for d in PROJECT["optional-dependencies"]["redis"])
    assert not any(Requirement(d).name == "redis" for d in PROJECT["dependencies"])
