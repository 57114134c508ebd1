"""The writes: scoring answers and storing them with the result they will always be shown from."""

from __future__ import annotations

import math
import uuid
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from . import snapshot
from .catalogue import load_catalogue
from .engine import answers, score
from .engine.domain import Catalogue, OptionResult, Profile, QuoteResult, Result
from .models import Assessment, Comment, OptionOutcome


def _column(question: answers.Question, value: object) -> object:
    """An answer as its model column holds it: whole numbers as int, the rest as given (None for blank)."""
    if value is not None and question.whole:
        return int(round(float(value)))  # type: ignore[arg-type]
    return value


class TooLarge(ValueError):
    """The answers give a figure too large to store (checked before anything is written)."""

    message = (
        "These answers give a three-year cost too large to store. Check the number of devices and the quotes' "
        "prices: they are a month's price for one user or one device."
    )


def _fits(field_name: str, value: Decimal | None) -> bool:
    """Whether `value` fits the Assessment column `field_name` (its digits before the point)."""
    if value is None:
        return True
    field = Assessment._meta.get_field(field_name)
    return value.is_finite() and abs(value) < Decimal(10) ** (field.max_digits - field.decimal_places)


def check_storable(result: Result) -> None:
    """Raise TooLarge unless every figure of the result fits where it is stored: the best quote's total in its
    column, and every figure of every option a finite number (PostgreSQL would take infinity, JSON cannot)."""
    best = result.quotes[0] if result.quotes else None
    total = round(Decimal(str(best.cost.three_years.expected)), 2) if best else None
    priced: tuple[OptionResult | QuoteResult, ...] = (*result.options, *result.quotes)
    ranges = [
        r for o in priced for r in (o.cost.three_years, o.cost.parts.bills, o.cost.parts.lost_work, o.cost.parts.risk)
    ]
    figures = [v for r in ranges for v in (r.low, r.expected, r.high)]
    figures += [v for o in result.options for v in (o.fit, o.cost_score, o.overall)]
    if not _fits("best_quote_total", total) or not all(math.isfinite(v) for v in figures):
        raise TooLarge(TooLarge.message)


def assessment_score(*, profile: Profile, catalogue: Catalogue | None = None) -> snapshot.StoredResult:
    """Score the answers against `catalogue` (today's figures for their region when None), storing nothing: the
    result as it would be stored, which assessment_create stores, and POST /api/score/ and the what-if page show.
    Raises TooLarge when a figure would not fit where it is stored."""
    catalogue = catalogue or load_catalogue(profile.region)
    result = score(profile, catalogue)
    check_storable(result)
    return snapshot.StoredResult(
        version=result.version,
        scored_at=timezone.now().isoformat(),
        profile=profile,
        catalogue=catalogue,
        result=result,
    )


@transaction.atomic
def assessment_create(
    *,
    scored: snapshot.StoredResult,
    organisation_name: str = "",
    email: str = "",
    contact_consent: bool = False,
    public_id: str | None = None,
) -> Assessment:
    """Store answers scored by assessment_score: the answers (a column each, for admin and export; the quotes as a
    list, with a second link that leaves them out), the result as scored (snapshot.py) and each option's figures
    (a row each, for admin and export), in one short transaction, under `public_id` when given (one an
    Idempotency-Key reserved). The one way an assessment is written: the form, the API, "score again" and "keep
    as a new result" all come here. Raises TooLarge, writing nothing, when a figure would not fit."""
    profile, result = scored.profile, scored.result
    check_storable(result)
    best = result.quotes[0] if result.quotes else None
    assessment = Assessment.objects.create(
        **({"public_id": public_id} if public_id else {}),
        share_id=uuid.uuid4() if profile.quotes else None,
        quote_count=len(profile.quotes),
        best_quote_name=best.name if best else "",
        best_quote_total=round(Decimal(str(best.cost.three_years.expected)), 2) if best else None,
        organisation_name=organisation_name,
        email=email if contact_consent else "",
        contact_consent=contact_consent,
        **{q.name: _column(q, getattr(profile, q.name)) for q in answers.QUESTIONS},
        region=profile.region,
        recommendation=result.recommendation,
        recommendation_name=result.recommendation_name,
        close_call=result.close_call,
        catalogue_record_id=snapshot.catalogue_record_id(scored.catalogue),
        result_version=result.version,
        result_document=snapshot.result_document(profile=profile, result=result, scored_at=scored.scored_at),
    )
    OptionOutcome.objects.bulk_create(option_outcomes(assessment_id=assessment.pk, result=result))
    return assessment


def option_outcomes(*, assessment_id: int, result: Result) -> list[OptionOutcome]:
    """Each option's figures as the export and the admin read them, ranked as the result ranks them."""
    return [
        OptionOutcome(
            assessment_id=assessment_id,
            rank=rank,
            slug=o.slug,
            name=o.name,
            fit=o.fit,
            cost_score=o.cost_score,
            overall=o.overall,
            bills=o.cost.parts.bills.expected,
            lost_work=o.cost.parts.lost_work.expected,
            risk=o.cost.parts.risk.expected,
            total_low=o.cost.three_years.low,
            total_expected=o.cost.three_years.expected,
            total_high=o.cost.three_years.high,
            chance_cheapest=o.cost.chance_cheapest,
        )
        for rank, o in enumerate(result.options, start=1)
    ]


def comment_create(*, name: str, email: str, website: str, text: str) -> Comment:
    """A new reply, held for moderation until staff approve it."""
    return Comment.objects.create(name=name, email=email, website=website, text=text, is_approved=False)


def assessment_delete(*, assessment: Assessment) -> None:
    """Forget an assessment, at the request of whoever holds its link."""
    assessment.delete()
