"""bench/fill.py: the load generator the scale benchmark fills its database with."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from advisor import services, snapshot
from advisor.models import Assessment, OptionOutcome
from bench import fill

pytestmark = pytest.mark.django_db


def test_fill_scores_a_few_profiles_then_copies_them_with_new_ids_over_thirteen_months():
    report = fill.fill(60, profiles=7, seed=3)
    assert report["assessments"] == 60 and report["scored_and_stored"] == 7 and report["copied"] == 53
    assert Assessment.objects.values("public_id").distinct().count() == 60
    # Every copy has its outcomes and reads back as its template's result.
    assert OptionOutcome.objects.values("assessment_id").distinct().count() == 60
    copy = Assessment.objects.order_by("-pk").first()
    assert snapshot.load(copy).result.recommendation == copy.recommendation
    ranked = len(snapshot.load(copy).result.options)
    assert list(copy.outcomes.values_list("rank", flat=True)) == list(range(1, ranked + 1))
    dates = list(Assessment.objects.values_list("created_at", flat=True))
    assert timezone.now() - min(dates) > timedelta(days=200)  # spread, not all today
    assert timezone.now() - min(dates) <= timedelta(days=396)
    # Ids continue after the copies: the site stores new assessments as usual.
    assert (
        services.assessment_create(scored=services.assessment_score(profile=snapshot.load(copy).profile)).pk > copy.pk
    )


def test_fill_refuses_a_database_that_holds_assessments():
    fill.fill(3, profiles=3)
    with pytest.raises(SystemExit, match="already holds assessments"):
        fill.fill(10)
