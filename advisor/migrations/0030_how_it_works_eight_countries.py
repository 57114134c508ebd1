"""The "How the advice works" page (/how-it-works/), fifth version: it names the eight countries with prices since
issue 31 added Ireland, Germany, France, the Netherlands and Canada (migration 0029). Content only.

Staff edits win: forward replaces the page only while its content is exactly the text migration 0028 seeded
(by SHA-256 digest); backward puts 0022's text back only while the content is exactly this one.
"""

import hashlib
import importlib

from django.db import migrations

URL = "/how-it-works/"
OLD = "We have prices for the United States, the United Kingdom and Australia."
NEW = (
    "We have prices for the United States, the United Kingdom, Ireland, Germany, France, the Netherlands, Canada "
    "and Australia."
)


def _earlier() -> str:
    return importlib.import_module("advisor.migrations.0028_how_it_works_regions").CONTENT


def _digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


CONTENT = _earlier().replace(OLD, NEW, 1)


def forward(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for page in FlatPage.objects.using(schema_editor.connection.alias).filter(url=URL):
        if _digest(page.content) == _digest(_earlier()):
            page.content = CONTENT
            page.save(update_fields=["content"])


def backward(apps, schema_editor):
    FlatPage = apps.get_model("flatpages", "FlatPage")
    for page in FlatPage.objects.using(schema_editor.connection.alias).filter(url=URL):
        if page.content == CONTENT:
            page.content = _earlier()
            page.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0029_five_more_countries"),
        ("flatpages", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
