"""The "How the advice works" page (/how-it-works/), sixth version: both sections added the same day, "Your
country, your money" (migrations 0028 and 0030, issues 25 and 31) and "What your insurer and frameworks ask"
(migration 0024, issue 32), each built on 0019's text and so each leaving the other's page alone.

Staff edits win: forward replaces the page only while its content is exactly one of the texts an earlier migration
seeded (0005's, 0015's, 0019's, 0024's, 0028's or 0030's), recognised by the SHA-256 digest of each, and
otherwise leaves it alone. Backward puts 0024's text back (what a database migrated in order holds before this
one) only while the content is exactly this one.
"""

import hashlib
import importlib

from django.db import migrations

URL = "/how-it-works/"
BEFORE = "<h2>What the figures are, and where they come from</h2>"
SEEDED = (
    "0005_how_it_works_page",
    "0015_how_it_works_five_options",
    "0019_how_it_works_money_first",
    "0024_how_it_works_requirements",
    "0028_how_it_works_regions",
    "0030_how_it_works_eight_countries",
)


def _earlier(name: str) -> str:
    return importlib.import_module(f"advisor.migrations.{name}").CONTENT


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _section(text: str, heading: str) -> str:
    """The section that starts at `heading` and runs to the figures' section."""
    return text[text.index(heading) : text.index(BEFORE)]


def _content() -> str:
    third = _earlier("0019_how_it_works_money_first")
    countries = _section(_earlier("0030_how_it_works_eight_countries"), "<h2>Your country, your money</h2>")
    insurers = _section(_earlier("0024_how_it_works_requirements"), "<h2>What your insurer and frameworks ask</h2>")
    at = third.index(BEFORE)
    return third[:at] + countries + insurers + third[at:]


CONTENT = _content()
SEEDED_DIGESTS = {_digest(_earlier(name)) for name in SEEDED}


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
            page.content = _earlier("0024_how_it_works_requirements")
            page.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0031_helpdesk_band"),
        ("flatpages", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
