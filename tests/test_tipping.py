"""Tipping points are computed, and each is checked by re-scoring just either side of it."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import scoring
from advisor.domain import Profile
from advisor.tipping import SEARCHED_FIELDS
from tests.catalogues import seeded_catalogue
from tests.test_scoring import CLINIC, CORNER_SHOP, FACTORY_WITH_IT_TEAM

CATALOGUE = seeded_catalogue()
FIELDS = {f.name: f for f in SEARCHED_FIELDS}
KIND_INDEX = {"recommendation": 0, "cheaper": 1}


def at(profile: Profile, field: str, value: float) -> Profile:
    if field == "employees":
        return replace(profile, employees=int(value))
    return replace(profile, **{field: float(value)})


def assert_verified(profile: Profile, result) -> None:
    """Every tipping point holds when re-scored at it, and one step short of it gives today's answer."""
    here = scoring.outcome(profile, CATALOGUE)
    for point in result.tipping_points:
        kind = KIND_INDEX[point.kind]
        field = FIELDS[point.field]
        if point.value is None:
            for edge in (field.low, field.high):
                assert scoring.outcome(at(profile, point.field, edge), CATALOGUE)[kind] == here[kind], point
            continue
        step = field.step if point.direction == "up" else -field.step
        assert scoring.outcome(at(profile, point.field, point.value), CATALOGUE)[kind] == point.becomes, point
        assert point.becomes != here[kind]
        just_short = round(point.value - step, 2)
        assert scoring.outcome(at(profile, point.field, just_short), CATALOGUE)[kind] == here[kind], point


@pytest.mark.parametrize("profile", [CORNER_SHOP, CLINIC, FACTORY_WITH_IT_TEAM], ids=["shop", "clinic", "factory"])
def test_tipping_points_hold_either_side(profile):
    assert_verified(profile, scoring.score(profile, CATALOGUE))


def test_every_searched_answer_and_kind_is_covered():
    result = scoring.score(CLINIC, CATALOGUE)
    covered = {(p.field, p.kind) for p in result.tipping_points}
    assert covered == {(f, k) for f in ("incidents_per_month", "downtime_cost_per_hour", "employees")
                       for k in ("recommendation", "cheaper")}


def test_corner_shop_would_be_advised_msp_with_more_incidents():
    result = scoring.score(CORNER_SHOP, CATALOGUE)
    point = next(p for p in result.tipping_points
                 if p.field == "incidents_per_month" and p.kind == "recommendation")
    assert point.direction == "up" and point.becomes == "msp"
    assert point.value > CORNER_SHOP.incidents_per_month
    assert "Managed Services Provider would be recommended" in point.text


def test_no_value_in_range_is_reported_when_nothing_changes_the_answer():
    # However many people the corner shop had, with half a problem a month it would stay with Break/Fix.
    result = scoring.score(CORNER_SHOP, CATALOGUE)
    employees = [p for p in result.tipping_points if p.field == "employees" and p.kind == "recommendation"]
    assert len(employees) == 1
    assert employees[0].value is None and employees[0].direction == "none"
    assert employees[0].text.startswith("No value of people using IT from 1 person to 100,000 people")
    assert_verified(CORNER_SHOP, result)


@settings(max_examples=25, deadline=None)
@given(
    employees=st.integers(1, 400),
    incidents=st.decimals(0, 30, places=2).map(float),
    downtime=st.one_of(st.none(), st.decimals(0, 100_000, places=0).map(float)),
    hours=st.sampled_from(["business_hours", "extended", "always"]),
    budget=st.sampled_from(["pay_as_you_go", "no_preference", "predictable"]),
    it_staff=st.sampled_from([0.0, 0.5, 2.0]),
)
def test_tipping_points_hold_for_generated_organisations(employees, incidents, downtime, hours, budget, it_staff):
    profile = Profile(industry="other", employees=employees, incidents_per_month=incidents,
                      downtime_cost_per_hour=downtime, operating_hours=hours, budget_preference=budget,
                      it_staff=it_staff)
    assert_verified(profile, scoring.score(profile, CATALOGUE))
