"""The requirement-by-option matrix (issue 32): axe finds nothing and the Nu checker no error at 375 and 1280 px,
folded on screen and open; it fits a phone, and it prints open."""

from __future__ import annotations

import json
import shutil
import subprocess
import unicodedata
from io import BytesIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import expect
from pypdf import PdfReader

from .conftest import DESKTOP, PHONE, VALID_ANSWERS, require
from .test_html import ARTIFACTS, VNU
from .test_pages import AXE_OPTIONS, OVERFLOWING

ASKED = {**VALID_ANSWERS, "cyber_insurance": "yes", "frameworks": ["hipaa"], "controls": ["edr"]}


@pytest.fixture(scope="session")
def html_checker() -> list[str]:
    java = shutil.which("java")
    require(java is not None, "Java was not found", "`apt-get install default-jre-headless`")
    require(VNU.exists(), "the Nu HTML Checker is missing", "`make checkers` (npm ci)")
    return [java, "-jar", str(VNU)]


@pytest.fixture
def insured(db):
    """An assessment with an insurer and a framework, so its result carries the matrix."""
    from advisor.models import Assessment

    response = Client().post("/assess/", ASKED)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Assessment.objects.get()


def test_the_matrix_passes_axe_folded_and_open_at_375_and_1280_px(make_page, site, insured):
    page = make_page(viewport=DESKTOP)
    page.goto(site + insured.get_absolute_url())
    matrix = page.locator("details#requirements")
    expect(matrix).to_have_count(1)
    for state in ("folded", "open"):
        if state == "open":
            matrix.locator("summary").click()
            expect(matrix.get_by_role("table")).to_be_visible()
        for viewport in (DESKTOP, PHONE):
            page.set_viewport_size(viewport)
            results = Axe().run(page, options=AXE_OPTIONS)
            assert results.violations_count == 0, f"{state} at {viewport['width']} px:\n{results.generate_report()}"
    page.set_viewport_size(PHONE)
    overflow = page.evaluate(OVERFLOWING)
    assert overflow["scrollWidth"] <= overflow["width"], overflow


def test_the_matrix_is_valid_html(html_checker, insured):
    html = Client().get(insured.get_absolute_url()).content.decode()
    assert 'id="requirements"' in html
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "result-requirements.html"
    path.write_text(html, encoding="utf-8")
    run = subprocess.run(
        [*html_checker, "--format", "json", "--exit-zero-always", str(path)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    errors = [m for m in json.loads(run.stderr)["messages"] if m["type"] in {"error", "non-document-error"}]
    assert not errors, errors


def test_the_matrix_prints_open(make_page, site, insured, artifacts):
    page = make_page()
    page.goto(site + insured.get_absolute_url())
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
    (artifacts / "result-requirements-print.pdf").write_bytes(pdf)
    reader = PdfReader(BytesIO(pdf))
    text = unicodedata.normalize("NFKC", " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages))
    for kept in (
        "What your insurer and frameworks ask, option by option",
        "A Business Associate Agreement signed by the provider",
        "not certification or legal advice",
    ):
        assert kept in text, f"{kept!r} is missing from the printed result"
