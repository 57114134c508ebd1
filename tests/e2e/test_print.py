"""The result page prints cleanly: no navigation or buttons; the recommendation, charts and tables kept."""

from __future__ import annotations

import re
import unicodedata
from io import BytesIO

from playwright.sync_api import expect
from pypdf import PdfReader


def test_result_page_prints_the_recommendation_charts_and_tables_without_navigation(
    make_page, site, assessment, artifacts
):
    page = make_page()
    page.goto(site + assessment.get_absolute_url())
    page.emulate_media(media="print")

    for hidden in (".site-header", ".site-footer", ".skip-link", ".keep", ".btn"):
        for element in page.locator(hidden).all():
            expect(element).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("svg.chart")).to_have_count(2)
    for chart in page.locator("svg.chart").all():
        expect(chart).to_be_visible()
    for table in page.get_by_role("table").all():
        expect(table).to_be_visible()
    expect(page.get_by_text("Permanent link: http")).to_be_visible()

    pdf = page.pdf(format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
    (artifacts / "result-print.pdf").write_bytes(pdf)
    reader = PdfReader(BytesIO(pdf))
    # NFKC undoes the ligatures the PDF's fonts use ("ﬀ" in an address becomes "ff").
    text = unicodedata.normalize("NFKC", " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages))

    heading = " ".join(page.get_by_role("heading", level=1).inner_text().split())
    assert heading in text
    for kept in (
        "What each would cost over three years",
        "Lost work (estimate)",
        "All told",  # the first screen
        "What would change it",
        "Next steps: what to ask a provider",
        # Folded sections print open: the scope, the cost chart's table, the needs, scores, answers, sources.
        "What each option covers",
        "Expected bills over three years, line by line",
        "How well each option meets your needs",
        "Assumptions and sources",
        "Your answers",
        "Permanent link: " + site + assessment.get_absolute_url(),
    ):
        assert kept in text, f"{kept!r} is missing from the printed result"
    assert re.search(r"Proactive monitoring need \d+ %", text), "the needs chart's labels are not printed"
    for dropped in (
        "Skip to main content",
        "Take the assessment",
        "Catalogue as JSON",
        "Start again with these answers",
        "Delete this assessment",
        "Swipe the chart",
    ):
        assert dropped not in text, f"{dropped!r} should not be printed"
