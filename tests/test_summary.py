"""The two-page summary (issue 29) through Django's test client: what it says for a result with quotes and without,
next steps drawn from the stored quotes, the shared copy naming no quote, its address, and its errors."""

from __future__ import annotations

import re
import uuid

import pytest
from django.test import Client
from django.utils.html import conditional_escape

from advisor import report, services, snapshot, summary
from advisor.engine.domain import QUOTE_INCLUDES, Profile, Quote
from advisor.models import Assessment

pytestmark = pytest.mark.django_db

EVERYTHING_BUT_VISITS = tuple(key for key, _ in QUOTE_INCLUDES if key != "onsite")
PROFILE = {
    "industry": "professional_services",
    "employees": 18,
    "incidents_per_month": 3,
    "compliance": "moderate",
    "backup": "partial",
}


def quote(name: str, **terms) -> Quote:
    return Quote(name=name, **{"price_per_user_month": 120.0, "includes": EVERYTHING_BUT_VISITS, **terms})


@pytest.fixture
def quoted() -> Assessment:
    profile = Profile(
        **PROFILE,
        quotes=(
            quote("Northern Fellside IT", response_hours=4.0),
            quote(
                "Pennine Quarry Support",
                price_per_user_month=105.0,
                term_months=36,
                notice_days=120,
                termination_fee_months=3.0,
                includes=("helpdesk", "monitoring", "security", "backup"),
            ),
        ),
    )
    return services.assessment_create(
        scored=services.assessment_score(profile=profile), organisation_name="Harbour Lane Accountants"
    )


def text_of(response) -> str:
    html = re.sub(r"<(script|style|svg)\b.*?</\1>", " ", response.content.decode(), flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split()).replace("&#x27;", "'")


def test_next_steps_come_from_the_stored_quotes_flags_and_terms(quoted):
    steps = summary.next_steps(snapshot.load(quoted))
    assert "Ask Northern Fellside IT to price on-site visits: the quote leaves it out" in steps[0]
    assert any(step.startswith("Question Pennine Quarry Support's 36-month term") for step in steps)
    assert any(step.startswith("Ask Pennine Quarry Support for less than 120 days' notice") for step in steps)
    # Northern promises a response time and a 12-month term: nothing to question there.
    assert not any("Northern Fellside IT" in step and "term" in step for step in steps)


def test_the_summary_shows_the_answer_options_quotes_steps_and_sources(quoted):
    response = Client().get(quoted.get_absolute_url() + "summary/")
    assert response.status_code == 200
    assert set(response["Cache-Control"].split(", ")) == {"private", "no-cache"}  # one organisation's result
    text = text_of(response)
    stored = snapshot.load(quoted)
    assert stored.result.headline in text
    for option in stored.result.options:
        assert option.name in text
    for heading in ("What each option would cost", "Your quotes", "What would change the answer", "Next steps"):
        assert heading in text
    assert "Question Pennine Quarry Support's 36-month term" in text
    assert "Costly to leave early" in text  # a term to question, by its title
    assert "The assumptions that matter most" in text and "Our estimate" in text
    address = "http://testserver" + quoted.get_absolute_url() + "summary/"
    assert f'<a href="{address}">{address}</a>' in response.content.decode()
    assert response.content.decode().count('<svg class="qr"') == 1


def test_the_shared_summary_names_no_quote_and_gives_steps_for_the_options(quoted):
    response = Client().get(quoted.get_shared_url() + "summary/")
    assert response.status_code == 200
    html = response.content.decode()
    for name in ("Northern Fellside IT", "Pennine Quarry Support"):
        assert name not in html
    assert "Your quotes" not in html
    assert "without the organisation's quotes" in text_of(response)
    assert quoted.get_shared_url() in html  # its link back is to the shared result, not the one with quotes
    assert quoted.get_absolute_url() not in html


def test_a_result_without_quotes_gets_steps_for_its_answer():
    assessment = services.assessment_create(
        scored=services.assessment_score(profile=Profile(**PROFILE)), organisation_name=""
    )
    stored = snapshot.load(assessment)
    steps = summary.next_steps(stored)
    assert len(steps) == 2
    expected = summary.OPTION_STEPS.get(stored.result.recommendation, stored.result.recommendation_name)
    assert expected in steps[0]
    response = Client().get(assessment.get_absolute_url() + "summary/")
    assert response.status_code == 200 and "Your quotes" not in response.content.decode()


def test_an_unknown_or_deleted_result_has_no_summary_and_only_reading_is_allowed(quoted):
    client = Client()
    assert client.get(f"/assessment/{uuid.uuid4()}/summary/").status_code == 404
    assert client.get(f"/shared/{uuid.uuid4()}/summary/").status_code == 404
    assert client.post(quoted.get_absolute_url() + "summary/").status_code == 405
    url = quoted.get_absolute_url() + "summary/"
    assert client.head(url).status_code == 200
    services.assessment_delete(assessment=quoted)
    assert client.get(url).status_code == 404


def test_the_result_links_to_its_summary_to_print(quoted):
    for path in (quoted.get_absolute_url(), quoted.get_shared_url()):
        html = Client().get(path).content.decode()
        assert '<a class="btn btn-primary print-summary" href="summary/">Print or save as PDF</a>' in html


def test_a_summary_reads_its_row_once_then_only_asks_whether_it_exists(quoted, fragments, django_assert_num_queries):
    url = quoted.get_absolute_url() + "summary/"
    with django_assert_num_queries(2):  # does it exist?, then the row with its stored result
        first = Client().get(url).content.decode()
    with django_assert_num_queries(1):  # the title, head and body from the fragments cache
        again = Client().get(url).content.decode()
    assert again == first
    services.assessment_delete(assessment=quoted)
    assert Client().get(url).status_code == 404  # deleted: gone at once, whatever the cache holds


def test_the_result_page_and_the_summary_write_the_bill_and_what_would_change_it_in_the_same_words():
    # One place writes each: the first-year bill (advisor/_monthly_bill.html) and the tipping sentences in their
    # order (report.tipping_lines). Without quotes both pages mark the same option as the answer.
    assessment = services.assessment_create(
        scored=services.assessment_score(profile=Profile(**PROFILE)), organisation_name=""
    )
    result_page = Client().get(assessment.get_absolute_url()).content.decode()
    summary_page = Client().get(assessment.get_absolute_url() + "summary/").content.decode()
    bills = [
        re.search(r'<p class="monthly-bill[^"]*">.*?</p>', page, flags=re.S) for page in (result_page, summary_page)
    ]
    assert bills[0] is not None and bills[1] is not None
    assert bills[0].group(0) == bills[1].group(0)
    assert "would bill you about" in bills[0].group(0)
    changes, unchanged = report.tipping_lines(snapshot.load(assessment).result)
    assert changes or unchanged
    shown = changes[: summary.MOST_CHANGES] or unchanged[:1]
    for text in shown:
        escaped = conditional_escape(text)
        assert escaped in summary_page and escaped in result_page
