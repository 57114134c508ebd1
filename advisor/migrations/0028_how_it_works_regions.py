"""The "How the advice works" page (/how-it-works/), fourth version: your country, your money (issue 25).

A new section before "What the figures are, and where they come from" says how a country is chosen, that every
amount is in its currency, how sales tax (VAT, GST) is counted, where each country's figures come from and what
stands in where a country has none; US sales tax on services is out of scope.

Staff edits win: forward replaces the page only while its content is exactly the text migration 0019 seeded,
recognised by its SHA-256 digest, and otherwise leaves it alone. Backward puts 0019's text back only while the
content is exactly this one. The new text is built here from 0019's frozen CONTENT, so a later version gets a
migration of its own.
"""

import hashlib
import importlib

from django.db import migrations

URL = "/how-it-works/"
BEFORE = "<h2>What the figures are, and where they come from</h2>"

SECTION = """\
<h2>Your country, your money</h2>
<p>We have prices for the United States, the United Kingdom and Australia. The form is set for the country \
you pick at its top, or else for the one your browser's language names (English as written in the UK, for \
example); otherwise for the United States. Every amount, on the form and on your result, is in that country's \
currency, and your result says which. A price typed with another currency's sign, such as $75 on a form in \
pounds, is refused rather than read as pounds.</p>
<p>Each country has its own price book: managed-service prices, hourly rates, salaries and what an employer adds \
to them (National Insurance in the UK, superannuation in Australia), and the chance and cost of a serious \
incident from the country's own survey where one is published (the UK's Cyber Security Breaches Survey, the \
Australian Signals Directorate's Cyber Threat Report). Where a country has no published figure of its own, we \
use the US figure converted at the Federal Reserve's average exchange rate for 2023, with a wider range, and \
your result says so beside the number.</p>
<p>Prices are counted before sales tax. In the UK and Australia we ask whether you can reclaim VAT or GST on IT \
invoices: most registered businesses can, so the tax costs them nothing. If you cannot (many charities, clinics, \
schools and firms below the registration threshold), every invoiced bill carries the tax, 20 % in the UK and \
10 % in Australia, while salaries, lost work and risk carry none; that can change which option is cheapest. If \
you can reclaim it only in part, half of it is counted. A quote entered with the tax included is priced without \
it first. In the United States, sales tax on services depends on the state and is not counted.</p>
<p>A quote is compared with its own country's market: "below market" means under the low end of that \
country's published band, and "above market" only past the price its benchmark calls overpaying (£90 a user a \
month for fully managed support in the UK).</p>

"""


def _earlier(name: str) -> str:
    return importlib.import_module(f"advisor.migrations.{name}").CONTENT


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _content() -> str:
    third = _earlier("0019_how_it_works_money_first")
    at = third.index(BEFORE)
    return third[:at] + SECTION + third[at:]


CONTENT = _content()
SEEDED_DIGESTS = {_digest(_earlier("0019_how_it_works_money_first"))}


def forward(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for page in FlatPage.objects.using(schema_editor.connection.alias).filter(url=URL):
        if _digest(page.content) in SEEDED_DIGESTS:
            page.content = CONTENT
            page.save(update_fields=["content"])


def backward(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for page in FlatPage.objects.using(schema_editor.connection.alias).filter(url=URL):
        if page.content == CONTENT:
            page.content = _earlier("0019_how_it_works_money_first")
            page.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0027_seed_price_books"),
        ("flatpages", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
