"""Your country, your money (issue 25): regions as data, money in the region's currency (Babel), a price book per
region with its stand-ins named, tax as the buyer pays it, and quotes against their own market."""

from __future__ import annotations

import csv
import html as html_text
import io
import json
import re
import zlib

import orjson
import pytest
from babel import Locale
from babel.numbers import format_currency
from django.contrib.auth import get_user_model
from django.template import Context, Template
from django.urls import reverse

from advisor import snapshot
from advisor.catalogue import load_catalogue
from advisor.engine import explain, money, quotes
from advisor.engine.decide import score
from advisor.engine.domain import Profile, Quote
from advisor.models import Assessment, CatalogueRecord, CostParameter, Region, SharedFigure
from tests.staff import sign_in_verified

pytestmark = pytest.mark.django_db

LOCALES = {"US": ("USD", "en_US"), "GB": ("GBP", "en_GB"), "AU": ("AUD", "en_AU")}


def babel_whole(amount: int, code: str, locale: str) -> str:
    """Babel's own writing of a whole amount in the locale's currency pattern, without the decimals."""
    pattern = Locale.parse(locale).currency_formats["standard"].pattern.replace(".00", "")
    return format_currency(amount, code, locale=locale, format=pattern, currency_digits=False)


# ---- Money in the region's currency ---------------------------------------------------------------------------


@pytest.mark.parametrize("region", LOCALES)
def test_the_money_filter_and_the_engine_write_amounts_as_babel_does_for_the_locale(region):
    code, locale = LOCALES[region]
    currency = money.Currency(code, locale)
    shown = Template("{% load money %}{{ amount|money:currency }}").render(
        Context({"amount": 12345.6, "currency": currency})
    )
    assert shown == babel_whole(12346, code, locale)
    assert explain.money(12345.6, currency) == babel_whole(12346, code, locale)
    with money.using(code, locale):
        assert explain.money(-0.4) == babel_whole(0, code, locale)  # never "-£0"


def test_a_plain_currency_code_still_formats_in_that_currency():
    shown = Template("{% load money %}{{ amount|money:'GBP' }}").render(Context({"amount": 75}))
    assert shown == "£75"


@pytest.mark.parametrize(
    ("region", "typed", "read"),
    [("GB", "£75", "75"), ("GB", "GBP 75", "75"), ("AU", "A$90", "90"), ("AU", "$90", "90"), ("US", "$75", "75")],
)
def test_a_symbol_of_the_forms_own_currency_is_read(region, typed, read):
    code, locale = LOCALES[region]
    assert money.strip_currency(typed, money.Currency(code, locale)) == read


@pytest.mark.parametrize(("region", "typed"), [("GB", "$75"), ("GB", "US$75"), ("AU", "£90"), ("US", "£75")])
def test_another_currencys_symbol_is_refused_never_read_as_ours(region, typed):
    code, locale = LOCALES[region]
    with pytest.raises(money.ForeignCurrency):
        money.strip_currency(typed, money.Currency(code, locale))


# ---- Choosing the region ------------------------------------------------------------------------------------


def test_regions_are_seeded_as_data_with_currency_locale_and_tax():
    found = {r.code: (r.currency, r.locale, r.tax_name, float(r.tax_rate)) for r in Region.objects.all()}
    assert found["US"] == ("USD", "en_US", "", 0.0)
    assert found["GB"] == ("GBP", "en_GB", "VAT", 0.2)
    assert found["AU"] == ("AUD", "en_AU", "GST", 0.1)


@pytest.mark.parametrize(
    ("query", "language", "expected"),
    [
        ("?region=GB", "", "GB"),
        ("?region=au", "en-GB", "AU"),  # the link wins over the browser
        ("", "en-GB,en;q=0.8", "GB"),
        ("", "en-AU", "AU"),
        ("", "en-US,en;q=0.9", "US"),
        ("", "en-GB,en-AU", "US"),  # two countries equally preferred: not unambiguous
        ("", "ja-JP", "US"),  # a country we have no prices for
        ("?region=ZZ", "", "US"),
    ],
)
def test_the_form_is_for_the_region_asked_else_the_browsers_language_else_the_united_states(
    client, query, language, expected
):
    headers = {"HTTP_ACCEPT_LANGUAGE": language} if language else {}
    html = html_text.unescape(client.get("/assess/" + query, **headers).content.decode())
    assert f'name="region" value="{expected}"' in html
    symbol = {"US": "$", "GB": "£", "AU": "$"}[expected]
    assert f"Cost of an hour with IT down ({symbol})" in html


def test_a_plain_link_per_region_switches_it_and_the_blank_form_is_kept_per_region(client, fragments):
    us = client.get("/assess/").content.decode()
    assert 'href="/assess/?region=GB"' in us and 'href="/assess/?region=AU"' in us
    gb = html_text.unescape(client.get("/assess/?region=GB").content.decode())  # after the US form was cached
    assert "(£)" in gb and "($)" not in gb
    assert "Can you reclaim VAT on IT invoices?" in gb
    assert "vat_reclaim" not in client.get("/assess/").content.decode()  # not asked in the US
    assert client.get("/assess/", HTTP_ACCEPT_LANGUAGE="en-GB")["Vary"].count("Accept-Language") == 1


def test_a_dollar_amount_on_a_form_in_pounds_is_refused_at_the_field_keeping_what_was_typed(client):
    response = client.post(
        "/assess/",
        {
            "region": "GB",
            "industry": "legal",
            "employees": "12",
            "sites": "1",
            "it_staff": "0",
            "downtime_cost_per_hour": "$500",
            "operating_hours": "business_hours",
            "it_dependence": "medium",
            "compliance": "none",
            "backup": "partial",
            "growth": "stable",
            "budget_preference": "no_preference",
        },
    )
    html = html_text.unescape(response.content.decode())
    assert response.status_code == 200 and not Assessment.objects.exists()
    assert "$500 reads as US dollars, and this form's prices are in British pounds (£)" in html
    assert 'value="$500"' in html


def test_the_api_takes_a_region_and_refuses_one_it_does_not_know(client):
    body = {"industry": "legal", "employees": 12, "region": "GB", "downtime_cost_per_hour": "£900"}
    document = client.post("/api/assessments/", json.dumps(body), content_type="application/json").json()
    assert (document["region"], document["currency"]) == ("GB", "GBP")
    assert document["inputs"]["downtime_cost_per_hour"] == 900
    refused = client.post(
        "/api/assessments/", json.dumps({**body, "region": "ZZ"}), content_type="application/json"
    ).json()
    assert "region" in refused["errors"]


# ---- The Manchester practice ----------------------------------------------------------------------------------

ALL_IN = list(quotes.INCLUDE_KEYS)
MANCHESTER = {
    "organisation_name": "Manchester practice",
    "region": "GB",
    "industry": "healthcare",
    "employees": 30,
    "devices": 45,
    "it_staff": 0,
    "incidents_per_month": 5,
    "compliance": "moderate",
    "backup": "partial",
    "vat_reclaim": "yes",
    "quotes": [
        {"name": "Pennine IT", "price_per_user_month": 85, "includes": ALL_IN, "response_hours": 1},
        {"name": "Irwell Support", "price_per_user_month": 65, "includes": ALL_IN, "response_hours": 2},
    ],
}
MONEY_TOKEN = re.compile(r"(?:US\$|A\$|CA\$|\$|£|€)\s?\d[\d,.]*")


def _post(client, body):
    response = client.post("/api/assessments/", json.dumps(body), content_type="application/json")
    assert response.status_code == 201, response.content
    return response.json()


def _page_text(client, document, *, notes: bool = True) -> str:
    """The result page's text; without the figures' notes when `notes` is false (the US book's notes quote
    published figures of other countries in their own currencies, as sources)."""
    html = client.get(document["url"].replace("http://testserver", "")).content.decode()
    if not notes:
        html = re.sub(r'<br><span class="small">.*?</span>', " ", html, flags=re.S)
    return html_text.unescape(re.sub(r"<[^>]+>", " ", html))


def test_the_manchester_practice_reads_in_pounds_names_uk_sources_and_flags_neither_quote(client):
    document = _post(client, MANCHESTER)
    assert document["currency"] == "GBP"
    for quote in document["quotes"]:
        codes = {flag["code"] for flag in quote["flags"]}
        assert not codes & {"below_market", "above_market"}, (quote["name"], codes)
    text = _page_text(client, document)
    amounts = MONEY_TOKEN.findall(text)
    assert amounts and all(a.startswith("£") for a in amounts), [a for a in amounts if not a.startswith("£")][:5]
    assert "Amounts in British pounds (GBP)" in text
    for source in ("Bundle IQ", "IT Jobs Watch", "Cyber Security Breaches Survey"):
        assert source in text
    assert len(bytes(Assessment.objects.get().result_document)) <= 10 * 1024


def test_as_a_charity_that_cannot_reclaim_vat_every_invoiced_line_is_a_fifth_higher_and_nothing_else_moves():
    catalogue = load_catalogue("GB")
    quotes_ = tuple(
        Quote(name=q["name"], price_per_user_month=85.0, includes=tuple(ALL_IN)) for q in MANCHESTER["quotes"][:1]
    )
    base = Profile(
        industry="nonprofit",
        employees=30,
        devices=45,
        incidents_per_month=5,
        compliance="moderate",
        backup="partial",
        region="GB",
        quotes=quotes_,
    )
    reclaims = score(base, catalogue, with_tipping_points=False)
    charity = score(Profile(**{**base.__dict__, "vat_reclaim": "no"}), catalogue, with_tipping_points=False)
    for before in (*reclaims.options, *reclaims.quotes):
        after = next(o for o in (*charity.options, *charity.quotes) if o.name == before.name)
        for line, amount in before.cost.bill_lines.items():
            expected = amount if line == "staff" else amount * 1.2  # salaries carry no VAT
            assert after.cost.bill_lines[line] == pytest.approx(expected, rel=1e-6, abs=0.02), (before.name, line)
        assert after.cost.parts.lost_work.expected == pytest.approx(before.cost.parts.lost_work.expected, abs=0.01)
        assert after.cost.parts.risk.expected == pytest.approx(before.cost.parts.risk.expected, abs=0.01)


def test_the_result_states_its_tax_treatment_in_one_line(client):
    charity = _post(client, {**MANCHESTER, "vat_reclaim": "no"})
    assert "You said you cannot reclaim VAT: every invoiced line carries its 20 %" in _page_text(client, charity)
    us = _post(client, {"industry": "legal", "employees": 12})
    assert "US sales tax on services varies by state and is not counted" in _page_text(client, us)


@pytest.mark.parametrize(("price", "flag"), [(30.0, None), (40.0, "above_market"), (15.0, "below_market")])
def test_a_helpdesk_only_quote_is_compared_with_its_own_countrys_helpdesk_band(price, flag):
    # The UK's helpdesk-only band is £18-£28 a user a month, high past £35; fully managed is £45-£75.
    quote = Quote(name="Helpdesk", price_per_user_month=price, includes=("helpdesk",), response_hours=1)
    profile = Profile(industry="legal", employees=20, region="GB", quotes=(quote,))
    result = score(profile, load_catalogue("GB"), with_tipping_points=False)
    market = {f.code for f in result.quotes[0].flags} & {"below_market", "above_market"}
    assert market == ({flag} if flag else set())


def test_a_quote_entered_with_vat_is_priced_without_it():
    catalogue = load_catalogue("GB")
    profile = Profile(industry="legal", employees=30, region="GB")
    without = Quote(name="A", price_per_user_month=60.0, includes=tuple(ALL_IN))
    with_vat = Quote(name="A", price_per_user_month=72.0, includes=tuple(ALL_IN), includes_vat=True)
    first = score(Profile(**{**profile.__dict__, "quotes": (without,)}), catalogue, with_tipping_points=False)
    second = score(Profile(**{**profile.__dict__, "quotes": (with_vat,)}), catalogue, with_tipping_points=False)
    assert second.quotes[0].cost.bill_lines["fees"] == pytest.approx(first.quotes[0].cost.bill_lines["fees"], abs=0.05)


# ---- Every region, small and mid-sized ----------------------------------------------------------------------


@pytest.mark.parametrize("region", ["US", "GB", "AU"])
@pytest.mark.parametrize("employees", [6, 60])
def test_each_region_scores_in_its_own_currency_with_every_stand_in_named(client, region, employees):
    code, locale = LOCALES[region]
    document = _post(client, {"industry": "professional_services", "employees": employees, "region": region})
    assert document["currency"] == code
    text = _page_text(client, document, notes=region != "US")
    amounts = MONEY_TOKEN.findall(text)
    symbol = money.symbol(code, locale)
    assert amounts and all(a.startswith(symbol) and not a.startswith(("US$", "A$")) for a in amounts)
    stand_ins = [f for f in load_catalogue(region).figures.values() if f.stand_in] + [
        f for m in load_catalogue(region).models for f in m.figures.values() if f.stand_in
    ]
    if region == "US":
        assert not stand_ins
    else:
        assert stand_ins and "a stand-in" in text and "no figure of its own found" in text
    staff = get_user_model().objects.create_superuser("boss", "boss@example.com", "a-long-passphrase-1")
    sign_in_verified(client, staff)
    assessment = Assessment.objects.get(public_id=document["id"])
    export = client.post(
        reverse("admin:advisor_assessment_changelist"), {"action": "export_csv", "_selected_action": [assessment.pk]}
    )
    rows = list(csv.DictReader(io.StringIO(export.getvalue().decode())))
    assert rows[0]["currency"] == code and rows[0]["region"] == region


def test_every_figure_in_every_price_book_has_a_source_and_a_year():
    for figure in [*CostParameter.objects.all(), *SharedFigure.objects.all()]:
        assert figure.source_title and figure.source_year, (figure.region_id, figure.key)
        assert len(figure.source_title) <= 200, (figure.region_id, figure.key)  # PostgreSQL enforces the column


def test_every_region_has_a_full_price_book():
    us_costs = set(CostParameter.objects.filter(region="US").values_list("support_model__slug", "key"))
    us_shared = set(SharedFigure.objects.filter(region="US").values_list("key", flat=True))
    for region in Region.objects.all():
        assert set(region.cost_parameters.values_list("support_model__slug", "key")) == us_costs, region.code
        # Every US figure, and any band a country publishes beyond them (the UK's helpdesk-only band).
        assert set(region.shared_figures.values_list("key", flat=True)) >= us_shared, region.code


# ---- Results stored before regions --------------------------------------------------------------------------


def test_a_result_stored_before_regions_renders_unchanged_in_us_dollars(client):
    document = _post(client, {"industry": "legal", "employees": 12})
    assessment = Assessment.objects.get(public_id=document["id"])
    stored = snapshot.unpack(assessment.result_document)
    for name in ("region", "vat_reclaim"):
        stored["inputs"].pop(name)
    stored["result"]["version"] = 3
    catalogue = orjson.loads(zlib.decompress(bytes(assessment.catalogue_record.document)))
    catalogue.pop("region")
    for figure in [*catalogue["figures"].values(), *(f for m in catalogue["models"] for f in m["figures"].values())]:
        figure.pop("stand_in")
    blob = orjson.dumps(catalogue)
    record = CatalogueRecord.objects.create(digest="before-regions", document=zlib.compress(blob))
    Assessment.objects.filter(pk=assessment.pk).update(
        result_version=3, result_document=snapshot.pack(stored), catalogue_record=record
    )
    text = _page_text(client, document, notes=False)
    amounts = MONEY_TOKEN.findall(text)
    assert amounts and all(a.startswith("$") for a in amounts)
    assert "Estimates in US dollars" in text and "earlier version of our model" not in text
