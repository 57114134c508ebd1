"""The assessment and comment forms validate and normalise, with a clear message per field."""

from __future__ import annotations

import pytest

from advisor.engine.domain import Profile
from advisor.forms import AssessmentForm, CommentForm


def test_valid_answers_become_a_profile(law_firm_answers):
    form = AssessmentForm(data=law_firm_answers)
    assert form.is_valid(), form.errors
    profile = form.to_profile()
    assert profile == Profile(
        industry="legal",
        employees=25,
        incidents_per_month=4.0,
        budget_preference="predictable",
        growth="moderate",
        compliance="strict",
        backup="partial",
        it_dependence="high",
        operating_hours="business_hours",
        devices=None,
        sites=1,
        it_staff=0.0,
        downtime_cost_per_hour=None,
        hourly_rate=None,
        msp_fee_per_user=None,
    )


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("employees", "", "Enter how many people use IT at work."),
        ("employees", "0", "Enter 1 or more."),
        ("employees", "100001", "Enter 100,000 or less."),
        ("employees", "twelve", "Enter a whole number, such as 12."),
        ("employees", "2.5", "Enter a whole number, such as 12."),
        ("incidents_per_month", "-1", "Enter zero or more."),
        ("incidents_per_month", "NaN", "Enter a number, such as 2 or 2.5."),
        ("incidents_per_month", "Infinity", "Enter a number, such as 2 or 2.5."),
        ("incidents_per_month", "1.234", "Use at most two decimal places."),
        ("downtime_cost_per_hour", "1000000001", "Enter 1,000,000,000 or less."),
        ("devices", "-5", "Enter 0 or more."),
        ("sites", "0", "Enter 1 or more."),
        ("sites", "", "Enter how many locations you work from (1 if just one)."),
        ("it_staff", "", "Enter your in-house IT staff, or 0 if you have none."),
        ("it_staff", "10001", "Enter 10,000 or less."),
        ("industry", "mining", "Choose one of the options listed."),
        ("industry", "", "Choose your industry, or Other if none fits."),
        ("operating_hours", "weekends", "Choose one of the options listed."),
    ],
)
def test_bad_answers_get_a_clear_message_at_the_field(law_firm_answers, field, value, message):
    form = AssessmentForm(data={**law_firm_answers, field: value})
    assert not form.is_valid()
    assert form.errors[field] == [message]


def test_problems_a_month_may_be_left_blank_for_an_estimate(law_firm_answers):
    form = AssessmentForm(data={**law_firm_answers, "incidents_per_month": ""})
    assert form.is_valid(), form.errors
    assert form.to_profile().incidents_per_month is None


def test_more_in_house_it_staff_than_people_is_an_error_at_the_field(law_firm_answers):
    form = AssessmentForm(data={**law_firm_answers, "employees": "3", "it_staff": "4"})
    assert not form.is_valid()
    assert form.errors["it_staff"] == ["In-house IT staff can't be more than the 3 people who use IT; enter at most 3."]
    assert form.errors.as_data()["it_staff"][0].code == "more_staff_than_people"
    assert AssessmentForm(data={**law_firm_answers, "employees": "3", "it_staff": "3"}).is_valid()


def test_every_question_of_the_table_is_a_field_of_the_form_and_of_the_profile():
    from dataclasses import fields

    from advisor.engine import answers
    from advisor.forms import PROFILE_FIELDS

    names = [q.name for q in answers.QUESTIONS]
    assert list(PROFILE_FIELDS) == names
    assert set(names) <= set(AssessmentForm.base_fields)
    # quotes: a formset of their own; what the organisation must meet: fields of their own (REQUIREMENT_FIELDS);
    # region: chosen above the form (a hidden field), not a question
    assert {f.name for f in fields(Profile)} == set(names) | {
        "quotes",
        "cyber_insurance",
        "frameworks",
        "controls",
        "region",
    }


def test_an_email_is_kept_only_with_consent(law_firm_answers):
    without = AssessmentForm(data={**law_firm_answers, "email": "owner@example.com"})
    assert without.is_valid()
    assert without.cleaned_data["email"] == ""
    with_consent = AssessmentForm(data={**law_firm_answers, "email": "owner@example.com", "contact_consent": "on"})
    assert with_consent.is_valid()
    assert with_consent.cleaned_data["email"] == "owner@example.com"


def test_consent_without_an_email_asks_for_one(law_firm_answers):
    form = AssessmentForm(data={**law_firm_answers, "contact_consent": "on"})
    assert not form.is_valid()
    assert form.errors["email"] == ["Enter your email address, or untick 'You may email me' above."]
    assert form.errors.as_data()["email"][0].code == "email_needed"


def test_blank_optional_numbers_stay_blank_for_estimation(law_firm_answers):
    form = AssessmentForm(data=law_firm_answers)
    assert form.is_valid()
    assert form.cleaned_data["devices"] is None and form.cleaned_data["downtime_cost_per_hour"] is None


def test_own_quotes_in_the_advanced_section_reach_the_profile(law_firm_answers):
    form = AssessmentForm(data={**law_firm_answers, "hourly_rate": "95", "msp_fee_per_user": "130.50"})
    assert form.is_valid()
    assert form.to_profile().hourly_rate == 95.0
    assert form.to_profile().msp_fee_per_user == 130.5


def test_organisation_name_whitespace_is_tidied(law_firm_answers):
    form = AssessmentForm(data={**law_firm_answers, "organisation_name": "  Hart   &  Vale "})
    assert form.is_valid()
    assert form.cleaned_data["organisation_name"] == "Hart & Vale"


def test_unbound_form_offers_sensible_defaults():
    form = AssessmentForm()
    assert form.initial["sites"] == 1
    assert form.initial["operating_hours"] == "business_hours"
    assert form.initial["budget_preference"] == "no_preference"


def test_comment_requires_name_email_and_text():
    form = CommentForm(data={"name": "", "email": "not-an-email", "text": ""})
    assert not form.is_valid()
    assert form.errors["name"] == ["Enter your name."]
    assert form.errors["email"] == ["Enter an email address like name@example.com."]
    assert form.errors["text"] == ["Write your comment."]


def test_comment_rejects_a_website_that_is_not_an_address():
    form = CommentForm(data={"name": "Ann", "email": "ann@example.com", "text": "Useful.", "website": "not a url"})
    assert not form.is_valid()
    assert form.errors["website"] == ["Enter a web address like https://example.com."]


def test_the_downtime_help_says_it_is_for_the_whole_organisation_and_moves_with_head_count():
    help_text = AssessmentForm().fields["downtime_cost_per_hour"].help_text
    assert "whole organisation" in help_text and "number of people" in help_text
