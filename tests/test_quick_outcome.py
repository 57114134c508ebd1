"""The tipping search's fast outcome (advisor/quick_outcome.py) gives exactly what scoring.outcome gives,
its proofs never vouch for a range in which the answer changes, and tipping points come out the same."""
from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import scoring
from advisor.domain import Catalogue, DimensionSpec, ModelSpec, Profile
from advisor.quick_outcome import MOVED, outcomes_along
from advisor.tipping import SEARCHED_FIELDS, find_tipping_points
from tests.catalogues import seeded_catalogue

FIELDS = {f.name: f for f in SEARCHED_FIELDS}
SEEDED = seeded_catalogue()


def three_models() -> Catalogue:
    """The seeded two plus a co-managed model at half the MSP's prices, rated 3 on everything."""
    msp = SEEDED.models[1]
    third = ModelSpec(slug="co-managed", name="Co-managed", ratings={d.slug: 3 for d in SEEDED.dimensions},
                      costs={k: dataclasses.replace(p, low=p.low / 2, expected=p.expected / 2, high=p.high / 2)
                             for k, p in msp.costs.items()})
    return Catalogue(models=SEEDED.models + (third,), dimensions=SEEDED.dimensions)


def odd_catalogue() -> Catalogue:
    """Dimensions the rules do not know, one weighing nothing; an MSP missing figures and a rating."""
    msp = SEEDED.models[1]
    partial = dataclasses.replace(
        msp, ratings={k: v for k, v in msp.ratings.items() if k != "cost"},
        costs={k: v for k, v in msp.costs.items() if k not in ("minimum_users", "prevented_share")},
    )
    dimensions = SEEDED.dimensions[:6] + (DimensionSpec("security", "Security", 2.0), DimensionSpec("zero", "Zero", 0.0))
    return Catalogue(models=(SEEDED.models[0], partial), dimensions=dimensions)


def unsound_catalogue() -> Catalogue:
    """A rating above 5 and a negative fee: the proofs must stand aside, the outcome stay exact."""
    first, msp = SEEDED.models
    fee = msp.costs["fee_per_user_month"]
    return Catalogue(models=(dataclasses.replace(first, ratings={**first.ratings, "downtime": 7}),
                             dataclasses.replace(msp, costs={**msp.costs, "fee_per_user_month": dataclasses.replace(
                                 fee, low=-5.0, expected=-5.0, high=-5.0)})),
                     dimensions=SEEDED.dimensions)


CATALOGUES = {"seeded": SEEDED, "three models": three_models(), "odd": odd_catalogue(),
              "zero weights": Catalogue(models=SEEDED.models,
                                        dimensions=tuple(dataclasses.replace(d, weight=0.0) for d in SEEDED.dimensions)),
              "unsound": unsound_catalogue()}

profiles = st.builds(
    Profile,
    industry=st.sampled_from(["legal", "healthcare", "finance", "construction", "retail"]),
    employees=st.integers(1, 100_000),
    incidents_per_month=st.floats(0, 10_000).map(lambda v: round(v, 2)),
    operating_hours=st.sampled_from(["business_hours", "extended", "always"]),
    budget_preference=st.sampled_from(["pay_as_you_go", "no_preference", "predictable"]),
    growth=st.sampled_from(["shrinking", "stable", "moderate", "rapid"]),
    compliance=st.sampled_from(["none", "moderate", "strict"]),
    backup=st.sampled_from(["none", "partial", "tested"]),
    it_dependence=st.sampled_from(["low", "medium", "high", "critical"]),
    devices=st.none() | st.integers(0, 1_000_000),
    sites=st.integers(1, 10_000),
    it_staff=st.sampled_from([0.0, 0.5, 1.0, 3.0, 40.0]),
    downtime_cost_per_hour=st.none() | st.floats(0, 1e9).map(lambda v: round(v, 2)),
    hourly_rate=st.none() | st.floats(0, 10_000).map(lambda v: round(v, 2)),
    msp_fee_per_user=st.none() | st.floats(0, 10_000).map(lambda v: round(v, 2)),
)


def values(field: str, rng: random.Random) -> list[float]:
    spec = FIELDS[field]
    edges = [spec.low, spec.high, spec.low + spec.step, 30, 100, 250, 750, 1_000_000]
    spread = [spec.from_units(spec.to_units(10 ** rng.uniform(-2, 9))) for _ in range(25)]
    return [v for v in edges + spread if spec.low <= v <= spec.high]


@settings(max_examples=150, deadline=None)
@given(profile=profiles, name=st.sampled_from(sorted(CATALOGUES)), seed=st.integers(0, 10**6))
def test_the_fast_outcome_is_exactly_scorings(profile, name, seed):
    catalogue = CATALOGUES[name]
    along = outcomes_along(profile, catalogue)
    rng = random.Random(seed)
    for field in MOVED:
        for value in values(field, rng):
            assert along[field](value) == scoring.outcome(scoring.with_value(profile, field, value), catalogue), \
                (field, value)


def scorings_figures(profile: Profile, catalogue: Catalogue) -> tuple[list[float], list[float]]:
    """Each model's fit and expected three-year total, as scoring.outcome works them out."""
    devices, _, downtime_cost, _ = scoring._effective_inputs(profile)
    need_list = scoring.needs(profile, catalogue, devices=devices, downtime_cost=downtime_cost)
    fits = [sum(d.points for d in scoring._fit_points(m, need_list)) for m in catalogue.models]
    totals = [scoring.costs.expected_three_year_cost(m, profile, devices=devices, downtime_cost=downtime_cost)
              for m in catalogue.models]
    return fits, totals


@settings(max_examples=100, deadline=None)
@given(profile=profiles, name=st.sampled_from(sorted(CATALOGUES)), seed=st.integers(0, 10**6))
def test_the_fast_fits_and_totals_are_scorings_to_the_last_bit(profile, name, seed):
    """Equal floats, not close ones: a last-bit difference could move a tipping point found by bisection."""
    catalogue = CATALOGUES[name]
    along = outcomes_along(profile, catalogue)
    rng = random.Random(seed)
    for field in MOVED:
        for value in values(field, rng):
            fits, totals = along[field].figures(value)
            assert (fits, totals) == scorings_figures(scoring.with_value(profile, field, value), catalogue), \
                (field, value)


@settings(max_examples=60, deadline=None)
@given(profile=profiles, name=st.sampled_from(sorted(CATALOGUES)), seed=st.integers(0, 10**6))
def test_a_proven_range_never_hides_a_change(profile, name, seed):
    catalogue = CATALOGUES[name]
    along = outcomes_along(profile, catalogue)
    rng = random.Random(seed)
    for field in MOVED:
        spec = FIELDS[field]
        for _ in range(6):
            start = spec.to_units(rng.choice(values(field, rng)))
            end = min(spec.to_units(spec.high), start + max(1, int(rng.expovariate(1 / 2000))))
            low, high = spec.from_units(start), spec.from_units(end)
            answer = along[field](low)
            for kind in (0, 1):
                if along[field].holds(kind, answer[kind], low, high):
                    assert name != "unsound"
                    inside = {start, end, *(rng.randint(start, end) for _ in range(40))}
                    for units in sorted(inside):
                        assert along[field](spec.from_units(units))[kind] == answer[kind], (field, kind, units)


def test_proofs_do_vouch_for_ranges_where_nothing_changes():
    along = outcomes_along(Profile(industry="legal", employees=25, incidents_per_month=4), SEEDED)
    here = along["downtime_cost_per_hour"](3750.0)
    assert along["downtime_cost_per_hour"].holds(1, here[1], 3750.0, 3760.0)
    assert along["incidents_per_month"].holds(0, along["incidents_per_month"](4.0)[0], 4.0, 4.01)


def sample_profiles(count: int, seed: int) -> list[Profile]:
    rng = random.Random(seed)
    out = []
    for _ in range(count):
        employees = max(1, int(10 ** rng.uniform(0, 4)))
        out.append(Profile(
            industry=rng.choice(["legal", "healthcare", "finance", "construction"]), employees=employees,
            incidents_per_month=round(10 ** rng.uniform(-1, 2), 2),
            operating_hours=rng.choice(["business_hours", "extended", "always"]),
            budget_preference=rng.choice(["pay_as_you_go", "no_preference", "predictable"]),
            compliance=rng.choice(["none", "moderate", "strict"]), backup=rng.choice(["none", "partial", "tested"]),
            it_dependence=rng.choice(["low", "medium", "high", "critical"]),
            devices=rng.choice([None, employees * 2]), it_staff=rng.choice([0.0, 1.0]),
            downtime_cost_per_hour=rng.choice([None, round(10 ** rng.uniform(2, 6))]),
            hourly_rate=rng.choice([None, 120.0]),
        ))
    return out


@pytest.mark.parametrize("name", ["seeded", "three models", "odd", "unsound"])
def test_tipping_points_are_the_same_with_and_without_the_fast_outcome(name):
    catalogue = CATALOGUES[name]
    names = {m.slug: m.name for m in catalogue.models}
    for profile in sample_profiles(12, seed=len(name)):
        downtime_cost = scoring._effective_inputs(profile)[2]
        reference = find_tipping_points(profile, lambda p: scoring.outcome(p, catalogue), names,
                                        downtime_cost=downtime_cost)
        fast = find_tipping_points(profile, lambda p: scoring.outcome(p, catalogue), names,
                                   downtime_cost=downtime_cost, along=outcomes_along(profile, catalogue).get)
        assert fast == reference, profile
