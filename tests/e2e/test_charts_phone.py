"""The result's charts at 320, 375 and 1280 px (issue 29): drawn again for a phone rather than shrunk, nothing to scroll
sideways, no label drawn smaller than 11 px, every range inside the chart, the tables still there. Screenshots of
the result's charts and of the summary at each width go to test-artifacts/ for a person to look at."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import assert_styled

WIDTHS = {
    "320": {"width": 320, "height": 640},
    "375": {"width": 375, "height": 812},
    "1280": {"width": 1280, "height": 800},
}

# For the chart shown: its drawn width, the smallest label as drawn (px), and whether everything drawn in it lies
# inside its viewBox (a whisker's end beyond it would be cut off).
MEASURE = """svg => {
  const box = svg.getBoundingClientRect(), view = svg.viewBox.baseVal, scale = box.width / view.width;
  const sizes = Array.from(svg.querySelectorAll('text')).map(t => parseFloat(getComputedStyle(t).fontSize) * scale);
  const drawn = svg.getBBox();
  return {left: box.left, right: box.right, smallest: Math.min(...sizes),
          inside: drawn.x >= -0.5 && drawn.x + drawn.width <= view.width + 0.5};
}"""


@pytest.mark.parametrize("width", WIDTHS)
def test_the_charts_fit_the_screen_legibly_with_their_ranges_and_tables(make_page, site, assessment, artifacts, width):
    viewport = WIDTHS[width]
    page = make_page(viewport=viewport)
    page.goto(site + assessment.get_absolute_url())
    assert_styled(page)
    for section in ("#cost-chart-section", "#needs"):
        page.locator(f"{section} > summary").click()
        frame = page.locator(f"{section} .chart-frame")
        shown = frame.locator("svg:visible")
        expect(shown).to_have_count(1)  # one layout at a time
        expected = "chart-phone" if viewport["width"] < 768 else "chart"
        expect(shown).to_have_class(expected)
        m = shown.evaluate(MEASURE)
        assert m["left"] >= 0 and m["right"] <= viewport["width"], f"{section} runs off a {width} px screen: {m}"
        assert m["smallest"] >= 11, f"{section}'s smallest label is {m['smallest']:.1f} px at {width} px"
        assert m["inside"], f"something in {section}'s chart is drawn outside it at {width} px"
        expect(page.locator(f"{section} table")).to_be_visible()  # the figures stay, in a table
        frame.screenshot(path=artifacts / f"result-{section[1:]}-{width}.png")
    if viewport["width"] < 768:  # the figures table, stacked, labels each value from the stylesheet
        page.locator("#assumptions > summary").click()
        value = page.locator("#assumptions tbody td").nth(1)
        label = value.evaluate("td => getComputedStyle(td, '::before').content")
        assert label.startswith('"Value used"'), label
        page.locator("#assumptions tbody tr").first.screenshot(path=artifacts / f"result-figure-row-{width}.png")
    page.evaluate("window.scrollTo(0, 0)")
    page.screenshot(path=artifacts / f"result-{width}.png")  # the first screen
    no_sideways = page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    assert no_sideways, f"the result scrolls sideways at {width} px"

    page.goto(site + assessment.get_absolute_url() + "summary/")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), "the summary scrolls sideways"
    page.screenshot(path=artifacts / f"summary-{width}.png", full_page=True)
