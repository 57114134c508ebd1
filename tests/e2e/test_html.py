"""The Nu HTML Checker (vnu) finds no errors in any public page, in any state, nor in our stylesheet."""
from __future__ import annotations

import json
import shutil
import subprocess

import pytest
from django.template.loader import render_to_string
from django.test import Client

from .conftest import ARTIFACTS, ROOT, VALID_ANSWERS, require

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


@pytest.fixture(scope="session")
def html_checker() -> list[str]:
    java = shutil.which("java")
    require(java is not None, "Java was not found", "`apt-get install default-jre-headless`")
    require(VNU.exists(), f"the Nu HTML Checker is missing ({VNU.relative_to(ROOT)})", "`make checkers` (npm ci)")
    return [java, "-jar", str(VNU)]


def page_sources(assessment) -> dict[str, str]:
    """The HTML of every public page and state, exactly as the site serves it."""
    client = Client()

    def ok(response, status: int = 200) -> str:
        assert response.status_code == status, (response.status_code, response.content[:500])
        return response.content.decode()

    result = assessment.get_absolute_url()
    return {
        "comparison": ok(client.get("/")),
        "comparison-comment-errors": ok(client.post("/comments/", {"email": "not-an-address"})),
        "comparison-comment-posted": ok(client.post(
            "/comments/", {"name": "Ines Duarte", "email": "ines@example.com", "text": "Thank you."}, follow=True,
        )),
        "assess": ok(client.get("/assess/")),
        "assess-errors": ok(client.post("/assess/", {**VALID_ANSWERS, "employees": "0", "incidents_per_month": "",
                                                     "contact_consent": "on", "operating_hours": ""})),
        "assess-again": ok(client.get(f"/assess/?from={assessment.public_id}")),
        "result": ok(client.get(result)),
        "result-rescored": ok(client.post(result + "rescore/", follow=True)),
        "delete": ok(client.get(result + "delete/")),
        "deleted": ok(client.post(result + "delete/", follow=True)),
        "not-found": ok(client.get("/no-such-page/"), 404),
        "server-error": render_to_string("500.html"),
    }


def test_every_public_page_is_valid_html(html_checker, assessment, approved_comment):
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name, html in page_sources(assessment).items():
        path = folder / f"{name}.html"
        path.write_text(html, encoding="utf-8")
        files.append(path)
    stylesheet = ROOT / "static" / "advisor" / "site.css"
    run = subprocess.run(
        [*html_checker, "--format", "json", "--exit-zero-always", "--also-check-css", *map(str, files),
         str(stylesheet)],
        capture_output=True, text=True, timeout=120,
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '')!r}]"
        for m in messages
        if m["type"] in {"error", "non-document-error"}
    ]
    assert not errors, f"{len(errors)} HTML/CSS errors:\n" + "\n".join(errors)
    assert len(files) == 12
