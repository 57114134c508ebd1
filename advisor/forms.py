"""Forms validate and normalise what people type; they decide nothing."""

from __future__ import annotations

import typing
import unicodedata
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from babel.numbers import get_currency_name
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout, Submit
from django import forms
from django.core.exceptions import ValidationError
from django.utils.functional import cached_property

from . import catalogue
from .engine import answers, money, quotes, requirements
from .engine.domain import HOURLY_QUOTE_MODELS, QUOTE_INCLUDES, QUOTE_MODELS, Profile, Quote, RegionSpec
from .protect.spam import STARTED, SpamGuardForm

# Values a person would otherwise have to pick for a typical small office; the API uses them too.
ASSESSMENT_DEFAULTS: dict[str, Any] = {
    **{q.name: q.default for q in answers.QUESTIONS if q.default is not None},
    "contact_consent": False,
    "cyber_insurance": "no",
    "region": catalogue.DEFAULT_REGION,
}

# The fields that feed scoring, in the order of the question table; the form's other fields are contact details.
PROFILE_FIELDS = tuple(q.name for q in answers.QUESTIONS)
# Answers the Profile holds as decimals, a whole number typed included (devices: estimates have fractions), so that
# a result answers with what it stores: 12.0, as it reads back.
FLOAT_ANSWERS = frozenset(
    name for name, hint in typing.get_type_hints(Profile).items() if float in (hint, *typing.get_args(hint))
)


# How the form shows each question of the table (engine/answers.py keeps what it is): its section, its help text,
# and its widget.
ORGANISATION, TROUBLE, RISK, QUOTES = (
    "Your organisation",
    "When IT goes wrong",
    "Risk and plans",
    "Advanced: your own quotes (optional)",
)


@dataclass(frozen=True)
class Shown:
    section: str
    help: str = ""
    radio: bool = False  # radio buttons (few choices) rather than a list


SHOWN: dict[str, Shown] = {
    "industry": Shown(ORGANISATION, "Used to estimate what downtime costs you, if you leave that blank."),
    "employees": Shown(
        ORGANISATION, "Everyone with a computer, email account or business phone, including part-timers."
    ),
    "devices": Shown(
        ORGANISATION,
        (
            "Computers, servers, phones and network equipment. Leave blank and we estimate about two per person "
            "plus shared equipment."
        ),
    ),
    "sites": Shown(ORGANISATION, "Offices, shops or sites with their own IT."),
    "it_staff": Shown(
        ORGANISATION,
        "0 if nobody looks after IT as part of their job; 0.5 for someone who spends half their time on it.",
    ),
    "vat_reclaim": Shown(
        ORGANISATION,
        (
            "Most organisations registered for it can, and then prices without it are what IT costs you. Usually "
            "cannot: those below the registration threshold, and work the tax exempts, such as most charities' "
            "non-business work, health care, finance and education. Salaries carry no such tax. Not asked where "
            "we count no sales tax (the United States)."
        ),
        radio=True,
    ),
    "incidents_per_month": Shown(
        TROUBLE,
        (
            "A typical month: a broken laptop, a network outage, email down. 0.5 means one every two months. Most"
            " organisations with nobody in-house see 0.1 to 0.5 a person a month (about 3 to 12 for 25 people). "
            "Leave blank and we estimate it from your size."
        ),
    ),
    "downtime_cost_per_hour": Shown(
        TROUBLE,
        (
            "For the whole organisation, not one person: the lost work and lost sales of one hour when nobody can"
            " use IT. It grows with your head count, so if you change the number of people, change this too. "
            "Leave blank and we estimate it from your size and industry, and say how."
        ),
    ),
    "operating_hours": Shown(TROUBLE, radio=True),
    "it_dependence": Shown(TROUBLE, radio=True),
    "compliance": Shown(RISK, "Health records, card payments, financial or legal files.", radio=True),
    "backup": Shown(RISK, radio=True),
    "growth": Shown(RISK, radio=True),
    "budget_preference": Shown(RISK, radio=True),
    "hourly_rate": Shown(
        QUOTES, "Optional: what a local IT firm quoted you per hour. Otherwise we use published rates."
    ),
    "msp_fee_per_user": Shown(
        QUOTES, "Optional: a managed services quote per user. Otherwise we use published prices."
    ),
}


class DecimalField(forms.DecimalField):
    """Django's DecimalField, reading "-0" (and "-0.00") as 0: a signed zero would show as "-0" and "$-0"."""

    def to_python(self, value: Any) -> Decimal | None:
        number = super().to_python(value)
        return number + 0 if number is not None and number.is_zero() else number


class MoneyField(DecimalField):
    """An amount in the form's currency: the currency's own symbol or code typed with it is read ("£75" on a form in
    pounds), another currency's is refused with a message rather than read as this one ("$75" on a form in
    pounds). `currency` is set by the form for its region (US dollars until then)."""

    currency: money.Currency = money.US_DOLLARS

    def to_python(self, value: Any) -> Decimal | None:
        if isinstance(value, str):
            try:
                value = money.strip_currency(value, self.currency)
            except money.ForeignCurrency as error:
                name, other = _currency_name(self.currency), _currency_name(money.Currency(str(error)))
                raise ValidationError(
                    f"{value.strip()} reads as {other}, and this form's prices are in {name} "
                    f"({money.symbol(self.currency, self.currency.locale)}): enter the amount in {name}, or choose "
                    f"the country whose currency it is at the top of the form.",
                    code="foreign_currency",
                ) from None
        return super().to_python(value)


def _currency_name(currency: money.Currency) -> str:
    return str(get_currency_name(str(currency), count=2, locale="en"))


def for_region(form: forms.Form, spec: RegionSpec) -> None:
    """Set a form's money fields to the region's currency: each reads amounts in it, and its label names it."""
    currency = money.Currency(spec.currency, spec.locale)
    for field in form.fields.values():
        if isinstance(field, MoneyField):
            field.currency = currency
            field.label = money.unit_label(str(field.label), currency)
            field.error_messages = {
                **field.error_messages,
                "invalid": f"Enter an amount in {_currency_name(currency)}, such as 120 or 99.50.",
            }


def _limit(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def field_for(question: answers.Question) -> forms.Field:
    """The form field for one question of the table: its label, help, limits and error messages."""
    shown = SHOWN[question.name]
    common: dict[str, Any] = {"label": question.label, "help_text": shown.help, "required": question.required}
    if question.is_choice:
        choices = list(question.choices)
        messages = {"invalid_choice": "Choose one of the options listed.", "required": "Choose one option."}
        if shown.radio:
            return forms.ChoiceField(choices=choices, widget=forms.RadioSelect, error_messages=messages, **common)
        return forms.ChoiceField(
            choices=[("", f"Choose your {question.label.lower()}")] + choices,
            error_messages={**messages, **REQUIRED_MESSAGES.get(question.name, {})},
            **common,
        )
    minimum, maximum = question.minimum, question.maximum
    if minimum is None or maximum is None:
        raise ValueError(f"The number {question.name} needs a minimum and a maximum.")
    messages = {
        "min_value": f"Enter {_limit(minimum)} or more." if minimum or question.whole else "Enter zero or more.",
        "max_value": f"Enter {_limit(maximum)} or less.",
        **REQUIRED_MESSAGES.get(question.name, {}),
    }
    if question.whole:
        return forms.IntegerField(
            min_value=int(minimum),
            max_value=int(maximum),
            error_messages={"invalid": "Enter a whole number, such as 12.", **messages},
            **common,
        )
    return (MoneyField if question.unit == answers.MONEY else DecimalField)(
        min_value=Decimal(str(minimum)),
        max_value=Decimal(str(maximum)),
        max_digits=14,
        decimal_places=2,
        error_messages={
            "invalid": "Enter a number, such as 2 or 2.5.",
            "max_decimal_places": "Use at most two decimal places.",
            "max_digits": "Enter a smaller number.",
            "max_whole_digits": "Enter a smaller number.",
            **messages,
        },
        **common,
    )


REQUIRED_MESSAGES = {
    "industry": {"required": "Choose your industry, or Other if none fits."},
    "employees": {"required": "Enter how many people use IT at work."},
    "sites": {"required": "Enter how many locations you work from (1 if just one)."},
    "it_staff": {"required": "Enter your in-house IT staff, or 0 if you have none."},
}


def _money(label: str, help_text: str = "", maximum: int = 10_000_000) -> MoneyField:
    return MoneyField(
        label=label,
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal(maximum),
        max_digits=14,
        decimal_places=2,
        help_text=help_text,
        error_messages={
            "invalid": "Enter an amount, such as 120 or 99.50.",
            "min_value": "Enter zero or more; a price can't be negative.",
            "max_value": f"Enter {maximum:,} or less.",
            "max_decimal_places": "Use at most two decimal places.",
            "max_digits": "Enter a smaller amount.",
            "max_whole_digits": "Enter a smaller amount.",
        },
    )


# --- Names (organisation, comment author, quote) ---------------------------------------------------------------
#
# A name is shown in sentences, titles and the admin, and quote names tell quotes apart. Refused: control
# characters (Unicode category Cc: C0, DEL and the C1 range U+0080-U+009F) and format characters (Cf: the
# bidirectional overrides, isolates and marks that reorder the text around them, zero-width spaces and joiners,
# the soft hyphen, the byte-order mark, tags), which are invisible or scramble what they appear in.
HIDDEN_CATEGORIES = ("Cc", "Cf")
HIDDEN_MESSAGE = (
    "Remove the invisible or control characters from the name (such as a zero-width space or a text-direction mark)."
)

# Letters of other scripts that look like a Latin letter, as the Latin letter: two quote names that differ only
# by them read the same (a compact table of the common look-alikes in the spirit of Unicode's confusables list,
# UTS #39, limited to Cyrillic and Greek capitals and small letters and a few Latin variants; no well-kept
# library on PyPI covers this, and the full list would be 6,000 entries for three quote names). Case is folded
# after this, so each capital and small letter maps to the Latin letter it looks like in its own case.
LOOK_ALIKES = str.maketrans(
    {
        **dict(zip("АВЕЅІЈКМНОРСТХУ", "ABESIJKMHOPCTXY", strict=True)),  # Cyrillic capitals
        **dict(zip("аеіјорсухѕһԁԛԝӏ", "aeijopcyxshdqwl", strict=True)),  # Cyrillic small letters
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),  # Greek capitals
        **dict(zip("αικνορυχ", "aikvopux", strict=True)),  # Greek small letters
        **dict(zip("ıɑɡ", "iag", strict=True)),  # Latin variants: dotless i, script a and script g
    }
)


def clean_name(value: str) -> str:
    """A name with its spacing made plain and its characters composed (NFC), or ValidationError when it holds a
    control or format character (tabs and line breaks aside, which become spaces; Python counts some controls,
    such as the C1 next-line U+0085, as spacing too, so the check reads the name as typed)."""
    if any(unicodedata.category(ch) in HIDDEN_CATEGORIES and ch not in "\t\n\r" for ch in value):
        raise ValidationError(HIDDEN_MESSAGE, code="control_characters")
    return unicodedata.normalize("NFC", " ".join(value.split()))


def name_key(name: str) -> str:
    """What a name reads as, to find two that are the same: compatibility forms folded (NFKC: fullwidth letters,
    ligatures), control and format characters dropped, look-alike letters of other scripts as the Latin ones,
    case folded, spacing made plain."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(ch for ch in text if unicodedata.category(ch) not in HIDDEN_CATEGORIES)
    text = text.translate(LOOK_ALIKES).casefold()
    return " ".join(unicodedata.normalize("NFKC", text).split())


def _same_number(text: str, number: Any) -> bool:
    try:
        return Decimal(text) == Decimal(str(number))
    except (InvalidOperation, ValueError):
        return False


def _one_of(names: Any) -> str:
    """Names as a sentence offers them: "a, b or c"."""
    *rest, last = names
    return f"{', '.join(rest)} or {last}" if rest else last


# What a blank quote's terms are taken to be (the form shows them; the API fills them in when left out).
QUOTE_DEFAULTS: dict[str, Any] = {
    "model": "msp",
    "term_months": 12,
    "yearly_increase_percent": Decimal("0"),
    "notice_days": 0,
    "termination_fee_months": Decimal("0"),
}
QUOTE_PRICES = ("price_per_user_month", "price_per_device_month", "flat_monthly")


class QuoteForm(forms.Form):
    """One quote a person holds: its price, its contract terms and what it includes (engine.domain.Quote)."""

    name = forms.CharField(
        label="Provider or quote name",
        max_length=60,
        help_text="So you can tell quotes apart.",
        error_messages={
            "required": "Give this quote a name, such as the provider's.",
            "max_length": "Keep the name under 60 characters.",
        },
    )
    model = forms.ChoiceField(
        label="What it is for",
        choices=QUOTE_MODELS,
        initial="msp",
        required=False,  # left out: a managed service, as every quote was before the others could be entered
        help_text="A monthly service, or an IT firm's hourly rate.",
        error_messages={
            "required": "Choose what the quote is for.",
            "invalid_choice": f"Choose one of the listed kinds: {_one_of(slug for slug, _ in QUOTE_MODELS)}.",
        },
    )
    hourly_rate = _money("Hourly rate (¤)", "For Break/Fix or a block of hours only.", maximum=100_000)
    price_per_user_month = _money("Price a user a month (¤)", maximum=100_000)
    price_per_device_month = _money("Price a device a month (¤)", maximum=100_000)
    flat_monthly = _money("Flat fee a month (¤)", "Give at least one of the three prices; we add them up.")
    minimum_monthly = _money("Minimum monthly charge (¤)", "If the quote has one.")
    onboarding = _money("Onboarding, one-off (¤)")
    includes_vat = forms.BooleanField(
        label="These prices include the tax (VAT, GST)",
        required=False,
        help_text="Leave unticked for prices before tax, as most quotes to businesses are.",
    )
    term_months = forms.IntegerField(
        label="Contract term (months)",
        min_value=1,
        max_value=120,
        error_messages={
            "required": "Enter the contract's length in months (1 for month to month).",
            "invalid": "Enter a whole number of months, such as 12.",
            "min_value": "Enter at least 1 month (1 for month to month).",
            "max_value": "Enter 120 months or less.",
        },
    )
    yearly_increase_percent = DecimalField(
        label="Yearly price increase (%)",
        min_value=Decimal("0"),
        max_value=Decimal("100"),
        max_digits=5,
        decimal_places=2,
        help_text="At each anniversary; 0 if the price is fixed.",
        error_messages={
            "required": "Enter the yearly increase, or 0 if the price is fixed.",
            "invalid": "Enter a percentage, such as 5.",
            "min_value": "Enter 0 or more.",
            "max_value": "Enter 100 or less.",
            "max_decimal_places": "Use at most two decimal places.",
            "max_digits": "Enter 100 or less.",
            "max_whole_digits": "Enter 100 or less.",
        },
    )
    notice_days = forms.IntegerField(
        label="Notice to leave (days)",
        min_value=0,
        max_value=730,
        help_text="Written notice needed before the term ends, or it renews.",
        error_messages={
            "required": "Enter the days of notice, or 0 if none is needed.",
            "invalid": "Enter a whole number of days, such as 30.",
            "min_value": "Enter 0 or more.",
            "max_value": "Enter 730 days or less.",
        },
    )
    termination_fee_months = DecimalField(
        label="Fee to leave early (months of fees)",
        min_value=Decimal("0"),
        max_value=Decimal("120"),
        max_digits=5,
        decimal_places=2,
        help_text="0 if you can leave early without a fee.",
        error_messages={
            "required": "Enter the months of fees owed for leaving early, or 0.",
            "invalid": "Enter a number of months, such as 3.",
            "min_value": "Enter 0 or more.",
            "max_value": "Enter 120 or less.",
            "max_decimal_places": "Use at most two decimal places.",
            "max_digits": "Enter 120 or less.",
            "max_whole_digits": "Enter 120 or less.",
        },
    )
    response_hours = DecimalField(
        label="Promised response to an urgent problem (working hours)",
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("720"),
        max_digits=6,
        decimal_places=2,
        help_text="Leave blank if the quote promises only \u201cbest efforts\u201d.",
        error_messages={
            "invalid": "Enter a number of hours, such as 1 or 0.5.",
            "min_value": "Enter 0 or more.",
            "max_value": "Enter 720 hours or less.",
            "max_decimal_places": "Use at most two decimal places.",
            "max_digits": "Enter 720 or less.",
            "max_whole_digits": "Enter 720 or less.",
        },
    )
    patch_days = DecimalField(
        label="Promised days to apply a critical fix",
        required=False,
        min_value=Decimal("0"),
        max_value=Decimal("365"),
        max_digits=5,
        decimal_places=2,
        help_text="Leave blank if the quote promises only \u201cbest efforts\u201d. Cyber Essentials asks for 14 days.",
        error_messages={
            "invalid": "Enter a number of days, such as 14 or 2.",
            "min_value": "Enter 0 or more.",
            "max_value": "Enter 365 days or less.",
            "max_decimal_places": "Use at most two decimal places.",
            "max_digits": "Enter 365 or less.",
            "max_whole_digits": "Enter 365 or less.",
        },
    )
    includes = forms.MultipleChoiceField(
        label="What the monthly price includes",
        required=False,
        choices=QUOTE_INCLUDES,
        widget=forms.CheckboxSelectMultiple,
        error_messages={
            "invalid_choice": f"Choose only from the listed items: {', '.join(quotes.INCLUDE_KEYS)}.",
            "invalid_list": "Give a list of the items included.",
        },
    )

    def __init__(self, *args: Any, region: RegionSpec | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, value in QUOTE_DEFAULTS.items():
            self.fields[name].initial = value
        spec = region or catalogue.DEFAULT_REGION_SPEC
        for_region(self, spec)
        if spec.tax_rate > 0:
            self.fields["includes_vat"].label = f"These prices include {spec.tax_name}"
        else:  # no sales tax counted (the United States): nothing to include
            del self.fields["includes_vat"]

    @cached_property
    def helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True
        return helper

    def has_changed(self) -> bool:
        """Whether anything was typed: a blank quote (its terms at their defaults) is skipped, not an error."""
        for name, field in self.fields.items():
            value = field.widget.value_from_datadict(self.data, self.files, self.add_prefix(name))
            text = "" if value is None else str(value).strip() if not isinstance(value, list) else str(value)
            if name == "model":
                if text and text != "msp":
                    return True
            elif name in QUOTE_DEFAULTS:
                if text and not _same_number(text, QUOTE_DEFAULTS[name]):
                    return True
            elif isinstance(value, bool):  # a tick box: ticked is typed, unticked is its default
                if value:
                    return True
            elif text and value != []:
                return True
        return False

    def clean_name(self) -> str:
        name = clean_name(self.cleaned_data["name"])
        if not any(unicodedata.category(ch)[0] in "LNPS" for ch in name):
            raise ValidationError("Give this quote a name you can read, such as the provider's.", code="name")
        return name

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("model") in HOURLY_QUOTE_MODELS:
            if not self.has_error("hourly_rate") and not data.get("hourly_rate"):
                self.add_error(
                    "hourly_rate",
                    ValidationError("Give the hourly rate this firm quoted, above zero.", code="no_hourly_rate"),
                )
            return data
        if data.get("hourly_rate") is not None and not self.has_error("hourly_rate"):
            self.add_error(
                "hourly_rate",
                ValidationError(
                    "An hourly rate is for Break/Fix or a block of hours: leave it blank for a monthly service, "
                    "or change what the quote is for.",
                    code="hourly_rate_not_for_this",
                ),
            )
        prices = [data.get(name) for name in QUOTE_PRICES]
        if not any(self.has_error(name) for name in QUOTE_PRICES) and not any(p for p in prices if p):
            self.add_error(
                "price_per_user_month",
                ValidationError(
                    "Give at least one price above zero: a user a month, a device a month or a flat monthly fee.",
                    code="no_price",
                ),
            )
        return data

    def to_quote(self) -> Quote:
        data = self.cleaned_data

        def number(name: str) -> float | None:
            return None if data.get(name) is None else float(data[name]) + 0.0  # + 0.0: -0 reads as 0

        chosen = set(data.get("includes") or ())
        return Quote(
            name=data["name"],
            price_per_user_month=number("price_per_user_month"),
            price_per_device_month=number("price_per_device_month"),
            flat_monthly=number("flat_monthly"),
            minimum_monthly=number("minimum_monthly"),
            onboarding=number("onboarding"),
            term_months=int(data["term_months"]),
            yearly_increase_percent=float(data["yearly_increase_percent"]) + 0.0,
            notice_days=int(data["notice_days"]),
            termination_fee_months=float(data["termination_fee_months"]) + 0.0,
            response_hours=number("response_hours"),
            patch_days=number("patch_days"),
            includes=tuple(key for key in quotes.INCLUDE_KEYS if key in chosen),
            model=data.get("model") or "msp",
            hourly_rate=number("hourly_rate"),
            includes_vat=bool(data.get("includes_vat")),
        )


class BaseQuoteFormSet(forms.BaseFormSet):
    """Up to three quotes. Every form is an extra one, so a blank one is skipped; with `every_form_counts` (the
    API, where each object given is a quote) none is."""

    def __init__(self, *args: Any, every_form_counts: bool = False, **kwargs: Any) -> None:
        self.every_form_counts = every_form_counts
        kwargs.setdefault(
            "error_messages",
            {
                "too_many_forms": f"Give at most {quotes.MAX_QUOTES} quotes.",
                "missing_management_form": "The quotes section of the form was incomplete; please enter them again.",
            },
        )
        super().__init__(*args, **kwargs)

    def initial_form_count(self) -> int:
        return 0

    def get_form_kwargs(self, index: int | None) -> dict[str, Any]:
        kwargs = super().get_form_kwargs(index)
        return {**kwargs, "empty_permitted": False} if self.every_form_counts else kwargs

    def clean(self) -> None:
        if any(self.errors):
            return
        # Quotes typed in a block the page shows beyond the count the form says it holds would be dropped without
        # a word: refused instead. Each block's keys are the formset's own (add_prefix), its forms' field names.
        beyond = range(self.total_form_count(), self.absolute_max)
        if any(self.data.get(f"{self.add_prefix(i)}-{name}") for i in beyond for name in self.form.base_fields):
            raise ValidationError(self.error_messages["missing_management_form"], code="missing_management_form")
        names = [name_key(form.cleaned_data["name"]) for form in self.filled()]
        if len(names) != len(set(names)):
            raise ValidationError("Give each quote its own name.", code="duplicate_names")

    def shown(self) -> list[QuoteForm]:
        """The quote forms to show: these, or blank ones when the data gave no usable count of them."""
        return self.forms or type(self)(prefix=self.prefix, form_kwargs=self.form_kwargs).forms

    def filled(self) -> list[QuoteForm]:
        return [form for form in self.forms if form.has_changed() or self.every_form_counts]

    def to_quotes(self) -> tuple[Quote, ...]:
        return tuple(form.to_quote() for form in self.filled())


QuoteFormSet = forms.formset_factory(
    QuoteForm,
    formset=BaseQuoteFormSet,
    extra=quotes.MAX_QUOTES,
    max_num=quotes.MAX_QUOTES,
    absolute_max=quotes.MAX_QUOTES,
    validate_max=True,
)
QUOTES_PREFIX = "quotes"


def quote_form_data(quote_list: list[dict[str, Any]]) -> dict[str, Any]:
    """Quotes as plain objects (the API's, or as stored) in the formset's form data."""
    data: dict[str, Any] = {f"{QUOTES_PREFIX}-TOTAL_FORMS": str(len(quote_list)), f"{QUOTES_PREFIX}-INITIAL_FORMS": "0"}
    for i, quote in enumerate(quote_list):
        for key, value in {**QUOTE_DEFAULTS, **quote}.items():
            data[f"{QUOTES_PREFIX}-{i}-{key}"] = "" if value is None else list(value) if key == "includes" else value
    return data


class QuoteListInput(forms.Widget):
    """Reads the quotes given as one list of objects (the API's `quotes`, bound as the JSON holds it); None for
    a page's form data (a QueryDict), whose quotes come as the formset's keys (quotes-0-name, ...)."""

    def value_from_datadict(self, data: Any, files: Any, name: str) -> Any:
        return None if hasattr(data, "getlist") else data.get(name)


class QuoteListField(forms.Field):
    """The quotes as one answer: a list of objects, one a quote. It holds no rules of its own: AssessmentForm
    binds its quotes formset (`form.quote_formset`) to this list, or to the page's keys, so each quote is validated by
    QuoteForm, the form the page shows for it, and the quotes together by BaseQuoteFormSet (at most three, each
    named apart); `clean_quotes` gives them as the engine's Quotes."""

    widget = QuoteListInput

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(required=False, **kwargs)


class AssessmentForm(forms.Form):
    """The assessment: the fields of the question table (advisor/engine/answers.py), then contact details."""

    organisation_name = forms.CharField(
        label="Organisation name",
        max_length=200,
        required=False,
        help_text="Optional. Shown on your result so you can tell results apart.",
    )
    contact_consent = forms.BooleanField(
        label="You may email me about this result",
        required=False,
        help_text="Only if you tick this do we keep your email address. We never publish it.",
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        max_length=254,
        error_messages={"invalid": "Enter an email address like name@example.com."},
    )
    # The country whose prices, currency and tax apply: chosen by a link above the form (a hidden field in it).
    region = forms.CharField(required=False, max_length=8, widget=forms.HiddenInput)

    def __init__(
        self,
        *args: Any,
        initial_quotes: list[dict[str, Any]] | None = None,
        every_quote_counts: bool = False,
        region: RegionSpec | None = None,
        **kwargs: Any,
    ) -> None:
        kwargs.setdefault("initial", dict(ASSESSMENT_DEFAULTS))
        super().__init__(*args, **kwargs)
        # The region the data names (an unknown one is refused by clean_region; its amounts are read as US dollars
        # meanwhile), else the one the page chose.
        named = catalogue.region_of(str(self.data.get("region") or "")) if self.is_bound else None
        self.region_spec = named or region or catalogue.DEFAULT_REGION_SPEC
        if not self.is_bound:
            self.initial["region"] = self.region_spec.code
        for_region(self, self.region_spec)
        if self.region_spec.tax_rate > 0:
            self.fields["vat_reclaim"].label = f"Can you reclaim {self.region_spec.tax_name} on IT invoices?"
        # The quotes, up to three, as a formset (`initial_quotes` fill a blank form) bound to the `quotes` field's
        # list when the data gives one (the API: each object given is a quote), else to the page's formset keys.
        # Data without the quotes at all (a client that never showed them) has no quotes.
        quote_data = None
        given = None
        if self.is_bound:
            given = self.fields["quotes"].widget.value_from_datadict(self.data, self.files, self.add_prefix("quotes"))
            if given is not None:
                if not isinstance(given, list) or not all(isinstance(quote, dict) for quote in given):
                    # The API reads the JSON's shapes first, as for every answer (api._quote_list).
                    raise TypeError("The quotes are a list of objects, one a quote.")
                quote_data = quote_form_data(given)
            elif any(key.startswith(f"{QUOTES_PREFIX}-") for key in self.data):
                quote_data = self.data
            else:
                quote_data = quote_form_data([])
        self.quote_formset = QuoteFormSet(
            quote_data,
            prefix=QUOTES_PREFIX,
            initial=initial_quotes or None,
            every_form_counts=every_quote_counts or given is not None,
            form_kwargs={"region": self.region_spec},
        )

    def is_valid(self) -> bool:
        valid = super().is_valid()
        return self.quote_formset.is_valid() and valid

    @property
    def error_count(self) -> int:
        return len(self.errors) + len(self.quote_errors)

    @property
    def quote_errors(self) -> list[dict[str, str]]:
        """Each quote's errors, one line each, with the field to go to, for the summary above the form: a field's
        own (a list of checkboxes: its first box), or the quotes section for errors about the quotes together."""
        lines = [{"anchor": "quotes", "text": str(error)} for error in self.quote_formset.non_form_errors()]
        for n, form in enumerate(self.quote_formset.forms, start=1):
            for name, errors in form.errors.items():
                field = form[name] if name in form.fields else None
                anchor = (field.id_for_label or f"{field.auto_id}_0") if field is not None else "quotes"
                label = field.label if field is not None else "Quote"
                lines.append({"anchor": anchor, "text": f"Quote {n}, {label}: {errors[0]}"})
        return lines

    def quote_error_lists(self) -> list[Any]:
        """The quotes' errors as the API gives them: the messages about the quotes together, or else one object
        of field messages for each quote (empty when there are none)."""
        together = self.quote_formset.non_form_errors()
        if together:
            return [str(m) for m in together]
        if not any(f.errors for f in self.quote_formset.forms):
            return []
        return [
            {field: [str(m) for m in messages] for field, messages in f.errors.items()}
            for f in self.quote_formset.forms
        ]

    @cached_property
    def helper(self) -> FormHelper:
        # Built only when the form is drawn: the API and valid posts never need the layout.
        offered = requirements.offered(catalogue.load_catalogue(self.region_spec.code), self.region_spec.code)
        offer_frameworks(self, tuple((f.code, f.name) for f in offered))
        return assessment_helper(asks_tax=self.region_spec.tax_rate > 0)

    def clean_organisation_name(self) -> str:
        return clean_name(self.cleaned_data["organisation_name"])

    def clean_region(self) -> str:
        given = self.cleaned_data.get("region") or catalogue.DEFAULT_REGION
        found = catalogue.region_of(given)
        if found is None:
            codes = ", ".join(r.code for r in catalogue.regions())
            raise ValidationError(f"Choose one of the countries we have prices for: {codes}.", code="unknown_region")
        return found.code

    def clean_vat_reclaim(self) -> str:
        # Not asked where no sales tax is counted (the form leaves it out): the tax changes nothing there.
        return self.cleaned_data.get("vat_reclaim") or "yes"

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("contact_consent") and not data.get("email"):
            self.add_error(
                "email",
                ValidationError(
                    "Enter your email address, or untick 'You may email me' above.",
                    code="email_needed",
                ),
            )
        if not data.get("contact_consent"):
            data["email"] = ""
        staff, people = data.get("it_staff"), data.get("employees")
        if staff is not None and people is not None and staff > people:
            self.add_error(
                "it_staff",
                ValidationError(
                    f"In-house IT staff can't be more than the {people:,} people who use IT; enter at most {people:,}.",
                    code="more_staff_than_people",
                ),
            )
        return data

    def clean_quotes(self) -> tuple[Quote, ...]:
        # The quotes' errors stay with the formset (beside each quote's fields; is_valid counts them).
        return self.quote_formset.to_quotes() if self.quote_formset.is_valid() else ()

    def clean_frameworks(self) -> list[str]:
        chosen = self.cleaned_data.get("frameworks") or []
        if requirements.NOT_SURE in chosen and len(chosen) > 1:
            raise ValidationError("Tick 'Not sure' alone, or the frameworks you follow.", code="not_sure_alone")
        return chosen

    def to_profile(self) -> Profile:
        """The cleaned answers as the engine's Profile: numbers as floats, blanks as None."""
        data = self.cleaned_data

        def value(name: str) -> Any:
            found = data.get(name)
            if isinstance(found, Decimal) or (name in FLOAT_ANSWERS and isinstance(found, int)):
                return float(found) + 0.0  # + 0.0: -0 reads as 0
            return found

        return Profile(
            **{name: value(name) for name in PROFILE_FIELDS},
            quotes=data["quotes"],
            region=data.get("region") or catalogue.DEFAULT_REGION,
            cyber_insurance=data.get("cyber_insurance") or "no",
            frameworks=tuple(data.get("frameworks") or ()),
            controls=tuple(code for code, _ in requirements.CONTROLS if code in (data.get("controls") or ())),
        )


# What the organisation must meet (advisor/engine/requirements.py): all optional, and left out they change nothing.
# Every framework is accepted (the API's too); the form shows those of the organisation's region's book.
INSURANCE_SECTION = "Insurance and rules (optional)"
REQUIREMENT_FIELDS = {
    "cyber_insurance": forms.ChoiceField(
        label="Do you hold cyber insurance?",
        choices=requirements.CYBER_INSURANCE,
        widget=forms.RadioSelect,
        required=False,
        help_text="Insurers pay out only when their conditions were met: we check which options meet them.",
    ),
    "frameworks": forms.MultipleChoiceField(
        label="Frameworks you must meet",
        choices=(*requirements.FRAMEWORKS, requirements.NOT_SURE_CHOICE),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Those a customer, contract or regulator asks of you. Leave all unticked if none.",
    ),
    "controls": forms.MultipleChoiceField(
        label="Already in place on every account and device",
        choices=requirements.CONTROLS,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        help_text="Tick only what covers everyone: insurers count partial cover as none. Restore-tested backups "
        "are the backup answer above.",
    ),
}


def offer_frameworks(form: forms.Form, offered: tuple[tuple[str, str], ...]) -> None:
    """Show only the frameworks the organisation's region lists (and "Not sure"); every one still validates."""
    form.fields["frameworks"].widget.choices = [*offered, requirements.NOT_SURE_CHOICE]


# The questions' fields go between the name and the contact details, in the table's order (what the metaclass
# would have made had each been declared by hand).
AssessmentForm.base_fields = {
    "organisation_name": AssessmentForm.base_fields["organisation_name"],
    **{q.name: field_for(q) for q in answers.QUESTIONS},
    **REQUIREMENT_FIELDS,
    "contact_consent": AssessmentForm.base_fields["contact_consent"],
    "email": AssessmentForm.base_fields["email"],
    "region": AssessmentForm.base_fields["region"],
    "quotes": QuoteListField(),
}


def assessment_helper(*, asks_tax: bool = False) -> FormHelper:
    helper = FormHelper()
    helper.form_tag = False
    helper.disable_csrf = True  # the template's <form> carries the token
    sections: dict[str, list[str]] = {}
    for q in answers.QUESTIONS:
        names = sections.setdefault(SHOWN[q.name].section, [])  # the quotes' section stays, holding the quotes alone
        if q.name not in answers.READ_AS_QUOTES and (asks_tax or q.name != "vat_reclaim"):
            names.append(q.name)
    fieldsets = []
    for title, names in sections.items():
        if title == ORGANISATION:
            names = ["organisation_name", *names]
        if title == QUOTES:
            names = [
                HTML(
                    '<p class="small text-body-secondary">Have real quotes? Enter up to three: a monthly '
                    "service, or an IT firm's hourly rate. Each is priced as the option it is a way of buying, "
                    "with what it leaves out, and stands in the ranking beside our typical prices.</p>"
                ),
                *names,
                HTML('{% include "advisor/_quotes.html" %}'),
            ]
        if title == QUOTES:
            fieldsets.append(Fieldset(INSURANCE_SECTION, *REQUIREMENT_FIELDS))
        fieldsets.append(Fieldset(title, *names))
    helper.layout = Layout(
        *fieldsets,
        Fieldset("Contact (optional)", "contact_consent", "email"),
        Submit("submit", "See my recommendation", css_class="btn-lg"),
    )
    return helper


class CommentForm(SpamGuardForm):  # SpamGuardForm adds a hidden honeypot and a minimum time to fill
    name = forms.CharField(label="Name", max_length=100, error_messages={"required": "Enter your name."})
    email = forms.EmailField(
        label="Email",
        max_length=254,
        help_text="Never published.",
        error_messages={
            "required": "Enter your email address; it is never published.",
            "invalid": "Enter an email address like name@example.com.",
        },
    )
    website = forms.URLField(
        label="Website",
        required=False,
        max_length=200,
        assume_scheme="https",
        error_messages={"invalid": "Enter a web address like https://example.com."},
    )
    text = forms.CharField(
        label="Comment",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
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
        return clean_name(self.cleaned_data["name"])
