"""Storing an assessment: its answers a column each, its result as scored, the catalogue once per version."""
from __future__ import annotations

import pytest

from advisor import services, snapshot
from advisor.engine import answers
from advisor.engine.domain import Profile
from advisor.models import Assessment, CatalogueRecord

pytestmark = pytest.mark.django_db

PROFILE = Profile(industry="finance", employees=40, incidents_per_month=6.5, compliance="strict", devices=90,
                  hourly_rate=140.0)


def test_submit_stores_each_answer_in_its_column_and_the_result_it_was_scored_to():
    stored = Assessment.objects.get(pk=services.assessment_submit(profile=PROFILE).pk)
    for q in answers.QUESTIONS:
        column = getattr(stored, q.name)
        assert (None if column is None else float(column) if not q.is_choice else column) == \
            (None if getattr(PROFILE, q.name) is None else
             getattr(PROFILE, q.name) if q.is_choice else float(getattr(PROFILE, q.name))), q.name
    result = snapshot.load(stored).result
    assert (stored.recommendation, stored.recommendation_name, stored.close_call) == \
        (result.recommendation, result.recommendation_name, result.close_call)


def test_assessments_scored_against_the_same_catalogue_share_one_stored_copy_of_it():
    first = services.assessment_submit(profile=PROFILE)
    second = services.assessment_submit(profile=Profile(industry="retail", employees=3))
    assert first.catalogue_record_id == second.catalogue_record_id
    assert CatalogueRecord.objects.count() == 1


def test_each_assessment_stores_at_most_10_kb_of_its_own():
    stored = services.assessment_submit(profile=PROFILE)
    assert len(bytes(Assessment.objects.get(pk=stored.pk).result_document)) <= 10_000


def test_an_email_is_stored_only_with_consent():
    without = services.assessment_submit(profile=PROFILE, email="a@example.com", contact_consent=False)
    with_consent = services.assessment_submit(profile=PROFILE, email="a@example.com", contact_consent=True)
    assert (without.email, with_consent.email) == ("", "a@example.com")
