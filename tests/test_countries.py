"""Five more countries as data only (issue 31): Ireland, Germany, France, the Netherlands and Canada, each scored
small and mid-sized in its own currency and Babel's format for its locale, with every stand-in named."""

from __future__ import annotations

import csv
import html as html_text
import io
import json
import re

import pytest
from babel import Locale
from babel.numbers import format_currency
from django.contrib.auth import get_user_model
from django.urls import reverse

from advisor.catalogue import load_catalogue
from advisor.content import countries_2026_12 as countries
from advisor.models import Assessment, CostParameter, Region, SharedFigure
from tests.staff import sign_in_verified

pytestmark = pytest.mark.django_db

EXPECTED = {
    "IE": ("EUR", "en_IE", "VAT", 0.23),
    "DE": ("EUR", "en_DE", "VAT", 0.19),
    "FR": ("EUR", "en_FR", "VAT", 0.2),
    "NL": ("EUR", "en_NL", "VAT", 0.21),
    "CA": ("CAD", "en_CA", "HST", 0.13),
}
# Every currency sign a page could show, and which of them each currency's own amounts use.
SIGNS = ("US$", "A$", "CA$", "$", "£", "€")
OWN_SIGN = {"EUR": "€", "CAD": "$"}


def babel_whole(amount: int, code: str, locale: str) -> str:
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(amount, code, locale=locale, format=pattern, currency_digits=False)


def test_the_five_are_seeded_as_data_with_currency_locale_and_tax():
    for code, (currency, locale, tax, rate) in EXPECTED.items():
        region = Region.objects.get(code=code)
        assert (region.currency, region.locale, region.tax_name, float(region.tax_rate)) == (
            currency,
            locale,
            tax,
            rate,
        )


def test_each_has_a_full_price_book_with_a_source_and_a_year_for_every_figure():
    us_costs = set(CostParameter.objects.filter(region="US").values_list("support_model__slug", "key"))
    us_shared = set(SharedFigure.objects.filter(region="US").values_list("key", flat=True))
    for code in EXPECTED:
        assert set(CostParameter.objects.filter(region=code).values_list("support_model__slug", "key")) == us_costs
        assert set(SharedFigure.objects.filter(region=code).values_list("key", flat=True)) == us_shared
        for figure in [*CostParameter.objects.filter(region=code), *SharedFigure.objects.filter(region=code)]:
            assert figure.source_title and figure.source_year, (code, figure.key)


def test_germany_names_the_stand_in_for_its_missing_managed_service_price():
    fee = load_catalogue("DE").models[1].figures["fee_per_user_month"]
    assert fee.stand_in.startswith("Germany: no figure of its own found")
    assert load_catalogue("FR").models[1].figures["fee_per_user_month"].stand_in == ""  # France has its own


def _text(client, url: str) -> str:
    page = client.get(url.replace("http://testserver", "")).content.decode()
    return html_text.unescape(re.sub(r"<[^>]+>", " ", page))


@pytest.mark.parametrize("code", EXPECTED)
@pytest.mark.parametrize("employees", [6, 60])
def test_each_scores_in_its_own_currency_and_format_with_every_stand_in_named(client, code, employees):
    currency, locale, _tax, _rate = EXPECTED[code]
    body = {"industry": "professional_services", "employees": employees, "region": code}
    document = client.post("/api/assessments/", json.dumps(body), content_type="application/json").json()
    assert document["currency"] == currency
    text = _text(client, document["url"])
    best = document["scores"][0]["cost"]["three_years"]["expected"]
    assert babel_whole(round(best), currency, locale) in text  # the all-told figure, as Babel writes it
    others = [sign for sign in SIGNS if sign in text and sign != OWN_SIGN[currency]]
    assert others == [], others  # no amount in another currency anywhere on the page, notes included
    assert "a stand-in" in text and f"{countries.REGION_NAMES[code]}: no figure of its own found" in text
    staff = get_user_model().objects.create_superuser("boss", "boss@example.com", "a-long-passphrase-1")
    sign_in_verified(client, staff)
    assessment = Assessment.objects.get(public_id=document["id"])
    export = client.post(
        reverse("admin:advisor_assessment_changelist"), {"action": "export_csv", "_selected_action": [assessment.pk]}
    )
    row = next(csv.DictReader(io.StringIO(export.getvalue().decode())))
    assert (row["region"], row["currency"]) == (code, currency)
    assert len(bytes(assessment.result_document)) <= 10 * 1024


def test_the_browsers_language_chooses_a_new_country_too(client):
    page = html_text.unescape(client.get("/assess/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9").content.decode())
    assert 'name="region" value="DE"' in page and "Can you reclaim VAT on IT invoices?" in page
