"""Tipping points: how far one answer would have to move before the advice changes. Pure, no I/O.

For each answer searched, and for each kind of answer (the recommended model, the cheaper model over
three years), the search walks away from the person's value in both directions over a geometric grid up to
the edge of the allowed range, and where the outcome differs at a grid point it bisects down to the
smallest step the form accepts (a hundredth of an incident, a dollar, a person). The value reported is the
first one, moving away from the person's own, at which the other model takes over: re-scoring one step
short of it gives the person's current answer back. Other answers are held as they are; a blank answer
that is estimated from size (devices, downtime cost) is re-estimated as employees change.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

from .domain import Profile, TippingPoint

# (recommended slug, cheaper slug, overall score by slug, minus three-year cost by slug): for each kind of
# answer, the winner and every model's strength, higher being better.
Evaluation = tuple[str, str, dict[str, float], dict[str, float]]
Outcome = Callable[[Profile], Evaluation]
GRID_POINTS = 12


@dataclass(frozen=True)
class SearchedField:
    name: str
    label: str
    low: float
    high: float
    step: float  # the smallest change the form accepts
    unit: str  # how to print a value

    def to_units(self, value: float) -> int:
        return round(value / self.step)

    def from_units(self, units: int) -> float:
        return round(units * self.step, 2)


SEARCHED_FIELDS = (
    SearchedField("incidents_per_month", "IT problems a month", 0, 10_000, 0.01, "incidents"),
    SearchedField("downtime_cost_per_hour", "downtime cost per hour", 0, 1_000_000_000, 1, "money"),
    SearchedField("employees", "people using IT", 1, 100_000, 1, "people"),
)

KINDS = {0: "recommendation", 1: "cheaper"}


def _profile_at(profile: Profile, field: SearchedField, value: float) -> Profile:
    """The profile with one answer changed. (A shallow copy: dataclasses.replace costs ten times as much,
    and this runs a hundred times per assessment.)"""
    changed = object.__new__(Profile)
    changed.__dict__.update(profile.__dict__)
    changed.__dict__[field.name] = int(value) if field.name == "employees" else float(value)
    return changed


def _describe(field: SearchedField, value: float) -> str:
    if field.unit == "money":
        return f"${value:,.0f} an hour"
    if field.unit == "people":
        return f"{value:,.0f} " + ("person" if value == 1 else "people")
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} IT problem{'s' if value != 1 else ''} a month"


def _walk(field: SearchedField, start: int, end: int) -> list[int]:
    """Grid points from start (exclusive) to end (inclusive), dense near start and sparse far away."""
    span = abs(end - start)
    if span == 0:
        return []
    sign = 1 if end > start else -1
    offsets = sorted({max(1, round(math.exp(math.log(span) * i / GRID_POINTS))) for i in range(GRID_POINTS + 1)})
    return [start + sign * o for o in offsets if o <= span]


def _narrow(evaluate: Callable[[int], Evaluation], kind: int, same: int, other: int) -> int:
    """The unit next to `same`, on the way to `other`, where the outcome of `kind` first differs.

    A bisection over whole units, sped up by interpolating the margin between the current winner and its
    rival (regula falsi); when an interpolated step fails to halve the bracket, the next step bisects, so
    it never takes more than about twice as many steps as plain bisection.
    """
    current, rival = evaluate(same)[kind], evaluate(other)[kind]

    def margin(units: int) -> float:
        strength = evaluate(units)[2 + kind]
        return strength[current] - strength[rival]

    m_same, m_other = margin(same), margin(other)
    bisect_next = False
    while abs(other - same) > 1:
        span = other - same
        step = 1 if span > 0 else -1
        guess = same + span // 2 if span > 0 else same - (-span) // 2
        if not bisect_next and m_same > 0 > m_other:
            guess = same + round(span * m_same / (m_same - m_other))
            guess = min(max(guess, same + step), other - step) if span > 0 else max(min(guess, same + step), other - step)
        before = abs(span)
        if evaluate(guess)[kind] == current:
            same, m_same = guess, margin(guess)
            if abs(other - same) > 1 and evaluate(same + step)[kind] != current:  # the crossing is right here
                return same + step
        else:
            other, m_other = guess, margin(guess)
        bisect_next = abs(other - same) * 2 > before
    return other


def _first_change(field: SearchedField, evaluate: Callable[[int], Evaluation], start: int, end: int,
                  kind: int) -> int | None:
    """The first unit, going from start toward end, whose outcome of `kind` differs from start's."""
    current = evaluate(start)[kind]
    previous = start
    for point in _walk(field, start, end):
        if evaluate(point)[kind] != current:
            return _narrow(evaluate, kind, previous, point)
        previous = point
    return None


def find_tipping_points(profile: Profile, outcome: Outcome, names: dict[str, str], *,
                        downtime_cost: float) -> tuple[TippingPoint, ...]:
    """Where the recommendation, and the cheaper model, would change for each searched answer."""
    points: list[TippingPoint] = []
    for field in SEARCHED_FIELDS:
        current = downtime_cost if field.name == "downtime_cost_per_hour" else float(getattr(profile, field.name))
        cache: dict[int, Evaluation] = {}

        def evaluate(units: int, field: SearchedField = field, cache: dict = cache) -> Evaluation:
            if units not in cache:
                cache[units] = outcome(_profile_at(profile, field, field.from_units(units)))
            return cache[units]

        start = field.to_units(current)
        start = min(max(start, field.to_units(field.low)), field.to_units(field.high))
        here = evaluate(start)
        for kind, kind_name in KINDS.items():
            found = False
            for end, direction in ((field.to_units(field.high), "up"), (field.to_units(field.low), "down")):
                change = _first_change(field, evaluate, start, end, kind)
                if change is None:
                    continue
                found = True
                value = field.from_units(change)
                becomes = evaluate(change)[kind]
                was = here[kind]
                more = "or more" if direction == "up" else "or less" if field.unit == "money" else "or fewer"
                verb = "be recommended" if kind_name == "recommendation" else "be cheaper over three years"
                points.append(TippingPoint(
                    field=field.name, label=field.label, kind=kind_name, current=round(current, 2), value=value,
                    direction=direction, becomes=becomes,
                    text=f"At {_describe(field, value)} {more}, {names[becomes]} would {verb} "
                         f"instead of {names[was]}.",
                ))
            if not found:
                what = "recommendation" if kind_name == "recommendation" else "cheaper model"
                points.append(TippingPoint(
                    field=field.name, label=field.label, kind=kind_name, current=round(current, 2), value=None,
                    direction="none", becomes=None,
                    text=f"No value of {field.label} from {_describe(field, field.low)} to "
                         f"{_describe(field, field.high)} changes the {what} ({names[here[kind]]}), "
                         f"with your other answers as they are.",
                ))
    return tuple(points)
