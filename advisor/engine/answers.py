"""The questions an assessment asks: the one definition of every answer. Pure data, no Django.

The form, the model's columns, the JSON API, the answers table on a result and the CSV export are built
from (or checked against) this table, so adding a question means adding it here, to `Profile`, and a
migration for its column; the tests name whatever else still misses it.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

Choices = tuple[tuple[str, str], ...]

INDUSTRIES: Choices = (
    ("professional_services", "Professional services"),
    ("healthcare", "Healthcare"),
    ("finance", "Finance"),
    ("legal", "Legal"),
    ("retail", "Retail"),
    ("hospitality", "Hospitality"),
    ("manufacturing", "Manufacturing"),
    ("construction", "Construction"),
    ("logistics", "Logistics"),
    ("education", "Education"),
    ("nonprofit", "Non-profit"),
    ("technology", "Technology"),
    ("public_sector", "Public sector"),
    ("other", "Other"),
)
OPERATING_HOURS: Choices = (
    ("business_hours", "Business hours (about 9 to 5, weekdays)"),
    ("extended", "Extended hours (evenings or weekends)"),
    ("always", "Around the clock, every day"),
)
BUDGET_PREFERENCES: Choices = (
    ("pay_as_you_go", "Pay only when something breaks"),
    ("no_preference", "No strong preference"),
    ("predictable", "A predictable monthly cost"),
)
GROWTH: Choices = (
    ("shrinking", "Shrinking"),
    ("stable", "Stable"),
    ("moderate", "Growing moderately"),
    ("rapid", "Growing rapidly"),
)
COMPLIANCE: Choices = (
    ("none", "None"),
    ("moderate", "Some (for example personal data under privacy law)"),
    ("strict", "Strict (health, card, financial or legal records)"),
)
BACKUP: Choices = (
    ("none", "None that we rely on"),
    ("partial", "Some backups, never tested"),
    ("tested", "Backups that we restore-test regularly"),
)
VAT_RECLAIM: Choices = (
    ("yes", "Yes, all of it"),
    ("partly", "Partly: some of our work is exempt"),
    ("no", "No: we are not registered, or our work is exempt"),
)
IT_DEPENDENCE: Choices = (
    ("low", "Low: most work carries on without IT"),
    ("medium", "Medium: some work stops"),
    ("high", "High: most work stops"),
    ("critical", "Critical: everything stops"),
)

# Each choice as a reason for a need reads it (explain.py), beside the choices so that a new one gets its words here.
AS_A_REASON: dict[str, dict[str, str]] = {
    "operating_hours": {
        "business_hours": "IT is needed in business hours only",
        "extended": "IT must work evenings or weekends",
        "always": "IT must work around the clock",
    },
    "compliance": {
        "none": "you hold no regulated data",
        "moderate": "you hold some regulated data",
        "strict": "you hold strictly regulated data",
    },
    "backup": {
        "none": "you have no backups you can rely on",
        "partial": "your backups have never been tested",
        "tested": "your backups are restore-tested",
    },
    "it_dependence": {
        "low": "most work carries on when IT stops",
        "medium": "some work stops when IT stops",
        "high": "most work stops when IT stops",
        "critical": "everything stops when IT stops",
    },
    "growth": {
        "shrinking": "you expect to shrink",
        "stable": "you expect to stay about the same size",
        "moderate": "you expect moderate growth",
        "rapid": "you expect rapid growth",
    },
    "budget_preference": {
        "pay_as_you_go": "you prefer to pay only when something breaks",
        "no_preference": "you have no strong budget preference",
        "predictable": "you want a predictable monthly cost",
    },
}

# How a number is shown: "count" (12), "money" ($150 or £150: the region's currency), "decimal" (2.5).
COUNT, MONEY, DECIMAL = "count", "money", "decimal"


@dataclass(frozen=True)
class Question:
    """One answer: its name (shared by form, API, model column and Profile), type, limits, choices and default,
    and its label, the words the form asks it with, which the engine's sentences name it by too (tipping points,
    the answers table). How the form shows it (its section, help text and widget) is forms.SHOWN."""

    name: str
    label: str
    choices: Choices = ()
    whole: bool = False  # a whole number (else up to two decimal places)
    minimum: float | None = None
    maximum: float | None = None
    required: bool = True
    default: Any = None
    unit: str = COUNT

    @property
    def is_choice(self) -> bool:
        return bool(self.choices)

    def label_of(self, value: str) -> str:
        return dict(self.choices).get(value, value)


# What most organisations see: IT problems a person a month needing outside help, with nobody in-house (the
# sourced range behind the estimate for a blank answer, advisor/content/figures_2026_11.py). Shown beside the
# question, and for the head count typed (static/advisor/assess.js).
TYPICAL_PROBLEMS_PER_PERSON_MONTH = (0.1, 0.5)

QUESTIONS: tuple[Question, ...] = (
    Question("industry", "Industry", choices=INDUSTRIES),
    Question("employees", "People who use IT at work", whole=True, minimum=1, maximum=100_000),
    Question("devices", "Devices to look after", whole=True, minimum=0, maximum=1_000_000, required=False),
    Question("sites", "Locations", whole=True, minimum=1, maximum=10_000, default=1),
    Question(
        "it_staff",
        "In-house IT staff (full-time equivalents)",
        minimum=0,
        maximum=10_000,
        default=Decimal("0"),
        unit=DECIMAL,
    ),
    Question(
        "vat_reclaim",
        "Can you reclaim the tax (VAT, GST) on IT invoices?",
        choices=VAT_RECLAIM,
        required=False,
        default="yes",
    ),
    Question(
        "incidents_per_month",
        "IT problems a month that need outside help",
        minimum=0,
        maximum=10_000,
        required=False,
        unit=DECIMAL,
    ),
    Question(
        "downtime_cost_per_hour",
        "Cost of an hour with IT down (¤)",
        minimum=0,
        maximum=1_000_000_000,
        required=False,
        unit=MONEY,
    ),
    Question("operating_hours", "When IT must work", choices=OPERATING_HOURS, default="business_hours"),
    Question("it_dependence", "How much work stops when IT stops", choices=IT_DEPENDENCE, default="medium"),
    Question("compliance", "Regulated data", choices=COMPLIANCE, default="none"),
    Question("backup", "Backup and disaster recovery", choices=BACKUP, default="partial"),
    Question("growth", "Growth over the next two years", choices=GROWTH, default="stable"),
    Question("budget_preference", "How you prefer to pay", choices=BUDGET_PREFERENCES, default="no_preference"),
    Question("hourly_rate", "Your Break/Fix hourly rate (¤)", minimum=0, maximum=10_000, required=False, unit=MONEY),
    Question(
        "msp_fee_per_user", "Your MSP fee per user per month (¤)", minimum=0, maximum=10_000, required=False, unit=MONEY
    ),
)

# Answers an earlier form asked for, a provider's price typed outside the quotes: the API still takes them, and
# each is read as a quote ("Your hourly rate", "Your MSP fee"; decide.with_quotes_for_old_answers), counted within
# the three. The form no longer shows them: a price is typed in one place, the quotes.
READ_AS_QUOTES = ("hourly_rate", "msp_fee_per_user")

BY_NAME: dict[str, Question] = {q.name: q for q in QUESTIONS}


def question(name: str) -> Question:
    return BY_NAME[name]
