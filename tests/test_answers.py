"""The answers are defined once (advisor/engine/answers.py): the model's columns, the form, the API, the answers
table on a result, the CSV export and the admin are built from or checked against that table."""

from __future__ import annotations

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from advisor import admin as site_admin
from advisor import report, snapshot
from advisor.engine import answers
from advisor.forms import AssessmentForm
from advisor.models import Assessment
from tests.staff import sign_in_verified

QUESTIONS = answers.QUESTIONS


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.name)
def test_each_question_has_a_model_column_that_holds_its_answers(question):
    column = Assessment._meta.get_field(question.name)
    assert column.null == (not question.required and question.default is None)
    if question.is_choice:
        assert list(column.choices) == list(question.choices)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.name)
def test_each_question_is_a_form_field_with_its_label_limits_and_default(question):
    field = AssessmentForm.base_fields[question.name]
    assert field.label == question.label and field.required == question.required
    if not question.is_choice:
        assert (field.min_value, field.max_value) == (question.minimum, question.maximum)
    if question.default is not None:
        assert AssessmentForm().initial[question.name] == question.default


def test_the_admin_shows_and_exports_every_answer():
    fields = [name for _, options in site_admin.AssessmentAdmin.fieldsets for name in options["fields"]]
    assert {q.name for q in QUESTIONS} <= set(fields)
    assert {q.name for q in QUESTIONS} <= set(site_admin.EXPORT_INPUTS)


@pytest.mark.django_db
def test_the_api_the_answers_table_and_the_csv_carry_every_answer(client):
    document = client.post(
        "/api/assessments/", {"industry": "legal", "employees": 7}, content_type="application/json"
    ).json()
    requirement_answers = {"cyber_insurance", "frameworks", "controls"}  # kept in the stored inputs, not in columns
    assert set(document["inputs"]) == (
        {q.name for q in QUESTIONS} | {"organisation_name", "quotes", "region"} | requirement_answers
    )
    assessment = Assessment.objects.get()
    rows = report.answer_rows(snapshot.load(assessment))
    # In US dollars, and without the tax question: the United States counts no sales tax, so it is not asked.
    assert [row.label for row in rows] == [q.label.replace("¤", "$") for q in QUESTIONS if q.name != "vat_reclaim"]
    staff = get_user_model().objects.create_superuser("boss", "boss@example.com", "a-long-passphrase-1")
    sign_in_verified(client, staff)
    export = client.post(
        reverse("admin:advisor_assessment_changelist"), {"action": "export_csv", "_selected_action": [assessment.pk]}
    )
    header = next(csv.reader(io.StringIO(export.getvalue().decode())))
    assert {q.name for q in QUESTIONS} <= set(header)
    assert {"quote_count", "best_quote_name", "best_quote_3y"} <= set(header)
