"""Declarative admin over the catalogue, the assessments and the comments."""

from __future__ import annotations

import json
import logging
import re
import uuid
from datetime import date, datetime

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.widgets import AdminTextareaWidget
from django.contrib.auth.admin import UserAdmin
from django.contrib.auth.models import User
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.forms import FlatpageForm
from django.contrib.flatpages.models import FlatPage
from django.core.exceptions import ValidationError
from django.core.handlers.asgi import ASGIRequest
from django.core.paginator import Paginator
from django.db import DatabaseError, connections, models
from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import pagehtml, report, snapshot
from .catalogue import DEFAULT_REGION
from .engine import answers
from .export import EXPORT_INPUTS, EXPORT_PER_OPTION, CsvExport  # noqa: F401 - the export's columns, named here too
from .models import (
    Addon,
    AddonCost,
    Assessment,
    Characteristic,
    Comment,
    Consequence,
    CostParameter,
    Dimension,
    Framework,
    Region,
    Requirement,
    RequirementOption,
    SharedFigure,
    SupportModel,
)
from .protect import twofactor

logger = logging.getLogger(__name__)

admin.site.site_header = "advisor administration"
admin.site.site_title = "advisor admin"


class CharacteristicInline(admin.StackedInline):
    model = Characteristic
    extra = 0
    fields = ("dimension", "headline", "description", "rating")
    autocomplete_fields = ("dimension",)


# A source address typed without a scheme is taken as https (Django 6's default, chosen now).
URL_AS_HTTPS = {models.URLField: {"assume_scheme": "https"}}


class CostParameterInline(admin.StackedInline):
    """Stacked, a figure's range on one line and its source on the next: as a table, the ten columns with their
    note and source address ran to 2,900 pixels, and staff had to scroll sideways to reach the note."""

    model = CostParameter
    extra = 0
    verbose_name_plural = "cost figures, United States (each other country's under Cost parameters, by country)"
    formfield_overrides = {**URL_AS_HTTPS, models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 3})}}
    fields = (
        ("region", "key"),
        ("low", "expected", "high"),
        ("source_title", "source_year", "vendor_claim"),
        "source_url",
        "note",
        "stand_in",
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # One country's book on the option's page: all eight are some 240 figures, too many to read or to post
        # (Django refuses a form of more than DATA_UPLOAD_MAX_NUMBER_FIELDS fields).
        return super().get_queryset(request).filter(region_id=DEFAULT_REGION)


@admin.register(SupportModel)
class SupportModelAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "pricing_type", "pricing_basis", "order", "is_active")
    list_editable = ("order", "is_active")
    list_filter = ("is_active", "pricing_type", "pricing_basis")
    search_fields = ("name", "summary")
    prepopulated_fields = {"slug": ("name",)}
    inlines = (CharacteristicInline, CostParameterInline)


@admin.register(Dimension)
class DimensionAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "weight", "order")
    list_editable = ("weight", "order")
    search_fields = ("name", "question")
    prepopulated_fields = {"slug": ("name",)}


@admin.register(Characteristic)
class CharacteristicAdmin(admin.ModelAdmin):
    list_display = ("headline", "support_model", "dimension", "rating")
    list_filter = ("support_model", "dimension")
    list_select_related = ("support_model", "dimension")
    search_fields = ("headline", "description")


@admin.register(CostParameter)
class CostParameterAdmin(admin.ModelAdmin):
    formfield_overrides = URL_AS_HTTPS
    list_display = ("key", "support_model", "region", "low", "expected", "high", "vendor_claim", "source_title")
    list_filter = ("region", "support_model", "vendor_claim", "key")
    list_select_related = ("support_model",)
    search_fields = ("source_title", "note")


@admin.register(SharedFigure)
class SharedFigureAdmin(admin.ModelAdmin):
    """The cost model's figures that hold for every option (see advisor/engine/costs.py)."""

    formfield_overrides = {**URL_AS_HTTPS, models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 3})}}
    list_display = ("label", "key", "region", "low", "expected", "high", "vendor_claim", "source_title")
    list_filter = ("region", "vendor_claim")
    search_fields = ("label", "source_title", "note")
    fields = (
        "region",
        "key",
        "label",
        ("low", "expected", "high"),
        ("source_title", "source_year", "vendor_claim"),
        "source_url",
        "note",
        "stand_in",
    )


@admin.register(Region)
class RegionAdmin(admin.ModelAdmin):
    """The countries whose prices the advisor knows; each has its price book in the figures above."""

    formfield_overrides = URL_AS_HTTPS
    list_display = (
        "name",
        "code",
        "currency",
        "locale",
        "tax_name",
        "tax_rate",
        "tax_year",
        "dollar_rate",
        "dollar_rate_year",
        "order",
        "is_active",
    )
    list_editable = ("order", "is_active")
    fields = (
        ("code", "name"),
        ("currency", "locale"),
        ("tax_name", "tax_rate", "tax_year", "tax_partly_share"),
        ("tax_source_title", "tax_source_url"),
        ("dollar_rate", "dollar_rate_source", "dollar_rate_year"),
        ("order", "is_active"),
    )


@admin.action(description="Export selected assessments as CSV", permissions=("view",))
def export_csv(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> StreamingHttpResponse:
    export = CsvExport(queryset)
    # Under ASGI, an asynchronous iterator; under WSGI a plain one (Django would read an asynchronous one whole
    # into memory first, and warn).
    content = aiter(export) if isinstance(request, ASGIRequest) else iter(export)
    response = StreamingHttpResponse(content, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="assessments.csv"'
    return response


class RecommendedFilter(admin.SimpleListFilter):
    """The recommended option, listed from the catalogue (a few rows) rather than from every assessment."""

    title = "recommended"
    parameter_name = "recommended"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return list(SupportModel.objects.order_by("order", "name").values_list("slug", "name"))

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        return queryset.filter(recommendation=self.value()) if self.value() else queryset


class IndexedBooleanFilter(admin.SimpleListFilter):
    """Yes / No on a boolean column, compared as `IN (1)`: Django writes `WHERE "close_call"` for an exact match
    on True, which SQLite cannot look up in an index (it reads the whole index instead)."""

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        return [("1", "Yes"), ("0", "No")]

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if self.value() not in ("1", "0"):
            return queryset
        return queryset.filter(**{f"{self.parameter_name}__in": [self.value() == "1"]})


class CloseCallFilter(IndexedBooleanFilter):
    title = "close call"
    parameter_name = "close_call"


class ContactConsentFilter(IndexedBooleanFilter):
    title = "may contact"
    parameter_name = "contact_consent"


class MonthScoredFilter(admin.SimpleListFilter):
    """The month an assessment was scored, over the retention period: a range on the indexed date.

    In place of Django's date drill-down, which lists the years and months found by truncating every row's
    date (SQLite does it row by row, no index helps) on every page.
    """

    title = "month scored"
    parameter_name = "month"

    def lookups(self, request: HttpRequest, model_admin: admin.ModelAdmin) -> list[tuple[str, str]]:
        today = timezone.localdate()
        months = []
        year, month = today.year, today.month
        for _ in range(settings.ASSESSMENT_RETENTION_DAYS // 30 + 1):
            months.append((f"{year:04d}-{month:02d}", date(year, month, 1).strftime("%B %Y")))
            year, month = (year, month - 1) if month > 1 else (year - 1, 12)
        return months

    def queryset(self, request: HttpRequest, queryset: QuerySet) -> QuerySet:
        if not self.value():
            return queryset
        try:
            year, month = (int(part) for part in self.value().split("-"))
            start = timezone.make_aware(datetime(year, month, 1))
        except ValueError as error:
            raise IncorrectLookupParameters(error) from None
        end = timezone.make_aware(datetime(year + month // 12, month % 12 + 1, 1))
        return queryset.filter(created_at__gte=start, created_at__lt=end)


class EstimatedCountPaginator(Paginator):
    """Counts exactly, except the whole of a large table on PostgreSQL, where it reads the planner's estimate.

    A page of the unfiltered list would otherwise count a million rows on every view. A filtered list counts
    through the filter's index (see Assessment.Meta.indexes).
    """

    EXACT_BELOW = 100_000

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        connection = connections[queryset.db]
        if connection.vendor != "postgresql" or queryset.query.where:
            return super().count
        table = connection.ops.quote_name(queryset.model._meta.db_table)
        # One query either way: the estimate (kept by autovacuum's ANALYZE) for a large table, an exact count
        # for a small one, where the estimate may be stale or -1 (never analysed) and counting is cheap.
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT CASE WHEN reltuples >= %s THEN reltuples::bigint "  # no user input
                f"ELSE (SELECT COUNT(*) FROM {table}) END FROM pg_class WHERE oid = %s::regclass",
                [self.EXACT_BELOW, queryset.model._meta.db_table],
            )
            return int(cursor.fetchone()[0])


def _readable(show, obj: Assessment) -> str:
    """What `show` makes of the assessment's stored result, or a note that it cannot be read (a damaged or unknown
    document): the rest of the page still shows the row's columns. Database errors are not the row's."""
    try:
        return show(obj)
    except DatabaseError:
        raise
    except Exception:
        logger.exception("The stored result of assessment %s could not be read", obj.pk)
        return "(The stored result cannot be read.)"


# ---- What insurers and frameworks ask (advisor/engine/requirements.py) -------------------------------------

FIGURE_FIELDS = (("low", "expected", "high"), ("source_title", "source_year", "vendor_claim"), "source_url", "note")
NOTE_ROWS = {**URL_AS_HTTPS, models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 3})}}


@admin.register(Framework)
class FrameworkAdmin(admin.ModelAdmin):
    """Each region's book: the frameworks the form offers its organisations."""

    formfield_overrides = URL_AS_HTTPS
    list_display = ("name", "code", "region", "usual", "order", "source_title", "source_year")
    list_editable = ("usual", "order")
    list_filter = ("region", "usual")


class AddonCostInline(admin.StackedInline):
    model = AddonCost
    extra = 0
    formfield_overrides = NOTE_ROWS
    fields = ("unit", *FIGURE_FIELDS)


@admin.register(Addon)
class AddonAdmin(admin.ModelAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")
    inlines = (AddonCostInline,)


class ConsequenceInline(admin.StackedInline):
    model = Consequence
    extra = 0
    formfield_overrides = NOTE_ROWS
    fields = ("kind", *FIGURE_FIELDS)


class RequirementOptionInline(admin.TabularInline):
    model = RequirementOption
    extra = 0
    formfield_overrides = {models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 2})}}
    fields = ("support_model", "meets", "addon", "evidence")


@admin.register(Requirement)
class RequirementAdmin(admin.ModelAdmin):
    """One thing an insurer or framework asks, what failing it costs, and how each option meets it."""

    formfield_overrides = URL_AS_HTTPS
    list_display = ("name", "code", "framework", "region", "control", "deadline_days", "order")
    list_editable = ("order",)
    list_filter = ("framework", "region")
    search_fields = ("name", "code")
    inlines = (ConsequenceInline, RequirementOptionInline)


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    """A list that costs the same at a thousand rows as at a million: no full count (show_full_result_count),
    the planner's estimate for the unfiltered count on PostgreSQL, filters and search served by indexes."""

    list_display = (
        "created_at",
        "__str__",
        "employees",
        "industry",
        "recommendation_name",
        "close_call",
        "contact_consent",
    )
    list_filter = (
        RecommendedFilter,
        CloseCallFilter,
        "industry",
        "operating_hours",
        "compliance",
        ContactConsentFilter,
        "created_at",
        MonthScoredFilter,
    )
    search_fields = ("organisation_name", "email", "public_id")
    search_help_text = "The start of an organisation's name, a whole email address, or a result's id."
    show_full_result_count = False
    paginator = EstimatedCountPaginator
    actions = (export_csv,)
    readonly_fields = [
        f.name for f in Assessment._meta.get_fields() if f.concrete and f.name not in ("id", "result_document")
    ] + ["scores", "stored_pretty", "result_link", "quote_list"]
    exclude = ("result_document",)
    fieldsets = (
        (None, {"fields": ("public_id", "created_at", "result_link", "recommendation_name", "close_call", "scores")}),
        ("Contact", {"fields": ("organisation_name", "contact_consent", "email")}),
        ("Answers", {"fields": ("region", *(q.name for q in answers.QUESTIONS))}),
        ("Quotes", {"fields": ("quote_count", "quote_list", "best_quote_name", "best_quote_total", "share_id")}),
        (
            "Result as stored (read-only)",
            {"classes": ("collapse",), "fields": ("result_version", "catalogue_record", "stored_pretty")},
        ),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The list shows no part of the stored result: a page of 100 rows need not read 100 documents.
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if match and match.url_name.endswith("_changelist"):
            return queryset.defer("result_document")
        return queryset.select_related("catalogue_record")

    def get_search_results(self, request: HttpRequest, queryset: QuerySet, search_term: str) -> tuple[QuerySet, bool]:
        """A result's id, a whole email address or the start of a name, each found through an index (a search
        for text anywhere in a name would read every row)."""
        term = search_term.strip()
        if not term:
            return queryset, False
        try:
            return queryset.filter(public_id=uuid.UUID(term)), False
        except ValueError:
            pass
        if "@" in term:
            return queryset.filter(email__iexact=term), False
        return queryset.filter(organisation_name__istartswith=term), False

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Assessment | None = None) -> bool:
        # Viewing is allowed through the view permission; nothing about a stored result may change.
        return False

    @admin.display(description="Scores")
    def scores(self, obj: Assessment) -> str:
        return _readable(self._scores, obj)

    def _scores(self, obj: Assessment) -> str:
        return "; ".join(
            f"{o.name}: fit {o.fit:.0f}, overall {o.overall:.0f}, 3 years ${o.cost.three_years.expected:,.0f} "
            f"(bills ${o.cost.parts.bills.expected:,.0f}, lost work ${o.cost.parts.lost_work.expected:,.0f}, "
            f"risk ${o.cost.parts.risk.expected:,.0f})"
            for o in snapshot.load(obj).result.options
        )

    @admin.display(description="Stored result")
    def stored_pretty(self, obj: Assessment) -> str:
        return _readable(self._stored_pretty, obj)

    def _stored_pretty(self, obj: Assessment) -> str:
        stored = snapshot.load(obj)
        document = {
            "version": stored.version,
            "scored_at": stored.scored_at,
            "inputs": snapshot.to_plain(stored.profile),
            "result": snapshot.to_plain(stored.result),
        }
        return format_html("<pre>{}</pre>", json.dumps(document, indent=2, ensure_ascii=False))

    @admin.display(description="Quotes as entered")
    def quote_list(self, obj: Assessment) -> str:
        if not obj.quote_count:
            return "None"
        return _readable(self._quote_list, obj)

    def _quote_list(self, obj: Assessment) -> str:
        stored = snapshot.load(obj)
        return format_html_join(
            mark_safe("<br>"),
            "<strong>{}</strong>: {}",
            ((q.name, report.quote_terms(q)) for q in stored.profile.quotes),
        )

    @admin.display(description="Result page")
    def result_link(self, obj: Assessment) -> str:
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), obj.get_absolute_url())


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    formfield_overrides = URL_AS_HTTPS
    list_display = ("name", "short_text", "created_at", "is_approved")
    list_filter = ("is_approved", "created_at")
    search_fields = ("name", "email", "text")
    actions = ("approve", "unapprove")

    @admin.display(description="Comment")
    def short_text(self, obj: Comment) -> str:
        return obj.text if len(obj.text) <= 80 else obj.text[:77] + "…"

    @admin.action(description="Approve selected comments")
    def approve(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.update(is_approved=True)
        self.message_user(
            request, f"Approved {count} comment(s); they now show on the comparison page.", messages.SUCCESS
        )

    @admin.action(description="Unapprove selected comments")
    def unapprove(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.update(is_approved=False)
        self.message_user(request, f"Unapproved {count} comment(s); they are hidden again.", messages.SUCCESS)


# --- Flat pages ("How the advice works") ------------------------------------------------------------------------


class PageForm(FlatpageForm):
    """Django's flat page form, keeping only the HTML the page may show (advisor.pagehtml's allow-list, applied by
    nh3). Content with anything else is not saved: the error beside the field names what cleaning would remove,
    and what was typed stays in the field; saved content is the sanitiser's output."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["content"].help_text = (
            "HTML: headings from <h2> (the title above is the page's <h1>), paragraphs, links, lists and tables. "
            "Anything else (script, style, images, frames, forms, meta, event attributes, javascript: links) is "
            "not kept; the form says what it would remove."
        )

    def clean_content(self) -> str:
        content = self.cleaned_data["content"]
        if re.search(r"<\s*h1\b", content, re.IGNORECASE):
            raise ValidationError("Start headings at <h2>: the title is the page's <h1>.", code="h1")
        gone = pagehtml.removed(content)
        if gone:
            raise ValidationError(
                "This page may only hold headings, paragraphs, links, lists and tables. Saving would remove: "
                "%(removed)s. Take them out (or change them) and save again.",
                code="removed",
                params={"removed": ", ".join(gone)},
            )
        return pagehtml.clean(content)


admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class PageAdmin(FlatPageAdmin):
    form = PageForm


# --- Staff accounts and their second factor (advisor/protect/twofactor.py) ---

# The devices hold each account's set-up key: the admin never shows them. A superuser resets an account's
# second factor with the action below instead, and the account sets it up again at its next sign-in.
admin.site.unregister(TOTPDevice)
admin.site.unregister(StaticDevice)
admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = (*UserAdmin.list_display, "second_factor")
    actions = ["reset_second_factor"]

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        app_devices = TOTPDevice.objects.filter(user=models.OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(has_second_factor=models.Exists(app_devices))

    @admin.display(description="Second factor set up", boolean=True, ordering="has_second_factor")
    def second_factor(self, user: User) -> bool:
        return user.has_second_factor

    def has_reset_second_factor_permission(self, request: HttpRequest) -> bool:
        return request.user.is_superuser

    @admin.action(
        description="Reset the second factor of selected users (they set it up again at their next sign-in)",
        permissions=["reset_second_factor"],
    )
    def reset_second_factor(self, request: HttpRequest, queryset: QuerySet) -> None:
        names = []
        for user in queryset:
            twofactor.reset(user)
            self.log_change(request, user, "Reset the second factor: the account sets it up again at next sign-in.")
            names.append(user.get_username())
        self.message_user(
            request,
            f"Second factor reset for {', '.join(names)}: they set it up again at their next sign-in.",
            messages.SUCCESS,
        )
