"""Cost formulas against worked examples computed by hand (see advisor/costs.py for the formula)."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, strategies as st

from advisor import costs
from advisor.domain import Profile

# A ten-person office with two incidents a month, $1,500 an hour of downtime (so $150 per person-hour)
# and twenty devices, open business hours only.
OFFICE = Profile(industry="other", employees=10, incidents_per_month=2, devices=20, downtime_cost_per_hour=1500)


def model(catalogue, slug):
    return next(m for m in catalogue.models if m.slug == slug)


def estimate(catalogue, slug, profile=OFFICE):
    devices = profile.devices if profile.devices is not None else costs.estimate_devices(profile.employees)
    return costs.estimate_cost(model(catalogue, slug), profile, devices=devices,
                               downtime_cost=profile.downtime_cost_per_hour)


def test_break_fix_expected_cost_is_labour_plus_downtime(catalogue):
    # labour: 2 incidents x 1.5 h x $150 = $450; downtime: 2 x (8 h wait + 1.5 h) x 0.5 people x $150 = $1,425
    cost = estimate(catalogue, "break-fix")
    assert cost.breakdown.labour == 450
    assert cost.breakdown.downtime == 1425
    assert cost.breakdown.fees == 0
    assert cost.monthly.expected == 1875
    assert cost.one_year.expected == 22_500
    assert cost.three_years.expected == 67_500


def test_break_fix_low_and_high_take_each_end_of_every_range(catalogue):
    # low: 2 x 1 h x $100 + 2 x (2 + 1) h x 0.25 x $150 = $425 a month
    # high: 2 x 3 h x $250 + 2 x (24 + 3) h x 2 x $150 = $17,700 a month
    cost = estimate(catalogue, "break-fix")
    assert cost.one_year.low == 5_100
    assert cost.one_year.high == 212_400
    assert cost.three_years.low == 15_300


def test_after_hours_premium_applies_to_the_out_of_hours_share(catalogue):
    # around the clock: 40 % of incidents at 1.75x, so labour is $450 x (1 + 0.4 x 0.75) = $585
    cost = estimate(catalogue, "break-fix", replace(OFFICE, operating_hours="always"))
    assert cost.breakdown.labour == pytest.approx(585)


def test_msp_expected_cost_is_fees_onboarding_and_the_downtime_left(catalogue):
    # half the incidents prevented: 1 left, 1 x (0.5 + 1) h x 0.5 x $150 = $112.50 downtime
    # fees 10 users x $150 = $1,500 a month, onboarding 0.4 months of fees = $600 once
    cost = estimate(catalogue, "msp")
    assert cost.breakdown.fees == 1500
    assert cost.breakdown.downtime == 112.5
    assert cost.breakdown.labour == 0
    assert cost.breakdown.onboarding == 600
    assert cost.one_year.expected == 12 * 1612.5 + 600
    assert cost.three_years.expected == 36 * 1612.5 + 600


def test_msp_low_uses_the_most_prevention_and_high_the_least(catalogue):
    # low: 70 % prevented, 0.6 left x (0.25 + 0.67) h x 0.25 x $150 = $20.70; fees $1,000; no onboarding
    # high: 30 % prevented, 1.4 left x (2 + 2) h x 2 x $150 = $1,680; fees 10 x $250 + 20 x $9 = $2,680,
    #       onboarding one month of fees
    cost = estimate(catalogue, "msp")
    assert cost.one_year.low == pytest.approx(12 * 1020.7)
    assert cost.one_year.high == pytest.approx(12 * (2680 + 1680) + 2680)


def test_msp_bills_at_least_the_minimum_number_of_users(catalogue):
    cost = estimate(catalogue, "msp", replace(OFFICE, employees=2, downtime_cost_per_hour=300))
    assert cost.breakdown.fees == 5 * 150


def test_own_hourly_rate_replaces_the_published_range_for_hourly_billing_only(catalogue):
    profile = replace(OFFICE, hourly_rate=90)
    assert estimate(catalogue, "break-fix", profile).breakdown.labour == 2 * 1.5 * 90
    assert estimate(catalogue, "msp", profile).breakdown.labour == 0


def test_own_msp_fee_replaces_the_per_user_fee(catalogue):
    cost = estimate(catalogue, "msp", replace(OFFICE, msp_fee_per_user=120))
    assert cost.breakdown.fees == 1200
    assert cost.one_year.low == pytest.approx(12 * (1200 + 20.7))  # the fee no longer varies


def test_costs_grow_in_a_straight_line_from_onboarding(catalogue):
    cost = estimate(catalogue, "msp")
    assert cost.onboarding.expected == 600
    for months, total in ((12, cost.one_year), (24, cost.two_years), (36, cost.three_years)):
        assert total.expected == pytest.approx(cost.onboarding.expected + months * cost.monthly.expected)
        assert total.low == pytest.approx(cost.onboarding.low + months * cost.monthly.low)
        assert total.high == pytest.approx(cost.onboarding.high + months * cost.monthly.high)


def test_blank_downtime_cost_is_estimated_from_employees_and_industry():
    assert costs.estimate_downtime_cost(10, "healthcare") == pytest.approx(1800)
    assert costs.estimate_downtime_cost(10, "finance") == pytest.approx(2100)
    assert costs.estimate_downtime_cost(10, "construction") == pytest.approx(1200)
    assert costs.estimate_downtime_cost(10, "retail") == pytest.approx(1500)


def test_blank_devices_are_estimated_as_two_per_person_plus_shared_equipment():
    assert costs.estimate_devices(10) == 22
    assert costs.estimate_devices(1) == 3
    assert costs.estimate_devices(0) == 0


@given(
    values=st.fixed_dictionaries({key: st.floats(0, 5_000, allow_nan=False) for key in costs.PARAMETER_KEYS}),
    incidents=st.floats(0, 10_000, allow_nan=False),
    employees=st.integers(1, 100_000),
    devices=st.integers(0, 1_000_000),
    downtime_cost=st.floats(0, 1e9, allow_nan=False),
    share=st.sampled_from(sorted(costs.AFTER_HOURS_SHARE.values())),
)
def test_parts_by_employees_gives_the_same_floats_as_month_parts(values, incidents, employees, devices,
                                                                  downtime_cost, share):
    # The tipping search's quick form must not drift from the one cost formula, not even in the last bit.
    quick = costs.parts_by_employees(values, incidents, share)
    assert quick(employees, devices, downtime_cost) == costs.month_parts(
        values, employees, incidents, devices, downtime_cost, share)
