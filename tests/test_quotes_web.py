"""Check my quotes (issue 15) through the site: the form's quotes section, the API's `quotes`, the link without
quotes, start again and re-scoring, the CSV export and admin. docs/api.md, "Your quotes"."""

from __future__ import annotations

import csv
import html as html_lib
import io
import json
import re
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from advisor import snapshot
from advisor.engine import quotes as engine_quotes
from advisor.engine.domain import QUOTE_INCLUDES
from advisor.models import Assessment
from tests.staff import sign_in_verified

pytestmark = pytest.mark.django_db

EVERYTHING = [key for key, _label in QUOTE_INCLUDES]

# What the browser sends for a quote left as the form shows it: blank prices, the terms at their defaults.
BLANK_QUOTE = {
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

# Two quotes a law firm might hold: a fair one that includes everything but wants 120 days' notice, and a dearer
# one that includes only monitoring (not even fixing problems) and promises no response time. Names no page would
# otherwise contain.
ZEPHYR = {
    "name": "Zephyr Managed IT",
    "price_per_user_month": "120",
    "term_months": "36",
    "yearly_increase_percent": "5",
    "onboarding": "1000",
    "notice_days": "120",
    "response_hours": "4",
    "includes": EVERYTHING,
}
QUOKKA = {"name": "Quokka Networks", "price_per_user_month": "150", "includes": ["monitoring"]}


def quote_fields(index: int, typed: dict) -> dict:
    """One quote as the form posts it (prefix "quotes"), what was not typed at the form's defaults."""
    return {f"quotes-{index}-{key}": value for key, value in {**BLANK_QUOTE, **typed}.items()}


def with_quotes(answers: dict, *quotes: dict, total: int = 3) -> dict:
    """The answers with the quotes section as the form posts it: `total` quotes, those not given left blank."""
    data = {
        **answers,
        "quotes-TOTAL_FORMS": str(total),
        "quotes-INITIAL_FORMS": "0",
        "quotes-MIN_NUM_FORMS": "0",
        "quotes-MAX_NUM_FORMS": "3",
    }
    for index in range(total):
        data.update(quote_fields(index, quotes[index] if index < len(quotes) else {}))
    return data


def submit(client, data):
    return client.post(reverse("advisor:assess"), data)


def api_post(client, body):
    return client.post("/api/assessments/", json.dumps(body), content_type="application/json")


def quote_block(html: str, index: int) -> str:
    """The <details> of quote `index` (0 for the first) on the assessment form."""
    blocks = re.findall(r'<details class="quote-entry[^"]*"[^>]*>.*?</details>', html, re.DOTALL)
    assert len(blocks) == 3, f"expected three quotes on the form, found {len(blocks)}"
    return blocks[index]


def input_value(html: str, name: str) -> str | None:
    tag = re.search(rf'<input[^>]*\sname="{re.escape(name)}"[^>]*>', html)
    assert tag, f"no input named {name}"
    value = re.search(r'\svalue="([^"]*)"', tag.group(0))
    return html_lib.unescape(value.group(1)) if value else None


def text(fragment: str) -> str:
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def percents_in(table_html: str) -> list[int]:
    return [int(n) for n in re.findall(r"(\d+) % of cases", table_html)]


def tables(html: str) -> list[str]:
    return re.findall(r"<table.*?</table>", html, re.DOTALL)


def staff_client(client):
    staff = get_user_model().objects.create_superuser("boss", "boss@example.com", "a-long-passphrase-1")
    sign_in_verified(client, staff)
    return client


def export_rows(client, *assessments) -> list[dict]:
    export = client.post(
        reverse("admin:advisor_assessment_changelist"),
        {"action": "export_csv", "_selected_action": [a.pk for a in assessments]},
    )
    assert export.status_code == 200
    return list(csv.DictReader(io.StringIO(export.getvalue().decode())))


@pytest.fixture
def quoted(client, law_firm_answers) -> Assessment:
    """An assessment with the two quotes, sent through the form with the third quote left blank."""
    response = submit(client, with_quotes(law_firm_answers, ZEPHYR, QUOKKA))
    assert response.status_code == 302, response.content.decode()[:3000]
    return Assessment.objects.get()


# ---- The form ---------------------------------------------------------------------------------------------


def test_two_quotes_on_the_form_are_stored_and_a_blank_third_is_skipped(quoted):
    assert quoted.quote_count == 2
    assert quoted.best_quote_name in {ZEPHYR["name"], QUOKKA["name"]}
    assert quoted.best_quote_total is not None and quoted.best_quote_total > 0
    assert quoted.share_id is not None and quoted.share_id != quoted.public_id


def test_the_result_shows_the_quotes_the_verdict_the_flags_and_the_ranking(client, quoted):
    html = client.get(quoted.get_absolute_url()).content.decode()
    section = re.search(r'<section[^>]*id="your-quotes".*?</section>', html, re.DOTALL)
    assert section, "no 'Your quotes' section on a result with quotes"
    section = section.group(0)
    assert "Your quotes" in section
    for name in (ZEPHYR["name"], QUOKKA["name"]):
        assert name in section
    words = text(section)
    # The verdict names the best quote, the one stored as the best.
    assert f"{quoted.best_quote_name} is the better deal over three years" in words
    assert "Long notice to leave." in words  # Zephyr asks 120 days' notice
    assert "Fixing problems left out." in words  # Quokka includes monitoring only
    assert "Fixing problems when something breaks (helpdesk): about $" in words  # priced among what Quokka leaves out
    assert "No promised response time." in words  # Quokka promises none
    ranking = [t for t in tables(section) if "Your quotes beside our options" in t]
    assert len(ranking) == 1, "no ranking table of the quotes beside the options"
    assert ranking[0].count('class="quote-row"') == 2
    assert ranking[0].count("your quote</span>") == 2
    # Over the options and the quotes together, each one's chance of being cheapest adds up to 100 %.
    chances = percents_in(ranking[0])
    assert abs(sum(chances) - 100) <= len(chances) / 2, chances


@pytest.mark.parametrize("quotes_section", ["left out", "three blank quotes"])
def test_a_result_without_quotes_has_no_link_without_them_and_no_quotes_section(
    client, law_firm_answers, quotes_section
):
    data = law_firm_answers if quotes_section == "left out" else with_quotes(law_firm_answers)
    response = submit(client, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    assessment = Assessment.objects.get()
    assert assessment.quote_count == 0 and assessment.best_quote_name == ""
    assert assessment.share_id is None
    html = client.get(assessment.get_absolute_url()).content.decode()
    assert 'id="your-quotes"' not in html and ">Your quotes<" not in html
    assert "/shared/" not in html


def field_error(block: str, index: int, field: str) -> str:
    """The message shown at one field of a quote's fieldset, checked to be tied to its control."""
    assert re.search(r'<fieldset class="quote-fields', block), "the quote's fields are not in its fieldset"
    error_id = f"id_quotes-{index}-{field}_error"
    feedback = re.search(rf'<div id="{error_id}" class="invalid-feedback">(.*?)</div>', block, re.DOTALL)
    assert feedback, f"no message beside {field} inside quote {index + 1}'s fieldset"
    start = block.index(f'id="div_id_quotes-{index}-{field}"')
    # A screen reader reads the message with the control: the input (or the checkboxes' fieldset) names it.
    described = re.findall(r'aria-describedby="([^"]*)"', block[start : block.index(f'<div id="{error_id}"', start)])
    assert any(error_id in ids.split() for ids in described), (field, described)
    return text(feedback.group(1))


@pytest.mark.parametrize(
    ("typed", "field", "message"),
    [
        ({"price_per_user_month": "-5"}, "price_per_user_month", "Enter zero or more; a price can't be negative."),
        (
            {"price_per_user_month": ""},
            "price_per_user_month",
            "Give at least one price above zero: a user a month, a device a month or a flat monthly fee.",
        ),
        ({"term_months": "0"}, "term_months", "Enter at least 1 month (1 for month to month)."),
        (
            {"includes": ["monitoring", "coffee"]},
            "includes",
            "Choose only from the listed items: "
            "helpdesk, monitoring, security, backup, after_hours, onsite, new_starters, projects.",
        ),
    ],
    ids=["negative-price", "no-price", "term-0", "unknown-includes"],
)
def test_a_bad_quote_is_shown_again_with_its_message_at_the_field_and_nothing_is_stored(
    client, law_firm_answers, typed, field, message
):
    bad = {"name": "Kite Support", "price_per_user_month": "95", "notice_days": "30", **typed}
    response = submit(client, with_quotes(law_firm_answers, ZEPHYR, bad))
    html = response.content.decode()
    assert response.status_code == 200
    assert Assessment.objects.count() == 0
    block = quote_block(html, 1)
    assert re.match(r'<details class="quote-entry[^"]*" open>', block), "the quote in error is folded away"
    assert field_error(block, 1, field) == message
    summary = re.search(r'<div class="alert alert-danger"[^>]*id="form-errors".*?</div>', html, re.DOTALL).group(0)
    anchor = f"id_quotes-1-{field}" + ("_0" if field == "includes" else "")
    assert f'<a href="#{anchor}">Quote 2, ' in summary and html_lib.escape(message, quote=True) in summary
    assert f'id="{anchor}"' in block  # the link goes to the field itself
    # Everything typed is there again, in both quotes.
    assert input_value(html, "quotes-1-name") == "Kite Support"
    assert input_value(html, "quotes-1-notice_days") == "30"
    assert input_value(html, "quotes-1-price_per_user_month") == (typed.get("price_per_user_month", "95") or None)
    assert input_value(html, "quotes-1-term_months") == typed.get("term_months", "12")
    assert input_value(html, "quotes-0-name") == ZEPHYR["name"]
    assert input_value(html, "quotes-0-price_per_user_month") == "120"
    assert input_value(html, "quotes-0-notice_days") == "120"
    if "includes" in typed:
        assert re.search(r'<input[^>]*name="quotes-1-includes" value="monitoring"[^>]*checked', html)


def test_two_quotes_of_one_name_are_refused_in_the_quotes_section(client, law_firm_answers):
    response = submit(client, with_quotes(law_firm_answers, ZEPHYR, {**QUOKKA, "name": " zephyr  managed it "}))
    html = response.content.decode()
    assert response.status_code == 200
    assert Assessment.objects.count() == 0
    section = re.search(r'<div class="quotes" id="quotes">.*?<details', html, re.DOTALL).group(0)
    assert "Give each quote its own name." in section
    assert '<li><a href="#quotes">Give each quote its own name.</a></li>' in html
    assert input_value(html, "quotes-0-name") == ZEPHYR["name"]
    assert input_value(html, "quotes-1-name") == " zephyr  managed it "
    assert input_value(html, "quotes-1-price_per_user_month") == "150"


def four_quotes(answers: dict) -> dict:
    return with_quotes(
        answers, *({"name": f"Provider {n}", "price_per_user_month": str(100 + n)} for n in range(4)), total=4
    )


def test_more_than_three_quotes_are_refused_and_the_first_three_kept(client, law_firm_answers):
    response = submit(client, four_quotes(law_firm_answers))
    html = response.content.decode()
    assert response.status_code == 200
    assert Assessment.objects.count() == 0
    section = re.search(r'<div class="quotes" id="quotes">.*?<details', html, re.DOTALL).group(0)
    assert "Give at most 3 quotes." in section
    assert '<li><a href="#quotes">Give at most 3 quotes.</a></li>' in html
    for n in range(3):
        assert input_value(html, f"quotes-{n}-name") == f"Provider {n}"
        assert input_value(html, f"quotes-{n}-price_per_user_month") == str(100 + n)


def test_after_too_many_quotes_the_form_as_shown_again_can_be_sent(client, law_firm_answers):
    """The page shows three quotes and says "at most 3": sending it again as it stands must be accepted.
    The quotes' hidden count is part of what the page sends back."""
    html = submit(client, four_quotes(law_firm_answers)).content.decode()
    shown_count = input_value(html, "quotes-TOTAL_FORMS")
    resent = {key: value for key, value in four_quotes(law_firm_answers).items() if not key.startswith("quotes-3-")}
    resent["quotes-TOTAL_FORMS"] = shown_count
    response = submit(client, resent)
    assert int(shown_count) <= 3, f"the form is shown again with quotes-TOTAL_FORMS={shown_count} but three quotes"
    assert response.status_code == 302


# ---- The API ----------------------------------------------------------------------------------------------

# The docs' worked example: 20 people, quote A at $120 a user a month rising 5 % a year over a 36-month term,
# $1,000 onboarding; a second quote on a 12-month term.
WORKED = {"industry": "legal", "employees": 20}
QUOTE_A = {
    "name": "A",
    "price_per_user_month": 120,
    "yearly_increase_percent": 5,
    "term_months": 36,
    "onboarding": 1000,
    "termination_fee_months": 2,
    "notice_days": 120,
    "response_hours": 4,
    "includes": EVERYTHING,
}
QUOTE_B = {"name": "B", "price_per_user_month": 150, "includes": ["monitoring", "security"]}


def test_the_api_takes_quotes_and_answers_with_them(client):
    response = api_post(client, {**WORKED, "quotes": [QUOTE_A, QUOTE_B]})
    assert response.status_code == 201, response.content
    document = response.json()
    assessment = Assessment.objects.get()
    quotes = {q["name"]: q for q in document["quotes"]}
    assert set(quotes) == {"A", "B"}
    a, b = quotes["A"], quotes["B"]
    assert a["fees_three_years"] == 90792.0
    assert a["monthly_first_year"] == 20 * 120
    assert a["cost"]["onboarding"] == 1000.0
    # Leaving after a year costs the termination fee, months of the fee then in force; nothing on a 12-month term.
    assert a["exit_cost_after_one_year"] == 2 * a["monthly_first_year"]
    assert b["exit_cost_after_one_year"] == 0.0
    for quote in (a, b):
        three = quote["cost"]["three_years"]
        assert set(three) == {"low", "expected", "high"} and three["low"] <= three["expected"] <= three["high"]
        parts = quote["cost"]["parts_three_years"]
        assert set(parts) == {"bills", "lost_work", "risk"}
        assert sum(p["expected"] for p in parts.values()) == pytest.approx(three["expected"], abs=0.02)
        assert all(set(flag) == {"code", "text"} and flag["text"] for flag in quote["flags"])
    assert "long_notice" in {f["code"] for f in a["flags"]}
    assert "best_efforts" in {f["code"] for f in b["flags"]}
    assert "best_efforts" not in {f["code"] for f in a["flags"]}
    assert isinstance(document["quote_verdict"], list) and document["quote_verdict"]
    assert all(isinstance(line, str) for line in document["quote_verdict"])
    assert document["quote_verdict"][0].startswith(("A ", "B "))
    assert document["url_without_quotes"] == f"http://testserver/shared/{assessment.share_id}/"
    assert assessment.quote_count == 2 and assessment.best_quote_name == document["quotes"][0]["name"]
    # Each option's and quote's chance of being cheapest is taken over both together.
    chances = [s["chance_cheapest"] for s in document["scores"]] + [q["chance_cheapest"] for q in document["quotes"]]
    assert sum(chances) == pytest.approx(1, abs=0.01)


def test_the_api_without_quotes_has_no_link_without_them(client):
    document = api_post(client, WORKED).json()
    assert document["quotes"] == [] and document["quote_verdict"] == [] and document["url_without_quotes"] is None
    assert Assessment.objects.get().share_id is None


def test_get_returns_the_quotes_the_post_answered_with(client):
    created = api_post(client, {**WORKED, "quotes": [QUOTE_A, QUOTE_B]}).json()
    fetched = client.get(f"/api/assessments/{created['id']}/").json()
    assert fetched["quotes"] == created["quotes"]
    assert fetched["quote_verdict"] == created["quote_verdict"]
    assert fetched["url_without_quotes"] == created["url_without_quotes"]
    assert fetched["inputs"]["quotes"] == created["inputs"]["quotes"]
    assert [q["name"] for q in fetched["inputs"]["quotes"]] == ["A", "B"]


@pytest.mark.parametrize(
    ("quotes", "expected"),
    [
        ({"name": "A", "price_per_user_month": 120}, None),
        ("A", None),
        ([QUOTE_A, QUOTE_B, {**QUOTE_B, "name": "C"}, {**QUOTE_B, "name": "D"}], ["Give at most 3 quotes."]),
        ([QUOTE_A, {**QUOTE_B, "name": " a "}], ["Give each quote its own name."]),
    ],
    ids=["an-object", "a-string", "four-quotes", "duplicate-names"],
)
def test_quotes_that_are_not_a_list_of_up_to_three_get_messages_about_the_list(client, quotes, expected):
    response = api_post(client, {**WORKED, "quotes": quotes})
    assert response.status_code == 400
    errors = response.json()["errors"]["quotes"]
    assert isinstance(errors, list) and errors and all(isinstance(m, str) and m for m in errors), errors
    if expected is not None:
        assert errors == expected
    assert Assessment.objects.count() == 0


@pytest.mark.parametrize(
    ("bad", "field", "message"),
    [
        ({"price_per_user_month": -5}, "price_per_user_month", "Enter zero or more; a price can't be negative."),
        (
            {"price_per_user_month": None},
            "price_per_user_month",
            "Give at least one price above zero: a user a month, a device a month or a flat monthly fee.",
        ),
        ({"term_months": 0}, "term_months", "Enter at least 1 month (1 for month to month)."),
        ({"term_months": 121}, "term_months", "Enter 120 months or less."),
        ({"colour": "red"}, "colour", "Unknown field."),
        ({"includes": "monitoring"}, "includes", None),
        (
            {"includes": ["monitoring", "coffee"]},
            "includes",
            "Choose only from the listed items: "
            "helpdesk, monitoring, security, backup, after_hours, onsite, new_starters, projects.",
        ),
        ({"includes": [1]}, "includes", None),
        ({"onboarding": True}, "onboarding", None),
        ({"onboarding": {"amount": 5}}, "onboarding", None),
    ],
    ids=[
        "negative-price",
        "no-price",
        "term-0",
        "term-121",
        "unknown-key",
        "includes-not-a-list",
        "includes-unknown-entry",
        "includes-not-text",
        "boolean",
        "object",
    ],
)
def test_a_bad_quote_gets_messages_in_its_own_object_and_a_good_one_an_empty_one(client, bad, field, message):
    response = api_post(client, {**WORKED, "quotes": [QUOTE_A, {**QUOTE_B, **bad}]})
    assert response.status_code == 400, response.content
    errors = response.json()["errors"]
    assert set(errors) == {"quotes"}
    assert isinstance(errors["quotes"], list) and len(errors["quotes"]) == 2
    assert errors["quotes"][0] == {}
    assert set(errors["quotes"][1]) == {field}
    messages = errors["quotes"][1][field]
    assert isinstance(messages, list) and messages and all(isinstance(m, str) for m in messages)
    if message is not None:
        assert messages == [message]
    assert Assessment.objects.count() == 0


@pytest.mark.parametrize("where", ["name", "key", "includes"])
def test_a_lone_surrogate_in_a_quote_is_a_400_not_a_500(client, where):
    quote = (
        {"name": "A\ud800", "price_per_user_month": 120}
        if where == "name"
        else {"name": "A", "price_per_user_month": 120, "notes\udc00": "x"}
        if where == "key"
        else {"name": "A", "price_per_user_month": 120, "includes": ["monitoring\ud800"]}
    )
    body = json.dumps({**WORKED, "quotes": [quote]})  # ensure_ascii: the half pair is sent as \ud800
    assert "\\ud800" in body or "\\udc00" in body
    response = client.post("/api/assessments/", body, content_type="application/json")
    assert response.status_code == 400
    errors = response.json()["errors"]["quotes"]
    assert len(errors) == 1 and errors[0]
    assert Assessment.objects.count() == 0


def test_a_quote_that_is_not_an_object_keeps_the_next_quotes_messages_in_their_own_place(client):
    """`errors.quotes` has one object for each quote given, in the order given: a quote that is not an object
    must not shift the next quote's messages onto it."""
    response = api_post(client, {**WORKED, "quotes": ["not an object", {**QUOTE_B, "price_per_user_month": -5}]})
    assert response.status_code == 400
    errors = response.json()["errors"]["quotes"]
    assert len(errors) == 2, errors
    assert set(errors[0]) == {"__all__"}
    assert errors[1] == {"price_per_user_month": ["Enter zero or more; a price can't be negative."]}
    assert Assessment.objects.count() == 0


def test_a_quote_that_is_not_an_object_beside_a_good_one(client):
    response = api_post(client, {**WORKED, "quotes": [QUOTE_A, 7]})
    assert response.status_code == 400
    errors = response.json()["errors"]["quotes"]
    assert errors[0] == {} and set(errors[1]) == {"__all__"} and len(errors) == 2
    assert Assessment.objects.count() == 0


# ---- The link without quotes ------------------------------------------------------------------------------


def test_the_link_without_quotes_shows_the_result_without_them_or_the_private_link(client, quoted):
    response = client.get(f"/shared/{quoted.share_id}/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in (ZEPHYR["name"], QUOKKA["name"], "Zephyr", "Quokka"):
        assert name not in html, f"{name!r} leaks on the link without quotes"
    assert f"/assessment/{quoted.public_id}" not in html
    assert str(quoted.public_id) not in html, "the result's private id leaks on the link without quotes"
    assert 'id="your-quotes"' not in html and "Quote:" not in html
    assert quoted.recommendation_name in html  # the result itself is there


def test_on_the_link_without_quotes_the_options_chances_add_up_over_the_options_alone(client, quoted):
    html = client.get(f"/shared/{quoted.share_id}/").content.decode()
    costs = [t for t in tables(html) if "What each would cost" in t or "Bills are what you would be invoiced" in t]
    assert len(costs) == 1
    chances = percents_in(costs[0])
    assert len(chances) >= 2
    assert abs(sum(chances) - 100) <= len(chances) / 2, chances


@pytest.mark.parametrize(
    "path", ["/shared/00000000-0000-0000-0000-000000000000/", "public-id-as-share-id", "share-id-as-public-id"]
)
def test_an_unknown_link_without_quotes_is_a_404(client, quoted, path):
    if path == "public-id-as-share-id":
        path = f"/shared/{quoted.public_id}/"
    elif path == "share-id-as-public-id":
        path = f"/assessment/{quoted.share_id}/"
    assert client.get(path).status_code == 404


def test_robots_keep_out_of_the_links_without_quotes(client):
    lines = client.get("/robots.txt").content.decode().splitlines()
    assert "Disallow: /shared/" in lines


# ---- Start again, score again -----------------------------------------------------------------------------


def test_start_again_fills_in_the_quotes(client, quoted):
    html = client.get(f"/assess/?from={quoted.public_id}").content.decode()
    first, second, third = (quote_block(html, n) for n in range(3))
    assert input_value(first, "quotes-0-name") == ZEPHYR["name"]
    assert Decimal(input_value(first, "quotes-0-price_per_user_month")) == Decimal(120)
    assert Decimal(input_value(first, "quotes-0-onboarding")) == Decimal(1000)
    assert input_value(first, "quotes-0-term_months") == "36"
    assert input_value(first, "quotes-0-notice_days") == "120"
    assert input_value(second, "quotes-1-name") == QUOKKA["name"]
    assert Decimal(input_value(second, "quotes-1-price_per_user_month")) == Decimal(150)
    assert len(re.findall(r'name="quotes-0-includes"[^>]*checked', first)) == len(EVERYTHING)
    assert re.findall(r'name="quotes-1-includes" value="([^"]+)"[^>]*checked', second) == ["monitoring"]
    assert input_value(third, "quotes-2-name") is None
    assert first.startswith('<details class="quote-entry mb-3" open>')


def test_start_again_and_send_as_it_stands_keeps_the_quotes(client, quoted, law_firm_answers):
    """The prefilled form, sent back unchanged, stores the same two quotes again."""
    html = client.get(f"/assess/?from={quoted.public_id}").content.decode()
    data = dict(law_firm_answers)
    quotes = {}
    for n in range(3):
        block = quote_block(html, n)
        typed = {key: input_value(block, f"quotes-{n}-{key}") or "" for key in BLANK_QUOTE}
        typed["includes"] = re.findall(rf'name="quotes-{n}-includes" value="([^"]+)"[^>]*checked', block)
        quotes[n] = typed
    response = submit(client, with_quotes(data, quotes[0], quotes[1], quotes[2]))
    assert response.status_code == 302, response.content.decode()[:3000]
    again = Assessment.objects.exclude(pk=quoted.pk).get()
    assert again.quote_count == 2 and again.best_quote_name == quoted.best_quote_name


def test_scoring_again_keeps_the_quotes(client, quoted):
    response = client.post(reverse("advisor:rescore", args=[quoted.public_id]))
    assert response.status_code == 302
    again = Assessment.objects.exclude(pk=quoted.pk).get()
    assert response["Location"] == again.get_absolute_url()
    assert again.quote_count == 2
    assert again.share_id is not None and again.share_id != quoted.share_id
    before = client.get(f"/api/assessments/{quoted.public_id}/").json()["inputs"]["quotes"]
    after = client.get(f"/api/assessments/{again.public_id}/").json()["inputs"]["quotes"]
    assert after == before and [q["name"] for q in after] == [ZEPHYR["name"], QUOKKA["name"]]
    html = client.get(again.get_absolute_url()).content.decode()
    assert ZEPHYR["name"] in html and QUOKKA["name"] in html


# ---- Export and admin -------------------------------------------------------------------------------------


def test_the_csv_export_has_the_number_of_quotes_and_the_best_one(client, quoted, law_firm_answers):
    submit(client, law_firm_answers)  # and one without quotes
    plain = Assessment.objects.exclude(pk=quoted.pk).get()
    best = client.get(f"/api/assessments/{quoted.public_id}/").json()["quotes"][0]
    rows = {row["id"]: row for row in export_rows(staff_client(client), quoted, plain)}
    row = rows[str(quoted.public_id)]
    assert row["quote_count"] == "2"
    assert row["best_quote_name"] == best["name"] == quoted.best_quote_name
    assert Decimal(row["best_quote_3y"]) == Decimal(str(best["cost"]["three_years"]["expected"])).quantize(
        Decimal("0.01")
    )
    empty = rows[str(plain.public_id)]
    assert (empty["quote_count"], empty["best_quote_name"], empty["best_quote_3y"]) == ("0", "", "")


def test_a_best_quote_named_like_a_formula_is_defused_in_the_csv(client):
    response = api_post(client, {**WORKED, "quotes": [{"name": '=HYPERLINK("http://x")', "price_per_user_month": 99}]})
    assert response.status_code == 201, response.content
    assessment = Assessment.objects.get()
    (row,) = export_rows(staff_client(client), assessment)
    assert row["best_quote_name"] == '\'=HYPERLINK("http://x")'


def test_admin_shows_each_quote_with_its_terms(client, quoted):
    page = staff_client(client).get(reverse("admin:advisor_assessment_change", args=[quoted.pk]))
    assert page.status_code == 200
    words = " ".join(html_lib.unescape(re.sub(r"<[^>]+>", "", page.content.decode())).split())
    assert "Quotes as entered" in words
    assert (
        f"{ZEPHYR['name']}: $120 a user a month; onboarding $1,000; 36-month term; rises 5 % a year; "
        f"120 days' notice to leave"
    ) in words
    assert "response within 4 h" in words
    assert f"{QUOKKA['name']}: $150 a user a month; 12-month term" in words
    assert "best efforts; includes monitoring and patching" in words


# ---- What a red-team pass found -------------------------------------------------------------------------


def test_an_unknown_key_holding_half_a_utf_16_pair_is_a_400_not_a_500(client):
    response = client.post(
        "/api/assessments/", '{"industry": "other", "employees": 20, "\\ud800x": 1}', content_type="application/json"
    )
    assert response.status_code == 400
    assert response.json()["errors"]["\\ud800x"] == ["Unknown field."]
    assert Assessment.objects.count() == 0


def test_a_post_that_fails_inside_leaves_its_idempotency_key_free_for_the_retry(client, monkeypatch):
    from advisor import services

    body = {"industry": "other", "employees": 20}
    real = services.assessment_score

    def broken(**kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(services, "assessment_score", broken)
    with pytest.raises(RuntimeError):
        client.post(
            "/api/assessments/",
            json.dumps(body),
            content_type="application/json",
            headers={"Idempotency-Key": "retry-me"},
        )
    monkeypatch.setattr(services, "assessment_score", real)
    retry = client.post(
        "/api/assessments/", json.dumps(body), content_type="application/json", headers={"Idempotency-Key": "retry-me"}
    )
    assert retry.status_code == 201


@pytest.mark.parametrize(
    "name, field_error",
    [
        ("\u202eRTL", "control characters"),
        ("A\x7fB", "control characters"),
        ("A\x9bB", "control characters"),
        ("\u200b", "control characters"),
        ("\u0301\u0301", "you can read"),
    ],
)
def test_a_quote_name_that_would_scramble_or_hide_the_sentences_it_appears_in_is_refused(client, name, field_error):
    response = api_post(
        client, {"industry": "other", "employees": 20, "quotes": [{"name": name, "price_per_user_month": 120}]}
    )
    assert response.status_code == 400
    assert field_error in response.json()["errors"]["quotes"][0]["name"][0]
    assert Assessment.objects.count() == 0


@pytest.mark.parametrize("first, second", [("Café", "Cafe\u0301"), ("Acme", "\uff21\uff43\uff4d\uff45")])
def test_names_that_read_the_same_count_as_the_same_name(client, first, second):
    response = api_post(
        client,
        {
            "industry": "other",
            "employees": 20,
            "quotes": [{"name": first, "price_per_user_month": 120}, {"name": second, "price_per_user_month": 130}],
        },
    )
    assert response.status_code == 400
    assert response.json()["errors"]["quotes"] == ["Give each quote its own name."]


def test_minus_zero_reads_as_zero(client):
    response = api_post(
        client,
        {
            "industry": "other",
            "employees": 20,
            "quotes": [
                {"name": "A", "flat_monthly": 5, "yearly_increase_percent": "-0", "termination_fee_months": "-0.0"}
            ],
        },
    )
    assert response.json()["inputs"]["quotes"][0]["yearly_increase_percent"] == 0.0
    page = client.get(response.json()["url"]).content.decode()
    assert (
        "rises 0 % a year" in html_lib.unescape(page) and "-0" not in html_lib.unescape(page).split("Quote: A")[1][:300]
    )


def test_a_form_filled_from_an_earlier_result_is_private_and_not_indexed(client, quoted):
    response = client.get(f"/assess/?from={quoted.public_id}")
    assert "private" in response["Cache-Control"] and "no-cache" in response["Cache-Control"]
    assert '<meta name="robots" content="noindex">' in response.content.decode()
    assert "Disallow: /assess/?from=" in client.get("/robots.txt").content.decode()


@pytest.mark.parametrize("count", ["0", "-1", None], ids=["zero", "negative", "left-out"])
def test_quotes_typed_beyond_the_count_the_form_gives_are_refused_not_dropped(client, law_firm_answers, count):
    data = {**law_firm_answers, **quote_fields(0, ZEPHYR), "quotes-INITIAL_FORMS": "0"}
    if count is not None:
        data["quotes-TOTAL_FORMS"] = count
    response = submit(client, data)
    assert response.status_code == 200
    assert "The quotes section of the form was incomplete" in response.content.decode()
    assert Assessment.objects.count() == 0


def test_after_a_broken_count_the_form_shows_its_three_quotes_again(client, law_firm_answers):
    response = submit(
        client,
        {**law_firm_answers, **quote_fields(0, ZEPHYR), "quotes-TOTAL_FORMS": "abc", "quotes-INITIAL_FORMS": "0"},
    )
    html = response.content.decode()
    assert Assessment.objects.count() == 0
    assert input_value(html, "quotes-TOTAL_FORMS") == "3"
    assert all(f'name="quotes-{n}-name"' in html for n in range(3))


# ---- Fixing problems (helpdesk) joins what a quote includes (issue 23) ------------------------------------


def test_the_form_offers_and_accepts_fixing_problems_among_what_a_quote_includes(client, law_firm_answers):
    html = client.get(reverse("advisor:assess")).content.decode()
    assert re.search(r'<input[^>]*name="quotes-0-includes" value="helpdesk"', quote_block(html, 0))
    assert "Fixing problems when something breaks (helpdesk)" in html
    fixing = {**QUOKKA, "includes": ["helpdesk", "monitoring"]}
    response = submit(client, with_quotes(law_firm_answers, fixing))
    assert response.status_code == 302, response.content.decode()[:3000]
    document = client.get(f"/api/assessments/{Assessment.objects.get().public_id}/").json()
    assert document["inputs"]["quotes"][0]["includes"] == ["helpdesk", "monitoring"]
    assert "helpdesk" not in document["quotes"][0]["left_out_three_years"]
    assert "missing_helpdesk" not in {f["code"] for f in document["quotes"][0]["flags"]}


def test_the_api_accepts_helpdesk_and_prices_fixing_problems_when_it_is_left_out(client):
    with_fixing = {**QUOTE_B, "name": "With fixing", "includes": ["helpdesk", "monitoring", "security"]}
    response = api_post(client, {**WORKED, "quotes": [with_fixing, QUOTE_B]})
    assert response.status_code == 201, response.content
    document = response.json()
    quotes = {q["name"]: q for q in document["quotes"]}
    assert [q["includes"] for q in document["inputs"]["quotes"]] == [with_fixing["includes"], QUOTE_B["includes"]]
    assert "helpdesk" not in quotes["With fixing"]["left_out_three_years"]
    assert quotes["B"]["left_out_three_years"]["helpdesk"] > 0
    assert quotes["B"]["cost"]["three_years"]["expected"] > quotes["With fixing"]["cost"]["three_years"]["expected"]
    assert "missing_helpdesk" in {f["code"] for f in quotes["B"]["flags"]}
    assert "B leaves out fixing problems (the helpdesk)" in " ".join(document["quote_verdict"])


def stored_before_helpdesk(assessment: Assessment) -> Assessment:
    """The assessment as a result stored before "helpdesk" was listed would be: its quotes scored with fixing
    included (as every quote then was) but no "helpdesk" among what they include, and no list of the pieces a
    quote could include in the document."""
    document = snapshot.unpack(assessment.result_document)
    assert document.pop("quote_includes") == list(engine_quotes.INCLUDE_KEYS)
    for quote in document["inputs"]["quotes"]:
        assert "helpdesk" in quote["includes"]
        quote["includes"].remove("helpdesk")
    for quote in document["result"]["quotes"]:
        assert quote["cost"]["bill_lines"].pop("helpdesk") == 0.0
    assessment.result_document = snapshot.pack(document)
    assessment.save(update_fields=["result_document"])
    return assessment


@pytest.fixture
def stored_earlier(client, law_firm_answers) -> Assessment:
    """The two quotes, both with fixing included, in a result stored before fixing could be left out."""
    quokka = {**QUOKKA, "includes": ["helpdesk", "monitoring"]}
    response = submit(client, with_quotes(law_firm_answers, ZEPHYR, quokka))
    assert response.status_code == 302, response.content.decode()[:3000]
    return stored_before_helpdesk(Assessment.objects.get())


def test_an_earlier_result_with_quotes_renders_as_stored_its_quotes_reading_as_including_fixing(client, stored_earlier):
    html = client.get(stored_earlier.get_absolute_url()).content.decode()
    words = text(re.search(r'<section[^>]*id="your-quotes".*?</section>', html, re.DOTALL).group(0))
    stored = snapshot.unpack(stored_earlier.result_document)["result"]
    assert stored["quote_verdict"][0] in words  # its words as stored
    assert "Fixing problems left out" not in words and "Fixing problems when something breaks" not in words
    document = client.get(f"/api/assessments/{stored_earlier.public_id}/").json()
    assert [q["left_out_three_years"] for q in document["quotes"]] == [q["left_out"] for q in stored["quotes"]]
    assert [q["cost"]["three_years"] for q in document["quotes"]] == [
        q["cost"]["three_years"] for q in stored["quotes"]
    ]
    assert [q["includes"] for q in document["inputs"]["quotes"]] == [EVERYTHING, ["helpdesk", "monitoring"]]


def test_start_again_from_an_earlier_result_ticks_fixing_problems_on_its_quotes(client, stored_earlier):
    html = client.get(f"/assess/?from={stored_earlier.public_id}").content.decode()
    first, second = quote_block(html, 0), quote_block(html, 1)
    assert len(re.findall(r'name="quotes-0-includes"[^>]*checked', first)) == len(EVERYTHING)
    assert re.findall(r'name="quotes-1-includes" value="([^"]+)"[^>]*checked', second) == ["helpdesk", "monitoring"]


def test_scoring_an_earlier_result_again_keeps_its_quotes_complete(client, stored_earlier):
    response = client.post(reverse("advisor:rescore", args=[stored_earlier.public_id]))
    assert response.status_code == 302
    again = Assessment.objects.exclude(pk=stored_earlier.pk).get()
    before = client.get(f"/api/assessments/{stored_earlier.public_id}/").json()
    after = client.get(f"/api/assessments/{again.public_id}/").json()
    assert after["inputs"]["quotes"] == before["inputs"]["quotes"]
    for quote in after["quotes"]:
        assert "helpdesk" not in quote["left_out_three_years"]
        assert "missing_helpdesk" not in {f["code"] for f in quote["flags"]}
    # Priced as they were: the same totals on the same catalogue.
    assert [q["cost"]["three_years"] for q in after["quotes"]] == [q["cost"]["three_years"] for q in before["quotes"]]
    assert snapshot.unpack(again.result_document)["quote_includes"] == list(engine_quotes.INCLUDE_KEYS)


# ---- Quotes in the ranking (issue 23, item 4) --------------------------------------------------------------


def test_an_hourly_quote_needs_its_rate_and_a_monthly_one_refuses_one_each_at_its_field(client, law_firm_answers):
    hourly = {"name": "Fixit Ltd", "model": "break-fix"}
    monthly = {**ZEPHYR, "hourly_rate": "90"}
    response = submit(client, with_quotes(law_firm_answers, hourly, monthly))
    assert response.status_code == 200 and not Assessment.objects.exists()
    first, second = quote_block(response.content.decode(), 0), quote_block(response.content.decode(), 1)
    assert "Give the hourly rate this firm quoted, above zero." in first
    assert "An hourly rate is for Break/Fix or a block of hours" in second
    assert 'value="Fixit Ltd"' in first  # nothing typed is lost


def test_an_hourly_quote_from_the_form_is_stored_priced_as_break_fix_and_named_in_the_cost_table(
    client, law_firm_answers
):
    response = submit(
        client, with_quotes(law_firm_answers, {"name": "Fixit Ltd", "model": "break-fix", "hourly_rate": "95"})
    )
    assert response.status_code == 302
    stored = snapshot.load(Assessment.objects.get())
    [quote] = stored.profile.quotes
    assert (quote.model, quote.hourly_rate) == ("break-fix", 95.0)
    page = client.get(response["Location"]).content.decode()
    assert "Fixit Ltd, your quote (Break/Fix)" in page


def test_the_api_reads_an_hourly_rate_and_msp_fee_as_quotes_counted_within_the_three(client):
    body = {"industry": "legal", "employees": 15, "hourly_rate": 120, "msp_fee_per_user": 110}
    document = api_post(client, body).json()
    assert {q["name"]: q["model"] for q in document["quotes"]} == {
        "Your hourly rate": "break-fix",
        "Your MSP fee": "msp",
    }
    three = [{"name": f"Q{n}", "price_per_user_month": 100 + n} for n in range(3)]
    response = api_post(client, {**body, "msp_fee_per_user": None, "quotes": three})
    assert response.status_code == 400
    assert response.json()["errors"]["quotes"] == ["Give at most 3 quotes: hourly_rate counts as one."]


def test_the_recommended_quote_heads_the_cost_table_and_the_shared_link_shows_the_answer_without_it(client):
    body = {
        "industry": "professional_services",
        "employees": 30,
        "quotes": [
            {"name": "Zephyr Managed IT", "price_per_user_month": 85, "includes": EVERYTHING, "response_hours": 0.5}
        ],
    }
    document = api_post(client, body).json()
    assert document["recommendation"] == "msp" and document["recommended_quote"] == "Zephyr Managed IT"
    page = client.get(document["url"]).content.decode()
    first_row = re.search(r'<tr class="recommended">.*?</tr>', page, re.DOTALL).group(0)
    assert "Zephyr Managed IT, your quote" in first_row
    shared = client.get(document["url_without_quotes"]).content.decode()
    assert "Zephyr" not in shared and "85" not in re.sub(r"<[^>]+>", " ", shared).split("What each would cost")[0]
    assert "Block hours" in re.search(r"<h1[^>]*>(.*?)</h1>", shared, re.DOTALL).group(1)


def test_start_again_turns_an_earlier_forms_hourly_rate_into_a_quote(client, law_firm_answers):
    response = submit(client, law_firm_answers)
    assessment = Assessment.objects.get()
    Assessment.objects.filter(pk=assessment.pk).update(hourly_rate=Decimal("135"))  # as an earlier form stored it
    document = snapshot.unpack(assessment.result_document)
    document["inputs"]["hourly_rate"] = 135.0
    Assessment.objects.filter(pk=assessment.pk).update(result_document=snapshot.pack(document))
    form = client.get(reverse("advisor:assess") + f"?from={assessment.public_id}").content.decode()
    first = quote_block(form, 0)
    assert 'value="Your hourly rate"' in first and 'value="135' in first
    assert re.search(r'<option value="break-fix" selected>', first)
    assert response.status_code == 302


def test_each_row_of_the_cost_table_has_its_options_colour_and_its_line(client):
    document = api_post(client, {"industry": "legal", "employees": 30}).json()
    page = client.get(document["url"]).content.decode()
    table = page.split("What each would cost over three years")[1].split("</table>")[0]
    assert re.findall(r'class="swatch swatch-(\d)"', table) == [str(n) for n in range(len(document["scores"]))]
    for score in document["scores"]:
        assert html_lib.escape(score["line"], quote=False) in table
