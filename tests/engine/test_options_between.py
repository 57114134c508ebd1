"""The options in between (block hours, co-managed IT, in-house staff): their own directions over the whole input
space, Break/Fix against MSP unchanged by them, co-managed IT only beside in-house staff, and organisations an
adviser wrote down before seeing the engine (tests/engine/organisations_five.py)."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import costs, decide, evaluate, explain, score
from advisor.engine.domain import Profile
from tests.catalogues import catalogue_with_options_between, seeded_catalogue
from tests.engine.organisations_five import ORGANISATIONS
from tests.engine.profiles import profiles

FIVE = catalogue_with_options_between()
PREPARED = evaluate.prepare(FIVE)
INDEX = {m.slug: i for i, m in enumerate(FIVE.models)}


def lead(profile: Profile, of: str, over: str) -> float:
    """How far `of` is ahead of `over`, in the figures the overall scores restate (see test_directions.lead)."""
    ev = decide.evaluate(profile, FIVE, PREPARED)
    return 100.0 / ev.overall[INDEX[over]] - 100.0 / ev.overall[INDEX[of]]


def tolerance(*leads: float) -> float:
    return max(1e-9, 1e-9 * max(abs(x) for x in leads))


@given(profile=profiles)
@settings(max_examples=150, deadline=None)
def test_break_fix_and_msp_score_the_same_whatever_other_options_are_listed(profile):
    two = decide.evaluate(profile, seeded_catalogue())
    five = decide.evaluate(profile, FIVE, PREPARED)
    assert [two.overall[0], two.overall[1]] == [five.overall[0], five.overall[1]]


@given(profile=profiles.filter(lambda p: p.it_staff > 0), extra=st.floats(0.0, 50.0))
@settings(max_examples=200, deadline=None)
def test_more_in_house_it_staff_never_lower_co_managed_against_msp(profile, extra):
    a = lead(profile, "co-managed", "msp")
    b = lead(replace(profile, it_staff=profile.it_staff + round(extra, 2)), "co-managed", "msp")
    assert b >= a - tolerance(a, b)


@given(profile=profiles)
@settings(max_examples=200, deadline=None)
def test_a_wish_to_pay_as_you_go_never_lowers_block_hours_against_msp(profile):
    levels = ["predictable", "no_preference", "pay_as_you_go"]
    leads = [lead(replace(profile, budget_preference=level), "block-hours", "msp") for level in levels]
    for before, after in zip(leads, leads[1:], strict=False):
        assert after >= before - tolerance(before, after)


@given(profile=profiles.map(lambda p: replace(p, sites=1)), data=st.data())
@settings(max_examples=200, deadline=None)
def test_more_people_never_lower_in_house_against_break_fix_while_the_team_needed_stays_the_same(profile, data):
    """At one site (a further site's hours cost the same whatever the head count, so they weigh less in a larger
    organisation's figures: see test_size.py for sites), with devices, problems and downtime in step."""
    option, shared = PREPARED.options[INDEX["in-house"]], PREPARED.shared
    per_person = option["users_per_it_staff"]

    def team(p: Profile) -> float:
        used = decide.evaluate(p, FIVE, PREPARED).estimates
        return costs.in_house_team(option, p, float(p.employees), used.devices, shared)

    # The largest head count that could need the same team (and no more than the form allows).
    top = max(profile.employees, min(100_000, int((team(profile) + 0.5) * per_person) - 1))
    used = decide.evaluate(profile, FIVE, PREPARED).estimates
    bigger = evaluate.resized(profile, data.draw(st.integers(profile.employees, top)), used)
    if team(bigger) != team(profile):
        return
    a, b = lead(profile, "in-house", "break-fix"), lead(bigger, "in-house", "break-fix")
    assert b >= a - tolerance(a, b)


def test_co_managed_it_is_not_ranked_without_in_house_staff_and_the_result_says_why():
    result = score(Profile(industry="legal", employees=40), FIVE)
    assert "co-managed" not in [o.slug for o in result.options]
    assert [n.slug for n in result.not_applicable] == ["co-managed"]
    assert "not ranked" in result.not_applicable[0].reason
    with_staff = score(Profile(industry="legal", employees=40, it_staff=1), FIVE)
    assert "co-managed" in [o.slug for o in with_staff.options] and not with_staff.not_applicable


def test_every_option_is_priced_on_the_same_five_pieces_and_three_parts():
    result = score(Profile(industry="retail", employees=30, it_staff=1, operating_hours="extended"), FIVE)
    assert len(result.options) == 5
    for o in result.options:
        assert [item.piece for item in o.cost.scope] == list(costs.PIECES)
        assert o.cost.three_years.expected == pytest.approx(
            o.cost.parts.bills.expected + o.cost.parts.lost_work.expected + o.cost.parts.risk.expected, abs=0.011
        )
    assert sum(o.cost.chance_cheapest for o in result.options) == pytest.approx(1)


def test_the_in_house_option_bills_the_staff_a_size_needs_less_those_already_there():
    none = score(Profile(industry="manufacturing", employees=160), FIVE, with_tipping_points=False)
    one = score(Profile(industry="manufacturing", employees=160, it_staff=1), FIVE, with_tipping_points=False)
    assert none.option("in-house").cost.bill_lines["staff"] > one.option("in-house").cost.bill_lines["staff"] > 0


def with_shared(key: str, value: float):
    """The five-option catalogue with one figure for every option set to `value`."""
    figures = dict(FIVE.figures)
    figures[key] = figures[key].fixed_at(value, source_title="Test")
    return replace(FIVE, figures=figures)


estimated = profiles.filter(lambda p: p.it_staff > 0).map(lambda p: replace(p, incidents_per_month=None))


@given(profile=estimated, away=st.floats(0.0, 0.5), longer=st.floats(0.0, 0.5))
@settings(max_examples=150, deadline=None)
def test_the_longer_in_house_it_staff_are_away_the_more_every_option_costs(profile, away, longer):
    """While every one of the organisation's IT staff is away, the problems they would take go to each option's
    help: more time away never makes any option cheaper (problems left to the estimate)."""
    shorter = decide.evaluate(profile, with_shared("it_staff_away_share", away))
    more = decide.evaluate(profile, with_shared("it_staff_away_share", away + longer))
    for i, total in shorter.totals.items():
        assert more.totals[i] >= total - tolerance(total, more.totals[i])


@given(
    profile=estimated.filter(lambda p: p.operating_hours != "business_hours"),
    rota=st.floats(1.0, 10.0),
    larger=st.floats(0.0, 10.0),
)
@settings(max_examples=150, deadline=None)
def test_a_longer_on_call_rota_never_makes_any_option_cheaper_out_of_hours(profile, rota, larger):
    """The more staff it takes to keep someone on call, the fewer evenings a team covers."""
    short = decide.evaluate(profile, with_shared("on_call_rota_staff", rota))
    long = decide.evaluate(profile, with_shared("on_call_rota_staff", rota + larger))
    for i, total in short.totals.items():
        assert long.totals[i] >= total - tolerance(total, long.totals[i])


@given(profile=estimated, extra=st.floats(0.0, 50.0))
@settings(max_examples=150, deadline=None)
def test_more_in_house_it_staff_never_raise_the_help_the_in_house_option_buys_in(profile, extra):
    """A larger team covers more of its own absences and evenings (problems left to the estimate)."""

    def bought_in(p: Profile) -> float:
        return decide.evaluate(p, FIVE, PREPARED).parts[INDEX["in-house"]].labour

    a, b = bought_in(profile), bought_in(replace(profile, it_staff=profile.it_staff + round(extra, 2)))
    assert b <= a + tolerance(a, b)


def test_a_lone_it_person_already_at_the_ratio_is_not_free_cover_under_the_in_house_option():
    """One IT person for 70 people is the team the size needs, so nobody is hired; but while they are away the
    problems they take are bought in, which a second person would mostly cover."""
    lone = Profile(industry="legal", employees=70, it_staff=1, it_dependence="high", compliance="strict")
    one = score(lone, FIVE, with_tipping_points=False).option("in-house")
    two = score(replace(lone, it_staff=2), FIVE, with_tipping_points=False).option("in-house")
    assert one.cost.bill_lines["staff"] == 0
    assert one.cost.bill_lines["labour"] > 2 * two.cost.bill_lines["labour"] > 0
    assert one.cost.parts.lost_work.expected > two.cost.parts.lost_work.expected
    fixing = {item.piece: item for item in one.cost.scope}["fixing"]
    assert "nobody is hired" in fixing.text and "away" in fixing.text


def test_a_team_large_enough_for_an_on_call_rota_buys_little_help_in_the_evenings():
    evenings = Profile(industry="education", employees=400, it_staff=5, operating_hours="extended")

    def bought_in(p: Profile, catalogue=FIVE) -> float:
        return decide.evaluate(p, catalogue).parts[INDEX["in-house"]].labour

    office = bought_in(replace(evenings, operating_hours="business_hours"))
    nobody_on_call = bought_in(evenings, with_shared("on_call_rota_staff", 1000))
    # Only evenings while every one of the five is away are bought in.
    assert bought_in(evenings) - office < 0.05 * (nobody_on_call - office)


def test_the_figures_about_own_it_staff_are_listed_only_where_they_can_change_the_costs():
    def labels(profile: Profile) -> set[str]:
        return {row.label for row in explain.figure_rows(FIVE, profile)}

    away, rota = FIVE.figures["it_staff_away_share"].label, FIVE.figures["on_call_rota_staff"].label
    office = Profile(industry="retail", employees=30)
    assert not {away, rota} & labels(office)
    assert away in labels(replace(office, it_staff=1)) and rota not in labels(replace(office, it_staff=1))
    assert rota in labels(replace(office, operating_hours="extended"))  # the in-house option's hires keep a rota
    with_staff = replace(office, it_staff=0.5)
    no_away = with_shared("it_staff_away_share", 0.0)
    assert decide.evaluate(with_staff, FIVE).totals != decide.evaluate(with_staff, no_away).totals


# Where the engine and the adviser who wrote the cases disagree, each kept visible as a strict expected failure
# with the three-year totals (bills, lost work and risk, expected values) that show the expected answer costing
# more: a fix that makes one agree shows up as an unexpected pass. Since the answer follows the money (issue 23),
# fit no longer lifts an option that costs more. Since size is people, devices and sites (issue 24), co-managed IT
# charges a full managed service's fee for the share of the work the organisation's own staff cannot cover, and
# the in-house team grows with devices, sites and out-of-hours work: the lone-IT-person cases below were checked
# again on those terms, and keeping (or growing) the team still costs less than co-managed IT's fees.
DISAGREEMENTS = {
    "12-person charity paying as it goes": "Break/Fix $43k against block hours $44k all told: with 3 problems a "
    "month the block's discount barely beats the hours it leaves unused (newly failing with the money-first rule).",
    "eight-person architecture studio wanting a known rate": "Block hours $42k against MSP $47k all told; MSP leads "
    "on the ranking figure because a predictable bill counts for up to $4,400 of its bills.",
    "nine-person restaurant with bookings system": "Break/Fix $39k against block hours $41k all told "
    "(newly failing with the money-first rule).",
    "90-person clinic group with one IT person": "In-house (keep the IT person, hire nobody) $357k against "
    "co-managed $540k all told: with the person covering about 61 % of the work over extended hours, co-managed IT "
    "charges about $123 a user, $402k of bills, for $125k less lost work and $16k less risk (re-checked for "
    "issue 24: co-managed now costs more here, not less).",
    "150-person investment firm with two IT staff": "In-house (keep the two, hire nobody) $395k against co-managed "
    "$851k all told: two staff cover nearly all the work, so co-managed IT's fee is about $106 a user, $580k of "
    "bills for $35k less risk and $30k less lost work (re-checked for issue 24).",
    "70-person law firm with one IT manager": "In-house (keep the manager, hire nobody) $171k against co-managed "
    "$368k all told: co-managed IT at about $112 a user is $286k of bills for $11k less risk and $41k less lost "
    "work (re-checked for issue 24).",
    "60-person software company with one IT admin, growing fast": "In-house (keep the admin, hire nobody) $131k "
    "against co-managed $290k all told; growth is priced as joiners at two hours each, not as an admin swamped by "
    "onboarding (re-checked for issue 24).",
    "200-person three-shift factory with two IT staff": "In-house (grow the team to four for round-the-clock "
    "work) $910k against co-managed $1,091k all told: beside two staff covering about 62 % of the work, co-managed "
    "IT charges about $122 a user, $888k of bills (re-checked for issue 24: the team is now sized for the shifts, "
    "and still costs less).",
    "250-person hotel group with two IT staff": "In-house (grow the team to four for five hotels open all night) "
    "$1,112k against co-managed $1,526k all told; co-managed IT charges about $128 a user beside two staff covering "
    "half the work (re-checked for issue 24: the team is now sized on sites and hours, and still costs less).",
    "120-person logistics depot network with one IT person": "In-house (grow the team to two) $625k against "
    "co-managed $699k all told: beside one person covering about 39 % of the work round the clock at four depots, "
    "co-managed IT charges about $132 a user, $578k of bills (newly failing with issue 24: co-managed IT was $579k "
    "at a flat $105 a user whatever the person covers).",
    "100-person nonprofit with no IT staff": "Block hours $234k against in-house $391k all told: with 8 problems "
    "a month and low dependence, a block of hours costs far less than a hire.",
    "160-person construction firm office with no IT staff": "Block hours $713k against in-house (hire an IT team "
    "of two) $788k all told: 220 devices for 160 people bring fewer problems than the people alone suggested.",
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


def test_the_three_cases_the_issue_names_get_their_answers_with_reasons_and_costs_on_the_same_terms():
    named = {o.name: o for o in ORGANISATIONS}
    cases = {
        "12-person charity paying as it goes": ("block-hours", "break-fix"),  # $43k against $44k: see DISAGREEMENTS
        "300-person firm with four IT staff": ("co-managed", "in-house"),
        "12-person dental practice with nobody in IT": ("msp",),
    }
    for name, expected in cases.items():
        result = score(Profile(**named[name].answers), FIVE)
        assert result.recommendation in expected, name
        assert result.reasons and all(len(o.cost.scope) == len(costs.PIECES) for o in result.options)
