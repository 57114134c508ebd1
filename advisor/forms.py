"""Forms validate and normalise what people type; they decide nothing."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property

from .domain import Profile
from .models import Assessment
from .protect.spam import STARTED, SpamGuardForm

# Values a person would otherwise have to pick for a typical small office; the API uses them too.
ASSESSMENT_DEFAULTS: dict[str, Any] = {
    "sites": 1,
    "it_staff": Decimal("0"),
    "operating_hours": Assessment.OperatingHours.BUSINESS_HOURS,
    "budget_preference": Assessment.BudgetPreference.NO_PREFERENCE,
    "growth": Assessment.Growth.STABLE,
    "compliance": Assessment.Compliance.NONE,
    "backup": Assessment.Backup.PARTIAL,
    "it_dependence": Assessment.ItDependence.MEDIUM,
    "contact_consent": False,
}

# The fields that feed scoring, in the order of Profile; the form's other fields are contact details.
PROFILE_FIELDS = (
    "industry", "employees", "incidents_per_month", "operating_hours", "budget_preference", "growth",
    "compliance", "backup", "it_dependence", "devices", "sites", "it_staff", "downtime_cost_per_hour",
    "hourly_rate", "msp_fee_per_user",
)


def _decimal(label_max: str, max_value: int, error_messages: dict | None = None, **kwargs: Any) -> forms.DecimalField:
    return forms.DecimalField(
        min_value=Decimal("0"), max_value=Decimal(max_value), max_digits=14, decimal_places=2,
        error_messages={
            "min_value": "Enter zero or more.",
            "max_value": f"Enter {label_max} or less.",
            "max_decimal_places": "Use at most two decimal places.",
            "max_digits": "Enter a smaller number.",
            "max_whole_digits": "Enter a smaller number.",
            "invalid": "Enter a number, such as 2 or 2.5.",
            **(error_messages or {}),
        },
        **kwargs,
    )


def _integer(min_value: int, max_value: int, error_messages: dict | None = None, **kwargs: Any) -> forms.IntegerField:
    return forms.IntegerField(
        min_value=min_value, max_value=max_value,
        error_messages={
            "min_value": f"Enter {min_value:,} or more.",
            "max_value": f"Enter {max_value:,} or less.",
            "invalid": "Enter a whole number, such as 12.",
            **(error_messages or {}),
        },
        **kwargs,
    )


def _choice(choices: Any, error_messages: dict | None = None, **kwargs: Any) -> forms.ChoiceField:
    return forms.ChoiceField(
        choices=choices,
        error_messages={"invalid_choice": "Choose one of the options listed.", "required": "Choose one option.",
                        **(error_messages or {})},
        **kwargs,
    )


class AssessmentForm(forms.Form):
    organisation_name = forms.CharField(
        label="Organisation name", max_length=200, required=False,
        help_text="Optional. Shown on your result so you can tell results apart.",
    )
    industry = _choice(
        [("", "Choose your industry")] + list(Assessment.Industry.choices), label="Industry",
        help_text="Used to estimate what downtime costs you, if you leave that blank.",
        error_messages={"required": "Choose your industry, or Other if none fits."},
    )
    employees = _integer(
        1, 100_000, label="People who use IT at work",
        help_text="Everyone with a computer, email account or business phone, including part-timers.",
        error_messages={"required": "Enter how many people use IT at work."},
    )
    devices = _integer(
        0, 1_000_000, label="Devices to look after", required=False,
        help_text="Computers, servers, phones and network equipment. Leave blank and we estimate about "
        "two per person plus shared equipment.",
    )
    sites = _integer(1, 10_000, label="Locations", help_text="Offices, shops or sites with their own IT.",
                     error_messages={"required": "Enter how many locations you work from (1 if just one)."})
    it_staff = _decimal(
        "10,000", 10_000, label="In-house IT staff (full-time equivalents)",
        help_text="0 if nobody looks after IT as part of their job; 0.5 for someone who spends half their time on it.",
        error_messages={"required": "Enter your in-house IT staff, or 0 if you have none."},
    )
    incidents_per_month = _decimal(
        "10,000", 10_000, label="IT problems a month that need outside help",
        help_text="A typical month: a broken laptop, a network outage, email down. 0.5 means one every two months.",
        error_messages={"required": "Enter how many IT problems need outside help in a typical month."},
    )
    downtime_cost_per_hour = _decimal(
        "1,000,000,000", 1_000_000_000, label="Cost of an hour with IT down ($)", required=False,
        help_text="Lost work and lost sales for one hour when nobody can use IT. Leave blank and we estimate "
        "it from your size and industry, and say how.",
    )
    operating_hours = _choice(Assessment.OperatingHours.choices, label="When IT must work", widget=forms.RadioSelect)
    it_dependence = _choice(Assessment.ItDependence.choices, label="How much work stops when IT stops",
                            widget=forms.RadioSelect)
    compliance = _choice(Assessment.Compliance.choices, label="Regulated data", widget=forms.RadioSelect,
                         help_text="Health records, card payments, financial or legal files.")
    backup = _choice(Assessment.Backup.choices, label="Backup and disaster recovery", widget=forms.RadioSelect)
    growth = _choice(Assessment.Growth.choices, label="Growth over the next two years", widget=forms.RadioSelect)
    budget_preference = _choice(Assessment.BudgetPreference.choices, label="How you prefer to pay",
                                widget=forms.RadioSelect)
    hourly_rate = _decimal(
        "10,000", 10_000, label="Your Break/Fix hourly rate ($)", required=False,
        help_text="Optional: what a local IT firm quoted you per hour. Otherwise we use published rates.",
    )
    msp_fee_per_user = _decimal(
        "10,000", 10_000, label="Your MSP fee per user per month ($)", required=False,
        help_text="Optional: a managed services quote per user. Otherwise we use published prices.",
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
        return data

    def to_profile(self) -> Profile:
        data = self.cleaned_data

        def number(name: str) -> float | None:
            value = data.get(name)
            return None if value is None else float(value)

        return Profile(
            industry=data["industry"],
            employees=data["employees"],
            incidents_per_month=float(data["incidents_per_month"]),
            operating_hours=data["operating_hours"],
            budget_preference=data["budget_preference"],
            growth=data["growth"],
            compliance=data["compliance"],
            backup=data["backup"],
            it_dependence=data["it_dependence"],
            devices=data.get("devices"),
            sites=data["sites"],
            it_staff=float(data["it_staff"]),
            downtime_cost_per_hour=number("downtime_cost_per_hour"),
            hourly_rate=number("hourly_rate"),
            msp_fee_per_user=number("msp_fee_per_user"),
        )


def assessment_helper() -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True  # the template's <form> carries the token
    helper.layout = Layout(
        Fieldset("Your organisation", "organisation_name", "industry", "employees", "devices", "sites", "it_staff"),
        Fieldset("When IT goes wrong", "incidents_per_month", "downtime_cost_per_hour", "operating_hours",
                 "it_dependence"),
        Fieldset("Risk and plans", "compliance", "backup", "growth", "budget_preference"),
        Fieldset(
            "Advanced: your own quotes (optional)",
            HTML('<p class="small text-body-secondary">Have real quotes? Put them here and they replace the '
                 'published figures in the cost estimate.</p>'),
            "hourly_rate", "msp_fee_per_user",
        ),
        Fieldset("Contact (optional)", "contact_consent", "email"),
        Submit("submit", "See my recommendation", css_class="btn-lg"),
    )
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
