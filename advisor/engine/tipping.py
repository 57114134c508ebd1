"""What would change the advice: for a few answers, the value at which another option would come out ahead
(or be the cheapest), within reach of the person's own value. Pure.

For each searched answer, the search looks from the person's value up to ten times it and down to a tenth of
it (inside the form's limits), never at zero: further than that is not a change a person can act on. Each
look is a full re-score (evaluate.evaluate) with that one answer moved and every other answer as given; when
people move, devices, problems a month and downtime cost move with them at the organisation's own rate per
person (evaluate.resized). The span is looked at in GRID_STEPS even steps on a log scale each way; where the
outcome first differs, the change is narrowed down (_narrow: looks either side of where the two options'
ranking lines cross, halving the gap when that misses) to the form's smallest step or a percent of the value,
whichever is coarser. `value` is the first value found with the new outcome; one step short of
it gives the person's outcome back. The sentence rounds it to two significant figures.

Where the ranking figures move along straight lines with an answer (STRAIGHT), one look at the end of the span
can show that nothing between changes the answer, and the looks between are then skipped: the points found are
those of looking at every step.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass, replace

from . import answers, costs, money
from .domain import Catalogue, Profile, TippingPoint, TippingPointKind
from .evaluate import CatalogueFigures, Evaluation, evaluate, moved, resized

SPAN = 10.0  # from a tenth to ten times the person's own value
GRID_STEPS = 5  # looks each way before narrowing down
RELATIVE_PRECISION = 0.01
SEARCHED = ("incidents_per_month", "downtime_cost_per_hour", "employees")
# The answers the ranking figures move with along straight lines, each with the pricings (costs.PRICING_TYPES)
# whose figures bend with it instead, only rising: downtime cost enters lost work and risk in proportion and the
# bills not at all, so every figure is straight; with problems a month every figure rises, straight but for a
# block of hours (costs.BENDS_WITH_PROBLEMS). Where the recommendation is the same, clearly, at the person's value
# and at the end of the span, it is the same everywhere between (_kept_throughout): the looks between are skipped.
STRAIGHT = {"downtime_cost_per_hour": (), "incidents_per_month": costs.BENDS_WITH_PROBLEMS}
# One sentence a lever, where the recommendation changes (TippingPointKind.RECOMMENDATION). The ranking follows the
# money, so where the cheapest option changes is the same point unless a stated way of paying tips it, which the
# summary already says in money.
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


@dataclass(frozen=True)
class View:
    """One answer the search follows: `pick` reads the recommended option (by catalogue index) from a re-score,
    `base` is that option at the person's own answers, `names` each option's (slug, name)."""

    pick: Callable[[Evaluation], int]
    standing: Callable[[Evaluation], dict[int, float]]  # each option's figure on the ranking (lowest leads)
    base: int
    names: dict[int, tuple[str, str]]

    @property
    def reads_quotes(self) -> bool:
        """Whether its pick reads the person's quotes. One that ranks the options alone (recommended_without_quotes)
        reads a re-score without them where no view has made one with them: the options are priced the same
        either way."""
        return self.pick is not recommended_without_quotes


def recommended(ev: Evaluation) -> int:
    """The option recommended, quotes counted (the result's own answer)."""
    return ev.best_option


def standing(ev: Evaluation) -> dict[int, float]:
    """Each option's figure on the ranking at its best price, its own or a quote's for it."""
    best: dict[int, float] = {}
    for candidate, figure in ev.ranking.items():
        option = ev.models[candidate]
        best[option] = min(figure, best.get(option, figure))
    return best


def standing_without_quotes(ev: Evaluation) -> dict[int, float]:
    """Each option's figure on the ranking at its own price."""
    return {i: ev.ranking[i] for i in ev.parts}


def recommended_without_quotes(ev: Evaluation) -> int:
    """The option recommended when the person's quotes are left out (the answer the shared link shows): the
    options are priced the same with quotes or without, so it is the first option in the ranking."""
    return next(i for i in ev.order if i in ev.parts)


def find(
    profile: Profile,
    catalogue: Catalogue,
    here: Evaluation,
    prepared: CatalogueFigures,
    candidates: dict[int, tuple[str, str]],
    ends: dict[str, dict[str, tuple[float, float]]] | None = None,
) -> tuple[TippingPoint, ...]:
    """The tipping points for the searched answers; `here` is the Evaluation at the person's answers and
    `candidates` each candidate's (slug, name), options and quotes alike.

    `ends`, when given, is filled for depends.py from the re-scores the search made anyway: for each answer and
    direction ("up", "down"), the farthest value looked at for the answer (the first view's, in find_each: the end
    of the span, or where the answer first changed; not where the answer without the quotes changed) and the
    leader's lead there: the lowest ranking figure of another option less the leader's (the leader as at the
    person's answers; below zero, another option would be ahead)."""
    view = View(recommended, standing, here.best_option, candidates)
    return find_each(profile, catalogue, here, prepared, [view], ends)[0]


def find_each(
    profile: Profile,
    catalogue: Catalogue,
    here: Evaluation,
    prepared: CatalogueFigures,
    views: list[View],
    ends: dict[str, dict[str, tuple[float, float]]] | None = None,
) -> list[tuple[TippingPoint, ...]]:
    """The tipping points of each view, from one search: a re-score serves every view that looks at its value,
    so the answer with quotes and the one without them share the grid's re-scores. `ends` as for find()."""
    current = {
        "incidents_per_month": here.estimates.incidents_per_month,
        "downtime_cost_per_hour": here.estimates.downtime_cost_per_hour,
        "employees": float(profile.employees),
    }
    found: list[list[TippingPoint]] = [[] for _ in views]
    bare = replace(profile, quotes=()) if profile.quotes else profile  # for the views that leave the quotes out
    for field in SEARCHED:
        question = answers.question(field)
        value = current[field]
        whole = question.whole
        # The candidates whose ranking figures bend with this answer, where the others' move along straight lines.
        bends = {c for c, i in here.models.items() if catalogue.models[i].pricing in STRAIGHT.get(field, ())}

        # Every view looks at the same values: re-score each once (at the person's own value, `here` is that).
        seen = {value: Looked(here, views)}
        without: dict[float, Looked] = {}  # re-scores without the quotes, for the views that leave them out
        answer_looked: set[float] = set()  # the values the first view (the answer the page shows) looked at

        def look(x: float, field: str = field, seen: dict[float, Looked] = seen) -> Looked:
            if x not in seen:
                seen[x] = Looked(_rescore(profile, catalogue, prepared, here, field, x), views)
            return seen[x]

        def look_without(
            x: float, field: str = field, seen: dict[float, Looked] = seen, without: dict[float, Looked] = without
        ) -> Looked:
            if x in seen:
                return seen[x]
            if x not in without:
                without[x] = Looked(_rescore(bare, catalogue, prepared, here, field, x), views)
            return without[x]

        def look_for_the_answer(
            x: float,
            look: Callable[[float], Looked] = look if views[0].reads_quotes else look_without,
            looked: set[float] = answer_looked,
        ) -> Looked:
            looked.add(x)
            return look(x)

        low = max(question.minimum or 0.0, value / SPAN)
        high = min(question.maximum or math.inf, value * SPAN)
        if whole:
            low, high = math.ceil(low), math.floor(high)
        for index, view in enumerate(views):
            change: tuple[float, str, int] | None = None
            for direction, end in (("up", high), ("down", low)):
                if value <= 0 or (end >= value if direction == "down" else end <= value):
                    continue
                grid = _grid(value, end, whole)
                reader = look if view.reads_quotes else look_without
                if field in STRAIGHT and grid and _kept_throughout(reader, here, value, grid[-1], index, view, bends):
                    if index == 0:  # the looks the answer's search would have made end there
                        answer_looked.add(grid[-1])
                    continue
                hit = _first_change(look_for_the_answer if index == 0 else reader, value, grid, index, view.base, whole)
                if hit is not None:
                    change = (hit[0], direction, hit[1])
                    break
            found[index].append(_point(field, question.label, value, low, high, change, view))
        if ends is not None:
            ends[field] = _farthest(
                {x: (seen[x] if x in seen else without[x]).ev for x in answer_looked}, value, here.best
            )
    return [tuple(points) for points in found]


def _point(
    field: str, label: str, value: float, low: float, high: float, change: tuple[float, str, int] | None, view: View
) -> TippingPoint:
    was = view.names[view.base][1]
    kind = TippingPointKind.RECOMMENDATION
    if change is None:
        return TippingPoint(
            field=field,
            label=label,
            kind=kind,
            current=round(value, 2),
            value=None,
            direction="none",
            becomes=None,
            text=_nothing(field, kind, value, low, high, was),
        )
    at, direction, becomes = change
    return TippingPoint(
        field=field,
        label=label,
        kind=kind,
        current=round(value, 2),
        value=at,
        direction=direction,
        becomes=view.names[becomes][0],
        text=_sentence(field, kind, at, direction, view.names[becomes][1], was),
    )


@dataclass(slots=True)
class Looked:
    """A re-score as the search keeps it, read by each view."""

    ev: Evaluation
    views: list[View]

    def pick(self, index: int) -> int:
        """The option view `index` recommends."""
        return self.views[index].pick(self.ev)

    def standing(self, index: int) -> dict[int, float]:
        """Each option's figure on the ranking, as view `index` sees it."""
        return self.views[index].standing(self.ev)


def _rescore(
    profile: Profile, catalogue: Catalogue, prepared: CatalogueFigures, here: Evaluation, field: str, x: float
) -> Evaluation:
    """A re-score with answer `field` moved to `x` (people: the organisation resized) and every other as given."""
    changed = resized(profile, int(x), here.estimates) if field == "employees" else moved(profile, **{field: x})
    return evaluate(changed, catalogue, prepared, ranking_only=True, like=here)


def _farthest(looked: dict[float, Evaluation], value: float, leader: int) -> dict[str, tuple[float, float]]:
    """The farthest value looked at each way from the person's own, with the leader's lead there."""
    found = {}
    for direction, ends in (("up", [x for x in looked if x > value]), ("down", [x for x in looked if x < value])):
        if ends:
            x = max(ends) if direction == "up" else min(ends)
            ev = looked[x]
            others = [r for c, r in ev.ranking.items() if ev.models[c] != ev.models.get(leader)]
            if leader in ev.ranking and others:
                found[direction] = (x, min(others) - ev.ranking[leader])
    return found


def _first_change(
    look: Callable[[float], Looked], start: float, grid: list[float], index: int, current: int, whole: bool
) -> tuple[float, int] | None:
    """The first value from start toward the end of its `grid` (_grid) whose recommendation (in view `index`) is
    not `current`, looked at on the grid and narrowed down; None when no grid point differs."""
    previous = start
    for x in grid:
        if look(x).pick(index) != current:
            return _narrow(look, previous, x, index, current, whole)
        previous = x
    return None


def _grid(start: float, end: float, whole: bool) -> list[float]:
    """The values looked at from start toward end: GRID_STEPS even steps on a log scale (for a whole answer, each
    rounded, the same value looked at once)."""
    found: list[float] = []
    for step in range(1, GRID_STEPS + 1):
        x = start * (end / start) ** (step / GRID_STEPS)
        if whole:
            x = float(round(x))
            if x == (found[-1] if found else start):
                continue
        found.append(x)
    return found


def _kept_throughout(
    look: Callable[[float], Looked],
    here: Evaluation,
    value: float,
    last: float,
    index: int,
    view: View,
    bends: set[int],
) -> bool:
    """Whether view `index` keeps its recommendation at every value between the person's own (`value`) and `last`,
    for an answer the ranking figures move with along straight lines, but for those of the candidates in `bends`,
    which only rise with it (STRAIGHT). True when one candidate for the recommended option is ahead of every
    candidate for another option, by more than rounding could blur, both at the person's value and at `last` (the
    gap between two straight lines is ahead at both ends or crosses); and, for a rival where one of the two bends,
    when the rival's figure at the lower end is above the leader's at the higher end (both only rise between)."""
    there = look(last)
    if there.pick(index) != view.base or view.pick not in (recommended, recommended_without_quotes):
        return False
    # The candidates the view picks among, at each end: the options and the quotes, or the options alone.
    ends = [ev.ranking if view.reads_quotes else {c: ev.ranking[c] for c in ev.parts} for ev in (here, there.ev)]
    leader = min((c for c in ends[0] if here.models[c] == view.base), key=ends[0].__getitem__)
    rivals = [c for c in ends[0] if here.models[c] != view.base]
    for ranking in ends:
        if not ranking.keys() >= {leader, *rivals}:
            return False
        if rivals and min(ranking[c] for c in rivals) - ranking[leader] <= _blur(ranking):
            return False
    lower, higher = ends if last > value else ends[::-1]
    bent = rivals if leader in bends else [c for c in rivals if c in bends]
    ceiling = higher[leader] + _blur(higher)  # the most the leader's figure reaches between the two ends
    return all(lower[c] > ceiling for c in bent)


def _blur(ranking: dict[int, float]) -> float:
    """What rounding could blur between two ranking figures."""
    return 1e-6 * (1.0 + max(abs(figure) for figure in ranking.values()))


def _narrow(
    look: Callable[[float], Looked], same: float, other: float, index: int, current: int, whole: bool
) -> tuple[float, int]:
    """Narrow a bracket (`same` keeps the current recommendation, `other` does not) to the precision of the
    answer. The ranking figures move almost in a straight line between two looks, so each round first looks
    either side of where the two options' figures cross (two re-scores usually settle it), and halves the
    bracket when that did not (a step in prices, such as one more hire, bends the line)."""
    becomes = look(other).pick(index)
    interpolate = True
    while True:
        if _narrow_enough(same, other, whole):
            return other, becomes
        guess = _crossing(look, same, other, index, current, becomes) if interpolate else None
        interpolate = guess is None  # after a round at the guessed crossing, halve once
        tries = _either_side(guess, same, other, whole) if guess is not None else [_middle(same, other, whole)]
        for x in tries:
            if x in (same, other):
                continue
            outcome = look(x).pick(index)
            if outcome == current:
                same = x
            else:
                other, becomes = x, outcome
                break


def _narrow_enough(same: float, other: float, whole: bool) -> bool:
    gap = abs(other - same)
    return (whole and gap <= 1) or (not whole and gap <= max(0.01, RELATIVE_PRECISION * abs(other)))


def _middle(same: float, other: float, whole: bool) -> float:
    middle = (same + other) / 2
    return float(round(middle)) if whole else middle


def _crossing(
    look: Callable[[float], Looked], same: float, other: float, index: int, current: int, becomes: int
) -> float | None:
    """Where the current option's and the new one's ranking figures cross, on the straight line between the two
    looks; None when either has no figure at one end or the line does not cross inside the bracket."""
    at_same, at_other = look(same).standing(index), look(other).standing(index)
    if not {current, becomes} <= at_same.keys() or not {current, becomes} <= at_other.keys():
        return None
    lead_same = at_same[becomes] - at_same[current]  # > 0: the current option ahead
    lead_other = at_other[becomes] - at_other[current]
    if lead_same == lead_other:
        return None
    share = lead_same / (lead_same - lead_other)
    return same + (other - same) * share if 0.0 < share < 1.0 else None


def _either_side(guess: float, same: float, other: float, whole: bool) -> list[float]:
    """Two looks just either side of the guessed crossing, a precision apart, inside the bracket: the first on
    the current recommendation's side."""
    toward = 1.0 if other > same else -1.0
    if whole:
        first = float(math.floor(guess) if toward > 0 else math.ceil(guess))
        second = first + toward
    else:
        half = 0.45 * max(0.01, RELATIVE_PRECISION * abs(guess))
        first, second = guess - toward * half, guess + toward * half
    inside = [x for x in (first, second) if min(same, other) < x < max(same, other)]
    return inside or [_middle(same, other, whole)]


def _sentence(field: str, kind: TippingPointKind, at: float, direction: str, becomes: str, was: str) -> str:
    more = "or more" if direction == "up" else "or less" if field == "downtime_cost_per_hour" else "or fewer"
    where = f"At about {describe(field, at)} {more}"
    if kind is TippingPointKind.RECOMMENDATION:
        return f"{where}, {becomes} would come out ahead of {was}."
    return f"{where}, {becomes} would cost less than {was} over three years, all three parts counted."


def _span(field: str, low: float, high: float) -> str:
    """'$150 to $15,000 an hour of downtime', '0.3 to 30 IT problems a month': the unit said once."""
    if field == "downtime_cost_per_hour":
        return f"{money.whole(about(low))} to {money.whole(about(high))} {_WORDS[field][0]}"
    start = describe(field, low).split(" ")[0]
    return f"{start} to {describe(field, high)}"


def _nothing(field: str, kind: TippingPointKind, value: float, low: float, high: float, was: str) -> str:
    if value <= 0:
        return f"Nothing within reach changes it: you gave no {_WORDS[field][0]}."
    stays = "stays ahead" if kind is TippingPointKind.RECOMMENDATION else "stays the cheapest"
    return f"Nothing within reach changes it: from about {_span(field, low, high)}, {was} {stays}."
