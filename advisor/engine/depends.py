"""What the answer depends on: which uncertain figures and which of the person's answers move the gap between
the top two most, and how to measure the answer it depends on most before deciding. Pure, and nearly free: it
re-scores nothing, reading what score() worked out anyway.

The gap is the leader's lead over three years: the lowest ranking figure of another option (decide.py: the
expected total less the allowance for how the person pays) less the leader's. At the answers as given it is the
runner-up's lead; where an answer or figure moves, another option may take the runner-up's place. Below zero
another option would be ahead.

- Figures: from the simulation's draws (uncertainty.simulate keeps them), each uncertain figure that holds for
  every option or belongs to an option that applies, against the gap in the same draws. Its swing is the straight line
  that best fits the gap against it (least squares, all other figures drawn as they fall), from its 10th to its
  90th percentile; figures whose draws go along with the gap too loosely (correlation under MIN_CORRELATION)
  are left out as noise. The most telling FIGURES_SHOWN are kept.
- Answers: from the tipping search's re-scores (tipping.find fills `ends`), the gap at the farthest value it
  looked at each way: the end of its span (a tenth to ten times the answer), or where the answer first changed.
  An answer whose tipping point lies within reach `changes` the answer.
- The answer it depends on most is the one that changes the answer with the smallest move, as a share of
  itself (its tipping point nearest the person's value on a log scale), and the answers are listed that way,
  those that change it first, then by swing; when none changes it, nothing within reach of the answers does,
  and the words say so.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

import numpy as np

from . import answers as questions
from . import uncertainty
from .domain import Catalogue, Depends, Figure, Swing, TippingPoint

FIGURES_SHOWN = 5
MIN_CORRELATION = 0.1
LOW_PERCENTILE, HIGH_PERCENTILE = 10, 90

# Each searched answer in words ("The answer depends most on ..."), and how to measure it for a month.
ANSWER_WORDS = {
    "incidents_per_month": "how many IT problems you have a month",
    "downtime_cost_per_hour": "what an hour of downtime costs you",
    "employees": "how many people you have",
}
MEASURE = {
    "incidents_per_month": (
        "Count the problems you ask someone to fix for 30 days: keep one list by the phone or in a shared "
        "note, a line for each problem with its date and who had it, including the ones someone fixed "
        "themselves after losing time to it. The number of lines at the end is your IT problems a month."
    ),
    "downtime_cost_per_hour": (
        "For 30 days, note each time IT stops work: when, for how long and how many people it stopped. At the "
        "end, add up the hours each person lost and multiply by what an hour of their work is worth to you "
        "(their pay with overheads, or the sales it brings in, whichever is more); divide that by the hours "
        "work was stopped to get what an hour of downtime costs you."
    ),
    "employees": (
        "Over the next month, list everyone who will need IT support in the coming year: the people working "
        "here now, those you plan to hire, and regular contractors who use your systems and devices. The length "
        "of the list is the number of people to plan for."
    ),
}


def work_out(
    catalogue: Catalogue,
    ranking: dict[int, float],
    leader: int,
    runner: int,
    names: dict[int, str],
    models: dict[int, int],
    simulated: uncertainty.Simulated,
    points: tuple[TippingPoint, ...],
    ends: dict[str, dict[str, tuple[float, float]]],
) -> Depends:
    """`ranking` is each candidate's ranking figure at the person's answers (evaluate.Evaluation.ranking), `leader`
    and `runner` the top two's candidate indexes, `models` each candidate's option, `simulated` the
    uncertainty.Simulated of the same answers, and `points`/`ends` what tipping.find gave and filled."""
    gap = ranking[runner] - ranking[leader]
    answer_swings = _answers(points, ends, gap)
    figure_swings = _figures(catalogue, simulated, leader, models, gap)
    most = answer_swings[0].key if answer_swings and answer_swings[0].changes else None
    return Depends(
        leader=names[leader],
        runner_up=names[runner],
        gap=round(gap, 2),
        answers=answer_swings,
        figures=figure_swings,
        most=most,
        words=_words(most, figure_swings),
        measure=MEASURE.get(most, "") if most else "",
    )


def _answers(
    points: tuple[TippingPoint, ...], ends: dict[str, dict[str, tuple[float, float]]], gap: float
) -> tuple[Swing, ...]:
    swings = []
    for point in points:
        looked = ends.get(point.field)
        if looked is None:
            continue
        low, gap_low = looked.get("down", (point.current, gap))
        high, gap_high = looked.get("up", (point.current, gap))
        swings.append(
            Swing(
                key=point.field,
                label=_plain(questions.question(point.field).label),
                kind="answer",
                low=round(low, 2),
                high=round(high, 2),
                gap_low=round(gap_low, 2),
                gap_high=round(gap_high, 2),
                changes=point.value is not None,
                money=point.field == "downtime_cost_per_hour",
            )
        )
    reach = {p.field: abs(math.log(p.value / p.current)) for p in points if p.value and p.current and p.value > 0}
    return tuple(sorted(swings, key=lambda s: (not s.changes, reach.get(s.key, math.inf), -s.size)))


def _figures(
    catalogue: Catalogue, simulated: uncertainty.Simulated, leader: int, models: dict[int, int], gap: float
) -> tuple[Swing, ...]:
    ranked, units, candidates = simulated.ranked, simulated.units, list(simulated.candidates)
    others = [n for n, c in enumerate(candidates) if models.get(c) != models[leader]]
    if ranked is None or units is None or leader not in candidates or not others:
        return ()
    leading = ranked[candidates.index(leader)]
    gaps = (ranked[others[0]] if len(others) == 1 else np.min(ranked[others], axis=0)) - leading
    moved = gaps - gaps.sum() / gaps.size  # (np.mean costs more than the sum, in so small a step)
    gap_root = math.sqrt(float(moved @ moved))
    if gap_root <= 0:
        return ()
    # Each uncertain figure is low + (high - low) x a row of the unit draws, so its fit against the gap is that
    # row's, whose spread and percentiles are worked out once per catalogue (_unit_stats): per assessment, one
    # product of those rows with the gap, and a look at the few rows that go along with it.
    drawn, centred, spread, root, width, middle, low_u, high_u = _unit_stats(units, simulated.drawn_from)
    together = centred @ moved.astype(np.float32)
    strength = np.abs(together)
    telling = np.flatnonzero(strength >= MIN_CORRELATION * gap_root * root)  # |correlation| at least the minimum
    size = strength[telling] * width[telling]  # |slope| x the row's 10th-90th percentile span
    used, rows, options = simulated.used, simulated.rows, set(models.values())
    found = []
    for n in telling[np.argsort(-size, kind="stable")]:
        row = drawn[n]
        figure, (key, model) = used[row], rows[row]
        if not figure.uncertain or key == "preference_allowance_share" or (model is not None and model not in options):
            continue  # a figure the person's own quote replaced, the allowance, an option that does not apply
        label = figure.label if model is None else f"{catalogue.models[model].name}: {figure.label}"
        slope = float(together[n] / spread[n])  # the gap's change for a change of one in the unit row
        span = figure.high - figure.low
        found.append(
            Swing(
                key=key,
                label=_plain(label),
                kind="figure",
                low=round(figure.low + span * float(low_u[n]), 4),
                high=round(figure.low + span * float(high_u[n]), 4),
                gap_low=round(gap + slope * float(low_u[n] - middle[n]), 2),
                gap_high=round(gap + slope * float(high_u[n] - middle[n]), 2),
                money=label.endswith(" ($)"),
            )
        )
        if len(found) == FIGURES_SHOWN:
            break
    return tuple(found)


Stats = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]
_STATS: dict[int, tuple[np.ndarray, Stats]] = {}
_KEPT = 32  # catalogues, as many as uncertainty.unit_draws keeps


def _unit_stats(units: np.ndarray, drawn_from: Sequence[Figure]) -> Stats:
    """For the unit draws of a catalogue (uncertainty.unit_draws, kept per catalogue) and the catalogue's figures
    they are drawn for, worked out once: the rows of its uncertain figures, those rows less their means (single
    precision: half the memory to read per assessment, ample for a fit), the sum of that squared and its square
    root, each row's 10th-to-90th percentile span over that sum, and its mean and percentiles. Kept by the draws'
    identity, with the draws (so the identity is never reused), for as many catalogues as uncertainty keeps."""
    found = _STATS.get(id(units))
    if found is None or found[0] is not units:
        varies = np.array([n for n, figure in enumerate(drawn_from) if figure.uncertain], dtype=np.intp)
        rows = units[varies]
        middle = rows.mean(axis=1)
        centred = rows - middle[:, None]
        low, high = np.percentile(rows, [LOW_PERCENTILE, HIGH_PERCENTILE], axis=1)
        spread = np.einsum("ij,ij->i", centred, centred)
        stats: Stats = (
            varies,
            centred.astype(np.float32),
            spread,
            np.sqrt(spread),
            (high - low) / spread,
            middle,
            low,
            high,
        )
        found = (units, stats)
        if len(_STATS) >= _KEPT:
            _STATS.clear()
        _STATS[id(units)] = found
    return found[1]


def _plain(label: str) -> str:
    """A figure's label without the currency mark its unit carries: the page says the money in its own way."""
    return label.replace(" ($)", "")


def _words(most: str | None, figures: tuple[Swing, ...]) -> str:
    figure = f"among our figures, on {_lowered(figures[0].label)}" if figures else ""
    if most is not None:
        return f"The answer depends most on {ANSWER_WORDS[most]}" + (f" and, {figure}." if figure else ".")
    nothing = "Nothing within reach of your answers changes the answer"
    return f"{nothing}; it depends most, {figure}." if figure else f"{nothing}."


def _lowered(label: str) -> str:
    """'Monthly fee per user' -> 'monthly fee per user'; 'Managed Services Provider: ...' keeps its name."""
    if ":" in label or label[1:2].isupper():
        return label
    return label[:1].lower() + label[1:]
