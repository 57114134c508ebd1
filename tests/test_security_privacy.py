"""Privacy: email addresses only in admin and never in logs; a retention period; deletion by link holders."""

from __future__ import annotations

import json
import logging
import uuid
from datetime import timedelta
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import CommandError, call_command
from django.test import Client, override_settings
from django.utils import timezone

from advisor.models import Assessment, Comment, OptionOutcome
from config.logfilters import RedactPersonalData, redact
from tests.gunicorn_server import Gunicorn, shared_migrated_database
from tests.security_data import API_ANSWERS, FORM_ANSWERS, comment_answers, make_assessment
from tests.staff import sign_in_verified

EMAIL = "dana.whitfield@hartvale.example"
COMMENT_EMAIL = "priya@example.org"


# --- Retention ---


def _aged(days: float) -> Assessment:
    assessment = make_assessment()
    Assessment.objects.filter(pk=assessment.pk).update(created_at=timezone.now() - timedelta(days=days))
    return assessment


@pytest.mark.django_db
@override_settings(ASSESSMENT_RETENTION_DAYS=30)
def test_purge_deletes_assessments_older_than_the_retention_period_and_keeps_the_rest():
    old, older, recent = _aged(31), _aged(400), _aged(29)
    out = StringIO()
    call_command("purge_assessments", stdout=out)
    assert set(Assessment.objects.values_list("pk", flat=True)) == {recent.pk}
    assert out.getvalue().startswith("Deleted 2 assessment(s) scored before ")
    assert {old.pk, older.pk}.isdisjoint(Assessment.objects.values_list("pk", flat=True))


@pytest.mark.django_db
def test_purge_takes_the_period_from_the_command_line_and_can_dry_run():
    _aged(10), _aged(3)
    out = StringIO()
    call_command("purge_assessments", "--days", "7", "--dry-run", stdout=out)
    assert out.getvalue().startswith("Would delete 1 assessment(s)")
    assert Assessment.objects.count() == 2
    call_command("purge_assessments", "--days", "7", stdout=StringIO())
    assert Assessment.objects.count() == 1


@pytest.mark.django_db
def test_purge_refuses_a_period_that_would_delete_everything():
    _aged(1)
    with pytest.raises(CommandError, match="--days must be 1 or more"):
        call_command("purge_assessments", "--days", "0")
    assert Assessment.objects.count() == 1


# --- Email addresses: admin only ---


@pytest.mark.django_db
@override_settings(RATELIMIT_ENABLE=False)
def test_email_addresses_appear_nowhere_but_admin(client):
    form = client.post("/assess/", {**FORM_ANSWERS, "contact_consent": "on", "email": EMAIL})
    api = client.post(
        "/api/assessments/",
        json.dumps({**API_ANSWERS, "contact_consent": True, "email": EMAIL}),
        content_type="application/json",
    )
    client.post("/comments/", comment_answers(email=COMMENT_EMAIL))
    Comment.objects.update(is_approved=True)
    assert Assessment.objects.filter(email=EMAIL).count() == 2  # they were stored, with consent
    result_url = form["Location"]
    public = {
        "api create": api.content.decode(),
        "result page": client.get(result_url).content.decode(),
        "api detail": client.get(f"/api{result_url}").content.decode(),
        "delete page": client.get(result_url + "delete/").content.decode(),
        "start again": client.get(f"/assess/?from={result_url.split('/')[2]}").content.decode(),
        "comparison with comments": client.get("/").content.decode(),
        "catalogue": client.get("/api/support-models/").content.decode(),
    }
    assert "Useful comparison, thanks." in public["comparison with comments"]
    for name, body in public.items():
        assert EMAIL not in body and COMMENT_EMAIL not in body, name
        assert "hartvale.example" not in body, name

    staff = Client()
    sign_in_verified(staff, User.objects.create_superuser("ops", "ops@example.org", "not used here"))
    assessment = Assessment.objects.filter(email=EMAIL).first()
    assert EMAIL in staff.get(f"/admin/advisor/assessment/{assessment.pk}/change/").content.decode()


@pytest.mark.django_db
def test_without_consent_no_email_address_is_kept(client):
    with override_settings(RATELIMIT_ENABLE=False):
        client.post("/assess/", {**FORM_ANSWERS, "email": EMAIL})
        client.post("/api/assessments/", json.dumps({**API_ANSWERS, "email": EMAIL}), content_type="application/json")
    assert Assessment.objects.count() == 2
    assert not Assessment.objects.exclude(email="").exists()


# --- Logs ---


def test_the_log_filter_masks_emails_addresses_and_assessment_ids():
    text = (
        "Not Found: /assessment/0f8fad5b-d9cb-469f-a165-70867728950e/ from 203.0.113.9 "
        "and 2001:db8::7 for dana.whitfield@hartvale.example at 12:30:45"
    )
    assert redact(text) == "Not Found: /assessment/<id>/ from <ip> and <ip> for <email> at 12:30:45"


def test_the_log_filter_reaches_arguments_and_tracebacks():
    try:
        raise ValueError(f"cannot store {EMAIL}")
    except ValueError:
        record = logging.LogRecord("x", logging.ERROR, __file__, 1, "failed for %s", (EMAIL,), exc_info=True)
        import sys

        record.exc_info = sys.exc_info()
    RedactPersonalData().filter(record)
    formatted = logging.Formatter().format(record)
    assert EMAIL not in formatted
    assert "failed for <email>" in formatted and "ValueError: cannot store <email>" in formatted


@pytest.mark.parametrize(
    "address", ["josé@example.com", "dana@hartvalé.example", "用户@例子.广告", "ünïcødé.ñame+tag@bücher.example.org"]
)
def test_the_log_filter_masks_email_addresses_with_non_ascii_parts(address):
    assert redact(f"sign-in failed for {address}, retrying") == "sign-in failed for <email>, retrying"


def test_the_log_filter_escapes_control_characters_so_a_record_stays_one_line():
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "value %s", ("a\r\nforged\x1b[31mred\x85\u2028",), None)
    RedactPersonalData().filter(record)
    assert record.getMessage() == "value a\\r\\nforged\\x1b[31mred\\x85\\u2028"


@pytest.mark.django_db
def test_a_path_with_line_breaks_or_terminal_escapes_cannot_forge_a_request_line(client):
    """/x%0d%0a... is decoded to a real line break in request.path; the log shows it escaped, on one line."""
    out = StringIO()
    handler = logging.StreamHandler(out)
    handler.addFilter(RedactPersonalData())
    handler.setFormatter(logging.Formatter("%(levelname)s %(name)s %(message)s"))
    logger = logging.getLogger("advisor.requests")
    logger.addHandler(handler)
    try:
        forged = "/x%0d%0aINFO%20advisor.requests%20%22GET%20/admin/%22%20200"
        assert client.get(forged).status_code == 404
        assert client.get("/%1b%5b2J%1b%5b31mred").status_code == 404
    finally:
        logger.removeHandler(handler)
    lines = out.getvalue().splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith('INFO advisor.requests "GET /x\\r\\nINFO advisor.requests "GET /admin/" 200" 404')
    assert "\x1b" not in out.getvalue() and '"GET /\\x1b[2J\\x1b[31mred" 404' in lines[1]


@pytest.mark.real_server
def test_a_real_server_logs_each_request_without_personal_data():
    """Run gunicorn as deployed, do what people do, and read everything it printed."""
    database = shared_migrated_database()
    with Gunicorn(database, workers=2, env={"RATELIMIT_ENABLE": "0", "COMMENT_MIN_SECONDS": "0"}) as server:
        body = json.dumps({**API_ANSWERS, "contact_consent": True, "email": EMAIL}).encode()
        status, headers, _ = server.request("POST", "/api/assessments/", body, {"Content-Type": "application/json"})
        assert status == 201
        result = headers["location"].split(f"127.0.0.1:{server.port}")[-1]
        server.request("GET", result)
        server.request("GET", f"/assess/?from={result.split('/')[2]}&email={EMAIL}")
        server.request("GET", f"/{EMAIL}/profile?token=secret-token")
        server.request(
            "POST",
            "/comments/",
            b"name=Priya&email=priya%40example.org&text=hello",
            {"Content-Type": "application/x-www-form-urlencoded"},
        )
        server.request("GET", "/api/assessments/0f8fad5b-d9cb-469f-a165-70867728950e/")
    log = server.log
    assert '"POST /api/assessments/" 201' in log  # requests are logged...
    assert '"GET /assessment/<uuid:public_id>/" 200' in log  # ...by their route, not their id
    assert '"GET /<email>/profile" 404' in log
    for secret in (
        EMAIL,
        "priya@example.org",
        "priya%40example.org",
        "secret-token",
        result.split("/")[2],
        "0f8fad5b-d9cb-469f-a165-70867728950e",
    ):
        assert secret not in log, secret


def _copies(template: Assessment, created: list) -> list[Assessment]:
    """Copies of a stored assessment (with its option outcomes), scored at the given instants."""
    outcomes = list(OptionOutcome.objects.filter(assessment=template))
    copies = []
    for when in created:
        copy = Assessment.objects.get(pk=template.pk)
        copy.pk, copy.public_id = None, uuid.uuid4()
        copy.save()
        Assessment.objects.filter(pk=copy.pk).update(created_at=when)
        OptionOutcome.objects.bulk_create(
            [
                OptionOutcome(
                    **{
                        **{f.attname: getattr(o, f.attname) for f in OptionOutcome._meta.concrete_fields},
                        "id": None,
                        "assessment_id": copy.pk,
                    }
                )
                for o in outcomes
            ]
        )
        copies.append(copy)
    return copies


@pytest.mark.django_db
def test_purge_deletes_in_batches_exactly_what_is_older_than_the_retention_and_keeps_the_rest():
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    now = timezone.now()  # and still now when the command runs: the clock stands still (tests/conftest.py)
    cutoff = now - timedelta(days=30)
    template = make_assessment()
    tick = timedelta(microseconds=1)
    old = _copies(
        template,
        [cutoff - tick, cutoff - timedelta(days=1), *[cutoff - timedelta(days=d) for d in (40, 90, 200, 365, 700)]],
    )
    kept = _copies(template, [cutoff, cutoff + tick, now - timedelta(days=1)]) + [template]
    out = StringIO()
    with CaptureQueriesContext(connection) as queries:
        call_command("purge_assessments", "--days", "30", "--batch-size", "3", "--pause", "0", stdout=out)
    assert set(Assessment.objects.values_list("pk", flat=True)) == {a.pk for a in kept}
    assert set(OptionOutcome.objects.values_list("assessment_id", flat=True)) == {a.pk for a in kept}
    assert len(old) == 7 and not Assessment.objects.filter(pk__in=[a.pk for a in old]).exists()
    assert out.getvalue().splitlines() == [
        "  3 of 7 deleted…",
        "  6 of 7 deleted…",
        f"Deleted 7 assessment(s) scored before {cutoff:%Y-%m-%d %H:%M} UTC.",
    ]
    deletes = [q["sql"] for q in queries if q["sql"].startswith('DELETE FROM "advisor_assessment"')]
    assert len(deletes) == 3  # a batch of 3, a batch of 3, a batch of 1: each its own statement
    # Nothing reads a stored result: Django deletes by id, in bulk.
    assert not [q for q in queries if "result_document" in q["sql"]]
