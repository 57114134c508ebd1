"""The two-page summary (issue 29) in a real Chromium: printed to PDF on A4 and on US Letter in at most two pages,
its QR code decoded back to the page's address, accessible (axe) and valid (the Nu HTML Checker), the shared copy
naming no quote, and the result's "Print or save as PDF" opening it (with JavaScript, its print dialog too)."""

from __future__ import annotations

import json
import subprocess
import unicodedata
from io import BytesIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import expect
from pypdf import PdfReader

from advisor.engine.domain import QUOTE_INCLUDES

from .conftest import ARTIFACTS, DESKTOP, PHONE, VALID_ANSWERS, assert_styled
from .test_html import html_checker  # noqa: F401 - the Nu HTML Checker, a fixture
from .test_pages import AXE_OPTIONS
from .test_quotes_browser import posted_quote

ALL = [key for key, _ in QUOTE_INCLUDES]
# Three quotes with terms to question, named as no page would otherwise name anything.
NORTHERN, PENNINE, DALES = "Northern Fellside IT", "Pennine Quarry Support", "Dales Wharfe Computing"


@pytest.fixture
def three_quotes(db):
    """An assessment with three quotes, made through the real form."""
    from advisor.models import Assessment

    data = {
        **VALID_ANSWERS,
        "quotes-TOTAL_FORMS": "3",
        "quotes-INITIAL_FORMS": "0",
        **posted_quote(0, name=NORTHERN, price_per_user_month="120", notice_days="30", response_hours="4"),
        "quotes-0-includes": [key for key in ALL if key != "onsite"],
        **posted_quote(
            1,
            name=PENNINE,
            price_per_user_month="105",
            term_months="36",
            yearly_increase_percent="5",
            notice_days="120",
            termination_fee_months="3",
            response_hours="8",
            onboarding="1500",
        ),
        "quotes-1-includes": ["helpdesk", "monitoring", "security", "backup"],
        **posted_quote(2, name=DALES, price_per_user_month="160", term_months="24", notice_days="60"),
        "quotes-2-includes": ["helpdesk", "monitoring"],
    }
    response = Client().post("/assess/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assessment = Assessment.objects.get()
    assert assessment.quote_count == 3 and assessment.share_id
    return assessment


def summary_urls(site: str, assessment) -> dict[str, str]:
    return {
        "summary": site + assessment.get_absolute_url() + "summary/",
        "shared-summary": site + assessment.get_shared_url() + "summary/",
    }


def pdf_pages(pdf: bytes) -> tuple[int, str]:
    reader = PdfReader(BytesIO(pdf))
    text = " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages)
    return len(reader.pages), unicodedata.normalize("NFKC", text)  # NFKC undoes the fonts' ligatures


@pytest.mark.parametrize("paper", ["A4", "Letter"])
def test_the_summary_of_a_result_with_three_quotes_prints_on_at_most_two_pages(
    make_page, site, three_quotes, artifacts, paper
):
    page = make_page()
    page.goto(summary_urls(site, three_quotes)["summary"])
    assert_styled(page)
    page.emulate_media(media="print")
    pdf = page.pdf(format=paper, prefer_css_page_size=True)
    (artifacts / f"summary-{paper}.pdf").write_bytes(pdf)
    pages, text = pdf_pages(pdf)
    assert pages <= 2, f"the summary prints on {pages} {paper} pages"
    for kept in (
        "What each option would cost",
        "Your quotes",
        f"Question {PENNINE}'s 36-month term",
        f"Ask {NORTHERN} to price on-site visits",
        "What would change the answer",
        "Next steps",
        "The assumptions that matter most",
    ):
        assert kept in text, f"{kept!r} is missing from the {paper} print"
    # The address wraps in its narrow column beside the QR code: read without the breaks.
    assert summary_urls(site, three_quotes)["summary"] in text.replace(" ", "")
    for dropped in ("Skip to main content", "Take the assessment", "Open the full result"):
        assert dropped not in text, f"{dropped!r} should not be printed"


def test_the_qr_code_decodes_to_the_summarys_own_address(make_page, site, three_quotes):
    import zxingcpp
    from PIL import Image

    for url in summary_urls(site, three_quotes).values():
        page = make_page()
        page.goto(url)
        qr = page.locator("svg.qr")
        expect(qr).to_be_visible()
        shot = Image.open(BytesIO(qr.screenshot()))
        found = zxingcpp.read_barcodes(shot)
        assert [code.text for code in found] == [url]
        expect(page.get_by_role("link", name=url)).to_be_visible()  # the same address as text


def test_the_shared_summary_names_no_quote(make_page, site, three_quotes):
    page = make_page()
    page.goto(summary_urls(site, three_quotes)["shared-summary"])
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    text = page.locator("body").inner_text()
    html = page.content()
    for name in (NORTHERN, PENNINE, DALES):
        assert name not in text and name not in html
    expect(page.get_by_role("heading", name="Your quotes")).to_have_count(0)
    # The full summary does name them: the shared one leaves them out, not the page.
    page.goto(summary_urls(site, three_quotes)["summary"])
    for name in (NORTHERN, PENNINE, DALES):
        expect(page.get_by_role("rowheader", name=name, exact=False)).to_be_visible()


@pytest.mark.parametrize("name", ["summary", "shared-summary"])
def test_axe_finds_no_violations_on_the_summaries(make_page, site, three_quotes, name):
    page = make_page(viewport=DESKTOP)
    page.goto(summary_urls(site, three_quotes)[name])
    assert_styled(page)
    for viewport in (DESKTOP, {"width": 320, "height": 640}):
        page.set_viewport_size(viewport)
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, f"{name} at {viewport['width']} px:\n{results.generate_report()}"


def test_the_summaries_are_valid_html(html_checker, make_page, site, three_quotes):  # noqa: F811
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for name, url in summary_urls(site, three_quotes).items():
        response = make_page().goto(url)
        assert response.status == 200
        path = folder / f"{name}.html"
        path.write_text(response.text(), encoding="utf-8")
        files.append(str(path))
    run = subprocess.run(
        [*html_checker, "--format", "json", "--exit-zero-always", *files],
        check=False,
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
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)


PRINT_SPY = "window.__printed = 0; window.print = function () { window.__printed += 1; };"


@pytest.mark.parametrize("javascript", [True, False], ids=["javascript", "no-javascript"])
def test_print_or_save_as_pdf_on_the_result_leads_to_the_summary(make_page, site, three_quotes, javascript):
    page = make_page(javascript=javascript, viewport=PHONE)
    if javascript:
        page.add_init_script(PRINT_SPY)  # the dialog itself cannot be seen headless: count the calls instead
    page.goto(site + three_quotes.get_absolute_url())
    page.get_by_role("link", name="Print or save as PDF").click()
    summary = site + three_quotes.get_absolute_url() + "summary/"
    expect(page).to_have_url(summary)  # with JavaScript, the #print that asked for the dialog is taken off again
    expect(page.get_by_role("heading", name="What each option would cost")).to_be_visible()
    if javascript:
        page.wait_for_function("window.__printed === 1")
        page.get_by_role("button", name="Print or save as PDF").click()
        page.wait_for_function("window.__printed === 2")
    else:
        expect(page.get_by_role("button", name="Print or save as PDF")).to_be_hidden()


def test_the_full_result_still_prints_everything_and_not_the_button(make_page, site, three_quotes):
    page = make_page()
    page.goto(site + three_quotes.get_absolute_url())
    expect(page.get_by_role("link", name="Print or save as PDF")).to_be_visible()
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Print or save as PDF")).to_be_hidden()
    pages, text = pdf_pages(page.pdf(format="A4"))
    for kept in ("Your quotes", "Assumptions and sources", "Your answers", NORTHERN, DALES):
        assert kept in text
    assert pages > 2
