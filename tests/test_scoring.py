"""The pure scoring service: needs, fit, recommendation, explanation. No database."""
from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor import explain, needs, scoring
from advisor.domain import Catalogue, DimensionSpec, ModelSpec, Profile
from tests.catalogues import BREAK_FIX_COSTS, DIMENSIONS, MSP_COSTS, seeded_catalogue

CATALOGUE = seeded_catalogue()

# A three-person shop that rarely has problems and would rather pay per job.
CORNER_SHOP = Profile(industry="retail", employees=3, incidents_per_month=0.5, budget_preference="pay_as_you_go",
                      it_dependence="low")
# A fifty-person clinic open around the clock, holding health records, with no reliable backups.
CLINIC = Profile(industry="healthcare", employees=50, incidents_per_month=8, operating_hours="always",
                 compliance="strict", backup="none", it_dependence="critical", budget_preference="predictable")
# A two-hundred-person manufacturer with its own four-person IT team, calling out for help three times a month.
FACTORY_WITH_IT_TEAM = Profile(industry="manufacturing", employees=200, incidents_per_month=3, it_staff=4)


def fit_lead(profile: Profile) -> float:
    """How far the MSP's fit is ahead of Break/Fix's (negative when behind)."""
    result = scoring.score(profile, CATALOGUE, with_tipping_points=False)
    fits = {m.slug: m.fit for m in result.models}
    return fits["msp"] - fits["break-fix"]


def exact_fit_lead(profile: Profile) -> float:
    fits = dict(zip(["break-fix", "msp"], scoring.Situation(CATALOGUE, profile).fits))
    return fits["msp"] - fits["break-fix"]


def recommended(profile: Profile) -> str:
    return scoring.outcome(profile, CATALOGUE)[0]


def test_corner_shop_is_advised_break_fix():
    result = scoring.score(CORNER_SHOP, CATALOGUE)
    assert result.recommendation == "break-fix"
    assert result.recommendation_name == "Break/Fix"


def test_clinic_running_around_the_clock_is_advised_msp():
    result = scoring.score(CLINIC, CATALOGUE)
    assert result.recommendation == "msp"
    assert not result.close_call


def test_organisation_with_its_own_it_team_is_advised_break_fix_as_top_up():
    assert scoring.score(FACTORY_WITH_IT_TEAM, CATALOGUE).recommendation == "break-fix"


def test_fit_is_between_0_and_100_and_the_sum_of_dimension_points():
    result = scoring.score(CLINIC, CATALOGUE, with_tipping_points=False)
    for model in result.models:
        assert 0 <= model.fit <= 100
        assert model.fit == pytest.approx(sum(d.points for d in model.dimensions), abs=0.1)


def test_a_model_rated_5_everywhere_meets_every_need_fully():
    perfect = ModelSpec("perfect", "Perfect", {d.slug: 5 for d in DIMENSIONS}, costs=MSP_COSTS)
    catalogue = Catalogue(models=(perfect,) + CATALOGUE.models, dimensions=DIMENSIONS)
    result = scoring.score(CLINIC, catalogue, with_tipping_points=False)
    assert next(m for m in result.models if m.slug == "perfect").fit == 100


def test_needs_are_between_0_and_1_and_explained():
    devices, _, downtime, _ = scoring._effective_inputs(CLINIC)
    for need in explain.needs(CLINIC, CATALOGUE, devices=devices, downtime_cost=downtime):
        assert 0 <= need.need <= 1
        assert need.reasons, need.dimension


def test_around_the_clock_hours_make_availability_matter_a_lot():
    devices, _, downtime, _ = scoring._effective_inputs(CLINIC)
    by_dimension = {n.dimension: n for n in explain.needs(CLINIC, CATALOGUE, devices=devices, downtime_cost=downtime)}
    assert by_dimension["availability"].need >= 0.75
    assert "IT must work around the clock" in by_dimension["availability"].reasons


def test_a_dimension_the_rules_do_not_know_counts_as_a_middling_need():
    extra = DimensionSpec("sustainability", "Sustainability", 1.0)
    catalogue = Catalogue(models=CATALOGUE.models, dimensions=DIMENSIONS + (extra,))
    devices, _, downtime, _ = scoring._effective_inputs(CLINIC)
    by_dimension = {n.dimension: n for n in explain.needs(CLINIC, catalogue, devices=devices, downtime_cost=downtime)}
    assert by_dimension["sustainability"].need == needs.UNKNOWN_DIMENSION_NEED


def test_overall_blends_sixty_percent_fit_and_forty_percent_cost_score():
    result = scoring.score(CLINIC, CATALOGUE, with_tipping_points=False)
    for model in result.models:
        assert model.overall == pytest.approx(0.6 * model.fit + 0.4 * model.cost_score, abs=0.1)
    cheapest = min(result.models, key=lambda m: m.cost.three_years.expected)
    assert cheapest.cost_score == 100


def test_the_recommendation_is_the_highest_overall_score():
    result = scoring.score(CORNER_SHOP, CATALOGUE, with_tipping_points=False)
    assert result.models[0].slug == result.recommendation
    assert result.models[0].overall >= result.models[1].overall


def test_factors_name_the_dimensions_that_separate_the_models_most():
    result = scoring.score(CLINIC, CATALOGUE, with_tipping_points=False)
    assert 1 <= len(result.factors) <= scoring.TOP_FACTORS
    spreads = [f.spread for f in result.factors]
    assert spreads == sorted(spreads, reverse=True)
    availability = next((f for f in result.factors if f.dimension == "continuity"), None)
    assert availability is not None
    assert "Break/Fix rates 1 out of 5" in availability.text
    assert set(availability.points) == {"msp", "break-fix"}


def test_close_call_is_declared_within_the_margin_and_says_what_decides_it():
    # Walk the incident count until the two models are within the margin of each other.
    for tenths in range(0, 100):
        profile = replace(CORNER_SHOP, incidents_per_month=tenths / 10, budget_preference="no_preference")
        result = scoring.score(profile, CATALOGUE, with_tipping_points=False)
        gap = result.models[0].overall - result.models[1].overall
        if gap < scoring.CLOSE_CALL_MARGIN:
            assert result.close_call
            assert "close call" in result.summary
            assert result.decider
            return
        assert not result.close_call
    pytest.fail("no close call found between 0 and 10 incidents a month")


def test_blank_devices_and_downtime_cost_are_estimated_and_flagged():
    result = scoring.score(CLINIC, CATALOGUE, with_tipping_points=False)
    assert result.devices_estimated and result.devices == 110
    assert result.downtime_cost_estimated
    assert result.downtime_cost_per_hour == pytest.approx(50 * 150 * 1.2)
    assert "employees" in result.downtime_cost_rule
    given_figures = scoring.score(replace(CLINIC, devices=40, downtime_cost_per_hour=5000), CATALOGUE,
                                  with_tipping_points=False)
    assert not given_figures.devices_estimated and not given_figures.downtime_cost_estimated


def test_assumptions_list_every_cost_parameter_with_its_source():
    result = scoring.score(CLINIC, CATALOGUE, with_tipping_points=False)
    per_model = [a for a in result.assumptions if a.model]
    assert len(per_model) == len(BREAK_FIX_COSTS) + len(MSP_COSTS)
    assert any("estimated" in a.value for a in result.assumptions if a.label == "Downtime cost per hour")


def test_scoring_is_deterministic():
    assert scoring.score(CLINIC, CATALOGUE) == scoring.score(CLINIC, CATALOGUE)


def test_any_number_of_models_is_scored():
    co_managed = ModelSpec("co-managed", "Co-managed IT", {d.slug: 3 for d in DIMENSIONS}, costs=MSP_COSTS)
    catalogue = Catalogue(models=CATALOGUE.models + (co_managed,), dimensions=DIMENSIONS)
    result = scoring.score(CLINIC, catalogue)
    assert {m.slug for m in result.models} == {"break-fix", "msp", "co-managed"}
    assert all(f.points.keys() == {"break-fix", "msp", "co-managed"} for f in result.factors)


def test_a_catalogue_without_models_is_refused():
    with pytest.raises(ValueError):
        scoring.score(CLINIC, Catalogue(models=(), dimensions=DIMENSIONS))


# ---- Directions an adviser would give, over many generated organisations ---------------------------

CHOICES = {
    "operating_hours": ["business_hours", "extended", "always"],
    "compliance": ["none", "moderate", "strict"],
    "backup": ["tested", "partial", "none"],  # weaker backups lean toward MSP
    "it_dependence": ["low", "medium", "high", "critical"],
    "growth": ["shrinking", "stable", "moderate", "rapid"],
    "budget_preference": ["pay_as_you_go", "no_preference", "predictable"],
}

profiles = st.builds(
    Profile,
    industry=st.sampled_from(["legal", "healthcare", "finance", "construction", "retail", "other"]),
    employees=st.integers(1, 5000),
    incidents_per_month=st.decimals(0, 200, places=2).map(float),
    operating_hours=st.sampled_from(CHOICES["operating_hours"]),
    budget_preference=st.sampled_from(CHOICES["budget_preference"]),
    growth=st.sampled_from(CHOICES["growth"]),
    compliance=st.sampled_from(CHOICES["compliance"]),
    backup=st.sampled_from(CHOICES["backup"]),
    it_dependence=st.sampled_from(CHOICES["it_dependence"]),
    devices=st.one_of(st.none(), st.integers(0, 20000)),
    sites=st.integers(1, 200),
    it_staff=st.decimals(0, 50, places=1).map(float),
    downtime_cost_per_hour=st.one_of(st.none(), st.decimals(0, 2_000_000, places=0).map(float)),
)


def raised(profile: Profile, field: str) -> Profile:
    """The same organisation one notch further toward managed services on one answer."""
    if field in CHOICES:
        levels = CHOICES[field]
        index = levels.index(getattr(profile, field))
        return replace(profile, **{field: levels[min(index + 1, len(levels) - 1)]})
    if field == "devices":
        return replace(profile, devices=scoring._effective_inputs(profile)[0] * 2 + 5)
    if field == "downtime_cost_per_hour":
        current = scoring._effective_inputs(profile)[2]
        return replace(profile, downtime_cost_per_hour=current * 2 + 100)
    value = getattr(profile, field)
    return replace(profile, **{field: type(value)(value * 2 + 1)})


MSP_LEANING = ["employees", "devices", "sites", "incidents_per_month", "downtime_cost_per_hour", "operating_hours",
               "compliance", "backup", "it_dependence", "growth", "budget_preference"]
NOT_SIZE = [f for f in MSP_LEANING if f not in ("employees", "devices", "sites")]


@settings(max_examples=150, deadline=None)
@given(profile=profiles, field=st.sampled_from(MSP_LEANING))
def test_fit_moves_toward_msp_when_an_msp_leaning_answer_rises(profile, field):
    assert exact_fit_lead(raised(profile, field)) >= exact_fit_lead(profile) - 1e-9


@settings(max_examples=150, deadline=None)
@given(profile=profiles)
def test_fit_moves_toward_break_fix_with_more_in_house_it_staff(profile):
    more_staff = replace(profile, it_staff=profile.it_staff * 2 + 1)
    assert exact_fit_lead(more_staff) <= exact_fit_lead(profile) + 1e-9


@settings(max_examples=200, deadline=None)
@given(profile=profiles, field=st.sampled_from(NOT_SIZE))
def test_an_msp_leaning_answer_never_flips_the_advice_from_msp_to_break_fix(profile, field):
    if recommended(profile) == "msp":
        assert recommended(raised(profile, field)) == "msp"


@settings(max_examples=200, deadline=None)
@given(profile=profiles, field=st.sampled_from(NOT_SIZE))
def test_lowering_an_msp_leaning_answer_never_flips_the_advice_from_break_fix_to_msp(profile, field):
    if recommended(raised(profile, field)) == "break-fix":
        assert recommended(profile) == "break-fix"


@settings(max_examples=150, deadline=None)
@given(profile=profiles)
def test_more_in_house_staff_or_pay_as_you_go_never_flips_the_advice_to_msp(profile):
    if recommended(profile) == "break-fix":
        assert recommended(replace(profile, it_staff=profile.it_staff * 2 + 1)) == "break-fix"
        assert recommended(replace(profile, budget_preference="pay_as_you_go")) == "break-fix"


def test_examples_of_each_direction_move_the_fit():
    base = Profile(industry="other", employees=10, incidents_per_month=2)
    for field in MSP_LEANING:
        assert fit_lead(raised(raised(base, field), field)) > fit_lead(base), field


def test_close_call_decider_names_factors_as_they_read_mid_sentence():
    result = scoring.score(replace(CORNER_SHOP, incidents_per_month=0.7), CATALOGUE, with_tipping_points=False)
    assert result.close_call
    assert "partnership and IT strategy" in result.decider
    assert "about $5,100 less over three years" in result.decider


def test_a_catalogue_changed_with_replace_is_prepared_afresh():
    first = seeded_catalogue()
    scoring.score(CLINIC, first, with_tipping_points=False)  # prepares `first`
    only_msp = replace(first, models=first.models[1:])
    result = scoring.score(CLINIC, only_msp, with_tipping_points=False)
    assert [m.slug for m in result.models] == ["msp"]
    assert scoring.prepared(only_msp) is not scoring.prepared(first)
