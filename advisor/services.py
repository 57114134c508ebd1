"""The writes: scoring answers and storing them with the result they will always be shown from."""
from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from . import snapshot
from .catalogue import load_catalogue
from .engine import answers, score
from .engine.domain import Catalogue, Profile, Result
from .models import Assessment, Comment


def _column(question: answers.Question, value: object) -> object:
    """An answer as its model column holds it: whole numbers as int, the rest as given (None for blank)."""
    if value is not None and question.whole:
        return int(round(float(value)))  # type: ignore[arg-type]
    return value


@transaction.atomic
def assessment_create(
    *, profile: Profile, catalogue: Catalogue, result: Result, organisation_name: str = "", email: str = "",
    contact_consent: bool = False,
) -> Assessment:
    """Store the answers (a column each, for admin and export), and the result as scored (snapshot.py), in one
    short transaction."""
    return Assessment.objects.create(
        organisation_name=organisation_name,
        email=email if contact_consent else "",
        contact_consent=contact_consent,
        **{q.name: _column(q, getattr(profile, q.name)) for q in answers.QUESTIONS},
        recommendation=result.recommendation,
        recommendation_name=result.recommendation_name,
        close_call=result.close_call,
        catalogue_record_id=snapshot.catalogue_record_id(catalogue),
        result_version=result.version,
        result_document=snapshot.result_document(profile=profile, result=result,
                                                 scored_at=timezone.now().isoformat()),
    )


def comment_create(*, name: str, email: str, website: str, text: str) -> Comment:
    """A new reply, held for moderation until staff approve it."""
    return Comment.objects.create(name=name, email=email, website=website, text=text, is_approved=False)


def assessment_submit(
    *, profile: Profile, organisation_name: str = "", email: str = "", contact_consent: bool = False
) -> Assessment:
    """Score the answers against today's catalogue and store them with their result."""
    catalogue = load_catalogue()
    result = score(profile, catalogue)
    return assessment_create(
        profile=profile, catalogue=catalogue, result=result, organisation_name=organisation_name,
        email=email, contact_consent=contact_consent,
    )


def assessment_delete(*, assessment: Assessment) -> None:
    """Forget an assessment, at the request of whoever holds its link."""
    assessment.delete()
