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

import numpy as np

from . import costs
from .domain import Catalogue, CostParts, Figure, Profile, Range

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
    return (1.0 + PERT_PEAK_WEIGHT * (figure.expected - figure.low) / span,
            1.0 + PERT_PEAK_WEIGHT * (figure.high - figure.expected) / span)


def draw_all(catalogue_figures: list[Figure], used_figures: list[Figure]) -> list[np.ndarray | float]:
    """DRAWS values of each figure used, from the PERT distribution of the catalogue's figure in the same place.

    A figure without a range, or one the person replaced with their own quote, is just its value. The draws
    come from the catalogue's figures, not the ones used, so a quote of the person's own changes no other
    figure's draws."""
    units = unit_draws(tuple(_shape(f) for f in catalogue_figures))
    return [figure.low + (figure.high - figure.low) * row if figure.uncertain else float(figure.expected)
            for figure, row in zip(used_figures, units)]


@dataclass(frozen=True)
class Simulated:
    # By the option's index in the catalogue, for the options simulated (those that apply):
    parts: dict[int, CostParts]
    totals: dict[int, Range]
    chance_cheapest: dict[int, float]


def simulate(profile: Profile, catalogue: Catalogue, expected: dict[int, costs.Parts]) -> Simulated:
    """Percentile ranges and chances of being cheapest for the options in `expected` (by catalogue index: those
    that apply), each with its parts at every figure's expected value, as decide.py works them out."""
    shared_figures = [catalogue.figures[key] for key in costs.SHARED_KEYS]
    catalogue_figures = [costs.option_figures(model, None) for model in catalogue.models]
    used_figures = [costs.option_figures(model, profile) for model in catalogue.models]
    values = iter(draw_all(shared_figures + [f[key] for f in catalogue_figures for key in costs.OPTION_KEYS],
                           shared_figures + [f[key] for f in used_figures for key in costs.OPTION_KEYS]))
    shared = {key: next(values) for key in costs.SHARED_KEYS}
    used = costs.estimates(profile, shared)
    drawn: dict[int, costs.Parts] = {}
    for i, model in enumerate(catalogue.models):
        option = {key: next(values) for key in costs.OPTION_KEYS}  # drawn for every option, so that draws
        if i in expected:  # never shift when an option does not apply
            drawn[i] = costs.parts(option, shared, profile, pricing=model.pricing, employees=profile.employees,
                                   devices=used.devices, incidents=used.incidents_per_month,
                                   downtime_cost=used.downtime_cost_per_hour)
    indexes = list(drawn)
    rows = np.array([np.broadcast_to(series, (DRAWS,)) for i in indexes
                     for series in (drawn[i].bills, drawn[i].lost_work, drawn[i].risk, drawn[i].total)])
    low, high = np.percentile(rows, [LOW_PERCENTILE, HIGH_PERCENTILE], axis=1)
    values = [float(v) for i in indexes for v in (expected[i].bills, expected[i].lost_work, expected[i].risk,
                                                  expected[i].total)]
    ranges = [Range(min(float(lo), exp), exp, max(float(hi), exp)) for lo, hi, exp in zip(low, high, values)]
    cheapest = np.bincount(np.argmin(rows[3::4], axis=0), minlength=len(indexes)) / DRAWS
    return Simulated(
        parts={i: CostParts(*ranges[4 * n:4 * n + 3]) for n, i in enumerate(indexes)},
        totals={i: ranges[4 * n + 3] for n, i in enumerate(indexes)},
        chance_cheapest={i: float(cheapest[n]) for n, i in enumerate(indexes)},
    )
