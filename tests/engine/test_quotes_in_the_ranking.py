"""Quotes stand in the ranking as the option they buy (issue 23, item 4): one winner per result, one place that
takes a provider's price, and an answer over the options alone for the link shared without the quotes."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import quotes, score
from advisor.engine.domain import Profile, Quote
from tests.catalogues import catalogue_with_options_between

FIVE = catalogue_with_options_between()
EVERYTHING = quotes.INCLUDE_KEYS
PRACTICE = Profile(industry="professional_services", employees=30)  # block hours is cheapest at our prices
MSP_RESPONSE = FIVE.models[1].figures["response_delay_hours"].expected


def _managed(name: str, price: float) -> Quote:
    return Quote(name, price_per_user_month=price, includes=EVERYTHING, response_hours=MSP_RESPONSE)


def test_a_cheap_complete_msp_quote_wins_and_the_answer_names_the_option_and_the_quote():
    result = score(replace(PRACTICE, quotes=(_managed("Northern IT", 85), _managed("Pennine", 140))), FIVE)
    assert result.recommendation == "msp" and result.options[0].slug == "msp"
    assert result.recommended_quote == "Northern IT"
    assert result.headline == "We recommend Managed Services Provider"
    assert "Northern IT (Managed Services Provider) would cost about" in result.summary
    assert "Northern IT is the best way to buy it" in result.summary


def test_without_the_quote_the_same_organisation_is_told_block_hours_and_the_shared_answer_says_so():
    alone = score(PRACTICE, FIVE)
    assert alone.recommendation == "block-hours"
    result = score(replace(PRACTICE, quotes=(_managed("Northern IT", 85),)), FIVE)
    shared = result.without_quotes
    assert shared is not None and shared.recommendation == alone.recommendation
    assert (shared.headline, shared.summary, shared.reasons) == (alone.headline, alone.summary, alone.reasons)
    assert shared.order == tuple(o.slug for o in alone.options)
    assert "Northern" not in shared.summary + " ".join(shared.reasons) + " ".join(p.text for p in shared.tipping_points)


@given(fee=st.floats(40, 400).map(lambda f: round(f, 2)))
@settings(max_examples=30, deadline=None)
def test_a_price_moves_the_answer_the_same_way_wherever_it_is_typed(fee):
    """An MSP fee in the old answer and the same fee as a complete quote are one quote, priced alike."""
    old = score(replace(PRACTICE, msp_fee_per_user=fee), FIVE, with_tipping_points=False)
    new = score(replace(PRACTICE, quotes=(replace(_managed("Your MSP fee", fee)),)), FIVE, with_tipping_points=False)
    assert old.recommendation == new.recommendation
    assert old.quotes[0].cost.three_years == new.quotes[0].cost.three_years
    assert old.recommended_quote == new.recommended_quote


def test_an_hourly_quote_is_priced_as_break_fix_at_its_rate():
    published = score(PRACTICE, FIVE, with_tipping_points=False).option("break-fix")
    rate = FIVE.models[0].figures["hourly_rate"].expected
    result = score(replace(PRACTICE, quotes=(Quote("Fixit", model="break-fix", hourly_rate=rate / 2),)), FIVE)
    [quote] = result.quotes
    assert quote.model == "break-fix"
    assert quote.cost.bill_lines["labour"] == round(published.cost.bill_lines["labour"] / 2, 2)
    assert quote.flags == ()  # contract terms and market bands are for monthly services


def test_a_block_of_hours_quote_is_bought_at_the_rate_quoted_with_no_further_discount():
    block = score(PRACTICE, FIVE, with_tipping_points=False).option("block-hours")
    discount = FIVE.models[2].figures["block_discount"].expected
    rate = FIVE.models[2].figures["hourly_rate"].expected * (1 - discount)
    result = score(replace(PRACTICE, quotes=(Quote("Blocky", model="block-hours", hourly_rate=rate),)), FIVE)
    assert abs(result.quotes[0].cost.bill_lines["labour"] - block.cost.bill_lines["labour"]) < 1.0


@given(
    prices=st.lists(st.floats(30, 300).map(lambda f: round(f, 2)), min_size=1, max_size=3, unique=True),
    people=st.integers(1, 300),
)
@settings(max_examples=40, deadline=None)
def test_the_recommendation_is_the_option_of_the_lowest_candidate_and_the_chances_add_up_over_the_rows(prices, people):
    quoted = tuple(_managed(f"Quote {n}", price) for n, price in enumerate(prices))
    result = score(replace(PRACTICE, employees=people, quotes=quoted), FIVE, with_tipping_points=False)
    rows = [(o.cost.three_years.expected - o.allowance, o.slug) for o in result.options]
    rows += [(q.cost.three_years.expected - q.allowance, q.model) for q in result.quotes]
    assert min(rows)[1] == result.recommendation or abs(min(rows)[0] - sorted(rows)[1][0]) < 1.0
    chances = [c.cost.chance_cheapest for c in (*result.options, *result.quotes)]
    assert abs(sum(chances) - 1) < 1e-9
    if result.recommended_quote is not None:
        assert next(q for q in result.quotes if q.name == result.recommended_quote).model == result.recommendation
