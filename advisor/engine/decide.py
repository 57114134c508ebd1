"""The decision: each option's money, the ranking, and `score()`, the engine's one entry point. Pure.

1. Each option's money at every figure's expected value, and the ranking on it (evaluate.py: the formula the
   tipping search re-scores with too).
2. The recommendation: the lowest on the ranking figure (on equal figures, the option listed first).
3. The 0-100 scores `overall` and `cost_score`, and `fit`, explanation only (evaluate.py says how).
4. A close call: the leader is the lowest on the ranking figure in under CLOSE_CALL_CHANCE of the simulated
   cases, or leads the runner-up by under CLOSE_CALL_SHARE of its own figure.
5. The ranges (uncertainty.py), the tipping points (tipping.py) and the words (explain.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from . import costs, depends, explain, money, quotes, requirements, tipping, uncertainty
from .domain import (
    RESULT_VERSION,
    Catalogue,
    CostParts,
    DimensionFit,
    NotApplicable,
    OptionCost,
    OptionResult,
    Profile,
    Quote,
    QuoteResult,
    Range,
    RequirementRow,
    Result,
    TippingPoint,
    WithoutQuotes,
)
from .evaluate import (
    PREFERENCE_ALLOWANCE_KEY,
    REFERENCE_SPEND_PER_PERSON_YEAR,
    CatalogueFigures,
    Evaluation,
    catalogue_figures,
    evaluate,
    meeting,
    quote_shared,
    ranked,
)

# A close call: the leader is the lowest on the ranking figure in fewer than this share of the simulated cases...
CLOSE_CALL_CHANCE = 2 / 3
# ...or leads the runner-up by less than this share of its own ranking figure.
CLOSE_CALL_SHARE = 0.05
# Beyond these the cost figures (small-business prices) no longer hold: the result says so.
SCOPE_MAX_PEOPLE = 250
SCOPE_MAX_IT_STAFF = 3.0


def fit_points(
    catalogue: Catalogue, prepared: CatalogueFigures, rating_of: dict[str, int], levels: list[float]
) -> list[float]:
    """Each aspect's points of an option's fit: its weight share, less need x (1 - rating / 5) of it."""
    return [
        100.0 * share * (1.0 - level * (1.0 - rating_of.get(d.slug, 0) / 5.0))
        for share, level, d in zip(prepared.weights, levels, catalogue.dimensions, strict=False)
    ]


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
    prepared = catalogue_figures(catalogue)
    ev = evaluate(profile, catalogue, prepared)
    if not ev.order:
        raise ValueError("No active support option applies to this organisation.")
    shares = ev.shares  # each candidate's allowance as a share of its bills
    met = (
        meeting(ev.plan, catalogue, profile.employees, ev.estimates.devices)
        if ev.plan and ev.plan.requirements
        else None
    )
    simulated = uncertainty.simulate(profile, catalogue, ev.parts, ev.quotes, shares, adjust=met)
    # Each option ranks at its best price, its own or a quote's for it.
    standing = {i: min(ev.ranking[c] for c in ev.ranking if ev.models[c] == i) for i in ev.parts}
    option_order = ranked(standing)
    options = [_option_result(profile, catalogue, ev, simulated, i, prepared) for i in option_order]
    quote_results = _quote_results(profile, catalogue, prepared, ev, simulated)
    best = options[0]
    recommended_quote = next((q for q in _by_ranking(quote_results) if q.model == best.slug), None)
    runner = ev.runner_up()
    contenders = [_contender(ev, best, recommended_quote, catalogue)]
    if runner is not None:
        contenders.append(_contender_of(ev, runner, options, quote_results, catalogue))
    close_call = is_close_call(ev, simulated.chance_leads or {})
    chance = chance_option_leads(ev, simulated.chance_leads or {})
    # The options alone (the shared link's answer): read for its ranking only, with the requirements and allowances
    # of the answer's own evaluation.
    alone = (
        evaluate(replace(profile, quotes=()), catalogue, prepared, ranking_only=True, like=ev)
        if profile.quotes
        else None
    )
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
            ev.estimates,
            allowance_share=float(
                catalogue.figures[PREFERENCE_ALLOWANCE_KEY].expected
                if PREFERENCE_ALLOWANCE_KEY in catalogue.figures
                else 0.0
            ),
            close_call_chance=CLOSE_CALL_CHANCE,
            close_call_share=CLOSE_CALL_SHARE,
            reference=REFERENCE_SPEND_PER_PERSON_YEAR,
        ),
        notes=explain.notes(profile, ev.estimates, downtime_range=costs.downtime_range(profile, catalogue.figures)),
        not_applicable=tuple(
            NotApplicable(m.slug, m.name, explain.why_not_applicable(m.name))
            for i, m in enumerate(catalogue.models)
            if i not in ev.parts
        ),
        scope_note=explain.scope_note(profile, max_people=SCOPE_MAX_PEOPLE, max_it_staff=SCOPE_MAX_IT_STAFF),
        estimates=replace(
            ev.estimates,
            devices=round(ev.estimates.devices, 1),
            incidents_per_month=round(ev.estimates.incidents_per_month, 2),
            downtime_cost_per_hour=round(ev.estimates.downtime_cost_per_hour, 2),
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
    prepared: CatalogueFigures,
    ev: Evaluation,
    alone: Evaluation | None,
    wanted: bool,
    ends: dict[str, dict[str, tuple[float, float]]],
) -> tuple[tuple[TippingPoint, ...], tuple[TippingPoint, ...]]:
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
    profile: Profile, catalogue: Catalogue, prepared: CatalogueFigures, ev: Evaluation, options: list[OptionResult]
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
    rows = requirements.matrix(plan, slugs, rates, max(1.0, float(profile.employees)), ev.estimates.devices)
    plain = evaluate(replace(profile, cyber_insurance="no", frameworks=()), catalogue, prepared, ranking_only=True)
    before = catalogue.models[ranked({i: plain.ranking[i] for i in plain.parts})[0]].slug
    changes = [(o.slug, o.title or o.name, ev.totals[index[o.slug]] - plain.totals[index[o.slug]]) for o in options]
    return rows, requirements.first_line(plan, changes, before, explain.about_money), plan.notes


def _by_ranking(quote_results: tuple[QuoteResult, ...]) -> list[QuoteResult]:
    return sorted(quote_results, key=lambda q: round(q.ranking_figure, 2))


def _without_quotes(
    profile: Profile,
    catalogue: Catalogue,
    ev: Evaluation,
    options: tuple[OptionResult, ...],
    simulated: uncertainty.Simulated,
    points: tuple[TippingPoint, ...],
) -> WithoutQuotes:
    """The answer over the options alone (`ev`, the evaluation with the quotes left out): what the link shared
    without the quotes shows, in the words score() gives an organisation with no quotes. The options' costs and
    draws are the same with quotes or without, so only the ranking and the words are worked out again; its
    tipping points come from the same search as the answer's."""
    by_slug = {o.slug: o for o in options}
    in_order = [by_slug[catalogue.models[i].slug] for i in ev.order]
    contenders = tuple(explain.Contender(o.name, o.slug, o.name, o.cost, o.allowance) for o in in_order[:2])
    leads = simulated.chance_leads_of_options or {}
    close_call = is_close_call(ev, leads)
    chance = chance_option_leads(ev, leads)
    return WithoutQuotes(
        recommendation=in_order[0].slug,
        recommendation_name=in_order[0].name,
        close_call=close_call,
        headline=explain.headline(contenders, close_call),
        summary=explain.summary(
            contenders, close_call, preference=profile.budget_preference, chance=chance, cheapest=_cheapest(in_order)
        ),
        reasons=explain.reasons(contenders, close_call),
        tipping_points=points,
        order=tuple(o.slug for o in in_order),
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
    prepared: CatalogueFigures,
) -> OptionResult:
    model = catalogue.models[i]
    part = ev.parts[i]
    # The option's figures at their expected values: the catalogue's, unless the person's own quotes replace some.
    own = costs.own_quotes(model, profile)
    option = prepared.options[i] if not own else costs.expected_values(costs.option_figures(model, profile))
    prepared_shared = prepared.shared
    return OptionResult(
        slug=model.slug,
        name=model.name,
        fit=round(ev.fits[i], 1),
        cost_score=round(ev.cost_scores[i], 1),
        overall=round(ev.overall[i], 1),
        allowance=round(ev.allowances[i], 2),
        line=explain.option_line(model.pricing, option, part, profile, ev.estimates.devices),
        title=costs.option_title(
            model.name, option, profile, pricing=model.pricing, devices=ev.estimates.devices, shared=prepared_shared
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
            scope=costs.scope(option, profile, ev.estimates.devices, pricing=model.pricing, shared=prepared_shared),
            chance_cheapest_of_options=(
                None
                if simulated.chance_cheapest_of_options is None
                else round(simulated.chance_cheapest_of_options[i], 3)
            ),
        ),
        dimensions=tuple(
            DimensionFit(d.slug, model.ratings.get(d.slug, 0), round(p, 2))
            for d, p in zip(
                catalogue.dimensions, fit_points(catalogue, prepared, model.ratings, ev.levels), strict=False
            )
        ),
    )


QUOTES_UNPRICED = (
    "Your quotes could not be priced: none of the options we list today is a way of buying what they "
    "offer. They are kept with your answers."
)


def _quote_verdict(
    profile: Profile,
    catalogue: Catalogue,
    prepared: CatalogueFigures,
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
                devices=ev.estimates.devices,
                incidents=ev.estimates.incidents_per_month,
                downtime_cost=ev.estimates.downtime_cost_per_hour,
            )
    managed_option = next((o for o in options if o.slug == catalogue.models[baseline].slug), None)
    return explain.quote_verdict(
        quote_results, profile.quotes, options, managed=managed_option, response_gap=response_gap
    )


def _quote_results(
    profile: Profile,
    catalogue: Catalogue,
    prepared: CatalogueFigures,
    ev: Evaluation,
    simulated: uncertainty.Simulated,
) -> tuple[QuoteResult, ...]:
    """Each quote as the result shows it, cheapest all told first (on equal totals, in the order given)."""
    shared = quote_shared(catalogue, prepared)
    people, devices = max(1.0, float(profile.employees)), ev.estimates.devices
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
                    incidents=ev.estimates.incidents_per_month,
                    downtime_cost=ev.estimates.downtime_cost_per_hour,
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
