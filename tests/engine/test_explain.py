"""The words: reasons only in the direction they act, "meets more of your needs" only when it matters, a close
call that names both sides, and a summary a person reads as money, not points."""

from __future__ import annotations

import re
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
def test_at_most_three_reasons_each_a_real_gap_and_no_scores_in_the_summary(profile):
    result = score(profile, CATALOGUE, with_tipping_points=False)
    assert len(result.reasons) <= 3
    assert "out of 100" not in result.summary
    for reason in result.reasons:
        amounts = re.findall(r"about (\$[\d,.]+[kM]?) invoiced over three years against (\$[\d,.]+[kM]?)", reason)
        assert all(mine != theirs for mine, theirs in amounts), reason  # never "$39,000 against $39,000"


def test_a_clear_result_with_a_real_gap_gives_at_least_one_reason_in_the_direction_it_acts():
    busy = Profile(industry="legal", employees=20, incidents_per_month=15, compliance="strict")
    result = score(busy, CATALOGUE, with_tipping_points=False)
    assert not result.close_call and result.recommendation == "msp"
    best, second = (o.cost.parts for o in result.options[:2])
    says = {"Lower bills": (best.bills, second.bills), "Less work lost": (best.lost_work, second.lost_work)}
    says["Less risk"] = (best.risk, second.risk)
    assert result.reasons
    for reason in result.reasons:
        for opening, (mine, theirs) in says.items():
            if reason.startswith(opening):
                assert mine.expected < theirs.expected, reason


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


def test_each_option_is_named_once_with_a_line_that_says_what_it_is_for_this_organisation():
    from tests.catalogues import catalogue_with_options_between

    result = score(Profile(industry="legal", employees=30, incidents_per_month=6), catalogue_with_options_between())
    lines = {o.slug: o.line for o in result.options}
    assert lines["block-hours"].startswith("You prepay a block of about ")
    assert lines["break-fix"].startswith("You call an IT firm when something breaks and pay by the hour")
    assert lines["msp"] == "You pay a monthly fee: about $4,500 a month for 30 people, with upkeep and help in the fee."
    assert lines["in-house"].startswith("You hire one IT person, at about $")


def test_an_in_house_answer_that_hires_nobody_is_headlined_as_keeping_the_staff_you_have():
    from tests.catalogues import catalogue_with_options_between

    clinic = Profile(industry="healthcare", employees=60, it_staff=1)
    result = score(clinic, catalogue_with_options_between(), with_tipping_points=False)
    assert result.recommendation == "in-house"
    assert result.headline == "We recommend: keep your own IT staff (hire nobody)"
