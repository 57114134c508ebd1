"""What the result page and the JSON API show of a stored result (snapshot.StoredResult). Never scores again."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from .engine import answers, explain, money, quotes, requirements
from .engine.domain import INCLUDED, Assumption, OptionCost, OptionResult, Quote, QuoteResult, Result
from .models import Assessment
from .snapshot import StoredResult, to_plain
from .words import plain


@dataclass(frozen=True)
class AnswerRow:
    label: str
    value: str


def answer_rows(stored: StoredResult) -> list[AnswerRow]:
    """The person's answers, labelled as the form asked them, saying what was estimated for blanks."""
    profile, used = stored.profile, stored.result.estimates
    rows = []
    for q in answers.QUESTIONS:
        value = getattr(profile, q.name)
        text = explain.answer_text(q.name, value)
        if value is None and q.name == "devices":
            text = f"{used.devices:,.0f} (estimated)"
        elif value is None and q.name == "downtime_cost_per_hour":
            text = f"{explain.money(used.downtime_cost_per_hour)} (estimated)"
        elif value is None and q.name == "incidents_per_month":
            text = f"{explain.number(round(used.incidents_per_month, 1))} (estimated)"
        elif value is None and q.name in ("hourly_rate", "msp_fee_per_user"):
            text = "Not given: published figures used"
        if q.name == "vat_reclaim" and stored.catalogue.region.tax_rate <= 0:
            continue  # not asked where no sales tax is counted
        rows.append(AnswerRow(money.unit_label(q.label), text))
    rows.extend(requirement_answer_rows(profile))
    rows.extend(AnswerRow(f"Quote: {quote.name}", quote_terms(quote)) for quote in profile.quotes)
    return rows


def requirement_answer_rows(profile: Any) -> list[AnswerRow]:
    """What the organisation said it must meet, when it said anything (left out, the table is as before)."""
    if profile.cyber_insurance == "no" and not profile.frameworks and not profile.controls:
        return []
    names = dict((*requirements.FRAMEWORKS, requirements.NOT_SURE_CHOICE))
    controls = dict(requirements.CONTROLS)
    return [
        AnswerRow("Cyber insurance", dict(requirements.CYBER_INSURANCE).get(profile.cyber_insurance, "No")),
        AnswerRow("Frameworks you must meet", ", ".join(names.get(c, c) for c in profile.frameworks) or "None"),
        AnswerRow(
            "Already in place on every account and device",
            "; ".join(controls.get(c, c) for c in profile.controls) or "None",
        ),
    ]


def quote_terms(quote: Quote) -> str:
    """A quote's price and terms in one line, as entered."""
    prices = [
        money.exact(value) + unit
        for value, unit in (
            (quote.price_per_user_month, " a user a month"),
            (quote.price_per_device_month, " a device a month"),
            (quote.flat_monthly, " a month flat"),
        )
        if value
    ]
    terms = [" + ".join(prices)]
    if quote.minimum_monthly:
        terms.append(f"at least {explain.money(quote.minimum_monthly)} a month")
    if quote.onboarding:
        terms.append(f"onboarding {explain.money(quote.onboarding)}")
    if quote.includes_vat:
        terms.append("prices include tax")
    terms.append(f"{quote.term_months}-month term")
    terms.append(f"rises {explain.number(quote.yearly_increase_percent)} % a year")
    terms.append(f"{quote.notice_days} days' notice to leave")
    terms.append(f"{explain.number(quote.termination_fee_months)} months' fees to leave early")
    terms.append(
        "best efforts" if quote.response_hours is None else f"response within {explain.number(quote.response_hours)} h"
    )
    if quote.patch_days is not None:
        terms.append(f"critical fixes within {explain.number(quote.patch_days)} days")
    included = [quotes.INCLUDE_WORDS[key] for key in quote.includes]
    terms.append(f"includes {', '.join(included)}" if included else "includes none of the listed items")
    return "; ".join(terms)


def without_quotes(stored: StoredResult) -> StoredResult:
    """The result as shown at the link that leaves the person's quotes out: no quotes, each option's chance of
    being cheapest taken over the options alone, and (in results that store it) the answer over the options
    alone, with its own words and ranking, so that nothing reveals a quote's price."""

    def alone(o: OptionResult) -> OptionResult:
        if o.cost.chance_cheapest_of_options is None:
            return o
        return replace(o, cost=replace(o.cost, chance_cheapest=o.cost.chance_cheapest_of_options))

    options = tuple(alone(o) for o in stored.result.options)
    result = replace(stored.result, quotes=(), quote_verdict=(), options=options, recommended_quote=None)
    if stored.profile.quotes:  # what the answer depends on was worked out with the quotes: it could name one
        result = replace(result, depends=None)
    answer = stored.result.without_quotes
    if answer is not None:
        place = {slug: n for n, slug in enumerate(answer.order)}
        result = replace(
            result,
            recommendation=answer.recommendation,
            recommendation_name=answer.recommendation_name,
            close_call=answer.close_call,
            headline=answer.headline,
            summary=answer.summary,
            reasons=answer.reasons,
            tipping_points=answer.tipping_points,
            options=tuple(sorted(options, key=lambda o: place.get(o.slug, len(place)))),
            without_quotes=None,
        )
    return replace(
        stored, profile=replace(stored.profile, quotes=(), hourly_rate=None, msp_fee_per_user=None), result=result
    )


@dataclass(frozen=True)
class Ranked:
    """An option or one of the person's quotes, in the ranking by three-year total."""

    name: str
    is_quote: bool
    cost: OptionCost
    figure: float = 0.0  # the ranking figure: the total less any allowance for how the person prefers to pay
    line: str = ""  # what an option is for this organisation, in one line
    swatch: int | None = None  # an option's colour in the cost chart (its place among the options)


@dataclass(frozen=True)
class LeftOut:
    label: str
    cost: float
    note: str


LEFT_OUT_NOTES = {piece.key: piece.left_out for piece in INCLUDED}


def quote_cards(result: Result) -> list[dict[str, Any]]:
    """Each quote with what it leaves out, priced (pieces that cost nothing for you, such as after-hours help
    when you work business hours, are left off)."""
    return [
        {
            "quote": q,
            "left_out": [
                LeftOut(quotes.INCLUDE_LABELS[key], cost, LEFT_OUT_NOTES[key])
                for key, cost in q.left_out.items()
                if cost > 0
            ],
        }
        for q in result.quotes
    ]


def cost_ranking(result: Result) -> list[Ranked]:
    """The options and the person's quotes together, cheapest all told first (empty without quotes)."""
    if not result.quotes:
        return []
    rows = [Ranked(o.name, False, o.cost) for o in result.options] + [
        Ranked(q.name, True, q.cost) for q in result.quotes
    ]
    return sorted(rows, key=lambda row: row.cost.three_years.expected)


def cost_rows(result: Result) -> list[Ranked]:
    """The rows of the cost table: the options and the person's quotes (each named with the option it buys), in
    the ranking's order, so the first row is the answer and "cheapest in" adds up over the rows shown."""
    names = {o.slug: o.name for o in result.options}
    rows = [
        Ranked(
            o.title or o.name,
            False,
            o.cost,
            figure=o.ranking_figure,
            swatch=n,
            line=o.line,
        )
        for n, o in enumerate(result.options)
    ]
    rows += [
        Ranked(
            f"{q.name}, your quote ({names.get(q.model, q.model)})",
            True,
            q.cost,
            figure=q.ranking_figure,
        )
        for q in result.quotes
    ]
    if result.version < 3:  # an earlier model's order, as it was stored
        return rows
    return sorted(rows, key=lambda row: round(row.figure, 2))


def figures_as_scored(stored: StoredResult) -> tuple[Assumption, ...]:
    """Every figure behind the costs: this organisation's estimates and method, then the catalogue's figures
    as they were when it was scored (results of the first model kept theirs in their assumptions), labelled and
    noted in words for people (words.plain: results stored before migration 0031 keep the labels they had)."""
    rows = stored.result.assumptions
    if not stored.earlier_model:
        rows += explain.figure_rows(stored.catalogue, stored.profile)
    return tuple(replace(row, label=plain(row.label), note=plain(row.note)) for row in rows)


def is_tie(stored: StoredResult) -> bool:
    """A close call whose two leaders read the same in the headline's rounded money (in results of the earlier,
    blended model: equal rounded scores): the page then names no winner."""
    options = stored.result.options
    if not stored.result.close_call or len(options) < 2:
        return False
    if stored.earlier_model:
        return round(options[0].overall) == round(options[1].overall)
    first, second = (o.ranking_figure for o in options[:2])
    return explain.about_money(first) == explain.about_money(second)


def tipping_lines(result: Result) -> tuple[list[str], list[str]]:
    """The stored tipping sentences in the order every page shows them: those that name a value at which the
    answer changes, then those that found none (the result page lists both, the summary the first few)."""
    changes = [p.text for p in result.tipping_points if p.value is not None]
    return changes, [p.text for p in result.tipping_points if p.value is None]


def cheapest_sentence(stored: StoredResult) -> str:
    """Which option costs least in most of the simulated cases, in words ("" for results of an earlier model)."""
    options: list[OptionResult | QuoteResult] = [o for o in stored.result.options if o.cost.chance_cheapest is not None]
    options += stored.result.quotes
    if len(options) < 2:
        return ""
    likeliest = max(options, key=lambda o: o.cost.chance_cheapest or 0.0)
    share = round((likeliest.cost.chance_cheapest or 0.0) * 100)
    among = ", among our options and your quotes," if stored.result.quotes else ""
    return (
        f"{likeliest.name} costs least{among} all three parts counted, in {share} % of the plausible cases we "
        f"simulated."
    )


def _cost(cost: OptionCost) -> dict[str, Any]:
    parts = cost.parts
    return {
        "three_years": cost.three_years,
        "parts_three_years": {"bills": parts.bills, "lost_work": parts.lost_work, "risk": parts.risk},
        "bills_per_month": cost.bills_per_month,
        "onboarding": cost.onboarding,
        "bill_lines_three_years": cost.bill_lines,
        "scope": cost.scope,
    }


def _score(o: OptionResult) -> dict[str, Any]:
    return {
        "model": o.slug,
        "name": o.name,
        "title": o.title or o.name,
        "fit": o.fit,
        "cost_score": o.cost_score,
        "overall": o.overall,
        "line": o.line,
        "cost": _cost(o.cost),
        "chance_cheapest": o.cost.chance_cheapest,
        "dimensions": o.dimensions,
    }


def _quote(q: QuoteResult) -> dict[str, Any]:
    return {
        "name": q.name,
        "model": q.model,
        "monthly_first_year": q.monthly_first_year,
        "monthly_third_year": q.monthly_third_year,
        "per_person_month": q.per_person_month,
        "fees_three_years": q.fees_three_years,
        "exit_cost_after_one_year": q.exit_cost_after_one_year,
        "left_out_three_years": q.left_out,
        "flags": [
            {"code": f.code, "requirement": f.requirement, "text": f.text}
            if f.requirement
            else {"code": f.code, "text": f.text}
            for f in q.flags
        ],
        "cost": _cost(q.cost),
        "chance_cheapest": q.cost.chance_cheapest,
    }


MEETS_LABELS = {"yes": "Meets it as sold", "with_addon": "With an add-on", "no": "Does not meet it"}


def requirement_rows(result: Result) -> list[dict[str, Any]]:
    """The requirement-by-option matrix for the page: each requirement with a cell per option shown, in the order
    the options are shown (their names, how each meets it, the add-on and its cost, and the evidence)."""
    names = {o.slug: o.title or o.name for o in result.options}
    rows = []
    for row in result.requirements:
        by_model = {cell.model: cell for cell in row.options}
        cells = [
            {"option": names[o.slug], "cell": by_model[o.slug], "meets": MEETS_LABELS[by_model[o.slug].meets]}
            for o in result.options
            if o.slug in by_model
        ]
        rows.append({"code": row.code, "name": row.name, "met_by_you": row.met_by_you, "cells": cells})
    return rows


def api_document(assessment: Assessment, stored: StoredResult, *, url: str, shared_url: str | None) -> dict[str, Any]:
    """The JSON document for one assessment, from its stored result: plain values and the result's dataclasses,
    which the API writes as JSON objects field by field (api.JsonResponse). `shared_url` is the link that leaves
    the quotes out (None without quotes)."""
    return {
        "id": str(assessment.public_id),
        "url": url,
        **score_document(stored, organisation_name=assessment.organisation_name),
        "url_without_quotes": shared_url,
    }


def score_document(stored: StoredResult, *, organisation_name: str) -> dict[str, Any]:
    """The document of a result, stored or not (POST /api/score/): api_document less the id and the links."""
    result = stored.result
    return {
        "region": stored.catalogue.region.code,
        "currency": stored.catalogue.region.currency,
        "scored_at": stored.scored_at,
        "model_version": stored.version,
        "recommendation": result.recommendation,
        "recommendation_name": result.recommendation_name,
        "close_call": result.close_call,
        "headline": result.headline,
        "summary": result.summary,
        "reasons": list(result.reasons),
        "scope_note": result.scope_note,
        "notes": list(result.notes),
        "not_applicable": result.not_applicable,
        "scores": [_score(o) for o in result.options],
        "quotes": [_quote(q) for q in result.quotes],
        "recommended_quote": result.recommended_quote,
        "quote_verdict": list(result.quote_verdict),
        "needs": result.needs,
        "factors": result.factors,
        "tipping_points": result.tipping_points,
        "depends": result.depends,
        "assumptions": figures_as_scored(stored),
        "estimates": result.estimates,
        "requirements": result.requirements,
        "requirement_line": result.requirement_line,
        "requirement_notes": list(result.requirement_notes),
        "inputs": {**to_plain(stored.profile), "organisation_name": organisation_name},
    }


def catalogue_document(catalogue_models: list, dimensions: list, shared: list) -> dict[str, Any]:
    """The public catalogue: options with their characteristics and figures, the aspects, the shared figures."""

    def figure(p: Any, label: str) -> dict[str, Any]:
        return {
            "key": p.key,
            "label": label,
            "low": float(p.low),
            "expected": float(p.expected),
            "high": float(p.high),
            "source_title": p.source_title,
            "source_url": p.source_url,
            "source_year": p.source_year,
            "vendor_claim": p.vendor_claim,
            "note": p.note,
        }

    return {
        "dimensions": [
            {
                "slug": d.slug,
                "name": d.name,
                "question": d.question,
                "explanation": d.explanation,
                "weight": float(d.weight),
                "order": d.order,
            }
            for d in dimensions
        ],
        "support_models": [
            {
                "slug": m.slug,
                "name": m.name,
                "summary": m.summary,
                "description": m.description,
                "best_for": m.best_for,
                "characteristics": [
                    {
                        "dimension": c.dimension.slug,
                        "headline": c.headline,
                        "description": c.description,
                        "rating": c.rating,
                    }
                    for c in m.characteristics.all()
                ],
                "cost_parameters": [figure(p, p.get_key_display()) for p in m.cost_parameters.all()],
            }
            for m in catalogue_models
        ],
        "shared_figures": [figure(f, f.label) for f in shared],
    }
