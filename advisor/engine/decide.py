"""The decision: each option's money, the ranking, and `score()`, the engine's one entry point. Pure.

1. Cost of each option over three years (costs.py), in three parts: bills, lost work and risk.
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
4. A close call: the leader is the lowest on the ranking figure in under CLOSE_CALL_CHANCE of the simulated
   cases, or leads the runner-up by under CLOSE_CALL_SHARE of its own figure.
5. The ranges (uncertainty.py), the tipping points (tipping.py) and the words (explain.py).
"""

from __future__ import annotations

import operator
from dataclasses import dataclass, replace

from . import costs, explain, needs, quotes, tipping, uncertainty
from .domain import (
    RESULT_VERSION,
    Catalogue,
    CostParts,
    DimensionFit,
    Estimates,
    NotApplicable,
    OptionCost,
    OptionResult,
    Profile,
    Quote,
    QuoteResult,
    Range,
    Result,
)

REFERENCE_SPEND_PER_PERSON_YEAR = 2_000.0  # about a typical MSP fee ($150 a user a month) plus security tooling
# A close call: the leader is the lowest on the ranking figure in fewer than this share of the simulated cases...
CLOSE_CALL_CHANCE = 2 / 3
# ...or leads the runner-up by less than this share of its own ranking figure.
CLOSE_CALL_SHARE = 0.05
# The options a stated way of paying matches, by how they charge (costs.PRICING_TYPES).
PREFERENCE_MATCHES = {
    "predictable": (costs.SUBSCRIPTION, costs.SALARIED),
    "pay_as_you_go": (costs.PER_JOB,),
}
PREFERENCE_ALLOWANCE_KEY = "preference_allowance_share"
# Beyond these the cost figures (small-business prices) no longer hold: the result says so.
SCOPE_MAX_PEOPLE = 250
SCOPE_MAX_IT_STAFF = 3.0


@dataclass(frozen=True)
class Evaluation:
    """The decision at one set of answers, with every figure at its expected value."""

    used: Estimates
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
    order: list[int]  # the options that apply, best first
    cheapest: int

    @property
    def best(self) -> int:
        return self.order[0]


def weight_shares(catalogue: Catalogue) -> list[float]:
    """Each aspect's share of the total weight (equal shares when every weight is zero)."""
    total = sum(max(0.0, d.weight) for d in catalogue.dimensions)
    if total <= 0:
        return [1.0 / len(catalogue.dimensions)] * len(catalogue.dimensions)
    return [max(0.0, d.weight) / total for d in catalogue.dimensions]


def fit_points(catalogue: Catalogue, rating_of: dict[str, int], levels: list[float]) -> list[float]:
    """Each aspect's points of an option's fit: its weight share, less need x (1 - rating / 5) of it."""
    return [
        100.0 * share * (1.0 - level * (1.0 - rating_of.get(d.slug, 0) / 5.0))
        for share, level, d in zip(weight_shares(catalogue), levels, catalogue.dimensions, strict=False)
    ]


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
class Prepared:
    """What the formula takes from a catalogue that is the same for every organisation, worked out once per
    score() rather than once per re-score of the tipping search."""

    losses: list[list[float]]  # per option, per aspect: weight share x (1 - rating / 5)
    options: list[dict[str, float]]  # each option's figures at their expected values
    shared: dict[str, float]  # the figures for every option, at their expected values
    needs_it_staff: list[bool]  # options that only apply beside in-house IT staff


def prepare(catalogue: Catalogue) -> Prepared:
    shares = weight_shares(catalogue)
    return Prepared(
        losses=[
            [
                share * (1.0 - m.ratings.get(d.slug, 0) / 5.0)
                for share, d in zip(shares, catalogue.dimensions, strict=False)
            ]
            for m in catalogue.models
        ],
        options=[
            {key: m.figures[key].expected if key in m.figures else 0.0 for key in costs.ALL_OPTION_KEYS}
            for m in catalogue.models
        ],
        shared={key: catalogue.figures[key].expected for key in costs.ALL_SHARED_KEYS if key in catalogue.figures},
        needs_it_staff=[
            m.figures["requires_it_staff"].expected >= 1 if "requires_it_staff" in m.figures else False
            for m in catalogue.models
        ],
    )


def applicable(profile: Profile, prepared: Prepared) -> list[int]:
    """The options (by catalogue index) that can serve this organisation: co-managed IT needs in-house staff."""
    return [i for i, needs_staff in enumerate(prepared.needs_it_staff) if not (needs_staff and profile.it_staff <= 0)]


def evaluate(profile: Profile, catalogue: Catalogue, prepared: Prepared | None = None) -> Evaluation:
    """Fit, cost and overall of every option for these answers, ranked: the one formula the result and every
    re-score of the tipping search use."""
    prep = prepared or prepare(catalogue)
    used = costs.estimates(profile, prep.shared)
    signals = needs.signals(profile, used)
    levels = needs.needs(catalogue, signals)
    fits: dict[int, float] = {}
    parts: dict[int, costs.Parts] = {}
    for i in applicable(profile, prep):
        model, option = catalogue.models[i], prep.options[i]
        fits[i] = 100.0 * (1.0 - sum(map(operator.mul, levels, prep.losses[i])))
        own = costs.own_quotes(model, profile)
        parts[i] = costs.parts(
            {**option, **own} if own else option,
            prep.shared,
            profile,
            pricing=model.pricing,
            basis=model.basis,
            employees=profile.employees,
            devices=used.devices,
            incidents=used.incidents_per_month,
            downtime_cost=used.downtime_cost_per_hour,
        )
    totals = {i: float(p.total) for i, p in parts.items()}
    allowances = {
        i: allowance_share(profile, catalogue, catalogue.models[i].pricing) * float(p.bills) for i, p in parts.items()
    }
    ranking = {i: totals[i] - allowances[i] for i in totals}
    cost_scores = {i: score_of(t, profile.employees) for i, t in totals.items()}
    overall = {i: score_of(r, profile.employees) for i, r in ranking.items()}
    order = sorted(ranking, key=lambda i: (round(ranking[i], 6), i))
    cheapest = min(totals, key=lambda i: (round(totals[i], 6), i))
    return Evaluation(
        used, signals, levels, fits, parts, totals, allowances, ranking, cost_scores, overall, order, cheapest
    )


def is_close_call(ev: Evaluation, chance_leads: dict[int, float]) -> bool:
    """Whether the leader is the lowest on the ranking figure in under CLOSE_CALL_CHANCE of the simulated cases,
    or leads the runner-up by under CLOSE_CALL_SHARE of its own figure."""
    if len(ev.order) < 2:
        return False
    best, second = ev.order[0], ev.order[1]
    gap = ev.ranking[second] - ev.ranking[best]
    return chance_leads.get(best, 1.0) < CLOSE_CALL_CHANCE or gap < CLOSE_CALL_SHARE * ev.ranking[best]


def resized(profile: Profile, employees: int, used: Estimates) -> Profile:
    """The same organisation at another head count: devices, problems a month and downtime cost move with it
    at the organisation's own rate per person (blank ones are estimated from size anyway)."""
    factor = employees / profile.employees

    def scaled(given: float | None, value: float) -> float | None:
        return None if given is None else value * factor

    return replace(
        profile,
        employees=employees,
        devices=scaled(profile.devices, used.devices),
        incidents_per_month=scaled(profile.incidents_per_month, used.incidents_per_month),
        downtime_cost_per_hour=scaled(profile.downtime_cost_per_hour, used.downtime_cost_per_hour),
    )


def score(profile: Profile, catalogue: Catalogue, *, with_tipping_points: bool = True) -> Result:
    """Score every active option in the catalogue for this organisation and recommend one."""
    if not catalogue.models:
        raise ValueError("The catalogue has no active support option to score.")
    prepared = prepare(catalogue)
    ev = evaluate(profile, catalogue, prepared)
    if not ev.order:
        raise ValueError("No active support option applies to this organisation.")
    baseline = quotes.baseline_index(catalogue)
    priced = _priced_quotes(profile, catalogue, prepared, ev, baseline)
    shares = {i: allowance_share(profile, catalogue, catalogue.models[i].pricing) for i in ev.parts}
    simulated = uncertainty.simulate(profile, catalogue, ev.parts, priced, baseline, shares)
    options = []
    for i in ev.order:
        model = catalogue.models[i]
        part = ev.parts[i]
        option = costs.expected_values(costs.option_figures(model, profile))
        options.append(
            OptionResult(
                slug=model.slug,
                name=model.name,
                title=costs.option_title(
                    model.name, option, profile, pricing=model.pricing, devices=ev.used.devices, shared=prepared.shared
                ),
                fit=round(ev.fits[i], 1),
                cost_score=round(ev.cost_scores[i], 1),
                overall=round(ev.overall[i], 1),
                allowance=round(ev.allowances[i], 2),
                cost=OptionCost(
                    three_years=_total(simulated.totals[i], simulated.parts[i]),
                    parts=CostParts(
                        bills=_rounded(simulated.parts[i].bills),
                        lost_work=_rounded(simulated.parts[i].lost_work),
                        risk=_rounded(simulated.parts[i].risk),
                    ),
                    bills_per_month=round((part.bills - part.onboarding) / costs.MONTHS, 2),
                    onboarding=round(float(part.onboarding), 2),
                    bill_lines={
                        "labour": round(float(part.labour), 2),
                        "fees": round(float(part.fees), 2),
                        "onboarding": round(float(part.onboarding), 2),
                        "tooling": round(float(part.tooling), 2),
                        "joiners": round(float(part.joiners), 2),
                        "staff": round(float(part.staff), 2),
                    },
                    chance_cheapest=round(simulated.chance_cheapest[i], 3),
                    scope=costs.scope(option, profile, ev.used.devices, pricing=model.pricing, shared=prepared.shared),
                    chance_cheapest_of_options=(
                        None
                        if simulated.chance_cheapest_of_options is None
                        else round(simulated.chance_cheapest_of_options[i], 3)
                    ),
                ),
                dimensions=tuple(
                    DimensionFit(d.slug, model.ratings.get(d.slug, 0), round(p, 2))
                    for d, p in zip(catalogue.dimensions, fit_points(catalogue, model.ratings, ev.levels), strict=False)
                ),
            )
        )
    close_call = is_close_call(ev, simulated.chance_leads or {})
    points = tipping.find(profile, catalogue, ev, prepared) if with_tipping_points and len(options) > 1 else ()
    quote_results = _quote_results(profile, catalogue, prepared, ev, baseline, priced, simulated)
    need_list = explain.explained_needs(profile, catalogue, ev)
    factors = explain.factors(catalogue, need_list, options)
    return Result(
        version=RESULT_VERSION,
        recommendation=options[0].slug,
        recommendation_name=options[0].name,
        close_call=close_call,
        headline=explain.headline(options, close_call),
        summary=explain.summary(
            tuple(options),
            close_call,
            preference=profile.budget_preference,
            chance=(simulated.chance_leads or {}).get(ev.best, 1.0),
        ),
        reasons=explain.reasons(tuple(options), close_call),
        options=tuple(options),
        needs=need_list,
        factors=factors,
        tipping_points=points,
        assumptions=explain.assumptions(
            profile,
            ev.used,
            allowance_share=float(
                catalogue.figures[PREFERENCE_ALLOWANCE_KEY].expected
                if PREFERENCE_ALLOWANCE_KEY in catalogue.figures
                else 0.0
            ),
            close_call_chance=CLOSE_CALL_CHANCE,
            close_call_share=CLOSE_CALL_SHARE,
            reference=REFERENCE_SPEND_PER_PERSON_YEAR,
        ),
        notes=explain.notes(profile, ev.used, downtime_range=costs.downtime_range(profile, catalogue.figures)),
        not_applicable=tuple(
            NotApplicable(m.slug, m.name, explain.why_not_applicable(m.name))
            for i, m in enumerate(catalogue.models)
            if i not in ev.overall
        ),
        scope_note=explain.scope_note(profile, max_people=SCOPE_MAX_PEOPLE, max_it_staff=SCOPE_MAX_IT_STAFF),
        estimates=replace(
            ev.used,
            devices=round(ev.used.devices, 1),
            incidents_per_month=round(ev.used.incidents_per_month, 2),
            downtime_cost_per_hour=round(ev.used.downtime_cost_per_hour, 2),
        ),
        quotes=quote_results,
        quote_verdict=_quote_verdict(profile, catalogue, prepared, ev, baseline, quote_results, tuple(options)),
    )


QUOTES_UNPRICED = (
    "Your quotes could not be priced: none of the options we list today is a managed service to "
    "start from. They are kept with your answers."
)


def _quote_verdict(
    profile: Profile,
    catalogue: Catalogue,
    prepared: Prepared,
    ev: Evaluation,
    baseline: int | None,
    quote_results: tuple[QuoteResult, ...],
    options: tuple[OptionResult, ...],
) -> tuple[str, ...]:
    """The words on the quotes: which is the better deal and why (explain.quote_verdict), with what the runner-up's
    response terms cost against the better deal's worked out here, where the pricing is."""
    if not profile.quotes:
        return ()
    if not quote_results or baseline is None:
        return (QUOTES_UNPRICED,)
    given = {q.name: q for q in profile.quotes}
    response_gap = 0.0
    if len(quote_results) > 1:
        best, other = given[quote_results[0].name], given[quote_results[1].name]
        if best.response_hours != other.response_hours:
            response_gap = quotes.response_cost(
                other,
                best,
                prepared.options[baseline],
                _quote_shared(catalogue, prepared),
                profile,
                devices=ev.used.devices,
                incidents=ev.used.incidents_per_month,
                downtime_cost=ev.used.downtime_cost_per_hour,
            )
    managed = next((o for o in options if o.slug == catalogue.models[baseline].slug), None)
    return explain.quote_verdict(quote_results, profile.quotes, options, managed=managed, response_gap=response_gap)


def _quote_shared(catalogue: Catalogue, prepared: Prepared) -> dict[str, float]:
    return {**prepared.shared, **{key: catalogue.figures[key].expected for key in quotes.QUOTE_KEYS}}


def _priced_quotes(
    profile: Profile, catalogue: Catalogue, prepared: Prepared, ev: Evaluation, baseline: int | None
) -> list[tuple[Quote, quotes.Priced]]:
    """The person's quotes priced at every figure's expected value (none when there is no baseline option)."""
    if not profile.quotes or baseline is None:
        return []
    shared = _quote_shared(catalogue, prepared)
    return [
        (
            quote,
            quotes.price(
                quote,
                prepared.options[baseline],
                shared,
                profile,
                devices=ev.used.devices,
                incidents=ev.used.incidents_per_month,
                downtime_cost=ev.used.downtime_cost_per_hour,
            ),
        )
        for quote in profile.quotes
    ]


def _quote_results(
    profile: Profile,
    catalogue: Catalogue,
    prepared: Prepared,
    ev: Evaluation,
    baseline: int | None,
    priced: list[tuple[Quote, quotes.Priced]],
    simulated: uncertainty.Simulated,
) -> tuple[QuoteResult, ...]:
    """Each quote as the result shows it, cheapest all told first (on equal totals, in the order given)."""
    if baseline is None:
        return ()
    shared = _quote_shared(catalogue, prepared)
    people, devices = max(1.0, float(profile.employees)), ev.used.devices
    fee = catalogue.models[baseline].figures.get("fee_per_user_month")
    market = (fee.low, fee.high) if fee else (0.0, float("inf"))
    results = []
    for n, (quote, found) in enumerate(priced):
        part, simulated_parts = found.parts, simulated.quote_parts[n]
        monthly = quotes.monthly_fee(quote, people, devices)
        results.append(
            QuoteResult(
                name=quote.name,
                monthly_first_year=round(monthly, 2),
                per_person_month=round(monthly / people, 2),
                fees_three_years=round(float(found.lines["fees"]), 2),
                exit_cost_after_one_year=round(quotes.exit_cost_after_one_year(quote, people, devices), 2),
                left_out=quotes.left_out(
                    quote,
                    prepared.options[baseline],
                    shared,
                    profile,
                    devices=devices,
                    incidents=ev.used.incidents_per_month,
                    downtime_cost=ev.used.downtime_cost_per_hour,
                ),
                flags=quotes.flags(quote, profile, devices=devices, market=market),
                minimum_applies=quotes.minimum_applies(quote, people, devices),
                monthly_third_year=round(quotes.fee_in_year(quote, people, devices, 2), 2),
                cost=OptionCost(
                    three_years=_total(simulated.quote_totals[n], simulated_parts),
                    parts=CostParts(
                        bills=_rounded(simulated_parts.bills),
                        lost_work=_rounded(simulated_parts.lost_work),
                        risk=_rounded(simulated_parts.risk),
                    ),
                    bills_per_month=round((part.bills - part.onboarding) / costs.MONTHS, 2),
                    onboarding=round(float(part.onboarding), 2),
                    bill_lines={key: round(float(value), 2) for key, value in found.lines.items()},
                    chance_cheapest=round(simulated.quote_chance_cheapest[n], 3),
                    scope=quotes.scope(quote, profile),
                ),
            )
        )
    return tuple(sorted(results, key=lambda q: round(q.cost.three_years.expected, 2)))


def _rounded(r: Range) -> Range:
    return Range(round(r.low, 2), round(r.expected, 2), round(r.high, 2))


def _total(total: Range, parts: CostParts) -> Range:
    """The simulated total, with its expected value the sum of the rounded expected parts (so they add up)."""
    expected = round(sum(round(r.expected, 2) for r in (parts.bills, parts.lost_work, parts.risk)), 2)
    return Range(round(min(total.low, expected), 2), expected, round(max(total.high, expected), 2))
