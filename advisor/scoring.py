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
import operator
from typing import Callable

from . import costs
from .domain import (
    Assumption,
    Catalogue,
    CostParam,
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


_LOG_250 = math.log(250)
_LOG_20 = math.log(20)

# Each signal from the answers: (profile, employees, incidents a month, devices, downtime cost per hour) -> 0..1.
# The four numbers are passed apart from the profile because devices and downtime cost may be estimates,
# and because the tipping-point search moves them one at a time.
SignalFunction = Callable[[Profile, int, float, int, float], float]
PRIMARY_SIGNALS: dict[str, SignalFunction] = {
    "size": lambda p, employees, incidents, devices, cost: _clamp(math.log(max(1, employees)) / _LOG_250),
    "devices": lambda p, employees, incidents, devices, cost: _log_share(devices, 750),
    "sites": lambda p, employees, incidents, devices, cost: _clamp(math.log(max(1, p.sites)) / _LOG_20),
    "incidents": lambda p, employees, incidents, devices, cost: _log_share(incidents, 30),
    "downtime": lambda p, employees, incidents, devices, cost: _clamp(math.log10(max(100.0, cost) / 100.0) / 4.0),
    "hours": lambda p, *_: LEVELS["operating_hours"].get(p.operating_hours, 0.0),
    "compliance": lambda p, *_: LEVELS["compliance"].get(p.compliance, 0.0),
    "backup_gap": lambda p, *_: LEVELS["backup"].get(p.backup, 0.5),
    "dependence": lambda p, *_: LEVELS["it_dependence"].get(p.it_dependence, 1 / 3),
    "growth": lambda p, *_: LEVELS["growth"].get(p.growth, 0.25),
    "predictable": lambda p, *_: LEVELS["budget_preference"].get(p.budget_preference, 0.5),
    "it_staff": lambda p, employees, incidents, devices, cost: _clamp(p.it_staff * 50 / max(1, employees)),
}
# Signals that are one minus another.
COMPLEMENTS = {"small": "size", "few_incidents": "incidents", "pay_as_you_go": "predictable", "no_it_staff": "it_staff"}


# The signals each searched answer moves, and which way as the answer grows (1 up, -1 down): more people
# mean a bigger organisation, more devices and a dearer hour of downtime when those are estimated from size,
# and less in-house IT cover per person.
MOVING_SIGNALS = {
    "incidents_per_month": {"incidents": 1},
    "downtime_cost_per_hour": {"downtime": 1},
    "employees": {"size": 1, "it_staff": -1, "devices": 1, "downtime": 1},
}


def _primary_signals(profile: Profile, devices: int, downtime_cost: float) -> dict[str, float]:
    employees, incidents = profile.employees, profile.incidents_per_month
    return {name: signal(profile, employees, incidents, devices, downtime_cost)
            for name, signal in PRIMARY_SIGNALS.items()}


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
    return _with_complements(_primary_signals(profile, devices, downtime_cost))


def _with_complements(primary: dict[str, float]) -> dict[str, float]:
    values = dict(primary)
    for name, of in COMPLEMENTS.items():
        values[name] = 1.0 - values[of]
    return values


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


def _folded(rule: tuple[float, tuple[tuple[str, float], ...]]) -> tuple[float, tuple[tuple[str, float], ...]]:
    """A need rule with complements written out (0.4 x (1 - s) = 0.4 - 0.4 x s), over primary signals only."""
    base, terms = rule
    weights: dict[str, float] = {}
    for name, weight in terms:
        if name in COMPLEMENTS:
            base, name, weight = base + weight, COMPLEMENTS[name], -weight
        weights[name] = weights.get(name, 0.0) + weight
    return base, tuple(weights.items())


FOLDED_RULES = {slug: _folded(rule) for slug, rule in NEED_RULES.items()}


def _need(rule: tuple[float, tuple[tuple[str, float], ...]] | None, values: dict[str, float]) -> float:
    if rule is None:
        return UNKNOWN_DIMENSION_NEED
    need, terms = rule
    for name, weight in terms:
        need += weight * values[name]
    return 0.0 if need < 0.0 else 1.0 if need > 1.0 else need


def need_values(values: dict[str, float], catalogue: Catalogue) -> list[float]:
    """Each dimension's need, 0 to 1, from the signals, in the catalogue's dimension order."""
    return [_need(FOLDED_RULES.get(d.slug), values) for d in catalogue.dimensions]


def needs(profile: Profile, catalogue: Catalogue, *, devices: int, downtime_cost: float) -> tuple[Need, ...]:
    """How much each dimension matters to this organisation, with the two answers that weigh most."""
    values = signals(profile, devices=devices, downtime_cost=downtime_cost)
    return _explained_needs(profile, catalogue, values, need_values(values, catalogue),
                            devices=devices, downtime_cost=downtime_cost)


def _explained_needs(profile: Profile, catalogue: Catalogue, values: dict[str, float], levels: list[float], *,
                     devices: int, downtime_cost: float) -> tuple[Need, ...]:
    result = []
    phrases: dict[str, str] = {}  # several needs share an answer: word it once
    for dimension, level in zip(catalogue.dimensions, levels):
        rule = NEED_RULES.get(dimension.slug)
        reasons: tuple[str, ...] = ()
        if rule is not None:
            weighty = sorted(((abs(weight * values[name]), name) for name, weight in rule[1]), reverse=True)[:2]
            for size, name in weighty:
                if size >= 0.05 and name not in phrases:
                    phrases[name] = signal_phrase(name, profile, devices=devices, downtime_cost=downtime_cost)
            reasons = tuple(phrases[name] for size, name in weighty if size >= 0.05)
        result.append(Need(dimension.slug, dimension.name, dimension.weight, round(level, 4), reasons))
    return tuple(result)


def _shares(catalogue: Catalogue) -> list[float]:
    """Each dimension's share of the total weight (equal shares when every weight is zero)."""
    total = sum(max(0.0, d.weight) for d in catalogue.dimensions)
    if total <= 0:
        return [1.0 / len(catalogue.dimensions)] * len(catalogue.dimensions)
    return [max(0.0, d.weight) / total for d in catalogue.dimensions]


class Prepared:
    """What scoring needs from a catalogue that is the same for every organisation, worked out once.

    The catalogue is kept per process until staff change it (see catalogue.py), so this is built once per
    edit, not once per assessment.
    """

    def __init__(self, catalogue: Catalogue) -> None:
        self.catalogue = catalogue
        self.slugs = [m.slug for m in catalogue.models]
        self.rules = [FOLDED_RULES.get(d.slug) for d in catalogue.dimensions]
        self.shares = _shares(catalogue)
        # A model's fit is 100 x (1 - sum over dimensions of need x loss), loss = share x (1 - rating / 5).
        self.losses = [
            [share * (1.0 - m.ratings.get(d.slug, 0) / 5.0) for share, d in zip(self.shares, catalogue.dimensions)]
            for m in catalogue.models
        ]
        # Each model's cost parameters in each scenario, before any figure of the person's own.
        self.scenario_values = [{scenario: costs.scenario_values(m.costs, scenario) for scenario in costs.SCENARIOS}
                                for m in catalogue.models]
        # The words that depend on the catalogue only.
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
        self.plans: dict[tuple[str, ...], Plan] = {}
        # Pairs of models (earlier, later) that cost the same whatever the answers, or that cannot be told
        # apart at all: a tie goes to the earlier one, so the later one can never overtake it.
        count = len(catalogue.models)
        pairs = [(i, j) for i in range(count) for j in range(i + 1, count)]
        self.cost_twins = {(i, j) for i, j in pairs if self.scenario_values[i] == self.scenario_values[j]}
        self.twins = {(i, j) for i, j in self.cost_twins if self.losses[i] == self.losses[j]}


    def plan(self, moving: tuple[str, ...]) -> Plan:
        """How the needs move with these signals (worked out once per catalogue for each set of them)."""
        found = self.plans.get(moving)
        if found is None:
            found = self.plans[moving] = Plan(self, moving)
        return found


class Plan:
    """Which needs move when some signals do, and how: the part of a Line that is the same for everyone."""

    def __init__(self, prep: Prepared, moving: tuple[str, ...]) -> None:
        position = {name: i for i, name in enumerate(moving)}
        # Each moving need: (base, its unmoving (signal, weight) terms, its moving (position, weight) terms).
        self.needs: list[tuple[float, tuple[tuple[str, float], ...], tuple[tuple[int, float], ...]]] = []
        moved = []
        directions = {name: way for answer in MOVING_SIGNALS.values() for name, way in answer.items()}
        for index, rule in enumerate(prep.rules):
            if rule is None or not any(name in position for name, _ in rule[1]):
                continue
            if not moves_one_way(rule, {name: directions[name] for name in moving}):
                raise ValueError(f"The need rule for {prep.catalogue.dimensions[index].slug!r} moves both ways as "
                                 f"{', '.join(moving)} move: the tipping search's bounds need it to move one way.")
            base, terms = rule
            self.needs.append((base, tuple((name, weight) for name, weight in terms if name not in position),
                               tuple((position[name], weight) for name, weight in terms if name in position)))
            moved.append(index)
        self.kept = [i for i in range(len(prep.rules)) if i not in moved]
        self.kept_losses = [[losses[i] for i in self.kept] for losses in prep.losses]
        self.moving_losses = [[losses[i] for i in moved] for losses in prep.losses]
        # How much more of each moving need a model loses than another: gaps[winner][rival].
        self.gaps = [[[theirs - mine for mine, theirs in zip(winner, rival)] for rival in self.moving_losses]
                     for winner in self.moving_losses]


def moves_one_way(rule: tuple[float, tuple[tuple[str, float], ...]], directions: dict[str, int]) -> bool:
    """Whether a need only rises, or only falls, as an answer moving these signals grows (clamping keeps that).

    The tipping search relies on it for every need rule: the needs at the two ends of a stretch then bound
    the needs anywhere between them.
    """
    ways = {(weight > 0) == (directions[name] > 0) for name, weight in rule[1] if name in directions and weight}
    return len(ways) <= 1


def prepared(catalogue: Catalogue) -> Prepared:
    """The catalogue's prepared form, made on first use and kept on the catalogue itself."""
    found = catalogue.derived.get("scoring")
    if found is None:
        found = catalogue.derived["scoring"] = Prepared(catalogue)
    return found


def _fit_points(prep: Prepared, index: int, levels: list[float]) -> list[float]:
    """Each dimension's points of a model's fit: its weight share, less need x (1 - rating / 5) of it."""
    return [100.0 * (share - level * loss) for share, level, loss in zip(prep.shares, levels, prep.losses[index])]


def _cost_scores(totals: list[float]) -> list[float]:
    """100 for the cheapest model over three years, cheapest / own cost x 100 for the others."""
    cheapest = max(0.0, min(totals))
    return [100.0 if t <= 0 else 100.0 * cheapest / t for t in totals]


def _decide(fits: list[float], totals: list[float]) -> tuple[int, int, list[float]]:
    """(recommended model, cheaper model, every model's overall score): the one rule for both, used by the
    result and by every re-score of the tipping search alike. Scores within a billionth of a point, and
    costs within a millionth of a dollar, count as equal, and the model listed first in the catalogue wins."""
    cheapest = min(totals)
    if cheapest > 0:
        overall = [FIT_WEIGHT * fit + _COST_POINTS * cheapest / total for fit, total in zip(fits, totals)]
    else:
        overall = [FIT_WEIGHT * fit + (1 - FIT_WEIGHT) * cost for fit, cost in zip(fits, _cost_scores(totals))]
    top = max(overall) - 1e-9
    best = 0
    while overall[best] < top:
        best += 1
    cheap = cheapest + 1e-6
    cheaper = 0
    while totals[cheaper] > cheap:
        cheaper += 1
    return best, cheaper, overall


_COST_POINTS = (1 - FIT_WEIGHT) * 100.0


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


class Situation:
    """One organisation against one catalogue: its signals, needs, fits and costs, and the decision."""

    def __init__(self, catalogue: Catalogue, profile: Profile) -> None:
        self.prepared = prep = prepared(catalogue)
        self.profile = profile
        self.devices, self.devices_estimated, self.downtime_cost, self.downtime_estimated = _effective_inputs(profile)
        self.after_hours_share = costs.AFTER_HOURS_SHARE.get(profile.operating_hours, 0.0)
        self.values = _primary_signals(profile, self.devices, self.downtime_cost)
        self.levels = [_need(rule, self.values) for rule in prep.rules]
        # Each model's parameter values in each scenario, with the person's own figures put in.
        self.own_figures = [costs.own_figures(m, profile) for m in catalogue.models]
        self.values_by_scenario = [
            {scenario: {**values, **own} for scenario, values in by_scenario.items()} if own else by_scenario
            for own, by_scenario in zip(self.own_figures, prep.scenario_values)
        ]
        self.parameter_values = [values["expected"] for values in self.values_by_scenario]
        self.fits = [100.0 * (1.0 - sum(map(operator.mul, self.levels, losses))) for losses in prep.losses]
        self.totals = [
            costs.total(costs.month_parts(values, profile.employees, profile.incidents_per_month, self.devices,
                                          self.downtime_cost, self.after_hours_share))
            for values in self.parameter_values
        ]
        self.best, self.cheaper, self.overall = _decide(self.fits, self.totals)

    def line(self, field: str) -> Line:
        return Line(self, field)


def outcome(profile: Profile, catalogue: Catalogue) -> tuple[str, str]:
    """(recommended model, cheaper model over three years), without the explanation: the quick path."""
    situation = Situation(catalogue, profile)
    slugs = situation.prepared.slugs
    return slugs[situation.best], slugs[situation.cheaper]


# A point on a line: (recommended index, cheaper index, overall scores, three-year totals, the needs that move,
# every model's (labour, fees, downtime, onboarding) a month, or None where costs are straight lines).
Point = tuple[int, int, list[float], list[float], list[float], list[tuple[float, float, float, float]]]


class Line:
    """The decision as one answer moves while every other answer stays put: what the tipping search walks.

    Built once per answer, it keeps the needs that answer does not touch; `at(value)` works out only the
    signals, needs and costs that move. Every signal moves one way only as an answer grows (size, devices,
    incidents and downtime up; in-house IT cover down), and so does each part of a model's monthly cost, so
    the values at the two ends of a stretch bound everything in between: `unchanged` uses that to rule out
    a change over a whole stretch without looking inside it. Along incidents and along downtime cost, every
    model's cost is a straight line (labour and downtime grow in proportion; fees stay put), kept as its
    value at zero and its slope.
    """

    def __init__(self, situation: Situation, field: str) -> None:
        prep = situation.prepared
        self.profile = situation.profile
        self.situation = situation
        self.field = field
        self.inputs = {
            "incidents_per_month": self._at_incidents,
            "downtime_cost_per_hour": self._at_downtime_cost,
            "employees": self._at_employees,
        }[field]
        moving = tuple(
            name for name in MOVING_SIGNALS[field]
            if (name != "devices" or situation.devices_estimated) and (name != "downtime" or field != "employees"
                                                                       or situation.downtime_estimated)
        )
        self.signals = tuple(PRIMARY_SIGNALS[name] for name in moving)
        plan = prep.plan(moving)
        values, levels = situation.values, situation.levels
        # Each moving need: (what its unmoving signals add up to, ((moving signal's position, weight), ...)).
        self.needs = [(base + sum(weight * values[name] for name, weight in still), terms)
                      for base, still, terms in plan.needs]
        self.kept_loss = [sum(levels[i] * loss for i, loss in zip(plan.kept, losses)) for losses in plan.kept_losses]
        self.moving_losses = plan.moving_losses
        self.gaps = plan.gaps
        self.straight = field != "employees"
        self.cost_lines: list[tuple[float, float]] = []
        if self.straight:
            for values in situation.parameter_values:
                # At zero, labour and downtime are nil (no incidents) or downtime is (no cost to an hour down).
                zero, one = (self._parts(values, *self.inputs(v)) for v in (0.0, 1.0))
                slope = costs.total((one[0] - zero[0], 0.0, one[2] - zero[2], 0.0))
                self.cost_lines.append((costs.total(zero), slope))

    def _at_incidents(self, value: float) -> tuple[int, float, int, float]:
        return self.profile.employees, value, self.situation.devices, self.situation.downtime_cost

    def _at_downtime_cost(self, value: float) -> tuple[int, float, int, float]:
        return self.profile.employees, self.profile.incidents_per_month, self.situation.devices, value

    def _at_employees(self, value: float) -> tuple[int, float, int, float]:
        s = self.situation
        employees = int(value)
        devices = costs.estimate_devices(employees) if s.devices_estimated else s.devices
        cost = (costs.estimate_downtime_cost(employees, self.profile.industry) if s.downtime_estimated
                else s.downtime_cost)
        return employees, self.profile.incidents_per_month, devices, cost

    def _parts(self, values: dict[str, float], employees: int, incidents: float, devices: int,
               cost: float) -> tuple[float, float, float, float]:
        return costs.month_parts(values, employees, incidents, devices, cost, self.situation.after_hours_share)

    def at(self, value: float) -> Point:
        employees, incidents, devices, cost = inputs = self.inputs(value)
        profile = self.profile
        moving = [signal(profile, employees, incidents, devices, cost) for signal in self.signals]
        levels: list[float] = []
        for need, terms in self.needs:
            for position, weight in terms:
                need += weight * moving[position]
            levels.append(0.0 if need < 0.0 else 1.0 if need > 1.0 else need)
        fits = [100.0 * (1.0 - kept - sum(map(operator.mul, levels, losses)))
                for kept, losses in zip(self.kept_loss, self.moving_losses)]
        if self.straight:
            parts = None
            totals = [start + slope * value for start, slope in self.cost_lines]
        else:
            parts = [self._parts(values, *inputs) for values in self.situation.parameter_values]
            totals = [costs.total(p) for p in parts]
        best, cheaper, overall = _decide(fits, totals)
        return best, cheaper, overall, totals, levels, parts

    def _cost_bounds(self, a: Point, b: Point) -> tuple[list[float], list[float]]:
        """Every model's lowest and highest possible three-year cost between two points."""
        if self.straight:
            return list(map(min, a[3], b[3])), list(map(max, a[3], b[3]))
        return ([costs.total(tuple(map(min, pa, pb))) for pa, pb in zip(a[5], b[5])],
                [costs.total(tuple(map(max, pa, pb))) for pa, pb in zip(a[5], b[5])])

    def unchanged(self, a: Point, b: Point, kind: int) -> bool:
        """True when no value between two points can change the outcome of `kind` (0: the recommended model,
        1: the cheaper one); False when one may. Bounds, not samples, with a little slack for rounding.

        For each rival of the winner, the gap between them is bounded from below: each need between its
        values at the two ends, each cost part likewise. On a straight-cost line the gap between two costs,
        and their ratio, change one way only, so the two ends give them exactly.
        """
        winner = a[kind]
        prep = self.situation.prepared
        ties = prep.twins if kind == 0 else prep.cost_twins
        others = [i for i in range(len(a[3])) if i != winner and (winner, i) not in ties]
        if kind == 1 and self.straight:
            return all(a[3][i] - a[3][winner] > 1e-5 and b[3][i] - b[3][winner] > 1e-5 for i in others)
        lows, highs = self._cost_bounds(a, b)
        if kind == 1:
            return all(highs[winner] + 1e-5 < lows[i] for i in others)
        pair = len(a[3]) == 2
        if not pair and min(lows) <= 0:
            return False
        # Every need moves one way only along the answer (moves_one_way), so its ends bound it.
        low_needs = list(map(min, a[4], b[4]))
        high_needs = list(map(max, a[4], b[4]))
        for rival in others:
            fit_gap = self.kept_loss[rival] - self.kept_loss[winner]
            for gap, low, high in zip(self.gaps[winner][rival], low_needs, high_needs):
                fit_gap += gap * (low if gap >= 0 else high)
            if (min(winner, rival), max(winner, rival)) in prep.cost_twins:
                cost_gap = 0.0
            elif pair:
                cost_gap = self._pair_cost_gap(a, b, winner, rival, highs, lows)
            else:
                inverse_gap = 1.0 / highs[winner] - 1.0 / lows[rival]
                cost_gap = 100.0 * (min(lows) if inverse_gap >= 0 else min(highs)) * inverse_gap
            if FIT_WEIGHT * 100.0 * fit_gap + (1 - FIT_WEIGHT) * cost_gap <= 1e-6:
                return False
        return True

    def _pair_cost_gap(self, a: Point, b: Point, winner: int, rival: int, highs: list[float],
                       lows: list[float]) -> float:
        """The least the winner's cost score can lead the rival's by, when they are the only two models.

        The cheaper of two scores 100 and the other 100 / ratio of their costs (0 when only the other costs
        nothing), so the lead falls as the ratio of the winner's cost to the rival's rises.
        """
        if self.straight:
            pairs = ((a[3][winner], a[3][rival]), (b[3][winner], b[3][rival]))
        else:
            pairs = ((highs[winner], lows[rival]),)
        worst = 0.0
        for mine, theirs in pairs:
            if theirs <= 0:
                if mine > 0:
                    return -100.0
                continue  # both cost nothing here: both score 100
            worst = max(worst, mine / theirs)
        return 100.0 * (1.0 - worst if worst <= 1.0 else 1.0 / worst - 1.0)


def _need_level(need: float) -> str:
    if need >= 0.75:
        return "matters a lot to you"
    if need >= 0.45:
        return "matters quite a bit to you"
    if need >= 0.2:
        return "matters a little to you"
    return "hardly matters to you"


def _factors(prep: Prepared, need_list: tuple[Need, ...], points: list[list[float]]) -> tuple[Factor, ...]:
    factors = []
    slugs = prep.slugs
    for index, need in enumerate(need_list):
        mine = [round(p[index], 2) for p in points]
        spread = max(mine) - min(mine)
        if spread < 0.05:
            continue
        because = " and ".join(need.reasons)
        because = (because[0].upper() + because[1:] + ", so ") if because else ""
        text = (f"{because}{prep.names_in_sentence[index]} {_need_level(need.need)}. "
                f"{prep.ratings_sentences[index]}.")
        factors.append(Factor(need.dimension, need.name, need.need, text, dict(zip(slugs, mine)), round(spread, 2)))
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
    prep = prepared(catalogue)
    for model, by_key in zip(catalogue.models, prep.parameter_assumptions):
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
    situation = Situation(catalogue, profile)
    devices, downtime_cost = situation.devices, situation.downtime_cost
    devices_estimated, downtime_estimated = situation.devices_estimated, situation.downtime_estimated
    levels, fit_totals, overall = situation.levels, situation.fits, situation.overall
    values = _with_complements(situation.values)
    need_list = _explained_needs(profile, catalogue, values, levels, devices=devices, downtime_cost=downtime_cost)
    cost_scores = _cost_scores(situation.totals)
    prep = situation.prepared
    points = [_fit_points(prep, i, levels) for i in range(len(catalogue.models))]
    best = situation.best
    order = [best] + sorted((i for i in range(len(overall)) if i != best), key=lambda i: (-overall[i], i))
    ranked = []
    for i in order:
        model = catalogue.models[i]
        ranked.append(ModelResult(
            slug=model.slug, name=model.name, fit=round(fit_totals[i], 1), cost_score=round(cost_scores[i], 1),
            overall=round(overall[i], 1),
            cost=costs.estimate_cost(model, profile, devices=devices, downtime_cost=downtime_cost,
                                     values_by_scenario=situation.values_by_scenario[i]),
            dimensions=tuple(DimensionFit(d.slug, model.ratings.get(d.slug, 0), round(p, 2))
                             for d, p in zip(catalogue.dimensions, points[i])),
        ))
    close_call = len(order) > 1 and overall[order[0]] - overall[order[1]] < CLOSE_CALL_MARGIN
    factors = _factors(prep, need_list, points)
    summary, decider_text = _summary_and_decider(ranked, close_call, factors)
    tipping = ()
    if with_tipping_points and len(catalogue.models) > 1:
        tipping = find_tipping_points(situation.line, [(m.slug, m.name) for m in catalogue.models],
                                      profile=profile, downtime_cost=downtime_cost)
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
