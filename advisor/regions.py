"""Which country a page is for, and how a result says its country, currency and tax (issue 25).

The assessment form is shown for one region: the one `?region=` names, else the one the browser's language names
when that is unambiguous (en-GB: the United Kingdom; en-AU: Australia; any language tagged with a country staff have
listed), else the United States. A result is in the currency of the price book it was scored with; results stored
before regions are in US dollars.
"""

from __future__ import annotations

import re
from contextlib import AbstractContextManager

from babel.numbers import get_currency_name
from django.http import HttpRequest

from .catalogue import DEFAULT_REGION_SPEC, region_of, regions
from .engine import money
from .engine.domain import RegionSpec
from .snapshot import StoredResult

_TAG = re.compile(r"^\s*([A-Za-z]{1,8})(?:-([A-Za-z]{2}))?(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*$")


def from_language(header: str) -> RegionSpec | None:
    """The region the browser's most preferred language tags name, when they name one listed region and no other
    (en-GB, or en-GB with en at lower preference: GB; en-GB and en-AU equally preferred: none)."""
    tags = []
    for part in header.split(",")[:20]:  # a header of hundreds of tags is read no further than a reader would
        match = _TAG.match(part)
        if not match:
            continue
        try:
            weight = float(match[3]) if match[3] else 1.0
        except ValueError:
            continue
        if weight > 0:
            tags.append((weight, (match[2] or "").upper()))
    if not tags:
        return None
    top = max(weight for weight, _ in tags)
    named = {country for weight, country in tags if weight == top and country}
    if len(named) != 1:
        return None
    return region_of(named.pop())


def for_request(request: HttpRequest) -> tuple[RegionSpec, bool]:
    """The region a form is shown for, and whether it was chosen by the browser's language (the response then
    varies with Accept-Language)."""
    asked = region_of(request.GET.get("region"))
    if asked is not None:
        return asked, False
    return from_language(request.headers.get("Accept-Language", "")) or DEFAULT_REGION_SPEC, True


def choices() -> tuple[RegionSpec, ...]:
    return regions()


def currency_of(stored: StoredResult | None) -> money.Currency:
    """The currency a stored result's amounts are in, its price book's; US dollars for none (a result that could
    not be read)."""
    if stored is None:
        return money.US_DOLLARS
    region = stored.catalogue.region
    return money.Currency(region.currency, region.locale)


def amounts_in(stored: StoredResult | None) -> AbstractContextManager[money.Currency]:
    """`with regions.amounts_in(stored) as currency:` every amount written inside the block (explain.money, the
    money filter without a currency) is in the stored result's own currency."""
    return money.using(currency_of(stored))


def currency_words(code: str) -> str:
    """ "British pounds (GBP)"."""
    return f"{get_currency_name(code, count=2, locale='en')} ({code})"


def tax_line(region: RegionSpec, reclaim: str) -> str:
    """How the result treats the region's sales tax, in one sentence."""
    if region.tax_rate <= 0:
        return "Prices are before any sales tax: US sales tax on services varies by state and is not counted."
    rate = f"{region.tax_rate * 100:g} %"
    if reclaim == "no":
        return (
            f"You said you cannot reclaim {region.tax_name}: every invoiced line carries its {rate}; salaries, lost "
            f"work and risk carry none."
        )
    if reclaim == "partly":
        share = f"{region.tax_partly_share * 100:g} %"
        return (
            f"You said you can reclaim {region.tax_name} only in part: {share} of its {rate} is counted on every "
            f"invoiced line; salaries, lost work and risk carry none."
        )
    return f"Prices are before {region.tax_name}, which you said you can reclaim, so it is not a cost to you."


def money_line(stored: StoredResult) -> str:
    """The result's country and currency, and its tax treatment, in a line."""
    region = stored.catalogue.region
    tax = tax_line(region, stored.profile.vat_reclaim)
    return f"Country: {region.name}. Amounts in {currency_words(region.currency)}. {tax}"
