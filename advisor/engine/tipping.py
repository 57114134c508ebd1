"""What would change the advice: for a few answers, the value at which another option would come out ahead
(or be the cheapest), within reach of the person's own value. Pure.

For each searched answer, the search looks from the person's value up to ten times it and down to a tenth of
it (inside the form's limits), never at zero: further than that is not a change a person can act on. Each
look is a full re-score (decide.evaluate) with that one answer moved and every other answer as given; when
people move, devices, problems a month and downtime cost move with them at the organisation's own rate per
person (decide.resized). The span is looked at in GRID_STEPS even steps on a log scale each way; where the
outcome first differs, the change is narrowed down by bisection to the form's smallest step or a percent of
the value, whichever is coarser. `value` is the first value found with the new outcome; one step short of
it gives the person's outcome back. The sentence rounds it to two significant figures.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

from . import answers, money
from .domain import Catalogue, Point, PointKind, Profile

SPAN = 10.0  # from a tenth to ten times the person's own value
GRID_STEPS = 5  # looks each way before narrowing down
RELATIVE_PRECISION = 0.01
SEARCHED = ("incidents_per_month", "downtime_cost_per_hour", "employees")
# One sentence a lever: where the recommendation changes. The ranking follows the money, so where the cheapest
# option changes is the same point unless a stated way of paying tips it, which the summary already says in money.
LOOKED_FOR = ((PointKind.RECOMMENDATION, 0),)
_WORDS = {
    "incidents_per_month": ("IT problems a month", "IT problem a month"),
    "downtime_cost_per_hour": ("an hour of downtime", "an hour of downtime"),
    "employees": ("people", "person"),
}


def about(value: float) -> float:
    """A value rounded to two significant figures: 9.43 -> 9.4, 2,837 -> 2,800."""
    if value == 0:
        return 0.0
    digits = 1 - int(math.floor(math.log10(abs(value))))
    return round(value, digits)


def describe(field: str, value: float) -> str:
    rounded = about(value)
    if field == "downtime_cost_per_hour":
        return f"{money.whole(rounded)} {_WORDS[field][0]}"
    text = f"{rounded:,.0f}" if rounded >= 10 or float(rounded).is_integer() else f"{rounded:,.2f}".rstrip("0")
    many, one = _WORDS[field]
    return f"{text} {one if rounded == 1 else many}"


def find(
    profile: Profile, catalogue: Catalogue, here: Any, prepared: Any, candidates: dict[int, tuple[str, str]]
) -> tuple[Point, ...]:
    """The tipping points for the searched answers; `here` is decide.Evaluation at the person's answers and
    `candidates` each candidate's (slug, name), options and quotes alike."""
    from .decide import evaluate, resized  # decide uses this module; the search re-scores through it

    names = {i: name for i, (_, name) in candidates.items()}
    slugs = {i: slug for i, (slug, _) in candidates.items()}
    current = {
        "incidents_per_month": here.used.incidents_per_month,
        "downtime_cost_per_hour": here.used.downtime_cost_per_hour,
        "employees": float(profile.employees),
    }
    found: list[Point] = []
    for field in SEARCHED:
        question = answers.question(field)
        value = current[field]
        whole = question.whole

        seen: dict[float, tuple[int, int]] = {}  # both kinds look at the same values: re-score each once

        def outcome_at(x: float, field: str = field, seen: dict[float, tuple[int, int]] = seen) -> tuple[int, int]:
            if x not in seen:
                moved = (
                    resized(profile, int(x), here.used)
                    if field == "employees"
                    else Profile(**{**profile.__dict__, field: x})
                )  # dataclasses.replace, without its checks
                ev = evaluate(moved, catalogue, prepared)
                seen[x] = (ev.best_option, ev.cheapest)
            return seen[x]

        low = max(question.minimum or 0.0, value / SPAN)
        high = min(question.maximum or math.inf, value * SPAN)
        if whole:
            low, high = math.ceil(low), math.floor(high)
        base = (here.best_option, here.cheapest)
        changes: dict[PointKind, tuple[float, str, int]] = {}
        for direction, end in (("up", high), ("down", low)):
            if value <= 0 or (end >= value if direction == "down" else end <= value):
                continue
            for kind, index in LOOKED_FOR:
                if kind in changes:
                    continue
                hit = _first_change(outcome_at, value, end, index, base[index], whole)
                if hit is not None:
                    changes[kind] = (hit[0], direction, hit[1])
        for kind, index in LOOKED_FOR:
            was = names[base[index]]
            if kind in changes:
                at, direction, becomes = changes[kind]
                found.append(
                    Point(
                        field=field,
                        label=question.label,
                        kind=kind,
                        current=round(value, 2),
                        value=at,
                        direction=direction,
                        becomes=slugs[becomes],
                        text=_sentence(field, kind, at, direction, names[becomes], was),
                    )
                )
            else:
                found.append(
                    Point(
                        field=field,
                        label=question.label,
                        kind=kind,
                        current=round(value, 2),
                        value=None,
                        direction="none",
                        becomes=None,
                        text=_nothing(field, kind, value, low, high, was),
                    )
                )
    return tuple(found)


def _first_change(
    outcome_at: Callable[[float], tuple[int, int]], start: float, end: float, index: int, current: int, whole: bool
) -> tuple[float, int] | None:
    """The first value from start toward end (exclusive of start) whose outcome[index] is not `current`,
    looked at on a log-scale grid and narrowed down by bisection; None when no grid point differs."""
    previous = start
    for step in range(1, GRID_STEPS + 1):
        x = start * (end / start) ** (step / GRID_STEPS)
        if whole:
            x = float(round(x))
            if x == previous:
                continue
        outcome = outcome_at(x)[index]
        if outcome != current:
            return _narrow(outcome_at, previous, x, index, current, whole)
        previous = x
    return None


def _narrow(
    outcome_at: Callable[[float], tuple[int, int]], same: float, other: float, index: int, current: int, whole: bool
) -> tuple[float, int]:
    """Bisect between a value with the current outcome and one without, to the precision of the answer."""
    becomes = outcome_at(other)[index]
    while True:
        gap = abs(other - same)
        if (whole and gap <= 1) or (not whole and gap <= max(0.01, RELATIVE_PRECISION * abs(other))):
            return other, becomes
        middle = (same + other) / 2
        if whole:
            middle = float(round(middle))
            if middle in (same, other):
                return other, becomes
        outcome = outcome_at(middle)[index]
        if outcome == current:
            same = middle
        else:
            other, becomes = middle, outcome


def _sentence(field: str, kind: PointKind, at: float, direction: str, becomes: str, was: str) -> str:
    more = "or more" if direction == "up" else "or less" if field == "downtime_cost_per_hour" else "or fewer"
    where = f"At about {describe(field, at)} {more}"
    if kind is PointKind.RECOMMENDATION:
        return f"{where}, {becomes} would come out ahead of {was}."
    return f"{where}, {becomes} would cost less than {was} over three years, all three parts counted."


def _span(field: str, low: float, high: float) -> str:
    """'$150 to $15,000 an hour of downtime', '0.3 to 30 IT problems a month': the unit said once."""
    if field == "downtime_cost_per_hour":
        return f"{money.whole(about(low))} to {money.whole(about(high))} {_WORDS[field][0]}"
    start = describe(field, low).split(" ")[0]
    return f"{start} to {describe(field, high)}"


def _nothing(field: str, kind: PointKind, value: float, low: float, high: float, was: str) -> str:
    if value <= 0:
        return f"Nothing within reach changes it: you gave no {_WORDS[field][0]}."
    stays = "stays ahead" if kind is PointKind.RECOMMENDATION else "stays the cheapest"
    return f"Nothing within reach changes it: from about {_span(field, low, high)}, {was} {stays}."
