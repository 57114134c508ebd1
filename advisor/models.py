"""The advisor's data: the catalogue staff edit, and the assessments people submit."""

from __future__ import annotations

import decimal
import math
import secrets
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import Any, TypeVar

from babel import Locale, UnknownLocaleError
from babel.numbers import UnknownCurrencyError, get_currency_name
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models, transaction
from django.urls import reverse
from django.utils.functional import cached_property

from .engine import answers, costs, figures
from .engine import requirements as requirement_rules


class ReadableDecimalField(models.DecimalField):
    """A DecimalField whose rows always read back, whatever number their column holds.

    SQLite keeps any number it is given, one too wide for the column included, and Django's reader then refuses
    the row (it rounds to `max_digits` digits and raises InvalidOperation): every page, list and export that
    read the row answered 500. Here a value is read with a precision wide enough for any float, so such a row
    reads as the number it holds; what is written is rounded to `max_digits` as Django does. (PostgreSQL refuses
    to store such a number at all: services.assessment_create checks figures before writing.)
    """

    @cached_property
    def context(self) -> decimal.Context:
        # Django uses this context only to read SQLite's values and to write floats (to_python, below).
        return decimal.Context(prec=400)  # more than the 309 whole digits of the largest float, and its decimals

    def to_python(self, value):
        if isinstance(value, float) and math.isfinite(value):
            value = decimal.Context(prec=self.max_digits).create_decimal_from_float(value)
        return super().to_python(value)


class ContentVersion(models.Model):
    """A counter bumped whenever anything public pages show from the catalogue or the comments changes.

    Pages and the scorer keep what they build from that content under this number (rendered fragments in
    the "fragments" cache, the catalogue in each process's memory) and read the number on every request,
    one small query: an edit made through any worker or any app server shows on the very next request
    everywhere. Saves and deletes bump it through signals
    (advisor/catalogue.py), bulk updates through `ContentQuerySet`, migrations through post_migrate.
    """

    # A fresh random number on each change rather than a count: a change rolled back leaves no number behind
    # that a later, different change could take again while some process still holds what it built from it.
    version = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "content version"

    def __str__(self) -> str:
        return f"content version {self.version}"

    @classmethod
    def bump(cls, using: str = "default") -> None:
        version = secrets.randbits(62)
        if not cls.objects.using(using).filter(pk=1).update(version=version):
            cls.objects.using(using).update_or_create(pk=1, defaults={"version": version})


_Method = TypeVar("_Method", bound=Callable[..., Any])


def _alters_data(method: _Method) -> _Method:
    """Mark a write as Django marks its own (`alters_data`), so that a template never calls it."""
    method.__dict__["alters_data"] = True
    return method


class ContentQuerySet(models.QuerySet):
    """Bulk writes bypass save() and its signals, so they bump the content version themselves."""

    @_alters_data
    def update(self, **kwargs):
        with transaction.atomic(using=self.db):
            count = super().update(**kwargs)
            if count:
                ContentVersion.bump(using=self.db)
        return count

    @_alters_data
    def bulk_create(self, objs, *args, **kwargs):
        with transaction.atomic(using=self.db):
            created = super().bulk_create(objs, *args, **kwargs)
            if created:
                ContentVersion.bump(using=self.db)
        return created

    @_alters_data
    def bulk_update(self, objs, *args, **kwargs):
        with transaction.atomic(using=self.db):
            count = super().bulk_update(objs, *args, **kwargs)
            if count:
                ContentVersion.bump(using=self.db)
        return count


class SupportModel(models.Model):
    """A way of getting IT support: Break/Fix, Managed Services Provider, or any other staff add."""

    slug = models.SlugField(unique=True, help_text="Stable identifier used in links and the API.")
    name = models.CharField(max_length=100)
    summary = models.CharField("one-line summary", max_length=240)
    description = models.TextField(help_text="A paragraph or two explaining how the model works.")
    best_for = models.TextField(
        "who it fits", blank=True, help_text="Shown in the 'which fits whom' summary on the comparison page."
    )

    class PricingType(models.TextChoices):
        PER_JOB = costs.PER_JOB, "Per job (billed by the hour)"
        SUBSCRIPTION = costs.SUBSCRIPTION, "Subscription (a monthly fee per user or device)"
        PREPAID_BLOCK = costs.PREPAID_BLOCK, "Prepaid block of hours"
        SALARIED = costs.SALARIED, "Salaried staff of your own"

    pricing_type = models.CharField(
        max_length=20,
        choices=PricingType.choices,
        default=PricingType.PER_JOB,
        help_text="How the option charges: it decides which of its cost figures make up its bills.",
    )

    class PricingBasis(models.TextChoices):
        PER_USER = costs.PER_USER, "Per user (its monthly fee per user)"
        PER_DEVICE = costs.PER_DEVICE, "Per device (its monthly fee per device)"
        PER_USER_AND_DEVICE = costs.PER_USER_AND_DEVICE, "Per user and per device (both fees)"

    pricing_basis = models.CharField(
        max_length=20,
        choices=PricingBasis.choices,
        default=PricingBasis.PER_USER,
        help_text="What its providers count its monthly fees on: people, devices, or both. A fee for each site "
        "beyond the first, when it has one, comes on top. Options without a monthly fee ignore it.",
    )
    order = models.PositiveSmallIntegerField("display order", default=0)
    is_active = models.BooleanField(
        "active", default=True, help_text="Inactive models are hidden from the site and from new assessments."
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]
        verbose_name = "support model"

    def __str__(self) -> str:
        return self.name


class Dimension(models.Model):
    """One aspect on which support models are compared, such as proactive monitoring."""

    slug = models.SlugField(unique=True)
    name = models.CharField(max_length=100)
    question = models.CharField(max_length=240, help_text="The question this dimension answers for a buyer.")
    explanation = models.TextField()
    weight = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        default=Decimal("1.00"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("10"))],
        help_text="How much this dimension counts in the fit score, relative to the others (0 to 10).",
    )
    order = models.PositiveSmallIntegerField("display order", default=0)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class Characteristic(models.Model):
    """How one support model behaves on one dimension, and how well it serves it."""

    support_model = models.ForeignKey(SupportModel, on_delete=models.CASCADE, related_name="characteristics")
    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="characteristics")
    headline = models.CharField(max_length=120)
    description = models.TextField()
    rating = models.PositiveSmallIntegerField(
        validators=[MinValueValidator(0), MaxValueValidator(5)],
        help_text="How well this model serves the dimension: 0 (not at all) to 5 (fully).",
    )

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["dimension__order", "support_model__order"]
        constraints = [
            models.UniqueConstraint(fields=["support_model", "dimension"], name="one_characteristic_per_cell"),
        ]

    def __str__(self) -> str:
        return f"{self.support_model} – {self.dimension}: {self.headline}"


class Region(models.Model):
    """A country whose prices the advisor knows: its currency, the locale its amounts are written in, and its sales
    tax on invoices. Each has its own price book (the cost figures below); adding one is data, edited here."""

    code = models.CharField(
        "country code",
        max_length=2,
        primary_key=True,
        validators=[RegexValidator(r"^[A-Z]{2}$", "Two capital letters (ISO 3166-1 alpha-2), such as GB.")],
        help_text="ISO 3166-1 alpha-2, such as GB: what links and the API name it by.",
    )
    name = models.CharField(max_length=100)
    currency = models.CharField(
        max_length=3,
        validators=[RegexValidator(r"^[A-Z]{3}$", "Three capital letters (ISO 4217), such as GBP.")],
        help_text="ISO 4217 code of the currency its figures are in, such as GBP.",
    )
    locale = models.CharField(
        max_length=16, help_text="How its amounts are written (a Babel/CLDR locale), such as en_GB: £12,300."
    )
    tax_name = models.CharField(
        max_length=20, blank=True, help_text="Its sales tax on invoices, such as VAT or GST; blank for none counted."
    )
    tax_rate = models.DecimalField(
        max_digits=5,
        decimal_places=4,
        default=Decimal("0"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text="Standard rate as a share: 0.2 for 20 %.",
    )
    tax_year = models.PositiveSmallIntegerField(null=True, blank=True, help_text="The year that rate applies from.")
    tax_partly_share = models.DecimalField(
        "share of tax counted when reclaimed in part",
        max_digits=5,
        decimal_places=4,
        default=Decimal("0.5"),
        validators=[MinValueValidator(Decimal("0")), MaxValueValidator(Decimal("1"))],
        help_text="For an organisation that can reclaim the tax only in part: the share of it counted as a cost.",
    )
    tax_source_title = models.CharField("tax source", max_length=200, blank=True)
    tax_source_url = models.URLField("tax source address", max_length=300, blank=True)
    # What stands in where the country has no figure of its own: a US figure converted at this rate (issue 25).
    dollar_rate = models.DecimalField(
        "units of its currency a US dollar bought",
        max_digits=12,
        decimal_places=4,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0.0001"))],
        help_text="Converts the US figures that stand in where this country has none of its own (such as what "
        "insurers' and frameworks' requirements cost), and the stand-ins say so with its source and year. 0.8039 "
        "for pounds: the Federal Reserve's 2023 average (G.5A). Blank for the United States. The price book's "
        "stand-ins were converted when seeded: edit those figures there.",
    )
    dollar_rate_source = models.CharField(
        "exchange rate source",
        max_length=200,
        blank=True,
        help_text="Who published the rate, such as Federal Reserve G.5A.",
    )
    dollar_rate_year = models.PositiveSmallIntegerField(
        "exchange rate year", null=True, blank=True, help_text="The year the rate is an average for, such as 2023."
    )
    order = models.PositiveSmallIntegerField("display order", default=0)
    is_active = models.BooleanField("active", default=True, help_text="Inactive regions are not offered.")

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.code})"

    def clean(self) -> None:
        errors = {}
        try:
            Locale.parse(self.locale)
        except (ValueError, UnknownLocaleError):
            errors["locale"] = "Give a locale Babel knows, such as en_GB."
        try:
            get_currency_name(self.currency, locale="en")
        except UnknownCurrencyError:
            errors["currency"] = "Give an ISO 4217 currency code, such as GBP."
        if self.currency != "USD" and self.dollar_rate is None:
            errors["dollar_rate"] = (
                f"Give what a US dollar bought in {self.currency or 'its currency'}: the US figures standing in for "
                "this country's missing ones are converted at it."
            )
        if self.dollar_rate is not None and not (self.dollar_rate_source and self.dollar_rate_year):
            errors["dollar_rate_source"] = "Give the exchange rate's source and the year it is for."
        if errors:
            raise ValidationError(errors)


class SourcedFigure(models.Model):
    """A figure of the cost model as a low / expected / high range, with where it came from."""

    low = models.DecimalField(max_digits=14, decimal_places=4, validators=[MinValueValidator(Decimal("0"))])
    expected = models.DecimalField(
        max_digits=14,
        decimal_places=4,
        validators=[MinValueValidator(Decimal("0"))],
        # The labels say what a figure is in words (issue 29); how to type it is said here, for staff.
        help_text="Shares and chances as a fraction (0.25 for 25 %), yes or no as 1 or 0, money and counts as "
        "plain numbers. Low and high the same way.",
    )
    high = models.DecimalField(max_digits=14, decimal_places=4, validators=[MinValueValidator(Decimal("0"))])
    source_title = models.CharField(max_length=200, blank=True)
    source_url = models.URLField("source address", max_length=300, blank=True)
    source_year = models.PositiveSmallIntegerField(null=True, blank=True)
    vendor_claim = models.BooleanField(
        default=False, help_text="Tick when the figure comes from a seller of the service rather than a neutral party."
    )
    note = models.TextField(blank=True, help_text="How the figure was chosen, shown beside it.")
    stand_in = models.TextField(
        blank=True,
        help_text="Set when the country has no figure of its own: what stands in for it (another country's figure "
        "at a stated rate and year, or our assumption). The result says so beside the number.",
    )

    class Meta:
        abstract = True


class CostParameter(SourcedFigure):
    """One number of a support model's cost formula, as a low / expected / high range with its source."""

    # What each figure is called, from the one table of the cost model's figures (engine/figures.py).
    Key = models.TextChoices("Key", [(key.upper(), (key, label)) for key, label in figures.OPTION_FIGURES.items()])

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, default="US", related_name="cost_parameters", help_text="Its price book."
    )
    support_model = models.ForeignKey(SupportModel, on_delete=models.CASCADE, related_name="cost_parameters")
    key = models.CharField(max_length=40, choices=Key.choices)
    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["region", "support_model__order", "key"]
        constraints = [
            models.UniqueConstraint(fields=["region", "support_model", "key"], name="one_cost_parameter_per_key"),
            models.CheckConstraint(
                condition=models.Q(low__lte=models.F("expected")) & models.Q(expected__lte=models.F("high")),
                name="cost_parameter_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.support_model}: {self.get_key_display()}"


class SharedFigure(SourcedFigure):
    """A figure of the cost model that holds for every option (tooling a user, chance of a serious incident...),
    as a low / expected / high range with its source."""

    # What each figure is called, from the one table of the cost model's figures (engine/figures.py); the label
    # below is what results show, edited per region.
    Key = models.TextChoices("Key", [(key.upper(), (key, label)) for key, label in figures.SHARED_FIGURES.items()])

    region = models.ForeignKey(
        Region, on_delete=models.PROTECT, default="US", related_name="shared_figures", help_text="Its price book."
    )
    key = models.CharField(max_length=40, choices=Key.choices)
    label = models.CharField(
        max_length=200, help_text="How the figure is named on results; ¤ stands for the currency's symbol."
    )
    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["region", "key"]
        verbose_name = "figure for every option"
        verbose_name_plural = "figures for every option"
        constraints = [
            models.UniqueConstraint(fields=["region", "key"], name="one_shared_figure_per_key"),
            models.CheckConstraint(
                condition=models.Q(low__lte=models.F("expected")) & models.Q(expected__lte=models.F("high")),
                name="shared_figure_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return self.label


class CatalogueRecord(models.Model):
    """The catalogue figures results were scored with, stored once per distinct catalogue (snapshot.py)."""

    digest = models.CharField(max_length=64, unique=True, help_text="SHA-256 of the stored document.")
    document = models.BinaryField(help_text="The catalogue as zlib-compressed JSON (snapshot.py reads it).")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = "catalogue as scored"

    def __str__(self) -> str:
        return f"Catalogue {self.digest[:12]} ({self.created_at:%Y-%m-%d})"


class Assessment(models.Model):
    """An organisation's answers, and the result they were scored to, frozen as a snapshot."""

    public_id = models.UUIDField("public id", default=uuid.uuid4, unique=True, editable=False)
    created_at = models.DateTimeField("scored at", auto_now_add=True, db_index=True)

    # The answers. Names are a contract shared by the form, the JSON API and the tests.
    organisation_name = models.CharField(max_length=200, blank=True)
    email = models.EmailField(blank=True, help_text="Kept only when the person agreed to be contacted.")
    contact_consent = models.BooleanField("may contact", default=False)
    industry = models.CharField(max_length=40, choices=answers.INDUSTRIES)
    employees = models.PositiveIntegerField()
    devices = models.PositiveIntegerField(null=True, blank=True)
    sites = models.PositiveIntegerField(default=1)
    # The country whose prices, currency and tax it was scored with (a Region's code; kept if the region goes).
    region = models.CharField(max_length=2, default="US")
    vat_reclaim = models.CharField("can reclaim VAT/GST", max_length=10, choices=answers.VAT_RECLAIM, default="yes")
    it_staff = ReadableDecimalField("in-house IT staff (FTE)", max_digits=9, decimal_places=2, default=Decimal("0"))
    incidents_per_month = ReadableDecimalField(max_digits=9, decimal_places=2, null=True, blank=True)
    downtime_cost_per_hour = ReadableDecimalField(max_digits=14, decimal_places=2, null=True, blank=True)
    operating_hours = models.CharField(max_length=20, choices=answers.OPERATING_HOURS)
    budget_preference = models.CharField(max_length=20, choices=answers.BUDGET_PREFERENCES)
    growth = models.CharField(max_length=20, choices=answers.GROWTH)
    compliance = models.CharField(max_length=20, choices=answers.COMPLIANCE)
    backup = models.CharField(max_length=20, choices=answers.BACKUP)
    it_dependence = models.CharField(max_length=20, choices=answers.IT_DEPENDENCE)
    hourly_rate = ReadableDecimalField("own hourly rate", max_digits=9, decimal_places=2, null=True, blank=True)
    msp_fee_per_user = ReadableDecimalField(
        "own MSP fee per user", max_digits=9, decimal_places=2, null=True, blank=True
    )
    # The person's own quotes, with their terms, are kept with the answers in the stored result's document
    # (snapshot.py: inputs.quotes). A second permanent link that leaves the quotes out (they are commercially
    # sensitive): set when there are any.
    share_id = models.UUIDField("link without quotes", null=True, blank=True, unique=True, editable=False)
    # The quotes' outcome, denormalised for admin lists and the CSV export.
    quote_count = models.PositiveSmallIntegerField("quotes", default=0)
    best_quote_name = models.CharField("best quote", max_length=100, blank=True)
    # Twenty digits: the largest answers the form and the API accept (a million devices at $100,000 a month,
    # doubling each year, with every fee at its maximum) price a quote near $10 trillion, 16 digits with the
    # cents; tests/test_bounded_data.py stores them. Figures beyond it are refused before anything is written.
    best_quote_total = ReadableDecimalField(
        "best quote, three years (expected)", max_digits=20, decimal_places=2, null=True, blank=True
    )

    # The result, denormalised for admin lists and filters; the snapshot is the full record.
    recommendation = models.SlugField(blank=True, help_text="Slug of the recommended support model.")
    recommendation_name = models.CharField("recommended", max_length=100, blank=True)
    close_call = models.BooleanField(default=False)
    catalogue_record = models.ForeignKey(
        CatalogueRecord,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assessments",
        help_text="The catalogue figures this result was scored with (none for results of the first model).",
    )
    result_version = models.PositiveSmallIntegerField(default=0, help_text="The stored result's shape (snapshot.py).")
    result_document = models.BinaryField(default=b"", help_text="The answers and result, zlib-compressed JSON.")

    class Meta:
        ordering = ["-created_at"]
        # The admin list pages newest first under each of its filters: an index per filter, then the date, so a
        # page is read straight from the index whatever the number of rows (no sort, no full scan). The name
        # last: a search for the start of a name within a filter is checked in the index, not row by row in
        # the table (without statistics SQLite prefers a filter's index to the name's). Searching by name or
        # email alone uses indexes made per database in migration 0011.
        indexes = [
            models.Index(fields=[name, "created_at", "organisation_name"], name=f"assess_{name}_date")
            for name in ("recommendation", "close_call", "industry", "operating_hours", "compliance", "contact_consent")
        ]

    def __str__(self) -> str:
        return self.organisation_name or f"Assessment {str(self.public_id)[:8]}"

    def get_absolute_url(self) -> str:
        return reverse("advisor:result", kwargs={"public_id": self.public_id})

    def get_shared_url(self) -> str | None:
        """The link that shows the result without the person's quotes (None when there are none)."""
        return reverse("advisor:result_shared", kwargs={"share_id": self.share_id}) if self.share_id else None


class OptionOutcome(models.Model):
    """One option's figures in an assessment's result, as the admin list and the CSV export read them.

    Written with the assessment (services.assessment_create) from the engine's result; the stored document
    (snapshot.py) stays the full record the pages and the API show. A copy in columns, so exporting a million
    rows reads numbers, never a million compressed documents.
    """

    # No index of its own: the unique (assessment, rank) constraint below starts with it.
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="outcomes", db_index=False)
    slug = models.SlugField(db_index=False, help_text="The option's slug when it was scored.")
    name = models.CharField(max_length=100)
    rank = models.PositiveSmallIntegerField(help_text="1 for the recommended option, then by overall score.")
    fit = models.FloatField()
    cost_score = models.FloatField()
    overall = models.FloatField()
    bills = models.FloatField("bills over three years (expected)")
    lost_work = models.FloatField("lost work over three years (expected)")
    risk = models.FloatField("risk over three years (expected)")
    total_low = models.FloatField("three-year total, 10th percentile")
    total_expected = models.FloatField("three-year total, expected")
    total_high = models.FloatField("three-year total, 90th percentile")
    chance_cheapest = models.FloatField(null=True, blank=True, help_text="0 to 1; empty for the first model.")

    class Meta:
        ordering = ["assessment", "rank"]
        constraints = [models.UniqueConstraint(fields=["assessment", "rank"], name="one_outcome_per_rank")]

    def __str__(self) -> str:
        return f"{self.name} (#{self.rank})"


class Comment(models.Model):
    """A reply left under the comparison, shown once staff approve it."""

    name = models.CharField(max_length=100)
    email = models.EmailField(help_text="Never shown publicly.")
    website = models.URLField(blank=True)
    text = models.TextField(max_length=5000)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    is_approved = models.BooleanField("approved", default=False, db_index=True)

    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return f"{self.name} ({self.created_at:%Y-%m-%d})"


# ---- What insurers and frameworks ask (advisor/engine/requirements.py, issue 32) ------------------------------

REGION_HELP = "Two-letter country code (ISO 3166-1 alpha-2), such as GB, US or AU; blank for every region."


class Sourced(models.Model):
    """Where a rule comes from (the figures that price it are SourcedFigures of their own)."""

    source_title = models.CharField(max_length=200, blank=True)
    source_url = models.URLField("source address", max_length=300, blank=True)
    source_year = models.PositiveSmallIntegerField(null=True, blank=True)

    class Meta:
        abstract = True


class Framework(Sourced):
    """A framework a region's organisations meet: the region's book the form offers."""

    code = models.CharField(max_length=40, choices=requirement_rules.FRAMEWORKS)
    region = models.CharField(max_length=2, blank=True, help_text=REGION_HELP)
    name = models.CharField(max_length=100)
    usual = models.BooleanField(
        default=False, help_text="Counted when someone is not sure which frameworks apply to them."
    )
    order = models.PositiveSmallIntegerField("display order", default=0)
    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["region", "order", "code"]
        constraints = [models.UniqueConstraint(fields=["code", "region"], name="one_framework_per_region")]

    def __str__(self) -> str:
        return f"{self.name} ({self.region or 'every region'})"


class Addon(models.Model):
    """Something bought beside an option so that it meets a requirement (patch monitoring, a BAA)."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=120, help_text="As the result names it, beside the option.")
    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["code"]
        verbose_name = "add-on"

    def __str__(self) -> str:
        return self.name


class AddonCost(SourcedFigure):
    """One priced part of an add-on: an amount or hours, per user, per device or once."""

    addon = models.ForeignKey(Addon, on_delete=models.CASCADE, related_name="costs")
    unit = models.CharField(max_length=30, choices=requirement_rules.ADDON_UNITS)
    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["addon", "unit"]
        verbose_name = "add-on cost"
        constraints = [
            models.UniqueConstraint(fields=["addon", "unit"], name="one_addon_cost_per_unit"),
            models.CheckConstraint(
                condition=models.Q(low__lte=models.F("expected")) & models.Q(expected__lte=models.F("high")),
                name="addon_cost_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.addon}: {self.get_unit_display()}"


class Requirement(Sourced):
    """One thing an insurer or a framework asks for, per region where it differs."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=160)
    framework = models.CharField(
        max_length=40, choices=((requirement_rules.INSURANCE, "Cyber insurance"), *requirement_rules.FRAMEWORKS)
    )
    region = models.CharField(max_length=2, blank=True, help_text=REGION_HELP)
    control = models.CharField(
        max_length=20,
        blank=True,
        choices=(*requirement_rules.CONTROLS, ("backup", "Restore-tested backups")),
        help_text="The organisation's own control that meets it whatever the option; blank for none.",
    )
    deadline_days = models.DecimalField(
        max_digits=6, decimal_places=2, null=True, blank=True, help_text="Days to apply a critical fix, if any."
    )
    order = models.PositiveSmallIntegerField("display order", default=0)
    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["order", "code"]

    def __str__(self) -> str:
        return self.name


class Consequence(SourcedFigure):
    """What failing a requirement costs: the insurer's lost payout (a share), or an amount over three years."""

    requirement = models.OneToOneField(Requirement, on_delete=models.CASCADE, related_name="consequence")
    kind = models.CharField(
        max_length=10,
        choices=(
            (requirement_rules.PAYOUT, "Share of a serious incident's cost the insurer would pay (0–1)"),
            (requirement_rules.FIXED, "Amount over three years"),
        ),
    )
    objects = ContentQuerySet.as_manager()

    class Meta:
        constraints = [
            models.CheckConstraint(
                condition=models.Q(low__lte=models.F("expected")) & models.Q(expected__lte=models.F("high")),
                name="consequence_range_ordered",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.requirement}: {self.get_kind_display()}"


class RequirementOption(models.Model):
    """How one option meets one requirement: as sold, with an add-on, or not at all, and what it shows for it."""

    requirement = models.ForeignKey(Requirement, on_delete=models.CASCADE, related_name="options")
    support_model = models.ForeignKey(SupportModel, on_delete=models.CASCADE, related_name="requirements")
    meets = models.CharField(max_length=12, choices=requirement_rules.MEETS)
    addon = models.ForeignKey(Addon, on_delete=models.PROTECT, null=True, blank=True)
    evidence = models.TextField(blank=True, help_text="What it produces to show it, one item a line.")
    objects = ContentQuerySet.as_manager()

    class Meta:
        ordering = ["requirement", "support_model__order"]
        verbose_name = "how an option meets it"
        verbose_name_plural = "how each option meets it"
        constraints = [
            models.UniqueConstraint(fields=["requirement", "support_model"], name="one_cell_per_requirement_option")
        ]

    def __str__(self) -> str:
        return f"{self.requirement} / {self.support_model}"


# The rate-limit counters' and the Idempotency-Keys' tables, in a module of their own (advisor/store_models.py).
from .store_models import IdempotencyKey as IdempotencyKey  # noqa: E402
from .store_models import RateCount as RateCount  # noqa: E402
