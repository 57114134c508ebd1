"""The words: reasons only in the direction they act, "meets more of your needs" only when it matters, a close
call that names both sides, and a summary a person reads as money, not points."""

from __future__ import annotations

from dataclasses import replace

from hypothesis import given, settings

from advisor.engine import explain, score
from advisor.engine.domain import Profile
from tests.catalogues import seeded_catalogue
from tests.engine.profiles import profiles

CATALOGUE = seeded_catalogue()
WITH_IT_STAFF = Profile(industry="manufacturing", employees=10, incidents_per_month=2, it_staff=2)


def test_in_house_it_staff_are_never_given_as_a_reason_that_monitoring_matters():
    needs = {n.dimension: n for n in score(WITH_IT_STAFF, CATALOGUE).needs}
    assert not any("in-house IT staff" in reason for reason in needs["monitoring"].reasons)
    assert any("in-house IT staff" in reason for reason in needs["engagement"].reasons)  # where it does raise it


@given(profile=profiles)
@settings(max_examples=100, deadline=None)
def test_meets_more_of_your_needs_is_said_only_when_the_fit_gap_matters(profile):
    result = score(profile, CATALOGUE, with_tipping_points=False)
    said = any("meets more of your needs" in text for text in (result.summary, *result.reasons))
    if said:
        assert result.options[0].fit - result.options[1].fit >= explain.FIT_GAP_THAT_MATTERS


@given(profile=profiles)
@settings(max_examples=100, deadline=None)
def test_a_clear_result_gives_one_to_four_reasons_and_never_quotes_scores_in_its_summary(profile):
    result = score(profile, CATALOGUE, with_tipping_points=False)
    assert 1 <= len(result.reasons) <= 4
    assert "out of 100" not in result.summary


def test_a_close_call_gives_the_best_reasons_on_each_side():
    office = Profile(industry="professional_services", employees=20, incidents_per_month=3)
    result = score(office, CATALOGUE, with_tipping_points=False)
    assert result.close_call
    first, second = result.options[0].name, result.options[1].name
    assert any(r.startswith(f"For {first}:") for r in result.reasons)
    assert any(r.startswith(f"For {second}:") for r in result.reasons)


def test_a_sole_traders_reasons_are_lower_bills_not_that_the_msp_meets_more_needs():
    sole = Profile(industry="retail", employees=1, incidents_per_month=0.25, budget_preference="pay_as_you_go")
    result = score(sole, CATALOGUE, with_tipping_points=False)
    assert result.recommendation == "break-fix"
    assert result.reasons[0].startswith("Lower bills")
    assert not any("meets more of your needs" in r for r in result.reasons)


def test_an_estimated_answer_says_so_where_it_is_given_as_a_reason():
    result = score(replace(WITH_IT_STAFF, incidents_per_month=None, it_staff=0), CATALOGUE)
    phrases = [reason for need in result.needs for reason in need.reasons if "IT problems a month" in reason]
    assert phrases and all("(our estimate)" in phrase for phrase in phrases)
