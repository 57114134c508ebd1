"""What if, in the browser: change the problems a month and a quote's price on a result, with JavaScript and
without, and see both answers side by side with the difference, nothing stored; and what the answer depends on,
its tornado chart and table, accessible at a phone's and a desktop's width."""

from __future__ import annotations

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import expect

from advisor.forms import quote_form_data
from advisor.models import Assessment, OptionOutcome

from .conftest import DESKTOP, PHONE, VALID_ANSWERS, assert_styled
from .test_pages import AXE_OPTIONS, OVERFLOWING

QUOTE = {"name": "Northern IT", "model": "msp", "price_per_user_month": "150", "includes": ["monitoring", "helpdesk"]}


@pytest.fixture
def with_quote(db):
    response = Client().post("/assess/", {**VALID_ANSWERS, **quote_form_data([QUOTE])})
    assert response.status_code == 302, response.content.decode()[:2000]
    return Assessment.objects.get()


def _rows(page) -> dict[str, list[str]]:
    table = page.locator("table.whatif-table tbody tr")
    return {
        row.locator("th").inner_text().split("\n")[0].split(" recommended")[0].strip(): [
            cell.inner_text().strip() for cell in row.locator("td").all()
        ]
        for row in table.all()
    }


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_changing_problems_and_a_quotes_price_shows_both_answers_and_stores_nothing(
    make_page, site, with_quote, javascript
):
    page = make_page(javascript=javascript)
    page.goto(site + with_quote.get_absolute_url())
    page.get_by_role("link", name="What if? Change some answers and compare").click()
    assert_styled(page)
    problems = page.get_by_label("IT problems a month that need outside help")
    expect(problems).to_have_value(re.compile(r"^3(\.0+)?$"))
    price = page.locator('input[name="quotes-0-price_per_user_month"]')
    expect(price).to_have_value(re.compile(r"^150(\.0+)?$"))
    counted = (Assessment.objects.count(), OptionOutcome.objects.count())
    problems.fill("12")
    price.fill("90")
    if javascript:
        page.evaluate("() => { window.stayed = true; }")  # gone if the page were loaded again
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", name="Your answers and the changed ones, side by side")).to_be_visible()
    if javascript:
        assert page.evaluate("() => window.stayed === true"), "the comparison loaded a new page"
    assert "compare=" in page.url and "incidents_per_month=12" in page.url
    rows = _rows(page)
    quote = rows["Your quote: Northern IT"]
    assert quote[0].startswith("$") and quote[1].startswith("$") and quote[0] != quote[1]
    assert quote[2].endswith(("more", "less"))
    assert all(len(cells) == 3 and cells[2] for cells in rows.values())
    assert "IT problems a month that need outside help" in page.locator(".whatif-result").inner_text()
    # What was typed stays in the form, and nothing was stored.
    expect(page.get_by_label("IT problems a month that need outside help")).to_have_value("12")
    expect(page.locator('input[name="quotes-0-price_per_user_month"]')).to_have_value("90")
    assert (Assessment.objects.count(), OptionOutcome.objects.count()) == counted


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_a_bad_answer_is_shown_beside_its_field_and_keeps_what_was_typed(make_page, site, assessment, javascript):
    page = make_page(javascript=javascript)
    page.goto(site + assessment.get_absolute_url() + "what-if/")
    page.get_by_label("IT problems a month that need outside help").fill("-2")
    page.get_by_label("People who use IT at work").fill("55")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_text("Please correct 1 answer below")).to_be_visible()
    field = page.get_by_label("IT problems a month that need outside help")
    expect(field).to_have_value("-2")
    expect(page.get_by_label("People who use IT at work")).to_have_value("55")
    expect(
        page.locator("#id_incidents_per_month ~ .invalid-feedback, #error_1_id_incidents_per_month")
    ).not_to_have_count(0)


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["375px", "1280px"])
def test_the_tornado_chart_and_its_table_pass_axe_and_fit_the_screen(make_page, site, assessment, viewport):
    page = make_page(viewport=viewport)
    page.goto(site + assessment.get_absolute_url())
    page.get_by_role("link", name="What it depends on, in a chart, and what to measure").click()
    section = page.locator("section.depends")
    expect(section.locator("svg.tornado")).to_be_visible()
    expect(section.locator("table.depends-table")).to_be_visible()
    results = Axe().run(page, context="section.depends", options=AXE_OPTIONS)
    assert results.violations_count == 0, results.generate_report()
    chart = section.locator("svg.tornado").bounding_box()
    assert chart["x"] >= 0 and chart["x"] + chart["width"] <= viewport["width"]
    # Its labels stay legible: at least 11 px on screen at either width.
    scale = chart["width"] / 400
    assert 14 * scale >= 11
    overflow = page.evaluate(OVERFLOWING)
    assert overflow["scrollWidth"] <= overflow["width"], overflow["out"]
