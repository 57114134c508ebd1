"""Every public page, in each state, checked the way people use it: axe, the keyboard, a phone and a desktop."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from .conftest import DESKTOP, PHONE, assert_styled
from .pages import PAGES

# WCAG 2.0 and 2.1, levels A and AA, plus axe's best practices.
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}

# Controls a keyboard user must be able to reach. Radio buttons sharing a name are one stop: Tab enters the
# group and the arrow keys move inside it.
MARK_FOCUSABLES = """() => {
  const selector = 'a[href], button:not([disabled]), input:not([type=hidden]):not([disabled]), '
    + 'select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex="-1"])';
  const keys = new Set();
  document.querySelectorAll(selector).forEach((el, index) => {
    const style = getComputedStyle(el);
    const skipLink = el.classList.contains('visually-hidden-focusable');
    // checkVisibility: not inside a folded section (closed details) either, where Tab does not go until
    // its summary is opened.
    const shown = skipLink || (el.checkVisibility({visibilityProperty: true}) && style.visibility !== 'hidden');
    if (!shown) return;
    const key = el.type === 'radio' ? 'radio:' + el.name : 'el:' + index;
    el.dataset.kbd = key;
    keys.add(key);
  });
  return [...keys];
}"""

FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const style = getComputedStyle(el);
  const rect = el.getBoundingClientRect();
  return {
    key: el.dataset.kbd || null,
    html: el.outerHTML.slice(0, 120),
    focusVisible: el.matches(':focus-visible'),
    outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2,
    shadow: style.boxShadow !== 'none',
    onScreen: rect.width > 0 && rect.height > 0,
  };
}"""

OVERFLOWING = """() => {
  // Elements sticking out to the right of the viewport, unless inside a box that scrolls or clips them.
  const width = document.documentElement.clientWidth;
  const clipped = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (p === document.body || p === document.documentElement) return false;
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const out = [];
  for (const el of document.body.querySelectorAll('*')) {
    const rect = el.getBoundingClientRect();
    if (rect.width && rect.right > width + 1 && !clipped(el)) out.push(el.outerHTML.slice(0, 100));
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, out: out.slice(0, 10)};
}"""


def open_page(page, site: str, name: str, assessment) -> None:
    PAGES[name](page, site, assessment)
    assert_styled(page)


@pytest.mark.parametrize("name", PAGES)
def test_axe_finds_no_accessibility_violations_on_phone_or_desktop(make_page, site, assessment, approved_comment, name):
    page = make_page(viewport=DESKTOP)
    open_page(page, site, name, assessment)
    for viewport in (DESKTOP, PHONE):
        page.set_viewport_size(viewport)
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, f"{name} at {viewport['width']} px:\n{results.generate_report()}"


@pytest.mark.parametrize("name", PAGES)
def test_keyboard_reaches_every_control_with_a_visible_focus(make_page, site, assessment, approved_comment, name):
    page = make_page(viewport=DESKTOP)
    open_page(page, site, name, assessment)
    expected = set(page.evaluate(MARK_FOCUSABLES))
    assert expected, "a page with nothing to reach by keyboard"
    reached: list[str] = []
    invisible: list[str] = []
    strays: list[str] = []
    # Focus may start part-way down (after a form post to #comments) and passes through the browser
    # itself after the last control, so go round until the first control comes back.
    for _ in range(len(expected) * 2 + 10):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused is None:
            continue
        if reached and focused["key"] == reached[0]:
            break
        if focused["key"] is None:
            strays.append(focused["html"])
            continue
        reached.append(focused["key"])
        if not (focused["focusVisible"] and (focused["outline"] or focused["shadow"]) and focused["onScreen"]):
            invisible.append(focused["html"])
    assert not invisible, "focus is not visible on:\n" + "\n".join(invisible)
    unreached = expected - set(reached)
    assert not unreached, f"not reachable by Tab: {sorted(unreached)}"
    assert not strays, "Tab stopped on something that is not a control:\n" + "\n".join(strays)


@pytest.mark.parametrize("name", PAGES)
def test_page_fits_a_phone_without_sideways_scrolling(make_page, site, assessment, approved_comment, artifacts, name):
    screens = artifacts / "screenshots"
    screens.mkdir(exist_ok=True)
    page = make_page(viewport=PHONE)
    open_page(page, site, name, assessment)
    layout = page.evaluate(OVERFLOWING)
    page.screenshot(path=screens / f"{name}-375x812.png", full_page=True)
    assert layout["scrollWidth"] <= PHONE["width"], layout
    assert not layout["out"], f"sticking out of a {PHONE['width']} px screen: {layout['out']}"
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=screens / f"{name}-1280x800.png", full_page=True)


def test_comparison_table_reads_as_one_labelled_card_per_aspect_on_a_phone(make_page, site):
    from advisor.models import SupportModel

    page = make_page(viewport=PHONE)
    page.goto(site + "/")
    assert_styled(page)
    page.get_by_text("The options in between, aspect by aspect").click()  # the second table is folded
    names = list(SupportModel.objects.filter(is_active=True).values_list("name", flat=True))
    tables = page.locator(".comparison-table")
    # The classic two side by side, then the options in between: every active option in one of them.
    headed = [
        [th.inner_text().strip() for th in table.locator("thead th[scope=col]").all()[1:]] for table in tables.all()
    ]
    assert [name for group in headed for name in group] == names
    cells = [
        (cell, name)
        for table, group in zip(tables.all(), headed, strict=False)
        for row in table.locator("tbody tr").all()
        for cell, name in zip(row.locator("td").all(), group, strict=False)
    ]
    assert len(cells) == len(names) * page.locator(".comparison-table").first.locator("tbody tr").count()
    for cell, name in cells:
        # Each cell says whose it is, spans the card, and keeps a readable text size.
        label = cell.locator(".cell-model")
        assert label.is_visible() and label.inner_text().strip().lower() == name.lower()
        box = cell.bounding_box()
        assert box["width"] >= PHONE["width"] - 60, box
        size = cell.locator("p").first.evaluate("el => parseFloat(getComputedStyle(el).fontSize)")
        assert size >= 16, size


def test_form_controls_use_the_page_font(make_page, site):
    """Selects and text areas are drawn by Django's widgets, not named in templates: a stylesheet trimmed to
    the names in templates once lost the rules that give them the page's font."""
    page = make_page()
    for path, controls in (("/assess/", "select, input.form-control"), ("/", "textarea, input.form-control")):
        page.goto(site + path)
        assert_styled(page)
        body_font = page.evaluate("getComputedStyle(document.body).fontFamily")
        fonts = page.locator(controls).evaluate_all(
            "els => els.map(el => [el.tagName + '#' + el.id, getComputedStyle(el).fontFamily])"
        )
        assert fonts and all(font == body_font for _, font in fonts), (body_font, fonts)
    resize = page.locator("textarea").first.evaluate("el => getComputedStyle(el).resize")
    assert resize == "vertical"


def test_charts_and_rating_dots_have_text_equivalents(make_page, site, assessment):
    page = make_page()
    page.goto(site + "/")
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    dots = page.locator(".rating")
    assert dots.count() >= 10
    for rating in dots.all():
        # The dots are hidden from screen readers; the words beside them say the same.
        assert rating.get_attribute("aria-hidden") == "true"
        filled = rating.locator(".dot.on").count()
        text = rating.locator("xpath=following-sibling::*[contains(@class, 'rating-text')][1]").inner_text()
        assert text == f"{filled} out of 5"

    page.goto(site + assessment.get_absolute_url())
    page.evaluate("document.querySelectorAll('details').forEach(d => { d.open = true; })")
    charts = page.get_by_role("img")
    assert charts.count() == 2
    for chart in charts.all():
        # Named and described (title and desc), and followed by a table holding the same figures.
        described = chart.evaluate(
            "el => el.getAttribute('aria-labelledby').split(' ').map(id => document.getElementById(id).textContent)"
        )
        assert len(described) == 2 and all(len(part) > 20 for part in described), described
        assert chart.locator("xpath=ancestor::details//table").count() == 1
