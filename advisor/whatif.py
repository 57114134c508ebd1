"""What if: change some of a result's answers and compare, without starting again and without storing anything.

`/assessment/<id>/what-if/` is a GET form prefilled from the stored answers, the answers the result depends on
most first. Sent, it scores both the stored answers and the changed ones against today's figures (the same
service function the form and the API score through) and shows them option by option with the difference in
money. It sets no cookie, may be kept by the browser only (Cache-Control: private) and is not indexed; each
comparison counts against the assessment form's rate limit. Nothing is stored until the person asks: "Keep as a
new result" leads to a page of its own with a CSRF-protected POST (as "score again" does), so the comparison
page itself carries no token and no cookie. The shared link (without quotes) offers no what-if: this address
takes only an assessment's own id.
"""

from __future__ import annotations

import hashlib
import logging
import uuid
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

import orjson
from crispy_forms.helper import FormHelper
from crispy_forms.layout import HTML, Fieldset, Layout, Submit
from django.contrib import messages
from django.db import DatabaseError
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.functional import cached_property
from django.views.decorators.http import require_http_methods, require_safe

from . import regions, selectors, services, snapshot, tornado
from .engine import answers, tipping
from .engine.domain import Catalogue, Profile, Result
from .forms import PROFILE_FIELDS, QUOTES, SHOWN, AssessmentForm
from .models import Assessment
from .protect import ratelimit, stores
from .views import start_again

logger = logging.getLogger(__name__)

COMPARE = "compare"  # the submit button's name: present when the form was sent
BUCKET = "assessments"  # counted under the assessment form's limit


class WhatIfForm(AssessmentForm):
    """The assessment's questions (no name or contact details: they are not changed here), the answers that
    matter most first."""

    def __init__(self, *args: Any, first: tuple[str, ...] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.first = tuple(name for name in first if name in self.fields)

    @cached_property
    def helper(self) -> FormHelper:
        helper = FormHelper()
        helper.form_tag = False
        helper.disable_csrf = True  # a GET form: no token
        sections: dict[str, list[str]] = {}
        for q in answers.QUESTIONS:
            names = sections.setdefault(
                SHOWN[q.name].section, []
            )  # the quotes' section stays, holding the quotes alone
            if q.name not in answers.READ_AS_QUOTES and q.name not in self.first:
                names.append(q.name)
        fieldsets = [Fieldset("The answers that matter most", *self.first)] if self.first else []
        for title, names in sections.items():
            if title == QUOTES:
                names = [*names, HTML('{% include "advisor/_quotes.html" %}')]
            fieldsets.append(Fieldset(title, *names))
        helper.layout = Layout(*fieldsets, Submit(COMPARE, "Compare", css_class="btn-lg"))
        return helper


# The questions only (AssessmentForm sets its fields after the class is made, so a subclass takes them the same way).
WhatIfForm.base_fields = {
    name: field
    for name, field in AssessmentForm.base_fields.items()
    if name not in ("organisation_name", "contact_consent", "email")
}


@dataclass(frozen=True)
class Row:
    name: str
    before: float | None  # the three-year total with the stored answers (None: it does not apply)
    after: float | None
    recommended_before: bool
    recommended_after: bool

    @property
    def difference(self) -> float | None:
        return None if self.before is None or self.after is None else round(self.after - self.before, 2)

    @property
    def size(self) -> float:
        """The difference without its sign: the words say "more" or "less"."""
        return abs(self.difference or 0.0)


@dataclass(frozen=True)
class Comparison:
    before: Result
    after: Result
    rows: tuple[Row, ...]
    changed: tuple[str, ...]  # the labels of the answers changed
    figures_changed: bool  # today's figures differ from those the result was stored with


def first_fields(result: Result) -> tuple[str, ...]:
    """The answers that matter most: those the result depends on, most first (or the tipping search's)."""
    if result.depends is not None:
        return tuple(s.key for s in result.depends.answers)
    return tuple(dict.fromkeys(p.field for p in result.tipping_points)) or tipping.SEARCHED


def compare(before: snapshot.StoredResult, after: snapshot.StoredResult, record_digest: str) -> Comparison:
    """The two results side by side: each option (and quote) with its three-year total under each."""
    rows = []
    for a, b, kind in (
        ({o.slug: o for o in before.result.options}, {o.slug: o for o in after.result.options}, "option"),
        ({q.name: q for q in before.result.quotes}, {q.name: q for q in after.result.quotes}, "quote"),
    ):
        for key in dict.fromkeys([*a, *b]):
            one, other = a.get(key), b.get(key)
            name = (one or other).name  # type: ignore[union-attr]
            rows.append(
                Row(
                    name=name if kind == "option" else f"Your quote: {name}",
                    before=one.cost.three_years.expected if one else None,
                    after=other.cost.three_years.expected if other else None,
                    recommended_before=kind == "option" and key == before.result.recommendation,
                    recommended_after=kind == "option" and key == after.result.recommendation,
                )
            )
    return Comparison(
        before=before.result,
        after=after.result,
        rows=tuple(rows),
        changed=changed_answers(before.profile, after.profile),
        figures_changed=_digest(before.catalogue) != record_digest,
    )


def changed_answers(before: Profile, after: Profile) -> tuple[str, ...]:
    labels = tuple(
        answers.question(name).label
        for name in PROFILE_FIELDS
        if name not in answers.READ_AS_QUOTES and getattr(before, name) != getattr(after, name)
    )
    return labels + (("Your quotes",) if before.quotes != after.quotes else ())


def _digest(catalogue: Catalogue) -> str:
    """The digest a catalogue is stored under (snapshot.catalogue_record_id), worked out without storing it."""
    return hashlib.sha256(orjson.dumps(catalogue)).hexdigest()


def _limited(request: HttpRequest) -> HttpResponse | None:
    """Count one comparison against the assessment form's limit: the response refusing it, or None."""
    try:
        decision = ratelimit.hit(BUCKET, ratelimit.client_key(request))
    except Exception:  # a count not taken is never a comparison let through (as for posts)
        logger.exception("What-if refused: the rate-limit store failed to count it")
        return stores.unavailable(request, as_json=False)
    if decision.limited:
        return ratelimit.too_many_requests(request, BUCKET, decision)
    return None


def _read(assessment: Assessment) -> snapshot.StoredResult | None:
    try:
        return snapshot.load(assessment)
    except DatabaseError:
        raise
    except Exception:
        logger.exception("The stored result of assessment %s could not be read", assessment.pk)
        return None


@require_safe
def whatif(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    assessment = get_object_or_404(Assessment.objects.select_related("catalogue_record"), public_id=public_id)
    stored = _read(assessment)
    currency = regions.currency_of(stored)
    context: dict[str, Any] = {"assessment": assessment, "stored": stored, "currency": currency}
    if stored is None:
        response = render(request, "advisor/whatif.html", context)
        patch_cache_control(response, private=True, no_cache=True)
        return response
    first = first_fields(stored.result)
    sent = COMPARE in request.GET
    if sent:
        form = WhatIfForm(data=request.GET, first=first)
    else:
        prefill, quotes = start_again(assessment)
        form = WhatIfForm(initial={**prefill}, initial_quotes=quotes, first=first, region=stored.catalogue.region)
    context["form"] = form
    if sent and form.is_valid():
        refused = _limited(request)
        if refused is not None:
            return refused
        try:
            before = services.assessment_score(profile=selectors.answers_again(stored))
            after = services.assessment_score(profile=form.to_profile())
        except services.TooLarge as error:
            form.add_error(None, str(error))
        else:
            context["comparison"] = compare(before, after, assessment.catalogue_record.digest)
            context["keep_url"] = (
                reverse("advisor:whatif_keep", args=[assessment.public_id]) + "?" + request.GET.urlencode()
            )
    response = render(request, "advisor/whatif.html", context)
    patch_cache_control(response, private=True, no_cache=True)
    return response


@require_http_methods(["GET", "HEAD", "POST"])
def whatif_keep(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """Keep the changed answers as a new result: GET asks (with the answers carried along), POST stores them
    through the same service as the form and shows the new result. The original stays at its own link."""
    original = get_object_or_404(Assessment, public_id=public_id)
    data = request.POST if request.method == "POST" else request.GET
    form = WhatIfForm(data=data)
    back = reverse("advisor:whatif", args=[original.public_id]) + "?" + _query(data)
    if not form.is_valid():
        return redirect(back)  # the what-if page shows what is wrong, beside the field, with everything typed
    if request.method != "POST":
        response = render(
            request,
            "advisor/whatif_keep.html",
            {"assessment": original, "fields": _hidden(data), "back": back, "changed": form.changed_data},
        )
        patch_cache_control(response, private=True, no_cache=True)
        return response
    try:
        assessment = services.assessment_create(
            scored=services.assessment_score(profile=form.to_profile()), organisation_name=original.organisation_name
        )
    except services.TooLarge:
        return redirect(back)
    messages.info(request, "Kept as a new result. Your earlier result is unchanged at its own link.")
    return redirect(assessment)


def _query(data: QueryDict) -> str:
    return urlencode([(key, value) for key in data for value in data.getlist(key) if key != "csrfmiddlewaretoken"])


def _hidden(data: QueryDict) -> list[tuple[str, str]]:
    return [(key, value) for key in data for value in data.getlist(key) if key != "csrfmiddlewaretoken"]


@require_safe
def depends(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    """What the answer depends on, for one result: the words, how to measure the answer it depends on most, the
    tornado chart and its table (advisor/tornado.py), from the stored result. A page of its own, linked from the
    result page, which keeps within its weight."""
    assessment = get_object_or_404(Assessment.objects.select_related("catalogue_record"), public_id=public_id)
    stored = _read(assessment)
    found = stored.result.depends if stored is not None else None
    currency = regions.currency_of(stored)
    context: dict[str, Any] = {"assessment": assessment, "depends": found, "currency": currency, "readable": stored}
    if found is not None:
        context["depends_chart"] = tornado.chart(found, currency)
        context["depends_rows"] = tornado.table(found, currency)
    response = render(request, "advisor/depends.html", context)
    patch_cache_control(response, private=True, no_cache=True)
    return response
