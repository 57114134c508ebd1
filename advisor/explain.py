"""The result in words: the answers behind each need, the factors that decided, the assumptions behind the
costs, and the summary. Pure, no I/O.

What depends on the catalogue only (how each model rates on a dimension, every cost parameter with its source)
is worded once per catalogue and kept on it, like scoring's own prepared figures.
"""
from __future__ import annotations

from . import costs
from .domain import Assumption, Catalogue, CostParam, Factor, ModelResult, ModelSpec, Need, Profile
from .needs import NEED_RULES, need_values, signals


class Words:
    """The words that depend on the catalogue only, worked out once per catalogue."""

    def __init__(self, catalogue: Catalogue) -> None:
        self.slugs = [m.slug for m in catalogue.models]
        # Each dimension's need rule as (signal, weight) pairs, or None for a dimension the rules do not know.
        self.rule_terms = [NEED_RULES[d.slug][1] if d.slug in NEED_RULES else None for d in catalogue.dimensions]
        self.names_in_sentence = [_in_sentence(d.name) for d in catalogue.dimensions]
        self.ratings_sentences = [
            "; ".join(
                f"{m.name} rates {m.ratings.get(d.slug, 0)} out of 5"
                + (f" ({m.headlines[d.slug].rstrip('.')})" if m.headlines.get(d.slug) else "")
                for m in catalogue.models
            )
            for d in catalogue.dimensions
        ]
        self.parameter_assumptions = [{key: _parameter_assumption(m, key, param) for key, param in m.costs.items()}
                                      for m in catalogue.models]


def words(catalogue: Catalogue) -> Words:
    """The catalogue's words, made on first use and kept on the catalogue itself."""
    return catalogue.derived_value("words", Words)


def _money(value: float) -> str:
    return f"${value:,.0f}"


def _about(value: float) -> str:
    """A rough amount of money, to two significant figures: $5,092 reads as about $5,100."""
    if value < 100:
        return _money(value)
    digits = len(str(int(value))) - 2
    return _money(round(value, -digits))


def _in_sentence(name: str) -> str:
    """A dimension name as it reads mid-sentence: 'Downtime' -> 'downtime', but 'IT strategy' keeps its capitals."""
    words = name.split(" ")
    return " ".join(w.lower() if w[:1].isupper() and w[1:2].islower() else w for w in words)


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")


_HOURS = {
    "business_hours": "IT is needed in business hours only",
    "extended": "IT must work evenings or weekends",
    "always": "IT must work around the clock",
}
_COMPLIANCE = {
    "none": "you hold no regulated data",
    "moderate": "you hold some regulated data",
    "strict": "you hold strictly regulated data",
}
_BACKUP = {
    "none": "you have no backups you can rely on",
    "partial": "your backups have never been tested",
    "tested": "your backups are restore-tested",
}
_DEPENDENCE = {
    "low": "most work carries on when IT stops",
    "medium": "some work stops when IT stops",
    "high": "most work stops when IT stops",
    "critical": "everything stops when IT stops",
}
_GROWTH = {
    "shrinking": "you expect to shrink",
    "stable": "you expect to stay about the same size",
    "moderate": "you expect moderate growth",
    "rapid": "you expect rapid growth",
}
_BUDGET = {
    "pay_as_you_go": "you prefer to pay only when something breaks",
    "no_preference": "you have no strong budget preference",
    "predictable": "you want a predictable monthly cost",
}


def _people(p: Profile) -> str:
    return "1 person uses IT" if p.employees == 1 else f"{p.employees:,} people use IT"


def _incidents(p: Profile) -> str:
    return f"you have about {_number(p.incidents_per_month)} IT problems a month"


def _staff(p: Profile) -> str:
    return "you have no in-house IT staff" if p.it_staff == 0 else f"you have {_number(p.it_staff)} in-house IT staff"


# The answer behind each signal, in words a person recognises as theirs: (profile, devices, downtime cost) -> text.
_PHRASES = {
    "size": lambda p, d, c: _people(p),
    "small": lambda p, d, c: _people(p),
    "devices": lambda p, d, c: f"there are about {d:,} devices to look after",
    "sites": lambda p, d, c: "you work from one location" if p.sites == 1 else f"you work from {p.sites:,} locations",
    "incidents": lambda p, d, c: _incidents(p),
    "few_incidents": lambda p, d, c: _incidents(p),
    "downtime": lambda p, d, c: f"an hour of downtime costs you about {_money(c)}",
    "hours": lambda p, d, c: _HOURS.get(p.operating_hours, ""),
    "compliance": lambda p, d, c: _COMPLIANCE.get(p.compliance, ""),
    "backup_gap": lambda p, d, c: _BACKUP.get(p.backup, ""),
    "dependence": lambda p, d, c: _DEPENDENCE.get(p.it_dependence, ""),
    "growth": lambda p, d, c: _GROWTH.get(p.growth, ""),
    "predictable": lambda p, d, c: _BUDGET.get(p.budget_preference, ""),
    "pay_as_you_go": lambda p, d, c: _BUDGET.get(p.budget_preference, ""),
    "it_staff": lambda p, d, c: _staff(p),
    "no_it_staff": lambda p, d, c: _staff(p),
}


def signal_phrase(name: str, profile: Profile, *, devices: int, downtime_cost: float) -> str:
    """The answer behind a signal, in words a person recognises as theirs."""
    phrase = _PHRASES.get(name)
    return phrase(profile, devices, downtime_cost) if phrase else ""


def needs(profile: Profile, catalogue: Catalogue, *, devices: int, downtime_cost: float) -> tuple[Need, ...]:
    """How much each dimension matters to this organisation, with the two answers that weigh most."""
    values = signals(profile, devices=devices, downtime_cost=downtime_cost)
    return explained_needs(profile, catalogue, values, need_values(values, catalogue),
                            devices=devices, downtime_cost=downtime_cost)


def explained_needs(profile: Profile, catalogue: Catalogue, values: dict[str, float], levels: list[float], *,
                     devices: int, downtime_cost: float) -> tuple[Need, ...]:
    result = []
    phrases: dict[str, str] = {}  # several needs share an answer: word it once
    for dimension, terms, level in zip(catalogue.dimensions, words(catalogue).rule_terms, levels):
        reasons: tuple[str, ...] = ()
        if terms is not None:
            # The two answers that weigh most in this need (of those that weigh at all).
            weighty = sorted([(abs(weight * values[name]), name) for name, weight in terms], reverse=True)[:2]
            for size, name in weighty:
                if size >= 0.05 and name not in phrases:
                    phrases[name] = signal_phrase(name, profile, devices=devices, downtime_cost=downtime_cost)
            reasons = tuple(phrases[name] for size, name in weighty if size >= 0.05)
        result.append(Need(dimension.slug, dimension.name, dimension.weight, round(level, 4), reasons))
    return tuple(result)


def _need_level(need: float) -> str:
    if need >= 0.75:
        return "matters a lot to you"
    if need >= 0.45:
        return "matters quite a bit to you"
    if need >= 0.2:
        return "matters a little to you"
    return "hardly matters to you"


def factors(catalogue: Catalogue, need_list: tuple[Need, ...], points: list[list[float]], *,
            top: int) -> tuple[Factor, ...]:
    """The dimensions that separated the models most (at most `top`), each in plain words with its points."""
    prep = words(catalogue)
    spread_out = []
    for index in range(len(need_list)):
        mine = [round(p[index], 2) for p in points]
        spread = max(mine) - min(mine)
        if spread >= 0.05:
            spread_out.append((round(spread, 2), index, mine))
    spread_out.sort(key=lambda item: -item[0])  # stable: on equal spreads, the catalogue's order
    found = []
    for spread, index, mine in spread_out[:top]:
        need = need_list[index]
        because = " and ".join(need.reasons)
        because = (because[0].upper() + because[1:] + ", so ") if because else ""
        text = (f"{because}{prep.names_in_sentence[index]} {_need_level(need.need)}. "
                f"{prep.ratings_sentences[index]}.")
        found.append(Factor(need.dimension, need.name, need.need, text, dict(zip(prep.slugs, mine)), spread))
    return tuple(found)


_UNITS = {
    "hourly_rate": "money", "fee_per_user_month": "money", "fee_per_device_month": "money",
    "hours_per_incident": "hours", "response_delay_hours": "hours", "after_hours_premium": "times",
    "minimum_users": "count", "onboarding_months": "months", "prevented_share": "share",
    "people_stopped_per_incident": "people",
}


def format_parameter(key: str, value: float) -> str:
    unit = _UNITS.get(key, "")
    if unit == "money":
        return f"${value:,.2f}".replace(".00", "")
    if unit == "hours":
        return f"{_number(round(value, 2))} h"
    if unit == "times":
        return f"{_number(round(value, 2))}×"
    if unit == "share":
        return f"{value * 100:.0f} %"
    if unit == "people":
        return f"{_number(round(value, 2))} people"
    if unit == "months":
        return f"{_number(round(value, 2))} months"
    return _number(round(value, 2))


def assumptions(profile: Profile, catalogue: Catalogue, *, devices: int, devices_estimated: bool,
                downtime_cost: float, downtime_estimated: bool, fit_weight: float,
                close_call_margin: float) -> tuple[Assumption, ...]:
    """Every figure behind the result: the estimates made for the person, the method, each cost parameter."""
    out = [
        Assumption(
            label="Downtime cost per hour",
            value=_money(downtime_cost) + (" (estimated)" if downtime_estimated else " (your figure)"),
            source="Probax; published downtime calculators" if downtime_estimated else "Your answer",
            note=costs.DOWNTIME_COST_RULE if downtime_estimated else "",
        ),
        Assumption(
            label="Devices to look after",
            value=f"{devices:,}" + (" (estimated)" if devices_estimated else " (your figure)"),
            note="Estimated as two per person plus one shared item for every five people." if devices_estimated
            else "",
        ),
        Assumption(
            label="Share of incidents needing out-of-hours work",
            value=f"{costs.AFTER_HOURS_SHARE.get(profile.operating_hours, 0.0) * 100:.0f} %",
            source="Our assumption",
            note="0 % in business hours only, 25 % with evenings or weekends, 40 % around the clock. "
            "Applied with each model's after-hours rate multiplier.",
        ),
        Assumption(
            label="How the recommendation is made",
            value=f"{fit_weight * 100:.0f} % fit, {100 - fit_weight * 100:.0f} % expected three-year cost",
            source="Our method",
            note=f"Within {close_call_margin:.0f} points of each other, the result is called a close call.",
        ),
    ]
    for model, by_key in zip(catalogue.models, words(catalogue).parameter_assumptions):
        own = costs.own_figures(model, profile)
        if not own:
            out.extend(by_key.values())
            continue
        params = costs.effective_parameters(model, profile)
        out.extend(_parameter_assumption(model, key, params[key]) if key in own else assumption
                   for key, assumption in by_key.items())
    return tuple(out)


def _parameter_assumption(model: ModelSpec, key: str, param: CostParam) -> Assumption:
    """One cost parameter of a model, with its range and where it came from."""
    if param.low == param.expected == param.high:
        value = format_parameter(key, param.expected)
    else:
        value = (f"{format_parameter(key, param.expected)} "
                 f"(range {format_parameter(key, param.low)}–{format_parameter(key, param.high)})")
    source = param.source_title + (f", {param.source_year}" if param.source_year else "")
    return Assumption(label=param.label, value=value, source=source, source_url=param.source_url,
                      vendor_claim=param.vendor_claim, note=param.note, model=model.name)


def summary_and_decider(ranked: list[ModelResult], close_call: bool, factors: tuple[Factor, ...]) -> tuple[str, str]:
    if len(ranked) == 1:
        only = ranked[0]
        return f"{only.name} is the only support model on offer.", ""
    best, second = ranked[0], ranked[1]
    cheaper, dearer = sorted((best, second), key=lambda m: m.cost.three_years.expected)
    saving = dearer.cost.three_years.expected - cheaper.cost.three_years.expected
    better_fit, lesser_fit = sorted((best, second), key=lambda m: -m.fit)
    telling = [_in_sentence(f.name) for f in factors if f.points.get(better_fit.slug, 0) > f.points.get(lesser_fit.slug, 0)]
    telling_text = " and ".join(telling[:2]) or "the dimensions that matter to you"
    cost_text = (
        f"{cheaper.name} is expected to cost about {_about(saving)} less over three years"
        if saving >= 1 else "both are expected to cost about the same over three years"
    )
    if close_call:
        summary = (f"It is a close call between {best.name} and {second.name}: "
                   f"{best.overall:.0f} against {second.overall:.0f} out of 100.")
        if better_fit.slug == cheaper.slug:
            decider = (f"{better_fit.name} both fits a little better and costs a little less, but the gap is small "
                       f"enough that the figures you are least sure of could reverse it: check the tipping points below.")
        else:
            decider = (f"{cost_text}, while {better_fit.name} meets more of your needs "
                       f"(fit {better_fit.fit:.0f} against {lesser_fit.fit:.0f}), above all on {telling_text}. "
                       f"If {telling_text} matter more to you than the money, choose {better_fit.name}; "
                       f"if the money matters more, choose {cheaper.name}.")
        return summary, decider
    summary = (f"{best.name} suits you best: {best.overall:.0f} out of 100 against {second.overall:.0f} "
               f"for {second.name}, weighing how well each meets your needs and what each is expected to cost.")
    if best.slug == cheaper.slug and best.slug == better_fit.slug:
        decider = (f"{best.name} both meets more of your needs (fit {best.fit:.0f} against {second.fit:.0f}) "
                   f"and is expected to cost about {_about(saving)} less over three years.")
    elif best.slug == cheaper.slug:
        decider = (f"{second.name} meets more of your needs (fit {second.fit:.0f} against {best.fit:.0f}), "
                   f"but not by enough to justify the extra cost: {cost_text}.")
    else:
        decider = (f"{best.name} meets more of your needs (fit {best.fit:.0f} against {second.fit:.0f}), "
                   f"above all on {telling_text}, and that outweighs the cost: {cost_text}.")
    return summary, decider
