"""What each option would cost an organisation over three years, in three parts. Pure, no I/O.

Every option is priced for the same work (the SCOPE below) with one formula; what differs is its own
figures, edited by staff (its `ModelSpec.figures`), beside figures that hold for every option
(`Catalogue.figures`). Each figure is a low / expected / high range; this module works with one value of
each (`expected`, or one draw of the simulation in uncertainty.py), as plain floats or numpy arrays alike.

Problems a month that need outside help, when not given (estimated_problems):
    (half the people + half the devices in people's worth, DEVICES_PER_PERSON each) x problems a person a month
    x (1 - share the organisation's own IT staff take)
    own staff take  = 0.8 x min(1, IT staff x 80 / people) x share of problems arising while one is on duty
    on duty         = (1 - after-hours share x (1 - on-call cover)) x (1 - away share ^ IT staff)
    on-call cover   = min(1, IT staff / on-call rota): each person on call one week in so many
    So while every one of them is away (leave, sickness, training, a post left empty) and out of hours with nobody
    on call, the problems they would take go to the option's own help, whatever it is.
Bills (what you would be invoiced), over 36 months:
    problems left   = problems a month x (1 - share the option prevents)
    labour          = 36 x problems left x hours to fix x hourly rate x (1 + after-hours share x (premium - 1))
                      (salaried staff: see below)
    fees            = 36 x (on the option's pricing basis: max(people, minimum billed) x fee per user, and/or
                      devices x fee per device; + sites beyond the first x fee per site)
                      fee per user, beside own IT staff (co-managed): its own fee on the share of the work they
                      do, a full managed service's on the rest (fee_per_user)
    further sites   = sites beyond the first x hours a month each (travel, visits, its network): billed by the hour
                      by an option paid by the job or from a block; in the workload of salaried staff
    onboarding      = onboarding months x one month's fees, once
    tooling         = 36 x people x security and backup tooling a user a month, unless the fee includes it
    joiners         = 3 years x people x (turnover + growth) x hours to set a person up or remove them
                      x hourly rate, unless the fee includes it
    salaried staff  = the team the organisation needs (in_house_team: people, devices, further sites and hours
                      out of office; at least one; existing staff count),
                      hires at a loaded salary with recruiting and training; the team takes every problem while one
                      of them is on duty (the same formula, with the option's own away share and the team's size),
                      and the rest, those existing staff take now included, are bought in by the hour (the normal
                      rate in office hours, the after-hours premium out of hours) at the cover's slower response
Lost work (staff time lost to IT trouble, an estimate):
    36 x problems left x people a problem affects x (wait for help + hours to fix)
       x share of work that stops when IT stops x (downtime cost an hour / people)
    + 36 x jobs given to a firm paid by the hour x office time to call it in and follow it up
       x (downtime cost an hour / people)
Risk (the expected cost of serious incidents such as ransomware or losing data):
    3 years x chance a year x impact
    chance  = base chance for the organisation's size x (unpatched multiplier, for the share of routine
              upkeep nobody does) x (1 - the option's reduction of serious incidents)
    impact  = people x recovery cost a person
              + days to recover (by backups; "tested" when the option manages backups) x working hours a day
                x share of work that stops x downtime cost an hour
              + people x notification and legal cost a person for regulated data

Directions hold by construction when, as in the seeded catalogue, an MSP prevents at least as many
problems, answers at least as fast, fixes at least as fast and cuts serious incidents at least as much as
Break/Fix, and includes what Break/Fix bills: then every answer an adviser reads as pointing to managed
services raises Break/Fix's cost by at least as much as the MSP's.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import figures, money
from .domain import Catalogue, Estimates, Figure, ModelSpec, Profile, ScopeItem

MONTHS = 36
YEARS = MONTHS / 12

# Share of problems that need work outside business hours, by when IT must work (our assumption).
AFTER_HOURS_SHARE = {"business_hours": 0.0, "extended": 0.25, "always": 0.4}
# Working hours lost for each day of recovery from a serious incident, by when IT must work.
HOURS_A_DAY = {"business_hours": 8.0, "extended": 12.0, "always": 24.0}
# Share of a person's work that stops while their IT is down, by "how much work stops when IT stops".
WORK_STOPPED = {"low": 0.1, "medium": 0.3, "high": 0.6, "critical": 0.9}
# People joining a year for growth, as a share of staff (turnover, a figure, comes on top).
GROWTH_JOINERS = {"shrinking": 0.0, "stable": 0.0, "moderate": 0.1, "rapid": 0.3}
# Downtime estimate: industry multipliers used by published downtime calculators.
INDUSTRY_DOWNTIME_MULTIPLIER = {"healthcare": 1.2, "finance": 1.4, "construction": 0.8}
# Devices estimate: a computer and a phone each, and one shared item (server, printer, network) per five.
DEVICES_PER_PERSON = 2.2
# The base chance of a serious incident is given for an organisation of this many people and grows with
# the square root of size (more people, more accounts and devices to attack), up to a cap.
RISK_REFERENCE_PEOPLE = 25
BASE_CHANCE_CAP = 0.25

# How an option charges, chosen in admin for each option: the formula for its bills follows from it.
PER_JOB, SUBSCRIPTION, PREPAID_BLOCK, SALARIED = "per_job", "subscription", "prepaid_block", "salaried"
PRICING_TYPES = (PER_JOB, SUBSCRIPTION, PREPAID_BLOCK, SALARIED)
# How an option's ranking figure moves as problems a month rise, which the tipping search relies on
# (tipping.STRAIGHT; tests/engine/test_tipping.py checks both over the input space): it never falls, and it moves
# along a straight line, every term in proportion to the problems or fixed, except for a block of hours, which
# bends (its smallest block, and the hours beyond a block, which grow as the square root of the problems).
BENDS_WITH_PROBLEMS = (PREPAID_BLOCK,)
# What an option's fees are counted on, chosen in admin for each option: its fee a user (people, at least the
# minimum billed), its fee a device (devices, at least the minimum billed), or both. A fee a site, for each site
# beyond the first, comes on top whatever the basis.
PER_USER, PER_DEVICE, PER_USER_AND_DEVICE = "per_user", "per_device", "per_user_and_device"
PRICING_BASES = (PER_USER, PER_DEVICE, PER_USER_AND_DEVICE)

# The figures' keys, in the groups the simulation draws them in (uncertainty.row_keys; figures.py names each one).
# The figures every option's formula reads, whatever its pricing.
COMMON_KEYS = tuple(figures.COMMON)
# Each option's figures: those every option reads, then those of one pricing.
OPTION_KEYS = COMMON_KEYS + tuple(figures.BY_PRICING)
SHARED_KEYS = tuple(figures.SHARED)
LATER_SHARED_KEYS = tuple(figures.LATER_SHARED)
SIZE_OPTION_KEYS = tuple(figures.SIZE_OPTION)
SIZE_SHARED_KEYS = tuple(figures.SIZE_SHARED)
ALL_OPTION_KEYS = OPTION_KEYS + SIZE_OPTION_KEYS
ALL_SHARED_KEYS = SHARED_KEYS + LATER_SHARED_KEYS + SIZE_SHARED_KEYS
# Shared figures about the organisation's own IT staff, and when they can enter its costs (shared_keys_used).
OWN_STAFF_KEYS = {
    "it_staff_away_share": lambda p: p.it_staff > 0,
    "on_call_rota_staff": lambda p: p.operating_hours != "business_hours",
}
# Shared figures about further sites, and when they can enter the costs.
SITE_KEYS = {"site_hours_month": lambda p: p.sites > 1}
KEYS_BY_PRICING = {
    PER_JOB: COMMON_KEYS,
    SUBSCRIPTION: COMMON_KEYS + ("fee_per_site_month", "full_service_fee_per_user_month"),
    PREPAID_BLOCK: COMMON_KEYS + ("block_discount", "block_minimum_hours", "unused_hours_expire"),
    SALARIED: COMMON_KEYS
    + (
        "salary_year",
        "salary_loading",
        "users_per_it_staff",
        "recruiting_cost_per_hire",
        "staff_leaving_rate",
        "training_tools_per_staff_year",
        "away_share",
        "cover_response_delay_hours",
        "devices_per_it_staff",
        "out_of_hours_staffing",
    ),
}


def shared_keys_used(profile: Profile) -> tuple[str, ...]:
    """The shared figures that can enter this organisation's costs: those about its own IT staff only when it has
    some (their time away) or IT must work out of hours (the on-call rota, for its staff or those an option hires)."""
    return tuple(
        key
        for key in ALL_SHARED_KEYS
        if (key not in OWN_STAFF_KEYS or OWN_STAFF_KEYS[key](profile))
        and (key not in SITE_KEYS or SITE_KEYS[key](profile))
    )


def keys_for(pricing: str) -> tuple[str, ...]:
    """The figures an option charging by `pricing` needs (a missing one counts as 0)."""
    return KEYS_BY_PRICING[pricing]


# E[max(0, X - mean)] for a normal X is its standard deviation times 1/sqrt(2 pi): the hours beyond a block sized
# to the average month, in an average month, when unused hours do not carry over.
OVERAGE_PER_SD = 1 / math.sqrt(2 * math.pi)


def _lesser(a: Any, b: Any) -> Any:
    """min() that works on floats and numpy arrays alike (an array's comparison has no single truth value)."""
    try:
        return a if a < b else b
    except ValueError:
        return np.minimum(a, b)


def _greater(a: Any, b: Any) -> Any:
    """max() that works on floats and numpy arrays alike."""
    try:
        return a if a > b else b
    except ValueError:
        return np.maximum(a, b)


# ---- Blank answers ------------------------------------------------------------------------------------


def estimates(profile: Profile, shared: dict[str, Any]) -> Estimates:
    """The answers used: the person's own, or for a blank one an estimate from size (and industry)."""
    people = profile.employees
    devices = DEVICES_PER_PERSON * people if profile.devices is None else float(profile.devices)
    return Estimates(
        devices=devices,
        devices_estimated=profile.devices is None,
        incidents_per_month=(
            estimated_problems(profile, shared, devices)
            if profile.incidents_per_month is None
            else float(profile.incidents_per_month)
        ),
        incidents_estimated=profile.incidents_per_month is None,
        downtime_cost_per_hour=(
            estimated_downtime_cost(profile, shared["downtime_cost_per_person_hour"])
            if profile.downtime_cost_per_hour is None
            else float(profile.downtime_cost_per_hour)
        ),
        downtime_cost_estimated=profile.downtime_cost_per_hour is None,
    )


def estimated_problems(profile: Profile, shared: dict[str, Any], devices: Any = None) -> Any:
    """Problems a month needing outside help: problems a person a month (measured where people have the usual
    DEVICES_PER_PERSON devices each) x the people, for the share of problems that follow people (accounts,
    passwords, how-to questions), and x the devices in people's worth of devices for the share that follow
    devices (hardware, updates); with nobody in-house every problem needs outside help, so less the share the
    organisation's own IT staff take (own_staff_share)."""
    people = max(1, profile.employees)
    devices = DEVICES_PER_PERSON * people if devices is None else devices
    sized = (1.0 - PROBLEMS_FROM_DEVICES) * people + PROBLEMS_FROM_DEVICES * devices / DEVICES_PER_PERSON
    return sized * shared["incidents_per_person_month"] * (1.0 - own_staff_share(profile, shared, people))


# Share of IT problems that come from devices (a broken laptop, a failed update) rather than from people (a
# forgotten password, a question): our assumption, no published split was found.
PROBLEMS_FROM_DEVICES = 0.5


# One in-house IT person takes the problems of up to this many people; even full cover leaves some problems
# (specialist faults, hardware under warranty) going outside.
PEOPLE_ONE_IT_PERSON_TAKES = 80
OWN_STAFF_TAKE = 0.8


def on_duty_share(profile: Profile, shared: dict[str, Any], away_share: Any = None, staff: Any = None) -> Any:
    """Share of the organisation's problems that arise while one of `staff` IT people (its own, by default) is on
    duty to take them: not while every one of them is away (leave, sickness, training, or a post left empty after
    its holder leaves: `away_share` for each, the shared figure it_staff_away_share by default), and outside
    business hours only as far as they can keep someone on call (out_of_hours_cover). 0 with nobody."""
    staff = float(profile.it_staff) if staff is None else staff
    away = _lesser(1.0, shared["it_staff_away_share"] if away_share is None else away_share) ** staff
    after_hours = AFTER_HOURS_SHARE[profile.operating_hours]
    return (1.0 - after_hours * (1.0 - out_of_hours_cover(shared, staff))) * (1.0 - away)


def out_of_hours_cover(shared: dict[str, Any], staff: Any) -> Any:
    """Share of evenings and weekends a team of `staff` IT people keeps someone on call: each can be on call
    one week in on_call_rota_staff (a shared figure), so a lone person covers a fraction and a team of that size
    covers them all."""
    return _lesser(1.0, staff / _greater(shared["on_call_rota_staff"], 1.0))


def own_staff_share(profile: Profile, shared: dict[str, Any], people: Any) -> Any:
    """Share of all the organisation's IT problems its own IT staff take: up to OWN_STAFF_TAKE of them, one
    full-time person taking those of up to PEOPLE_ONE_IT_PERSON_TAKES people, and only while they are on duty
    (on_duty_share). More staff never lowers it."""
    cover = _lesser(1.0, profile.it_staff * PEOPLE_ONE_IT_PERSON_TAKES / _greater(people, 1.0))
    return OWN_STAFF_TAKE * cover * on_duty_share(profile, shared)


def estimated_downtime_cost(profile: Profile, per_person_hour: Any) -> Any:
    """People x what an hour of one person's work is worth x the industry's multiplier."""
    return profile.employees * per_person_hour * INDUSTRY_DOWNTIME_MULTIPLIER.get(profile.industry, 1.0)


def downtime_range(profile: Profile, figures: dict[str, Figure]) -> tuple[float, float, float] | None:
    """What an hour with IT down usually costs an organisation of this size and industry: the estimate at the
    low, expected and high value of what an hour of one person's work is worth (None without that figure)."""
    figure = figures.get("downtime_cost_per_person_hour")
    if figure is None:
        return None
    low, expected, high = (estimated_downtime_cost(profile, v) for v in (figure.low, figure.expected, figure.high))
    return float(low), float(expected), float(high)


# ---- One option's figures, with the person's own quotes ----------------------------------------------


def own_quotes(model: ModelSpec, profile: Profile) -> dict[str, float]:
    """The person's own quotes that replace this option's figures: an hourly rate for every option that
    bills by the hour, a fee per user for every option that charges one."""
    own = {}
    for key, value in (("hourly_rate", profile.hourly_rate), ("fee_per_user_month", profile.msp_fee_per_user)):
        figure = model.figures.get(key)
        if value is not None and figure is not None and figure.expected > 0:
            own[key] = float(value)
    return own


def option_figures(model: ModelSpec, profile: Profile | None) -> dict[str, Figure]:
    """The option's figures with the person's own quotes in place (fixed, no range); None: the catalogue's."""
    figures = {
        key: model.figures.get(key) or Figure(key, key.replace("_", " "), 0.0, 0.0, 0.0) for key in ALL_OPTION_KEYS
    }
    for key, value in (own_quotes(model, profile) if profile else {}).items():
        figures[key] = figures[key].fixed_at(
            value, source_title="Your own quote", note="Entered in the advanced section of the assessment."
        )
    return figures


def expected_values(figures: dict[str, Figure]) -> dict[str, float]:
    return {key: figure.expected for key, figure in figures.items()}


# ---- The formula --------------------------------------------------------------------------------------


@dataclass(slots=True)
class Parts:
    """One option's three-year cost, part by part (floats, or arrays of simulated draws)."""

    labour: Any
    fees: Any
    onboarding: Any
    tooling: Any
    joiners: Any
    staff: Any  # salaries, recruiting and training of staff an option hires
    lost_work: Any
    risk: Any
    addons: Any = 0.0  # what is bought beside the option to meet a requirement (requirements.py)

    @property
    def bills(self) -> Any:
        return self.labour + self.fees + self.onboarding + self.tooling + self.joiners + self.staff + self.addons

    @property
    def total(self) -> Any:
        return self.bills + self.lost_work + self.risk


def monthly_fee(option: dict[str, Any], at: Setting, devices: Any, basis: str = PER_USER) -> Any:
    """An option's fees a month, on its pricing basis: a fee a user (fee_per_user), a fee a device, or both, each
    on at least the minimum billed; and a fee for each site beyond the first (further_sites())."""
    fees: Any = 0.0
    if basis in (PER_USER, PER_USER_AND_DEVICE):
        fees = fees + _greater(at.people, option["minimum_users"]) * fee_per_user(option, at.staff_cover)
    if basis in (PER_DEVICE, PER_USER_AND_DEVICE):
        billed = devices if basis == PER_USER_AND_DEVICE else _greater(devices, option["minimum_users"])
        fees = fees + billed * option["fee_per_device_month"]
    return fees + at.further * option.get("fee_per_site_month", 0.0)


def in_house_upkeep(profile: Profile, devices: Any) -> Any:
    """Share of routine upkeep the organisation's own IT staff can do: one full-time person keeps about
    UPKEEP_DEVICES_PER_FTE devices updated and patched beside their other work."""
    return _lesser(1.0, profile.it_staff * UPKEEP_DEVICES_PER_FTE / _greater(devices, 1.0))


UPKEEP_DEVICES_PER_FTE = 150


def _rounded(value: Any) -> Any:
    """Rounded to the nearest whole number (halves up), for floats and numpy arrays alike."""
    return (value + 0.5) // 1


# Months an IT post stands empty when its holder leaves (notice, recruiting, starting): our assumption.
VACANCY_MONTHS = 3


def joiners_hours(shared: dict[str, Any], profile: Profile, people: Any, *, included: Any, own: Any) -> Any:
    """Hours over three years setting up people who join and removing those who leave, less what the option
    includes or the organisation's own IT staff do."""
    return all_joiners_hours(shared, profile, people) * (1.0 - _greater(included, own))


def all_joiners_hours(shared: dict[str, Any], profile: Profile, people: Any) -> Any:
    """Hours over three years setting up people who join and removing those who leave, all of them."""
    return YEARS * people * (shared["staff_turnover"] + GROWTH_JOINERS[profile.growth]) * shared["joiner_hours"]


# Working hours in a month of one full-time person (about 1,680 hours a year, after leave).
HOURS_A_MONTH_FTE = 140.0


def in_house_team(
    option: dict[str, Any], profile: Profile, people: Any, devices: Any = None, shared: dict[str, Any] | None = None
) -> Any:
    """The IT team an organisation needs under an option of salaried staff, whole people, at least one:
        workload = the larger of people / users_per_it_staff and devices / devices_per_it_staff
                   + further sites x site_hours_month / HOURS_A_MONTH_FTE (travel, visits, each site's network)
        team     = workload x (1 + out-of-hours share of problems x (out_of_hours_staffing - 1)), rounded
    out_of_hours_staffing is the staff time an hour of evening, weekend or night work takes with the on-call
    standby and time off in lieu a rota needs, so a team for 24/7 is larger than one for office hours."""
    devices = DEVICES_PER_PERSON * people if devices is None else devices
    load = people / _greater(option["users_per_it_staff"], 1.0)
    per_device = option.get("devices_per_it_staff", 0.0)
    if not _is_zero(per_device):
        load = _greater(load, devices / _greater(per_device, 1.0))
    further = max(0, profile.sites - 1)
    if further and shared:
        load = load + further * shared.get("site_hours_month", 0.0) / HOURS_A_MONTH_FTE
    staffing = _greater(option.get("out_of_hours_staffing", 0.0), 1.0)
    load = load * (1.0 + AFTER_HOURS_SHARE[profile.operating_hours] * (staffing - 1.0))
    return _greater(1.0, _rounded(load))


def in_house_hires(
    option: dict[str, Any], profile: Profile, people: Any, devices: Any = None, shared: dict[str, Any] | None = None
) -> Any:
    """The IT staff an option of salaried staff hires: the team the organisation needs (in_house_team), less
    those it already has."""
    return _greater(0.0, in_house_team(option, profile, people, devices, shared) - profile.it_staff)


def own_cover(profile: Profile, shared: dict[str, Any], people: Any) -> Any:
    """Share of the organisation's IT work its own IT staff do (0 to 1): as many people as they can look after,
    while one of them is on duty (own_staff_share without the share that always goes outside)."""
    return own_staff_share(profile, shared, people) / OWN_STAFF_TAKE


def fee_per_user(option: dict[str, Any], cover: Any) -> Any:
    """An option's fee a user a month. Beside the organisation's own IT staff (co-managed IT), its fee is for what
    it adds (tooling, monitoring, escalation) on the share of the work those staff do (`cover`, own_cover()), and
    the full service's fee on the share they cannot (absences, nights, a part-time post's other days):
        fee + (1 - own cover) x (full_service_fee_per_user_month - fee)
    so a tenth of a person does not unlock the lower fee on everything."""
    fee = option["fee_per_user_month"]
    full = option.get("full_service_fee_per_user_month", 0.0)
    if _is_zero(full):
        return fee
    return fee + (1.0 - cover) * _greater(0.0, full - fee)


def sends_someone(option: dict[str, Any], pricing: str) -> bool:
    """Whether an option's further sites cost it more: it sends someone and bills their time (by the job, or
    from a block of hours), or charges a fee a site. Salaried staff travel too: their sites enlarge the team
    (in_house_team) rather than a bill."""
    billed = pricing in (PER_JOB, PREPAID_BLOCK) and not _is_zero(option["hourly_rate"])
    return billed or not _is_zero(option.get("fee_per_site_month", 0.0))


def further_sites(profile: Profile) -> int:
    """Sites beyond the first: the option figures are for an organisation in one place."""
    return max(0, profile.sites - 1)


def tax_figures(catalogue: Catalogue) -> dict[str, float]:
    """The region's sales tax on invoices as figures the formula reads beside the shared ones (none without tax)."""
    region = catalogue.region
    if region.tax_rate <= 0:
        return {}
    return {"tax_rate": region.tax_rate, "tax_partly_share": region.tax_partly_share}


def unreclaimed_tax(shared: dict[str, Any], profile: Profile) -> float:
    """The share added to every invoiced bill line: the region's tax the organisation cannot reclaim (all of it,
    the partly-reclaimed share of it, or none)."""
    rate = float(shared.get("tax_rate", 0.0))
    if rate <= 0 or profile.vat_reclaim == "yes":
        return 0.0
    return rate * (float(shared.get("tax_partly_share", 0.5)) if profile.vat_reclaim == "partly" else 1.0)


@dataclass(slots=True)
class Setting:
    """What parts() reads of one organisation that is the same for every option: worked out once for the options
    of one evaluation (setting()) rather than once an option. Floats, or arrays of simulated draws."""

    people: Any  # at least one
    after_hours: float  # share of problems out of business hours
    further: int  # sites beyond the first
    site_hours: Any  # hours a month those sites take
    own: Any  # share of routine upkeep the organisation's own IT staff do (in_house_upkeep)
    staff_share: Any  # share of all the organisation's IT problems its own IT staff take (own_staff_share)
    staff_cover: Any  # share of its IT work they do (own_cover)
    all_joiner_hours: Any  # hours over three years for every joiner and leaver, before what an option includes
    all_tooling: Any  # 36 months of tooling for everyone, before what an option includes
    stopped: float  # share of work that stops when IT stops
    person_hour: Any  # downtime cost a person an hour
    affected: Any  # people a problem affects
    base_chance: Any  # chance of a serious incident a year, before upkeep and the option's reduction
    upkeep_done: Any  # upkeep done whatever the option: 1 with patching among the controls, else `own`
    unpatched_extra: Any  # what upkeep nobody does adds to the chance of a serious incident, as a share
    # The cost of a serious incident with the option's own tested backups, and with the organisation's backups:
    impact_tested: Any
    impact_own: Any
    tax: float  # the share of the region's tax added to invoiced lines (unreclaimed_tax)


def setting(shared: dict[str, Any], profile: Profile, *, employees: int, devices: Any, downtime_cost: Any) -> Setting:
    """The organisation's side of parts(), for `employees`, `devices` and `downtime_cost` as passed to it."""
    people = max(1.0, float(employees))
    further = further_sites(profile)
    own = in_house_upkeep(profile, devices)  # what the organisation's own IT staff already do
    stopped = WORK_STOPPED[profile.it_dependence]
    staff_share = own_staff_share(profile, shared, people)
    # A serious incident's cost: recovery, the work lost over the days it takes (by backups), notification.
    recovery = people * shared["recovery_cost_per_person"]
    hours_a_day = HOURS_A_DAY[profile.operating_hours]
    regulated = people * (0.0 if profile.compliance == "none" else shared[f"regulated_cost_{profile.compliance}"])
    return Setting(
        people=people,
        after_hours=AFTER_HOURS_SHARE[profile.operating_hours],
        further=further,
        # Each site beyond the first: travel to it, visits, and upkeep of its own network and line, in hours a
        # month; billed by the hour by an option that sends someone and bills its time (by the job, or from a
        # block), in the workload of salaried staff, and in the fee a site of a subscription that charges one.
        site_hours=further * shared.get("site_hours_month", 0.0),
        own=own,
        staff_share=staff_share,
        staff_cover=staff_share / OWN_STAFF_TAKE,  # own_cover()
        all_joiner_hours=all_joiners_hours(shared, profile, people),
        all_tooling=MONTHS * people * shared["tooling_per_user_month"],
        stopped=stopped,
        person_hour=downtime_cost / people,
        affected=_lesser(people, shared["people_affected_per_incident"]),
        base_chance=_lesser(
            BASE_CHANCE_CAP, shared["serious_incident_chance"] * math.sqrt(people / RISK_REFERENCE_PEOPLE)
        ),
        # An organisation that applies its fixes to a documented cadence (controls: patching) has its upkeep
        # done, as its own IT staff's upkeep counts.
        upkeep_done=1.0 if "patching" in profile.controls else own,
        unpatched_extra=shared["unpatched_multiplier"] - 1.0,
        impact_tested=recovery + shared["recovery_days_tested"] * hours_a_day * stopped * downtime_cost + regulated,
        impact_own=recovery
        + shared[f"recovery_days_{profile.backup}"] * hours_a_day * stopped * downtime_cost
        + regulated,
        # On what is invoiced; salaries, lost work and risk carry none. (Asked only where the region has a tax.)
        tax=unreclaimed_tax(shared, profile) if "tax_rate" in shared else 0.0,
    )


def parts(
    option: dict[str, Any],
    shared: dict[str, Any],
    profile: Profile,
    *,
    pricing: str,
    employees: int,
    devices: Any,
    incidents: Any,
    downtime_cost: Any,
    basis: str = PER_USER,
    at: Setting | None = None,
) -> Parts:
    """The formula in the module's docstring, for one option charging by `pricing`. `employees`, `devices`,
    `incidents` and `downtime_cost` are passed apart from the profile because they may be estimates or
    simulated draws, and because the tipping search and resizing move them. `at`: setting() for these, when the
    caller prices several options for the same organisation and numbers (worked out here without it)."""
    if at is None:
        at = setting(shared, profile, employees=employees, devices=devices, downtime_cost=downtime_cost)
    people, after_hours, own, site_hours = at.people, at.after_hours, at.own, at.site_hours
    problems_left = incidents * (1.0 - option["prevented_share"])
    hourly, fix = option["hourly_rate"], option["hours_per_incident"]
    premium = _greater(option["after_hours_premium"], 1.0)
    uplift = 1.0 + after_hours * (premium - 1.0)  # what an hour of work on a problem costs, on average, in hours
    joiner_hours = at.all_joiner_hours * (1.0 - _greater(option["joiners_included"], own))  # joiners_hours()
    monthly_fees = monthly_fee(option, at, devices, basis)
    tooling = at.all_tooling * (1.0 - option["tooling_included"])
    labour, joiners, staff = 0.0, joiner_hours * hourly, 0.0
    bought: Any = 0.0  # problems an option of salaried staff buys in by the hour
    waiting = problems_left * (option["response_delay_hours"] + fix)  # hours problems keep someone from working
    if pricing == PREPAID_BLOCK:
        # A block sized to the average month's hours (at least the smallest block offered), bought at a discount;
        # joiners are drawn from it. Hours beyond it are billed at the full rate; when unused hours expire, a busy
        # month's extra is not made up by a quiet month's spare.
        hours_needed = (problems_left * fix * uplift) + joiner_hours / MONTHS + site_hours
        block = _greater(option["block_minimum_hours"], hours_needed)
        spread = fix * uplift * problems_left**0.5
        overage = option["unused_hours_expire"] * _greater(0.0, OVERAGE_PER_SD * spread - (block - hours_needed))
        labour = MONTHS * (block * hourly * (1.0 - option["block_discount"]) + overage * hourly)
        joiners = 0.0
    elif pricing == SALARIED:
        # The staff an organisation of this size needs (at least one person), less those it has. The team takes
        # every problem while one of them is at work; the rest (out of hours, or while every one of them is away)
        # go to bought-in help, which is slower. That includes the problems the existing staff take when they are
        # there (counted under no option, so left out here too) but that go outside while they are not.
        hires = in_house_hires(option, profile, people, devices, shared)
        staff = hires * (
            YEARS * option["salary_year"] * option["salary_loading"]
            + option["recruiting_cost_per_hire"] * (1.0 + option["staff_leaving_rate"] * YEARS)
            + YEARS * option["training_tools_per_staff_year"]
        )
        # Away: holidays, sickness and training, and the months a post stands empty after someone leaves.
        gone = option["away_share"] + option["staff_leaving_rate"] * VACANCY_MONTHS / 12
        members = _greater(1.0, profile.it_staff + hires)
        in_office_away = (1.0 - after_hours) * (_lesser(1.0, gone) ** members)  # office hours, everyone away
        uncovered = 1.0 - on_duty_share(profile, shared, gone, members)
        every_problem = problems_left / (1.0 - at.staff_share)
        bought = every_problem * uncovered
        kept = _greater(0.0, problems_left - bought)  # taken by the team beyond what existing staff take now
        # Hours of bought-in help a problem, rated: the normal rate in office hours, the after-hours premium for
        # evenings and weekends with nobody on call.
        rated = (in_office_away + (uncovered - in_office_away) * premium) / _greater(uncovered, 1e-12)
        labour = MONTHS * bought * fix * hourly * rated
        waiting = kept * (option["response_delay_hours"] + fix) + bought * (option["cover_response_delay_hours"] + fix)
    else:  # PER_JOB and SUBSCRIPTION: every hour of work billed (a subscription's hourly rate is 0)
        labour = MONTHS * (problems_left * fix * uplift + site_hours) * hourly

    stopped, person_hour = at.stopped, at.person_hour
    # Office time spent calling in and following up a firm paid by the hour, for each job it is given.
    called_in = 0.0
    if pricing in (PER_JOB, PREPAID_BLOCK) and not _is_zero(hourly):
        called_in = problems_left
    elif pricing == SALARIED:
        called_in = bought
    coordination = MONTHS * called_in * shared.get("coordination_hours_per_job", 0.0) * person_hour
    lost_work = MONTHS * waiting * at.affected * stopped * person_hour + coordination

    upkeep_done = _greater(option["upkeep_included"], at.upkeep_done)
    chance = (
        at.base_chance * (1.0 + at.unpatched_extra * (1.0 - upkeep_done)) * (1.0 - option["serious_incident_reduction"])
    )
    impact = at.impact_tested if _is_one(option["backups_managed"]) else at.impact_own  # backups tested if managed
    risk = YEARS * chance * impact
    fees = MONTHS * monthly_fees
    onboarding = option["onboarding_months"] * monthly_fees
    tax = at.tax  # on what is invoiced; salaries, lost work and risk carry none
    if tax:  # (no arithmetic on the simulated arrays where there is no tax to add)
        labour, fees, onboarding = labour * (1.0 + tax), fees * (1.0 + tax), onboarding * (1.0 + tax)
        tooling, joiners = tooling * (1.0 + tax), joiners * (1.0 + tax)
    return Parts(labour, fees, onboarding, tooling, joiners, staff, lost_work, risk)


def _is_zero(value: Any) -> bool:
    """Whether an hourly rate is 0 (an option that bills no hours), for floats and numpy arrays alike."""
    if type(value) is float:  # the usual case, first
        return value <= 0
    return bool(float(value) <= 0) if not hasattr(value, "shape") else bool(value.max() <= 0)


def _is_one(value: Any) -> bool:
    """Whether an option manages backups (a yes/no figure: 1 or 0, never drawn between)."""
    if type(value) is float:
        return value >= 0.5
    return bool(float(value) >= 0.5) if not hasattr(value, "shape") else bool(value.mean() >= 0.5)


# ---- What the scope counts, in words --------------------------------------------------------------------

PIECES = {
    "fixing": "Fixing what breaks",
    "upkeep": "Routine upkeep (updates, patching, monitoring)",
    "tooling": "Security and backup tooling",
    "joiners": "People joining and leaving",
    "after_hours": "Cover outside business hours",
}


def _not_taken(profile: Profile) -> str:
    """Which problems an option's help takes where the organisation has IT staff of its own."""
    if profile.it_staff <= 0:
        return ""
    hours = "" if profile.operating_hours == "business_hours" else " or nobody is on call"
    return (
        f" Counted for the problems your IT staff do not take, and for theirs while every one of them is away{hours}."
    )


def _team(option: dict[str, float], profile: Profile, devices: float, shared: dict[str, float] | None) -> str:
    """Who does the work under an option of salaried staff."""
    hires = in_house_hires(option, profile, float(profile.employees), devices, shared)
    if hires <= 0:
        return "you" if _own_it_alone(profile) else "your own IT staff"
    return "your IT staff and those you would hire" if profile.it_staff > 0 else "the staff you would hire"


def _beside_own_staff(option: dict[str, float], profile: Profile, shared: dict[str, float] | None) -> str:
    """How an option beside the organisation's own IT staff sets its fee a user, in words."""
    full = option.get("full_service_fee_per_user_month", 0.0)
    if shared is None or full <= 0 or profile.it_staff <= 0:
        return ""
    cover = own_cover(profile, shared, float(profile.employees))
    fee = float(fee_per_user(option, cover))
    return (
        f" About {money.whole(fee)} a user a month: its co-managed fee of "
        f"{money.whole(option['fee_per_user_month'])} on the "
        f"share of the work your IT staff do (about {float(cover) * 100:.0f} %, counting their time away and the hours "
        f"nobody is on call), and a full service's {money.whole(full)} on the rest."
    )


def _own_it_alone(profile: Profile) -> bool:
    """A one-person organisation whose one person looks after its IT."""
    return profile.employees <= 1 and profile.it_staff >= 1


NUMBER_WORDS = ("no one", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")


def _count(n: float) -> str:
    whole = int(round(n))
    return NUMBER_WORDS[whole] if 0 <= whole < len(NUMBER_WORDS) else f"{whole:,}"


def option_title(
    name: str,
    option: dict[str, float],
    profile: Profile,
    *,
    pricing: str,
    devices: float,
    shared: dict[str, float] | None = None,
) -> str:
    """The option as it would be for this organisation. For salaried staff, what it means in people: "Keep your
    own IT staff (hire nobody)", "Hire one IT person", "Grow your IT team to three"; other options keep their
    catalogue name."""
    if pricing != SALARIED:
        return name
    people = float(profile.employees)
    team = float(in_house_team(option, profile, people, devices, shared))
    if in_house_hires(option, profile, people, devices, shared) <= 0:
        if _own_it_alone(profile):
            return "Look after your IT yourself, as you do now (hire nobody)"
        return "Keep your own IT staff (hire nobody)"
    if profile.it_staff <= 0:
        return "Hire one IT person" if team <= 1 else f"Hire an IT team of {_count(team)}"
    if team <= 1:
        return "Make your IT post a full-time one"
    return f"Grow your IT team to {_count(team)}"


def scope(
    option: dict[str, float],
    profile: Profile,
    devices: float,
    *,
    pricing: str = PER_JOB,
    shared: dict[str, float] | None = None,
) -> tuple[ScopeItem, ...]:
    """How each piece of the common scope is counted for this option, so a reader sees like is priced with like."""
    items = []
    if pricing == PREPAID_BLOCK:
        expire = "unused hours expire each month" if option["unused_hours_expire"] >= 1 else "unused hours roll over"
        items.append(
            ScopeItem(
                "fixing",
                PIECES["fixing"],
                "billed",
                f"From a block of hours bought each month at {option['block_discount'] * 100:.0f} % "
                f"off the hourly rate ({expire}); hours beyond it at the full rate."
                f"{_not_taken(profile)}",
            )
        )
    elif pricing == SALARIED:
        people = float(profile.employees)
        hired = in_house_hires(option, profile, people, devices, shared) > 0
        team = in_house_team(option, profile, people, devices, shared)
        if _own_it_alone(profile) and not hired:
            text = (
                "By you: you are your own IT, and one person is all an organisation of one needs, so nobody is "
                "hired; while you are away or busy, help is bought in by the hour, slower to arrive."
            )
        else:
            costed = (
                f" (a team of {_count(team)} for your people, devices, sites and hours; their pay, recruiting "
                f"and training are in the bills)"
                if hired
                else ", already the team your people, devices, sites and hours need: nobody is hired"
            )
            text = (
                f"By {_team(option, profile, devices, shared)}{costed}; while all of them are away, help for "
                f"their problems is bought in by the hour, slower to arrive."
            )
        items.append(ScopeItem("fixing", PIECES["fixing"], "billed", text))
    elif option["hourly_rate"] > 0:
        items.append(
            ScopeItem(
                "fixing", PIECES["fixing"], "billed", f"Billed by the hour for each problem.{_not_taken(profile)}"
            )
        )
    else:
        items.append(
            ScopeItem(
                "fixing",
                PIECES["fixing"],
                "included",
                f"Included in the monthly fee.{_beside_own_staff(option, profile, shared)}{_not_taken(profile)}",
            )
        )
    own = in_house_upkeep(profile, devices)
    included = (
        f"Done by {_team(option, profile, devices, shared)}." if pricing == SALARIED else "Included in the monthly fee."
    )
    if option["upkeep_included"] >= 1:
        items.append(ScopeItem("upkeep", PIECES["upkeep"], "included", included))
    elif own >= 1:
        items.append(
            ScopeItem(
                "upkeep",
                PIECES["upkeep"],
                "in_house",
                "Done by your own IT staff, whose cost is the same under every option.",
            )
        )
    else:
        done = f" (your IT staff can cover about {own * 100:.0f} %)" if own > 0 else ""
        items.append(
            ScopeItem(
                "upkeep",
                PIECES["upkeep"],
                "risk",
                f"Rarely bought separately by organisations like yours, so counted as risk: "
                f"unpatched systems make a serious incident likelier{done}.",
            )
        )
    if option["tooling_included"] >= 1:
        items.append(ScopeItem("tooling", PIECES["tooling"], "included", "Included in the monthly fee."))
    else:
        items.append(
            ScopeItem(
                "tooling",
                PIECES["tooling"],
                "billed",
                "Bought separately per user (endpoint protection, email filtering, backup storage).",
            )
        )
    if option["joiners_included"] >= 1:
        items.append(
            ScopeItem(
                "joiners",
                PIECES["joiners"],
                "included",
                f"Done by {_team(option, profile, devices, shared)}."
                if pricing == SALARIED
                else "Done by your own IT staff."
                if option.get("requires_it_staff", 0) >= 1
                else "Included in the monthly fee.",
            )
        )
    elif own >= 1:
        items.append(ScopeItem("joiners", PIECES["joiners"], "in_house", "Done by your own IT staff."))
    elif pricing == PREPAID_BLOCK:
        items.append(ScopeItem("joiners", PIECES["joiners"], "billed", "Drawn from the block of hours."))
    else:
        items.append(
            ScopeItem("joiners", PIECES["joiners"], "billed", "Billed by the hour for each person who joins or leaves.")
        )
    if profile.operating_hours == "business_hours":
        items.append(ScopeItem("after_hours", PIECES["after_hours"], "not_needed", "You work business hours only."))
    elif pricing == SALARIED:
        items.append(
            ScopeItem(
                "after_hours",
                PIECES["after_hours"],
                "billed",
                "Staff work office hours and keep someone on call for as many evenings and weekends "
                "as the team is large enough to share (see the on-call rota in the figures); for "
                "the rest, help is bought in at a higher rate, and slower to arrive.",
            )
        )
    elif option["after_hours_premium"] > 1:
        items.append(
            ScopeItem(
                "after_hours", PIECES["after_hours"], "billed", "Out-of-hours call-outs billed at a higher hourly rate."
            )
        )
    else:
        items.append(
            ScopeItem(
                "after_hours",
                PIECES["after_hours"],
                "included",
                "Monitoring and urgent help outside office hours are in the fee.",
            )
        )
    sites = _sites(option, profile, pricing, shared)
    if sites:
        first = items[0]
        items[0] = ScopeItem(first.piece, first.label, first.how, f"{first.text} {sites}")
    return tuple(items)


def _sites(option: dict[str, float], profile: Profile, pricing: str, shared: dict[str, float] | None) -> str:
    """What the sites beyond the first add under this option, in words ("" with one site)."""
    further = further_sites(profile)
    if not further:
        return ""
    hours = (shared or {}).get("site_hours_month", 0.0)
    sites = "the site beyond the first" if further == 1 else f"each of the {further:,} sites beyond the first"
    if pricing == SALARIED:
        return f"Travel, visits and upkeep of {sites} (about {hours:g} hours a month each) count in the team's size."
    fee = option.get("fee_per_site_month", 0.0)
    if fee > 0:
        return f"A fee of {money.whole(fee)} a month for {sites} covers the visits and network there."
    if sends_someone(option, pricing):
        billed = "drawn from the block of hours" if pricing == PREPAID_BLOCK else "billed by the hour"
        return f"Travel, visits and upkeep of {sites} are {billed} (about {hours:g} hours a month each)."
    return f"Your own staff go to {sites}: no charge for it."
