"""Reading the catalogue, and a third support model added in admin flowing through every part of the site."""

from __future__ import annotations

import pytest

from advisor import snapshot
from advisor.catalogue import load_catalogue, load_comparison
from advisor.models import Assessment, Characteristic, CostParameter, Dimension, SupportModel

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_desk():
    """Another option, as staff would add it in admin: a shared helpdesk priced like the MSP, with a cell per
    aspect and its costs."""
    model = SupportModel.objects.create(
        slug="shared-desk",
        name="Shared helpdesk",
        order=9,
        summary="A provider works alongside your own IT person.",
        description="Shared duties.",
        best_for="Firms with one IT generalist.",
    )
    for dimension in Dimension.objects.all():
        Characteristic.objects.create(
            support_model=model,
            dimension=dimension,
            headline=f"Shared {dimension.name}",
            description="Split between your staff and the provider.",
            rating=3,
        )
    for param in CostParameter.objects.filter(support_model__slug="msp", region="US"):
        CostParameter.objects.create(
            support_model=model,
            key=param.key,
            low=param.low / 2,
            expected=param.expected / 2,
            high=param.high / 2,
            source_title="Our estimate",
        )
    return model


def test_load_catalogue_converts_the_active_models_to_plain_data():
    catalogue = load_catalogue()
    assert [m.slug for m in catalogue.models] == ["break-fix", "msp", "block-hours", "co-managed", "in-house"]
    assert [m.pricing for m in catalogue.models] == [
        "per_job",
        "subscription",
        "prepaid_block",
        "subscription",
        "salaried",
    ]
    msp = catalogue.models[1]
    assert msp.ratings["monitoring"] == 5
    assert msp.figures["fee_per_user_month"].expected == 150
    assert len(catalogue.dimensions) == 10
    assert catalogue.figures["serious_incident_chance"].expected == pytest.approx(0.04)


def test_inactive_models_are_left_out():
    SupportModel.objects.exclude(slug="break-fix").update(is_active=False)
    assert [m.slug for m in load_catalogue().models] == ["break-fix"]
    assert [m.slug for m in load_comparison().models] == ["break-fix"]


def test_a_third_model_shows_on_the_comparison_page(client, shared_desk):
    html = client.get("/").content.decode()
    assert "Shared helpdesk" in html
    assert "Shared Downtime" in html
    assert "Firms with one IT generalist." in html


def test_a_third_model_is_scored_charted_and_served_by_the_api(client, shared_desk, law_firm_answers):
    location = client.post("/assess/", law_firm_answers)["Location"]
    assessment = Assessment.objects.get()
    slugs = {o.slug for o in snapshot.load(assessment).result.options}
    assert slugs == {"break-fix", "msp", "block-hours", "in-house", "shared-desk"}  # co-managed needs IT staff
    html = client.get(location).content.decode()
    assert html.count("Shared helpdesk") >= 4  # costs table, bill lines, scores, fit table
    assert html.count("<circle") == 2 * 5  # one expected total per option ranked on the cost chart, wide and phone
    api = client.get(f"/api/assessments/{assessment.public_id}/").json()
    assert {s["model"] for s in api["scores"]} == slugs
    catalogue = client.get("/api/support-models/").json()
    assert "shared-desk" in [m["slug"] for m in catalogue["support_models"]]


def test_content_receivers_name_their_senders_so_assessments_are_deleted_in_bulk():
    from django.db.models.signals import post_delete, post_save, pre_delete

    from advisor.models import Comment, SharedFigure

    # A listener on every model would make Django load each assessment (stored result and all) to delete it.
    assert not post_delete.has_listeners(Assessment) and not pre_delete.has_listeners(Assessment)
    assert not post_save.has_listeners(Assessment)
    for model in (SupportModel, Dimension, Characteristic, CostParameter, SharedFigure, Comment):
        assert post_save.has_listeners(model) and post_delete.has_listeners(model)
