"""Answers and helpers shared by the security tests (test_security_*, test_fuzz_*)."""

from __future__ import annotations

from typing import Any

from advisor import services
from advisor.forms import AssessmentForm
from advisor.models import Assessment, Comment
from advisor.protect.spam import started_token

# A 25-person law firm, as the assessment form posts it.
FORM_ANSWERS: dict[str, Any] = {
    "organisation_name": "Hart & Vale Solicitors",
    "industry": "legal",
    "employees": "25",
    "devices": "",
    "sites": "1",
    "it_staff": "0",
    "incidents_per_month": "4",
    "downtime_cost_per_hour": "",
    "operating_hours": "business_hours",
    "budget_preference": "predictable",
    "growth": "moderate",
    "compliance": "strict",
    "backup": "partial",
    "it_dependence": "high",
    "hourly_rate": "",
    "msp_fee_per_user": "",
    "email": "",
}

# The same firm, as the JSON API takes it.
API_ANSWERS: dict[str, Any] = {
    "organisation_name": "Hart & Vale Solicitors",
    "industry": "legal",
    "employees": 25,
    "incidents_per_month": 4,
    "compliance": "strict",
    "it_dependence": "high",
}


def comment_answers(**overrides: Any) -> dict[str, Any]:
    """A comment as a person would post it, a minute after the page was served."""
    return {
        "name": "Priya Natarajan",
        "email": "priya@example.org",
        "website": "",
        "text": "Useful comparison, thanks.",
        "subject": "",
        "started": started_token(seconds_ago=60),
        **overrides,
    }


def make_assessment(**contact: Any) -> Assessment:
    """A stored assessment for the law firm (optionally with contact details)."""
    form = AssessmentForm(data=FORM_ANSWERS)
    assert form.is_valid(), form.errors
    return services.assessment_create(
        scored=services.assessment_score(profile=form.to_profile()),
        organisation_name="Hart & Vale Solicitors",
        **contact,
    )


def row_counts() -> dict[str, int]:
    return {"assessments": Assessment.objects.count(), "comments": Comment.objects.count()}
