"""Five more countries as data only (issue 31): Ireland, Germany, France, the Netherlands and Canada, each with its
currency, locale, tax and a full price book (advisor/content/countries_2026_12.py, frozen for this migration),
installed by the same functions as the first three (regions_2026_12.install_regions and install_books). No code
changed to add them. Reversible: going back deletes their books and regions."""

from django.db import migrations

from advisor.content import countries_2026_12 as seeded
from advisor.content import regions_2026_12 as regions


def forward(apps, schema_editor):
    alias = schema_editor.connection.alias
    regions.install_regions(apps, alias, seeded)
    regions.install_books(apps, alias, seeded)


def backward(apps, schema_editor):
    alias = schema_editor.connection.alias
    codes = list(seeded.REGION_NAMES)
    for name in ("CostParameter", "SharedFigure"):
        apps.get_model("advisor", name).objects.using(alias).filter(region_id__in=codes).delete()
    apps.get_model("advisor", "Region").objects.using(alias).filter(code__in=codes).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0028_how_it_works_regions"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
