"""The reads of stored assessments: a row by its link, whether one exists, and its answers to score again.

The catalogue's reads (cached per content version) are catalogue.py's; what a stored result holds is snapshot.py's.
"""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any

from django.db import connections, router

from .catalogue import load_catalogue
from .engine import quotes
from .engine.decide import with_quotes_for_old_answers
from .engine.domain import Profile
from .models import Assessment
from .snapshot import StoredResult


def assessment_get(*, public_id: uuid.UUID | str) -> Assessment | None:
    """The assessment at this id, with the catalogue record its result points to (read with it), or None."""
    return Assessment.objects.select_related("catalogue_record").filter(public_id=public_id).first()


def assessment_exists(*, field_name: str, value: uuid.UUID) -> bool:
    """Whether an assessment has this public id (or link without quotes, `share_id`): one indexed query.

    Written out through Django's cursor: under gunicorn the ORM's version of this query cost a large share
    of a cached result page's worker CPU (make bench; docs/performance.md).
    """
    field = Assessment._meta.get_field(field_name)
    connection = connections[router.db_for_read(Assessment)]
    table, column = connection.ops.quote_name(Assessment._meta.db_table), connection.ops.quote_name(field.column)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT 1 FROM {table} WHERE {column} = %s",  # names from the model, id a parameter
            [field.get_db_prep_value(value, connection)],
        )
        return cursor.fetchone() is not None


def answers_again(stored: StoredResult) -> Profile:
    """A stored result's answers, to score again today ("score again", and the what-if page's "before"): read as
    they were stored, not through the form, with an hourly rate or MSP fee an earlier form asked for turned into
    the quotes they are read as today (at most three), and a -0 stored before the form read it as 0 as 0."""
    profile = with_quotes_for_old_answers(stored.profile, load_catalogue(stored.profile.region))
    unsigned: dict[str, Any] = {
        field.name: value + 0.0
        for field in dataclasses.fields(profile)
        if isinstance(value := getattr(profile, field.name), float)
    }
    return dataclasses.replace(profile, **unsigned, quotes=profile.quotes[: quotes.MAX_QUOTES])
