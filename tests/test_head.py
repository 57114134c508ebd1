"""HEAD is answered wherever GET is: uptime monitors and link checkers ask with it."""

from __future__ import annotations

import pytest
from django.test import Client, override_settings

from tests.security_data import make_assessment

pytestmark = pytest.mark.django_db

# Every address that answers GET; {id} is a stored assessment's public id.
GET_ENDPOINTS = [
    "/",
    "/assess/",
    "/assessment/{id}/",
    "/assessment/{id}/rescore/",
    "/assessment/{id}/delete/",
    "/api/assessments/{id}/",
    "/api/support-models/",
    "/healthz",
    "/readyz",
    "/favicon.ico",
    "/robots.txt",
]


@pytest.mark.parametrize("endpoint", GET_ENDPOINTS)
def test_head_answers_as_get_does_without_a_body(client, endpoint):
    path = endpoint.format(id=make_assessment().public_id)
    got, head = client.get(path), client.head(path)
    assert got.status_code in (200, 302)
    assert head.status_code == got.status_code
    assert head["Content-Type"] == got["Content-Type"]
    assert head.content == b""


@override_settings(ALLOWED_HOSTS=["advisor.example.org"])
@pytest.mark.parametrize("probe", ["/healthz", "/readyz"])
def test_a_head_probe_by_ip_address_is_answered_ahead_of_the_host_check(probe):
    response = Client(HTTP_HOST="10.0.3.7").head(probe)
    assert response.status_code == 200
    assert "X-Frame-Options" not in response  # answered by the probe middleware, not the whole stack
