"""Forms validate and normalise what people type; they decide nothing."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property

from .engine import answers
from .engine.domain import Profile
from .protect.spam import STARTED, SpamGuardForm

# Values a person would otherwise have to pick for a typical small office; the API uses them too.
ASSESSMENT_DEFAULTS: dict[str, Any] = {
    **{q.name: q.default for q in answers.QUESTIONS if q.default is not None},
    "contact_consent": False,
}

# The fields that feed scoring, in the order of the question table; the form's other fields are contact details.
PROFILE_FIELDS = tuple(q.name for q in answers.QUESTIONS)


def _limit(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def field_for(question: answers.Question) -> forms.Field:
    """The form field for one question of the table: its label, help, limits and error messages."""
    common: dict[str, Any] = {"label": question.label, "help_text": question.help, "required": question.required}
    if question.is_choice:
        choices = list(question.choices)
        messages = {"invalid_choice": "Choose one of the options listed.", "required": "Choose one option."}
        if question.radio:
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, error_messages=messages, **common)
        return forms.ChoiceField(choices=[("", f"Choose your {question.label.lower()}")] + choices,
                                 error_messages={**messages, **REQUIRED_MESSAGES.get(question.name, {})}, **common)
    messages = {
        "min_value": f"Enter {_limit(question.minimum)} or more." if question.minimum or question.whole
        else "Enter zero or more.",
        "max_value": f"Enter {_limit(question.maximum)} or less.",
        **REQUIRED_MESSAGES.get(question.name, {}),
    }
    if question.whole:
        return forms.IntegerField(min_value=int(question.minimum), max_value=int(question.maximum),
                                  error_messages={"invalid": "Enter a whole number, such as 12.", **messages},
                                  **common)
    return forms.DecimalField(
        min_value=Decimal(str(question.minimum)), max_value=Decimal(str(question.maximum)), max_digits=14,
        decimal_places=2,
        error_messages={"invalid": "Enter a number, such as 2 or 2.5.", "max_decimal_places": "Use at most two "
                        "decimal places.", "max_digits": "Enter a smaller number.",
                        "max_whole_digits": "Enter a smaller number.", **messages},
        **common)


REQUIRED_MESSAGES = {
    "industry": {"required": "Choose your industry, or Other if none fits."},
    "employees": {"required": "Enter how many people use IT at work."},
    "sites": {"required": "Enter how many locations you work from (1 if just one)."},
    "it_staff": {"required": "Enter your in-house IT staff, or 0 if you have none."},
}


class AssessmentForm(forms.Form):
    """The assessment: the fields of the question table (advisor/engine/answers.py), then contact details."""

    organisation_name = forms.CharField(
        label="Organisation name", max_length=200, required=False,
        help_text="Optional. Shown on your result so you can tell results apart.",
    )
    contact_consent = forms.BooleanField(
        label="You may email me about this result", required=False,
        help_text="Only if you tick this do we keep your email address. We never publish it.",
    )
    email = forms.EmailField(
        label="Email address", required=False, max_length=254,
        error_messages={"invalid": "Enter an email address like name@example.com."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("initial", dict(ASSESSMENT_DEFAULTS))
        super().__init__(*args, **kwargs)

    @cached_property
    def helper(self) -> FormHelper:
        # Built only when the form is drawn: the API and valid posts never need the layout.
        return assessment_helper()

    def clean_organisation_name(self) -> str:
        name = " ".join(self.cleaned_data["organisation_name"].split())
        if any(ord(ch) < 32 for ch in name):
            raise ValidationError("Remove the control characters from the name.", code="control_characters")
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("contact_consent") and not data.get("email"):
            self.add_error("email", ValidationError(
                "Enter your email address, or untick 'You may email me' above.", code="email_needed",
            ))
        if not data.get("contact_consent"):
            data["email"] = ""
        staff, people = data.get("it_staff"), data.get("employees")
        if staff is not None and people is not None and staff > people:
            self.add_error("it_staff", ValidationError(
                f"In-house IT staff can't be more than the {people:,} people who use IT; enter at most {people:,}.",
                code="more_staff_than_people",
            ))
        return data

    def to_profile(self) -> Profile:
        """The cleaned answers as the engine's Profile: numbers as floats, blanks as None."""
        data = self.cleaned_data

        def value(name: str) -> Any:
            found = data.get(name)
            return float(found) if isinstance(found, Decimal) else found

        return Profile(**{name: value(name) for name in PROFILE_FIELDS})


# The questions' fields go between the name and the contact details, in the table's order (what the metaclass
# would have made had each been declared by hand).
AssessmentForm.base_fields = {
    "organisation_name": AssessmentForm.base_fields["organisation_name"],
    **{q.name: field_for(q) for q in answers.QUESTIONS},
    "contact_consent": AssessmentForm.base_fields["contact_consent"],
    "email": AssessmentForm.base_fields["email"],
}


def assessment_helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True  # the template's <form> carries the token
    sections: dict[str, list[str]] = {}
    for q in answers.QUESTIONS:
        sections.setdefault(q.section, []).append(q.name)
    fieldsets = []
    for title, names in sections.items():
        if title == answers.ORGANISATION:
            names = ["organisation_name", *names]
        if title == answers.QUOTES:
            names = [HTML('<p class="small text-body-secondary">Have real quotes? Put them here and they replace '
                          'the published figures in the cost estimate.</p>'), *names]
        fieldsets.append(Fieldset(title, *names))
    helper.layout = Layout(*fieldsets, Fieldset("Contact (optional)", "contact_consent", "email"),
                           Submit("submit", "See my recommendation", css_class="btn-lg"))
    return helper


class CommentForm(SpamGuardForm):  # SpamGuardForm adds a hidden honeypot and a minimum time to fill
    name = forms.CharField(label="Name", max_length=100, error_messages={"required": "Enter your name."})
    email = forms.EmailField(
        label="Email", max_length=254, help_text="Never published.",
        error_messages={"required": "Enter your email address; it is never published.",
                        "invalid": "Enter an email address like name@example.com."},
    )
    website = forms.URLField(
        label="Website", required=False, max_length=200, assume_scheme="https",
        error_messages={"invalid": "Enter a web address like https://example.com."},
    )
    text = forms.CharField(
        label="Comment", max_length=5000, widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Write your comment.", "max_length": "Keep it under 5,000 characters."},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.helper = FormHelper()
        self.helper.form_tag = False
        self.helper.disable_csrf = True
        # Every field but the signed time it was served (STARTED), which the template renders on every
        # request outside the blank form's cached fields (templates/advisor/comparison.html).
        self.helper.layout = Layout(*(name for name in self.fields if name != STARTED))
        self.helper.add_input(Submit("submit", "Post comment"))

    def clean_name(self) -> str:
        return " ".join(self.cleaned_data["name"].split())
