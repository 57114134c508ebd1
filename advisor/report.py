"""What the result page and the JSON API show of a stored result (snapshot.Stored). Never scores again."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .engine import answers, explain
from .engine.domain import Assumption, OptionResult
from .models import Assessment
from .snapshot import Stored, to_plain


@dataclass(frozen=True)
class AnswerRow:
    label: str
    value: str


def answer_rows(stored: Stored) -> list[AnswerRow]:
    """The person's answers, labelled as the form asked them, saying what was estimated for blanks."""
    profile, used = stored.profile, stored.result.estimates
    rows = []
    for q in answers.QUESTIONS:
        value = getattr(profile, q.name)
        text = explain.answer_text(q.name, value)
        if value is None and q.name == "devices":
            text = f"{used.devices:,.0f} (estimated)"
        elif value is None and q.name == "downtime_cost_per_hour":
            text = f"${used.downtime_cost_per_hour:,.0f} (estimated)"
        elif value is None and q.name == "incidents_per_month":
            text = f"{explain.number(round(used.incidents_per_month, 1))} (estimated)"
        elif value is None and q.name in ("hourly_rate", "msp_fee_per_user"):
            text = "Not given: published figures used"
        rows.append(AnswerRow(q.label, text))
    return rows


def figure_rows(stored: Stored) -> tuple[Assumption, ...]:
    """Every figure behind the costs: this organisation's estimates and method, then the catalogue's figures
    as they were when it was scored (results of the first model kept theirs in their assumptions)."""
    if stored.earlier_model:
        return stored.result.assumptions
    return stored.result.assumptions + explain.figure_rows(stored.catalogue, stored.profile)


def is_tie(stored: Stored) -> bool:
    """A close call whose rounded scores are equal: the page then names no winner."""
    options = stored.result.options
    return stored.result.close_call and len(options) > 1 and round(options[0].overall) == round(options[1].overall)


def cheapest_sentence(stored: Stored) -> str:
    """Which option costs least in most of the simulated cases, in words ("" for results of an earlier model)."""
    options = [o for o in stored.result.options if o.cost.chance_cheapest is not None]
    if len(options) < 2:
        return ""
    likeliest = max(options, key=lambda o: o.cost.chance_cheapest or 0.0)
    share = round((likeliest.cost.chance_cheapest or 0.0) * 100)
    return (f"{likeliest.name} costs least, all three parts counted, in {share} % of the plausible cases we "
            f"simulated.")


def _score(o: OptionResult) -> dict[str, Any]:
    parts = o.cost.parts
    return {
        "model": o.slug,
        "name": o.name,
        "fit": o.fit,
        "cost_score": o.cost_score,
        "overall": o.overall,
        "cost": {
            "three_years": o.cost.three_years,
            "parts_three_years": {"bills": parts.bills, "lost_work": parts.lost_work, "risk": parts.risk},
            "bills_per_month": o.cost.bills_per_month,
            "onboarding": o.cost.onboarding,
            "bill_lines_three_years": o.cost.bill_lines,
            "scope": o.cost.scope,
        },
        "chance_cheapest": o.cost.chance_cheapest,
        "dimensions": o.dimensions,
    }


def api_document(assessment: Assessment, stored: Stored, *, url: str) -> dict[str, Any]:
    """The JSON document for one assessment, from its stored result: plain values and the result's dataclasses,
    which the API writes as JSON objects field by field (api.JsonResponse)."""
    result = stored.result
    return {
        "id": str(assessment.public_id),
        "url": url,
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
        "needs": result.needs,
        "factors": result.factors,
        "tipping_points": result.tipping_points,
        "assumptions": figure_rows(stored),
        "estimates": result.estimates,
        "inputs": {**to_plain(stored.profile), "organisation_name": assessment.organisation_name},
    }


def catalogue_document(catalogue_models: list, dimensions: list, shared: list) -> dict[str, Any]:
    """The public catalogue: options with their characteristics and figures, the aspects, the shared figures."""

    def figure(p: Any, label: str) -> dict[str, Any]:
        return {"key": p.key, "label": label, "low": float(p.low), "expected": float(p.expected),
                "high": float(p.high), "source_title": p.source_title, "source_url": p.source_url,
                "source_year": p.source_year, "vendor_claim": p.vendor_claim, "note": p.note}

    return {
        "dimensions": [
            {"slug": d.slug, "name": d.name, "question": d.question, "explanation": d.explanation,
             "weight": float(d.weight), "order": d.order}
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
                    {"dimension": c.dimension.slug, "headline": c.headline, "description": c.description,
                     "rating": c.rating}
                    for c in m.characteristics.all()
                ],
                "cost_parameters": [figure(p, p.get_key_display()) for p in m.cost_parameters.all()],
            }
            for m in catalogue_models
        ],
        "shared_figures": [figure(f, f.label) for f in shared],
    }
