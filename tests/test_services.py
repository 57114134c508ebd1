"""Storing an assessment: its answers a column each, its result as scored, the catalogue once per version."""

from __future__ import annotations

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connection

from advisor import services, snapshot
from advisor.engine import answers
from advisor.engine.domain import Profile
from advisor.models import Assessment, CatalogueRecord, OptionOutcome

pytestmark = pytest.mark.django_db

PROFILE = Profile(
    industry="finance", employees=40, incidents_per_month=6.5, compliance="strict", devices=90, hourly_rate=140.0
)


def test_submit_stores_each_answer_in_its_column_and_the_result_it_was_scored_to():
    stored = Assessment.objects.get(pk=services.assessment_create(scored=services.assessment_score(profile=PROFILE)).pk)
    for q in answers.QUESTIONS:
        column = getattr(stored, q.name)
        assert (None if column is None else float(column) if not q.is_choice else column) == (
            None
            if getattr(PROFILE, q.name) is None
            else getattr(PROFILE, q.name)
            if q.is_choice
            else float(getattr(PROFILE, q.name))
        ), q.name
    result = snapshot.load(stored).result
    assert (stored.recommendation, stored.recommendation_name, stored.close_call) == (
        result.recommendation,
        result.recommendation_name,
        result.close_call,
    )


def test_assessments_scored_against_the_same_catalogue_share_one_stored_copy_of_it():
    first = services.assessment_create(scored=services.assessment_score(profile=PROFILE))
    second = services.assessment_create(
        scored=services.assessment_score(profile=Profile(industry="retail", employees=3))
    )
    assert first.catalogue_record_id == second.catalogue_record_id
    assert CatalogueRecord.objects.count() == 1


def test_each_assessment_stores_at_most_10_kb_of_its_own():
    stored = services.assessment_create(scored=services.assessment_score(profile=PROFILE))
    assert len(bytes(Assessment.objects.get(pk=stored.pk).result_document)) <= 10_000


def test_an_email_is_stored_only_with_consent():
    without = services.assessment_create(
        scored=services.assessment_score(profile=PROFILE), email="a@example.com", contact_consent=False
    )
    with_consent = services.assessment_create(
        scored=services.assessment_score(profile=PROFILE), email="a@example.com", contact_consent=True
    )
    assert (without.email, with_consent.email) == ("", "a@example.com")


OUTCOME_FIELDS = (
    "slug",
    "name",
    "rank",
    "fit",
    "cost_score",
    "overall",
    "bills",
    "lost_work",
    "risk",
    "total_low",
    "total_expected",
    "total_high",
    "chance_cheapest",
)


def _outcomes_from_snapshot(assessment: Assessment) -> list[tuple]:
    """Each option's figures as the stored result gives them, ranked."""
    return [
        (
            o.slug,
            o.name,
            rank,
            o.fit,
            o.cost_score,
            o.overall,
            o.cost.parts.bills.expected,
            o.cost.parts.lost_work.expected,
            o.cost.parts.risk.expected,
            o.cost.three_years.low,
            o.cost.three_years.expected,
            o.cost.three_years.high,
            o.cost.chance_cheapest,
        )
        for rank, o in enumerate(snapshot.load(assessment).result.options, start=1)
    ]


def _outcomes_stored(assessment: Assessment) -> list[tuple]:
    return list(OptionOutcome.objects.filter(assessment=assessment).order_by("rank").values_list(*OUTCOME_FIELDS))


def test_every_new_assessment_stores_each_options_figures_in_a_row_of_its_own(client, law_firm_answers):
    by_service = services.assessment_create(scored=services.assessment_score(profile=PROFILE))
    client.post("/assess/", law_firm_answers)
    client.post("/api/assessments/", {"industry": "retail", "employees": 3}, content_type="application/json")
    assert Assessment.objects.count() == 3
    for assessment in Assessment.objects.all():
        stored = _outcomes_stored(assessment)
        ranked = snapshot.load(assessment).result.options  # every active option that applies (4 or 5)
        assert len(stored) == len(ranked) >= 4 and stored == _outcomes_from_snapshot(assessment)
    assert _outcomes_stored(by_service)[0][0] == by_service.recommendation


def test_the_migration_fills_in_outcomes_from_results_of_both_stored_versions():
    """advisor/migrations/0010 reads stored documents with its own copy of the reading: version 1 (the first
    model) and version 2 must give what snapshot.py gives."""
    from tests.test_snapshot import version_1_assessment

    migration = importlib.import_module("advisor.migrations.0010_option_outcomes")
    current, first_model = (
        services.assessment_create(scored=services.assessment_score(profile=PROFILE)),
        version_1_assessment(),
    )
    # The migration ran before version 3 existed; version 3 stores the same shape as version 2 with one field more.
    Assessment.objects.filter(pk=current.pk).update(result_version=2)
    current.refresh_from_db()
    OptionOutcome.objects.all().delete()
    migration.forward(django_apps, SimpleNamespace(connection=connection))
    for assessment in (current, first_model):
        assert _outcomes_stored(assessment) == _outcomes_from_snapshot(assessment)
    assert _outcomes_stored(first_model)[0][-1] is None  # the first model had no chance of being cheapest
