"""The cost model: published-figure sanity, like-for-like scope, and parts kept apart."""

from __future__ import annotations

from dataclasses import replace

import pytest

from advisor.engine import costs, score
from advisor.engine.domain import Profile

OFFICE_50 = Profile(industry="professional_services", employees=50, incidents_per_month=8)
SOLE_TRADER = Profile(
    industry="professional_services", employees=1, incidents_per_month=0.25, budget_preference="pay_as_you_go"
)


def option(result, slug):
    return result.option(slug)


def test_an_msp_for_50_users_bills_between_100k_and_500k_over_three_years(catalogue):
    bills = option(score(OFFICE_50, catalogue), "msp").cost.parts.bills
    assert 100_000 <= bills.low <= bills.expected <= bills.high <= 500_000


def test_break_fix_bills_a_sole_trader_with_a_problem_a_quarter_under_2000_a_year(catalogue):
    bills = option(score(SOLE_TRADER, catalogue), "break-fix").cost.parts.bills
    assert bills.expected / 3 < 2_000


def test_the_expected_parts_add_up_to_the_expected_total(catalogue):
    for o in score(OFFICE_50, catalogue).options:
        parts = o.cost.parts
        assert o.cost.three_years.expected == pytest.approx(
            parts.bills.expected + parts.lost_work.expected + parts.risk.expected, abs=0.011
        )


def test_every_option_is_priced_for_the_same_five_pieces_of_work(catalogue):
    result = score(replace(OFFICE_50, operating_hours="always"), catalogue)
    for o in result.options:
        assert [item.piece for item in o.cost.scope] == list(costs.PIECES)


def test_break_fix_buys_the_security_tooling_every_organisation_should_have(catalogue):
    result = score(OFFICE_50, catalogue)
    bf, msp = option(result, "break-fix"), option(result, "msp")
    assert bf.cost.bill_lines["tooling"] > 0 and msp.cost.bill_lines["tooling"] == 0
    assert {i.piece: i.how for i in msp.cost.scope}["tooling"] == "included"


def test_upkeep_break_fix_leaves_undone_counts_as_risk_unless_in_house_staff_do_it(catalogue):
    without = {i.piece: i.how for i in option(score(OFFICE_50, catalogue), "break-fix").cost.scope}
    with_staff = {
        i.piece: i.how for i in option(score(replace(OFFICE_50, it_staff=2), catalogue), "break-fix").cost.scope
    }
    assert without["upkeep"] == "risk" and with_staff["upkeep"] == "in_house"


def test_lost_work_depends_on_how_much_work_stops_when_it_stops(catalogue):
    def lost(level):
        result = score(replace(OFFICE_50, it_dependence=level), catalogue, with_tipping_points=False)
        return option(result, "break-fix").cost.parts.lost_work.expected

    assert lost("low") < lost("medium") < lost("high") < lost("critical")


def test_lost_work_is_not_in_the_bills(catalogue):
    low = score(replace(OFFICE_50, downtime_cost_per_hour=1_000), catalogue, with_tipping_points=False)
    high = score(replace(OFFICE_50, downtime_cost_per_hour=100_000), catalogue, with_tipping_points=False)
    for slug in ("break-fix", "msp"):
        assert option(low, slug).cost.parts.bills == option(high, slug).cost.parts.bills
        assert option(low, slug).cost.parts.lost_work.expected < option(high, slug).cost.parts.lost_work.expected


def test_weaker_backups_raise_break_fixs_risk_but_not_the_msps_which_manages_backups(catalogue):
    tested = score(replace(OFFICE_50, backup="tested"), catalogue, with_tipping_points=False)
    none = score(replace(OFFICE_50, backup="none"), catalogue, with_tipping_points=False)
    assert option(none, "break-fix").cost.parts.risk.expected > option(tested, "break-fix").cost.parts.risk.expected
    assert option(none, "msp").cost.parts.risk == option(tested, "msp").cost.parts.risk


def test_an_earlier_results_own_rate_and_fee_become_quotes_priced_as_their_options(catalogue):
    quoted = replace(OFFICE_50, hourly_rate=90, msp_fee_per_user=120)
    result = score(quoted, catalogue, with_tipping_points=False)
    by_name = {q.name: q for q in result.quotes}
    assert by_name["Your MSP fee"].model == "msp" and by_name["Your hourly rate"].model == "break-fix"
    assert by_name["Your MSP fee"].cost.bill_lines["fees"] == pytest.approx(50 * 120 * 36)
    published = score(OFFICE_50, catalogue, with_tipping_points=False)
    assert option(result, "msp").cost.three_years == option(published, "msp").cost.three_years  # as published
    assert by_name["Your hourly rate"].cost.bill_lines["labour"] == pytest.approx(
        option(published, "break-fix").cost.bill_lines["labour"] * 90 / 150
    )


def test_blank_problems_a_month_are_estimated_from_size_and_said_to_be(catalogue):
    result = score(replace(OFFICE_50, incidents_per_month=None), catalogue, with_tipping_points=False)
    assert result.estimates.incidents_estimated
    assert result.estimates.incidents_per_month == pytest.approx(
        50 * catalogue.figures["incidents_per_person_month"].expected
    )
    assert any(a.label.startswith("IT problems a month") and "estimated" in a.value for a in result.assumptions)
