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
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import costs, quotes
from .domain import Catalogue, CostParts, Figure, Profile, Quote, Range

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


def draw_all(
    catalogue_figures: list[Figure], used_figures: list[Figure], units: np.ndarray | None = None
) -> list[np.ndarray | float]:
    """DRAWS values of each figure used, from the PERT distribution of the catalogue's figure in the same place
    (`units`, when given, are unit_draws of the catalogue's figures, fetched already).

    A figure without a range, or one the person replaced with their own quote, is just its value. The draws
    come from the catalogue's figures, not the ones used, so a quote of the person's own changes no other
    figure's draws."""
    if units is None:
        units = unit_draws(tuple(_shape(f) for f in catalogue_figures))
    return [
        figure.low + (figure.high - figure.low) * row if figure.uncertain else float(figure.expected)
        for figure, row in zip(used_figures, units, strict=False)
    ]


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
    shared_figures = [catalogue.figures[key] for key in costs.SHARED_KEYS]
    catalogue_figures = [costs.option_figures(model, None) for model in catalogue.models]
    used_figures = [costs.option_figures(model, profile) for model in catalogue.models]
    # Shared figures added later come after the options' (adding one moves no older figure's draws), and the
    # quotes' own figures last, so that entering a quote moves no other figure's draws.
    later = [key for key in costs.LATER_SHARED_KEYS if key in catalogue.figures]
    later_figures = [catalogue.figures[key] for key in later]
    # The quotes' figures are drawn whether or not there are quotes (only used with some), so that the figures
    # for size that follow them (each option's, then the shared ones) draw the same with or without quotes.
    quote_keys = [key for key in quotes.QUOTE_KEYS if key in catalogue.figures]
    quote_figures = [catalogue.figures[key] for key in quote_keys]
    size = [key for key in costs.SIZE_SHARED_KEYS if key in catalogue.figures]
    size_figures = [catalogue.figures[key] for key in size]
    used_list = (
        shared_figures
        + [f[key] for f in used_figures for key in costs.OPTION_KEYS]
        + later_figures
        + quote_figures
        + [f[key] for f in used_figures for key in costs.SIZE_OPTION_KEYS]
        + size_figures
    )
    drawn_from = (
        shared_figures
        + [f[key] for f in catalogue_figures for key in costs.OPTION_KEYS]
        + later_figures
        + quote_figures
        + [f[key] for f in catalogue_figures for key in costs.SIZE_OPTION_KEYS]
        + size_figures
    )
    units = unit_draws(tuple(_shape(f) for f in drawn_from))
    values = iter(draw_all(drawn_from, used_list, units))
    shared = {key: next(values) for key in costs.SHARED_KEYS}
    used = costs.estimates(profile, shared)
    options = [{key: next(values) for key in costs.OPTION_KEYS} for _ in catalogue.models]  # drawn for every
    # option, so that draws never shift when an option does not apply
    shared.update({key: next(values) for key in later})
    shared.update({key: next(values) for key in quote_keys})
    for option in options:
        option.update({key: next(values) for key in costs.SIZE_OPTION_KEYS})
    shared.update({key: next(values) for key in size})
    shared.update(quotes.hourly_firm(catalogue, options) if priced_quotes else {})  # on Break/Fix's own draws
    shared.update(costs.tax_figures(catalogue))  # not drawn: a rate set by law
    drawn = [
        costs.parts(
            options[i],
            shared,
            profile,
            pricing=catalogue.models[i].pricing,
            basis=catalogue.models[i].basis,
            employees=profile.employees,
            devices=used.devices,
            incidents=used.incidents_per_month,
            downtime_cost=used.downtime_cost_per_hour,
        )
        for i in expected
    ]
    if adjust is not None:
        drawn = [adjust(i, part, options[i]) for i, part in zip(expected, drawn, strict=True)]
    means = list(expected.values())
    for index, (quote, priced) in priced_quotes.items():
        found = quotes.price_as_option(
            quote,
            catalogue,
            options,
            shared,
            profile,
            devices=used.devices,
            incidents=used.incidents_per_month,
            downtime_cost=used.downtime_cost_per_hour,
        )
        if found is not None and adjust is not None:
            found = adjust(index, found, options[quotes.option_index(quote, catalogue) or 0], quote)
        drawn.append(found.parts if found is not None else priced.parts)
        means.append(priced.parts)
    rows = np.array(
        [
            np.broadcast_to(series, (DRAWS,))
            for part in drawn
            for series in (part.bills, part.lost_work, part.risk, part.total)
        ]
    )
    low, high = np.percentile(rows, [LOW_PERCENTILE, HIGH_PERCENTILE], axis=1)
    at_means = [float(v) for part in means for v in (part.bills, part.lost_work, part.risk, part.total)]
    ranges = [
        Range(min(float(lo), exp), exp, max(float(hi), exp)) for lo, hi, exp in zip(low, high, at_means, strict=False)
    ]
    totals = rows[3::4]
    cheapest = np.bincount(np.argmin(totals, axis=0), minlength=len(drawn)) / DRAWS
    indexes, n_options = list(expected), len(expected)
    candidates = indexes + list(priced_quotes)
    shares = np.array([(allowance_shares or {}).get(i, 0.0) for i in candidates])[:, None]
    ranked = totals - shares * rows[0::4]
    leads = np.bincount(np.argmin(ranked, axis=0), minlength=len(candidates)) / DRAWS
    of_options = leads_of_options = None
    if len(drawn) > n_options:
        alone = np.bincount(np.argmin(totals[:n_options], axis=0), minlength=n_options) / DRAWS
        of_options = {i: float(alone[n]) for n, i in enumerate(indexes)}
        ahead = np.bincount(np.argmin(ranked[:n_options], axis=0), minlength=n_options) / DRAWS
        leads_of_options = {i: float(ahead[n]) for n, i in enumerate(indexes)}
    return Simulated(
        parts={i: CostParts(*ranges[4 * n : 4 * n + 3]) for n, i in enumerate(indexes)},
        totals={i: ranges[4 * n + 3] for n, i in enumerate(indexes)},
        chance_cheapest={i: float(cheapest[n]) for n, i in enumerate(indexes)},
        quote_parts=tuple(CostParts(*ranges[4 * n : 4 * n + 3]) for n in range(n_options, len(drawn))),
        quote_totals=tuple(ranges[4 * n + 3] for n in range(n_options, len(drawn))),
        quote_chance_cheapest=tuple(float(cheapest[n]) for n in range(n_options, len(drawn))),
        chance_cheapest_of_options=of_options,
        chance_leads={i: float(leads[n]) for n, i in enumerate(candidates)},
        chance_leads_of_options=leads_of_options,
        ranked=ranked,
        candidates=tuple(candidates),
        units=units,
        drawn_from=drawn_from,
        used=used_list,
        rows=row_keys(len(catalogue.models), tuple(later), tuple(quote_keys), tuple(size)),
    )


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
