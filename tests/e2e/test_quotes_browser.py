"""Check my quotes (issue 15) in a real Chromium: entering quotes on the form, the result with them and the link
without them, each accessible (axe) and valid (the Nu HTML Checker) on a phone and a desktop, and in print."""

from __future__ import annotations

import json
import re
import subprocess
import unicodedata
from io import BytesIO

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.test import Client
from playwright.sync_api import expect
from pypdf import PdfReader

from advisor.engine.domain import QUOTE_INCLUDES

from .conftest import ARTIFACTS, DESKTOP, VALID_ANSWERS, assert_styled
from .test_flows import RESULT_URL, fill_assessment
from .test_html import html_checker  # noqa: F401 - the Nu HTML Checker, a fixture
from .test_pages import AXE_OPTIONS

PHONE_390 = {"width": 390, "height": 844}
SHARED_URL = re.compile(r"/shared/[0-9a-f-]{36}/$")
INCLUDES = dict(QUOTE_INCLUDES)

# Names no page would otherwise contain.
FIRST, SECOND = "Zephyr Managed IT", "Quokka Networks"


def posted_quote(index: int, **typed: str) -> dict:
    blank = {
        "name": "",
        "price_per_user_month": "",
        "price_per_device_month": "",
        "flat_monthly": "",
        "minimum_monthly": "",
        "onboarding": "",
        "term_months": "12",
        "yearly_increase_percent": "0",
        "notice_days": "0",
        "termination_fee_months": "0",
        "response_hours": "",
    }
    return {f"quotes-{index}-{key}": value for key, value in {**blank, **typed}.items()}


@pytest.fixture
def quoted(db):
    """An assessment with two quotes, made through the real form (the third quote left blank)."""
    from advisor.models import Assessment

    data = {
        **VALID_ANSWERS,
        "quotes-TOTAL_FORMS": "3",
        "quotes-INITIAL_FORMS": "0",
        **posted_quote(
            0,
            name=FIRST,
            price_per_user_month="120",
            term_months="36",
            yearly_increase_percent="5",
            notice_days="120",
            response_hours="4",
            onboarding="1000",
        ),
        "quotes-0-includes": [key for key, _ in QUOTE_INCLUDES],
        **posted_quote(1, name=SECOND, price_per_user_month="150"),
        "quotes-1-includes": ["monitoring"],
        **posted_quote(2),
    }
    response = Client().post("/assess/", data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assessment = Assessment.objects.get()
    assert assessment.quote_count == 2 and assessment.share_id
    return assessment


def open_quote(page, number: int):
    """Unfold quote `number` (1 to 3) as a person would, by its summary, and return its <details>."""
    quote = page.locator("details.quote-entry").nth(number - 1)
    expect(quote).not_to_have_attribute("open", "")
    quote.locator("summary").click()
    expect(quote.get_by_label("Provider or quote name")).to_be_visible()
    return quote


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_a_person_enters_two_quotes_and_sees_which_is_the_better_deal(make_page, site, javascript):
    from advisor.models import Assessment

    page = make_page(javascript=javascript)
    page.goto(site + "/assess/")
    assert_styled(page)
    fill_assessment(page)
    first = open_quote(page, 1)
    first.get_by_label("Provider or quote name").fill(FIRST)
    first.get_by_label("Price a user a month ($)").fill("120")
    first.get_by_label("Onboarding, one-off ($)").fill("1000")
    first.get_by_label("Contract term (months)").fill("36")
    first.get_by_label("Yearly price increase (%)").fill("5")
    first.get_by_label("Notice to leave (days)").fill("120")
    first.get_by_label("Promised response to an urgent problem (working hours)").fill("4")
    for label in INCLUDES.values():
        first.get_by_label(label, exact=True).check()
    second = open_quote(page, 2)
    second.get_by_label("Provider or quote name").fill(SECOND)
    second.get_by_label("Price a user a month ($)").fill("150")
    second.get_by_label(INCLUDES["monitoring"], exact=True).check()
    # The third quote stays folded and blank: it is skipped.
    page.get_by_role("button", name="See my recommendation").click()

    expect(page).to_have_url(RESULT_URL)
    assert_styled(page)
    stored = Assessment.objects.get()
    assert stored.quote_count == 2
    quotes = page.locator("#your-quotes")
    expect(quotes.get_by_role("heading", name="Your quotes")).to_be_visible()
    expect(quotes.get_by_text(f"{stored.best_quote_name} is the better deal over three years")).to_be_visible()
    expect(quotes.get_by_role("heading", name=FIRST)).to_be_visible()
    expect(quotes.get_by_role("heading", name=SECOND)).to_be_visible()
    expect(quotes.get_by_text("Long notice to leave.")).to_be_visible()
    expect(quotes.locator("tr.quote-row")).to_have_count(2)
    expect(page.get_by_label("Link without your quotes")).to_have_value(re.compile(r"/shared/[0-9a-f-]{36}/$"))

    page.get_by_role("link", name="Open the copy without quotes (to print or share)").click()
    expect(page).to_have_url(SHARED_URL)
    expect(page.get_by_text("any quotes the organisation entered are left out")).to_be_visible()
    expect(page.locator("#your-quotes")).to_have_count(0)
    expect(page.get_by_text(FIRST)).to_have_count(0)
    expect(page.get_by_text(SECOND)).to_have_count(0)


def quote_pages(site: str, assessment) -> dict[str, str]:
    return {
        "result-with-quotes": site + assessment.get_absolute_url(),
        "shared-without-quotes": site + assessment.get_shared_url(),
        "assess-blank-with-quotes-section": site + "/assess/",
        "assess-again-with-quotes": site + f"/assess/?from={assessment.public_id}",
    }


QUOTE_PAGES = [
    "result-with-quotes",
    "shared-without-quotes",
    "assess-blank-with-quotes-section",
    "assess-again-with-quotes",
]


@pytest.mark.parametrize("name", QUOTE_PAGES)
def test_axe_finds_no_violations_on_the_pages_with_quotes(make_page, site, quoted, name):
    page = make_page(viewport=DESKTOP)
    page.goto(quote_pages(site, quoted)[name])
    assert_styled(page)
    if name == "result-with-quotes":
        expect(page.locator("#your-quotes")).to_be_visible()
    for viewport in (DESKTOP, PHONE_390):
        page.set_viewport_size(viewport)
        results = Axe().run(page, options=AXE_OPTIONS)
        assert results.violations_count == 0, f"{name} at {viewport['width']} px:\n{results.generate_report()}"


def served_html(page, site: str, assessment, name: str) -> str:
    if name == "assess-quote-errors":  # the form shown again with a quote in error
        response = Client().post(
            "/assess/",
            {
                **VALID_ANSWERS,
                "quotes-TOTAL_FORMS": "3",
                "quotes-INITIAL_FORMS": "0",
                **posted_quote(0, name=FIRST, price_per_user_month="-5"),
                **posted_quote(1),
                **posted_quote(2),
            },
        )
        assert response.status_code == 200
        return response.content.decode()
    response = page.goto(quote_pages(site, assessment)[name])
    assert response.status == 200
    return response.text()  # exactly as the site served it


@pytest.mark.parametrize("name", [*QUOTE_PAGES, "assess-quote-errors"])
def test_the_pages_with_quotes_are_valid_html(html_checker, make_page, site, quoted, name):  # noqa: F811
    folder = ARTIFACTS / "html"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"quotes-{name}.html"
    path.write_text(served_html(make_page(), site, quoted, name), encoding="utf-8")
    run = subprocess.run(
        [*html_checker, "--format", "json", "--exit-zero-always", str(path)],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
    )
    messages = json.loads(run.stderr)["messages"]
    errors = [
        f"{name}:{m.get('lastLine')}: {m.get('message')} [{m.get('extract', '')!r}]"
        for m in messages
        if m["type"] in {"error", "non-document-error"}
    ]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)


def printed_text(page) -> str:
    pdf = page.pdf(format="A4", margin={"top": "15mm", "bottom": "15mm", "left": "12mm", "right": "12mm"})
    reader = PdfReader(BytesIO(pdf))
    return unicodedata.normalize("NFKC", " ".join(" ".join((p.extract_text() or "").split()) for p in reader.pages))


def test_the_quotes_print_with_the_result_and_not_from_the_link_without_them(make_page, site, quoted):
    page = make_page()
    page.goto(site + quoted.get_absolute_url())
    page.emulate_media(media="print")
    expect(page.locator("#your-quotes")).to_be_visible()
    expect(page.locator("#your-quotes").get_by_role("heading", name=FIRST)).to_be_visible()
    text = printed_text(page)
    assert "Your quotes" in text and FIRST in text and SECOND in text
    assert "is the better deal over three years" in text

    page.emulate_media(media="screen")
    page.goto(site + quoted.get_shared_url())
    page.emulate_media(media="print")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page.locator("#your-quotes")).to_have_count(0)
    text = printed_text(page)
    assert "What each would cost over three years" in text  # the result itself prints
    for absent in ("Your quotes", FIRST, SECOND, "better deal"):
        assert absent not in text, f"{absent!r} is printed from the link without quotes"


def test_a_bad_quote_is_shown_open_with_its_message_and_the_summary_links_to_it(page, site):
    from advisor.models import Assessment

    page.goto(site + "/assess/")
    fill_assessment(page)
    first = open_quote(page, 1)
    first.get_by_label("Provider or quote name").fill(FIRST)
    first.get_by_label("Price a user a month ($)").fill("-5")
    first.get_by_label("Notice to leave (days)").fill("90")
    page.get_by_role("button", name="See my recommendation").click()

    expect(page).to_have_url(site + "/assess/")
    assert_styled(page)
    assert Assessment.objects.count() == 0
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Please correct 1 answer below")
    link = summary.get_by_role(
        "link", name="Quote 1, Price a user a month ($): Enter zero or more; a price can't be negative."
    )
    expect(link).to_have_attribute("href", "#id_quotes-0-price_per_user_month")

    quote = page.locator("details.quote-entry").nth(0)
    expect(quote).to_have_attribute("open", "")
    expect(quote.locator("summary")).to_contain_text("(please check)")
    price = quote.get_by_label("Price a user a month ($)")
    feedback = quote.locator("#div_id_quotes-0-price_per_user_month .invalid-feedback")
    expect(feedback).to_have_text("Enter zero or more; a price can't be negative.")
    expect(feedback).to_be_visible()
    expect(price).to_have_attribute("aria-invalid", "true")
    assert feedback.get_attribute("id") in price.get_attribute("aria-describedby").split()
    # What was typed is kept.
    expect(price).to_have_value("-5")
    expect(quote.get_by_label("Provider or quote name")).to_have_value(FIRST)
    expect(quote.get_by_label("Notice to leave (days)")).to_have_value("90")
    # Following the summary's link brings the field, with its message, into view.
    link.click()
    expect(page).to_have_url(site + "/assess/#id_quotes-0-price_per_user_month")
    expect(price).to_be_in_viewport()
    expect(feedback).to_be_visible()

    # Correcting the price is enough.
    price.fill("95")
    page.get_by_role("button", name="See my recommendation").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.locator("#your-quotes").get_by_role("heading", name=FIRST)).to_be_visible()
