"""The person's own quotes: priced over three years with their terms, ranked with the options, flagged; checked
against cases an adviser wrote before seeing the engine (tests/engine/quote_cases.py) and directions that must
hold over the whole input space."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import decide, evaluate, quotes, score
from advisor.engine.domain import Profile, Quote
from tests.catalogues import catalogue_with_options_between, seeded_catalogue
from tests.engine.profiles import profiles
from tests.engine.quote_cases import CASES

FIVE = catalogue_with_options_between()
EVERYTHING = tuple(quotes.INCLUDE_KEYS)


def fair(name: str = "Fair", **terms) -> Quote:
    """A quote with fair terms that includes everything, at a market price."""
    return Quote(
        **{
            "name": name,
            "price_per_user_month": 150.0,
            "term_months": 12,
            "notice_days": 30,
            "termination_fee_months": 0.0,
            "response_hours": 1.0,
            "includes": EVERYTHING,
            **terms,
        }
    )


def priced(profile: Profile, quote: Quote, includes: frozenset[str] | None = None) -> float:
    """A quote's expected three-year total, all three parts."""
    prepared = evaluate.prepare(FIVE)
    ev = decide.evaluate(profile, FIVE, prepared)
    shared = {
        **prepared.shared,
        **{key: FIVE.figures[key].expected for key in quotes.QUOTE_KEYS},
        **quotes.hourly_firm(FIVE, prepared.options),
    }
    found = quotes.price(
        quote,
        prepared.options[quotes.baseline_index(FIVE)],
        shared,
        profile,
        devices=ev.estimates.devices,
        incidents=ev.estimates.incidents_per_month,
        downtime_cost=ev.estimates.downtime_cost_per_hour,
        includes=includes,
    )
    return float(found.parts.total)


def test_fees_over_three_years_compound_the_yearly_increase_at_each_anniversary():
    quote = Quote("Example", price_per_user_month=120.0, yearly_increase_percent=5.0, term_months=36)
    assert quotes.fees_three_years(quote, people=20, devices=44) == pytest.approx(90_792.0)
    result = score(Profile(industry="other", employees=20, quotes=(quote,)), FIVE, with_tipping_points=False)
    assert result.quotes[0].fees_three_years == pytest.approx(90_792.0)
    assert result.quotes[0].monthly_first_year == pytest.approx(2_400.0)
    assert result.quotes[0].monthly_third_year == pytest.approx(2_400.0 * 1.05**2)


def test_a_minimum_monthly_charge_applies_when_the_prices_come_to_less():
    quote = Quote("Local", price_per_user_month=120.0, minimum_monthly=800.0)
    assert quotes.monthly_fee(quote, people=5, devices=11) == 800.0
    assert quotes.monthly_fee(quote, people=10, devices=22) == 1_200.0


def test_per_user_per_device_and_flat_prices_add_up():
    quote = Quote("Mixed", price_per_user_month=50.0, price_per_device_month=10.0, flat_monthly=300.0)
    assert quotes.monthly_fee(quote, people=10, devices=25) == 10 * 50 + 25 * 10 + 300


def test_leaving_after_a_year_costs_the_termination_fee_only_when_the_term_runs_longer():
    people, devices = 20, 44
    long_term = Quote(
        "Long", price_per_user_month=100.0, term_months=36, termination_fee_months=12.0, yearly_increase_percent=10.0
    )
    assert quotes.exit_cost_after_one_year(long_term, people, devices) == pytest.approx(12 * 2_000.0)
    assert quotes.exit_cost_after_one_year(replace(long_term, term_months=12), people, devices) == 0.0
    assert quotes.exit_cost_after_one_year(replace(long_term, term_months=1), people, devices) == 0.0


def test_a_fair_quote_that_includes_everything_carries_no_flag():
    profile = Profile(industry="healthcare", employees=20, compliance="strict", backup="none")
    assert score(replace(profile, quotes=(fair(),)), FIVE, with_tipping_points=False).quotes[0].flags == ()


@pytest.mark.parametrize(
    "terms, profile, code",
    [
        (dict(notice_days=91), Profile(industry="other", employees=20), "long_notice"),
        (dict(termination_fee_months=1.0), Profile(industry="other", employees=20), "termination_fee"),
        (dict(response_hours=None), Profile(industry="other", employees=20), "best_efforts"),
        (dict(price_per_user_month=300.0), Profile(industry="other", employees=20), "above_market"),
        (dict(price_per_user_month=60.0), Profile(industry="other", employees=20), "below_market"),
        (
            dict(price_per_user_month=None, flat_monthly=1_000.0),
            Profile(industry="other", employees=20),
            "below_market",
        ),
        (
            dict(includes=tuple(k for k in EVERYTHING if k != "helpdesk")),
            Profile(industry="other", employees=20, backup="tested"),
            "missing_helpdesk",
        ),
        (
            dict(includes=tuple(k for k in EVERYTHING if k != "security")),
            Profile(industry="legal", employees=20, compliance="moderate", backup="tested"),
            "missing_security",
        ),
        (
            dict(includes=tuple(k for k in EVERYTHING if k != "backup")),
            Profile(industry="other", employees=20, backup="partial"),
            "missing_backup",
        ),
        (
            dict(includes=tuple(k for k in EVERYTHING if k != "backup")),
            Profile(industry="legal", employees=20, backup="tested", compliance="strict"),
            "missing_backup",
        ),
    ],
    ids=[
        "notice",
        "fee",
        "best-efforts",
        "above",
        "below",
        "flat-below",
        "helpdesk",
        "security",
        "backup",
        "backup-regulated",
    ],
)
def test_each_flag_is_raised_by_its_term_alone_with_a_plain_sentence(terms, profile, code):
    flags = score(replace(profile, quotes=(fair(**terms),)), FIVE, with_tipping_points=False).quotes[0].flags
    assert [f.code for f in flags] == [code]
    assert flags[0].text.endswith(".") and len(flags[0].text) > 40


def test_terms_just_inside_the_limits_raise_no_flag():
    profile = Profile(industry="other", employees=20, backup="tested")
    quote = fair(notice_days=90, termination_fee_months=0.99, includes=tuple(k for k in EVERYTHING if k != "backup"))
    assert score(replace(profile, quotes=(quote,)), FIVE, with_tipping_points=False).quotes[0].flags == ()


@pytest.mark.parametrize("days, flagged", [(60, False), (90, False), (91, True)])
def test_notice_is_long_only_above_ninety_days(days, flagged):
    found = quotes.flags(
        fair(notice_days=days), Profile(industry="other", employees=20), devices=44, market=quotes.Market(100, 250)
    )
    assert ("long_notice" in {f.code for f in found}) is flagged


@pytest.mark.parametrize("months, flagged", [(0.5, False), (1.0, True), (3.0, True)])
def test_a_termination_fee_is_flagged_from_one_month_of_fees(months, flagged):
    quote = fair(termination_fee_months=months, term_months=24)
    found = quotes.flags(quote, Profile(industry="other", employees=20), devices=44, market=quotes.Market(100, 250))
    assert ("termination_fee" in {f.code for f in found}) is flagged
    if flagged:  # the sentence gives the months and what leaving after the first year costs (20 x $150 a month)
        text = next(f.text for f in found if f.code == "termination_fee")
        assert f"Leaving early costs {months:g} month" in text and f"${3_000 * months:,.0f} to leave" in text


def test_quotes_rank_cheapest_first_and_the_chance_of_being_cheapest_sums_to_one_over_options_and_quotes():
    profile = Profile(
        industry="retail",
        employees=30,
        quotes=(fair("Dear", price_per_user_month=190.0), fair("Cheap", price_per_user_month=110.0)),
    )
    result = score(profile, FIVE, with_tipping_points=False)
    assert [q.name for q in result.quotes] == ["Cheap", "Dear"]
    together = sum(o.cost.chance_cheapest for o in result.options) + sum(q.cost.chance_cheapest for q in result.quotes)
    assert together == pytest.approx(1.0)
    assert sum(o.cost.chance_cheapest_of_options for o in result.options) == pytest.approx(1.0)
    assert result.quote_verdict[0].startswith("Cheap is the better deal over three years")


def test_entering_quotes_moves_no_option_s_cost_or_score():
    profile = Profile(industry="finance", employees=45, compliance="strict", operating_hours="extended")
    without = score(profile, FIVE, with_tipping_points=False)
    with_quotes = score(
        replace(profile, quotes=(fair(), fair("Other", price_per_user_month=99.0))), FIVE, with_tipping_points=False
    )
    assert [(o.slug, o.overall, o.cost.three_years, o.cost.parts) for o in without.options] == [
        (o.slug, o.overall, o.cost.three_years, o.cost.parts) for o in with_quotes.options
    ]
    assert [o.cost.chance_cheapest for o in without.options] == [
        o.cost.chance_cheapest_of_options for o in with_quotes.options
    ]


def test_a_quote_total_is_its_three_parts_and_its_bills_count_fees_onboarding_and_what_it_leaves_out():
    quote = fair(onboarding=2_000.0, includes=("monitoring",))
    result = score(
        Profile(industry="retail", employees=25, operating_hours="extended", quotes=(quote,)),
        FIVE,
        with_tipping_points=False,
    ).quotes[0]
    parts = result.cost.parts
    assert result.cost.three_years.expected == pytest.approx(
        parts.bills.expected + parts.lost_work.expected + parts.risk.expected, abs=0.011
    )
    lines = result.cost.bill_lines
    assert parts.bills.expected == pytest.approx(sum(lines.values()), abs=0.05)
    assert lines["onboarding"] == 2_000.0 and lines["fees"] == pytest.approx(result.fees_three_years)
    assert all(lines[key] > 0 for key in ("helpdesk", "security", "backup", "after_hours", "onsite", "new_starters"))
    assert set(result.left_out) == set(EVERYTHING) - {"monitoring"}
    assert all(cost > 0 for cost in result.left_out.values())


def test_quotes_go_unpriced_with_a_reason_when_no_managed_service_is_listed():
    catalogue = replace(FIVE, models=tuple(m for m in FIVE.models if m.pricing != "subscription"))
    result = score(Profile(industry="other", employees=10, quotes=(fair(),)), catalogue, with_tipping_points=False)
    assert result.quotes == () and "could not be priced" in result.quote_verdict[0]


# ---- Cases an adviser wrote before seeing the engine -----------------------------------------------------


def _profile(case) -> Profile:
    return Profile(
        **case.answers, quotes=tuple(Quote(**{**q, "includes": tuple(q.get("includes", ()))}) for q in case.quotes)
    )


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_the_better_deal_is_the_one_the_adviser_named(case):
    result = score(_profile(case), FIVE, with_tipping_points=False)
    assert result.quotes[0].name == case.better, result.quote_verdict
    assert result.quote_verdict[0].startswith(f"{case.better} is the better deal")


# Where the engine and the adviser disagree, kept visible as a strict expected failure with the reason.
FLAG_DISAGREEMENTS = {
    "flat_premium_above_market_for_regulated_finance": "$242 a person is inside the catalogue's MSP "
    "fee range ($100-250 as seeded, staff-edited), which the issue "
    "makes the market range; the adviser was briefed with $100-200.",
}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(c, marks=pytest.mark.xfail(strict=True, reason=FLAG_DISAGREEMENTS[c.name]))
        if c.name in FLAG_DISAGREEMENTS
        else c
        for c in CASES
    ],
    ids=lambda c: c.name,
)
def test_the_flags_are_exactly_those_the_adviser_expected(case):
    result = score(_profile(case), FIVE, with_tipping_points=False)
    assert {q.name: {f.code for f in q.flags} for q in result.quotes} == {
        name: set(codes) for name, codes in case.flags.items()
    }


# ---- Directions over the whole input space -------------------------------------------------------------

includes = st.sets(st.sampled_from(EVERYTHING)).map(lambda s: tuple(k for k in EVERYTHING if k in s))
terms = st.builds(
    Quote,
    name=st.just("Q"),
    price_per_user_month=st.one_of(st.none(), st.floats(1, 500).map(lambda v: round(v, 2))),
    flat_monthly=st.one_of(st.none(), st.floats(1, 20_000).map(lambda v: round(v, 2))),
    yearly_increase_percent=st.floats(0, 30).map(lambda v: round(v, 2)),
    response_hours=st.one_of(st.none(), st.floats(0, 48).map(lambda v: round(v, 2))),
    includes=includes,
).filter(lambda q: q.price_per_user_month or q.flat_monthly)
small = profiles.filter(lambda p: p.employees <= 5_000)


@given(profile=small, quote=terms, piece=st.sampled_from(EVERYTHING))
@settings(max_examples=150, deadline=None)
def test_including_one_more_piece_never_raises_a_quote_s_total(profile, quote, piece):
    has = frozenset(quote.includes)
    assert priced(profile, quote, has | {piece}) <= priced(profile, quote, has) + 1e-6


@given(profile=small, quote=terms, extra=st.floats(0.01, 100))
@settings(max_examples=100, deadline=None)
def test_a_higher_price_or_steeper_rises_never_lower_a_quote_s_total(profile, quote, extra):
    base = priced(profile, quote)
    assert priced(profile, replace(quote, flat_monthly=(quote.flat_monthly or 0) + extra)) >= base - 1e-6
    assert priced(profile, replace(quote, yearly_increase_percent=quote.yearly_increase_percent + extra)) >= base - 1e-6


@given(profile=small, quote=terms, hours=st.floats(0, 720), longer=st.floats(0, 100))
@settings(max_examples=100, deadline=None)
def test_a_promised_response_never_costs_more_than_best_efforts_or_a_slower_promise(profile, quote, hours, longer):
    promised = replace(quote, response_hours=hours)
    assert priced(profile, promised) <= priced(profile, replace(quote, response_hours=None)) + 1e-6
    assert priced(profile, promised) <= priced(profile, replace(quote, response_hours=hours + longer)) + 1e-6


def test_the_two_option_catalogue_prices_quotes_from_its_msp_too():
    result = score(
        Profile(industry="other", employees=12, quotes=(fair(),)), seeded_catalogue(), with_tipping_points=False
    )
    assert len(result.quotes) == 1 and result.quotes[0].cost.chance_cheapest is not None


# ---- The words: what an adviser reviewing them asked of them ----------------------------------------------


def _verdict(profile: Profile, *quote_list: Quote) -> str:
    return " ".join(score(replace(profile, quotes=quote_list), FIVE, with_tipping_points=False).quote_verdict)


def test_the_why_names_only_what_one_quote_leaves_out_and_the_other_includes():
    without = tuple(k for k in EVERYTHING if k not in ("onsite", "security", "backup"))
    text = _verdict(
        Profile(industry="legal", employees=20, compliance="moderate"),
        fair("Full", includes=tuple(k for k in EVERYTHING if k != "onsite")),
        fair("Thin", price_per_user_month=140.0, includes=without),
    )
    assert "Thin leaves out security and backup, which Full includes" in text
    assert "on-site" not in text  # both leave visits out: not a difference between them


def test_a_response_clause_only_when_the_promises_differ_and_never_credits_best_efforts():
    profile = Profile(industry="finance", employees=30, it_dependence="critical")
    same = _verdict(
        profile, fair("One", response_hours=4.0), fair("Two", price_per_user_month=170.0, response_hours=4.0)
    )
    assert "response" not in same
    both_none = _verdict(
        profile, fair("One", response_hours=None), fair("Two", price_per_user_month=170.0, response_hours=None)
    )
    assert "faster response" not in both_none
    differ = _verdict(profile, fair("Quick", response_hours=1.0), fair("Slow", response_hours=None))
    assert "Quick's faster response (1 working hour promised, against best efforts for Slow)" in differ


def test_a_promise_slower_than_best_efforts_counts_as_no_better_and_no_worse():
    profile = Profile(industry="retail", employees=15)
    assert priced(profile, fair(response_hours=48.0)) == pytest.approx(priced(profile, fair(response_hours=None)))


def test_what_a_quote_leaves_out_adds_up_to_its_total_less_its_total_with_everything():
    profile = Profile(industry="hospitality", employees=30, operating_hours="always", compliance="moderate")
    quote = fair(includes=("after_hours",))
    result = score(replace(profile, quotes=(quote,)), FIVE, with_tipping_points=False).quotes[0]
    joint = priced(profile, quote) - priced(profile, replace(quote, includes=EVERYTHING))
    assert sum(v for k, v in result.left_out.items() if k != "projects") == pytest.approx(joint, abs=0.1)


def test_a_cheaper_deal_that_ties_you_in_says_what_leaving_after_a_year_costs():
    text = _verdict(
        Profile(industry="healthcare", employees=40),
        fair("Lockin", price_per_user_month=140.0, term_months=60, termination_fee_months=24.0),
        fair("Flexible", term_months=1),
    )
    assert text.startswith("Lockin is the better deal")
    assert "ties you in for 60 months" in text and "runs beyond the three years" in text


def test_a_better_deal_that_leaves_out_security_a_regulated_firm_needs_says_so():
    text = _verdict(
        Profile(industry="legal", employees=25, compliance="strict", backup="tested"),
        fair("Cheap", price_per_user_month=90.0, includes=tuple(k for k in EVERYTHING if k != "security")),
        fair("Dear", price_per_user_month=240.0),
    )
    assert text.startswith("Cheap is the better deal") and "Even so, Cheap carries security left out" in text


def test_one_quote_alone_is_told_what_it_leaves_out_and_compared_with_a_typical_managed_service():
    text = _verdict(Profile(industry="retail", employees=40), fair(includes=("monitoring", "security", "backup")))
    assert "It leaves out" in text and "a typical managed service on our published figures" in text


# ---- Fixing problems (the helpdesk): left out, billed by the hour ----------------------------------------

HOURLY_FIRM = tuple(quotes.HOURLY_FIRM_KEYS)
positive = st.floats(0.01, 500)
figures = st.fixed_dictionaries(
    {
        **{key: positive for key in (*quotes.QUOTE_KEYS, *HOURLY_FIRM, "hours_per_incident")},
        "onsite_share": st.floats(0, 1),
        "out_of_plan_after_hours_premium": st.floats(1, 3),
    }
)


@given(profile=small, quote=terms, drawn=figures, hourly_firm_listed=st.booleans())
@settings(max_examples=200, deadline=None)
def test_including_fixing_problems_never_raises_a_quote_s_total_whatever_the_figures(
    profile, quote, drawn, hourly_firm_listed
):
    """By construction, not by the seeded figures: any value of every figure pricing what a quote leaves out, the
    hourly firm's and the baseline's hours a problem; and with no hourly firm in the catalogue (its fallback)."""
    prepared = evaluate.prepare(FIVE)
    ev = decide.evaluate(profile, FIVE, prepared)
    option = {**prepared.options[quotes.baseline_index(FIVE)], "hours_per_incident": drawn["hours_per_incident"]}
    shared = {**prepared.shared, **{k: v for k, v in drawn.items() if hourly_firm_listed or k not in HOURLY_FIRM}}
    kwargs = dict(
        devices=ev.estimates.devices,
        incidents=ev.estimates.incidents_per_month,
        downtime_cost=ev.estimates.downtime_cost_per_hour,
    )
    has = frozenset(quote.includes) - {"helpdesk"}
    without = quotes.price(quote, option, shared, profile, includes=has, **kwargs)
    with_it = quotes.price(quote, option, shared, profile, includes=has | {"helpdesk"}, **kwargs)
    assert float(with_it.parts.total) <= float(without.parts.total) + 1e-6
    assert float(with_it.parts.lost_work) <= float(without.parts.lost_work) + 1e-6
    assert with_it.lines["helpdesk"] == 0 and without.lines["helpdesk"] >= 0


def test_left_out_fixing_is_billed_at_the_break_fix_rate_and_hours_in_business_hours():
    profile = Profile(industry="other", employees=20, incidents_per_month=10.0)
    prepared = evaluate.prepare(FIVE)
    shared = {
        **prepared.shared,
        **{key: FIVE.figures[key].expected for key in quotes.QUOTE_KEYS},
        **quotes.hourly_firm(FIVE, prepared.options),
    }
    baseline = prepared.options[quotes.baseline_index(FIVE)]
    found = quotes.price(
        fair(includes=("monitoring",)), baseline, shared, profile, devices=44.0, incidents=10.0, downtime_cost=1_000.0
    )
    break_fix = next(m for m in FIVE.models if m.pricing == "per_job").figures
    rate, hours = break_fix["hourly_rate"].expected, break_fix["hours_per_incident"].expected
    problems = 10.0 * (1 - baseline["prevented_share"])  # monitoring included: the problems it prevents are gone
    assert found.lines["helpdesk"] == pytest.approx(36 * problems * hours * rate)
    assert found.lines["after_hours"] == 0  # business hours only


def test_a_monitoring_only_best_efforts_quote_costs_more_than_the_same_price_with_everything_included():
    profile = Profile(industry="healthcare", employees=30)
    thin = fair("Monitoring only", response_hours=None, includes=("monitoring",))
    full = fair("Complete", response_hours=None)
    result = score(replace(profile, quotes=(thin, full)), FIVE, with_tipping_points=False)
    assert [q.name for q in result.quotes] == ["Complete", "Monitoring only"]
    complete, monitoring_only = result.quotes
    assert monitoring_only.left_out["helpdesk"] > 0 and "helpdesk" not in complete.left_out
    # Fixing alone, billed by the hour and slower to start, costs more than the other pieces it leaves out.
    assert monitoring_only.left_out["helpdesk"] > max(v for k, v in monitoring_only.left_out.items() if k != "helpdesk")
    # In every simulated case, not only on average: the two are priced on the same draws.
    assert monitoring_only.cost.three_years.low > complete.cost.three_years.low
    assert monitoring_only.cost.chance_cheapest == 0.0


def test_a_cheaper_monitoring_only_quote_no_longer_beats_a_complete_one_by_leaving_fixing_out():
    # The case in issue 23: a quote covering monitoring only, with best efforts, beat a complete one because
    # nothing said whether it included fixing problems. Now what fixing costs by the hour is counted.
    profile = Profile(industry="professional_services", employees=30)
    thin = fair("Watchful IT", price_per_user_month=60.0, response_hours=None, includes=("monitoring",))
    full = fair("Northern IT", price_per_user_month=125.0, response_hours=4.0)
    text = _verdict(profile, thin, full)
    assert text.startswith("Northern IT is the better deal")
    assert "Watchful IT leaves out fixing problems (the helpdesk)" in text


def test_the_words_name_fixing_problems_wherever_a_quote_leaves_it_out():
    profile = Profile(industry="retail", employees=25, operating_hours="extended")
    quote = fair("Watch Only", includes=tuple(k for k in EVERYTHING if k != "helpdesk"))
    result = score(replace(profile, quotes=(quote,)), FIVE, with_tipping_points=False)
    card = result.quotes[0]
    assert "It leaves out fixing problems (the helpdesk)" in " ".join(result.quote_verdict)
    fixing = next(item for item in card.cost.scope if item.piece == "fixing")
    assert fixing.how == "billed" and "billed by the hour" in fixing.text
    after = next(item for item in card.cost.scope if item.piece == "after_hours")
    assert after.how == "billed" and "fixing is not" in after.text  # its after-hours help has nothing to fix
    flag = next(f for f in card.flags if f.code == "missing_helpdesk")
    assert flag.title == "Fixing problems left out" and "billed by the hour" in flag.text
    complete = score(replace(profile, quotes=(fair(),)), FIVE, with_tipping_points=False).quotes[0]
    assert next(item for item in complete.cost.scope if item.piece == "fixing").how == "included"


def test_a_better_deal_that_leaves_fixing_out_says_so_before_you_choose_it():
    text = _verdict(
        Profile(industry="other", employees=10),
        fair("Cheap", price_per_user_month=20.0, includes=tuple(k for k in EVERYTHING if k != "helpdesk")),
        fair("Dear", price_per_user_month=240.0),
    )
    assert text.startswith("Cheap is the better deal") and "Even so, Cheap carries fixing problems left out" in text


def test_without_an_hourly_firm_in_the_catalogue_fixing_is_priced_from_the_figures_for_work_a_plan_leaves_out():
    catalogue = replace(FIVE, models=tuple(m for m in FIVE.models if m.pricing != "per_job"))
    assert quotes.hourly_index(catalogue) is None and quotes.hourly_index(FIVE) is not None
    profile = Profile(industry="other", employees=15)
    thin = fair("Thin", includes=tuple(k for k in EVERYTHING if k != "helpdesk"))
    result = score(replace(profile, quotes=(thin, fair())), catalogue, with_tipping_points=False)
    assert [q.name for q in result.quotes] == ["Fair", "Thin"] and result.quotes[1].left_out["helpdesk"] > 0
