"""The Nu HTML Checker (vnu) finds no errors in any public page, in any state, nor in our stylesheet."""

from __future__ import annotations

import json
import shutil
import subprocess
from urllib.parse import urlencode

import pytest
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.test import Client, override_settings

from advisor.forms import quote_form_data
from advisor.protect.spam import started_token

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
        "comparison-comment-posted": ok(
            client.post(
                "/comments/",
                {
                    "name": "Ines Duarte",
                    "email": "ines@example.com",
                    "text": "Thank you.",
                    "started": started_token(seconds_ago=30),
                },
                follow=True,
            )
        ),
        "assess": ok(client.get("/assess/")),
        "assess-errors": ok(
            client.post(
                "/assess/",
                {
                    **VALID_ANSWERS,
                    "employees": "0",
                    "incidents_per_month": "",
                    "contact_consent": "on",
                    "operating_hours": "",
                },
            )
        ),
        "assess-again": ok(client.get(f"/assess/?from={assessment.public_id}")),
        "assess-gb": ok(client.get("/assess/?region=GB")),
        "result-gb": ok(client.post("/assess/", {**VALID_ANSWERS, "region": "GB", "vat_reclaim": "no"}, follow=True)),
        "result": ok(client.get(result)),
        "rescore": ok(client.get(result + "rescore/")),
        "result-rescored": ok(client.post(result + "rescore/", follow=True)),
        "depends": ok(client.get(result + "depends/")),
        "whatif": ok(client.get(result + "what-if/")),
        "whatif-compared": ok(client.get(result + "what-if/?" + whatif_query(assessment, incidents_per_month="9"))),
        "whatif-errors": ok(client.get(result + "what-if/?" + whatif_query(assessment, employees="0"))),
        "whatif-keep": ok(client.get(result + "what-if/keep/?" + whatif_query(assessment, incidents_per_month="9"))),
        "delete": ok(client.get(result + "delete/")),
        "deleted": ok(client.post(result + "delete/", follow=True)),
        "how-it-works": ok(client.get("/how-it-works/")),
        "not-found": ok(client.get("/no-such-page/"), 404),
        "bad-request": ok(client.get("/", HTTP_HOST="not-our-site.example"), 400),
        "form-not-confirmed": ok(Client(enforce_csrf_checks=True).post("/assess/", VALID_ANSWERS), 403),
        "comment-from-another-site": ok(
            client.post("/comments/", {"name": "Spam"}, HTTP_SEC_FETCH_SITE="cross-site"), 403
        ),
        "too-many-comments": too_many_comments(),
        "admin-sign-in-paused": render_to_string("locked_out.html", {"minutes": 30}),
        "server-error": render_to_string("500.html"),
    }


def whatif_query(assessment, **changes: str) -> str:
    """The what-if form as sent: the assessment's answers with some changed."""
    answers = {key: value for key, value in VALID_ANSWERS.items() if key != "organisation_name"}
    return urlencode({**answers, **quote_form_data([]), **changes, "compare": ""})


def too_many_comments() -> str:
    """The page a client sees once it has posted more comments than the limit allows."""
    with override_settings(RATELIMIT_ENABLE=True, RATELIMITS={**settings.RATELIMITS, "comments": (1, 600)}):
        cache.clear()
        client = Client()
        for _ in range(2):
            response = client.post("/comments/", {"name": "Ines", "email": "ines@example.com", "text": "Hello."})
    assert response.status_code == 429, response.status_code
    return response.content.decode()


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
        [
            *html_checker,
            "--format",
            "json",
            "--exit-zero-always",
            "--also-check-css",
            *map(str, files),
            str(stylesheet),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [
        f"{m.get('url', '').rsplit('/', 1)[-1]}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '')!r}]"
        for m in messages
        if m["type"] in {"error", "non-document-error"}
    ]
    assert not errors, f"{len(errors)} HTML/CSS errors:\n" + "\n".join(errors)
    assert len(files) == 26
