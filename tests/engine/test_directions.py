"""The directions an adviser gives, held by the overall score over the whole input space (hypothesis).

MSP's lead over Break/Fix is never lowered by an answer that points to managed services (more problems,
dearer downtime, longer hours, stricter regulation, weaker backups, more dependence, faster growth, a wish for
predictable bills), and never raised by more in-house IT staff or a wish to pay only when something breaks.

People, devices and sites are left out: since each option is priced on what its providers price it on (per
user, per device, per site) and a further site's hours cost the same whatever the head count, their effect can
go either way between options. tests/engine/test_size.py holds what they must do instead.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import decide, evaluate
from advisor.engine.domain import Profile
from tests.catalogues import seeded_catalogue
from tests.engine.profiles import profiles

CATALOGUE = seeded_catalogue()
PREPARED = evaluate.prepare(CATALOGUE)
MSP, BREAK_FIX = 1, 0  # indexes in the seeded catalogue


def lead(profile: Profile) -> float:
    """How far MSP's overall score is ahead of Break/Fix's, as the gap between the figures the scores restate in
    units of the reference spend: overall = 100 x reference / (reference + figure), so figure / reference =
    100 / overall - 1. For a given size that is the gap in money; across sizes it is the gap for the size."""
    ev = decide.evaluate(profile, CATALOGUE, PREPARED)
    return 100.0 / ev.overall[BREAK_FIX] - 100.0 / ev.overall[MSP]


def tolerance(*leads: float) -> float:
    """Rounding in sums of large costs: a billionth of the reference spend, or of the leads' size."""
    return max(1e-9, 1e-9 * max(abs(x) for x in leads))


def never_lower(before: Profile, after: Profile) -> None:
    a, b = lead(before), lead(after)
    assert b >= a - tolerance(a, b), f"MSP's lead fell from {a} to {b}"


ORDERED_LEVELS = {
    "operating_hours": ["business_hours", "extended", "always"],
    "compliance": ["none", "moderate", "strict"],
    "backup": ["tested", "partial", "none"],
    "it_dependence": ["low", "medium", "high", "critical"],
    "growth": ["shrinking", "stable", "moderate", "rapid"],
    "budget_preference": ["pay_as_you_go", "no_preference", "predictable"],
}


@pytest.mark.parametrize("answer", sorted(ORDERED_LEVELS))
@given(profile=profiles, data=st.data())
@settings(max_examples=150, deadline=None)
def test_a_level_pointing_to_managed_services_never_lowers_msps_lead(answer, profile, data):
    levels = ORDERED_LEVELS[answer]
    lower = data.draw(st.integers(0, len(levels) - 2))
    higher = data.draw(st.integers(lower + 1, len(levels) - 1))
    never_lower(replace(profile, **{answer: levels[lower]}), replace(profile, **{answer: levels[higher]}))


@given(profile=profiles, factor=st.floats(1.0, 10.0))
@settings(max_examples=300, deadline=None)
def test_more_problems_a_month_never_lower_msps_lead(profile, factor):
    used = decide.evaluate(profile, CATALOGUE, PREPARED).estimates.incidents_per_month
    before = replace(profile, incidents_per_month=used)
    never_lower(before, replace(profile, incidents_per_month=used * factor))


@given(profile=profiles, factor=st.floats(1.0, 10.0))
@settings(max_examples=300, deadline=None)
def test_dearer_downtime_never_lowers_msps_lead(profile, factor):
    used = decide.evaluate(profile, CATALOGUE, PREPARED).estimates.downtime_cost_per_hour
    never_lower(replace(profile, downtime_cost_per_hour=used), replace(profile, downtime_cost_per_hour=used * factor))


@given(profile=profiles, extra=st.floats(0.0, 50.0))
@settings(max_examples=300, deadline=None)
def test_more_in_house_it_staff_never_raise_msps_lead(profile, extra):
    a, b = lead(profile), lead(replace(profile, it_staff=profile.it_staff + round(extra, 2)))
    assert b <= a + tolerance(a, b)
