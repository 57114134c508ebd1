"""The price books of migration 0026 (advisor/content/regions_2026_12.py, frozen for this migration): money labels
written with ¤ for the currency's symbol, every US figure without a year given the year it was made (2026), then
the British and Australian books built from the US one (their own figures, the rest named stand-ins). Its own
migration, so that its rows are written after 0021's schema changes are committed. Reversible: going back deletes
the other books and the figure this adds to the US book."""

from django.db import migrations

from advisor.content import regions_2026_12 as seeded

ASSUMED_YEAR = 2026


def seed_books(apps, schema_editor):
    alias = schema_editor.connection.alias
    costs = apps.get_model("advisor", "CostParameter").objects.using(alias)
    shared = apps.get_model("advisor", "SharedFigure").objects.using(alias)
    costs.filter(region_id="US", source_year__isnull=True).update(source_year=ASSUMED_YEAR)
    shared.filter(region_id="US", source_year__isnull=True).update(source_year=ASSUMED_YEAR)
    for figure in shared.filter(label__contains="($"):
        figure.label = figure.label.replace("($", "(¤")
        figure.save(update_fields=["label"])
    seeded.install_books(apps, alias, seeded)


def unseed_books(apps, schema_editor):
    alias = schema_editor.connection.alias
    for name in ("CostParameter", "SharedFigure"):
        apps.get_model("advisor", name).objects.using(alias).exclude(region_id="US").delete()
    apps.get_model("advisor", "SharedFigure").objects.using(alias).filter(key="market_overpay_per_user_month").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0026_regions_and_price_books"),
    ]

    operations = [
        migrations.RunPython(seed_books, unseed_books),
    ]
