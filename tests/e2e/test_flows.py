"""What a person does on the site, click by click, in a real Chromium."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_styled, written_at_a_human_pace

ADMIN_USERNAME = "moderator"
ADMIN_PASSWORD = "correct-horse-battery-staple-41"
RESULT_URL = re.compile(r"/assessment/[0-9a-f-]{36}/$")


def fill_assessment(page) -> None:
    """Answers a small dental practice might give, typed the way a person would."""
    page.get_by_label("Organisation name").fill("Kestrel Dental")
    page.get_by_label("Industry").select_option(label="Healthcare")
    page.get_by_label("People who use IT at work").fill("12")
    page.get_by_label("IT problems a month that need outside help").fill("2.5")
    page.get_by_label("Around the clock, every day").check()
    page.get_by_label("Critical: everything stops").check()
    page.get_by_label("Strict (health, card, financial or legal records)").check()


def log_in_to_admin(page, site: str) -> None:
    """A moderator with an authenticator app signs in: the password, then the code the app shows."""
    from django.contrib.auth.models import User

    from tests.staff import app_device, totp_code

    device = app_device(User.objects.create_superuser(ADMIN_USERNAME, "moderator@example.com", ADMIN_PASSWORD))
    page.goto(site + "/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.get_by_label("Username").fill(ADMIN_USERNAME)
    page.get_by_label("Password").fill(ADMIN_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page).to_have_url(re.compile(r"/admin/verify/"))
    page.get_by_label("Code from your authenticator app, or a recovery code").fill(totp_code(device))
    page.get_by_role("button", name="Verify").click()
    expect(page.get_by_role("heading", name="Site administration")).to_be_visible()


@pytest.mark.parametrize("javascript", [True, False], ids=["with-javascript", "without-javascript"])
def test_visitor_goes_from_comparison_to_a_shared_result_and_starts_again_with_answers_kept(
    make_page, site, javascript
):
    from advisor.models import Assessment

    page = make_page(javascript=javascript)
    page.goto(site + "/")
    assert_styled(page)
    expect(page.get_by_role("heading", level=1)).to_have_text("Break/Fix or a Managed Services Provider?")

    page.get_by_role("link", name="Get a recommendation for your organisation").click()
    expect(page).to_have_url(site + "/assess/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Tell us about your organisation")
    fill_assessment(page)
    page.get_by_role("button", name="See my recommendation").click()

    expect(page).to_have_url(RESULT_URL)
    assert_styled(page)
    stored = Assessment.objects.get()
    assert page.url == site + stored.get_absolute_url()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text(stored.recommendation_name)
    expect(page.get_by_text("Kestrel Dental ·")).to_be_visible()
    # The first screen: the answer, each option's three cost parts with their ranges, what would change it.
    expect(page.get_by_role("heading", name="What each would cost over three years")).to_be_visible()
    expect(page.get_by_role("columnheader", name="Lost work (estimate)")).to_be_visible()
    expect(page.get_by_role("heading", name="What would change it")).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(1)  # the rest is folded away
    # Folded sections open on a click, with or without JavaScript; charts carry a text equivalent.
    page.get_by_text("The costs in a chart, and bills line by line").click()
    expect(page.get_by_role("img", name=re.compile("Estimated cost over three years, by part"))).to_be_visible()
    page.get_by_text("How well each option meets your needs").click()
    expect(page.get_by_role("img", name=re.compile("How well each option meets each need"))).to_be_visible()
    expect(page.get_by_role("table")).to_have_count(3)
    expect(page.get_by_label("Permanent link to this result")).to_have_value(page.url)

    heading_text = heading.inner_text()
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(heading_text)

    # Someone the link was sent to sees the same result.
    friend = make_page(javascript=javascript)
    friend.goto(page.url)
    expect(friend.get_by_role("heading", level=1)).to_have_text(heading_text)

    page.get_by_role("link", name="Start again with these answers").click()
    expect(page).to_have_url(site + f"/assess/?from={stored.public_id}")
    expect(page.get_by_label("Organisation name")).to_have_value("Kestrel Dental")
    expect(page.get_by_label("Industry")).to_have_value("healthcare")
    expect(page.get_by_label("People who use IT at work")).to_have_value("12")
    # As typed: the answers come from the stored result, not the admin column's two decimal places ("2.50").
    expect(page.get_by_label("IT problems a month that need outside help")).to_have_value("2.5")
    expect(page.get_by_label("Around the clock, every day")).to_be_checked()
    expect(page.get_by_label("Critical: everything stops")).to_be_checked()
    expect(page.get_by_label("Strict (health, card, financial or legal records)")).to_be_checked()

    # Changing one answer gives a second, separate result; the first stays at its link.
    page.get_by_label("People who use IT at work").fill("40")
    page.get_by_role("button", name="See my recommendation").click()
    expect(page).to_have_url(RESULT_URL)
    assert Assessment.objects.count() == 2
    assert page.url != site + stored.get_absolute_url()


def test_invalid_answers_show_messages_beside_the_fields_and_keep_what_was_typed(page, site):
    page.goto(site + "/assess/")
    page.get_by_label("Organisation name").fill("Kestrel Dental")
    page.get_by_label("Industry").select_option(label="Healthcare")
    page.get_by_label("People who use IT at work").fill("-3")
    page.get_by_label("IT problems a month that need outside help").fill("-1")
    page.get_by_label("Cost of an hour with IT down ($)").fill("120.555")
    page.get_by_label("You may email me about this result").check()
    page.get_by_role("button", name="See my recommendation").click()

    expect(page).to_have_url(site + "/assess/")
    assert_styled(page)
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Please correct 4 answers below")
    expected = {
        "employees": "Enter 1 or more.",
        "incidents_per_month": "Enter zero or more.",
        "downtime_cost_per_hour": "Use at most two decimal places.",
        "email": "Enter your email address, or untick 'You may email me' above.",
    }
    for name, message in expected.items():
        field = page.locator(f"#id_{name}")
        feedback = page.locator(f"#div_id_{name} .invalid-feedback")
        expect(feedback).to_have_text(message)
        expect(feedback).to_be_visible()
        expect(field).to_have_attribute("aria-invalid", "true")
        # A screen reader announces the message with the field.
        described_by = field.get_attribute("aria-describedby").split()
        assert feedback.get_attribute("id") in described_by, (name, described_by)
        # The summary links to the field.
        expect(summary.locator(f'a[href="#id_{name}"]')).to_have_count(1)

    expect(page.get_by_label("Organisation name")).to_have_value("Kestrel Dental")
    expect(page.get_by_label("Industry")).to_have_value("healthcare")
    expect(page.get_by_label("People who use IT at work")).to_have_value("-3")
    expect(page.get_by_label("Cost of an hour with IT down ($)")).to_have_value("120.555")
    expect(page.get_by_label("You may email me about this result")).to_be_checked()

    # Correcting the answers is enough: nothing else has to be typed again.
    page.get_by_label("People who use IT at work").fill("12")
    page.get_by_label("IT problems a month that need outside help").fill("2")
    page.get_by_label("Cost of an hour with IT down ($)").fill("120.55")
    page.get_by_label("Email address").fill("office@kestrel-dental.example")
    page.get_by_role("button", name="See my recommendation").click()
    expect(page).to_have_url(RESULT_URL)
    expect(page.get_by_text("Kestrel Dental ·")).to_be_visible()


def test_a_comment_is_held_until_a_moderator_approves_it_in_admin(make_page, site):
    visitor = make_page()
    visitor.goto(site + "/")
    form = visitor.locator("#comments form")
    form.get_by_label("Name").fill("Tomasz Wiśniewski")
    form.get_by_label("Email").fill("tomasz@example.com")
    form.get_by_label("Comment").fill("Our break/fix firm was quick, but the bills were a surprise every month.")
    written_at_a_human_pace(form)
    form.get_by_role("button", name="Post comment").click()

    expect(visitor.get_by_text("Your comment is held for moderation")).to_be_visible()
    comments = visitor.locator("#comments")
    expect(comments.get_by_text("the bills were a surprise every month")).to_have_count(0)
    expect(comments.get_by_text("No comments yet.")).to_be_visible()

    moderator = make_page()
    log_in_to_admin(moderator, site)
    moderator.get_by_role("link", name="Comments").click()
    row = moderator.get_by_role("row").filter(has_text="Tomasz Wiśniewski")
    row.get_by_role("checkbox").check()
    moderator.get_by_label("Action:").select_option(label="Approve selected comments")
    moderator.get_by_role("button", name="Go").click()
    expect(moderator.get_by_text("Approved 1 comment(s)")).to_be_visible()

    visitor.goto(site + "/")
    expect(comments.get_by_role("heading", name="Tomasz Wiśniewski")).to_be_visible()
    expect(comments.get_by_text("the bills were a surprise every month")).to_be_visible()
    expect(comments.get_by_text("No comments yet.")).to_have_count(0)


def test_a_characteristic_edited_in_admin_shows_on_the_comparison_page(make_page, site):
    from advisor.models import Characteristic

    visitor = make_page()
    visitor.goto(site + "/")  # seen once before the edit, so a stale cache would show the old text
    cell = Characteristic.objects.get(support_model__slug="msp", dimension__slug="monitoring")
    expect(visitor.get_by_text(cell.headline)).to_be_visible()

    moderator = make_page()
    log_in_to_admin(moderator, site)
    moderator.get_by_role("link", name="Characteristics").click()
    moderator.get_by_role("link", name=cell.headline).click()
    moderator.get_by_label("Headline").fill("Remote monitoring during office hours only")
    moderator.get_by_label("Rating").fill("3")
    moderator.get_by_role("button", name="Save", exact=True).click()
    expect(moderator.get_by_text("was changed successfully")).to_be_visible()

    visitor.reload()
    row = visitor.get_by_role("row").filter(has=visitor.get_by_role("rowheader", name="Proactive monitoring"))
    msp_cell = row.get_by_role("cell").nth(1)
    expect(msp_cell).to_contain_text("Remote monitoring during office hours only")
    expect(msp_cell).to_contain_text("3 out of 5")
    expect(visitor.get_by_text(cell.headline)).to_have_count(0)


def test_staff_edit_a_cost_figure_on_a_laptop_screen_and_the_catalogue_shows_it(make_page, site):
    """The support model's page holds its ten cost figures with their sources and notes; all of it fits a
    1280-pixel screen, without scrolling sideways to reach a note or the Delete box."""
    import json

    staff = make_page(viewport={"width": 1280, "height": 800})
    log_in_to_admin(staff, site)
    staff.get_by_role("link", name="Support models").click()
    staff.get_by_role("link", name="Managed Services Provider").click()
    assert staff.evaluate("document.documentElement.scrollWidth") <= 1280

    heading = staff.get_by_role("heading", name=re.compile("Monthly fee per user"))
    fee = staff.locator(".inline-related").filter(has=heading)
    fee.get_by_label("Expected").fill("175")
    staff.get_by_role("button", name="Save", exact=True).click()
    expect(staff.get_by_text("was changed successfully")).to_be_visible()
    staff.wait_for_load_state("load")  # the list's scripts (its filters) finish loading before the page closes

    catalogue = json.loads(staff.request.get(site + "/api/support-models/").text())
    msp = next(m for m in catalogue["support_models"] if m["slug"] == "msp")
    assert next(c for c in msp["cost_parameters"] if c["key"] == "fee_per_user_month")["expected"] == 175.0
