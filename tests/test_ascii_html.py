"""The result page's cached fragments are kept as ASCII HTML (advisor/templatetags/ascii_html.py): the page reads the
same in a browser, and what a person typed, in any script, comes back intact."""

from __future__ import annotations

import html

import pytest

from advisor.templatetags.ascii_html import ascii_html

pytestmark = pytest.mark.django_db


def test_characters_beyond_ascii_become_references_and_markup_is_untouched():
    assert (
        ascii_html('<p class="x">$100–200, 1.5×, “best efforts”, Zoë 東京</p>')
        == '<p class="x">$100&#8211;200, 1.5&#215;, &#8220;best efforts&#8221;, Zo&#235; &#26481;&#20140;</p>'
    )


def test_a_result_page_is_ascii_and_reads_back_as_typed(client):
    response = client.post(
        "/api/assessments/",
        {"industry": "retail", "employees": 12, "organisation_name": "Café Zoë 東京"},
        content_type="application/json",
    )
    page = client.get(response.json()["url"]).content
    page.decode("ascii")  # raises if any byte is beyond ASCII
    text = html.unescape(page.decode("ascii"))
    assert "Café Zoë 東京" in text and "–" in text  # the name, and the ranges' dashes
