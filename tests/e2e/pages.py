"""Every public page, in every state a visitor can see, and how to reach it in the browser."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import expect

from .conftest import written_at_a_human_pace


def comparison(page, site: str, assessment) -> None:
    page.goto(site + "/")


def comparison_comment_errors(page, site: str, assessment) -> None:
    page.goto(site + "/")
    form = page.locator("#comments form")
    form.get_by_label("Email").fill("not-an-address")
    form.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Enter your name.")).to_be_visible()


def comparison_comment_posted(page, site: str, assessment) -> None:
    page.goto(site + "/")
    form = page.locator("#comments form")
    form.get_by_label("Name").fill("Ines Duarte")
    form.get_by_label("Email").fill("ines@example.com")
    form.get_by_label("Comment").fill("Helpful comparison, thank you.")
    written_at_a_human_pace(form)
    form.get_by_role("button", name="Post comment").click()
    expect(page.get_by_text("Your comment is held for moderation")).to_be_visible()


def assess(page, site: str, assessment) -> None:
    page.goto(site + "/assess/")


def assess_errors(page, site: str, assessment) -> None:
    page.goto(site + "/assess/")
    page.get_by_label("People who use IT at work").fill("0")
    page.get_by_label("You may email me about this result").check()
    page.get_by_role("button", name="See my recommendation").click()
    expect(page.get_by_text("Please correct")).to_be_visible()


def assess_again(page, site: str, assessment) -> None:
    page.goto(site + f"/assess/?from={assessment.public_id}")


def assess_gb(page, site: str, assessment) -> None:
    """The form for the United Kingdom: amounts in pounds, the VAT question, quotes' "include VAT" boxes."""
    page.goto(site + "/assess/?region=GB")


def result_gb(page, site: str, assessment) -> None:
    """A UK result for an organisation that cannot reclaim VAT: pounds, the tax line, stand-ins named."""
    page.goto(site + "/assess/?region=GB")
    page.get_by_label("Industry").select_option("healthcare")
    page.get_by_label("People who use IT at work").fill("30")
    page.get_by_label("No: we are not registered, or our work is exempt").check()
    page.get_by_role("button", name="See my recommendation").click()
    expect(page.get_by_text("You said you cannot reclaim VAT")).to_be_visible()


def result(page, site: str, assessment) -> None:
    page.goto(site + assessment.get_absolute_url())


def delete(page, site: str, assessment) -> None:
    page.goto(site + assessment.get_absolute_url() + "delete/")


def rescore(page, site: str, assessment) -> None:
    page.goto(site + assessment.get_absolute_url())
    page.get_by_role("link", name="Score these answers again with today's figures").click()
    expect(page.get_by_role("heading", name="Score these answers again with today's figures?")).to_be_visible()


def whatif(page, site: str, assessment) -> None:
    page.goto(site + assessment.get_absolute_url())
    page.get_by_role("link", name="What if? Change some answers and compare").click()
    expect(page.get_by_role("heading", name="What if your answers were different?")).to_be_visible()


def whatif_compared(page, site: str, assessment) -> None:
    page.goto(site + assessment.get_absolute_url() + "what-if/")
    page.get_by_label("IT problems a month that need outside help").fill("9")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_role("heading", name="Your answers and the changed ones, side by side")).to_be_visible()


def whatif_errors(page, site: str, assessment) -> None:
    page.goto(site + assessment.get_absolute_url() + "what-if/")
    page.get_by_label("People who use IT at work").fill("0")
    page.get_by_role("button", name="Compare").click()
    expect(page.get_by_text("Please correct")).to_be_visible()


def whatif_keep(page, site: str, assessment) -> None:
    whatif_compared(page, site, assessment)
    page.get_by_role("link", name="Keep as a new result").click()
    expect(page.get_by_role("heading", name="Keep the changed answers as a new result?")).to_be_visible()


def depends(page, site: str, assessment) -> None:
    page.goto(site + assessment.get_absolute_url())
    page.get_by_role("link", name="What it depends on, in a chart, and what to measure").click()
    expect(page.get_by_role("heading", name="What the answer depends on")).to_be_visible()


def how_it_works(page, site: str, assessment) -> None:
    page.goto(site + "/how-it-works/")


def not_found(page, site: str, assessment) -> None:
    page.guard.expect_status("/no-such-page/", 404)
    response = page.goto(site + "/no-such-page/")
    assert response.status == 404


PAGES: dict[str, Callable] = {
    "comparison": comparison,
    "comparison-comment-errors": comparison_comment_errors,
    "comparison-comment-posted": comparison_comment_posted,
    "assess": assess,
    "assess-errors": assess_errors,
    "assess-again": assess_again,
    "result": result,
    "assess-gb": assess_gb,
    "result-gb": result_gb,
    "delete": delete,
    "rescore": rescore,
    "depends": depends,
    "whatif": whatif,
    "whatif-compared": whatif_compared,
    "whatif-errors": whatif_errors,
    "whatif-keep": whatif_keep,
    "how-it-works": how_it_works,
    "not-found": not_found,
}
