"""Tipping points are computed, and each is checked by re-scoring just either side of it."""
from __future__ import annotations

import math
from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import needs, scoring
from advisor.domain import Catalogue, ModelSpec, Profile
from advisor.tipping import SEARCHED_FIELDS
from tests.catalogues import DIMENSIONS, MSP_COSTS, seeded_catalogue
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


# ---- The search's own tools: a line per answer, and its proof that a stretch holds no change ---------------

organisations = st.builds(
    Profile,
    industry=st.sampled_from(["other", "healthcare", "finance", "construction"]),
    employees=st.integers(1, 3000),
    incidents_per_month=st.decimals(0, 200, places=2).map(float),
    operating_hours=st.sampled_from(["business_hours", "extended", "always"]),
    budget_preference=st.sampled_from(["pay_as_you_go", "no_preference", "predictable"]),
    it_dependence=st.sampled_from(["low", "medium", "high", "critical"]),
    devices=st.one_of(st.none(), st.integers(0, 5000)),
    it_staff=st.sampled_from([0.0, 0.5, 2.0, 10.0]),
    downtime_cost_per_hour=st.one_of(st.none(), st.decimals(0, 2_000_000, places=0).map(float)),
    hourly_rate=st.one_of(st.none(), st.sampled_from([90.0, 200.0])),
)
THIRD = ModelSpec("co-managed", "Co-managed IT", {d.slug: 3 for d in DIMENSIONS}, costs=MSP_COSTS)
CATALOGUES = {"seeded": CATALOGUE, "three models": Catalogue(models=CATALOGUE.models + (THIRD,),
                                                             dimensions=DIMENSIONS)}


def field_value(field, fraction: float) -> float:
    """A value of the searched answer, spread over its range on a log scale (fraction 0..1)."""
    return field.from_units(round(math.expm1(fraction * math.log1p(field.to_units(field.high)))))


@settings(max_examples=60, deadline=None)
@given(profile=organisations, field=st.sampled_from(SEARCHED_FIELDS), fraction=st.floats(0, 1),
       catalogue=st.sampled_from(sorted(CATALOGUES)))
def test_a_line_decides_as_a_full_re_score_does(profile, field, fraction, catalogue):
    value = max(field.low, field_value(field, fraction))
    line = scoring.Situation(CATALOGUES[catalogue], profile).line(field.name)
    moved = scoring.Situation(CATALOGUES[catalogue], at(profile, field.name, value))
    point = line.at(value)
    assert point[:2] == (moved.best, moved.cheaper)
    assert point[3] == pytest.approx(moved.totals, rel=1e-12)


@settings(max_examples=60, deadline=None)
@given(profile=organisations, field=st.sampled_from(SEARCHED_FIELDS), ends=st.tuples(st.floats(0, 1), st.floats(0, 1)),
       inside=st.lists(st.floats(0, 1), min_size=8, max_size=8), catalogue=st.sampled_from(sorted(CATALOGUES)))
def test_a_stretch_proven_unchanged_holds_no_change(profile, field, ends, inside, catalogue):
    """The bound behind "no value in range changes it": wherever it says a stretch is settled, values
    inside the stretch give the same answer as its ends."""
    low, high = sorted(max(field.low, field_value(field, f)) for f in ends)
    line = scoring.Situation(CATALOGUES[catalogue], profile).line(field.name)
    a, b = line.at(low), line.at(high)
    for kind in (0, 1):
        if a[kind] != b[kind] or not line.unchanged(a, b, kind):
            continue
        for fraction in inside:
            value = field.from_units(round(field.to_units(low) + fraction * (field.to_units(high) - field.to_units(low))))
            assert line.at(value)[kind] == a[kind], (kind, low, value, high)


def test_a_model_identical_to_an_earlier_one_never_takes_over():
    msp = CATALOGUE.models[1]
    twin = ModelSpec("twin", "Twin", msp.ratings, msp.headlines, msp.costs)
    catalogue = Catalogue(models=(msp, twin), dimensions=DIMENSIONS)
    result = scoring.score(CLINIC, catalogue)
    assert result.recommendation == "msp"
    assert {p.value for p in result.tipping_points} == {None}
    assert all("No value of" in p.text for p in result.tipping_points)


@pytest.mark.parametrize("catalogue", sorted(CATALOGUES))
def test_tipping_points_hold_with_two_models_and_with_three(catalogue):
    for profile in (CORNER_SHOP, CLINIC, FACTORY_WITH_IT_TEAM):
        result = scoring.score(profile, CATALOGUES[catalogue])
        here = scoring.outcome(profile, CATALOGUES[catalogue])
        for point in result.tipping_points:
            if point.value is None:
                continue
            step = FIELDS[point.field].step if point.direction == "up" else -FIELDS[point.field].step
            kind = KIND_INDEX[point.kind]
            assert scoring.outcome(at(profile, point.field, point.value), CATALOGUES[catalogue])[kind] == point.becomes
            short = round(point.value - step, 2)
            assert scoring.outcome(at(profile, point.field, short), CATALOGUES[catalogue])[kind] == here[kind]


@pytest.mark.parametrize("field", sorted(needs.MOVING_SIGNALS))
def test_every_need_moves_one_way_as_a_searched_answer_grows(field):
    """What the search's bounds rest on: a need that rose and fell along an answer could hide a change."""
    directions = needs.MOVING_SIGNALS[field]
    for slug, rule in needs.FOLDED_RULES.items():
        assert needs.moves_one_way(rule, directions), (slug, field)


def test_a_need_rule_that_would_move_both_ways_is_refused(monkeypatch):
    monkeypatch.setitem(needs.FOLDED_RULES, "engagement", (0.1, (("incidents", 0.3), ("size", -0.3))))
    monkeypatch.setitem(needs.FOLDED_RULES, "monitoring", (0.0, (("size", 0.5), ("it_staff", 0.5))))
    catalogue = Catalogue(models=CATALOGUE.models, dimensions=DIMENSIONS)
    with pytest.raises(ValueError, match="monitoring"):
        scoring.score(CLINIC, catalogue)
