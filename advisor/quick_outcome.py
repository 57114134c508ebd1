"""Scoring's outcome with one answer varied, fast: the tipping search's inner loop. Pure, no I/O.

`scoring.outcome(profile, catalogue)` is the definition: (recommended model, cheaper model over three
years). The tipping search asks it about 150 times per assessment, each time with one answer changed
(incidents a month, downtime cost or head count), and most of its work does not depend on that answer.
`outcomes_along(profile, catalogue)` works all of that out once and returns, for each searched answer, a
function of the varied value alone.

Identical to the last bit, not approximately equal: every floating-point operation that depends on the
varied value is the one `scoring.outcome` performs, on the same operands, in the same order; what does not
depend on it is computed once by the same expressions (partial sums only up to the first varying term, as
float addition is not associative). Needs are rounded to 4 places before fit is worked out, and signals stop
moving at the ends of their scales, so fits are looked up when those repeat.

Each function also offers `holds(kind, answer, low, high)`: a proof, from bounds worked out at the two
ends, that every value in between gives the same answer, so the search can skip evaluating there; and
`figures(value)`: each model's fit and three-year total before the decision, for the tests.

tests/test_quick_outcome.py compares all of this with `scoring.outcome` on many profiles, values and
catalogues: a change to the scoring rules must be made here too, or those tests fail.
"""
from __future__ import annotations

import math
from typing import Callable

from . import costs
from .domain import Catalogue, Profile
from .scoring import FIT_WEIGHT, NEED_RULES, UNKNOWN_DIMENSION_NEED, _clamp, _effective_inputs, _log_share, signals

Outcome = Callable[[float], tuple[str, str]]

# The signals each searched answer moves (see scoring.signals). Devices and downtime cost move with head
# count only when they were left blank and so are estimated from it.
MOVED = {
    "incidents_per_month": ("incidents", "few_incidents"),
    "downtime_cost_per_hour": ("downtime",),
    "employees": ("size", "small", "it_staff", "no_it_staff", "devices", "downtime"),
}
_LOG_250 = math.log(250)
# Far more than the few units in the last place by which a logarithm may be off, far less than anything that
# decides an answer (needs are rounded to 4 places).
_SLACK = 1e-12


def outcomes_along(profile: Profile, catalogue: Catalogue) -> dict[str, Outcome]:
    """For each searched answer, `value -> scoring.outcome(profile with that answer = value, catalogue)`.

    The value is typed as the tipping search types it (a whole number of people, otherwise a float).
    Empty when the fast path does not apply (no model, repeated slugs, a figure that is not finite): the
    caller then uses scoring.outcome itself.
    """
    slugs = [m.slug for m in catalogue.models]
    numbers = [profile.incidents_per_month, profile.it_staff, profile.employees]
    numbers += [n for n in (profile.downtime_cost_per_hour, profile.hourly_rate, profile.msp_fee_per_user)
                if n is not None]
    if not slugs or len(set(slugs)) != len(slugs) or not all(math.isfinite(n) for n in numbers):
        return {}
    base = _Base(profile, catalogue, slugs)
    return {field: base.along(field) for field in MOVED}


class _Base:
    """What every searched answer shares: the profile's own inputs and signals, the catalogue's shares and
    rating factors, each model's expected cost figures, and the final decision."""

    def __init__(self, profile: Profile, catalogue: Catalogue, slugs: list[str]) -> None:
        self.profile = profile
        self.slugs = slugs
        self.devices, _, self.downtime_cost, _ = _effective_inputs(profile)
        self.signals = signals(profile, devices=self.devices, downtime_cost=self.downtime_cost)
        self.dimensions = catalogue.dimensions

        # Fit, as scoring._fit_points has it: points = (100 x share) x (1 - need x (1 - rating / 5)).
        dimensions = catalogue.dimensions
        total_weight = sum(max(0.0, d.weight) for d in dimensions)
        equal = total_weight <= 0
        self.shares = [100.0 * ((1.0 / len(dimensions)) if equal else max(0.0, d.weight) / total_weight)
                       for d in dimensions]
        self.factors = [[1.0 - m.ratings.get(d.slug, 0) / 5.0 for d in dimensions] for m in catalogue.models]

        # Costs: the expected figures as costs.monthly_parts picks them, after the person's own quotes.
        after_hours = costs.AFTER_HOURS_SHARE.get(profile.operating_hours, 0.0)
        self.figures = []
        for model in catalogue.models:
            params = costs.effective_parameters(model, profile)

            def value(key: str, params: dict = params) -> float:
                param = params.get(key)
                return 0.0 if param is None else param.expected

            hours = value("hours_per_incident")
            premium = value("after_hours_premium") or 1.0
            self.figures.append((
                1.0 - min(1.0, value("prevented_share")),  # share of incidents left
                hours,
                value("hourly_rate"),
                1.0 + after_hours * (premium - 1.0),  # after-hours uplift
                value("minimum_users"),
                value("fee_per_user_month"),
                value("fee_per_device_month"),
                value("people_stopped_per_incident"),
                value("response_delay_hours") + hours,
                value("onboarding_months"),
            ))

        # The bounds in `holds` are sound when every figure that multiplies is non-negative and finite,
        # ratings are at most 5 and the blend weight is a share.
        numbers = [n for row in self.figures for n in row]
        numbers += [profile.incidents_per_month, profile.it_staff, after_hours, costs.DOWNTIME_COST_PER_EMPLOYEE_HOUR,
                    costs.INDUSTRY_DOWNTIME_MULTIPLIER.get(profile.industry, 1.0), self.downtime_cost]
        self.sound = (
            all(math.isfinite(n) and n >= 0 for n in numbers)
            and all(0 <= r <= 5 for model in catalogue.models for r in model.ratings.values())
            and 0 <= FIT_WEIGHT <= 1
            and profile.employees >= 1
        )
        self.decide = _decider(slugs)

    def along(self, field: str) -> Outcome:
        profile, figures, months = self.profile, self.figures, costs.MONTHS
        devices0, downtime0 = self.devices, self.downtime_cost
        employees0, incidents0 = profile.employees, profile.incidents_per_month
        moved = set(MOVED[field])
        if field == "employees":
            moved -= {name for name, given in (("devices", profile.devices), ("downtime", profile.downtime_cost_per_hour))
                      if given is not None}
        fits_with, fit_bounds = self._fits(moved)
        decide, slugs, count = self.decide, self.slugs, len(self.slugs)

        # For each answer: the signals that move and each model's total at one value; and, over a range of
        # values, bounds on both (every total only grows with incidents and with downtime cost; see `holds`).
        if field == "incidents_per_month":
            per_hour = downtime0 / max(1, employees0)
            rows = []
            for left, hours, rate, uplift, minimum, per_user, per_device, stopped, delay_and_work, onboarding in figures:
                fees = max(employees0, minimum) * per_user + devices0 * per_device
                rows.append((left, hours, rate, uplift, fees, delay_and_work, min(float(employees0), stopped),
                             onboarding * fees))

            def totals_at(incidents: float) -> list[float]:
                totals = []
                for left, hours, rate, uplift, fees, delay_and_work, people_stopped, once in rows:
                    incidents_left = incidents * left
                    labour = incidents_left * hours * rate * uplift
                    downtime = incidents_left * delay_and_work * people_stopped * per_hour
                    totals.append(months * (labour + fees + downtime) + once)
                return totals

            def figures_at(value: float) -> tuple[list[float], list[float]]:
                incidents = float(value)
                share = _log_share(incidents, 30)
                return fits_with(share, {"incidents": share, "few_incidents": 1.0 - share}), totals_at(incidents)

            def bounds(low: float, high: float) -> tuple[dict, list[float], list[float]]:
                low_share, high_share = _log_share(float(low), 30), _log_share(float(high), 30)
                return ({"incidents": (low_share, high_share), "few_incidents": (1.0 - high_share, 1.0 - low_share)},
                        totals_at(float(low)), totals_at(float(high)))

        elif field == "downtime_cost_per_hour":
            # Labour and fees do not move, nor what an hour's cost per person multiplies (incidents left x
            # hours waiting and working x people stopped).
            people = max(1, employees0)
            rows = []
            for left, hours, rate, uplift, minimum, per_user, per_device, stopped, delay_and_work, onboarding in figures:
                incidents_left = incidents0 * left
                fees = max(employees0, minimum) * per_user + devices0 * per_device
                rows.append((incidents_left * hours * rate * uplift + fees,
                             incidents_left * delay_and_work * min(float(employees0), stopped), onboarding * fees))

            def totals_at(downtime_cost: float) -> list[float]:
                per_hour = downtime_cost / people
                return [months * (labour_and_fees + hours_lost * per_hour) + once
                        for labour_and_fees, hours_lost, once in rows]

            def signal(downtime_cost: float) -> float:
                return _clamp(math.log10(max(100.0, downtime_cost) / 100.0) / 4.0)

            def figures_at(value: float) -> tuple[list[float], list[float]]:
                downtime_cost = float(value)
                moving = signal(downtime_cost)
                return fits_with(moving, {"downtime": moving}), totals_at(downtime_cost)

            def bounds(low: float, high: float) -> tuple[dict, list[float], list[float]]:
                return ({"downtime": (signal(float(low)), signal(float(high)))},
                        totals_at(float(low)), totals_at(float(high)))

        else:  # employees
            devices_estimated = profile.devices is None
            downtime_estimated = profile.downtime_cost_per_hour is None
            industry, it_staff = profile.industry, profile.it_staff

            def inputs(employees: int) -> tuple[int, float]:
                devices = costs.estimate_devices(employees) if devices_estimated else devices0
                downtime_cost = costs.estimate_downtime_cost(employees, industry) if downtime_estimated else downtime0
                return devices, downtime_cost

            def signals_for(employees: int, devices: int, downtime_cost: float) -> dict[str, float]:
                size = _clamp(math.log(max(1, employees)) / _LOG_250)
                coverage = _clamp(it_staff * 50 / max(1, employees))
                return {"size": size, "small": 1.0 - size, "it_staff": coverage, "no_it_staff": 1.0 - coverage,
                        "devices": _log_share(devices, 750),
                        "downtime": _clamp(math.log10(max(100.0, downtime_cost) / 100.0) / 4.0)}

            def totals_for(employees: int, devices: int, downtime_cost: float, people: int) -> list[float]:
                """Each model's total; `people` shares out the downtime cost (the head count, but in bounds)."""
                out = []
                for row in figures:
                    left, hours, rate, uplift, minimum, per_user, per_device, stopped, delay_and_work, onboarding = row
                    incidents_left = incidents0 * left
                    labour = incidents_left * hours * rate * uplift
                    fees = max(employees, minimum) * per_user + devices * per_device
                    people_stopped = min(float(employees), stopped)
                    downtime = incidents_left * delay_and_work * people_stopped * (downtime_cost / max(1, people))
                    out.append(months * (labour + fees + downtime) + onboarding * fees)
                return out

            names = sorted(moved)

            def figures_at(value: float) -> tuple[list[float], list[float]]:
                employees = int(value)
                devices, downtime_cost = inputs(employees)
                moving = signals_for(employees, devices, downtime_cost)
                return (fits_with(tuple([moving[name] for name in names]), moving),
                        totals_for(employees, devices, downtime_cost, employees))

            def bounds(low: float, high: float) -> tuple[dict, list[float], list[float]]:
                # Fees and people stopped grow with head count, and devices and the cost of an hour down when
                # those are estimated; an hour's cost per person is bounded by the cheapest hour shared by
                # the most people and the dearest hour shared by the fewest.
                few, many = int(low), int(high)
                at_few, at_many = signals_for(few, *inputs(few)), signals_for(many, *inputs(many))
                signal_bounds = {n: (min(at_few[n], at_many[n]), max(at_few[n], at_many[n])) for n in names}
                return signal_bounds, totals_for(few, *inputs(few), many), totals_for(many, *inputs(many), few)

        def at(value: float) -> tuple[str, str]:
            return decide(*figures_at(value))

        sound = self.sound

        def holds(kind: int, answer: str, low: float, high: float) -> bool:
            """True only if every value from low to high gives `answer` for `kind` (0 recommended, 1 cheaper).

            Every step from the value to the answer moves one way only as the value grows (each is a monotone
            floating-point operation on non-negative figures), so bounds worked out at the two ends hold in
            between. False means "not proven", not "changes": the search then evaluates as before.
            """
            if not sound:
                return False
            signal_bounds, low_totals, high_totals = bounds(min(low, high), max(low, high))
            if not all(math.isfinite(t) and t > 0 for t in low_totals + high_totals):
                return False
            index = slugs.index(answer)
            if kind == 1:
                mine = (round(high_totals[index], 6), index)
                return all(mine < (round(low_totals[i], 6), i) for i in range(count) if i != index)
            low_fits, high_fits = fit_bounds(signal_bounds)
            low_cheapest, high_cheapest = min(low_totals), min(high_totals)
            worst = FIT_WEIGHT * low_fits[index] + (1 - FIT_WEIGHT) * (100.0 * max(0.0, low_cheapest)
                                                                       / high_totals[index])
            mine = (-round(worst, 9), index)
            for i in range(count):
                if i != index:
                    best = FIT_WEIGHT * high_fits[i] + (1 - FIT_WEIGHT) * (100.0 * max(0.0, high_cheapest)
                                                                           / low_totals[i])
                    if not mine < (-round(best, 9), i):
                        return False
            return True

        at.holds = holds  # type: ignore[attr-defined]
        at.figures = figures_at  # type: ignore[attr-defined]  # (fits, totals), for the tests
        return at

    def _fits(self, moved: set[str]) -> tuple[Callable, Callable]:
        """`fits_with(key, moving signals)`: each model's fit, looked up by `key` (the moving signals) and by
        the rounded needs; and `fit_bounds(signal bounds)`: lowest and highest fit of each model over them."""
        shares, factors, base_signals = self.shares, self.factors, self.signals
        fixed_need: list[float | None] = []
        plans: list[tuple[float, tuple]] = []  # (base, ((weight, signal name) or (product, None), ...))
        for dimension in self.dimensions:
            rule = NEED_RULES.get(dimension.slug)
            if rule is None:
                fixed_need.append(UNKNOWN_DIMENSION_NEED)
                continue
            base, terms = rule
            if not any(name in moved for name, _ in terms):
                fixed_need.append(round(_clamp(base + sum(weight * base_signals[name] for name, weight in terms)), 4))
                continue
            fixed_need.append(None)
            plans.append((base, tuple((weight, name) if name in moved else (weight * base_signals[name], None)
                                      for name, weight in terms)))
        rows = [list(zip(shares, row, [None if need is None else share * (1.0 - need * factor)
                                       for share, need, factor in zip(shares, fixed_need, row)]))
                for row in factors]
        by_needs: dict[tuple[float, ...], list[float]] = {}
        by_signals: dict[object, list[float]] = {}

        def fits_with(key: object, moving: dict[str, float]) -> list[float]:
            fits = by_signals.get(key)
            if fits is not None:
                return fits
            needs = []
            for base, steps in plans:
                total = 0
                for weight, name in steps:
                    total = total + (weight if name is None else weight * moving[name])
                needs.append(round(_clamp(base + total), 4))
            needs = tuple(needs)
            fits = by_needs.get(needs)
            if fits is None:
                fits = []
                for row in rows:
                    total = 0
                    k = 0
                    for share, factor, fixed in row:
                        if fixed is None:
                            total = total + share * (1.0 - needs[k] * factor)
                            k += 1
                        else:
                            total = total + fixed
                    fits.append(total)
                by_needs[needs] = fits
            by_signals[key] = fits
            return fits

        def fit_bounds(signal_bounds: dict[str, tuple[float, float]]) -> tuple[list[float], list[float]]:
            # Signals come from logarithms, which the C library need not round monotonically: widen them.
            widened = {name: (low - _SLACK, high + _SLACK) for name, (low, high) in signal_bounds.items()}
            need_bounds = []
            for base, steps in plans:
                low_sum = high_sum = 0
                for weight, name in steps:
                    if name is None:
                        low_sum, high_sum = low_sum + weight, high_sum + weight
                    else:
                        one, other = weight * widened[name][0], weight * widened[name][1]
                        low_sum, high_sum = low_sum + min(one, other), high_sum + max(one, other)
                need_bounds.append((round(_clamp(base + low_sum), 4), round(_clamp(base + high_sum), 4)))
            lows, highs = [], []
            for row in rows:
                low_fit = high_fit = 0
                k = 0
                for share, factor, fixed in row:
                    if fixed is None:
                        low_need, high_need = need_bounds[k]
                        k += 1
                        low_fit = low_fit + share * (1.0 - high_need * factor)
                        high_fit = high_fit + share * (1.0 - low_need * factor)
                    else:
                        low_fit, high_fit = low_fit + fixed, high_fit + fixed
                lows.append(low_fit)
                highs.append(high_fit)
            return lows, highs

        return fits_with, fit_bounds


def _decider(slugs: list[str]) -> Callable[[list[float], list[float]], tuple[str, str]]:
    """(recommended, cheaper) from each model's fit and total, as scoring._blend, _rank and outcome decide:
    highest overall rounded to 9 places, then lowest total rounded to 6, ties to the model listed first."""
    if len(slugs) == 2:
        first, second = slugs

        def decide_two(fits: list[float], totals: list[float]) -> tuple[str, str]:
            one, two = totals
            cheapest = min(one, two)
            score_one = 100.0 if one <= 0 else 100.0 * max(0.0, cheapest) / one
            score_two = 100.0 if two <= 0 else 100.0 * max(0.0, cheapest) / two
            best = first if (-round(FIT_WEIGHT * fits[0] + (1 - FIT_WEIGHT) * score_one, 9)
                             <= -round(FIT_WEIGHT * fits[1] + (1 - FIT_WEIGHT) * score_two, 9)) else second
            return best, first if round(one, 6) <= round(two, 6) else second

        return decide_two

    count = len(slugs)

    def decide(fits: list[float], totals: list[float]) -> tuple[str, str]:
        cheapest = min(totals)
        best = cheap = 0
        best_key = cheap_key = None
        for i in range(count):
            total = totals[i]
            score = 100.0 if total <= 0 else 100.0 * max(0.0, cheapest) / total
            key = -round(FIT_WEIGHT * fits[i] + (1 - FIT_WEIGHT) * score, 9)
            if best_key is None or key < best_key:
                best, best_key = i, key
            key = round(total, 6)
            if cheap_key is None or key < cheap_key:
                cheap, cheap_key = i, key
        return slugs[best], slugs[cheap]

    return decide
