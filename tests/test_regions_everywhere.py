"""Every page a result leads to reads in the result's currency (issue 25 with issues 29, 30 and 32): the summary and
its shared copy, the what-if comparison, what the answer depends on, and what insurers and frameworks ask."""

from __future__ import annotations

import html as html_text
import re

import pytest

from advisor.catalogue import load_catalogue
from advisor.content import regions_2026_12
from advisor.engine import money
from tests.test_regions import ALL_IN, LOCALES, MONEY_TOKEN, _post

pytestmark = pytest.mark.django_db


def _text(client, path: str) -> str:
    response = client.get(path)
    assert response.status_code == 200, path
    html = re.sub(r"<script.*?</script>|<svg.*?</svg>", " ", response.content.decode(), flags=re.S)
    html = re.sub(r'<br><span class="small">.*?</span>', " ", html, flags=re.S)  # figures' notes quote sources
    return html_text.unescape(re.sub(r"<[^>]+>", " ", html))


def _body(region: str) -> dict:
    return {
        "organisation_name": "Harbour accountants",
        "region": region,
        "industry": "finance",
        "employees": 12,
        "incidents_per_month": 3,
        "backup": "tested",
        "cyber_insurance": "yes",
        "frameworks": ["not_sure"],
        "controls": ["edr"],
        "quotes": [{"name": "Harbour IT", "price_per_user_month": 95, "includes": ALL_IN, "response_hours": 2}],
    }


@pytest.mark.parametrize("region", ["GB", "AU"])
def test_the_summary_the_what_if_and_what_it_depends_on_read_in_the_results_currency(client, region):
    code, locale = LOCALES[region]
    symbol = money.symbol(code, locale)
    document = _post(client, _body(region))
    result = document["url"].replace("http://testserver", "")
    shared = document["url_without_quotes"].replace("http://testserver", "")
    pages = {
        "summary": result + "summary/",
        "shared summary": shared + "summary/",
        "what-if": result + "what-if/?compare=1&" + _what_if_query(document),
        "depends": result + "depends/",
    }
    for name, path in pages.items():
        text = _text(client, path)
        if name == "what-if":
            assert "Expected cost over three years" in text  # the comparison, not the form with an error
        amounts = MONEY_TOKEN.findall(text)
        assert amounts, name
        assert all(a.startswith(symbol) and not a.startswith(("US$", "A$")) for a in amounts), (name, amounts)


def _what_if_query(document: dict) -> str:
    """The stored answers with one changed, as the what-if form sends them."""
    inputs = {k: v for k, v in document["inputs"].items() if k != "quotes" and v not in (None, "", [], ())}
    inputs["incidents_per_month"] = 8
    parts = []
    for key, value in inputs.items():
        for item in value if isinstance(value, list) else [value]:
            parts.append(f"{key}={item}")
    return "&".join(parts)


def test_requirement_amounts_priced_in_dollars_are_converted_for_another_country_and_named_stand_ins():
    us, gb = load_catalogue("US"), load_catalogue("GB")
    rate = regions_2026_12.STAND_IN_RATE["GB"]
    for us_addon, gb_addon in zip(us.addons, gb.addons, strict=True):
        for (unit, us_figure), (_, gb_figure) in zip(us_addon.costs, gb_addon.costs, strict=True):
            if unit.startswith("hours"):  # hours are priced at the option's own (local) rate
                assert gb_figure.expected == us_figure.expected and not gb_figure.stand_in
            else:
                assert gb_figure.expected == money.rough(us_figure.expected * rate)  # no false precision
                assert "GBP a dollar" in gb_figure.stand_in and not us_figure.stand_in
