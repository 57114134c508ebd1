"""Declarative admin over the catalogue, the assessments and the comments."""
from __future__ import annotations

import csv
import json
import re

from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminTextareaWidget
from django.contrib.flatpages.admin import FlatPageAdmin
from django.contrib.flatpages.forms import FlatpageForm
from django.contrib.flatpages.models import FlatPage
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html

from . import snapshot
from .engine import answers
from .models import Assessment, Characteristic, Comment, CostParameter, Dimension, SharedFigure, SupportModel

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
    formfield_overrides = {**URL_AS_HTTPS, models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 3})}}
    fields = ("key", ("low", "expected", "high"), ("source_title", "source_year", "vendor_claim"), "source_url",
              "note")


@admin.register(SupportModel)
class SupportModelAdmin(admin.ModelAdmin):
    list_display = ("name", "slug", "pricing_type", "order", "is_active")
    list_editable = ("order", "is_active")
    list_filter = ("is_active", "pricing_type")
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
    list_display = ("key", "support_model", "low", "expected", "high", "vendor_claim", "source_title")
    list_filter = ("support_model", "vendor_claim", "key")
    list_select_related = ("support_model",)
    search_fields = ("source_title", "note")


@admin.register(SharedFigure)
class SharedFigureAdmin(admin.ModelAdmin):
    """The cost model's figures that hold for every option (see advisor/engine/costs.py)."""

    formfield_overrides = {**URL_AS_HTTPS, models.TextField: {"widget": AdminTextareaWidget(attrs={"rows": 3})}}
    list_display = ("label", "key", "low", "expected", "high", "vendor_claim", "source_title")
    list_filter = ("vendor_claim",)
    search_fields = ("label", "source_title", "note")
    fields = ("key", "label", ("low", "expected", "high"), ("source_title", "source_year", "vendor_claim"),
              "source_url", "note")


EXPORT_INPUTS = ("organisation_name", *(q.name for q in answers.QUESTIONS), "contact_consent", "email")
EXPORT_PER_OPTION = ("fit", "overall", "bills_3y", "lost_work_3y", "risk_3y", "cost_3y_low", "cost_3y_expected",
                     "cost_3y_high", "chance_cheapest")


def _cell(value: object) -> object:
    """A leading =, +, - or @ would make a spreadsheet run a text cell as a formula."""
    return f"'{value}" if isinstance(value, str) and value[:1] and value[:1] in "=+-@" else value


@admin.action(description="Export selected assessments as CSV", permissions=("view",))
def export_csv(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
    # defer(None): the changelist defers the stored results, which the export reads (one query in all).
    rows = list(queryset.order_by("created_at").select_related("catalogue_record").defer(None))
    results = [snapshot.load(a).result for a in rows]
    slugs: list[str] = []
    for result in results:
        slugs += [o.slug for o in result.options if o.slug not in slugs]
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="assessments.csv"'
    writer = csv.writer(response)
    writer.writerow(["id", "scored_at", *EXPORT_INPUTS, "recommendation", "close_call", "model_version",
                     *[f"{slug}_{column}" for slug in slugs for column in EXPORT_PER_OPTION]])
    for assessment, result in zip(rows, results):
        options = {o.slug: o for o in result.options}
        values: list[object] = []
        for slug in slugs:
            o = options.get(slug)
            values += [""] * len(EXPORT_PER_OPTION) if o is None else [
                o.fit, o.overall, o.cost.parts.bills.expected, o.cost.parts.lost_work.expected,
                o.cost.parts.risk.expected, o.cost.three_years.low, o.cost.three_years.expected,
                o.cost.three_years.high, "" if o.cost.chance_cheapest is None else o.cost.chance_cheapest,
            ]
        inputs = [_cell(getattr(assessment, name)) for name in EXPORT_INPUTS]
        writer.writerow([assessment.public_id, assessment.created_at.isoformat(), *inputs,
                         assessment.recommendation, assessment.close_call, result.version, *values])
    return response


@admin.register(Assessment)
class AssessmentAdmin(admin.ModelAdmin):
    date_hierarchy = "created_at"
    list_display = ("created_at", "__str__", "employees", "industry", "recommendation_name", "close_call",
                    "contact_consent")
    list_filter = ("recommendation_name", "close_call", "industry", "operating_hours", "compliance",
                   "contact_consent", "created_at")
    search_fields = ("organisation_name", "email", "public_id")
    actions = (export_csv,)
    readonly_fields = [f.name for f in Assessment._meta.get_fields()
                       if f.concrete and f.name not in ("id", "result_document")] + ["scores", "stored_pretty",
                                                                                    "result_link"]
    exclude = ("result_document",)
    fieldsets = (
        (None, {"fields": ("public_id", "created_at", "result_link", "recommendation_name", "close_call", "scores")}),
        ("Contact", {"fields": ("organisation_name", "contact_consent", "email")}),
        ("Answers", {"fields": tuple(q.name for q in answers.QUESTIONS)}),
        ("Result as stored (read-only)", {"classes": ("collapse",),
                                          "fields": ("result_version", "catalogue_record", "stored_pretty")}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The list shows no part of the stored result: a page of 100 rows need not read 100 documents.
        queryset = super().get_queryset(request)
        match = request.resolver_match
        if match and match.url_name.endswith("_changelist"):
            return queryset.defer("result_document")
        return queryset.select_related("catalogue_record")

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Assessment | None = None) -> bool:
        # Viewing is allowed through the view permission; nothing about a stored result may change.
        return False

    @admin.display(description="Scores")
    def scores(self, obj: Assessment) -> str:
        return "; ".join(
            f"{o.name}: fit {o.fit:.0f}, overall {o.overall:.0f}, 3 years ${o.cost.three_years.expected:,.0f} "
            f"(bills ${o.cost.parts.bills.expected:,.0f}, lost work ${o.cost.parts.lost_work.expected:,.0f}, "
            f"risk ${o.cost.parts.risk.expected:,.0f})"
            for o in snapshot.load(obj).result.options
        )

    @admin.display(description="Stored result")
    def stored_pretty(self, obj: Assessment) -> str:
        stored = snapshot.load(obj)
        document = {"version": stored.version, "scored_at": stored.scored_at,
                    "inputs": snapshot.to_plain(stored.profile), "result": snapshot.to_plain(stored.result)}
        return format_html("<pre>{}</pre>", json.dumps(document, indent=2, ensure_ascii=False))

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
        self.message_user(request, f"Approved {count} comment(s); they now show on the comparison page.",
                          messages.SUCCESS)

    @admin.action(description="Unapprove selected comments")
    def unapprove(self, request: HttpRequest, queryset: QuerySet) -> None:
        count = queryset.update(is_approved=False)
        self.message_user(request, f"Unapproved {count} comment(s); they are hidden again.", messages.SUCCESS)


# --- Flat pages ("How the advice works") ------------------------------------------------------------------------

# Inline script or style, which the site's Content-Security-Policy refuses to run or apply.
_INLINE = re.compile(r"<\s*(script|style)\b|\sstyle\s*=|\son[a-z]+\s*=|javascript:", re.IGNORECASE)


class PageForm(FlatpageForm):
    """Django's flat page form, refusing what the page could not show: inline style or script, a second <h1>."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["content"].help_text = (
            "HTML. Start headings at <h2>: the title above is the page's <h1>. Inline style and script do not "
            "work on this site (its Content-Security-Policy blocks them)."
        )

    def clean_content(self) -> str:
        content = self.cleaned_data["content"]
        if _INLINE.search(content):
            raise ValidationError(
                "Remove the inline style or script: the site's Content-Security-Policy blocks it.", code="inline"
            )
        if re.search(r"<\s*h1\b", content, re.IGNORECASE):
            raise ValidationError("Start headings at <h2>: the title is the page's <h1>.", code="h1")
        return content


admin.site.unregister(FlatPage)


@admin.register(FlatPage)
class PageAdmin(FlatPageAdmin):
    form = PageForm
