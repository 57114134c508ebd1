"""The pages, through Django's test client: comparison, assessment, result, comments, re-scoring, deletion."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest
from django.test import Client
from django.urls import reverse

from advisor import snapshot
from advisor.models import Assessment, Characteristic, Comment, CostParameter, Dimension, SharedFigure, SupportModel
from advisor.protect.spam import started_token

pytestmark = pytest.mark.django_db


def submit(client, answers):
    return client.post(reverse("advisor:assess"), answers)


def test_comparison_page_shows_every_model_dimension_and_rating(client):
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    for model in SupportModel.objects.all():
        assert model.name in html
    for dimension in Dimension.objects.all():
        assert dimension.question in html
    cell = Characteristic.objects.get(support_model__slug="msp", dimension__slug="monitoring")
    assert cell.headline in html
    assert f"{cell.rating} out of 5" in html
    assert 'href="/assess/"' in html
    assert "Leave a reply" in html


def checked_radios(html: str) -> dict[str, list[str]]:
    """For each group of radio buttons on the page, the values that are checked."""
    groups: dict[str, list[str]] = {}
    for tag in re.findall(r'<input type="radio"[^>]*>', html):
        name, value = re.search(r'name="([^"]+)"', tag).group(1), re.search(r'value="([^"]*)"', tag).group(1)
        groups.setdefault(name, [])
        if re.search(r"\schecked\b", tag):
            groups[name].append(value)
    return groups


def test_the_assessment_form_comes_in_sections_with_its_defaults_chosen(client):
    html = client.get("/assess/").content.decode()
    for legend in ("Your organisation", "When IT goes wrong", "Risk and plans", "Advanced: your own quotes"):
        assert f"<legend>{legend}" in html
    assert 'name="sites" value="1"' in html
    assert checked_radios(html) == {
        "operating_hours": ["business_hours"],
        "it_dependence": ["medium"],
        "compliance": ["none"],
        "backup": ["partial"],
        "growth": ["stable"],
        "budget_preference": ["no_preference"],
        "cyber_insurance": ["no"],
    }


def test_submitting_the_form_stores_the_assessment_and_shows_its_result(client, law_firm_answers):
    response = submit(client, law_firm_answers)
    assessment = Assessment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/assessment/{assessment.public_id}/"
    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert assessment.recommendation_name in html
    assert "Hart &amp; Vale Solicitors" in html
    assert "What would change it" in html and "Next steps: what to ask a provider" in html
    assert "Assumptions and sources" in html
    assert "<svg" in html and "Estimated cost over three years, by part" in html
    for part in ("Bills", "Lost work (estimate)", "Risk (estimate)", "Cheapest in"):
        assert f'<th scope="col">{part}</th>' in html
    assert f"http://testserver/assessment/{assessment.public_id}/" in html  # the permanent link


def test_the_share_link_works_in_a_fresh_session(client, law_firm_answers):
    location = submit(client, law_firm_answers)["Location"]
    client.logout()
    client.cookies.clear()
    assert client.get(location).status_code == 200


def test_invalid_answers_reshow_the_form_with_values_kept_and_messages(client, law_firm_answers):
    bad = {**law_firm_answers, "employees": "-4", "incidents_per_month": "lots", "organisation_name": "Keep me"}
    response = submit(client, bad)
    html = response.content.decode()
    assert response.status_code == 200
    assert Assessment.objects.count() == 0
    assert "Enter 1 or more." in html
    assert "Enter a number, such as 2 or 2.5." in html
    assert 'value="Keep me"' in html
    assert 'value="-4"' in html and 'value="lots"' in html
    assert "Please correct 2 answers below" in html


def test_start_again_prefills_the_answers_but_never_the_email(client, law_firm_answers):
    answers = {**law_firm_answers, "contact_consent": "on", "email": "owner@example.com", "employees": "31"}
    assessment_url = submit(client, answers)["Location"]
    assessment = Assessment.objects.get()
    html = client.get(f"/assess/?from={assessment.public_id}").content.decode()
    assert 'value="31"' in html
    assert 'value="Hart &amp; Vale Solicitors"' in html
    assert "owner@example.com" not in html
    assert "owner@example.com" not in client.get(assessment_url).content.decode()


@pytest.mark.parametrize("query", ["?from=not-a-uuid", "?from=00000000-0000-0000-0000-000000000000"])
def test_start_again_with_an_unknown_or_malformed_id_shows_the_blank_form(client, law_firm_answers, query):
    submit(client, {**law_firm_answers, "employees": "31"})  # an assessment exists, but not under this id
    response = client.get("/assess/" + query)
    html = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<input type="text" name="organisation_name"[^>]*>', html).group(0).count("value=") == 0
    assert re.search(r'<input type="number" name="employees"[^>]*>', html).group(0).count("value=") == 0
    assert "Hart &amp; Vale" not in html and 'value="31"' not in html
    assert checked_radios(html)["operating_hours"] == ["business_hours"]


def test_unknown_result_is_a_404_page(client):
    response = client.get("/assessment/00000000-0000-0000-0000-000000000000/")
    assert response.status_code == 404
    assert "can't find that page" in response.content.decode()


def test_a_stored_result_does_not_change_when_the_catalogue_is_edited(client, law_firm_answers):
    # Proven on freshly rendered pages and documents: the suite runs without the fragments cache.
    location = submit(client, law_firm_answers)["Location"]
    api_url = reverse("advisor:api_assessment_detail", args=[Assessment.objects.get().public_id])
    page_before, document_before = client.get(location).content, client.get(api_url).json()
    stored = bytes(Assessment.objects.get().result_document)
    CostParameter.objects.filter(key="fee_per_user_month").update(low=900, expected=950, high=999)
    SharedFigure.objects.filter(key="serious_incident_chance").update(expected=Decimal("0.09"))
    Characteristic.objects.filter(support_model__slug="break-fix").update(rating=5, headline="Edited headline")
    Dimension.objects.update(weight=Decimal("3.00"))
    assert bytes(Assessment.objects.get().result_document) == stored
    assert "Edited headline" in client.get("/").content.decode()  # the edit is live elsewhere
    assert client.get(location).content == page_before
    assert client.get(api_url).json() == document_before


def test_rescoring_makes_a_new_assessment_with_todays_figures(client, law_firm_answers):
    submit(client, law_firm_answers)
    original = Assessment.objects.get()
    CostParameter.objects.filter(key="fee_per_user_month").update(low=900, expected=950, high=999)
    response = client.post(reverse("advisor:rescore", args=[original.public_id]))
    fresh = Assessment.objects.exclude(pk=original.pk).get()
    assert response["Location"] == fresh.get_absolute_url()
    old_msp = snapshot.load(original).result.option("msp")
    new_msp = snapshot.load(fresh).result.option("msp")
    assert new_msp.cost.parts.bills.expected > old_msp.cost.parts.bills.expected
    assert fresh.employees == original.employees and fresh.organisation_name == original.organisation_name
    assert "scored again with today" in client.get(response["Location"]).content.decode().lower()


def test_rescoring_scores_the_answers_stored_with_the_result_not_the_columns_kept_for_admin(client, law_firm_answers):
    # The columns are a copy for admin lists and the export; the answers are read from one place, the stored result.
    submit(client, law_firm_answers)
    original = Assessment.objects.get()
    Assessment.objects.filter(pk=original.pk).update(employees=9_999, industry="retail")
    client.post(reverse("advisor:rescore", args=[original.public_id]))
    fresh = Assessment.objects.exclude(pk=original.pk).get()
    assert snapshot.load(fresh).profile == snapshot.load(original).profile
    assert (fresh.employees, fresh.industry) == (snapshot.load(original).profile.employees, "legal")


def test_rescoring_a_result_that_cannot_be_read_leads_to_the_form_and_stores_nothing(client, law_firm_answers):
    submit(client, law_firm_answers)
    original = Assessment.objects.get()
    Assessment.objects.filter(pk=original.pk).update(result_document=b"not a stored result")
    response = client.post(reverse("advisor:rescore", args=[original.public_id]))
    assert response["Location"] == reverse("advisor:assess") + f"?from={original.public_id}"
    assert Assessment.objects.count() == 1


def test_rescoring_asks_first_on_a_page_of_its_own(client, law_firm_answers):
    submit(client, law_firm_answers)
    original = Assessment.objects.get()
    page = client.get(reverse("advisor:rescore", args=[original.public_id]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "stays as it is" in html and 'method="post"' in html and "csrfmiddlewaretoken" in html
    assert Assessment.objects.count() == 1  # asking changes nothing


def test_a_result_page_is_the_same_for_everyone_and_sets_no_cookie(client, law_firm_answers):
    # Two fresh renders (no fragments cache in the suite), for two visitors without cookies.
    location = submit(client, law_firm_answers)["Location"]
    fresh = Client()
    first, second = fresh.get(location), Client().get(location)
    assert first.status_code == 200 and not first.cookies and not second.cookies
    assert first.content == second.content
    assert b"<form" not in first.content
    assert reverse("advisor:rescore", args=[Assessment.objects.get().public_id]).encode() in first.content


def test_a_result_page_is_kept_by_the_browser_only_and_asked_for_again_before_it_is_shown(client, law_firm_answers):
    """One organisation's result: no shared cache (proxy, CDN) may keep it, and a deleted one is gone at once."""
    location = submit(client, law_firm_answers)["Location"]
    for response in (Client().get(location), Client().head(location)):
        assert set(response["Cache-Control"].split(", ")) == {"private", "no-cache"}


def test_whoever_holds_the_link_can_delete_the_assessment_with_its_contact_details(client, law_firm_answers):
    answers = {**law_firm_answers, "contact_consent": "on", "email": "owner@example.com"}
    location = submit(client, answers)["Location"]
    assessment = Assessment.objects.get()
    api_url = reverse("advisor:api_assessment_detail", args=[assessment.public_id])
    assert reverse("advisor:delete", args=[assessment.public_id]) in client.get(location).content.decode()
    confirm = client.get(reverse("advisor:delete", args=[assessment.public_id]))
    assert "cannot be undone" in confirm.content.decode()
    assert Assessment.objects.count() == 1  # asking changes nothing
    response = client.post(reverse("advisor:delete", args=[assessment.public_id]), follow=True)
    assert not Assessment.objects.filter(email="owner@example.com").exists()
    assert Assessment.objects.count() == 0
    assert "The assessment and its answers have been deleted." in response.content.decode()
    assert client.get(location).status_code == 404
    assert client.get(api_url).status_code == 404


def test_a_new_comment_is_held_for_moderation_and_the_person_is_told(client):
    response = client.post(
        reverse("advisor:comment_post"),
        {
            "name": "Priya",
            "email": "priya@example.com",
            "website": "",
            "text": "We moved to an MSP last year.",
            "started": started_token(seconds_ago=30),  # as if a person took half a minute to write it
        },
        follow=True,
    )
    comment = Comment.objects.get()
    html = response.content.decode()
    assert not comment.is_approved
    assert "held for moderation" in html
    assert "We moved to an MSP last year." not in html


def test_only_approved_comments_show_and_emails_never_do(client):
    Comment.objects.create(name="Approved Ann", email="ann@example.com", text="Shown text", is_approved=True)
    Comment.objects.create(name="Waiting Will", email="will@example.com", text="Hidden text")
    html = client.get("/").content.decode()
    assert "Approved Ann" in html and "Shown text" in html
    assert "Waiting Will" not in html and "Hidden text" not in html
    assert "ann@example.com" not in html


def test_an_invalid_comment_keeps_what_was_typed(client):
    response = client.post(reverse("advisor:comment_post"), {"name": "Priya", "email": "nope", "text": "Keep this"})
    html = response.content.decode()
    assert Comment.objects.count() == 0
    assert "Enter an email address like name@example.com." in html
    assert "Keep this" in html and 'value="Priya"' in html


def test_favicon_and_robots_are_served(client):
    assert client.get("/favicon.ico").status_code == 302
    assert "Disallow: /assessment/" in client.get("/robots.txt").content.decode()
