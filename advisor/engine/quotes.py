"""The person's own quotes: each priced over three years on the same scope and in the same three parts as the
options, and its terms checked. Pure, no I/O.

A quote is a managed service like the catalogue's own (its service figures, such as the share of problems
monitoring prevents, come from the first active subscription option that needs no in-house IT staff: the
BASELINE); what the quote states replaces them, and what it leaves out is priced:

    fees          = 36 months of its own monthly fee, max(minimum, people x per user + devices x per device
                    + flat), raised by its yearly increase at each anniversary (compounding)
    onboarding    = its one-off charge
    left out:
      helpdesk      fixing problems, billed by the hour as an hourly firm bills it: the catalogue's Break/Fix (its
                    first active option billed by the job) at its hourly rate and its hours a problem (never fewer
                    than the baseline's), for problems in business hours; out of hours, as after_hours below
                    (even when the quote lists after-hours help: without fixing, that help has nothing to fix).
                    A problem also waits as long as that firm takes to start (never less than under the quote's
                    own promise) and takes its hours to fix, counted as lost work. With no such option: the
                    out-of-plan hourly rate, the best-efforts wait and the baseline's hours a problem.
      monitoring    nobody patches or watches: no problems prevented, and unpatched systems make a serious
                    incident likelier (counted as lost work and risk; rarely bought separately)
      security      its tooling bought separately (bills) and no serious incidents prevented (risk)
      backup        its tooling bought separately, and recovery as slow as the organisation's own backups allow
      after_hours   problems out of hours billed at the out-of-plan hourly rate x after-hours premium (x hours a
                    problem, the hourly firm's when fixing is left out too)
      onsite        the visits problems need, each at the cost of a visit
      new_starters  setting people up and removing them, billed by the hour
      projects      project work (new systems, moves, upgrades) billed by the hour: stated beside the totals,
                    not in them, since the options' prices leave project work out too
    response      the hours it promises before work starts on an urgent problem; "best efforts" (no promise)
                  waits as long as Break/Fix typically does

Lost work and risk use the options' formula (costs.parts). Every function takes one value of each figure, as a
float or a numpy array of simulated draws alike.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Any, TypedDict

from . import costs, figures, money, requirements
from .domain import INCLUDED, Catalogue, Figure, Flag, Profile, Quote, ScopeItem

# The figures pricing what a quote leaves out (catalogue figures for every option, edited in admin).
QUOTE_KEYS = tuple(figures.QUOTE)
# The hourly firm's figures that price fixing a quote leaves out, as they go into the quote's shared figures
# (hourly_firm): their key there, and the key of the option figure they are.
HOURLY_FIRM_KEYS = {
    "hourly_firm_rate": "hourly_rate",
    "hourly_firm_hours_per_incident": "hours_per_incident",
    "hourly_firm_response_hours": "response_delay_hours",
}
INCLUDE_KEYS = tuple(piece.key for piece in INCLUDED)
INCLUDE_LABELS = {piece.key: piece.label for piece in INCLUDED}
# Each piece as it reads mid-sentence ("leaves out security and on-site visits").
INCLUDE_WORDS = {piece.key: piece.words for piece in INCLUDED}
MAX_QUOTES = 3

# Flags: terms buyers' guides warn about (shared/FIGURES.md, "Contract terms").
LONG_NOTICE_DAYS = 90  # a notice window longer than this is easy to miss, and the contract renews itself
TERMINATION_FEE_MONTHS = 1  # this many months' fees or more to leave early


def baseline_index(catalogue: Catalogue) -> int | None:
    """The catalogue option whose service figures a quote starts from: the first active subscription option that
    needs no in-house IT staff (the MSP, as seeded). None when there is none: quotes then go unpriced."""
    for i, model in enumerate(catalogue.models):
        needs_staff = "requires_it_staff" in model.figures and model.figures["requires_it_staff"].expected >= 1
        if model.pricing == costs.SUBSCRIPTION and not needs_staff:
            return i
    return None


# Options billed by the hour: a quote for one is an hourly rate, and it is priced as that option at that rate.
HOURLY_PRICING = (costs.PER_JOB, costs.PREPAID_BLOCK)


def option_index(quote: Quote, catalogue: Catalogue) -> int | None:
    """The catalogue option a quote stands as in the ranking: the active option its `model` names, or else the
    baseline (a quote naming an option no longer listed is read as a managed service). None: nothing to price on."""
    for i, model in enumerate(catalogue.models):
        if model.slug == quote.model:
            return i
    return baseline_index(catalogue)


def is_hourly(quote: Quote, catalogue: Catalogue) -> bool:
    i = option_index(quote, catalogue)
    return i is not None and catalogue.models[i].pricing in HOURLY_PRICING


def price_as_option(
    quote: Quote,
    catalogue: Catalogue,
    options: list[dict[str, Any]],
    shared: dict[str, Any],
    profile: Profile,
    *,
    devices: Any,
    incidents: Any,
    downtime_cost: Any,
    at: costs.Setting | None = None,
) -> Priced | None:
    """The quote priced as the option it is a way of buying, with `options` the catalogue's options' figures by
    index (expected values or simulated draws): an hourly quote is that option at the quoted rate (a block of hours
    bought at the rate quoted, so no further discount); a managed-service quote is priced by price() on its
    option's service figures. None when the catalogue has no option to price it on. `at`: the evaluation's
    costs.setting(), as costs.parts() takes it."""
    i = option_index(quote, catalogue)
    if i is None:
        return None
    model = catalogue.models[i]
    if model.pricing in HOURLY_PRICING:
        rate = float(quote.hourly_rate or 0.0)
        if quote.includes_vat:  # priced without the tax, as every figure is (price() does the same)
            rate /= 1.0 + float(shared.get("tax_rate", 0.0))
        figures = {**options[i], "hourly_rate": rate}
        if model.pricing == costs.PREPAID_BLOCK:
            figures["block_discount"] = 0.0
        parts = costs.parts(
            figures,
            shared,
            profile,
            pricing=model.pricing,
            basis=model.basis,
            employees=profile.employees,
            devices=devices,
            incidents=incidents,
            downtime_cost=downtime_cost,
            at=at,
        )
        return Priced(parts, {"labour": parts.labour, "tooling": parts.tooling, "joiners": parts.joiners})
    return price(
        quote, options[i], shared, profile, devices=devices, incidents=incidents, downtime_cost=downtime_cost, at=at
    )


def hourly_index(catalogue: Catalogue) -> int | None:
    """The catalogue option whose figures price fixing a quote leaves out: the first active option billed by the
    job at an hourly rate (Break/Fix, as seeded). None when there is none."""
    for i, model in enumerate(catalogue.models):
        rate = model.figures.get("hourly_rate")
        if model.pricing == costs.PER_JOB and rate is not None and rate.expected > 0:
            return i
    return None


def hourly_firm(catalogue: Catalogue, options: list[dict[str, Any]]) -> dict[str, Any]:
    """The hourly firm's figures (HOURLY_FIRM_KEYS) from `options`, the catalogue's options' figures by index
    (expected values or simulated draws), to join a quote's shared figures; none when the catalogue has no such
    firm (price() then falls back on the figures for work a plan leaves out)."""
    i = hourly_index(catalogue)
    if i is None:
        return {}
    return {key: options[i][name] for key, name in HOURLY_FIRM_KEYS.items()}


# ---- Fees and leaving --------------------------------------------------------------------------------


def monthly_fee(quote: Quote, people: float, devices: float) -> float:
    """The quote's own fee for one month of its first year: at least its minimum."""
    fee = (
        people * (quote.price_per_user_month or 0.0)
        + devices * (quote.price_per_device_month or 0.0)
        + (quote.flat_monthly or 0.0)
    )
    return max(fee, quote.minimum_monthly or 0.0)


def minimum_applies(quote: Quote, people: float, devices: float) -> bool:
    """Whether the quote's minimum monthly charge is more than its prices come to."""
    return monthly_fee(quote, people, devices) > monthly_fee(replace(quote, minimum_monthly=None), people, devices)


def fee_in_year(quote: Quote, people: float, devices: float, year: int) -> float:
    """A month's fee in year `year` (0 for the first): raised at each anniversary, compounding."""
    return monthly_fee(quote, people, devices) * (1.0 + quote.yearly_increase_percent / 100.0) ** year


def fees_three_years(quote: Quote, people: float, devices: float) -> float:
    """36 months of the quote's own fees with its yearly increases; onboarding is not included."""
    return sum(12 * fee_in_year(quote, people, devices, year) for year in range(int(costs.YEARS)))


def exit_cost_after_one_year(quote: Quote, people: float, devices: float) -> float:
    """Leaving at the end of month 12 with notice given in time: the termination fee (months of the fee then in
    force) when the term runs longer than a year; nothing for a term of a year or less."""
    if quote.term_months <= 12:
        return 0.0
    return quote.termination_fee_months * fee_in_year(quote, people, devices, 0)


# ---- The three parts ---------------------------------------------------------------------------------


@dataclass
class Priced:
    """One quote's three-year cost: its parts (labour is the out-of-plan work) and its bills line by line."""

    parts: costs.Parts
    lines: dict[str, Any]  # fees, onboarding, helpdesk, security, backup, after_hours, onsite, new_starters


def price(
    quote: Quote,
    option: dict[str, Any],
    shared: dict[str, Any],
    profile: Profile,
    *,
    devices: Any,
    incidents: Any,
    downtime_cost: Any,
    includes: frozenset[str] | None = None,
    at: costs.Setting | None = None,
) -> Priced:
    """The quote's cost with `option` the baseline's figures and `shared` the figures for every option (with
    QUOTE_KEYS, and the hourly firm's, hourly_firm). `includes` overrides what the quote includes (to price what
    leaving a piece out costs). `at`: the evaluation's costs.setting(), as costs.parts() takes it."""
    if at is None:
        at = costs.setting(shared, profile, employees=profile.employees, devices=devices, downtime_cost=downtime_cost)
    has = frozenset(quote.includes) if includes is None else includes
    people = at.people
    fixing = "helpdesk" in has
    wait, fix = response_wait(quote, shared), option["hours_per_incident"]
    if not fixing:  # an hourly firm fixes problems: it is slower to start, and never quicker at the work
        wait = costs._greater(shared.get("hourly_firm_response_hours", shared["best_efforts_response_hours"]), wait)
        fix = costs._greater(shared.get("hourly_firm_hours_per_incident", fix), fix)
    service = {
        **option,
        "hourly_rate": 0.0,
        "fee_per_user_month": 0.0,
        "fee_per_device_month": 0.0,
        "minimum_users": 0.0,
        "onboarding_months": 0.0,
        "after_hours_premium": 1.0,
        "tooling_included": 1.0,
        "joiners_included": 1.0,
        "upkeep_included": 1.0 if "monitoring" in has else 0.0,
        "prevented_share": option["prevented_share"] if "monitoring" in has else 0.0,
        "serious_incident_reduction": option["serious_incident_reduction"] if "security" in has else 0.0,
        "backups_managed": 1.0 if "backup" in has else 0.0,
        "hours_per_incident": fix,
        "response_delay_hours": wait,
    }
    base = costs.parts(
        service,
        shared,
        profile,
        pricing=costs.SUBSCRIPTION,
        employees=profile.employees,
        devices=devices,
        incidents=incidents,
        downtime_cost=downtime_cost,
        at=at,
    )
    problems_left = incidents * (1.0 - service["prevented_share"])
    rate = shared["out_of_plan_hourly_rate"]
    after_share = at.after_hours
    zero = 0.0 * rate  # a float or an array of zeros, as the figures are
    # The quote's own prices without the region's tax when it was entered with it, then the tax the organisation
    # cannot reclaim on every invoiced line, as for the options (costs.parts).
    own = 1.0 / (1.0 + float(shared.get("tax_rate", 0.0))) if quote.includes_vat else 1.0
    lines = {
        "fees": fees_three_years(quote, people, float(devices)) * own + zero,  # devices are never drawn
        "onboarding": (quote.onboarding or 0.0) * own + zero,
        "helpdesk": zero
        if fixing
        else (costs.MONTHS * problems_left * (1.0 - after_share) * fix * shared.get("hourly_firm_rate", rate)),
        "security": zero if "security" in has else costs.MONTHS * people * shared["security_tooling_per_user_month"],
        "backup": zero if "backup" in has else costs.MONTHS * people * shared["backup_tooling_per_user_month"],
        "after_hours": zero
        if "after_hours" in has and fixing
        else (costs.MONTHS * problems_left * after_share * fix * rate * shared["out_of_plan_after_hours_premium"]),
        "onsite": zero
        if "onsite" in has
        else (costs.MONTHS * problems_left * shared["onsite_share"] * shared["onsite_visit_cost"]),
        "new_starters": zero
        if "new_starters" in has
        else (costs.joiners_hours(shared, profile, people, included=0.0, own=at.own) * rate),
    }
    tax = at.tax
    if tax:
        lines = {key: value * (1.0 + tax) for key, value in lines.items()}
    parts = costs.Parts(
        labour=lines["helpdesk"] + lines["after_hours"] + lines["onsite"],
        fees=lines["fees"],
        onboarding=lines["onboarding"],
        tooling=lines["security"] + lines["backup"],
        joiners=lines["new_starters"],
        staff=zero,
        lost_work=base.lost_work,
        risk=base.risk,
        addons=base.addons,
    )
    return Priced(parts, lines)


def response_wait(quote: Quote, shared: dict[str, Any]) -> Any:
    """Working hours an urgent problem waits for work to start: the promised time, but never longer than with no
    promise at all ("best efforts", a figure): a slow promise is no worse than none."""
    waits = shared["best_efforts_response_hours"]
    if quote.response_hours is None:
        return waits
    return costs._lesser(float(quote.response_hours), waits)


def project_work(shared: dict[str, float], profile: Profile) -> float:
    """Project work over three years billed by the hour: what a quote that includes projects saves you if you need
    it. Outside every total, as the options' prices leave it out too."""
    return (
        costs.YEARS
        * max(1.0, float(profile.employees))
        * shared["project_hours_per_person_year"]
        * shared["out_of_plan_hourly_rate"]
    )


class _Volumes(TypedDict):
    """The organisation's volumes that `price` takes by keyword, passed on together."""

    devices: float
    incidents: float
    downtime_cost: float


def left_out(
    quote: Quote,
    option: dict[str, float],
    shared: dict[str, float],
    profile: Profile,
    *,
    devices: float,
    incidents: float,
    downtime_cost: float,
) -> dict[str, float]:
    """What each piece the quote leaves out costs over three years, all three parts counted, so that together they
    are what it leaves out in all: the pieces are added to the quote one after another (in INCLUDED'
    order), each costing the fall in its total as it is added (at every figure's expected value). Projects,
    outside the totals, at what the work would be billed."""
    kwargs = _Volumes(devices=devices, incidents=incidents, downtime_cost=downtime_cost)
    at = costs.setting(shared, profile, employees=profile.employees, devices=devices, downtime_cost=downtime_cost)
    has = frozenset(quote.includes)
    total = float(price(quote, option, shared, profile, **kwargs, at=at).parts.total)
    costed = {}
    for key in INCLUDE_KEYS:
        if key in has or key == "projects":
            continue
        has = has | {key}
        with_it = float(price(quote, option, shared, profile, includes=has, **kwargs, at=at).parts.total)
        costed[key], total = round(total - with_it, 2), with_it
    return {**costed, **({} if "projects" in quote.includes else {"projects": round(project_work(shared, profile), 2)})}


def response_cost(
    quote: Quote,
    faster: Quote,
    option: dict[str, float],
    shared: dict[str, float],
    profile: Profile,
    *,
    devices: float,
    incidents: float,
    downtime_cost: float,
) -> float:
    """What `quote`'s response terms cost over three years against `faster`'s: its total less its total with
    `faster`'s promised response (at every figure's expected value)."""
    kwargs = _Volumes(devices=devices, incidents=incidents, downtime_cost=downtime_cost)
    return float(price(quote, option, shared, profile, **kwargs).parts.total) - float(
        price(replace(quote, response_hours=faster.response_hours), option, shared, profile, **kwargs).parts.total
    )


# ---- What the scope counts, in words ------------------------------------------------------------------


def scope(quote: Quote, profile: Profile) -> tuple[ScopeItem, ...]:
    """How each piece of the common scope, and on-site visits and projects, is counted for this quote."""
    has = set(quote.includes)
    pieces = costs.PIECES
    fixing = "helpdesk" in has
    items = [
        ScopeItem("fixing", pieces["fixing"], "included", "Included in the monthly fee.")
        if fixing
        else ScopeItem(
            "fixing",
            pieces["fixing"],
            "billed",
            "Left out: each problem billed by the hour, as a Break/Fix firm bills it, and slower to start.",
        )
    ]
    items.append(
        ScopeItem("upkeep", pieces["upkeep"], "included", "Included in the monthly fee.")
        if "monitoring" in has
        else ScopeItem(
            "upkeep",
            pieces["upkeep"],
            "risk",
            "Left out, and rarely bought separately: counted as more problems and as "
            "risk, since unpatched systems make a serious incident likelier.",
        )
    )
    bought = [INCLUDE_WORDS[key] for key in ("security", "backup") if key not in has]
    items.append(
        ScopeItem(
            "tooling",
            pieces["tooling"],
            "billed",
            f"Left out: {' and '.join(bought)} tooling bought separately, per user"
            + (", with no managed security to stop serious incidents." if "security" not in has else "."),
        )
        if bought
        else ScopeItem("tooling", pieces["tooling"], "included", "Included in the monthly fee.")
    )
    items.append(
        ScopeItem("joiners", pieces["joiners"], "included", "Included in the monthly fee.")
        if "new_starters" in has
        else ScopeItem("joiners", pieces["joiners"], "billed", "Left out: billed by the hour for each person.")
    )
    if profile.operating_hours == "business_hours":
        items.append(ScopeItem("after_hours", pieces["after_hours"], "not_needed", "You work business hours only."))
    elif "after_hours" in has and fixing:
        items.append(ScopeItem("after_hours", pieces["after_hours"], "included", "Included in the monthly fee."))
    elif "after_hours" in has:
        items.append(
            ScopeItem(
                "after_hours",
                pieces["after_hours"],
                "billed",
                "Help out of hours is in the fee but fixing is not: out-of-hours call-outs billed at a higher "
                "hourly rate.",
            )
        )
    else:
        items.append(
            ScopeItem(
                "after_hours",
                pieces["after_hours"],
                "billed",
                "Left out: out-of-hours call-outs billed at a higher hourly rate.",
            )
        )
    items.append(
        ScopeItem("onsite", INCLUDE_LABELS["onsite"], "included", "Included in the monthly fee.")
        if "onsite" in has
        else ScopeItem("onsite", INCLUDE_LABELS["onsite"], "billed", "Left out: each visit a problem needs is billed.")
    )
    items.append(
        ScopeItem("projects", INCLUDE_LABELS["projects"], "included", "Included in the monthly fee.")
        if "projects" in has
        else ScopeItem(
            "projects",
            INCLUDE_LABELS["projects"],
            "billed",
            "Left out: billed by the hour (beside the totals, not in them, as for every option).",
        )
    )
    return tuple(items)


# ---- Flags --------------------------------------------------------------------------------------------


def requirement_flags(quote: Quote, plan: requirements.Plan | None) -> tuple[Flag, ...]:
    """A flag for each patching requirement the organisation stated that the quote does not promise to meet (no
    promised time to apply a critical fix, or one beyond the deadline)."""
    if plan is None:
        return ()
    return tuple(
        Flag("misses_requirement", why, requirement=r.code)
        for r, why in requirements.missed_by_quote(plan, quote.model, quote.patch_days)
    )


# ---- The market a quote is compared with ------------------------------------------------------------------------

# The region's price book figures the market band is made of (issue 25): a helpdesk-only band and its overpay
# signal where the country publishes them, the managed band's overpay signal, and how the band moves with size.
MARKET_OVERPAY_KEY = "market_overpay_per_user_month"
HELPDESK_FEE_KEY, HELPDESK_OVERPAY_KEY = "helpdesk_fee_per_user_month", "helpdesk_overpay_per_user_month"
MARKET_PEOPLE_KEY, MARKET_SIZE_CHANGE_KEY = "market_band_people", "market_size_change"
MARKET_KEYS = (MARKET_OVERPAY_KEY, HELPDESK_FEE_KEY, HELPDESK_OVERPAY_KEY, MARKET_PEOPLE_KEY, MARKET_SIZE_CHANGE_KEY)


@dataclass(frozen=True)
class Market:
    """The prices a user a month most providers charge for a quote's scope (low, and the price past which it is
    high), and the organisation's size when the published band was moved for it (None: the band as published)."""

    low: float
    high: float
    people: float | None = None


def market(quote: Quote, catalogue: Catalogue, option: int, people: float) -> Market:
    """The band a quote is compared with: the region's helpdesk-only band for a quote of that scope (fixing problems
    without monitoring or security) where its price book has one, else the fee band of the option it is priced as
    (`option`, its index), high only past the region's overpay signal; either moved for the organisation's size.

    The published bands are for small businesses (the figure market_band_people: the sizes they hold for, its low
    and high ends). Smaller organisations pay more a head and larger ones less: each halving below the smallest
    raises the band, each doubling above the largest lowers it, by the share market_size_change gives (our
    assumption, a range). The band takes the range's ends so that it only widens: its low end moves by the range's
    least change and its high end by the most as size falls, and the other way round as it grows, so a quote is
    flagged only when it is out of the market at every change the range allows."""
    figures = catalogue.figures
    band = _helpdesk_band(quote, figures)
    if band is None:
        fee = catalogue.models[option].figures.get("fee_per_user_month")
        if fee is None:
            return Market(0.0, float("inf"))
        overpay = figures.get(MARKET_OVERPAY_KEY)
        band = (fee.low, max(fee.high, overpay.expected) if overpay else fee.high)
    low, high = band
    sizes, change = figures.get(MARKET_PEOPLE_KEY), figures.get(MARKET_SIZE_CHANGE_KEY)
    people = max(1.0, float(people))
    if sizes is None or change is None or sizes.low <= people <= sizes.high:
        return Market(low, high)
    if people < sizes.low:  # smaller: more a head
        halvings = math.log2(sizes.low / people)
        return Market(low * (1 + change.low) ** halvings, high * (1 + change.high) ** halvings, people)
    doublings = math.log2(people / sizes.high)  # larger: less a head
    return Market(low * (1 - change.high) ** doublings, high * (1 - change.low) ** doublings, people)


def _helpdesk_band(quote: Quote, figures: dict[str, Figure]) -> tuple[float, float] | None:
    """The region's published band for a helpdesk-only service (its low end, and the price past which it is high),
    for a quote of that scope. None where the region's price book has no such band, or the quote is of another
    scope."""
    band, overpay = (figures.get(key) for key in (HELPDESK_FEE_KEY, HELPDESK_OVERPAY_KEY))
    helpdesk_only = "helpdesk" in quote.includes and not {"monitoring", "security"} & set(quote.includes)
    if band is None or overpay is None or not helpdesk_only:
        return None
    return band.low, max(band.high, overpay.expected)


def flags(quote: Quote, profile: Profile, *, devices: float, market: Market) -> tuple[Flag, ...]:
    """The terms a buyer should question, each in a plain sentence; none for fair terms that include everything.
    `market` is the band of fees a user a month the quote is compared with (market())."""
    people = max(1.0, float(profile.employees))
    found = []
    if quote.notice_days > LONG_NOTICE_DAYS:
        if quote.term_months <= 1:
            text = (
                f"To leave, you must give {quote.notice_days} days' written notice: about "
                f"{_months(round(quote.notice_days / 30))} more of fees after you decide to go. Ask for 30 days."
            )
        else:
            text = (
                f"To leave, you must give {quote.notice_days} days' written notice before the term ends, or the "
                f"contract renews by itself. Put the date in your calendar, or ask for 30 days."
            )
        found.append(Flag("long_notice", text))
    if quote.termination_fee_months >= TERMINATION_FEE_MONTHS:
        fee = exit_cost_after_one_year(quote, people, devices)
        after = f" ({money.whole(fee)} to leave after the first year)" if fee else ""
        left = quote.term_months - 12
        beyond = (
            f", more than the {_months(left)} left of the term after the first year: ask for it to be capped at "
            f"what is left"
            if 0 < left < quote.termination_fee_months
            else ""
        )
        found.append(
            Flag(
                "termination_fee",
                (
                    f"Leaving early costs {_months(quote.termination_fee_months)} of fees{after}{beyond}. "
                    "Ask for less, or for the right to leave without a fee if the provider misses its promised "
                    "response times."
                ),
            )
        )
    if quote.response_hours is None:
        found.append(
            Flag(
                "best_efforts",
                (
                    "No response time is promised (\u201cbest efforts\u201d). Ask for how soon work starts on an "
                    "urgent "
                    "problem, in writing, and what you get back when they miss it."
                ),
            )
        )
    per_person = monthly_fee(quote, people, devices) / people
    shown = money.exact(per_person) if per_person < 10 else money.whole(per_person)
    band = f"{money.whole(market.low)}\u2013{money.whole(market.high)}"
    charge = (
        "most managed services charge"
        if market.people is None
        else (
            f"most managed services charge an organisation of {market.people:g} people (the published band, moved "
            f"for its size: our assumption)"
        )
    )
    if per_person > market.high:
        found.append(
            Flag(
                "above_market",
                (
                    f"At {shown} a person a month it is above the {band} {charge}. Ask what you get for the "
                    f"difference, or compare another quote."
                ),
            )
        )
    elif per_person < market.low:
        found.append(
            Flag(
                "below_market",
                (
                    f"At {shown} a person a month it is below the {band} {charge}. Ask what is left out: cheap "
                    f"plans often bill fixing problems, security, backups, visits and new starters on top."
                ),
            )
        )
    if "helpdesk" not in quote.includes:
        found.append(
            Flag(
                "missing_helpdesk",
                (
                    "This quote leaves out fixing problems: each one would be billed by the hour on top of the "
                    "monthly fee, and help paid by the hour is slower to start. Ask for the helpdesk to be included, "
                    "or weigh it against a quote that includes it."
                ),
            )
        )
    if profile.compliance != "none" and "security" not in quote.includes:
        found.append(
            Flag(
                "missing_security",
                (
                    "You hold regulated data, and this quote leaves security out: endpoint protection, email filtering "
                    "and managed sign-in would be yours to buy and run."
                ),
            )
        )
    if (profile.backup != "tested" or profile.compliance != "none") and "backup" not in quote.includes:
        why = "you hold regulated data" if profile.compliance != "none" else "your backups are not restore-tested"
        found.append(
            Flag(
                "missing_backup",
                (
                    f"This quote leaves backup out, and {why}: ask for managed backups with regular restore tests, or "
                    f"plan how you will do them."
                ),
            )
        )
    return tuple(found)


def _months(months: float) -> str:
    text = f"{months:g}"
    return f"{text} month" if months == 1 else f"{text} months"
