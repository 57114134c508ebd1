"""The stored result: typed, versioned, read back as it was written; older versions upgraded on read."""

from __future__ import annotations

import json
import zlib
from pathlib import Path

import pytest

from advisor import services, snapshot
from advisor.engine import score
from advisor.engine.domain import RESULT_VERSION, Catalogue, Profile, Result
from advisor.models import Assessment
from tests.catalogues import seeded_catalogue

PROFILE = Profile(industry="legal", employees=25, incidents_per_month=4, compliance="strict")
VERSION_1 = Path(__file__).parent / "data" / "snapshot_v1.json"  # written by the first model, 2026-11


def test_a_result_and_a_catalogue_survive_the_round_trip_through_plain_data():
    catalogue = seeded_catalogue()
    result = score(PROFILE, catalogue)
    assert snapshot.from_plain(Result, json.loads(json.dumps(snapshot.to_plain(result)))) == result
    assert snapshot.from_plain(Catalogue, json.loads(json.dumps(snapshot.to_plain(catalogue)))) == catalogue


@pytest.mark.django_db
def test_a_stored_result_reads_back_as_it_was_scored():
    catalogue = seeded_catalogue()
    scored = services.assessment_score(profile=PROFILE, catalogue=catalogue)
    result = scored.result
    stored = snapshot.load(Assessment.objects.get(pk=services.assessment_create(scored=scored).pk))
    assert (stored.version, stored.profile, stored.catalogue, stored.result) == (
        RESULT_VERSION,
        PROFILE,
        catalogue,
        result,
    )
    assert not stored.earlier_model


def version_1_assessment() -> Assessment:
    document = json.loads(VERSION_1.read_text())
    inputs = document["inputs"]
    return Assessment.objects.create(
        industry=inputs["industry"],
        employees=inputs["employees"],
        incidents_per_month=inputs["incidents_per_month"],
        operating_hours=inputs["operating_hours"],
        budget_preference=inputs["budget_preference"],
        growth=inputs["growth"],
        compliance=inputs["compliance"],
        backup=inputs["backup"],
        it_dependence=inputs["it_dependence"],
        recommendation=document["result"]["recommendation"],
        recommendation_name=document["result"]["recommendation_name"],
        result_version=1,
        result_document=zlib.compress(json.dumps(document).encode()),
    )


@pytest.mark.django_db
def test_a_result_of_the_first_model_is_upgraded_on_read():
    stored = snapshot.load(version_1_assessment())
    assert stored.earlier_model and stored.version == 1
    old = json.loads(VERSION_1.read_text())["result"]
    assert stored.result.recommendation == old["recommendation"]
    for option, model in zip(stored.result.options, old["models"], strict=False):
        monthly = model["cost"]["breakdown"]
        assert option.cost.parts.lost_work.expected == pytest.approx(36 * monthly["downtime"])
        assert option.cost.parts.risk.expected == 0 and option.cost.chance_cheapest is None
    assert [m.slug for m in stored.catalogue.models] == ["break-fix", "msp"]


@pytest.mark.django_db
def test_a_result_of_the_first_model_renders_says_so_and_offers_to_score_again(client):
    assessment = version_1_assessment()
    html = client.get(assessment.get_absolute_url()).content.decode()
    assert "An earlier version of our model worked out this result" in html
    assert f"/assessment/{assessment.public_id}/rescore/" in html
    api = client.get(f"/api/assessments/{assessment.public_id}/").json()
    assert api["model_version"] == 1 and api["recommendation"] == assessment.recommendation
