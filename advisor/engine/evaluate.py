"""One evaluation: each option's money at every figure's expected value, and the ranking. Pure.

The one formula the result (decide.score) and every re-score of the tipping search (tipping.py) use, kept apart
from both so that each imports it and neither imports the other.

1. Cost of each option over three years (costs.py), in three parts: bills, lost work and risk; each of the
   person's quotes priced as the option it is a way of buying (quotes.py); what the insurer and frameworks ask
   priced into each (requirements.py).
2. The ranking figure of each option is that expected three-year total, less an allowance when the person said
   how they prefer to pay: the options that charge that way ("a predictable monthly cost": a subscription or
   salaried staff; "pay only when something breaks": by the job) count as cheaper by a share of their own
   three-year bills (the staff-edited figure preference_allowance_share, seeded at 10 %). The lowest figure is
   recommended (on equal figures, the option listed first in the catalogue). With no stated preference the
   recommendation is simply the cheapest all told.
3. `overall`, 0 to 100, restates the ranking figure against a fixed reference, what IT support typically costs an
   organisation of this size (REFERENCE_SPEND_PER_PERSON_YEAR a person a year for three years):
   100 x reference / (reference + figure). It falls as the figure rises and never depends on the other options.
   `cost_score` is the same of the total without the allowance. `fit` (0 to 100: how well each option's
   characteristics meet the needs the answers show) is explanation only: it no longer moves the ranking, since
   lost work and risk already price downtime, response, backups and upkeep.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from . import costs, needs, quotes, requirements
from .domain import Catalogue, Estimates, Profile, Quote

REFERENCE_SPEND_PER_PERSON_YEAR = 2_000.0  # about a typical MSP fee ($150 a user a month) plus security tooling
# The options a stated way of paying matches, by how they charge (costs.PRICING_TYPES).
PREFERENCE_MATCHES = {
    "predictable": (costs.SUBSCRIPTION, costs.SALARIED),
    "pay_as_you_go": (costs.PER_JOB,),
}
PREFERENCE_ALLOWANCE_KEY = "preference_allowance_share"


@dataclass(slots=True)
class Evaluation:
    """The decision at one set of answers, with every figure at its expected value. Read-only by convention, not
    frozen: the tipping search makes some twenty a score, and a frozen dataclass's __init__ costs several times a
    plain one's."""

    estimates: Estimates  # the devices, problems a month and downtime cost scored with
    signals: dict[str, float]
    levels: list[float]  # each aspect's need
    # By the option's index in the catalogue, for the options that apply to this organisation only:
    fits: dict[int, float]
    parts: dict[int, costs.Parts]
    totals: dict[int, float]
    allowances: dict[int, float]  # what a stated way of paying counts for, taken off the total to rank
    ranking: dict[int, float]  # total less allowance: the lowest is recommended
    cost_scores: dict[int, float]
    overall: dict[int, float]
    order: list[int]  # the options that apply and the quotes (index len(catalogue.models) + n), best first
    quotes: dict[int, tuple[Quote, quotes.Priced]] = field(default_factory=dict)  # by candidate index
    models: dict[int, int] = field(default_factory=dict)  # each candidate's option (by catalogue index)
    plan: requirements.Plan | None = None  # what the insurer and frameworks ask of each option; None: nothing
    shares: dict[int, float] = field(default_factory=dict)  # each candidate's allowance as a share of its bills

    @property
    def best(self) -> int:
        return self.order[0]

    @property
    def cheapest(self) -> int:
        """The candidate cheapest all told (on equal totals, the one listed first)."""
        return ranked(self.totals)[0]

    @property
    def best_option(self) -> int:
        """The option recommended: the best candidate's own, or the option its quote is a way of buying."""
        return self.models[self.best]

    def runner_up(self) -> int | None:
        """The best candidate that is another option than the best's (a quote for the same option is no rival)."""
        return next((i for i in self.order if self.models[i] != self.best_option), None)


# Figures that round to the same millionth are equal: the one listed first leads (ranked()).
EQUAL_DIGITS = 6
# Figures further apart than this are never equal at EQUAL_DIGITS, whatever rounding does between them.
_APART = 10.0 ** -(EQUAL_DIGITS - 1)


def ranked(figures: dict[int, float]) -> list[int]:
    """The keys of `figures`, lowest figure first; figures equal to EQUAL_DIGITS decimals in the order of their keys.

    The same as sorted(figures, key=lambda i: (round(figures[i], EQUAL_DIGITS), i)), without rounding every figure
    (rounding to digits costs several times the sort): the figures are sorted as they are, and only a run of
    neighbours closer than _APART is put in that order again. Figures further apart keep their order, since
    rounding moves each by at most half a millionth."""
    order = sorted(figures, key=figures.__getitem__)
    start = 0
    for end in range(1, len(order) + 1):
        if end == len(order) or figures[order[end]] - figures[order[end - 1]] >= _APART:
            if end - start > 1:
                order[start:end] = sorted(order[start:end], key=lambda i: (round(figures[i], EQUAL_DIGITS), i))
            start = end
    return order


def weight_shares(catalogue: Catalogue) -> list[float]:
    """Each aspect's share of the total weight (equal shares when every weight is zero)."""
    total = sum(max(0.0, d.weight) for d in catalogue.dimensions)
    if total <= 0:
        return [1.0 / len(catalogue.dimensions)] * len(catalogue.dimensions)
    return [max(0.0, d.weight) / total for d in catalogue.dimensions]


def reference_spend(employees: float) -> float:
    return REFERENCE_SPEND_PER_PERSON_YEAR * costs.YEARS * max(1.0, employees)


def score_of(figure: float, employees: float) -> float:
    """0 to 100 for a three-year figure against the reference spend: 100 at no cost, 50 at the reference, and
    falling toward 0 as the figure grows, whatever the other options cost."""
    reference = reference_spend(employees)
    return 100.0 * reference / (reference + max(0.0, figure))


def allowance_share(profile: Profile, catalogue: Catalogue, pricing: str) -> float:
    """The share of an option's three-year bills that the person's stated way of paying counts for (0 when they
    stated none, or the option does not charge that way)."""
    figure = catalogue.figures.get(PREFERENCE_ALLOWANCE_KEY)
    if figure is None or pricing not in PREFERENCE_MATCHES.get(profile.budget_preference, ()):
        return 0.0
    return max(0.0, min(1.0, float(figure.expected)))


@dataclass(frozen=True)
class CatalogueFigures:
    """What the formula takes from a catalogue that is the same for every organisation, worked out once per
    score() rather than once per re-score of the tipping search."""

    losses: list[list[float]]  # per option, per aspect: weight share x (1 - rating / 5)
    options: list[dict[str, float]]  # each option's figures at their expected values
    shared: dict[str, float]  # the figures for every option, at their expected values
    needs_it_staff: list[bool]  # options that only apply beside in-house IT staff
    weights: list[float]  # each aspect's share of the total weight (weight_shares)
    quote_shared: dict[str, float] = field(default_factory=dict)  # `shared` with the figures pricing quotes


def quote_figures(catalogue: Catalogue, options: list[dict[str, float]], shared: dict[str, float]) -> dict[str, float]:
    """The shared figures at their expected values with those pricing what a quote leaves out."""
    quote_keys = {key: catalogue.figures[key].expected for key in quotes.QUOTE_KEYS if key in catalogue.figures}
    return {**shared, **quote_keys, **quotes.hourly_firm(catalogue, options)}


def prepare(catalogue: Catalogue) -> CatalogueFigures:
    shares = weight_shares(catalogue)
    options = [
        {key: m.figures[key].expected if key in m.figures else 0.0 for key in costs.ALL_OPTION_KEYS}
        for m in catalogue.models
    ]
    shared = {
        **{key: catalogue.figures[key].expected for key in costs.ALL_SHARED_KEYS if key in catalogue.figures},
        **costs.tax_figures(catalogue),
    }
    return CatalogueFigures(
        losses=[
            [
                share * (1.0 - m.ratings.get(d.slug, 0) / 5.0)
                for share, d in zip(shares, catalogue.dimensions, strict=False)
            ]
            for m in catalogue.models
        ],
        options=options,
        shared=shared,
        needs_it_staff=[
            m.figures["requires_it_staff"].expected >= 1 if "requires_it_staff" in m.figures else False
            for m in catalogue.models
        ],
        weights=shares,
        quote_shared=quote_figures(catalogue, options, shared),
    )


_KEPT: dict[tuple[int, str], tuple[Catalogue, tuple[Any, ...], Any]] = {}
_KEEP = 32  # catalogues: a process sees a few (one a region and content version)


def kept_for(catalogue: Catalogue, kind: str, make: Callable[[Catalogue], Any]) -> Any:
    """make(catalogue), worked out once for the catalogue object and kept while its figures are the same objects
    (the site shares one catalogue between every assessment scored against it). Read-only to the caller."""
    figures = (
        tuple(catalogue.figures.values()),
        *(tuple(m.figures.values()) for m in catalogue.models),
        *(tuple(m.ratings.values()) for m in catalogue.models),
    )
    key = (id(catalogue), kind)
    kept = _KEPT.get(key)
    if kept is not None and kept[0] is catalogue and kept[1] == figures:
        return kept[2]
    if len(_KEPT) >= _KEEP:
        _KEPT.clear()
    found = make(catalogue)
    _KEPT[key] = (catalogue, figures, found)
    return found


def catalogue_figures(catalogue: Catalogue) -> CatalogueFigures:
    """prepare(catalogue), kept for the catalogue (kept_for)."""
    found: CatalogueFigures = kept_for(catalogue, "prepared", prepare)
    return found


def applicable(profile: Profile, prepared: CatalogueFigures) -> list[int]:
    """The options (by catalogue index) that can serve this organisation: co-managed IT needs in-house staff."""
    return [i for i, needs_staff in enumerate(prepared.needs_it_staff) if not (needs_staff and profile.it_staff <= 0)]


def evaluate(
    profile: Profile,
    catalogue: Catalogue,
    prepared: CatalogueFigures | None = None,
    *,
    ranking_only: bool = False,
    like: Evaluation | None = None,
) -> Evaluation:
    """Fit, cost and overall of every option for these answers, and of each of the person's quotes as the option
    it is a way of buying, ranked: the one formula the result and every re-score of the tipping search use.
    `ranking_only` (the tipping search, which reads the ranking alone) leaves out what only explains it: the
    needs, the fits and the 0-100 scores are then empty. `like` is an evaluation of the same organisation with
    other numbers of people, devices, problems or downtime cost (the tipping search's), or with its quotes (the
    answer without them): what depends on none of those (what the insurer and frameworks ask, each candidate's
    allowance share) is taken from it."""
    prep = prepared or catalogue_figures(catalogue)
    used = costs.estimates(profile, prep.shared)
    signals = {} if ranking_only else needs.signals(profile, used)
    levels = [] if ranking_only else needs.needs(catalogue, signals)
    fits: dict[int, float] = {}
    parts: dict[int, costs.Parts] = {}
    if like is not None:
        plan = like.plan
    else:
        plan = requirements.plan(profile, catalogue) if requirements.applies(profile) else None
    met = meeting(plan, catalogue, profile.employees, used.devices) if plan and plan.requirements else None
    at = costs.setting(
        prep.shared,
        profile,
        employees=profile.employees,
        devices=used.devices,
        downtime_cost=used.downtime_cost_per_hour,
    )
    for i in applicable(profile, prep):
        model, option = catalogue.models[i], prep.options[i]
        if not ranking_only:
            fits[i] = 100.0 * (1.0 - sum(map(operator.mul, levels, prep.losses[i])))
        parts[i] = costs.parts(
            option,
            prep.shared,
            profile,
            pricing=model.pricing,
            basis=model.basis,
            employees=profile.employees,
            devices=used.devices,
            incidents=used.incidents_per_month,
            downtime_cost=used.downtime_cost_per_hour,
            at=at,
        )
        if met is not None:
            parts[i] = met(i, parts[i], option)
    models = {i: i for i in parts}
    priced: dict[int, tuple[Quote, quotes.Priced]] = {}
    if profile.quotes:
        shared = prep.quote_shared or quote_shared(catalogue, prep)
        for n, quote in enumerate(profile.quotes):
            found = quotes.price_as_option(
                quote,
                catalogue,
                prep.options,
                shared,
                profile,
                devices=used.devices,
                incidents=used.incidents_per_month,
                downtime_cost=used.downtime_cost_per_hour,
                at=at,
            )
            bought = quotes.option_index(quote, catalogue)
            if found is not None and bought is not None and bought in parts:
                index = len(catalogue.models) + n
                if met is not None:
                    found = met(index, found, prep.options[bought], quote)
                priced[index] = (quote, found)
                models[index] = bought
    every = {**parts, **{i: found.parts for i, (_, found) in priced.items()}} if priced else parts
    if like is not None and like.shares.keys() >= every.keys():
        shares = like.shares
    else:
        by_pricing = {m.pricing: allowance_share(profile, catalogue, m.pricing) for m in catalogue.models}
        shares = {i: by_pricing[catalogue.models[models[i]].pricing] for i in every}
    totals: dict[int, float] = {}
    allowances: dict[int, float] = {}
    ranking: dict[int, float] = {}
    for i, p in every.items():
        bill = p.bills
        totals[i] = total = float(bill + p.lost_work + p.risk)  # p.total, adding the bills up once
        allowances[i] = allowance = shares[i] * float(bill)
        ranking[i] = total - allowance
    cost_scores = {} if ranking_only else {i: score_of(t, profile.employees) for i, t in totals.items()}
    overall = {} if ranking_only else {i: score_of(r, profile.employees) for i, r in ranking.items()}
    order = ranked(ranking)
    return Evaluation(
        used,
        signals,
        levels,
        fits,
        parts,
        totals,
        allowances,
        ranking,
        cost_scores,
        overall,
        order,
        priced,
        models,
        plan,
        shares,
    )


def meeting(plan: requirements.Plan, catalogue: Catalogue, employees: int, devices: float) -> Callable[..., Any]:
    """A function pricing the requirements into one candidate's parts: an option's (by catalogue index) or a
    quote's (its Priced, priced as the option it buys, less what its promised patch time misses)."""
    fallback = requirements.fallback_rate(catalogue)
    people = max(1.0, float(employees))
    addons = {a.code: a for a in catalogue.addons}

    def met(index: int, found: Any, option: dict[str, Any], quote: Quote | None = None) -> Any:
        if quote is None:
            slug = catalogue.models[index].slug
            option_plan = plan.of(slug)
            return (
                found
                if option_plan is None
                else requirements.priced(found, option_plan, requirements.rate(option, fallback), people, devices)
            )
        slug = next(m.slug for m in catalogue.models if m.slug == quote.model)
        missed = frozenset(
            r.code
            for r, _ in requirements.missed_by_quote(plan, slug, quote.patch_days)
            if quote.patch_days is not None
        )
        option_plan = requirements.option_plan(slug, plan.requirements, plan.yours, addons, missed)
        rate = requirements.rate({"hourly_rate": quote.hourly_rate or option.get("hourly_rate", 0.0)}, fallback)
        parts = requirements.priced(found.parts, option_plan, rate, people, devices)
        if parts is found.parts:
            return found
        return replace(found, parts=parts, lines={**found.lines, "addons": parts.addons})

    return met


def quote_shared(catalogue: Catalogue, prepared: CatalogueFigures) -> dict[str, float]:
    """The shared figures at their expected values with those pricing what a quote leaves out."""
    return prepared.quote_shared or quote_figures(catalogue, prepared.options, prepared.shared)


def resized(profile: Profile, employees: int, used: Estimates) -> Profile:
    """The same organisation at another head count: devices, problems a month and downtime cost move with it
    at the organisation's own rate per person (blank ones are estimated from size anyway)."""
    factor = employees / profile.employees

    def scaled(given: float | None, value: float) -> float | None:
        return None if given is None else value * factor

    return moved(
        profile,
        employees=employees,
        devices=scaled(profile.devices, used.devices),
        incidents_per_month=scaled(profile.incidents_per_month, used.incidents_per_month),
        downtime_cost_per_hour=scaled(profile.downtime_cost_per_hour, used.downtime_cost_per_hour),
    )


def moved(profile: Profile, **answers: Any) -> Profile:
    """The profile with these answers changed, as dataclasses.replace() makes it but copying the fields rather than
    running the dataclass's __init__ again (it has no checks to run; the tipping search makes a few dozen a score,
    and __init__ costs more than the copy by several times)."""
    found = object.__new__(type(profile))
    found.__dict__.update(profile.__dict__)
    found.__dict__.update(answers)
    return found
