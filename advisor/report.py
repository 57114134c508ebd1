"""Reads a stored snapshot back into what the result page and the JSON API show. Never scores again."""
from __future__ import annotations

from typing import Any

from .models import Assessment

INPUT_LABELS = (
    ("industry", "Industry"),
    ("employees", "People who use IT"),
    ("devices", "Devices to look after"),
    ("sites", "Locations"),
    ("it_staff", "In-house IT staff (FTE)"),
    ("incidents_per_month", "IT problems a month needing outside help"),
    ("downtime_cost_per_hour", "Cost of an hour with IT down"),
    ("operating_hours", "When IT must work"),
    ("it_dependence", "How much work stops when IT stops"),
    ("compliance", "Regulated data"),
    ("backup", "Backup and disaster recovery"),
    ("growth", "Growth over the next two years"),
    ("budget_preference", "How you prefer to pay"),
    ("hourly_rate", "Your Break/Fix hourly rate"),
    ("msp_fee_per_user", "Your MSP fee per user per month"),
)

_CHOICES = {
    "industry": Assessment.Industry,
    "operating_hours": Assessment.OperatingHours,
    "it_dependence": Assessment.ItDependence,
    "compliance": Assessment.Compliance,
    "backup": Assessment.Backup,
    "growth": Assessment.Growth,
    "budget_preference": Assessment.BudgetPreference,
}
_MONEY = {"downtime_cost_per_hour", "hourly_rate", "msp_fee_per_user"}


def _display(name: str, value: Any) -> str:
    if value is None:
        return "Not given"
    if name in _CHOICES:
        try:
            return str(_CHOICES[name](value).label)
        except ValueError:
            return str(value)
    if name in _MONEY:
        return f"${value:,.2f}".replace(".00", "")
    if isinstance(value, float) and value.is_integer():
        return f"{value:,.0f}"
    return f"{value:,}" if isinstance(value, int) else str(value)


def answers(snapshot: dict[str, Any]) -> list[tuple[str, str]]:
    """The person's answers as (label, value) pairs, noting what was estimated for blanks."""
    inputs = snapshot["inputs"]
    result = snapshot["result"]
    rows = []
    for name, label in INPUT_LABELS:
        value = inputs.get(name)
        text = _display(name, value)
        if name == "devices" and value is None:
            text = f"{result['devices']:,} (estimated)"
        if name == "downtime_cost_per_hour" and value is None:
            text = f"${result['downtime_cost_per_hour']:,.0f} (estimated)"
        if name in ("hourly_rate", "msp_fee_per_user") and value is None:
            text = "Not given: published figures used"
        rows.append((label, text))
    return rows


def api_document(assessment: Assessment, *, url: str) -> dict[str, Any]:
    """The JSON document for one assessment, straight from its snapshot."""
    snapshot = assessment.snapshot
    result = snapshot["result"]
    return {
        "id": str(assessment.public_id),
        "url": url,
        "scored_at": snapshot["scored_at"],
        "recommendation": result["recommendation"],
        "recommendation_name": result["recommendation_name"],
        "close_call": result["close_call"],
        "summary": result["summary"],
        "decider": result["decider"],
        "scores": [
            {
                "model": m["slug"],
                "name": m["name"],
                "fit": m["fit"],
                "cost_score": m["cost_score"],
                "overall": m["overall"],
                "cost": {
                    "monthly": m["cost"]["monthly"],
                    "one_year": m["cost"]["one_year"],
                    "three_years": m["cost"]["three_years"],
                    "breakdown_per_month": m["cost"]["breakdown"],
                },
                "dimensions": m["dimensions"],
            }
            for m in result["models"]
        ],
        "needs": result["needs"],
        "factors": result["factors"],
        "tipping_points": result["tipping_points"],
        "assumptions": result["assumptions"],
        "estimates": {
            "devices": result["devices"],
            "devices_estimated": result["devices_estimated"],
            "downtime_cost_per_hour": result["downtime_cost_per_hour"],
            "downtime_cost_estimated": result["downtime_cost_estimated"],
            "downtime_cost_rule": result["downtime_cost_rule"],
        },
        "inputs": {**snapshot["inputs"], "organisation_name": assessment.organisation_name},
    }


def catalogue_document(catalogue_models: list, dimensions: list) -> dict[str, Any]:
    """The public catalogue: models with their characteristics and cost parameters, and the dimensions."""
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
                "cost_parameters": [
                    {"key": p.key, "label": p.get_key_display(), "low": float(p.low),
                     "expected": float(p.expected), "high": float(p.high), "source_title": p.source_title,
                     "source_url": p.source_url, "source_year": p.source_year, "vendor_claim": p.vendor_claim,
                     "note": p.note}
                    for p in m.cost_parameters.all()
                ],
            }
            for m in catalogue_models
        ],
    }
