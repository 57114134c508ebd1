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
from django.db.models.fields.json import KeyTransform
from django.http import HttpRequest, HttpResponse
from django.utils.html import format_html

from .models import Assessment, Characteristic, Comment, CostParameter, Dimension, SupportModel

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
    list_display = ("name", "slug", "summary", "order", "is_active")
    list_editable = ("order", "is_active")
    list_filter = ("is_active",)
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


EXPORT_INPUTS = (
    "organisation_name", "industry", "employees", "devices", "sites", "it_staff", "incidents_per_month",
    "downtime_cost_per_hour", "operating_hours", "budget_preference", "growth", "compliance", "backup",
    "it_dependence", "hourly_rate", "msp_fee_per_user", "contact_consent", "email",
)


@admin.action(description="Export selected assessments as CSV", permissions=("view",))
def export_csv(modeladmin: admin.ModelAdmin, request: HttpRequest, queryset: QuerySet) -> HttpResponse:
    # Of each snapshot (about 30 kB), only the models' figures are read from the database.
    rows = list(queryset.order_by("created_at").defer("snapshot").annotate(
        result_models=KeyTransform("models", KeyTransform("result", "snapshot"))))
    slugs: list[str] = []
    for assessment in rows:
        for model in assessment.result_models or []:
            if model["slug"] not in slugs:
                slugs.append(model["slug"])
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="assessments.csv"'
    writer = csv.writer(response)
    per_model = ("fit", "overall", "cost_1y_expected", "cost_3y_low", "cost_3y_expected", "cost_3y_high")
    writer.writerow(["id", "scored_at", *EXPORT_INPUTS, "recommendation", "close_call",
                     *[f"{slug}_{column}" for slug in slugs for column in per_model]])
    for assessment in rows:
        models = {m["slug"]: m for m in assessment.result_models or []}
        values = []
        for slug in slugs:
            m = models.get(slug)
            values += ["", "", "", "", "", ""] if m is None else [
                m["fit"], m["overall"], m["cost"]["one_year"]["expected"], m["cost"]["three_years"]["low"],
                m["cost"]["three_years"]["expected"], m["cost"]["three_years"]["high"],
            ]
        inputs = [getattr(assessment, name) for name in EXPORT_INPUTS]
        # A leading =, +, - or @ would make a spreadsheet run the cell as a formula.
        inputs = [f"'{v}" if isinstance(v, str) and v[:1] in "=+-@" else v for v in inputs]
        writer.writerow([assessment.public_id, assessment.created_at.isoformat(), *inputs,
                         assessment.recommendation, assessment.close_call, *values])
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
    readonly_fields = [f.name for f in Assessment._meta.get_fields() if f.concrete and f.name != "id"] + [
        "scores", "snapshot_pretty", "result_link",
    ]
    exclude = ("snapshot",)
    fieldsets = (
        (None, {"fields": ("public_id", "created_at", "result_link", "recommendation_name", "close_call", "scores")}),
        ("Contact", {"fields": ("organisation_name", "contact_consent", "email")}),
        ("Answers", {"fields": ("industry", "employees", "devices", "sites", "it_staff", "incidents_per_month",
                                "downtime_cost_per_hour", "operating_hours", "budget_preference", "growth",
                                "compliance", "backup", "it_dependence", "hourly_rate", "msp_fee_per_user")}),
        ("Snapshot (as scored; read-only)", {"classes": ("collapse",), "fields": ("snapshot_pretty",)}),
    )

    def get_queryset(self, request: HttpRequest) -> QuerySet:
        # The list shows no part of the snapshot: a page of 100 rows would otherwise read and parse 3 MB of it.
        queryset = super().get_queryset(request)
        match = request.resolver_match
        return queryset.defer("snapshot") if match and match.url_name.endswith("_changelist") else queryset

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Assessment | None = None) -> bool:
        # Viewing is allowed through the view permission; nothing about a stored result may change.
        return False

    @admin.display(description="Scores")
    def scores(self, obj: Assessment) -> str:
        models = obj.snapshot.get("result", {}).get("models", [])
        return "; ".join(
            f"{m['name']}: fit {m['fit']:.0f}, overall {m['overall']:.0f}, "
            f"3 years ${m['cost']['three_years']['expected']:,.0f}"
            for m in models
        )

    @admin.display(description="Snapshot")
    def snapshot_pretty(self, obj: Assessment) -> str:
        return format_html("<pre>{}</pre>", json.dumps(obj.snapshot, indent=2, ensure_ascii=False))

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
