"""HTML pages. Thin: bind the form, validate, call the service, render or redirect."""

from __future__ import annotations

import logging
import uuid
from decimal import Decimal

from django.contrib import messages
from django.db import DatabaseError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.crypto import salted_hmac
from django.utils.functional import SimpleLazyObject
from django.utils.html import escape
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from . import catalogue, charts, phonecharts, regions, report, selectors, services, snapshot
from .catalogue import content_version, load_comparison
from .engine import answers, money
from .forms import ASSESSMENT_DEFAULTS, PROFILE_FIELDS, AssessmentForm, CommentForm
from .models import Assessment, Comment
from .protect import stores
from .protect.sameorigin import same_origin_only
from .protect.spam import STARTED, started_token

logger = logging.getLogger(__name__)


def _readable(read, assessment: Assessment, default):
    """`read(assessment)`, or `default` when the row's stored result cannot be read (a damaged or unknown
    document): pages show what the row's columns hold rather than a 500. Database errors are not the row's."""
    try:
        return read(assessment)
    except DatabaseError:
        raise
    except Exception:
        logger.exception("The stored result of assessment %s could not be read", assessment.pk)
        return default


def _comparison_page(request: HttpRequest, posted: CommentForm | None) -> HttpResponse:
    """The comparison page, with `posted`, a comment form sent back with its errors, or a blank one (None).

    The table, the approved comments and a blank comment form's fields are rendered into the "fragments"
    cache, the first two under the content version; what they are made from is built only when the template
    must render them again (lazily). The comment form's signed serving time is new on every request.
    """
    return render(
        request,
        "advisor/comparison.html",
        {
            "content_version": content_version(),
            "comparison": SimpleLazyObject(load_comparison),
            "comments": SimpleLazyObject(lambda: Comment.objects.filter(is_approved=True)),
            "comment_form": posted or SimpleLazyObject(CommentForm),
            "posted": posted is not None,
            "started": posted[STARTED].value() if posted else started_token(),
        },
    )


@require_safe
def comparison(request: HttpRequest) -> HttpResponse:
    return _comparison_page(request, None)


@require_POST
@same_origin_only
def comment_post(request: HttpRequest) -> HttpResponse:
    form = CommentForm(request.POST)
    if not form.is_valid():
        return _comparison_page(request, form)
    services.comment_create(**form.cleaned_data)
    messages.success(request, "Thank you. Your comment is held for moderation and will appear once approved.")
    return redirect(reverse("advisor:comparison") + "#comments")


def start_again(assessment: Assessment) -> tuple[dict, list[dict]]:
    """An assessment's answers and quotes, to fill the form with ("start again", the what-if form): read from the
    result they were stored with, as "score again" reads them (an hourly rate or MSP fee an earlier form asked for
    comes back as a quote). Contact details are never copied. When the stored result cannot be read, what the
    row's columns hold, without quotes."""
    stored = _readable(snapshot.load, assessment, None)
    if stored is None:
        columns = {name: _unsigned(getattr(assessment, name)) for name in PROFILE_FIELDS}
        return {**columns, "organisation_name": assessment.organisation_name, "region": assessment.region}, []
    profile = selectors.answers_again(stored)
    initial = {
        **{name: _as_typed(getattr(profile, name)) for name in PROFILE_FIELDS if name not in answers.READ_AS_QUOTES},
        "organisation_name": assessment.organisation_name,
        "cyber_insurance": profile.cyber_insurance,
        "frameworks": list(profile.frameworks),
        "controls": list(profile.controls),
        "region": profile.region,
    }
    return initial, snapshot.to_plain(profile.quotes)


def _as_typed(value):
    """A number as a person types it: 12, not 12.0."""
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _unsigned(value):
    """A stored -0 (kept before the form read it as 0) as 0."""
    return value + 0 if isinstance(value, Decimal) and value.is_zero() else value


def _prefill(raw_id: str | None) -> Assessment | None:
    """The assessment named in `?from=`, or None when the id is malformed or unknown."""
    try:
        return Assessment.objects.filter(public_id=uuid.UUID(raw_id)).first() if raw_id else None
    except ValueError:
        return None


@require_http_methods(["GET", "HEAD", "POST"])
def assess(request: HttpRequest) -> HttpResponse:
    region, by_language = regions.for_request(request)
    if request.method == "POST":
        form = AssessmentForm(request.POST)
        region = form.region_spec
        if form.is_valid():
            data = form.cleaned_data
            try:
                assessment = services.assessment_create(
                    scored=services.assessment_score(profile=form.to_profile()),
                    organisation_name=data["organisation_name"],
                    email=data["email"],
                    contact_consent=data["contact_consent"],
                )
            except services.TooLarge as error:  # nothing was stored: the answers come back, with the reason
                form.add_error(None, str(error))
            else:
                return redirect(assessment)
        blank = False
    else:
        original = _prefill(request.GET.get("from"))
        blank = original is None
        prefill, quotes = start_again(original) if original else ({}, None)
        if original is not None and "region" not in request.GET:  # its answers, in its own currency
            region, by_language = regions.region_of(original.region) or region, False
        # Made only when the template renders it: a blank form's fields usually come from the cache, and
        # making the form (Django deep-copies its fields) would cost more than the rest of the page.
        form = SimpleLazyObject(
            lambda: AssessmentForm(
                initial={**ASSESSMENT_DEFAULTS, **prefill, "region": region.code}, initial_quotes=quotes, region=region
            )
        )
    # A blank form is the same for everyone: the template keeps its rendered fields in the "fragments" cache.
    # The CSRF token sits outside them and is rendered on every request.
    low, high = answers.TYPICAL_PROBLEMS_PER_PERSON_MONTH
    response = render(
        request,
        "advisor/assess.html",
        {
            "form": form,
            "blank": blank,
            "problems": {"low": low, "high": high},
            "region": region,
            "regions": SimpleLazyObject(regions.choices),
            "currency_words": regions.currency_words(region.currency),
            # the blank form offers the frameworks staff edit (called only when the template asks)
            "content_version": content_version,
        },
    )
    if by_language and request.method != "POST":
        patch_vary_headers(response, ["Accept-Language"])
    if not blank:
        # One organisation's answers and quotes, shown again: kept by the browser only, as its result is.
        patch_cache_control(response, private=True, no_cache=True)
    return response


def _result_page(assessment: Assessment, *, shared: bool) -> dict:
    """What the result page's body shows, read from the assessment's stored result (snapshot.py); `shared`: as
    shown at the link that leaves the person's quotes out. When that cannot be read, {"unreadable": True}: the
    page then shows what the row's columns hold, and the ways to start again or delete it."""
    return _readable(lambda a: _result_page_of(a, shared=shared), assessment, {"unreadable": True})


def _result_page_of(assessment: Assessment, *, shared: bool) -> dict:
    stored = snapshot.load(assessment)
    if shared:
        stored = report.without_quotes(stored)
    with regions.amounts_in(stored) as currency:  # every amount the page's parts write is in the result's own
        return _result_page_in(stored, currency)


def _result_page_in(stored: snapshot.StoredResult, currency: money.Currency) -> dict:
    result = stored.result
    total_weight = sum(max(0.0, n.weight) for n in result.needs) or 1.0
    changes, unchanged = report.tipping_lines(result)
    return {
        "stored": stored,
        "result": result,
        "currency": currency,
        "money_line": regions.money_line(stored),
        "currency_words": regions.currency_words(currency),
        "options": result.options,
        "cost_rows": report.cost_rows(result),
        "tie": report.is_tie(stored),
        "cheapest_sentence": report.cheapest_sentence(stored),
        "changes": changes,
        "unchanged": unchanged,
        "answers": report.answer_rows(stored),
        "figures": report.figures_as_scored(stored),
        "ranking": report.cost_ranking(result),
        "quote_cards": report.quote_cards(result),
        "requirement_rows": report.requirement_rows(result),
        "cost_chart": charts.cost_chart(result.options),
        "part_legend": [name for name, _colour in charts.PART_STYLES],
        "fit_chart": charts.fit_chart(result.options, result.needs),
        "cost_chart_phone": phonecharts.cost_chart(result.options),
        "fit_chart_phone": phonecharts.fit_chart(result.options, result.needs),
        "fit_rows": [
            {"need": n, "cells": [(o.name, charts.met_share(o, n, total_weight)) for o in result.options]}
            for n in result.needs
        ],
        "depends": result.depends,
    }


# Stands for the request's scheme and host in the cached result page (_result): unguessable, so no answer
# typed into a form can contain it.
ORIGIN_MARK = "origin-" + salted_hmac("advisor.views.origin", "mark").hexdigest()[:20]


def _result(request: HttpRequest, key: uuid.UUID, *, shared: bool) -> HttpResponse:
    # Whether it still exists is asked on every request: a deleted result is a 404 at once. A stored result
    # never changes, so the template keeps its title and body in the "fragments" cache under its id (the
    # body also under the address it is shared at); the row and its snapshot are read, and the page worked
    # out, only when those fragments are missing (lazily).
    field = "share_id" if shared else "public_id"
    if not selectors.assessment_exists(field_name=field, value=key):
        raise Http404("No assessment has this id.")
    assessment = SimpleLazyObject(
        lambda: get_object_or_404(Assessment.objects.select_related("catalogue_record"), **{field: key})
    )
    response = render(
        request,
        "advisor/result.html",
        {
            "public_id": key,
            "shared": shared,
            "assessment": assessment,
            "page": SimpleLazyObject(lambda: _result_page(assessment, shared=shared)),
            # The links are written with a stand-in for the scheme and host, put in below: the cached body is
            # the same whatever Host (and port) a request names, so a stream of made-up ports fills no cache.
            "share_url": ORIGIN_MARK + request.path,  # the page's own address, as the URLconf wrote it
            "shared_url": SimpleLazyObject(
                lambda: ORIGIN_MARK + assessment.get_shared_url() if assessment.share_id else ""
            ),
        },
    )
    origin = escape(request.build_absolute_uri("/").rstrip("/"))
    response.content = response.content.replace(ORIGIN_MARK.encode(), origin.encode())
    return response


# One organisation's result: browsers may keep it but must ask again before showing it (a deleted result is
# gone at once); shared caches (proxies, CDNs) keep nothing.
@require_safe
@cache_control(private=True, no_cache=True)
def result(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _result(request, public_id, shared=False)


@require_safe
@cache_control(private=True, no_cache=True)
def result_shared(request: HttpRequest, share_id: uuid.UUID) -> HttpResponse:
    """The same result at a second permanent link that leaves the person's quotes out, and links nowhere that
    would show them (no "start again", which reads the answers)."""
    return _result(request, share_id, shared=True)


@require_http_methods(["GET", "HEAD", "POST"])
def rescore(request: HttpRequest, public_id: str) -> HttpResponse:
    """Score the same answers again with today's figures, as a new assessment (GET asks first).

    Asking on a page of its own keeps the result page free of forms, so it is the same for everyone who
    opens a shared link and sets no CSRF cookie.
    """
    original = get_object_or_404(Assessment.objects.select_related("catalogue_record"), public_id=public_id)
    if request.method != "POST":
        return render(request, "advisor/rescore.html", {"assessment": original})
    # The answers as stored with the result; when that cannot be read, or its country is no longer offered, the
    # form, filled from what can be read, says what to change.
    stored = _readable(snapshot.load, original, None)
    if stored is None or catalogue.region_of(stored.profile.region) is None:
        return redirect(reverse("advisor:assess") + f"?from={original.public_id}")
    try:
        assessment = services.assessment_create(
            scored=services.assessment_score(profile=selectors.answers_again(stored)),
            organisation_name=original.organisation_name,
        )
    except services.TooLarge as error:  # nothing stored: the answers, on the form, to change
        messages.error(request, str(error))
        return redirect(reverse("advisor:assess") + f"?from={original.public_id}")
    messages.info(request, "Scored again with today's figures. Your earlier result is unchanged at its own link.")
    return redirect(assessment)


@require_http_methods(["GET", "HEAD", "POST"])
def delete(request: HttpRequest, public_id: str) -> HttpResponse:
    # Only what the page and the deletion need: a row whose other columns cannot be read is deleted all the same.
    assessment = get_object_or_404(Assessment.objects.only("pk", "public_id", "created_at"), public_id=public_id)
    if request.method == "POST":
        services.assessment_delete(assessment=assessment)
        messages.success(request, "The assessment and its answers have been deleted.")
        return redirect("advisor:comparison")
    return render(request, "advisor/delete.html", {"assessment": assessment})


@require_safe
def healthz(request: HttpRequest) -> HttpResponse:
    """Liveness: the process answers. Touches no database."""
    return HttpResponse("ok", content_type="text/plain")


@require_safe
def readyz(request: HttpRequest) -> HttpResponse:
    """Readiness: the database answers with the site's schema (a table every page reads), not only a connection;
    and a Redis store, when the counters or the keys are kept in one, takes a write: posts are refused while
    one does not."""
    try:
        content_version()
    except Exception:  # any database failure means not ready
        return HttpResponse("database unavailable", status=503, content_type="text/plain")
    failing = stores.failing()
    if failing:
        return HttpResponse(f"{' and '.join(failing)} unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")


@require_safe
@cache_control(max_age=86400, public=True)
def favicon(request: HttpRequest) -> HttpResponse:
    return redirect("/static/advisor/favicon.svg", permanent=False)


@require_safe
def robots(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /assessment/",
        "Disallow: /shared/",
        "Disallow: /assess/?from=",
        "Disallow: /api/",
        "Allow: /",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain")
