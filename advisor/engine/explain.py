"""The result in words: the answers behind each need, the aspects that separated the options, the two or
three reasons, the headline, and every figure with its source. Pure, no I/O.

Two rules for the words: a reason is only given in the direction it acts (an answer that lowers a need is
never quoted as a reason it matters), and a reason is only a gap in money large enough to matter beside the
ranges (REASON_MIN_SHARE of the recommended option's total, and REASON_MIN_MONEY).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import answers, costs, needs, quotes
from . import money as money_format
from .domain import (
    Assumption,
    Catalogue,
    DimensionSpec,
    Estimates,
    Factor,
    Figure,
    Need,
    OptionCost,
    OptionResult,
    Profile,
    Quote,
    QuoteResult,
)

TOP_FACTORS = 5
MOST_REASONS = 3
PHRASE_MIN_WEIGHT = 0.05  # an answer must add at least this much to a need to be named as a reason
UNUSUAL_PROBLEMS_PER_PERSON = 5.0  # problems a month per person beyond which an answer is called out


def money(value: float, in_currency: str | None = None) -> str:
    """Whole units of the result's currency (money.py: the one scoring or the page set, else US dollars); an
    amount that rounds to nothing reads as 0, never -0."""
    return money_format.whole(value, in_currency)


def about_money(value: float) -> str:
    """A rough amount, to two significant figures: $5,092 reads as about $5,100."""
    if abs(value) < 100:
        return money(value)
    digits = len(str(int(abs(value)))) - 2
    return money(round(value, -digits))


def about_pair(a: float, b: float) -> tuple[str, str]:
    """Two rough amounts set side by side, with as many figures as it takes to tell them apart ($12,000,000
    against $12,000,000 reads as $11,600,000 against $12,400,000)."""
    for digits in (2, 3, 4):
        first, second = _to_figures(a, digits), _to_figures(b, digits)
        if first != second:
            return first, second
    return money(a), money(b)


def _to_figures(value: float, figures: int) -> str:
    if abs(value) < 10 ** (figures - 1):
        return money(value)
    return money(round(value, figures - len(str(int(abs(value))))))


def number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


def in_sentence(name: str) -> str:
    """An aspect's name as it reads mid-sentence: 'Downtime' -> 'downtime', 'IT strategy' keeps its capitals."""
    return " ".join(w.lower() if w[:1].isupper() and w[1:2].islower() else w for w in name.split(" "))


# ---- Needs and their reasons ------------------------------------------------------------------------------


def _headcount(p: Profile) -> str:
    return "1 person" if p.employees == 1 else f"{p.employees:,} people"


def _people(p: Profile) -> str:
    return f"{_headcount(p)} {'uses' if p.employees == 1 else 'use'} IT"


def _problems(p: Profile, used: Estimates) -> str:
    estimate = " (our estimate)" if used.incidents_estimated else ""
    return f"you have about {number(round(used.incidents_per_month, 2))} IT problems a month{estimate}"


def _staff(p: Profile) -> str:
    return "you have no in-house IT staff" if p.it_staff == 0 else f"you have {number(p.it_staff)} in-house IT staff"


def signal_phrase(name: str, p: Profile, used: Estimates) -> str:
    """The answer behind a signal, in words a person recognises as theirs."""
    phrases = {
        "size": lambda: _people(p),
        "small": lambda: _people(p),
        "devices": lambda: f"there are about {used.devices:,.0f} devices to look after",
        "sites": lambda: "you work from one location" if p.sites == 1 else f"you work from {p.sites:,} locations",
        "incidents": lambda: _problems(p, used),
        "few_incidents": lambda: _problems(p, used),
        "downtime": lambda: f"an hour of downtime costs you about {about_money(used.downtime_cost_per_hour)}",
        "hours": lambda: answers.AS_A_REASON["operating_hours"][p.operating_hours],
        "compliance": lambda: answers.AS_A_REASON["compliance"][p.compliance],
        "backup_gap": lambda: answers.AS_A_REASON["backup"][p.backup],
        "dependence": lambda: answers.AS_A_REASON["it_dependence"][p.it_dependence],
        "growth": lambda: answers.AS_A_REASON["growth"][p.growth],
        "predictable": lambda: answers.AS_A_REASON["budget_preference"][p.budget_preference],
        "pay_as_you_go": lambda: answers.AS_A_REASON["budget_preference"][p.budget_preference],
        "it_staff": lambda: _staff(p),
        "no_it_staff": lambda: _staff(p),
    }
    return phrases[name]()


def explained_needs(profile: Profile, catalogue: Catalogue, ev: Any) -> tuple[Need, ...]:
    """Each aspect's need with the (at most two) answers that raise it most."""
    found = []
    for dimension, level in zip(catalogue.dimensions, ev.levels, strict=False):
        raising = [name for size, name in needs.raising_terms(dimension.slug, ev.signals) if size >= PHRASE_MIN_WEIGHT][
            :2
        ]
        found.append(
            Need(
                dimension.slug,
                dimension.name,
                dimension.weight,
                round(level, 4),
                tuple(signal_phrase(name, profile, ev.estimates) for name in raising),
            )
        )
    return tuple(found)


def _need_level(need: float) -> str:
    if need >= 0.75:
        return "matters a lot to you"
    if need >= 0.45:
        return "matters quite a bit to you"
    if need >= 0.2:
        return "matters a little to you"
    return "hardly matters to you"


def _ratings(catalogue: Catalogue, dimension: DimensionSpec, shown: list[str]) -> str:
    parts = []
    for model in catalogue.models:
        if model.slug not in shown:
            continue
        headline = model.headlines.get(dimension.slug, "").rstrip(".")
        parts.append(
            f"{model.name} rates {model.ratings.get(dimension.slug, 0)} out of 5"
            + (f" ({headline})" if headline else "")
        )
    return "; ".join(parts)


def factors(catalogue: Catalogue, need_list: tuple[Need, ...], options: tuple[OptionResult, ...]) -> tuple[Factor, ...]:
    """The aspects that separated the top two options most, each in plain words with its points."""
    shown = [o.slug for o in options[:2]]
    points = {o.slug: {d.dimension: d.points for d in o.dimensions} for o in options}
    spread_out = []
    for index, (dimension, need) in enumerate(zip(catalogue.dimensions, need_list, strict=False)):
        mine = {slug: round(points[slug][dimension.slug], 2) for slug in points}
        spread = max(mine[s] for s in shown) - min(mine[s] for s in shown)
        if spread >= 0.05:
            spread_out.append((round(spread, 2), index, dimension, need, mine))
    spread_out.sort(key=lambda item: (-item[0], item[1]))
    found = []
    for _spread, _index, dimension, need, mine in spread_out[:TOP_FACTORS]:
        because = " and ".join(need.reasons)
        because = (because[0].upper() + because[1:] + ", so ") if because else ""
        name = in_sentence(dimension.name)
        opening = (
            f"{because}{name} {_need_level(need.need)}."
            if because
            else f"{name[0].upper() + name[1:]} {_need_level(need.need)}."
        )
        found.append(
            Factor(
                dimension.slug,
                dimension.name,
                need.need,
                f"{opening} {_ratings(catalogue, dimension, shown)}.",
                _brief(catalogue, dimension, need, mine, shown),
                mine,
            )
        )
    return tuple(found)


def _brief(
    catalogue: Catalogue, dimension: DimensionSpec, need: Need, points: dict[str, float], shown: list[str]
) -> str:
    """'Business continuity matters quite a bit to you (your backups have never been tested): Managed Services
    Provider rates 5 out of 5, Break/Fix 1.'"""
    names = {m.slug: m.name for m in catalogue.models}
    ratings = {m.slug: m.ratings.get(dimension.slug, 0) for m in catalogue.models}
    better, worse = sorted(shown, key=lambda slug: -points[slug])
    because = f" ({'; '.join(need.reasons)})" if need.reasons else ""
    name = dimension.name[0].upper() + in_sentence(dimension.name)[1:]
    return (
        f"{name} {_need_level(need.need)}{because}: {names[better]} rates {ratings[better]} out of 5, "
        f"{names[worse]} {ratings[worse]}."
    )


# ---- Headline, summary and reasons ------------------------------------------------------------------------


@dataclass(frozen=True)
class Contender:
    """An option as the words name it: at our typical price, or bought through one of the person's quotes."""

    name: str  # "Block hours", or "Managed Services Provider from Northern IT"
    slug: str  # the option's
    option_name: str
    cost: OptionCost
    allowance: float = 0.0
    quote: str | None = None
    title: str = ""  # the option as it would be for this organisation ("Keep your own IT staff (hire nobody)")

    @property
    def ranking_figure(self) -> float:
        """The figure the ranking uses: the expected three-year total less any allowance for how the person pays."""
        return self.cost.three_years.expected - self.allowance


PREFERENCE_WORDS = {
    "predictable": "you want a predictable monthly bill",
    "pay_as_you_go": "you want to pay only when something breaks",
}


def headline(options: tuple[Contender, ...], close_call: bool) -> str:
    best = options[0]
    if len(options) == 1:
        return f"{best.option_name} is the only option on offer"
    second = options[1]
    if close_call and about_money(best.ranking_figure) == about_money(second.ranking_figure):
        return f"A close call between {best.option_name} and {second.option_name}"
    if best.title and best.title != best.option_name:  # "We recommend: keep your own IT staff (hire nobody)"
        what = best.title[0].lower() + best.title[1:]
        return f"A close call, leaning to: {what}" if close_call else f"We recommend: {what}"
    if close_call:
        return f"A close call, leaning to {best.option_name}"
    return f"We recommend {best.option_name}"


def summary(
    options: tuple[Contender, ...],
    close_call: bool,
    *,
    preference: str = "no_preference",
    chance: float = 1.0,
    cheapest: Contender | None = None,
) -> str:
    """A few sentences: which option comes out ahead and what it and the runner-up would cost all told; when a
    stated way of paying changes the answer, the allowance in money; in a close call, what it hinges on.

    `cheapest` is the option lowest on the expected total among all of them, when it is neither of `options`
    (the leader and the runner-up on the ranking figure): an allowance can put a cheaper option third."""
    best = options[0]
    if len(options) == 1:
        return f"{best.name} is the only support option on offer."
    second = options[1]
    cheapest = min((*options, *([cheapest] if cheapest else [])), key=lambda o: o.cost.three_years.expected)
    text = (
        f"{best.name} would cost about {about_money(best.cost.three_years.expected)} over three years all told "
        f"(bills, lost work and risk), against {about_money(second.cost.three_years.expected)} for {second.name}."
    )
    if cheapest is not best and best.allowance > 0:
        saving = cheapest.cost.three_years.expected - best.cost.three_years.expected
        text += (
            f" {cheapest.name} would cost about {about_money(-saving)} less; we lean to {best.name} because "
            f"{PREFERENCE_WORDS.get(preference, 'of how you prefer to pay')}, which we count as worth up to "
            f"{about_money(best.allowance)} to you."
        )
    if close_call:
        text += " " + hinge(best, second, chance)
    return text


def hinge(best: Contender, second: Contender, chance: float) -> str:
    """What a close call hinges on, from the two options' own figures: where the runner-up saves money against
    where the leader does."""
    a, b = best.cost.parts, second.cost.parts
    gaps = {
        "bills": b.bills.expected - a.bills.expected,
        "lost work": b.lost_work.expected - a.lost_work.expected,
        "risk": b.risk.expected - a.risk.expected,
    }
    ours = [name for name, gap in gaps.items() if gap > 0]
    theirs = [name for name, gap in gaps.items() if gap < 0]
    share = f"{best.name} comes out lower in {chance * 100:.0f} % of our simulated cases"
    if not ours or not theirs:
        return f"{share}: the two are close on every part, so your own quotes would settle it."
    return (
        f"{share}. It hinges on whether {second.name}'s lower {_listed(theirs)} (about "
        f"{about_money(-sum(gaps[n] for n in theirs))}) outweigh its higher {_listed(ours)} (about "
        f"{about_money(sum(gaps[n] for n in ours))}): the figures to check are in the table below."
    )


# A difference in one part of the cost is a reason only when it is at least this share of the leader's total and
# at least REASON_MIN_MONEY: smaller gaps are noise beside the ranges.
REASON_MIN_SHARE = 0.02
REASON_MIN_MONEY = 500.0


def reasons(options: tuple[Contender, ...], close_call: bool = False) -> tuple[str, ...]:
    """Up to three reasons, each a part of the cost (bills, lost work, risk) in which the recommended option and
    the runner-up differ by a real amount, said in the direction it acts: what the recommended option saves
    first, then what it costs more, and why that is outweighed."""
    if len(options) < 2:
        return ()
    best, second = options[0], options[1]
    a, b = best.cost.parts, second.cost.parts
    floor = max(REASON_MIN_MONEY, REASON_MIN_SHARE * best.cost.three_years.expected)
    saved_bills = b.bills.expected - a.bills.expected
    saved_lost = b.lost_work.expected - a.lost_work.expected
    saved_risk = b.risk.expected - a.risk.expected
    found: list[tuple[float, str]] = []
    if saved_bills >= floor:
        mine, theirs = about_pair(a.bills.expected, b.bills.expected)
        found.append(
            (saved_bills, f"Lower bills: about {mine} invoiced over three years against {theirs} with {second.name}.")
        )
    if saved_lost >= floor:
        found.append(
            (
                saved_lost,
                f"Less work lost to IT trouble: problems are prevented or fixed sooner, worth about "
                f"{about_money(saved_lost)} of staff time over three years against {second.name}.",
            )
        )
    if saved_risk >= floor:
        why = (
            ", because upkeep is done and backups are looked after"
            if _does_upkeep(best) and not _does_upkeep(second)
            else ""
        )
        mine, theirs = about_pair(a.risk.expected, b.risk.expected)
        found.append(
            (
                saved_risk,
                f"Less risk from serious incidents such as ransomware or lost data: an expected "
                f"{mine} over three years against {theirs}{why}.",
            )
        )
    chosen = [text for _, text in sorted(found, key=lambda c: -c[0])][:MOST_REASONS]
    dearer = [
        (name, -gap)
        for name, gap in (("bills", saved_bills), ("lost work", saved_lost), ("risk", saved_risk))
        if -gap >= floor
    ]
    if dearer and len(chosen) < MOST_REASONS:
        name, extra = max(dearer, key=lambda d: d[1])
        total_gap = second.cost.three_years.expected - best.cost.three_years.expected
        if total_gap > 0:
            chosen.append(
                f"Its {name} would be about {about_money(extra)} higher than with {second.name}, which the "
                f"savings above outweigh."
            )
        elif best.allowance > 0:
            chosen.append(
                f"It would cost about {about_money(-total_gap)} more all told than {second.name}; "
                f"how you prefer to pay counts for the difference."
            )
    return tuple(chosen)


def option_line(pricing: str, option: dict[str, float], bills: Any, profile: Profile, devices: float) -> str:
    """What an option is for this organisation, in one line a person can act on: how it charges, and roughly how
    much of it they would buy, from its expected bills."""
    people = max(1, profile.employees)
    rate = option["hourly_rate"]
    if pricing == costs.PER_JOB and rate > 0:
        hours = float(bills.labour) / costs.MONTHS / rate
        return (
            f"You call an IT firm when something breaks and pay by the hour: about {_hours(hours)} a month at "
            f"{money(rate)} an hour."
        )
    if pricing == costs.PREPAID_BLOCK and rate > 0:
        discounted = rate * (1.0 - option["block_discount"])
        hours = float(bills.labour) / costs.MONTHS / discounted
        return (
            f"You prepay a block of about {_hours(hours)} a month at {option['block_discount'] * 100:.0f} % off the "
            f"hourly rate ({money(discounted)} an hour)."
        )
    if pricing == costs.SALARIED:
        hires = float(costs.in_house_hires(option, profile, float(people)))
        if hires <= 0:
            return "You keep the IT staff you have, already the team your size needs: nobody is hired."
        each = "" if round(hires) == 1 else " each"
        many = "one IT person" if round(hires) == 1 else f"{round(hires):.0f} IT people"
        return f"You hire {many}, at about {money(option['salary_year'])} a year{each} before employer costs."
    monthly = float(bills.fees) / costs.MONTHS
    beside = " beside your own IT staff" if option.get("requires_it_staff", 0) >= 1 else ""
    return (
        f"You pay a monthly fee{beside}: about {money(monthly)} a month for {people:,} "
        f"{'person' if people == 1 else 'people'}, with upkeep and help in the fee."
    )


def _hours(hours: float) -> str:
    rounded = round(hours) if hours >= 2 else round(hours, 1)
    return f"{rounded:g} hour" + ("" if rounded == 1 else "s")


def quote_relation(best: OptionResult, quote: QuoteResult | None, ranked: list[QuoteResult]) -> str:
    """One sentence on how the person's quotes relate to the answer, so the page names one winner."""
    if quote is not None:
        cheaper = quote.ranking_figure <= best.ranking_figure
        return (
            f" Of your quotes, {quote.name} is the best way to buy it, at about {money(quote.monthly_first_year)} "
            f"a month{'' if cheaper else '; our typical price for it comes out lower, so ask them to match it'}."
        )
    if ranked:
        return (
            f" None of your quotes is for {in_sentence(best.name)}: the best of them, {ranked[0].name}, would cost "
            f"about {about_money(ranked[0].cost.three_years.expected)} all told."
        )
    return ""


def _does_upkeep(option: OptionResult | Contender) -> bool:
    return any(item.piece == "upkeep" and item.how in ("included", "in_house") for item in option.cost.scope)


# ---- Assumptions, notes and scope -------------------------------------------------------------------------


def assumptions(
    profile: Profile,
    used: Estimates,
    *,
    allowance_share: float,
    close_call_chance: float,
    close_call_share: float,
    reference: float,
) -> tuple[Assumption, ...]:
    """What was worked out for this organisation: the estimates for blank answers and the method."""
    rows = []
    if used.downtime_cost_estimated:
        rows.append(
            Assumption(
                "Cost of an hour with IT down",
                f"{money(used.downtime_cost_per_hour)} (estimated)",
                source="Our estimate from your size and industry",
                note="People × what an hour of one person's work is worth (see the figures below) × an industry "
                "multiplier used by published downtime calculators (healthcare 1.2, finance 1.4, construction "
                "0.8, others 1.0).",
            )
        )
    if used.incidents_estimated:
        rows.append(
            Assumption(
                "IT problems a month that need outside help",
                f"{number(round(used.incidents_per_month, 2))} (estimated)",
                source="Our estimate from your size",
                note="People × the problems a person a month in the figures below"
                + (
                    f" (half of them following people and half devices: {used.devices:,.0f} devices against the "
                    f"usual {costs.DEVICES_PER_PERSON * profile.employees:,.0f} for your size, our assumption)"
                    if abs(used.devices - costs.DEVICES_PER_PERSON * profile.employees) >= 0.5
                    else ""
                )
                + (
                    ", less those your IT staff take while one of them is on duty (one person taking those of "
                    f"{costs.PEOPLE_ONE_IT_PERSON_TAKES} people, up to {costs.OWN_STAFF_TAKE * 100:.0f} % of them; "
                    "see the figures for their time away and the on-call rota)"
                    if profile.it_staff > 0
                    else ""
                )
                + ". Enter your own count for a sharper answer.",
            )
        )
    if used.devices_estimated:
        rows.append(
            Assumption(
                "Devices to look after",
                f"{used.devices:,.0f} (estimated)",
                source="Our estimate",
                note="About two per person (a computer and a phone) plus one shared item for every five people.",
            )
        )
    rows.append(
        Assumption(
            "How the options are ranked",
            "Lowest three-year total first (bills, lost work and risk)",
            source="Our method",
            note="The option that would cost least over three years all told is recommended. If you said you "
            "prefer a predictable monthly bill, or paying only when something breaks, the options that charge "
            f"that way count as cheaper by up to {allowance_share * 100:.0f} % of their three-year bills (a "
            "figure below), and the result says so when that changes the answer. It is a close call when the "
            f"leader comes out lower in under {close_call_chance * 100:.0f} % of our simulated cases, or leads "
            f"by under {close_call_share * 100:.0f} %. The scores restate each total against "
            f"{money(reference)} a person a year, about what IT support typically costs: 100 at no cost, "
            "50 at that figure.",
        )
    )
    return tuple(rows)


def notes(
    profile: Profile, used: Estimates, *, downtime_range: tuple[float, float, float] | None = None
) -> tuple[str, ...]:
    """Answers far outside what organisations usually give, called out but taken as given. `downtime_range` is
    what an hour with IT down usually costs an organisation of this size and industry (low, expected, high): a
    downtime cost typed below its low end or above its high end is called out, with the estimate beside it."""
    found = []
    if not used.incidents_estimated and used.incidents_per_month > UNUSUAL_PROBLEMS_PER_PERSON * profile.employees:
        found.append(
            f"You gave {number(used.incidents_per_month)} IT problems a month for {_headcount(profile)}: "
            f"over {UNUSUAL_PROBLEMS_PER_PERSON:.0f} a person a month is far more than organisations usually see. "
            f"Check the figure: everything above takes it as given."
        )
    if downtime_range and not used.downtime_cost_estimated:
        low, expected, high = downtime_range
        given = used.downtime_cost_per_hour
        if given < low or given > high:
            found.append(
                f"You gave {money(given)} for an hour with IT down, which looks {'low' if given < low else 'high'} "
                f"for {_headcount(profile)} in {industry_words(profile.industry)}: we would estimate about "
                f"{about_money(expected)} ({about_money(low)} to {about_money(high)}). The figure is for the whole "
                f"organisation, not one person, and moves with your head count: if you changed the number of "
                f"people, change it too. Everything above takes your figure as given."
            )
    return tuple(found)


def industry_words(industry: str) -> str:
    """The industry as the form names it, in a sentence."""
    special = {"other": "other industries", "public_sector": "the public sector", "nonprofit": "the non-profit sector"}
    label = dict(answers.question("industry").choices).get(industry, industry.replace("_", " "))
    return special.get(industry, label[0].lower() + label[1:])


def why_not_applicable(name: str) -> str:
    return (
        f"{name} works beside an organisation's own IT staff; with nobody in-house looking after IT, it "
        f"does not apply, so it is not ranked."
    )


def scope_note(profile: Profile, *, max_people: int, max_it_staff: float) -> str | None:
    if profile.employees > max_people:
        return (
            f"With {profile.employees:,} people you are beyond the size our figures hold for (small-business "
            f"prices, up to about {max_people} people). Organisations of your size usually run their own IT "
            f"team, often with a co-managed provider for security tooling, nights and holidays, and buy on "
            f"tender: read the figures below as a rough guide, not a quote."
        )
    if profile.it_staff >= max_it_staff:
        return (
            f"With an IT team of {number(profile.it_staff)} people, the usual answer is to keep your team and "
            f"add what it cannot cover (security tooling, nights, holidays) from a co-managed provider. The "
            f"comparison below still shows the two options on the same terms."
        )
    return None


# ---- Every figure with its source ---------------------------------------------------------------------

_UNITS = {
    "money": {
        "hourly_rate",
        "fee_per_user_month",
        "fee_per_device_month",
        "tooling_per_user_month",
        "downtime_cost_per_person_hour",
        "recovery_cost_per_person",
        "regulated_cost_moderate",
        "regulated_cost_strict",
        "security_tooling_per_user_month",
        "backup_tooling_per_user_month",
        "out_of_plan_hourly_rate",
        "onsite_visit_cost",
        "fee_per_site_month",
        "full_service_fee_per_user_month",
        "market_overpay_per_user_month",
        "helpdesk_fee_per_user_month",
        "helpdesk_overpay_per_user_month",
        "salary_year",
        "recruiting_cost_per_hire",
        "training_tools_per_staff_year",
    },
    "hours": {
        "hours_per_incident",
        "response_delay_hours",
        "joiner_hours",
        "project_hours_per_person_year",
        "best_efforts_response_hours",
        "site_hours_month",
        "cover_response_delay_hours",
    },
    "times": {
        "after_hours_premium",
        "unpatched_multiplier",
        "out_of_plan_after_hours_premium",
        "out_of_hours_staffing",
        "salary_loading",
    },
    "share": {
        "prevented_share",
        "serious_incident_reduction",
        "staff_turnover",
        "serious_incident_chance",
        "onsite_share",
        "it_staff_away_share",
        "market_size_change",
        "staff_leaving_rate",
        "away_share",
    },
    "yes_no": {"upkeep_included", "tooling_included", "joiners_included", "backups_managed"},
    "days": {"recovery_days_tested", "recovery_days_partial", "recovery_days_none"},
    "months": {"onboarding_months"},
}


def format_figure(key: str, value: float) -> str:
    unit = next((unit for unit, keys in _UNITS.items() if key in keys), "")
    if unit == "money":
        return money_format.exact(value)
    if unit == "hours":
        return f"{number(round(value, 2))} h"
    if unit == "times":
        return f"{number(round(value, 2))}×"
    if unit == "share":
        return f"{value * 100:.1f} %".replace(".0 %", " %")
    if unit == "yes_no":
        return "yes" if value >= 1 else "no" if value <= 0 else f"{value * 100:.0f} %"
    if unit == "days":
        return f"{number(round(value, 2))} days"
    if unit == "months":
        return f"{number(round(value, 2))} months"
    return number(round(value, 3))


def _figure_row(figure: Figure, model: str) -> Assumption:
    if figure.uncertain:
        value = (
            f"{format_figure(figure.key, figure.expected)} (range {format_figure(figure.key, figure.low)}"
            f"–{format_figure(figure.key, figure.high)})"
        )
    else:
        value = format_figure(figure.key, figure.expected)
    source = figure.source_title + (f", {figure.source_year}" if figure.source_year else "")
    return Assumption(
        label=figure.label,
        value=f"{value}, a stand-in" if figure.stand_in else value,
        source=source,
        source_url=figure.source_url,
        vendor_claim=figure.vendor_claim,
        note=f"Stand-in. {figure.stand_in} {figure.note}".strip() if figure.stand_in else figure.note,
        model=model,
    )


def figure_rows(catalogue: Catalogue, profile: Profile) -> tuple[Assumption, ...]:
    """Every figure the costs used, shared ones first, with the person's own quotes in place."""
    keys = costs.shared_keys_used(profile) + (quotes.QUOTE_KEYS + quotes.MARKET_KEYS if profile.quotes else ())
    rows = [_figure_row(catalogue.figures[key], "") for key in keys if key in catalogue.figures]
    for model in catalogue.models:
        figures = costs.option_figures(model, profile)
        rows.extend(_figure_row(figures[key], model.name) for key in costs.ALL_OPTION_KEYS if key in model.figures)
    return tuple(rows)


# ---- The person's quotes ------------------------------------------------------------------------------

ABOUT_THE_SAME = 0.03  # quotes whose totals are within this share of each other cost about the same


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def _pieces(keys: list[str]) -> str:
    return _listed([quotes.INCLUDE_WORDS[key] for key in keys])


def _only_left_out(quote: QuoteResult, other: QuoteResult) -> list[str]:
    """The pieces `quote` leaves out that `other` includes (project work, outside the totals, aside)."""
    return [key for key, cost in quote.left_out.items() if key not in other.left_out and key != "projects" and cost > 0]


def _promise(quote: Quote) -> str:
    if quote.response_hours is None:
        return "best efforts"
    return f"{number(quote.response_hours)} working hour{'' if quote.response_hours == 1 else 's'}"


def _why_cheaper(best: QuoteResult, other: QuoteResult, given: dict[str, Quote], response_gap: float) -> list[str]:
    """What makes `best` cost less than `other` over three years, in plain words: what favours it, largest
    first, then what goes against it, largest first. `response_gap` is what `other`'s response terms cost
    against `best`'s (0 when they promise the same)."""
    gaps = []
    fees = other.fees_three_years - best.fees_three_years
    if abs(fees) >= 1:
        cheaper, dearer = (best, other) if fees > 0 else (other, best)
        mine, theirs = given[cheaper.name].yearly_increase_percent, given[dearer.name].yearly_increase_percent
        rises = ""
        if mine != theirs:
            rises = (
                f" (with price rises of {number(mine)} % a year against {number(theirs)} %)"
                if mine < theirs
                else f" (despite price rises of {number(mine)} % a year against {number(theirs)} %)"
            )
        gaps.append((fees, f"{cheaper.name}'s own fees are {money(abs(fees))} lower over three years{rises}"))
    onboarding = other.cost.onboarding - best.cost.onboarding
    if abs(onboarding) >= 1:
        cheaper = best if onboarding > 0 else other
        gaps.append((onboarding, f"{cheaper.name}'s onboarding charge is {money(abs(onboarding))} lower"))
    for lacking, having, sign in ((other, best, 1.0), (best, other, -1.0)):
        keys = _only_left_out(lacking, having)
        cost = sum(lacking.left_out[key] for key in keys)
        if keys and cost >= 1:
            gaps.append(
                (
                    sign * cost,
                    f"{lacking.name} leaves out {_pieces(keys)}, which {having.name} includes: "
                    f"about {about_money(cost)} over three years, bought separately or as lost "
                    f"work and risk",
                )
            )
    if abs(response_gap) >= 1:
        quicker, slower = (best, other) if response_gap > 0 else (other, best)
        gaps.append(
            (
                response_gap,
                f"{quicker.name}'s faster response ({_promise(given[quicker.name])} promised, "
                f"against {_promise(given[slower.name])} for {slower.name}) saves about "
                f"{about_money(abs(response_gap))} of staff time lost waiting for help",
            )
        )
    favour = sorted((g for g in gaps if g[0] > 0), key=lambda g: -g[0])
    against = sorted((g for g in gaps if g[0] < 0), key=lambda g: g[0])
    return [text for _gap, text in favour[:3]] + (
        [f"against that, {'; '.join(text for _gap, text in against)}"] if against else []
    )


MISSING_FLAGS = ("missing_helpdesk", "missing_security", "missing_backup")  # what a buyer should see before choosing
SERIOUS_FLAGS = (*MISSING_FLAGS, "termination_fee", "long_notice")


def _serious(quote: QuoteResult) -> list[str]:
    return [f.title.lower() for f in quote.flags if f.code in SERIOUS_FLAGS]


def _projects(quote_results: tuple[QuoteResult, ...]) -> str | None:
    """A note when some quotes include project work and others bill it on top (it is outside the totals)."""
    including = [q.name for q in quote_results if "projects" not in q.left_out]
    billing = [q for q in quote_results if "projects" in q.left_out]
    if not including or not billing:
        return None
    return (
        f"{_listed(including)} {'includes' if len(including) == 1 else 'include'} project work (new systems, "
        f"moves, upgrades), which {_listed([q.name for q in billing])} would bill on top: about "
        f"{about_money(billing[0].left_out['projects'])} over three years if you need it. That is not in the "
        f"totals, as our options' prices leave project work out too."
    )


def quote_verdict(
    quote_results: tuple[QuoteResult, ...],
    given: tuple[Quote, ...],
    options: tuple[OptionResult, ...],
    *,
    managed: OptionResult | None = None,
    response_gap: float = 0.0,
) -> tuple[str, ...]:
    """Which quote is the better deal over three years (the total of the three parts), why, what to weigh
    against it, and how it compares with the catalogue's managed service (`managed`) and cheapest option.
    `quote_results` are cheapest first; `given` are the quotes as entered; `response_gap` is what the runner-up's
    response terms cost against the better deal's."""
    if not quote_results:
        return ()
    by_name = {q.name: q for q in given}
    best = quote_results[0]
    lines = []
    if len(quote_results) > 1:
        other = quote_results[1]
        gap = other.cost.three_years.expected - best.cost.three_years.expected
        totals = (
            f"{money(best.cost.three_years.expected)} all told against "
            f"{money(other.cost.three_years.expected)} for {other.name}"
        )
        close = gap < ABOUT_THE_SAME * other.cost.three_years.expected
        if close:
            lines.append(
                f"{best.name} and {other.name} cost about the same over three years ({totals}): choose "
                f"between them on their terms and service."
            )
            mine, theirs = _serious(best), _serious(other)
            if len(mine) != len(theirs):
                fewer, more, found = (best, other, theirs) if len(mine) < len(theirs) else (other, best, mine)
                lines.append(
                    f"At about the same cost, {fewer.name} has fewer terms to question: {more.name}'s "
                    f"include {_listed(found)}."
                )
        else:
            lines.append(f"{best.name} is the better deal over three years: {totals}, {money(gap)} less.")
        why = _why_cheaper(best, other, by_name, response_gap)
        if why:
            lines.append(f"{'The difference' if close else 'Why'}: {'; '.join(why)}.")
        if not close:
            lines.extend(_lock_in(best, by_name[best.name], gap))
            missing = [f.title.lower() for f in best.flags if f.code in MISSING_FLAGS]
            if missing:
                lines.append(
                    f"Even so, {best.name} carries {_listed(missing)}: see its terms below before you choose it."
                )
        for third in quote_results[2:]:
            extra = third.cost.three_years.expected - best.cost.three_years.expected
            lines.append(
                f"{third.name} costs about the same as {best.name} over three years, all told."
                if extra < ABOUT_THE_SAME * third.cost.three_years.expected
                else f"{third.name} costs {money(extra)} more than {best.name} over three years, all told."
            )
        projects = _projects(quote_results)
        if projects:
            lines.append(projects)
    else:
        left = [key for key, cost in best.left_out.items() if cost > 0 and key != "projects"]
        leaves = (
            f" It leaves out {_pieces(left)}: about "
            f"{about_money(sum(best.left_out[key] for key in left))} of that, bought separately or as lost "
            f"work and risk."
            if left
            else ""
        )
        lines.append(
            f"Your quote {best.name} would cost {money(best.cost.three_years.expected)} over three years "
            f"all told.{leaves}"
        )
        lines.extend(_lock_in(best, by_name[best.name], None))
    lines.append(_against_options(best, options, managed))
    flagged = [q.name for q in quote_results if q.flags]
    if flagged:
        lines.append(f"Before you sign, read the terms flagged for {_listed(flagged)}.")
    return tuple(lines)


def _lock_in(best: QuoteResult, quote: Quote, saving: float | None) -> list[str]:
    """A warning when the better deal ties you in: leaving after a year costs more than it saves, or its term
    runs beyond the three years compared."""
    found = []
    if saving is not None and best.exit_cost_after_one_year > saving:
        found.append(
            f"But it ties you in for {quote.term_months} months: leaving after the first year would cost "
            f"{money(best.exit_cost_after_one_year)}, more than the {money(saving)} it saves over three "
            f"years. Weigh how sure you are of staying."
        )
    elif saving is None and best.exit_cost_after_one_year > 0:
        found.append(
            f"It ties you in for {quote.term_months} months: leaving after the first year would cost "
            f"{money(best.exit_cost_after_one_year)}."
        )
    if quote.term_months > costs.MONTHS:
        found.append(f"Its term of {quote.term_months} months runs beyond the three years compared here.")
    return found


def _against_options(best: QuoteResult, options: tuple[OptionResult, ...], managed: OptionResult | None) -> str:
    """The better quote against the catalogue's managed service (like for like), then its cheapest option."""
    cheapest = min(options, key=lambda o: o.cost.three_years.expected)
    mine = best.cost.three_years.expected

    def against(option: OptionResult, what: str) -> str:
        theirs = option.cost.three_years.expected
        if abs(theirs - mine) < ABOUT_THE_SAME * theirs:
            return f"about what {what} would cost on our published figures ({option.name}, {money(theirs)})"
        return (
            f"{money(abs(theirs - mine))} {'less' if theirs > mine else 'more'} than {what} on our published "
            f"figures ({option.name}, {money(theirs)})"
        )

    if managed is None or managed.slug == cheapest.slug:
        return f"{best.name} costs {against(cheapest, 'the cheapest of our options for you')}."
    return (
        f"{best.name} costs {against(managed, 'a typical managed service')}; the cheapest of our options for "
        f"you is {cheapest.name} ({money(cheapest.cost.three_years.expected)})."
    )


def answer_text(name: str, value: Any) -> str:
    """An answer as the answers table shows it."""
    q = answers.question(name)
    if value is None or value == "":
        return "Not given"
    if q.is_choice:
        return q.label_of(str(value))
    if q.unit == answers.MONEY:
        return money_format.exact(float(value))
    return number(float(value))
