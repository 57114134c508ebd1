"""Scoring: from an organisation's profile and the catalogue to an explained recommendation. Pure, no I/O.

The road, in order:
1. Needs (`needs.py`): each answer becomes a signal from 0 to 1, and signals blend into how much each
   dimension matters to this organisation, 0 to 1.
2. Fit of each model, 0 to 100: every dimension carries its share of the total weight; a model keeps that
   share in full where its rating is 5 and loses `need x (1 - rating / 5)` of it otherwise. So fit is the
   weighted share of the organisation's needs the model meets, and a need the organisation does not have
   costs no model anything.
3. Cost of each model over three years (`costs.py`), turned into a cost score: 100 for the cheapest,
   and cheapest / own cost x 100 for the others.
4. Overall = 60 % fit + 40 % cost score (fit counts for more because cost figures are uncertain).
   The highest overall is recommended; when the top two are within 5 points, the result says plainly
   that it is a close call and what would decide it.
5. Tipping points (`tipping.py`), walked along a `Line` per answer, and the result in words (`explain.py`).

What is the same for every organisation (weight shares, losses, parameter values) is worked out once per
catalogue (`Prepared`); what is the same for one organisation once per assessment (`Situation`).
"""
from __future__ import annotations

import operator

from . import costs, explain
from .domain import Catalogue, DimensionFit, ModelResult, Profile, Result
from .needs import ANSWER_SIGNALS, FOLDED_RULES, MOVING_SIGNALS, PRIMARY_SIGNALS, moves_one_way, need_of, \
    primary_signals, with_complements
from .tipping import find_tipping_points

# Fit counts for more than cost: the answers behind fit are the person's own, while the cost figures are
# published estimates whose low and high ends lie several times apart.
FIT_WEIGHT = 0.6
CLOSE_CALL_MARGIN = 5.0
TOP_FACTORS = 5


def _shares(catalogue: Catalogue) -> list[float]:
    """Each dimension's share of the total weight (equal shares when every weight is zero)."""
    total = sum(max(0.0, d.weight) for d in catalogue.dimensions)
    if total <= 0:
        return [1.0 / len(catalogue.dimensions)] * len(catalogue.dimensions)
    return [max(0.0, d.weight) / total for d in catalogue.dimensions]


class Prepared:
    """What scoring needs from a catalogue that is the same for every organisation, worked out once per
    catalogue (see Catalogue.derived_value)."""

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


def prepared(catalogue: Catalogue) -> Prepared:
    """The catalogue's prepared form, made on first use and kept on the catalogue itself."""
    return catalogue.derived_value("scoring", Prepared)


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
        self.values = primary_signals(profile, self.devices, self.downtime_cost)
        self.levels = [need_of(rule, self.values) for rule in prep.rules]
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
    a change over a whole stretch without looking inside it. Along incidents and along downtime cost, one
    signal moves and every model's cost is a straight line (labour and downtime grow in proportion; fees
    stay put), kept as its value at zero and its slope.
    """

    def __init__(self, situation: Situation, field: str) -> None:
        prep = situation.prepared
        profile = self.profile = situation.profile
        self.situation = situation
        self.field = field
        # As employees change, devices and downtime cost move only where they are estimated from size.
        estimated = {"devices": situation.devices_estimated, "downtime": situation.downtime_estimated}
        moving = tuple(name for name in MOVING_SIGNALS[field] if field != "employees" or estimated.get(name, True))
        plan = prep.plan(moving)
        values, levels = situation.values, situation.levels
        # Each moving need: (what its unmoving signals add up to, ((moving signal's position, weight), ...)).
        self.needs = [(base + sum(weight * values[name] for name, weight in still), terms)
                      for base, still, terms in plan.needs]
        self.kept_loss = [sum(levels[i] * loss for i, loss in zip(plan.kept, losses)) for losses in plan.kept_losses]
        self.moving_losses = plan.moving_losses
        self.gaps = plan.gaps
        self.straight = field != "employees"
        employees, incidents = profile.employees, profile.incidents_per_month
        share = situation.after_hours_share
        if self.straight:
            self.signal = ANSWER_SIGNALS[field]
            self.slopes = [(need, terms[0][1]) for need, terms in self.needs]  # one moving signal
            self.cost_lines: list[tuple[float, float]] = []
            for values in situation.parameter_values:
                if field == "incidents_per_month":
                    # No incidents, no labour and no downtime: only fees and onboarding are left.
                    labour, fees, downtime, onboarding = costs.month_parts(
                        values, employees, 1.0, situation.devices, situation.downtime_cost, share)
                    self.cost_lines.append((costs.total((0.0, fees, 0.0, onboarding)),
                                            costs.total((labour, 0.0, downtime, 0.0))))
                else:
                    # Downtime grows in proportion to what an hour of it costs; the rest stays put.
                    labour, fees, downtime, onboarding = costs.month_parts(
                        values, employees, incidents, situation.devices, 1.0, share)
                    self.cost_lines.append((costs.total((labour, fees, 0.0, onboarding)),
                                            costs.total((0.0, 0.0, downtime, 0.0))))
            self.at = self._at_straight  # Line.at(value) -> Point, as the tipping search calls it
        else:
            self.signals = tuple(PRIMARY_SIGNALS[name] for name in moving)
            self.parts = [costs.parts_by_employees(values, incidents, share) for values in situation.parameter_values]
            self.at = self._at_employees

    def _at_straight(self, value: float) -> Point:
        s = self.signal(value)
        levels: list[float] = []
        for need, weight in self.slopes:
            need += weight * s
            levels.append(0.0 if need < 0.0 else 1.0 if need > 1.0 else need)
        fits = [100.0 * (1.0 - kept - sum(map(operator.mul, levels, losses)))
                for kept, losses in zip(self.kept_loss, self.moving_losses)]
        totals = [start + slope * value for start, slope in self.cost_lines]
        best, cheaper, overall = _decide(fits, totals)
        return best, cheaper, overall, totals, levels, None

    def _at_employees(self, value: float) -> Point:
        s = self.situation
        profile = self.profile
        employees = int(value)
        devices = costs.estimate_devices(employees) if s.devices_estimated else s.devices
        cost = (costs.estimate_downtime_cost(employees, profile.industry) if s.downtime_estimated
                else s.downtime_cost)
        incidents = profile.incidents_per_month
        moving = [signal(profile, employees, incidents, devices, cost) for signal in self.signals]
        levels: list[float] = []
        for need, terms in self.needs:
            for position, weight in terms:
                need += weight * moving[position]
            levels.append(0.0 if need < 0.0 else 1.0 if need > 1.0 else need)
        fits = [100.0 * (1.0 - kept - sum(map(operator.mul, levels, losses)))
                for kept, losses in zip(self.kept_loss, self.moving_losses)]
        parts = [model_parts(employees, devices, cost) for model_parts in self.parts]
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


def score(profile: Profile, catalogue: Catalogue, *, with_tipping_points: bool = True) -> Result:
    """Score every support model in the catalogue for this organisation and recommend one."""
    if not catalogue.models:
        raise ValueError("The catalogue has no active support model to score.")
    situation = Situation(catalogue, profile)
    devices, downtime_cost = situation.devices, situation.downtime_cost
    devices_estimated, downtime_estimated = situation.devices_estimated, situation.downtime_estimated
    levels, fit_totals, overall = situation.levels, situation.fits, situation.overall
    values = with_complements(situation.values)
    need_list = explain.explained_needs(profile, catalogue, values, levels, devices=devices,
                                        downtime_cost=downtime_cost)
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
    factors = explain.factors(catalogue, need_list, points, top=TOP_FACTORS)
    summary, decider_text = explain.summary_and_decider(ranked, close_call, factors)
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
        assumptions=explain.assumptions(profile, catalogue, devices=devices, devices_estimated=devices_estimated,
                                        downtime_cost=downtime_cost, downtime_estimated=downtime_estimated,
                                        fit_weight=FIT_WEIGHT, close_call_margin=CLOSE_CALL_MARGIN),
        devices=devices,
        devices_estimated=devices_estimated,
        downtime_cost_per_hour=round(downtime_cost, 2),
        downtime_cost_estimated=downtime_estimated,
        downtime_cost_rule=costs.DOWNTIME_COST_RULE if downtime_estimated else "",
    )
