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
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from . import costs, depends, explain, money, needs, quotes, requirements, tipping, uncertainty
from .domain import (
    RESULT_VERSION,
    Catalogue,
    CostParts,
    DimensionFit,
    Estimates,
    NotApplicable,
    OptionCost,
    OptionResult,
    Point,
    Profile,
    Quote,
    QuoteResult,
    Range,
    RequirementRow,
    Result,
    WithoutQuotes,
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
    order: list[int]  # the options that apply and the quotes (index len(catalogue.models) + n), best first
    cheapest: int
    quotes: dict[int, tuple[Quote, quotes.Priced]] = field(default_factory=dict)  # by candidate index
    models: dict[int, int] = field(default_factory=dict)  # each candidate's option (by catalogue index)
    plan: requirements.Plan | None = None  # what the insurer and frameworks ask of each option; None: nothing

    @property
    def best(self) -> int:
        return self.order[0]

    @property
    def best_option(self) -> int:
        """The option recommended: the best candidate's own, or the option its quote is a way of buying."""
        return self.models[self.best]

    def runner_up(self) -> int | None:
        """The best candidate that is another option than the best's (a quote for the same option is no rival)."""
        return next((i for i in self.order if self.models[i] != self.best_option), None)


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
        shared={
            **{key: catalogue.figures[key].expected for key in costs.ALL_SHARED_KEYS if key in catalogue.figures},
            **costs.tax_figures(catalogue),
        },
        needs_it_staff=[
            m.figures["requires_it_staff"].expected >= 1 if "requires_it_staff" in m.figures else False
            for m in catalogue.models
        ],
    )


def applicable(profile: Profile, prepared: Prepared) -> list[int]:
    """The options (by catalogue index) that can serve this organisation: co-managed IT needs in-house staff."""
    return [i for i, needs_staff in enumerate(prepared.needs_it_staff) if not (needs_staff and profile.it_staff <= 0)]


def evaluate(
    profile: Profile, catalogue: Catalogue, prepared: Prepared | None = None, *, ranking_only: bool = False
) -> Evaluation:
    """Fit, cost and overall of every option for these answers, and of each of the person's quotes as the option
    it is a way of buying, ranked: the one formula the result and every re-score of the tipping search use.
    `ranking_only` (the tipping search, which reads the ranking alone) leaves out what only explains it: the
    needs, the fits and the 0-100 scores are then empty."""
    prep = prepared or prepare(catalogue)
    used = costs.estimates(profile, prep.shared)
    signals = {} if ranking_only else needs.signals(profile, used)
    levels = [] if ranking_only else needs.needs(catalogue, signals)
    fits: dict[int, float] = {}
    parts: dict[int, costs.Parts] = {}
    plan = requirements.plan(profile, catalogue) if requirements.applies(profile) else None
    met = _meeting(plan, catalogue, profile.employees, used.devices) if plan and plan.requirements else None
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
        )
        if met is not None:
            parts[i] = met(i, parts[i], option)
    models = {i: i for i in parts}
    priced: dict[int, tuple[Quote, quotes.Priced]] = {}
    if profile.quotes:
        shared = quote_shared(catalogue, prep)
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
            )
            bought = quotes.option_index(quote, catalogue)
            if found is not None and bought is not None and bought in parts:
                index = len(catalogue.models) + n
                if met is not None:
                    found = met(index, found, prep.options[bought], quote)
                priced[index] = (quote, found)
                models[index] = bought
    totals = {i: float(p.total) for i, p in parts.items()}
    totals.update({i: float(found.parts.total) for i, (_, found) in priced.items()})
    bills = {i: float(p.bills) for i, p in parts.items()}
    bills.update({i: float(found.parts.bills) for i, (_, found) in priced.items()})
    allowances = {
        i: allowance_share(profile, catalogue, catalogue.models[models[i]].pricing) * bills[i] for i in totals
    }
    ranking = {i: totals[i] - allowances[i] for i in totals}
    cost_scores = {} if ranking_only else {i: score_of(t, profile.employees) for i, t in totals.items()}
    overall = {} if ranking_only else {i: score_of(r, profile.employees) for i, r in ranking.items()}
    order = sorted(ranking, key=lambda i: (round(ranking[i], 6), i))
    cheapest = min(totals, key=lambda i: (round(totals[i], 6), i))
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
        cheapest,
        priced,
        models,
        plan,
    )


def _meeting(plan: requirements.Plan, catalogue: Catalogue, employees: int, devices: float) -> Callable[..., Any]:
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


def quote_shared(catalogue: Catalogue, prepared: Prepared) -> dict[str, float]:
    """The shared figures at their expected values with those pricing what a quote leaves out."""
    quote_figures = {key: catalogue.figures[key].expected for key in quotes.QUOTE_KEYS if key in catalogue.figures}
    return {**prepared.shared, **quote_figures, **quotes.hourly_firm(catalogue, prepared.options)}


def chance_option_leads(ev: Evaluation, chance_leads: dict[int, float]) -> float:
    """The share of simulated cases in which the recommended option (at its own price or a quote's) is the
    lowest on the ranking figure."""
    return sum(chance for i, chance in chance_leads.items() if ev.models.get(i) == ev.best_option)


def is_close_call(ev: Evaluation, chance_leads: dict[int, float]) -> bool:
    """Whether the recommended option is the lowest on the ranking figure in under CLOSE_CALL_CHANCE of the
    simulated cases, or leads the best other option by under CLOSE_CALL_SHARE of its own figure."""
    second = ev.runner_up()
    if second is None:
        return False
    gap = ev.ranking[second] - ev.ranking[ev.best]
    return chance_option_leads(ev, chance_leads) < CLOSE_CALL_CHANCE or gap < CLOSE_CALL_SHARE * ev.ranking[ev.best]


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


def with_quotes_for_old_answers(profile: Profile, catalogue: Catalogue) -> Profile:
    """The profile with the two answers that once took a provider's price (an hourly rate, an MSP fee per user)
    turned into quotes, so that a price is read in one place however it was given: "Your hourly rate" for the
    first option billed by the job, "Your MSP fee" for the managed service, including everything and promising
    its typical response."""
    if profile.hourly_rate is None and profile.msp_fee_per_user is None:
        return profile
    added = []
    hourly, managed = quotes.hourly_index(catalogue), quotes.baseline_index(catalogue)
    if profile.hourly_rate is not None and hourly is not None:
        added.append(
            Quote(name="Your hourly rate", model=catalogue.models[hourly].slug, hourly_rate=float(profile.hourly_rate))
        )
    if profile.msp_fee_per_user is not None and managed is not None:
        response = catalogue.models[managed].figures.get("response_delay_hours")
        added.append(
            Quote(
                name="Your MSP fee",
                model=catalogue.models[managed].slug,
                price_per_user_month=float(profile.msp_fee_per_user),
                includes=quotes.INCLUDE_KEYS,
                response_hours=response.expected if response else None,
            )
        )
    return replace(profile, hourly_rate=None, msp_fee_per_user=None, quotes=profile.quotes + tuple(added))


def score(profile: Profile, catalogue: Catalogue, *, with_tipping_points: bool = True) -> Result:
    """Score every active option in the catalogue, and each of the person's quotes as the option it is a way of
    buying, for this organisation and recommend one option (and the quote that is the best way to buy it). Every
    amount its words give is in the catalogue's region's currency (money.py)."""
    with money.using(catalogue.region.currency, catalogue.region.locale):
        return _score(profile, catalogue, with_tipping_points=with_tipping_points)


def _score(profile: Profile, catalogue: Catalogue, *, with_tipping_points: bool) -> Result:
    if not catalogue.models:
        raise ValueError("The catalogue has no active support option to score.")
    profile = with_quotes_for_old_answers(profile, catalogue)
    prepared = prepare(catalogue)
    ev = evaluate(profile, catalogue, prepared)
    if not ev.order:
        raise ValueError("No active support option applies to this organisation.")
    shares = {i: allowance_share(profile, catalogue, catalogue.models[ev.models[i]].pricing) for i in ev.totals}
    met = _meeting(ev.plan, catalogue, profile.employees, ev.used.devices) if ev.plan and ev.plan.requirements else None
    simulated = uncertainty.simulate(profile, catalogue, ev.parts, ev.quotes, shares, adjust=met)
    # Each option ranks at its best price, its own or a quote's for it.
    standing = {i: min(ev.ranking[c] for c in ev.ranking if ev.models[c] == i) for i in ev.parts}
    option_order = sorted(standing, key=lambda i: (round(standing[i], 6), i))
    options = [_option_result(profile, catalogue, ev, simulated, i, prepared.shared) for i in option_order]
    quote_results = _quote_results(profile, catalogue, prepared, ev, simulated)
    best = options[0]
    recommended_quote = next((q for q in _by_ranking(quote_results) if q.model == best.slug), None)
    runner = ev.runner_up()
    contenders = [_contender(ev, best, recommended_quote, catalogue)]
    if runner is not None:
        contenders.append(_contender_of(ev, runner, options, quote_results, catalogue))
    close_call = is_close_call(ev, simulated.chance_leads or {})
    chance = chance_option_leads(ev, simulated.chance_leads or {})
    alone = evaluate(replace(profile, quotes=()), catalogue, prepared) if profile.quotes else None
    ends: dict[str, dict[str, tuple[float, float]]] = {}
    points, points_alone = _tipping_points(profile, catalogue, prepared, ev, alone, with_tipping_points, ends)
    names = _candidate_names(ev, catalogue)
    depends_on = (
        None
        if runner is None
        else depends.work_out(
            catalogue,
            ev.ranking,
            ev.best,
            runner,
            {i: n for i, (_, n) in names.items()},
            ev.models,
            simulated,
            points,
            ends,
        )
    )
    need_list = explain.explained_needs(profile, catalogue, ev)
    factors = explain.factors(catalogue, need_list, tuple(options))
    summary = explain.summary(
        tuple(contenders),
        close_call,
        preference=profile.budget_preference,
        chance=chance,
        cheapest=_cheapest(options),
    )
    if profile.quotes:
        summary += explain.quote_relation(best, recommended_quote, _by_ranking(quote_results))
    asked, asked_line, asked_notes = _requirements(profile, catalogue, prepared, ev, options)
    return Result(
        version=RESULT_VERSION,
        recommendation=best.slug,
        recommendation_name=best.name,
        close_call=close_call,
        headline=explain.headline(tuple(contenders), close_call),
        summary=summary,
        reasons=explain.reasons(tuple(contenders), close_call),
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
            if i not in ev.parts
        ),
        scope_note=explain.scope_note(profile, max_people=SCOPE_MAX_PEOPLE, max_it_staff=SCOPE_MAX_IT_STAFF),
        estimates=replace(
            ev.used,
            devices=round(ev.used.devices, 1),
            incidents_per_month=round(ev.used.incidents_per_month, 2),
            downtime_cost_per_hour=round(ev.used.downtime_cost_per_hour, 2),
        ),
        quotes=quote_results,
        quote_verdict=_quote_verdict(profile, catalogue, prepared, ev, quote_results, tuple(options)),
        recommended_quote=recommended_quote.name if recommended_quote else None,
        without_quotes=(
            _without_quotes(profile, catalogue, alone, tuple(options), simulated, points_alone)
            if alone is not None
            else None
        ),
        requirements=asked,
        requirement_line=asked_line,
        requirement_notes=asked_notes,
        depends=depends_on,
    )


def _tipping_points(
    profile: Profile,
    catalogue: Catalogue,
    prepared: Prepared,
    ev: Evaluation,
    alone: Evaluation | None,
    wanted: bool,
    ends: dict[str, dict[str, tuple[float, float]]],
) -> tuple[tuple[Point, ...], tuple[Point, ...]]:
    """The tipping points of the answer, and of the answer without the person's quotes (`alone`, the
    evaluation with them left out; None without quotes), from one search; none where no other option applies.
    `ends` is filled as tipping.find() fills it, for depends.py."""
    views = []
    if wanted and ev.runner_up() is not None:
        views.append(
            tipping.View(tipping.recommended, tipping.standing, ev.best_option, _candidate_names(ev, catalogue))
        )
    if wanted and alone is not None and alone.runner_up() is not None:
        views.append(
            tipping.View(
                tipping.recommended_without_quotes,
                tipping.standing_without_quotes,
                alone.best_option,
                _candidate_names(alone, catalogue),
            )
        )
    found = iter(tipping.find_each(profile, catalogue, ev, prepared, views, ends) if views else [])
    points = next(found) if wanted and ev.runner_up() is not None else ()
    points_alone = next(found) if wanted and alone is not None and alone.runner_up() is not None else ()
    return points, points_alone


def _requirements(
    profile: Profile, catalogue: Catalogue, prepared: Prepared, ev: Evaluation, options: list[OptionResult]
) -> tuple[tuple[RequirementRow, ...], str, tuple[str, ...]]:
    """The requirement-by-option matrix, the first screen's line on what the requirements changed (worked out
    against the same answers without them: one more evaluation, only when some apply), and the notes."""
    plan = ev.plan
    if plan is None:
        return (), "", ()
    if not plan.requirements:
        return (), "", plan.notes
    index = {m.slug: i for i, m in enumerate(catalogue.models)}
    fallback = requirements.fallback_rate(catalogue)
    slugs = tuple(o.slug for o in options)
    rates = {slug: float(requirements.rate(prepared.options[index[slug]], fallback)) for slug in slugs}
    rows = requirements.matrix(plan, slugs, rates, max(1.0, float(profile.employees)), ev.used.devices)
    plain = evaluate(replace(profile, cyber_insurance="no", frameworks=()), catalogue, prepared)
    before = catalogue.models[min(plain.parts, key=lambda i: (round(plain.ranking[i], 6), i))].slug
    ranked = [(o.slug, o.title or o.name, ev.totals[index[o.slug]] - plain.totals[index[o.slug]]) for o in options]
    return rows, requirements.first_line(plan, ranked, before, explain.about_money), plan.notes


def _by_ranking(quote_results: tuple[QuoteResult, ...]) -> list[QuoteResult]:
    return sorted(quote_results, key=lambda q: round(q.ranking_figure, 2))


def _without_quotes(
    profile: Profile,
    catalogue: Catalogue,
    ev: Evaluation,
    options: tuple[OptionResult, ...],
    simulated: uncertainty.Simulated,
    points: tuple[Point, ...],
) -> WithoutQuotes:
    """The answer over the options alone (`ev`, the evaluation with the quotes left out): what the link shared
    without the quotes shows, in the words score() gives an organisation with no quotes. The options' costs and
    draws are the same with quotes or without, so only the ranking and the words are worked out again; its
    tipping points come from the same search as the answer's."""
    by_slug = {o.slug: o for o in options}
    ranked = [by_slug[catalogue.models[i].slug] for i in ev.order]
    contenders = tuple(explain.Contender(o.name, o.slug, o.name, o.cost, o.allowance) for o in ranked[:2])
    leads = simulated.chance_leads_of_options or {}
    close_call = is_close_call(ev, leads)
    chance = chance_option_leads(ev, leads)
    return WithoutQuotes(
        recommendation=ranked[0].slug,
        recommendation_name=ranked[0].name,
        close_call=close_call,
        headline=explain.headline(contenders, close_call),
        summary=explain.summary(
            contenders, close_call, preference=profile.budget_preference, chance=chance, cheapest=_cheapest(ranked)
        ),
        reasons=explain.reasons(contenders, close_call),
        tipping_points=points,
        order=tuple(o.slug for o in ranked),
    )


def _candidate_names(ev: Evaluation, catalogue: Catalogue) -> dict[int, tuple[str, str]]:
    """Each candidate's slug and name as the tipping sentences say it: an option's own, or for a quote its
    name with the option it buys."""
    names = {i: (catalogue.models[i].slug, catalogue.models[i].name) for i in ev.parts}
    for i, (quote, _) in ev.quotes.items():
        model = catalogue.models[ev.models[i]]
        names[i] = (model.slug, f"{quote.name} ({model.name})")
    return names


def _cheapest(options: Sequence[OptionResult]) -> explain.Contender:
    """The option lowest on the expected three-year total, as the summary names it."""
    option = min(options, key=lambda o: o.cost.three_years.expected)
    return explain.Contender(option.name, option.slug, option.name, option.cost, option.allowance)


def _contender(
    ev: Evaluation, option: OptionResult, quote: QuoteResult | None, catalogue: Catalogue
) -> explain.Contender:
    """The recommended option as the words name it: through its quote ("Northern IT (Managed Services
    Provider)") when a quote is the best way to buy it and costs less than our typical price."""
    if quote is not None and quote.ranking_figure <= option.ranking_figure:
        return explain.Contender(
            f"{quote.name} ({option.name})", option.slug, option.name, quote.cost, quote.allowance, quote.name
        )
    return explain.Contender(option.name, option.slug, option.name, option.cost, option.allowance, title=option.title)


def _contender_of(
    ev: Evaluation,
    index: int,
    options: list[OptionResult],
    quote_results: tuple[QuoteResult, ...],
    catalogue: Catalogue,
) -> explain.Contender:
    model = catalogue.models[ev.models[index]]
    if index in ev.quotes:
        quote = next(q for q in quote_results if q.name == ev.quotes[index][0].name)
        return explain.Contender(
            f"{quote.name} ({model.name})", model.slug, model.name, quote.cost, quote.allowance, quote.name
        )
    option = next(o for o in options if o.slug == model.slug)
    return explain.Contender(option.name, option.slug, option.name, option.cost, option.allowance)


def _option_result(
    profile: Profile,
    catalogue: Catalogue,
    ev: Evaluation,
    simulated: uncertainty.Simulated,
    i: int,
    prepared_shared: dict[str, float],
) -> OptionResult:
    model = catalogue.models[i]
    part = ev.parts[i]
    option = costs.expected_values(costs.option_figures(model, profile))
    return OptionResult(
        slug=model.slug,
        name=model.name,
        fit=round(ev.fits[i], 1),
        cost_score=round(ev.cost_scores[i], 1),
        overall=round(ev.overall[i], 1),
        allowance=round(ev.allowances[i], 2),
        line=explain.option_line(model.pricing, option, part, profile, ev.used.devices),
        title=costs.option_title(
            model.name, option, profile, pricing=model.pricing, devices=ev.used.devices, shared=prepared_shared
        ),
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
                **({"addons": round(float(part.addons), 2)} if float(part.addons) else {}),
            },
            chance_cheapest=round(simulated.chance_cheapest[i], 3),
            scope=costs.scope(option, profile, ev.used.devices, pricing=model.pricing, shared=prepared_shared),
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


QUOTES_UNPRICED = (
    "Your quotes could not be priced: none of the options we list today is a way of buying what they "
    "offer. They are kept with your answers."
)


def _quote_verdict(
    profile: Profile,
    catalogue: Catalogue,
    prepared: Prepared,
    ev: Evaluation,
    quote_results: tuple[QuoteResult, ...],
    options: tuple[OptionResult, ...],
) -> tuple[str, ...]:
    """The words on the quotes: which is the better deal and why (explain.quote_verdict), with what the runner-up's
    response terms cost against the better deal's worked out here, where the pricing is."""
    if not profile.quotes:
        return ()
    baseline = quotes.baseline_index(catalogue)
    if not quote_results or baseline is None:
        return (QUOTES_UNPRICED,)
    given = {q.name: q for q in profile.quotes}
    response_gap = 0.0
    if len(quote_results) > 1:
        best, other = given[quote_results[0].name], given[quote_results[1].name]
        managed = not quotes.is_hourly(best, catalogue) and not quotes.is_hourly(other, catalogue)
        if managed and best.response_hours != other.response_hours:
            response_gap = quotes.response_cost(
                other,
                best,
                prepared.options[quotes.option_index(best, catalogue) or baseline],
                quote_shared(catalogue, prepared),
                profile,
                devices=ev.used.devices,
                incidents=ev.used.incidents_per_month,
                downtime_cost=ev.used.downtime_cost_per_hour,
            )
    managed_option = next((o for o in options if o.slug == catalogue.models[baseline].slug), None)
    return explain.quote_verdict(
        quote_results, profile.quotes, options, managed=managed_option, response_gap=response_gap
    )


def _quote_results(
    profile: Profile,
    catalogue: Catalogue,
    prepared: Prepared,
    ev: Evaluation,
    simulated: uncertainty.Simulated,
) -> tuple[QuoteResult, ...]:
    """Each quote as the result shows it, cheapest all told first (on equal totals, in the order given)."""
    shared = quote_shared(catalogue, prepared)
    people, devices = max(1.0, float(profile.employees)), ev.used.devices
    results = []
    for n, (index, (quote, found)) in enumerate(ev.quotes.items()):
        part, simulated_parts = found.parts, simulated.quote_parts[n]
        option = ev.models[index]
        hourly = catalogue.models[option].pricing in quotes.HOURLY_PRICING
        monthly = (
            float(part.bills - part.onboarding) / costs.MONTHS if hourly else quotes.monthly_fee(quote, people, devices)
        )
        market = quotes.market(quote, catalogue, option, people)  # its region's band for its scope and size
        results.append(
            QuoteResult(
                name=quote.name,
                monthly_first_year=round(monthly, 2),
                per_person_month=round(monthly / people, 2),
                # An hourly quote's own fees are the hours it would bill.
                fees_three_years=round(float(found.lines["labour"] if hourly else found.lines["fees"]), 2),
                exit_cost_after_one_year=0.0
                if hourly
                else round(quotes.exit_cost_after_one_year(quote, people, devices), 2),
                left_out={}
                if hourly
                else quotes.left_out(
                    quote,
                    prepared.options[option],
                    shared,
                    profile,
                    devices=devices,
                    incidents=ev.used.incidents_per_month,
                    downtime_cost=ev.used.downtime_cost_per_hour,
                ),
                flags=(() if hourly else quotes.flags(quote, profile, devices=devices, market=market))
                + quotes.requirement_flags(quote, ev.plan),
                minimum_applies=False if hourly else quotes.minimum_applies(quote, people, devices),
                monthly_third_year=round(monthly if hourly else quotes.fee_in_year(quote, people, devices, 2), 2),
                model=catalogue.models[option].slug,
                allowance=round(ev.allowances[index], 2),
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
                    scope=costs.scope(
                        {**prepared.options[option], "hourly_rate": float(quote.hourly_rate or 0.0)},
                        profile,
                        devices,
                        pricing=catalogue.models[option].pricing,
                    )
                    if hourly
                    else quotes.scope(quote, profile),
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
