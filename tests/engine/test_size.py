"""Size is people, devices and sites; own IT staff counted honestly (issue 24).

Each option is priced on what its providers price it on (per user, per device, per site); devices drive upkeep
and the estimated problems; further sites cost every option that sends someone; the in-house team is sized on
people, devices, sites and hours; co-managed IT is priced on what it adds beside the organisation's own staff;
and each option carries a title for this organisation.
"""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from advisor.engine import answers, costs, decide, evaluate, score
from advisor.engine.domain import Figure, Profile
from tests.catalogues import catalogue_with_options_between
from tests.engine.profiles import profiles

FIVE = catalogue_with_options_between()
INDEX = {m.slug: i for i, m in enumerate(FIVE.models)}


def _per_device_fee() -> Figure:
    # US per-device bands (shared/FIGURES.md): $50-100 a workstation (micro-it.net), $75-130 (makologics.com).
    return Figure("fee_per_device_month", "Monthly fee per device ($)", 50.0, 90.0, 130.0, "Test: FIGURES.md bands")


def with_bases(**bases: str):
    """The five options with some options' pricing basis changed, as staff would in admin (a fee a device given
    where the seed has none)."""
    models = []
    for model in FIVE.models:
        basis = bases.get(model.slug.replace("-", "_"), model.basis)
        figures = dict(model.figures)
        if basis != costs.PER_USER and figures["fee_per_device_month"].expected <= 0:
            figures["fee_per_device_month"] = _per_device_fee()
        models.append(replace(model, basis=basis, figures=figures))
    return replace(FIVE, models=tuple(models))


MIXED = with_bases(msp=costs.PER_DEVICE, co_managed=costs.PER_USER_AND_DEVICE)
MIXED_PREPARED = evaluate.prepare(MIXED)
PREPARED = evaluate.prepare(FIVE)


def bills(profile: Profile, catalogue=FIVE, prepared=None) -> dict[str, float]:
    ev = decide.evaluate(profile, catalogue, prepared)
    return {catalogue.models[i].slug: float(p.bills) for i, p in ev.parts.items()}


# ---- Devices ------------------------------------------------------------------------------------------------


@given(profile=profiles, devices=st.integers(20, 50_000))
@settings(max_examples=150, deadline=None)
def test_doubling_devices_raises_the_bills_of_options_priced_per_device_and_of_none_priced_per_user_only(
    profile, devices
):
    """As seeded (every option per user) and with the MSP per device and co-managed IT per user and device."""
    one = replace(profile, devices=float(devices))
    two = replace(profile, devices=float(2 * devices))
    checked = set()
    for catalogue, prepared in ((FIVE, PREPARED), (MIXED, MIXED_PREPARED)):
        before, after = bills(one, catalogue, prepared), bills(two, catalogue, prepared)
        for model in catalogue.models:
            if model.slug not in before or model.pricing != costs.SUBSCRIPTION:
                continue  # co-managed IT without in-house staff; options without a monthly fee
            if model.basis in (costs.PER_DEVICE, costs.PER_USER_AND_DEVICE):
                assert after[model.slug] > before[model.slug], model.slug
            else:
                assert after[model.slug] == pytest.approx(before[model.slug], rel=1e-12), model.slug
            checked.add(model.basis)
    assert costs.PER_USER in checked and costs.PER_DEVICE in checked


def test_the_seeded_options_are_priced_per_user_and_staff_can_change_it():
    assert {m.basis for m in FIVE.models} == {costs.PER_USER}
    assert set(costs.PRICING_BASES) == {costs.PER_USER, costs.PER_DEVICE, costs.PER_USER_AND_DEVICE}


def test_a_warehouse_with_shared_devices_pays_a_per_device_msp_for_its_devices_not_its_people():
    warehouse = Profile(industry="logistics", employees=100, devices=30)
    per_user, per_device = bills(warehouse)["msp"], bills(warehouse, MIXED)["msp"]
    assert per_device < per_user / 3


def test_more_devices_a_person_mean_more_problems_estimated_and_the_usual_number_changes_nothing():
    shared = evaluate.prepare(FIVE).shared
    office = Profile(industry="retail", employees=50)
    usual = costs.estimated_problems(office, shared)
    assert costs.estimated_problems(office, shared, costs.DEVICES_PER_PERSON * 50) == pytest.approx(usual)
    assert usual == pytest.approx(50 * shared["incidents_per_person_month"])
    assert costs.estimated_problems(office, shared, 400) > usual > costs.estimated_problems(office, shared, 30)


# ---- Sites --------------------------------------------------------------------------------------------------


@given(
    # At the catalogue's rates: an hourly rate of one's own may be 0, which bills nothing.
    profile=profiles.filter(lambda p: getattr(p, "hourly_rate", None) is None).map(lambda p: replace(p, sites=1))
)
@settings(max_examples=150, deadline=None)
def test_one_site_to_six_raises_the_costs_of_every_option_that_sends_someone(profile):
    six = replace(profile, sites=6)
    prepared = evaluate.prepare(FIVE)
    before, after = bills(profile, FIVE, prepared), bills(six, FIVE, prepared)
    for i, model in enumerate(FIVE.models):
        if model.slug not in before:
            continue
        if costs.sends_someone(prepared.options[i], model.pricing):
            assert after[model.slug] > before[model.slug], model.slug
        elif model.pricing != costs.SALARIED:  # a team grown for the sites may buy in less help: either way
            assert after[model.slug] >= before[model.slug] - 1e-6 * abs(before[model.slug]), model.slug


def test_the_seeded_options_that_send_someone_are_break_fix_block_hours_and_the_msp():
    prepared = evaluate.prepare(FIVE)
    sending = {m.slug for i, m in enumerate(FIVE.models) if costs.sends_someone(prepared.options[i], m.pricing)}
    assert sending == {"break-fix", "block-hours", "msp"}


def test_a_five_site_chain_costs_more_than_a_one_site_one_and_its_in_house_team_is_no_smaller():
    one = Profile(industry="healthcare", employees=40, it_staff=1)
    five = replace(one, sites=5)
    a, b = score(one, FIVE, with_tipping_points=False), score(five, FIVE, with_tipping_points=False)
    for slug in ("break-fix", "block-hours", "msp"):
        assert b.option(slug).cost.three_years.expected > a.option(slug).cost.three_years.expected, slug
    prepared = evaluate.prepare(FIVE)
    option = prepared.options[INDEX["in-house"]]
    team = [costs.in_house_team(option, p, 40.0, 88.0, prepared.shared) for p in (one, five)]
    assert team[1] >= team[0]
    many = replace(one, employees=100, sites=60)
    assert costs.in_house_team(option, many, 100.0, 220.0, prepared.shared) > costs.in_house_team(
        option, replace(many, sites=1), 100.0, 220.0, prepared.shared
    )


# ---- The in-house team --------------------------------------------------------------------------------------

HOURS = [value for value, _ in answers.question("operating_hours").choices]


@given(profile=profiles)
@settings(max_examples=200, deadline=None)
def test_an_in_house_team_never_shrinks_for_longer_hours_more_devices_or_more_sites(profile):
    prepared = evaluate.prepare(FIVE)
    option, shared = prepared.options[INDEX["in-house"]], prepared.shared
    people = float(profile.employees)

    def team(p: Profile, devices: float) -> float:
        return costs.in_house_team(option, p, people, devices, shared)

    devices = costs.DEVICES_PER_PERSON * people if profile.devices is None else profile.devices
    teams = [team(replace(profile, operating_hours=h), devices) for h in HOURS]
    assert teams == sorted(teams)
    assert team(profile, 2 * devices + 1) >= team(profile, devices)
    assert team(replace(profile, sites=profile.sites + 5), devices) >= team(profile, devices)


def test_an_in_house_team_for_24_7_is_larger_than_for_business_hours_at_the_same_size():
    lab = Profile(industry="healthcare", employees=400, it_staff=5, operating_hours="always")
    office = replace(lab, operating_hours="business_hours")
    always, day = score(lab, FIVE, with_tipping_points=False), score(office, FIVE, with_tipping_points=False)
    assert day.option("in-house").title == "Keep your own IT staff (hire nobody)"
    assert always.option("in-house").title.startswith("Grow your IT team to ")
    assert always.option("in-house").cost.bill_lines["staff"] > day.option("in-house").cost.bill_lines["staff"] == 0


# ---- Co-managed IT ------------------------------------------------------------------------------------------


@given(profile=profiles.filter(lambda p: p.it_staff > 0), less=st.floats(0.01, 1.0))
@settings(max_examples=200, deadline=None)
def test_co_managed_bills_grow_as_own_staffs_cover_falls(profile, less):
    fewer = replace(profile, it_staff=round(profile.it_staff * (1 - less), 4))
    if fewer.it_staff <= 0:
        return
    a, b = bills(profile)["co-managed"], bills(fewer)["co-managed"]
    assert b >= a - 1e-9 * a


def test_a_tenth_of_an_it_person_does_not_unlock_co_managed_its_lower_fee_on_everything():
    firm = Profile(industry="professional_services", employees=40, it_dependence="high")
    tenth, whole = bills(replace(firm, it_staff=0.1)), bills(replace(firm, it_staff=1))
    assert tenth["co-managed"] >= 0.95 * tenth["msp"]
    assert whole["co-managed"] < 0.85 * whole["msp"]
    # Fewer hours of cover than office hours: a night-time operation with the same person pays more.
    nights = bills(replace(firm, it_staff=1, operating_hours="always"))
    assert nights["co-managed"] > whole["co-managed"]


# ---- Titles -------------------------------------------------------------------------------------------------


@given(profile=profiles)
@settings(max_examples=150, deadline=None)
def test_the_in_house_title_says_hire_nobody_exactly_when_nobody_is_hired(profile):
    result = score(profile, FIVE, with_tipping_points=False)
    option = result.option("in-house")
    prepared = evaluate.prepare(FIVE)
    hires = costs.in_house_hires(
        prepared.options[INDEX["in-house"]],
        profile,
        float(profile.employees),
        result.estimates.devices,
        prepared.shared,
    )
    assert ("hire nobody" in option.title) == (hires <= 0)
    assert option.name == "In-house IT staff"
    assert all(o.title == o.name for o in result.options if o.slug != "in-house")


@pytest.mark.parametrize(
    ("answers_given", "title"),
    [
        ({"employees": 70, "it_staff": 1}, "Keep your own IT staff (hire nobody)"),
        ({"employees": 30}, "Hire one IT person"),
        ({"employees": 240}, "Hire an IT team of three"),
        ({"employees": 240, "it_staff": 1}, "Grow your IT team to three"),
        ({"employees": 30, "it_staff": 0.5}, "Make your IT post a full-time one"),
        ({"employees": 1, "it_staff": 1}, "Look after your IT yourself, as you do now (hire nobody)"),
    ],
)
def test_each_in_house_title_says_what_it_means_in_people(answers_given, title):
    result = score(Profile(industry="retail", **answers_given), FIVE, with_tipping_points=False)
    assert result.option("in-house").title == title


def test_a_one_person_organisation_that_is_its_own_it_is_told_so_in_plain_words():
    result = score(Profile(industry="professional_services", employees=1, it_staff=1), FIVE, with_tipping_points=False)
    fixing = {item.piece: item for item in result.option("in-house").cost.scope}["fixing"]
    assert "you are your own IT" in fixing.text and "nobody is hired" in fixing.text


# ---- Downtime cost ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(("typed", "word"), [(100.0, "low"), (5_000_000.0, "high")])
def test_a_typed_downtime_cost_far_from_the_estimate_for_the_size_and_industry_is_noted_with_the_estimate(typed, word):
    clinic = Profile(industry="healthcare", employees=40, downtime_cost_per_hour=typed)
    result = score(clinic, FIVE, with_tipping_points=False)
    estimate = costs.estimated_downtime_cost(clinic, FIVE.figures["downtime_cost_per_person_hour"].expected)
    (note,) = [n for n in result.notes if "hour with IT down" in n]
    assert f"looks {word}" in note and f"${estimate:,.0f}" in note and "healthcare" in note


def test_a_typed_downtime_cost_within_the_range_for_the_size_or_left_blank_is_not_noted():
    within = Profile(industry="healthcare", employees=40, downtime_cost_per_hour=4000)
    for profile in (within, replace(within, downtime_cost_per_hour=None)):
        assert not [n for n in score(profile, FIVE, with_tipping_points=False).notes if "hour with IT down" in n]


@given(employees=st.integers(1, 100_000), hours=st.sampled_from(HOURS))
@settings(max_examples=200, deadline=None)
def test_the_usual_number_of_devices_leaves_the_in_house_team_sized_on_people(employees, hours):
    profile = Profile(industry="retail", employees=employees, operating_hours=hours)
    option, shared = PREPARED.options[INDEX["in-house"]], PREPARED.shared
    usual = costs.in_house_team(option, profile, float(employees), costs.DEVICES_PER_PERSON * employees, shared)
    assert usual == costs.in_house_team(option, profile, float(employees), 0.0, shared)
