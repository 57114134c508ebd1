"""Honest ranges: a seeded simulation over every uncertain figure. Pure and deterministic.

Each figure with a range (low < high) is drawn from a PERT distribution (a beta distribution stretched over
low..high with its peak at `expected`, the usual choice for three-point estimates), DRAWS times; the figures
that hold for every option are drawn once per draw and shared by all options, so that "which option is
cheaper" is asked of the same world each time. Answers left blank and estimated from size (problems a month,
downtime cost) move with the figures they are estimated from; answers the person gave are taken as given.

Reported: the 10th and 90th percentile of each option's three parts and of their total (widened to include the
expected value, which uses every figure at its expected value, in the rare skewed case), and the share of
draws in which each option is the cheapest. The generator is seeded, so the same answers always give the
same numbers. The ranking and the tipping search use the expected values only; the simulation runs once.

The draws are worked out once for a catalogue (catalogue_draws) and read by name, each figure's key with its
option: a figure keeps its row of draws whatever else the catalogue holds, the rows in the order row_keys gives
(figures added later come after the older ones, so adding one moves no other figure's draws).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import costs, quotes
from .domain import Catalogue, CostParts, Figure, Profile, Quote, Range
from .evaluate import kept_for

DRAWS = 1000
SEED = 20261129
LOW_PERCENTILE, HIGH_PERCENTILE = 10, 90
PERT_PEAK_WEIGHT = 4.0  # the standard PERT weight of the most likely value


@functools.lru_cache(maxsize=32)
def unit_draws(shapes: tuple[tuple[float, float], ...]) -> np.ndarray:
    """DRAWS values from 0 to 1 for each (alpha, beta) shape, in one call to a freshly seeded generator.

    Kept for the few catalogues a process sees (lru_cache): the draws depend only on the catalogue's figures,
    so every assessment scored against it reuses them, and the same figures always give the same draws."""
    rng = np.random.default_rng(SEED)
    alpha = np.array([a for a, _ in shapes])[:, None]
    beta = np.array([b for _, b in shapes])[:, None]
    return rng.beta(alpha, beta, (len(shapes), DRAWS))


def _shape(figure: Figure) -> tuple[float, float]:
    """The PERT distribution's beta shape for a figure (1, 1 for a figure without a range: never used)."""
    if not figure.uncertain:
        return 1.0, 1.0
    span = figure.high - figure.low
    return (
        1.0 + PERT_PEAK_WEIGHT * (figure.expected - figure.low) / span,
        1.0 + PERT_PEAK_WEIGHT * (figure.high - figure.expected) / span,
    )


# A row of the draws: a figure's key and its option (catalogue index; None for a figure every option shares).
Row = tuple[str, int | None]
PARTS = ("bills", "lost_work", "risk", "total")  # what the simulation gives a range of, for each candidate


@dataclass(frozen=True)
class Draws:
    """A catalogue's draws, worked out once and kept (catalogue_draws): every figure the simulation draws, by
    name. A figure with a range has DRAWS values, low + (high - low) x its row of `units`; one without is its
    value."""

    rows: tuple[Row, ...]  # in the order drawn (row_keys), the rows of `units`
    figures: tuple[Figure, ...]  # the catalogue's figure of each row
    units: np.ndarray
    values: dict[Row, np.ndarray | float]
    index: dict[Row, int]  # each row's place in `rows`
    options: list[dict[str, Any]]  # `values` as each option's figures, by key (read-only)
    shared: dict[str, Any]  # and the figures every option shares, by key (read-only)


def rows_of(catalogue: Catalogue) -> tuple[Row, ...]:
    """The rows a catalogue's draws have (row_keys): its shared figures of each kind that it has, after those of
    every option."""
    later = tuple(key for key in costs.LATER_SHARED_KEYS if key in catalogue.figures)
    quote_keys = tuple(key for key in quotes.QUOTE_KEYS if key in catalogue.figures)
    size = tuple(key for key in costs.SIZE_SHARED_KEYS if key in catalogue.figures)
    return row_keys(len(catalogue.models), later, quote_keys, size)


def _figure(catalogue: Catalogue, row: Row) -> Figure:
    key, option = row
    if option is None:
        return catalogue.figures[key]
    return catalogue.models[option].figures.get(key) or Figure(key, key.replace("_", " "), 0.0, 0.0, 0.0)


def _draws(catalogue: Catalogue) -> Draws:
    rows = rows_of(catalogue)
    figures = tuple(_figure(catalogue, row) for row in rows)
    units = unit_draws(tuple(_shape(f) for f in figures))
    ranged = [n for n, f in enumerate(figures) if f.uncertain]
    low = np.array([figures[n].low for n in ranged], dtype=float)[:, None]
    span = np.array([figures[n].high - figures[n].low for n in ranged], dtype=float)[:, None]
    drawn = low + span * units[ranged]
    values: dict[Row, np.ndarray | float] = {row: float(f.expected) for row, f in zip(rows, figures, strict=True)}
    values.update({rows[n]: series for n, series in zip(ranged, drawn, strict=True)})
    options, shared = _by_key(values, len(catalogue.models))
    return Draws(rows, figures, units, values, {row: n for n, row in enumerate(rows)}, options, shared)


def _by_key(values: dict[Row, Any], models: int) -> tuple[list[dict[str, Any]], dict[str, Any]]:
    """The draws by name as each option's figures and the shared figures (in the order drawn)."""
    options = [{key: values[key, i] for key in costs.ALL_OPTION_KEYS} for i in range(models)]
    return options, {key: value for (key, option), value in values.items() if option is None}


def catalogue_draws(catalogue: Catalogue) -> Draws:
    """The catalogue's Draws, worked out once for the catalogue (evaluate.kept_for)."""
    found: Draws = kept_for(catalogue, "draws", _draws)
    return found


@dataclass(frozen=True)
class Simulated:
    # By the option's index in the catalogue, for the options simulated (those that apply):
    parts: dict[int, CostParts]
    totals: dict[int, Range]
    chance_cheapest: dict[int, float]  # over the options and the quotes together
    # The person's quotes, in the order given:
    quote_parts: tuple[CostParts, ...] = ()
    quote_totals: tuple[Range, ...] = ()
    quote_chance_cheapest: tuple[float, ...] = ()
    chance_cheapest_of_options: dict[int, float] | None = None  # over the options alone, when there are quotes
    # By candidate index (options, then quotes): the share of cases in which each is the lowest on the ranking
    # figure (its total less the share of its bills that a stated way of paying counts for).
    chance_leads: dict[int, float] | None = None
    chance_leads_of_options: dict[int, float] | None = None  # the same over the options alone, when there are quotes
    # For depends.py, references to what was worked out anyway: each candidate's ranking figure in every draw (rows
    # in the order of `candidates`); the figures used, in the order of the rows of `units` (unit_draws) they are
    # drawn from (a figure's draws are low + (high - low) x its row when it is uncertain); and for each row the
    # figure's key and option (catalogue index, None for a figure every option shares).
    ranked: np.ndarray | None = None
    candidates: tuple[int, ...] = ()
    units: np.ndarray | None = None
    drawn_from: tuple[Figure, ...] | list[Figure] = ()  # the catalogue's figures the rows of `units` are drawn for
    used: tuple[Figure, ...] | list[Figure] = ()
    rows: tuple[tuple[str, int | None], ...] = ()


def simulate(
    profile: Profile,
    catalogue: Catalogue,
    expected: dict[int, costs.Parts],
    priced_quotes: dict[int, tuple[Quote, quotes.Priced]] | None = None,
    allowance_shares: dict[int, float] | None = None,
    adjust: Any = None,
) -> Simulated:
    """Percentile ranges and chances of being cheapest for the options in `expected` (by catalogue index: those
    that apply), each with its parts at every figure's expected value, as decide.py works them out, and for the
    person's quotes (by candidate index, priced at expected values by quotes.price_as_option, on the draws of the
    option each is a way of buying). `allowance_shares` (by candidate index) give the ranking figure's allowance:
    `chance_leads` is the share of cases each candidate is the lowest on it. `adjust` (index, parts or Priced,
    option's draws[, quote]) prices what the insurer and frameworks ask into each candidate, as decide does."""
    priced_quotes = priced_quotes or {}
    draws = catalogue_draws(catalogue)
    values, used_figures = _values(draws, catalogue, profile)
    options, shared = (
        (draws.options, dict(draws.shared)) if values is draws.values else _by_key(values, len(draws.options))
    )
    if priced_quotes:
        shared.update(quotes.hourly_firm(catalogue, options))  # on Break/Fix's own draws
    shared.update(costs.tax_figures(catalogue))  # not drawn: a rate set by law
    used = costs.estimates(profile, shared)
    answers = {"incidents": used.incidents_per_month, "downtime_cost": used.downtime_cost_per_hour}
    drawn: dict[int, costs.Parts] = {}  # each candidate's parts in every draw: the options, then the quotes
    means: dict[int, costs.Parts] = {}  # and at every figure's expected value
    at = costs.setting(
        shared, profile, employees=profile.employees, devices=used.devices, downtime_cost=answers["downtime_cost"]
    )
    for i, part in expected.items():
        model = catalogue.models[i]
        found = costs.parts(
            options[i],
            shared,
            profile,
            pricing=model.pricing,
            basis=model.basis,
            employees=profile.employees,
            devices=used.devices,
            **answers,
            at=at,
        )
        drawn[i] = found if adjust is None else adjust(i, found, options[i])
        means[i] = part
    for index, (quote, priced) in priced_quotes.items():
        bought = quotes.price_as_option(
            quote, catalogue, options, shared, profile, devices=used.devices, **answers, at=at
        )
        if bought is not None and adjust is not None:
            bought = adjust(index, bought, options[quotes.option_index(quote, catalogue) or 0], quote)
        drawn[index] = bought.parts if bought is not None else priced.parts
        means[index] = priced.parts
    series = {(c, name): each for c, parts in drawn.items() for name, each in _series(parts).items()}
    ranges = _ranges(series, means)
    candidates = list(drawn)  # the options first, then the quotes
    options_only = list(expected)
    n = len(options_only)
    # A row a candidate: its total in every draw, and its ranking figure (the total less its allowance).
    totals = np.array([series[c, "total"] for c in candidates])
    shares = allowance_shares or {}
    allowed = np.array([shares.get(c, 0.0) for c in candidates])[:, None]
    ranking = totals - allowed * np.array([series[c, "bills"] for c in candidates])
    cheapest = _chance_lowest(totals, candidates)
    quoted = [c for c in candidates if c in priced_quotes]
    return Simulated(
        parts={i: _cost_parts(ranges, i) for i in options_only},
        totals={i: ranges[i, "total"] for i in options_only},
        chance_cheapest={i: cheapest[i] for i in options_only},
        quote_parts=tuple(_cost_parts(ranges, c) for c in quoted),
        quote_totals=tuple(ranges[c, "total"] for c in quoted),
        quote_chance_cheapest=tuple(cheapest[c] for c in quoted),
        chance_cheapest_of_options=_chance_lowest(totals[:n], options_only) if quoted else None,
        chance_leads=_chance_lowest(ranking, candidates),
        chance_leads_of_options=_chance_lowest(ranking[:n], options_only) if quoted else None,
        ranked=ranking,
        candidates=tuple(candidates),
        units=draws.units,
        drawn_from=draws.figures,
        used=used_figures,
        rows=draws.rows,
    )


def _values(draws: Draws, catalogue: Catalogue, profile: Profile) -> tuple[dict[Row, Any], tuple[Figure, ...]]:
    """The draws of every figure, by name, for this person, and the figures they are drawn from: the
    catalogue's, with the person's own quotes in place (fixed at their value: not drawn)."""
    own: dict[Row, Figure] = {}
    for i, model in enumerate(catalogue.models):
        quoted = costs.own_quotes(model, profile)
        if quoted:
            theirs = costs.option_figures(model, profile)
            own.update({(key, i): theirs[key] for key in quoted})
    if not own:
        return draws.values, draws.figures
    figures = list(draws.figures)
    for row, figure in own.items():
        figures[draws.index[row]] = figure
    return {**draws.values, **{row: float(figure.expected) for row, figure in own.items()}}, tuple(figures)


def _series(parts: costs.Parts) -> dict[str, np.ndarray]:
    """A candidate's PARTS in every draw (a part that does not vary, such as no staff, repeated)."""
    bills = parts.bills
    found = {"bills": bills, "lost_work": parts.lost_work, "risk": parts.risk}
    found["total"] = bills + parts.lost_work + parts.risk  # parts.total, without adding the bills up again
    return {
        name: values if getattr(values, "shape", None) == (DRAWS,) else np.broadcast_to(values, (DRAWS,))
        for name, values in found.items()
    }


def _ranges(series: dict[tuple[int, str], np.ndarray], means: dict[int, costs.Parts]) -> dict[tuple[int, str], Range]:
    """Each candidate's PARTS from their LOW_PERCENTILE to their HIGH_PERCENTILE over the draws (widened to take
    in the value at every figure's expected value), by candidate and part."""
    low, high = percentiles(np.array(list(series.values())), (LOW_PERCENTILE, HIGH_PERCENTILE))
    ranges = {}
    for (c, name), lo, hi in zip(series, low, high, strict=True):
        expected = float(getattr(means[c], name))
        ranges[c, name] = Range(min(float(lo), expected), expected, max(float(hi), expected))
    return ranges


def percentiles(rows: np.ndarray, q: tuple[float, ...]) -> np.ndarray:
    """np.percentile(rows, q, axis=1) to the last bit (its default, linear method: the value q % of the way from
    the lowest to the highest, between the two nearest), in a fraction of its time: the rows sorted in place,
    along them (numpy partitions a transposed copy for several percentiles, several times slower). Sorts `rows`."""
    n = rows.shape[1]
    virtual = (n - 1) * (np.asarray(q, dtype=float) / 100)
    below = np.floor(virtual).astype(np.intp)
    above = np.minimum(below + 1, n - 1)
    gamma = (virtual - below)[:, None]
    rows.sort(axis=1)
    a, b = rows[:, below].T, rows[:, above].T
    apart = b - a
    found: np.ndarray = np.where(gamma >= 0.5, b - apart * (1 - gamma), a + apart * gamma)
    return found


def _cost_parts(ranges: dict[tuple[int, str], Range], candidate: int) -> CostParts:
    return CostParts(
        bills=ranges[candidate, "bills"], lost_work=ranges[candidate, "lost_work"], risk=ranges[candidate, "risk"]
    )


def _chance_lowest(figures: np.ndarray, among: list[int]) -> dict[int, float]:
    """The share of draws in which each of `among` has the lowest figure of them (on a tie, the first), with
    `figures` a row for each of them, in that order, and a column a draw."""
    lowest = np.argmin(figures, axis=0)
    counts = np.bincount(lowest, minlength=len(among))
    return {c: float(counts[n] / DRAWS) for n, c in enumerate(among)}


@functools.lru_cache(maxsize=32)
def row_keys(
    models: int, later: tuple[str, ...], quote_keys: tuple[str, ...], size: tuple[str, ...]
) -> tuple[tuple[str, int | None], ...]:
    """Each row of the draws as simulate() takes them: the figure's key and its option (None: shared)."""
    return tuple(
        [(key, None) for key in costs.SHARED_KEYS]
        + [(key, i) for i in range(models) for key in costs.OPTION_KEYS]
        + [(key, None) for key in later + quote_keys]
        + [(key, i) for i in range(models) for key in costs.SIZE_OPTION_KEYS]
        + [(key, None) for key in size]
    )
