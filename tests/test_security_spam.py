"""Comment spam protection that costs people nothing: a hidden honeypot and a minimum time to fill."""

from __future__ import annotations

import re

import pytest
from django.test import override_settings

from advisor.forms import CommentForm
from advisor.models import Comment
from advisor.protect.spam import started_token
from tests.security_data import comment_answers

pytestmark = pytest.mark.django_db


def _post(client, **overrides):
    return client.post("/comments/", comment_answers(**overrides))


def test_a_person_s_comment_is_held_for_moderation(client):
    response = _post(client)
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert (comment.name, comment.email, comment.is_approved) == ("Priya Natarajan", "priya@example.org", False)


def test_the_honeypot_is_hidden_from_eyes_and_screen_readers_without_inline_style(client):
    page = client.get("/").content.decode()
    honeypot = re.search(r"<input[^>]*name=\"subject\"[^>]*>", page).group(0)
    assert " hidden" in honeypot and 'autocomplete="off"' in honeypot
    assert "style=" not in honeypot
    assert 'for="id_subject"' not in page  # no visible label either
    assert re.search(r'<input type="hidden" name="started" value="[^"]+"', page)


def test_a_filled_honeypot_stores_nothing_and_says_so_in_plain_words(client):
    response = _post(client, subject="Cheap watches")
    assert response.status_code == 200
    assert Comment.objects.count() == 0
    page = response.content.decode()
    assert "We could not accept this comment. If you are a person, please reload the page" in page
    assert "Useful comparison, thanks." in page  # what they wrote is kept
    assert "Cheap watches" not in page  # the trap is emptied for a second try


def test_a_comment_sent_quicker_than_anyone_types_is_refused_until_sent_again(client):
    fresh = started_token()
    response = _post(client, started=fresh)
    assert response.status_code == 200
    assert Comment.objects.count() == 0
    assert "That was quicker than a person can type." in response.content.decode()
    # The person presses the button again a few seconds later: the same form now goes through.
    assert _post(client, started=started_token(seconds_ago=5)).status_code == 302
    assert Comment.objects.count() == 1


def test_a_form_served_longer_ago_than_the_maximum_age_has_expired_and_gets_a_fresh_time(client, settings):
    settings.COMMENT_MAX_HOURS = 24
    assert _post(client, started=started_token(seconds_ago=24 * 3600)).status_code == 302  # a day: still fine
    response = _post(client, started=started_token(seconds_ago=24 * 3600 + 1))
    assert response.status_code == 200
    assert Comment.objects.count() == 1
    page = response.content.decode()
    assert "The form had expired. Please check your comment and press the button again." in page
    fresh = re.search(r'name="started" value="([^"]+)"', page).group(1)
    # The fresh time lets a person send it again, once a person's few seconds have passed.
    assert _post(client, started=fresh).status_code == 200  # at once: quicker than anyone types
    assert CommentForm(data=comment_answers(started=fresh)).errors["__all__"][0].startswith("That was quicker")


@pytest.mark.parametrize("token", ["", "123.0", "MTc5NTU4ODc1NC4z:1xW6ew:forged-signature", "x" * 500])
def test_a_missing_or_forged_time_is_refused_and_replaced_with_a_fresh_one(client, token):
    response = _post(client, started=token)
    assert response.status_code == 200
    assert Comment.objects.count() == 0
    page = response.content.decode()
    assert "The form had expired. Please check your comment and press the button again." in page
    new_token = re.search(r'name="started" value="([^"]+)"', page).group(1)
    assert new_token != token and ":" in new_token


@override_settings(COMMENT_MIN_SECONDS=0)
def test_the_minimum_time_can_be_switched_off(client):
    assert client.post("/comments/", {k: v for k, v in comment_answers().items() if k != "started"}).status_code == 302


def test_the_spam_fields_never_reach_the_stored_comment():
    form = CommentForm(data=comment_answers())
    assert form.is_valid(), form.errors
    assert set(form.cleaned_data) == {"name", "email", "website", "text"}
