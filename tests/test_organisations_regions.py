"""Organisations outside the United States, each scored against its own country's price book, with the answer an
independent adviser wrote down blind (tests/engine/organisations_regions.py, before seeing how the tool decides),
and the adviser's directions: changing one answer moves one option against another only one way.

Where the engine does not give the adviser's answer, the case is a strict expected failure with the engine's own
three-year totals: a disagreement to weigh, recorded rather than hidden (a change that makes it agree fails the
test until the note is removed)."""

from __future__ import annotations

import pytest

from advisor.catalogue import load_catalogue
from advisor.engine import score
from advisor.engine.domain import Profile, Quote
from advisor.engine.quotes import INCLUDE_KEYS
from tests.engine.organisations_regions import ORGANISATIONS, PAIRS

pytestmark = pytest.mark.django_db

# The engine's totals (all told, three years, expected values, thousands of the country's currency) when it differs.
DISAGREEMENTS = {
    "GB: residential care group, 12 homes, round the clock, cannot reclaim VAT": "In-house 1,092k against MSP 1,207k "
    "and co-managed 1,422k: co-managed pays the full managed fee for the share two staff cannot cover round the "
    "clock, so growing the team costs less in our UK book.",
    "AU: 200-bed aged-care provider, four facilities, 1.5 IT staff, round the clock": "MSP 1,746k against "
    "co-managed 1,813k: within 4 %, co-managed charging the full fee for what 1.5 people cannot cover.",
    "AU: 300-person food manufacturer, two shifts, 2.5 IT staff": "Block hours 1,110k against in-house 1,416k: "
    "the block-hours pattern the US cases show (issue 23), large firms' problems priced as hours at a discount.",
    "IE: secondary school, 110 staff, one technician, VAT-exempt": "Block hours 590k against in-house "
    "983k: the Irish book's salaries are US stand-ins converted at the 2023 rate, and the block is invoiced "
    "hours, not a second person.",
    "IE: six-person insurance broker, insured, GDPR, MFA in place": "Break/Fix 39k against MSP 40k: "
    "within 3 %, a close call the adviser reads the other way.",
    "IE: 40-person software company working toward SOC 2": "Block hours 190k against MSP 224k: "
    "SOC 2 adds no requirement yet (issue 32), and block hours are cheap at this size in the euro book.",
    "DE: 180-person machine builder, two shifts, two IT staff": "Block hours 486k against in-house 568k: the "
    "block-hours pattern again; the German book has no per-user MSP price of its own (a named stand-in).",
    "FR: 120-person retailer, ten shops, one IT person, card payments": "In-house 560k against MSP 592k and "
    "co-managed 604k: within 8 %; ten shops enlarge the in-house team less than the adviser expects.",
    "NL: 250-person e-commerce warehouse, round the clock, 1.5 IT staff": "In-house 1,257k against co-managed "
    "1,552k: co-managed pays the full fee for the nights 1.5 staff cannot cover.",
    "CA: ten-person dental clinic, HST-exempt, insured, unsure which rules apply": "Break/Fix 83k against MSP "
    "84k and block hours 95k: within 2 % of the MSP; the adviser prefers a block for its priority response.",
    "CA: 180-person municipality, six facilities, one IT person": "In-house 1,212k against block hours 1,236k "
    "and co-managed 1,441k: co-managed pays the full fee for what one person cannot cover.",
}


def _profile(answers: dict) -> Profile:
    given = dict(answers)
    for key in ("frameworks", "controls"):
        if key in given:
            given[key] = tuple(given[key])
    # A quote as the API takes it: for the managed service, including everything unless it says otherwise.
    given["quotes"] = tuple(Quote(**{"includes": INCLUDE_KEYS, **q}) for q in given.get("quotes", ()))
    return Profile(**given)


def _organisations():
    names = {o.name for o in ORGANISATIONS}
    assert set(DISAGREEMENTS) <= names, set(DISAGREEMENTS) - names  # a note for a case that is not there
    for o in ORGANISATIONS:
        mark = [pytest.mark.xfail(strict=True, reason=DISAGREEMENTS[o.name])] if o.name in DISAGREEMENTS else []
        yield pytest.param(o, marks=mark, id=o.name)


@pytest.mark.parametrize("organisation", _organisations())
def test_the_engine_gives_an_answer_the_adviser_would_accept(organisation):
    profile = _profile(organisation.answers)
    result = score(profile, load_catalogue(profile.region), with_tipping_points=False)
    assert result.recommendation in organisation.expected, organisation.why


def test_the_cases_cover_the_eight_countries_and_every_option():
    assert {o.answers.get("region", "US") for o in ORGANISATIONS} >= {"GB", "AU", "IE", "DE", "FR", "NL", "CA"}
    answers = {slug for o in ORGANISATIONS for slug in o.expected}
    assert answers == {"break-fix", "block-hours", "msp", "co-managed", "in-house"}


@pytest.mark.parametrize("pair", PAIRS, ids=[p[0] for p in PAIRS])
def test_one_answer_changed_moves_one_option_against_another_only_the_way_the_adviser_says(pair):
    _name, before, after, words, direction = pair
    gaps = []
    for answers in (before, after):
        profile = _profile(answers)
        result = score(profile, load_catalogue(profile.region), with_tipping_points=False)
        totals = {o.slug: o.cost.three_years.expected for o in result.options}
        gaps.append(totals[direction["option"]] - totals[direction["relative_to"]])
    slack = 1.0  # rounding
    if direction["moves"] == "not_worse":
        assert gaps[1] <= gaps[0] + slack, words
    else:
        assert gaps[1] >= gaps[0] - slack, words
