"""The quotes are one list-valued answer of the assessment form (issue 27 item 3): the API binds its `quotes` list
to it as given, and each quote is validated by the same QuoteForm, with the same messages, as on the page."""

from __future__ import annotations

import pytest
from django.http import QueryDict

from advisor.forms import AssessmentForm, quote_form_data
from tests.conftest import LAW_FIRM

pytestmark = pytest.mark.django_db

GOOD = {"name": "Bay IT", "price_per_user_month": 95, "term_months": 24, "includes": ["helpdesk", "backup"]}
# Each refused by QuoteForm: no price at all; an hourly rate for a monthly service; a term out of range.
BAD = [
    {"name": "No Price IT"},
    {"name": "Hourly IT", "price_per_user_month": 80, "hourly_rate": 90},
    {"name": "Long IT", "price_per_user_month": 80, "term_months": 999},
]


def page_data(quotes: list[dict]) -> QueryDict:
    """The answers and quotes as the page posts them: a QueryDict of the formset's keys."""
    data = QueryDict(mutable=True)
    for key, value in {**LAW_FIRM, **quote_form_data(quotes)}.items():
        if isinstance(value, list):
            data.setlist(key, [str(v) for v in value])
        elif not isinstance(value, bool) or value:
            data[key] = str(value)
    return data


def test_a_list_of_quotes_is_one_answer_given_as_the_quotes_the_engine_reads():
    form = AssessmentForm(data={**LAW_FIRM, "quotes": [GOOD]})
    assert form.is_valid(), (form.errors, form.quote_error_lists())
    (quote,) = form.cleaned_data["quotes"]
    assert (quote.name, quote.price_per_user_month, quote.term_months) == ("Bay IT", 95.0, 24)
    assert set(quote.includes) == {"helpdesk", "backup"}
    assert form.to_profile().quotes == (quote,)


@pytest.mark.parametrize("bad", BAD, ids=["no-price", "hourly-rate", "term"])
def test_a_bad_quote_gets_the_same_messages_as_a_list_and_as_the_page_posts_it(bad):
    as_list = AssessmentForm(data={**LAW_FIRM, "quotes": [GOOD, bad]})
    on_page = AssessmentForm(data=page_data([GOOD, bad]))
    assert not as_list.is_valid() and not on_page.is_valid()
    errors = as_list.quote_error_lists()
    assert errors[0] == {} and errors[1]
    assert errors == on_page.quote_error_lists()


def test_the_page_keeps_its_formset_and_the_list_field_reads_nothing_from_a_page_post():
    form = AssessmentForm(data=page_data([GOOD]))
    assert form["quotes"].data is None  # the page's quotes are the formset's keys, not one value
    assert form.is_valid(), form.quote_error_lists()
    assert [q.name for q in form.cleaned_data["quotes"]] == ["Bay IT"]
