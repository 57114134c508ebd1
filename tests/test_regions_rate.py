"""The exchange rate on the Region row staff edit (issue 25): seeded from the Federal Reserve's 2023 averages, read
by the catalogue from the row, named with its source and year beside every figure it converts; and the one helper
that writes a stored result's amounts in its own currency."""

from __future__ import annotations

from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse

from advisor import regions
from advisor.catalogue import content_version, load_catalogue
from advisor.content import countries_2026_12, regions_2026_12
from advisor.engine import explain, money
from advisor.models import Region
from tests.staff import sign_in_verified

pytestmark = pytest.mark.django_db


def _converted(catalogue):
    """Every requirement amount the catalogue converted from US dollars, with its stand-in sentence."""
    found = [figure for addon in catalogue.addons for unit, figure in addon.costs if not unit.startswith("hours")]
    found += [r.consequence for r in catalogue.requirements if r.consequence_kind != "payout"]
    return [figure for figure in found if figure.expected > 0]


def test_each_seeded_region_carries_its_dollar_rate_with_source_and_year():
    rates = {**regions_2026_12.STAND_IN_RATE, **countries_2026_12.STAND_IN_RATE}
    for region in Region.objects.all():
        if region.currency == "USD":
            assert region.dollar_rate is None, region.code
            continue
        assert region.dollar_rate == Decimal(str(rates[region.code])), region.code
        assert region.dollar_rate_source.startswith("Federal Reserve G.5A") and region.dollar_rate_year == 2023


def test_the_catalogue_converts_at_the_rate_on_the_row_and_an_edit_shows_at_once(client):
    us = load_catalogue("US")
    before = load_catalogue("GB")
    assert all("0.8039 GBP a dollar (Federal Reserve G.5A" in f.stand_in for f in _converted(before))

    staff = get_user_model().objects.create_superuser("boss", "boss@example.com", "a-long-passphrase-1")
    sign_in_verified(client, staff)
    url = reverse("admin:advisor_region_change", args=["GB"])
    page = client.get(url).content.decode()
    assert 'name="dollar_rate"' in page and 'value="0.8039"' in page and 'name="dollar_rate_year"' in page
    region = Region.objects.get(code="GB")
    form = {
        field: getattr(region, field)
        for field in ("code", "name", "currency", "locale", "tax_name", "tax_rate", "tax_year", "tax_partly_share")
    }
    form.update(
        tax_source_title=region.tax_source_title,
        tax_source_url=region.tax_source_url,
        order=region.order,
        is_active="on",
        dollar_rate="0.5",
        dollar_rate_source="A rate staff chose",
        dollar_rate_year=2026,
    )
    version = content_version()
    response = client.post(url, {k: "" if v is None else v for k, v in form.items()})
    assert response.status_code == 302, response.content.decode()[:2000]
    assert content_version() != version

    after = load_catalogue("GB")
    for dollars, figure in zip(_converted(us), _converted(after), strict=True):
        assert figure.expected == money.rough(dollars.expected * 0.5), figure.key
        assert figure.low == money.rough(dollars.low * 0.5) and figure.high == money.rough(dollars.high * 0.5)
        assert "0.5 GBP a dollar (A rate staff chose, 2026)" in figure.stand_in


def test_a_region_in_another_currency_needs_a_rate_with_its_source_and_year():
    region = Region.objects.get(code="AU")
    region.dollar_rate = None
    with pytest.raises(ValidationError) as refused:
        region.full_clean()
    assert "dollar_rate" in refused.value.message_dict
    region.dollar_rate, region.dollar_rate_source = Decimal("1.5"), ""
    with pytest.raises(ValidationError) as refused:
        region.full_clean()
    assert "dollar_rate_source" in refused.value.message_dict
    Region.objects.get(code="US").full_clean()  # US dollars need none


def test_one_helper_writes_a_stored_results_amounts_in_its_own_currency():
    stored = SimpleNamespace(catalogue=load_catalogue("GB"))  # all the helper reads of a stored result

    with regions.amounts_in(stored) as currency:
        assert (str(currency), currency.locale) == ("GBP", "en_GB")
        assert explain.money(1234.4) == "£1,234"
    with regions.amounts_in(None) as currency:  # a result that could not be read: US dollars, as before regions
        assert explain.money(1234.4) == "$1,234" and currency == "USD"
    assert explain.money(1234.4) == "$1,234"  # nothing leaks past the block


def test_a_countries_module_installed_after_the_rate_column_fills_its_rate_too():
    from django.apps import apps as django_apps

    module = SimpleNamespace(
        REGIONS=(("NZ", "New Zealand", "NZD", "en_NZ", "GST", 0.15, 2010, 0.5, "GST 15 %", "", 9),),
        STAND_IN_RATE={"NZ": 1.6295},
    )
    regions_2026_12.install_regions(django_apps, "default", module)
    region = Region.objects.get(code="NZ")
    assert region.dollar_rate == Decimal("1.6295") and region.dollar_rate_year == 2023
    region.full_clean()  # a complete row staff could save as it is
