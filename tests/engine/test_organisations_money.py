"""The 39 organisations an adviser wrote blind for "One answer that agrees with its own money" (issue 23), run
through the five options. Written and committed before the money-first rule; where the engine and the adviser
disagree, a strict expected failure gives the three-year totals (bills, lost work and risk, expected values)
that show the expected answer costing more."""

from __future__ import annotations

from collections import Counter

import pytest

from advisor.engine import score
from advisor.engine.domain import Profile
from tests.catalogues import catalogue_with_options_between
from tests.engine.organisations_money import ORGANISATIONS

FIVE = catalogue_with_options_between()

# Checked again for issue 24 ("Size is people, devices and sites; own IT staff counted honestly"): co-managed IT
# now charges a full managed service's fee for the share of the work the organisation's own staff cannot cover, and
# the in-house team grows with devices, sites and out-of-hours work. Each case below gives the three-year totals
# (bills, lost work and risk, expected values) that show the expected answer costing more.
DISAGREEMENTS = {
    "Fast-growing marketing agency with no backups": "Co-managed $131k against MSP $138k all told: a fifth of an "
    "IT person covers about 22 % of the work, so co-managed IT now charges about $140 a user against the MSP's "
    "$150 (it was $103k at a flat $105); the two remain within $7k over three years.",
    "Care-home group, four homes, one IT person": "In-house (grow the team to four for four homes open round the "
    "clock) $1,506k against co-managed $1,574k all told: beside one person covering about 21 % of the work, "
    "co-managed IT charges about $140 a user.",
    "Three-shift plastics plant": "In-house (grow the team to three for the shifts) $1,085k against co-managed "
    "$1,182k all told: beside one person covering about 26 % of the work, co-managed IT charges about $138 a user.",
    "Resort hotel with one IT manager": "Block hours $875k against co-managed $1,052k and in-house (grow the team to "
    "three) $1,002k all told: beside one manager covering about 29 % of the work round the clock, co-managed IT "
    "charges about $137 a user, $797k of bills; 260 devices for 160 people bring fewer problems for block hours.",
    "Online retailer with its own warehouse": "In-house (grow the team to three) $1,121k against co-managed $1,187k "
    "all told: beside one person covering about 28 % of the work round the clock, co-managed IT charges about "
    "$138 a user.",
    "Furniture factory, single day shift, three IT staff": "Block hours $703k against in-house (grow the team to "
    "four) $719k all told: keeping the three staff and buying a block of hours for the rest costs about $16k less "
    "over three years; 450 devices for 300 people bring fewer problems than the people alone suggested (newly "
    "failing with issue 24).",
    "Alarm-monitoring company, 60 staff, part-time IT": "In-house (make the IT post full-time) $356k against "
    "co-managed $361k and MSP $382k all told: half a person covers about 26 % of the work round the clock, so "
    "co-managed IT charges about $138 a user, not $105 (newly failing with issue 24; the first three are within "
    "2 % of each other).",
}


@pytest.mark.parametrize(
    "organisation",
    [
        pytest.param(o, marks=pytest.mark.xfail(strict=True, reason=DISAGREEMENTS[o.name]))
        if o.name in DISAGREEMENTS
        else o
        for o in ORGANISATIONS
    ],
    ids=lambda o: o.name,
)
def test_the_engine_gives_an_answer_the_adviser_would_accept(organisation):
    result = score(Profile(**organisation.answers), FIVE, with_tipping_points=False)
    assert result.recommendation in organisation.expected, organisation.why


def test_the_cases_span_sole_traders_to_400_people_and_every_option_is_the_answer_for_several():
    sizes = [o.answers["employees"] for o in ORGANISATIONS]
    assert min(sizes) == 1 and max(sizes) >= 400
    single = Counter(o.expected[0] for o in ORGANISATIONS if len(o.expected) == 1)
    assert set(single) == {"break-fix", "block-hours", "msp", "co-managed", "in-house"}
    assert min(single.values()) >= 5


def test_no_case_gives_the_fields_that_quotes_replace():
    assert not any({"hourly_rate", "msp_fee_per_user"} & set(o.answers) for o in ORGANISATIONS)
