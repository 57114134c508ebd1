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


@transaction.atomic
def assessment_create(
    *,
    profile: Profile,
    catalogue: Catalogue,
    result: Result,
    organisation_name: str = "",
    email: str = "",
    contact_consent: bool = False,
    scored_at: str | None = None,
    public_id: str | None = None,
) -> Assessment:
    """Store the answers (a column each, for admin and export; the quotes as a list, with a second link that
    leaves them out), the result as scored (snapshot.py) and each option's figures (a row each, for admin and
    export), in one short transaction, under `public_id` when given (one an Idempotency-Key reserved). Raises
    TooLarge, writing nothing, when a figure would not fit."""
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
        catalogue_record_id=snapshot.catalogue_record_id(catalogue),
        result_version=result.version,
        result_document=snapshot.result_document(
            profile=profile, result=result, scored_at=scored_at or timezone.now().isoformat()
        ),
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


def assessment_submit(
    *, profile: Profile, organisation_name: str = "", email: str = "", contact_consent: bool = False
) -> Assessment:
    """Score the answers against today's catalogue and store them with their result."""
    return assessment_score(
        profile=profile, organisation_name=organisation_name, email=email, contact_consent=contact_consent
    )[0]


def assessment_score(
    *,
    profile: Profile,
    organisation_name: str = "",
    email: str = "",
    contact_consent: bool = False,
    public_id: str | None = None,
) -> tuple[Assessment, snapshot.Stored]:
    """assessment_submit, also giving back the result as stored, so the API answers with it without reading
    back and decoding what it has just written."""
    stored = score_only(profile)
    assessment = assessment_create(
        profile=profile,
        catalogue=stored.catalogue,
        result=stored.result,
        organisation_name=organisation_name,
        email=email,
        contact_consent=contact_consent,
        scored_at=stored.scored_at,
        public_id=public_id,
    )
    return assessment, stored


def score_only(profile: Profile) -> snapshot.Stored:
    """Score the answers against today's catalogue as assessment_score does, storing nothing: the result as it
    would be stored (POST /api/score/ and the what-if page score through here). Raises TooLarge when a figure
    would not fit where it is stored."""
    catalogue = load_catalogue(profile.region)
    result = score(profile, catalogue)
    check_storable(result)
    # The profile as it reads back (a whole number given for a decimal answer comes back as a float).
    return snapshot.Stored(
        version=result.version,
        scored_at=timezone.now().isoformat(),
        profile=snapshot.from_plain(Profile, snapshot.to_plain(profile)),
        catalogue=catalogue,
        result=result,
    )


def assessment_delete(*, assessment: Assessment) -> None:
    """Forget an assessment, at the request of whoever holds its link."""
    assessment.delete()
