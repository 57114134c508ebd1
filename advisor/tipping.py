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
from dataclasses import dataclass, replace
from typing import Callable

from .domain import Profile, TippingPoint

Outcome = Callable[[Profile], tuple[str, str]]
Along = Callable[[str], Callable[[float], tuple[str, str]] | None]
Holds = Callable[[int, str, int, int], bool]
GRID_POINTS = 20


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
    if field.name == "employees":
        return replace(profile, employees=int(value))
    return replace(profile, **{field.name: float(value)})


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


def _first_change(field: SearchedField, evaluate: Callable[[int], tuple[str, str]], start: int, end: int,
                  kind: int, holds: Holds | None = None) -> int | None:
    """The first unit, going from start toward end, whose outcome of `kind` differs from start's.

    `holds(kind, answer, a, b)`, when given, is True only if every unit from a to b gives `answer`: grid
    points it vouches for need no evaluating, and the answer found is the same as without it.
    """
    current = evaluate(start)[kind]
    previous = start
    walk = _walk(field, start, end)
    if holds is not None and walk:
        if holds(kind, current, start, walk[-1]):
            return None
        proven, unproven = 0, len(walk)  # the first `proven` grid points surely give `current`
        while unproven - proven > 1:
            middle = (proven + unproven) // 2
            if holds(kind, current, start, walk[middle - 1]):
                proven = middle
            else:
                unproven = middle
        if proven:
            previous = walk[proven - 1]
            walk = walk[proven:]
    for point in walk:
        if evaluate(point)[kind] != current:
            same, other = previous, point
            while abs(other - same) > 1:
                middle = (same + other) // 2 if other > same else -((-same - other) // 2)
                if evaluate(middle)[kind] == current:
                    same = middle
                else:
                    other = middle
            return other
        previous = point
    return None


def find_tipping_points(profile: Profile, outcome: Outcome, names: dict[str, str], *,
                        downtime_cost: float, along: Along | None = None) -> tuple[TippingPoint, ...]:
    """Where the recommendation, and the cheaper model, would change for each searched answer.

    `along(field name)`, when given, returns `value -> outcome(profile with that answer = value)` computed
    faster (see quick_outcome.py), or None; it must give exactly what `outcome` gives. If that function also has
    `holds(kind, answer, low, high)`, proofs that an answer stands over a range spare evaluations.
    """
    points: list[TippingPoint] = []
    for field in SEARCHED_FIELDS:
        current = downtime_cost if field.name == "downtime_cost_per_hour" else float(getattr(profile, field.name))
        cache: dict[int, tuple[str, str]] = {}
        at = along(field.name) if along is not None else None
        if at is None:
            def at(value: float, field: SearchedField = field) -> tuple[str, str]:
                return outcome(_profile_at(profile, field, value))

        def evaluate(units: int, field: SearchedField = field, cache: dict = cache, at=at) -> tuple[str, str]:
            if units not in cache:
                cache[units] = at(field.from_units(units))
            return cache[units]

        holds = None
        if hasattr(at, "holds"):
            def holds(kind: int, answer: str, a: int, b: int, field: SearchedField = field, at=at) -> bool:
                return at.holds(kind, answer, field.from_units(a), field.from_units(b))

        start = field.to_units(current)
        start = min(max(start, field.to_units(field.low)), field.to_units(field.high))
        here = evaluate(start)
        for kind, kind_name in KINDS.items():
            found = False
            for end, direction in ((field.to_units(field.high), "up"), (field.to_units(field.low), "down")):
                change = _first_change(field, evaluate, start, end, kind, holds)
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
