"""Honest ranges: simulated percentiles, not stacked worst cases; deterministic; chance of being cheapest."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import costs, score, uncertainty
from advisor.engine.domain import Profile
from tests.catalogues import seeded_catalogue
from tests.engine.profiles import profiles

CATALOGUE = seeded_catalogue()
LAW_FIRM = Profile(industry="legal", employees=15, incidents_per_month=3, compliance="strict")


def ranges(result):
    for o in result.options:
        yield o.cost.three_years
        yield from (o.cost.parts.bills, o.cost.parts.lost_work, o.cost.parts.risk)


@given(profile=profiles)
@settings(max_examples=120, deadline=None)
def test_every_range_is_ordered_low_expected_high(profile):
    result = score(profile, CATALOGUE, with_tipping_points=False)
    for r in ranges(result):
        assert 0 <= r.low <= r.expected <= r.high


@given(profile=profiles.filter(lambda p: p.employees <= 250))
@settings(max_examples=120, deadline=None)
def test_with_their_own_downtime_cost_each_options_90th_percentile_is_within_5_times_its_10th(profile):
    result = score(
        replace(profile, downtime_cost_per_hour=max(100.0, profile.downtime_cost_per_hour or 0)),
        CATALOGUE,
        with_tipping_points=False,
    )
    for o in result.options:
        assert o.cost.three_years.high <= 5 * o.cost.three_years.low, o.slug


def test_a_15_person_law_firms_break_fix_range_spans_far_less_than_stacked_worst_cases():
    bf = score(LAW_FIRM, CATALOGUE, with_tipping_points=False).option("break-fix").cost.three_years
    assert bf.high < 3 * bf.low


def test_the_same_answers_always_give_the_same_numbers():
    assert score(LAW_FIRM, CATALOGUE) == score(LAW_FIRM, CATALOGUE)


@given(profile=profiles)
@settings(max_examples=80, deadline=None)
def test_the_chances_of_being_cheapest_add_up_to_one(profile):
    result = score(profile, CATALOGUE, with_tipping_points=False)
    chances = [c.cost.chance_cheapest for c in (*result.options, *result.quotes)]  # what the cost table shows
    assert all(0 <= c <= 1 for c in chances) and abs(sum(chances) - 1) < 1e-9


def test_the_option_cheaper_in_nearly_every_plausible_case_has_a_high_chance_of_being_cheapest():
    sole = Profile(industry="retail", employees=2, incidents_per_month=0.2)
    result = score(sole, CATALOGUE, with_tipping_points=False)
    assert result.option("break-fix").cost.chance_cheapest > 0.95


@given(fee=st.floats(80, 250))
@settings(max_examples=20, deadline=None)
def test_an_own_quote_is_taken_as_given_not_drawn(fee):
    result = score(replace(LAW_FIRM, msp_fee_per_user=round(fee, 2)), CATALOGUE, with_tipping_points=False)
    [quote] = result.quotes  # the MSP fee answer of earlier results is read as a quote
    assert quote.cost.bill_lines["fees"] == round(15 * round(fee, 2) * 36, 2)
    assert quote.cost.parts.bills.low == quote.cost.parts.bills.high == quote.cost.parts.bills.expected


@given(
    rows=st.lists(
        st.lists(st.floats(-1e9, 1e9, allow_nan=False), min_size=5, max_size=40),
        min_size=1,
        max_size=6,
    ).filter(lambda rows: len({len(r) for r in rows}) == 1),
    q=st.lists(st.floats(0, 100), min_size=1, max_size=3),
)
@settings(max_examples=200, deadline=None)
def test_the_quick_percentiles_are_numpys_to_the_last_bit(rows, q):
    array = np.array(rows)
    expected = np.percentile(array, q, axis=1)
    assert np.array_equal(uncertainty.percentiles(array.copy(), tuple(q)), expected)


def test_the_draws_are_keyed_by_name_each_figure_on_its_own_row():
    draws = uncertainty.catalogue_draws(CATALOGUE)
    assert uncertainty.catalogue_draws(CATALOGUE) is draws  # worked out once for the catalogue
    msp = next(i for i, m in enumerate(CATALOGUE.models) if m.slug == "msp")
    fee = CATALOGUE.models[msp].figures["fee_per_user_month"]
    drawn = draws.values["fee_per_user_month", msp]
    row = draws.units[draws.index["fee_per_user_month", msp]]
    assert np.array_equal(drawn, fee.low + (fee.high - fee.low) * row)
    tooling = CATALOGUE.figures["tooling_per_user_month"]
    row = draws.units[draws.index["tooling_per_user_month", None]]
    assert np.array_equal(
        draws.values["tooling_per_user_month", None], tooling.low + (tooling.high - tooling.low) * row
    )
    # A shared figure added later is drawn after every option's, so adding it moves none of theirs.
    assert draws.index["coordination_hours_per_job", None] > max(
        n for (key, option), n in draws.index.items() if option is not None and key in costs.OPTION_KEYS
    )
