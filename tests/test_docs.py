"""README and docs/ point only at what exists: every relative link (and its #anchor) and every file path they name."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
# Paths the docs name that only a run creates (make bench, make bench-scale); .gitignore lists them.
MADE_BY_A_RUN = {"bench/.run/", "bench/results.json", "bench/scale.json", "bench/comparison.json"}
ROOMS = ("advisor/", "config/", "bench/", "tests/", "tools/", "static/", "templates/", "docs/", ".ci/")


def _anchor(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def _anchors(path: Path) -> set[str]:
    prose = re.sub(r"```.*?```", "", path.read_text(), flags=re.S)
    return {_anchor(heading) for heading in re.findall(r"^#+ (.*)$", prose, re.M)}


def test_the_docs_folder_holds_what_readme_promises():
    assert {path.name for path in DOCS} >= {
        "README.md",
        "how-a-recommendation-is-made.md",
        "api.md",
        "operations.md",
        "design.md",
        "performance.md",
    }


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.name)
def test_every_relative_link_reaches_a_file_and_its_heading(doc):
    broken = []
    for target in re.findall(r"\]\(([^)\s]+)\)", doc.read_text()):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        path, _, anchor = target.partition("#")
        destination = (doc.parent / path).resolve() if path else doc
        if not destination.exists():
            broken.append(target)
            continue
        if anchor and destination.suffix == ".md" and anchor not in _anchors(destination):
            broken.append(target)
    assert broken == []


@pytest.mark.parametrize("doc", DOCS, ids=lambda path: path.name)
def test_every_file_path_named_in_backticks_exists(doc):
    named = {token.rstrip(",.;:") for token in re.findall(r"`([^`\s]+)`", doc.read_text())}
    paths = {
        token
        for token in named
        if token.startswith(ROOMS) and not re.search(r"[<>*…{}=$]", token) and token not in MADE_BY_A_RUN
    }
    assert {path for path in paths if not (ROOT / path).exists()} == set()
