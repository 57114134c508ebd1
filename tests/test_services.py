"""Storing an assessment: the answers, and a snapshot of everything it was scored with."""
from __future__ import annotations

import json
from dataclasses import replace

import pytest

from advisor import services
from advisor.engine.domain import Profile
from advisor.models import Assessment

pytestmark = pytest.mark.django_db

PROFILE = Profile(industry="finance", employees=40, incidents_per_month=3, compliance="strict")


def test_submit_stores_answers_result_and_snapshot():
    assessment = services.assessment_submit(profile=PROFILE, organisation_name="Ledger Ltd")
    stored = Assessment.objects.get()
    assert stored == assessment
    assert stored.employees == 40 and stored.industry == "finance" and stored.compliance == "strict"
    snapshot = stored.snapshot
    assert set(snapshot) == {"version", "scored_at", "inputs", "catalogue", "result"}
    assert snapshot["inputs"]["employees"] == 40
    assert stored.recommendation == snapshot["result"]["recommendation"]
    assert stored.recommendation_name == snapshot["result"]["recommendation_name"]


def test_snapshot_keeps_the_ratings_weights_and_cost_figures_used():
    snapshot = services.assessment_submit(profile=PROFILE).snapshot["catalogue"]
    msp = next(m for m in snapshot["models"] if m["slug"] == "msp")
    assert msp["ratings"]["monitoring"] == 5
    assert msp["costs"]["fee_per_user_month"]["expected"] == 150
    assert msp["costs"]["fee_per_user_month"]["source_title"]
    weights = {d["slug"]: d["weight"] for d in snapshot["dimensions"]}
    assert weights["engagement"] == 1.5


def test_email_is_dropped_without_consent():
    services.assessment_submit(profile=PROFILE, email="cfo@example.com", contact_consent=False)
    services.assessment_submit(profile=PROFILE, email="ceo@example.com", contact_consent=True)
    assert sorted(Assessment.objects.values_list("email", flat=True)) == ["", "ceo@example.com"]


def test_deleting_removes_the_assessment():
    assessment = services.assessment_submit(profile=PROFILE)
    services.assessment_delete(assessment=assessment)
    assert not Assessment.objects.exists()


def test_a_stored_snapshot_reads_back_as_it_was_built():
    assessment = services.assessment_submit(profile=PROFILE, organisation_name="Zoë's Café")
    built = json.loads(json.dumps(assessment.snapshot))  # what JSON can hold: tuples become lists
    assert Assessment.objects.get(pk=assessment.pk).snapshot == built


@pytest.mark.parametrize("profile", [PROFILE, replace(PROFILE, operating_hours="always", employees=400, devices=900)])
def test_the_result_in_a_snapshot_is_what_plain_gives(catalogue, profile):
    # _plain_result takes a faster road (a round trip through orjson) that must give the same data.
    result = services.score(profile, catalogue)
    assert json.dumps(services._plain_result(result), sort_keys=True) == json.dumps(services._plain(result),
                                                                                     sort_keys=True)
