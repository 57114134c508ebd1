"""Scoring: from an organisation's profile and the catalogue to an explained recommendation. Pure, no I/O.

The road, in order:
1. Signals: each answer becomes a number from 0 to 1 (`signals`).
2. Needs: how much each dimension matters to this organisation, 0 to 1, as a documented blend of signals
   (`NEED_RULES`). A dimension the rules do not know (one staff added later) counts as a middling need, 0.5.
3. Fit of each model, 0 to 100: every dimension carries its share of the total weight; a model keeps that
   share in full where its rating is 5 and loses `need x (1 - rating / 5)` of it otherwise. So fit is the
   weighted share of the organisation's needs the model meets, and a need the organisation does not have
   costs no model anything.
4. Cost of each model over three years (see `costs.py`), turned into a cost score: 100 for the cheapest,
   and cheapest / own cost x 100 for the others.
5. Overall = 60 % fit + 40 % cost score (fit counts for more because cost figures are uncertain).
   The highest overall is recommended; when the top two are within 5 points, the result says plainly
   that it is a close call and what would decide it.

Directions an adviser would give hold by construction: every answer that points toward managed services
(more people, devices, sites or incidents, costlier downtime, longer hours, stricter compliance, weaker
backups, more dependence on IT, faster growth, a wish for predictable bills) only raises needs on which
the MSP is rated higher than Break/Fix, or lowers the one need (help only on request) on which it is rated
lower; more in-house IT staff and a wish to pay only when something breaks do the opposite.
"""
from __future__ import annotations

import math
from dataclasses import replace

from . import costs
from .domain import (
    Assumption,
    Catalogue,
    DimensionFit,
    Factor,
    ModelResult,
    ModelSpec,
    Need,
    Profile,
    Result,
)
from .tipping import find_tipping_points

# Fit counts for more than cost: the answers behind fit are the person's own, while the cost figures are
# published estimates whose low and high ends lie several times apart.
FIT_WEIGHT = 0.6
CLOSE_CALL_MARGIN = 5.0
UNKNOWN_DIMENSION_NEED = 0.5
TOP_FACTORS = 5

LEVELS = {
    "operating_hours": {"business_hours": 0.0, "extended": 0.5, "always": 1.0},
    "compliance": {"none": 0.0, "moderate": 0.5, "strict": 1.0},
    "backup": {"tested": 0.0, "partial": 0.5, "none": 1.0},
    "it_dependence": {"low": 0.0, "medium": 1 / 3, "high": 2 / 3, "critical": 1.0},
    "growth": {"shrinking": 0.0, "stable": 0.25, "moderate": 0.6, "rapid": 1.0},
    "budget_preference": {"pay_as_you_go": 0.0, "no_preference": 0.5, "predictable": 1.0},
}


def _clamp(value: float) -> float:
    return 0.0 if value < 0.0 else 1.0 if value > 1.0 else value


def _log_share(value: float, top: float) -> float:
    """0 at 0, 1 at `top` and beyond, on a log scale: going from 1 to 10 counts as much as 10 to 100."""
    return _clamp(math.log1p(max(0.0, value)) / math.log1p(top))


def signals(profile: Profile, *, devices: int, downtime_cost: float) -> dict[str, float]:
    """Each answer as a number from 0 (points to Break/Fix) to 1 (points to managed services).

    - size: employees on a log scale, 1 person = 0, 250 or more = 1
    - devices: on a log scale, 750 or more = 1;  sites: 20 or more = 1
    - incidents: a month, on a log scale, 30 or more = 1
    - downtime: cost of an hour down, log scale from $100 (0) to $1,000,000 (1)
    - hours, compliance, backup gap, dependence, growth, predictable budget: by the answer's level
    - it_staff: in-house IT cover, one full-time person per 50 employees or better = 1
    Complements (`small`, `few_incidents`, `pay_as_you_go`, `no_it_staff`) are 1 minus their signal.
    """
    size = _clamp(math.log(max(1, profile.employees)) / math.log(250))
    incidents = _log_share(profile.incidents_per_month, 30)
    coverage = _clamp(profile.it_staff * 50 / max(1, profile.employees))
    predictable = LEVELS["budget_preference"].get(profile.budget_preference, 0.5)
    return {
        "size": size,
        "small": 1.0 - size,
        "devices": _log_share(devices, 750),
        "sites": _clamp(math.log(max(1, profile.sites)) / math.log(20)),
        "incidents": incidents,
        "few_incidents": 1.0 - incidents,
        "downtime": _clamp(math.log10(max(100.0, downtime_cost) / 100.0) / 4.0),
        "hours": LEVELS["operating_hours"].get(profile.operating_hours, 0.0),
        "compliance": LEVELS["compliance"].get(profile.compliance, 0.0),
        "backup_gap": LEVELS["backup"].get(profile.backup, 0.5),
        "dependence": LEVELS["it_dependence"].get(profile.it_dependence, 1 / 3),
        "growth": LEVELS["growth"].get(profile.growth, 0.25),
        "predictable": predictable,
        "pay_as_you_go": 1.0 - predictable,
        "it_staff": coverage,
        "no_it_staff": 1.0 - coverage,
    }


# Need of each dimension = clamp(base + sum of weight x signal). Weights were set so that each need spans
# most of 0..1 across realistic organisations, and so that no answer pushes a need the wrong way.
NEED_RULES: dict[str, tuple[float, tuple[tuple[str, float], ...]]] = {
    # Help only when asked, no contract: valued by those who prefer to pay per problem, have their own
    # IT people, are small, or rarely have problems.
    "engagement": (0.1, (("pay_as_you_go", 0.4), ("it_staff", 0.2), ("small", 0.15), ("few_incidents", 0.15))),
    "monitoring": (0.05, (("dependence", 0.3), ("downtime", 0.2), ("devices", 0.15), ("incidents", 0.15),
                          ("hours", 0.15), ("it_staff", -0.3))),
    "maintenance": (0.05, (("devices", 0.25), ("compliance", 0.3), ("incidents", 0.2), ("dependence", 0.2),
                           ("it_staff", -0.3))),
    "downtime": (0.0, (("dependence", 0.4), ("downtime", 0.3), ("hours", 0.15), ("incidents", 0.15))),
    "cost": (0.05, (("predictable", 0.6), ("incidents", 0.2), ("growth", 0.15))),
    "scalability": (0.0, (("growth", 0.5), ("sites", 0.3), ("size", 0.2))),
    "partnership": (0.0, (("size", 0.3), ("growth", 0.25), ("dependence", 0.2), ("no_it_staff", 0.25))),
    "continuity": (0.0, (("backup_gap", 0.45), ("compliance", 0.25), ("dependence", 0.15), ("downtime", 0.15))),
    "availability": (0.0, (("hours", 0.65), ("dependence", 0.2), ("sites", 0.15))),
    "breadth": (0.0, (("compliance", 0.3), ("sites", 0.25), ("devices", 0.2), ("no_it_staff", 0.25))),
}


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


def need_values(values: dict[str, float], catalogue: Catalogue) -> list[float]:
    """Each dimension's need, 0 to 1, from the signals, in the catalogue's dimension order."""
    out = []
    for dimension in catalogue.dimensions:
        rule = NEED_RULES.get(dimension.slug)
        if rule is None:
            out.append(UNKNOWN_DIMENSION_NEED)
            continue
        need, terms = rule
        for name, weight in terms:
            need += weight * values[name]
        out.append(0.0 if need < 0.0 else 1.0 if need > 1.0 else need)
    return out


def needs(profile: Profile, catalogue: Catalogue, *, devices: int, downtime_cost: float) -> tuple[Need, ...]:
    """How much each dimension matters to this organisation, with the two answers that weigh most."""
    values = signals(profile, devices=devices, downtime_cost=downtime_cost)
    return _explained_needs(profile, catalogue, values, need_values(values, catalogue),
                            devices=devices, downtime_cost=downtime_cost)


def _explained_needs(profile: Profile, catalogue: Catalogue, values: dict[str, float], levels: list[float], *,
                     devices: int, downtime_cost: float) -> tuple[Need, ...]:
    result = []
    for dimension, level in zip(catalogue.dimensions, levels):
        rule = NEED_RULES.get(dimension.slug)
        reasons: tuple[str, ...] = ()
        if rule is not None:
            weighty = sorted(((abs(weight * values[name]), name) for name, weight in rule[1]), reverse=True)
            reasons = tuple(
                signal_phrase(name, profile, devices=devices, downtime_cost=downtime_cost)
                for size, name in weighty[:2]
                if size >= 0.05
            )
        result.append(Need(dimension.slug, dimension.name, dimension.weight, round(level, 4), reasons))
    return tuple(result)


def _shares(catalogue: Catalogue) -> list[float]:
    """Each dimension's share of the total weight (equal shares when every weight is zero)."""
    total = sum(max(0.0, d.weight) for d in catalogue.dimensions)
    if total <= 0:
        return [1.0 / len(catalogue.dimensions)] * len(catalogue.dimensions)
    return [max(0.0, d.weight) / total for d in catalogue.dimensions]


def _fit_points(model: ModelSpec, catalogue: Catalogue, levels: list[float]) -> tuple[DimensionFit, ...]:
    """Each dimension's points of the model's fit: its weight share, less need x (1 - rating / 5) of it."""
    out = []
    for dimension, share, level in zip(catalogue.dimensions, _shares(catalogue), levels):
        rating = model.ratings.get(dimension.slug, 0)
        out.append(DimensionFit(dimension.slug, rating, 100.0 * share * (1.0 - level * (1.0 - rating / 5.0))))
    return tuple(out)


def _rank(overall: list[float], slugs: list[str]) -> list[int]:
    """Model indexes from best to worst; ties go to the model listed first in the catalogue."""
    return sorted(range(len(slugs)), key=lambda i: (-round(overall[i], 9), i))


def _effective_inputs(profile: Profile) -> tuple[int, bool, float, bool]:
    devices_estimated = profile.devices is None
    devices = costs.estimate_devices(profile.employees) if devices_estimated else profile.devices
    downtime_estimated = profile.downtime_cost_per_hour is None
    downtime_cost = (
        costs.estimate_downtime_cost(profile.employees, profile.industry)
        if downtime_estimated
        else profile.downtime_cost_per_hour
    )
    return devices, devices_estimated, downtime_cost, downtime_estimated


class _Decider:
    """What decides the outcome, prepared once for a catalogue and a person's own quotes.

    Both the full score and every re-score of the tipping search go through `fits`, `totals` and
    `overall`, so the recommendation on the page and the tipping points can never disagree.
    """

    def __init__(self, catalogue: Catalogue, profile: Profile) -> None:
        self.catalogue = catalogue
        self.slugs = [m.slug for m in catalogue.models]
        shares = _shares(catalogue)
        # A model's fit is 100 x (1 - sum over dimensions of need x loss), loss = share x (1 - rating / 5).
        self.losses = [
            [share * (1.0 - m.ratings.get(d.slug, 0) / 5.0) for share, d in zip(shares, catalogue.dimensions)]
            for m in catalogue.models
        ]
        # Only employees, incidents and downtime cost vary in the search: the parameter values stay put.
        self.values = [costs.scenario_values(costs.effective_parameters(m, profile), "expected")
                       for m in catalogue.models]

    def fits(self, levels: list[float]) -> list[float]:
        return [100.0 * (1.0 - sum(level * loss for level, loss in zip(levels, losses))) for losses in self.losses]

    def totals(self, profile: Profile, devices: int, downtime_cost: float) -> list[float]:
        return [costs.three_year_total(v, profile, devices=devices, downtime_cost=downtime_cost) for v in self.values]

    @staticmethod
    def cost_scores(totals: list[float]) -> list[float]:
        cheapest = max(0.0, min(totals))
        return [100.0 if total <= 0 else 100.0 * cheapest / total for total in totals]

    def overall(self, fits: list[float], totals: list[float]) -> list[float]:
        return [FIT_WEIGHT * fit + (1 - FIT_WEIGHT) * cost for fit, cost in zip(fits, self.cost_scores(totals))]

    def evaluate(self, profile: Profile) -> tuple[str, str, dict[str, float], dict[str, float]]:
        """The recommended and the cheaper model, with every model's overall score and minus its cost."""
        devices, _, downtime_cost, _ = _effective_inputs(profile)
        levels = need_values(signals(profile, devices=devices, downtime_cost=downtime_cost), self.catalogue)
        totals = self.totals(profile, devices, downtime_cost)
        overall = self.overall(self.fits(levels), totals)
        best = _rank(overall, self.slugs)[0]
        cheaper = _rank([-round(total, 6) for total in totals], self.slugs)[0]
        return (self.slugs[best], self.slugs[cheaper], dict(zip(self.slugs, overall)),
                {slug: -total for slug, total in zip(self.slugs, totals)})


def outcome(profile: Profile, catalogue: Catalogue) -> tuple[str, str]:
    """(recommended model, cheaper model over three years), without the explanation: the quick path."""
    return _Decider(catalogue, profile).evaluate(profile)[:2]


def _need_level(need: float) -> str:
    if need >= 0.75:
        return "matters a lot to you"
    if need >= 0.45:
        return "matters quite a bit to you"
    if need >= 0.2:
        return "matters a little to you"
    return "hardly matters to you"


def _factors(models: tuple[ModelSpec, ...], need_list: tuple[Need, ...],
             fits: dict[str, tuple[DimensionFit, ...]]) -> tuple[Factor, ...]:
    factors = []
    for index, need in enumerate(need_list):
        points = {m.slug: round(fits[m.slug][index].points, 2) for m in models}
        spread = max(points.values()) - min(points.values())
        if spread < 0.05:
            continue
        because = " and ".join(need.reasons)
        because = (because[0].upper() + because[1:] + ", so ") if because else ""
        ratings = "; ".join(
            f"{m.name} rates {m.ratings.get(need.dimension, 0)} out of 5"
            + (f" ({m.headlines[need.dimension].rstrip('.')})" if m.headlines.get(need.dimension) else "")
            for m in models
        )
        text = f"{because}{_in_sentence(need.name)} {_need_level(need.need)}. {ratings}."
        factors.append(Factor(need.dimension, need.name, need.need, text, points, round(spread, 2)))
    factors.sort(key=lambda f: -f.spread)
    return tuple(factors[:TOP_FACTORS])


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


def _assumptions(profile: Profile, catalogue: Catalogue, *, devices: int, devices_estimated: bool,
                 downtime_cost: float, downtime_estimated: bool) -> tuple[Assumption, ...]:
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
            value=f"{FIT_WEIGHT * 100:.0f} % fit, {100 - FIT_WEIGHT * 100:.0f} % expected three-year cost",
            source="Our method",
            note=f"Within {CLOSE_CALL_MARGIN:.0f} points of each other, the result is called a close call.",
        ),
    ]
    for model in catalogue.models:
        for key, param in costs.effective_parameters(model, profile).items():
            if param.low == param.expected == param.high:
                value = format_parameter(key, param.expected)
            else:
                value = (f"{format_parameter(key, param.expected)} "
                         f"(range {format_parameter(key, param.low)}–{format_parameter(key, param.high)})")
            source = param.source_title + (f", {param.source_year}" if param.source_year else "")
            out.append(Assumption(
                label=param.label, value=value, source=source, source_url=param.source_url,
                vendor_claim=param.vendor_claim, note=param.note, model=model.name,
            ))
    return tuple(out)


def _summary_and_decider(ranked: list[ModelResult], close_call: bool, factors: tuple[Factor, ...]) -> tuple[str, str]:
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


def score(profile: Profile, catalogue: Catalogue, *, with_tipping_points: bool = True) -> Result:
    """Score every support model in the catalogue for this organisation and recommend one."""
    if not catalogue.models:
        raise ValueError("The catalogue has no active support model to score.")
    devices, devices_estimated, downtime_cost, downtime_estimated = _effective_inputs(profile)
    values = signals(profile, devices=devices, downtime_cost=downtime_cost)
    levels = need_values(values, catalogue)
    need_list = _explained_needs(profile, catalogue, values, levels, devices=devices, downtime_cost=downtime_cost)
    decider = _Decider(catalogue, profile)
    fit_totals = decider.fits(levels)
    totals = decider.totals(profile, devices, downtime_cost)
    overall = decider.overall(fit_totals, totals)
    cost_scores = decider.cost_scores(totals)
    points = {m.slug: _fit_points(m, catalogue, levels) for m in catalogue.models}
    order = _rank(overall, decider.slugs)
    ranked = []
    for i in order:
        model = catalogue.models[i]
        ranked.append(ModelResult(
            slug=model.slug, name=model.name, fit=round(fit_totals[i], 1), cost_score=round(cost_scores[i], 1),
            overall=round(overall[i], 1),
            cost=costs.estimate_cost(model, profile, devices=devices, downtime_cost=downtime_cost),
            dimensions=tuple(DimensionFit(d.dimension, d.rating, round(d.points, 2)) for d in points[model.slug]),
        ))
    close_call = len(order) > 1 and overall[order[0]] - overall[order[1]] < CLOSE_CALL_MARGIN
    factors = _factors(catalogue.models, need_list, points)
    summary, decider_text = _summary_and_decider(ranked, close_call, factors)
    tipping = ()
    if with_tipping_points and len(catalogue.models) > 1:
        names = {m.slug: m.name for m in catalogue.models}
        tipping = find_tipping_points(profile, decider.evaluate, names, downtime_cost=downtime_cost)
    return Result(
        recommendation=ranked[0].slug,
        recommendation_name=ranked[0].name,
        close_call=close_call,
        summary=summary,
        decider=decider_text,
        models=tuple(ranked),
        needs=need_list,
        factors=factors,
        tipping_points=tipping,
        assumptions=_assumptions(profile, catalogue, devices=devices, devices_estimated=devices_estimated,
                                 downtime_cost=downtime_cost, downtime_estimated=downtime_estimated),
        devices=devices,
        devices_estimated=devices_estimated,
        downtime_cost_per_hour=round(downtime_cost, 2),
        downtime_cost_estimated=downtime_estimated,
        downtime_cost_rule=costs.DOWNTIME_COST_RULE if downtime_estimated else "",
    )


def with_value(profile: Profile, field: str, value: float) -> Profile:
    """The same profile with one answer changed, typed as the form would type it."""
    if field in ("employees", "devices", "sites"):
        return replace(profile, **{field: int(value)})
    return replace(profile, **{field: float(value)})
