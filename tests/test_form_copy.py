"""Each AssessmentForm gets its own copies of its fields, made by forms.copy_field instead of copy.deepcopy:
the same copies, as separate from each other and from the class's fields."""
from __future__ import annotations

import copy

import pytest
from crispy_forms.utils import render_crispy_form
from django import forms

from advisor.forms import AssessmentForm, FieldTemplates, copy_field

# A post with two mistakes, so the re-drawn form shows values and error messages.
BAD_POST = {"industry": "", "employees": "lots", "incidents_per_month": "2", "sites": "1", "it_staff": "0",
            "operating_hours": "always", "it_dependence": "nonsense", "compliance": "none", "backup": "none",
            "growth": "stable", "budget_preference": "no_preference"}


def mutable_parts(field: forms.Field) -> list[object]:
    parts = [field, field.widget, field.widget.attrs, field.error_messages, field.validators]
    if isinstance(field, forms.ChoiceField):
        parts += [field.choices, field.widget.choices]
    return parts


def test_each_form_has_its_own_fields_widgets_messages_and_choices():
    first, second = AssessmentForm(), AssessmentForm()
    for name, template in AssessmentForm.base_fields.items():
        held = [mutable_parts(template), mutable_parts(first.fields[name]), mutable_parts(second.fields[name])]
        for a, b, c in zip(*held):
            assert a is not b and b is not c and a is not c, name


def test_changing_one_forms_fields_leaves_the_class_and_other_forms_alone():
    changed = AssessmentForm()
    changed.fields["industry"].choices.append(("mining", "Mining"))
    changed.fields["operating_hours"].widget.choices.append(("never", "Never"))
    changed.fields["employees"].widget.attrs["class"] = "changed"
    changed.fields["employees"].error_messages["required"] = "Changed."
    changed.fields["email"].validators.append(lambda value: None)
    changed.fields["sites"].label = "Changed"
    for form_fields in (AssessmentForm().fields, AssessmentForm.base_fields):
        assert ("mining", "Mining") not in form_fields["industry"].choices
        assert ("never", "Never") not in form_fields["operating_hours"].widget.choices
        assert "class" not in form_fields["employees"].widget.attrs
        assert form_fields["employees"].error_messages["required"] == "Enter how many people use IT at work."
        assert len(form_fields["email"].validators) == len(forms.EmailField().validators)
        assert form_fields["sites"].label == "Locations"


def test_the_copies_hold_what_djangos_deepcopy_would():
    theirs = copy.deepcopy(dict(AssessmentForm.base_fields))  # a plain dict: each field's own __deepcopy__
    for name, template in AssessmentForm.base_fields.items():
        ours = copy_field(template, {})
        assert type(ours) is type(theirs[name]) and type(ours.widget) is type(theirs[name].widget)
        assert {k: v for k, v in vars(ours).items() if k != "widget"} == \
            {k: v for k, v in vars(theirs[name]).items() if k != "widget"}, name
        assert vars(ours.widget) == vars(theirs[name].widget), name


@pytest.mark.parametrize("data", [None, BAD_POST], ids=["empty", "with errors"])
def test_the_form_draws_the_same_html_as_with_djangos_copies(monkeypatch, data):
    ours = render_crispy_form(AssessmentForm(data=data))
    monkeypatch.setattr(AssessmentForm, "base_fields", dict(AssessmentForm.base_fields))
    theirs = render_crispy_form(AssessmentForm(data=data))
    assert ours == theirs
    if data:
        assert "Enter a whole number, such as 12." in ours and "Choose one of the options listed." in ours


def test_fields_it_cannot_copy_directly_are_deep_copied():
    templates = FieldTemplates(
        grouped=forms.ChoiceField(choices=[("Shops", [("retail", "Retail")]), ("other", "Other")]),
        from_callable=forms.ChoiceField(choices=lambda: [("a", "A")]),
        when=forms.SplitDateTimeField(),
    )
    copied = copy.deepcopy(templates)
    copied["grouped"].choices[0][1].append(("cafe", "Café"))
    assert templates["grouped"].choices[0][1] == [("retail", "Retail")]
    assert list(copied["from_callable"].choices) == [("a", "A")]
    assert all(a is not b for a, b in zip(copied["when"].fields, templates["when"].fields))
    assert copied["when"].widget.widgets[0] is not templates["when"].widget.widgets[0]
