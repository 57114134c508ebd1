"""The two-page summary of a result (issue 29): what a person takes to her partners, on screen and in print.

/assessment/<id>/summary/ and, for a result with quotes, /shared/<share_id>/summary/ without them. Made from the
stored result through report.py (never scored again); the body is kept in the "fragments" cache under the
result's id and whether it is the shared copy, as the result page's is. The page's own address, as text and as a
QR code, is drawn on every request outside that cache: it names the host the request came to.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.functional import SimpleLazyObject
from django.utils.safestring import SafeString, mark_safe
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe

from . import regions, report, selectors, snapshot
from .engine import costs, money, quotes
from .engine.domain import Assumption, Quote, QuoteResult
from .models import Assessment
from .views import _readable
from .words import plain

# What a result leans on most, in this order: the price of the answer's own option, then what lost work and
# serious incidents are counted at. Each option's figures are named by key; only those the option has are shown.
OPTION_PRICE_KEYS = ("fee_per_user_month", "fee_per_device_month", "hourly_rate", "salary_year", "prevented_share")
SHARED_KEYS = (
    "downtime_cost_per_person_hour",
    "incidents_per_person_month",
    "serious_incident_chance",
    "recovery_cost_per_person",
)
MOST_ASSUMPTIONS = 6
MOST_STEPS = 6
MOST_CHANGES = 3


@dataclass(frozen=True)
class QuoteLine:
    """One of the person's quotes as the summary shows it: its figures and the titles of its terms to question."""

    quote: QuoteResult
    terms: list[str]


def _listed(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def quote_steps(priced: QuoteResult, given: Quote | None) -> list[str]:
    """What to ask of one quote, from its stored flags and what it leaves out, most telling first."""
    name, steps = priced.name, []
    codes = {flag.code for flag in priced.flags}
    left_out = [key for key, cost in priced.left_out.items() if cost > 0 and key != "projects"]
    if left_out:
        steps.append(
            f"Ask {name} to price {_listed([quotes.INCLUDE_WORDS[key] for key in left_out])}: the quote leaves "
            f"{'it' if len(left_out) == 1 else 'them'} out, so {'it' if len(left_out) == 1 else 'they'} would be "
            "billed on top."
        )
    if given is not None and given.term_months > 12:
        steps.append(
            f"Question {name}'s {given.term_months}-month term: ask for 12 months, or for the right to leave "
            "without a fee if it misses its promised response times."
        )
    elif "termination_fee" in codes:
        steps.append(f"Ask {name} to lower its fee for leaving early.")
    if "long_notice" in codes and given is not None:
        steps.append(f"Ask {name} for less than {given.notice_days} days' notice to leave, or note when to give it.")
    if "best_efforts" in codes:
        steps.append(f"Ask {name} for a response time in writing, and what you get back when it is missed.")
    if "above_market" in codes:
        steps.append(f"Ask {name} what its price above the market buys, or get another quote to compare.")
    if "below_market" in codes:
        steps.append(f"Ask {name} what its low price leaves out before you rely on it.")
    return steps


# Without quotes: what to do next about the answer's option (by slug; any other option reads as a provider).
OPTION_STEPS = {
    "in-house": "Check the salary in our figures against local job adverts, and plan who covers holidays and "
    "sick days.",
    "break-fix": "Ask two or three local IT firms for their hourly rate, their minimum charge and how soon they "
    "come out, in writing.",
}


def next_steps(stored: snapshot.StoredResult) -> list[str]:
    """Next steps for this case: what to ask of each of the person's quotes (the better deal first), or, without
    quotes, how to get them; then the terms every provider should put in writing."""
    result = stored.result
    given = {q.name: q for q in stored.profile.quotes}
    steps = [step for priced in result.quotes for step in quote_steps(priced, given.get(priced.name))]
    if not result.quotes:
        name = result.recommendation_name
        steps.append(
            OPTION_STEPS.get(
                result.recommendation,
                f"Ask two or three providers of {name} for written quotes, and add them to this assessment to see "
                "which is the better deal.",
            )
        )
    steps.append(
        "Before signing, get the response times, the notice to leave and the cost of leaving early in writing."
    )
    return steps[:MOST_STEPS]


def key_assumptions(stored: snapshot.StoredResult) -> list[Assumption]:
    """The figures that matter most to this answer, with their sources: the answer's own option's prices, the
    organisation's own estimates, then what lost work and serious incidents are counted at."""
    rows = report.figures_as_scored(stored)  # in words for people
    if stored.earlier_model:
        return list(rows[:MOST_ASSUMPTIONS])
    catalogue, result = stored.catalogue, stored.result
    model = next((m for m in catalogue.models if m.slug == result.recommendation), None)
    wanted: list[tuple[str, str]] = []
    if model is not None:
        figures = costs.option_figures(model, stored.profile)
        wanted += [
            (model.name, figures[k].label) for k in OPTION_PRICE_KEYS if k in model.figures and figures[k].expected
        ]
    wanted += [("", catalogue.figures[k].label) for k in SHARED_KEYS if k in catalogue.figures]
    by_place = {(row.model, row.label): row for row in rows}
    own = [row for row in result.assumptions if "estimated" in row.value]  # blanks filled in for this organisation
    chosen = [by_place[key] for key in ((m, plain(label)) for m, label in wanted) if key in by_place]
    return (own + chosen)[:MOST_ASSUMPTIONS]


def summary_page(assessment: Assessment, *, shared: bool) -> dict:
    """What the summary shows, read from the assessment's stored result, its amounts in the result's currency."""
    stored = snapshot.load(assessment)
    if shared:
        stored = report.without_quotes(stored)
    with regions.amounts_in(stored) as currency:  # every amount the summary's parts write is in its own currency
        return _summary_page_in(stored, currency)


def _summary_page_in(stored: snapshot.StoredResult, currency: money.Currency) -> dict:
    result = stored.result
    rows = report.cost_rows(result)
    options = [row for row in rows if not row.is_quote]
    changes, unchanged = report.tipping_lines(result)
    return {
        "stored": stored,
        "result": result,
        "currency": currency,
        "money_line": regions.money_line(stored),
        "tie": report.is_tie(stored),
        "best": options[0] if options else None,
        "why": result.reasons[0] if result.reasons else result.summary,
        "options": options,
        "quote_lines": [QuoteLine(q, [flag.title for flag in q.flags]) for q in result.quotes],
        "verdict": result.quote_verdict[0] if result.quote_verdict else "",
        "changes": changes[:MOST_CHANGES] or unchanged[:1],
        "steps": next_steps(stored),
        "assumptions": key_assumptions(stored),
    }


def qr_svg(text: str) -> SafeString:
    """`text` as a QR code, an inline SVG drawn by the qrcode library (no request to another host)."""
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(text, image_factory=qrcode.image.svg.SvgPathImage, border=4)
    svg = image.to_string(encoding="unicode")
    svg = re.sub(
        r'^<svg width="[^"]*" height="[^"]*"', '<svg class="qr" role="img" aria-label="QR code of this address"', svg
    )
    return mark_safe(svg.replace(' id="qr-path"', ""))  # made here from the address: no markup of anyone else's


def _summary(request: HttpRequest, key: uuid.UUID, *, shared: bool) -> HttpResponse:
    field = "share_id" if shared else "public_id"
    if not selectors.assessment_exists(field_name=field, value=key):
        raise Http404("No assessment has this id.")
    assessment = SimpleLazyObject(
        lambda: get_object_or_404(Assessment.objects.select_related("catalogue_record"), **{field: key})
    )
    address = request.build_absolute_uri(request.path)
    return render(
        request,
        "advisor/summary.html",
        {
            "public_id": key,
            "shared": shared,
            "assessment": assessment,
            "page": SimpleLazyObject(
                lambda: _readable(lambda a: summary_page(a, shared=shared), assessment, {"unreadable": True})
            ),
            "address": address,
            "qr": qr_svg(address),
            "result_path": request.path.removesuffix("summary/"),
        },
    )


@require_safe
@cache_control(private=True, no_cache=True)
def summary(request: HttpRequest, public_id: uuid.UUID) -> HttpResponse:
    return _summary(request, public_id, shared=False)


@require_safe
@cache_control(private=True, no_cache=True)
def summary_shared(request: HttpRequest, share_id: uuid.UUID) -> HttpResponse:
    """The summary at the link that leaves the person's quotes out."""
    return _summary(request, share_id, shared=True)
