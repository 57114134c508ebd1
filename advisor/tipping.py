"""Tipping points: how far one answer would have to move before the advice changes. Pure, no I/O.

For each answer searched, and for each kind of answer (the recommended model, the cheaper model over
three years), the search walks away from the person's value in both directions, to the edge of the allowed
range, and reports the first value at which another model takes over, to the smallest step the form accepts
(a hundredth of an incident, a dollar, a person): re-scoring one step short of it gives the person's current
answer back. Other answers are held as they are; a blank answer that is estimated from size (devices,
downtime cost) is re-estimated as employees change.

How it walks. Scoring offers a line per answer (scoring.Line): the decision at any value of that answer, and
a test that proves, from bounds on every need and cost part, that no value between two points changes it.
The walk first tries the whole way to the edge of the range; a stretch that cannot be proven unchanged is
split at its geometric middle (values near the person's own are looked at closely, far ones coarsely), near
half first. Where the outcome differs at the end of a short enough stretch, the change inside it is narrowed
down by interpolating the margin between the two models (regula falsi with Anderson and Björck's rule). So "no value
in range changes it" is proven rather than sampled, and a typical assessment needs about 35 quick re-scores
in all, shared by both kinds of answer.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Any, Callable

from .domain import Profile, TippingPoint

# A point on a line, as scoring.Line.at gives it: point[0] is the recommended model's index, point[1] the
# cheaper model's, point[2] every model's overall score and point[3] every model's three-year cost.
Point = tuple[Any, ...]
# Stretches split at most this deep, and at most this many re-scores per answer: a safety net for models that
# run neck and neck over long stretches, where little can be proven and little changes either.
MAX_DEPTH = 48
MAX_POINTS = 400
# A stretch whose far end is within this factor of its near end's distance from the person's value is narrowed
# down directly; a longer one is split first, so that the change found is the nearest one.
NARROW_RATIO = 16


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


def _describe(field: SearchedField, value: float) -> str:
    if field.unit == "money":
        return f"${value:,.0f} an hour"
    if field.unit == "people":
        return f"{value:,.0f} " + ("person" if value == 1 else "people")
    text = f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{text} IT problem{'s' if value != 1 else ''} a month"


class _Walk:
    """The search along one answer's line, in units of the form's smallest step, keeping every re-score."""

    def __init__(self, line: Any, field: SearchedField) -> None:
        self.line = line
        self.field = field
        self.points: dict[int, Point] = {}
        self.origin = 0
        self.kind = 0
        self.current = 0

    def at(self, units: int) -> Point:
        point = self.points.get(units)
        if point is None:
            point = self.points[units] = self.line.at(self.field.from_units(units))
        return point

    def first_change(self, start: int, end: int, kind: int) -> int | None:
        """The first unit, going from start toward end, whose outcome of `kind` differs from start's."""
        if start == end:
            return None
        here = self.at(start)
        self.origin, self.kind, self.current = start, kind, here[kind]
        return self._scan(start, here, end, self.at(end), 0)

    def _scan(self, a: int, pa: Point, b: int, pb: Point, depth: int) -> int | None:
        """The first change after a up to b (a's outcome being the current one); never None when b's differs."""
        differs = pb[self.kind] != self.current
        if abs(b - a) <= 1:
            return b if differs else None
        if not differs:
            if self.line.unchanged(pa, pb, self.kind):
                return None
            if depth >= MAX_DEPTH or len(self.points) >= MAX_POINTS:
                return None
        near, far = abs(a - self.origin), abs(b - self.origin)
        if differs and (far <= NARROW_RATIO * max(near, 1) or depth >= MAX_DEPTH):
            return self._narrow(a, pa, b, pb)
        # Split at the geometric mean of the two ends' distances from the person's value.
        distance = round(math.sqrt(max(near, 1) * far))
        if not near < distance < far:
            distance = (near + far) // 2
        middle = self.origin + (distance if b > a else -distance)
        pm = self.at(middle)
        found = self._scan(a, pa, middle, pm, depth + 1)
        return found if found is not None else self._scan(middle, pm, b, pb, depth + 1)

    def _narrow(self, same: int, p_same: Point, other: int, p_other: Point) -> int:
        """The unit next to `same`, on the way to `other`, where the outcome first differs.

        Regula falsi over whole units on the margin between the current winner and the model that wins at
        `other`, with Anderson and Björck's rule (when one end stays put twice, its margin counts for less) so
        that both ends close in; every guess lands strictly inside the bracket, so it always ends.
        """
        kind, current = self.kind, self.current
        rival = p_other[kind]
        sign = 1.0 if kind == 0 else -1.0  # a higher score wins; a lower cost does
        index = 2 if kind == 0 else 3
        m_same = sign * (p_same[index][current] - p_same[index][rival])
        m_other = sign * (p_other[index][current] - p_other[index][rival])
        kept = 0  # which end stayed put last time: -1 same, 1 other
        while abs(other - same) > 1:
            span = other - same
            if m_same > 0 > m_other:
                guess = same + round(span * m_same / (m_same - m_other))
            else:
                guess = same + span // 2
            if span > 0:
                guess = min(max(guess, same + 1), other - 1)
            else:
                guess = max(min(guess, same - 1), other + 1)
            point = self.at(guess)
            margin = sign * (point[index][current] - point[index][rival])
            if point[kind] == current:
                if kept == 1:
                    m_other *= _shrink(margin, m_same)
                same, m_same = guess, margin
                kept = 1
            else:
                if kept == -1:
                    m_same *= _shrink(margin, m_other)
                other, m_other = guess, margin
                kept = -1
        return other


def _shrink(new: float, old: float) -> float:
    """Anderson and Björck's factor for the margin at the end that stayed put, when the other end moved again
    (Illinois would take a half): how much the moving end's margin fell, or a half when that says nothing."""
    factor = 1.0 - new / old if old else 0.0
    return factor if factor > 0.0 else 0.5


def find_tipping_points(line: Callable[[str], Any], models: list[tuple[str, str]], *, profile: Profile,
                        downtime_cost: float) -> tuple[TippingPoint, ...]:
    """Where the recommendation, and the cheaper model, would change for each searched answer.

    `line(field name)` gives the decision along that answer (scoring.Line); `models` are (slug, name) in the
    catalogue's order, which is the order of the indexes a line's points use.
    """
    names = dict(models)
    slugs = [slug for slug, _ in models]
    points: list[TippingPoint] = []
    for field in SEARCHED_FIELDS:
        current = downtime_cost if field.name == "downtime_cost_per_hour" else float(getattr(profile, field.name))
        walk = _Walk(line(field.name), field)
        start = field.to_units(current)
        start = min(max(start, field.to_units(field.low)), field.to_units(field.high))
        here = walk.at(start)
        for kind, kind_name in KINDS.items():
            found = False
            for end, direction in ((field.to_units(field.high), "up"), (field.to_units(field.low), "down")):
                change = walk.first_change(start, end, kind)
                if change is None:
                    continue
                found = True
                value = field.from_units(change)
                becomes = slugs[walk.at(change)[kind]]
                was = slugs[here[kind]]
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
                         f"{_describe(field, field.high)} changes the {what} ({names[slugs[here[kind]]]}), "
                         f"with your other answers as they are.",
                ))
    return tuple(points)
