"""Seed the options in between Break/Fix and an MSP (advisor/content/options_2026_11.py, frozen for this
migration): block hours, co-managed IT and in-house IT staff, each with a characteristic for every aspect and
its sourced cost figures. Idempotent (update_or_create on natural keys) and reversible."""

from decimal import Decimal

from django.db import migrations

from advisor.content import options_2026_11 as seeded

MODEL_FIELDS = ("name", "summary", "description", "best_for", "order", "pricing_type")
FIGURE_FIELDS = ("low", "expected", "high", "source_title", "source_url", "source_year", "vendor_claim", "note")


def forward(apps, schema_editor):
    alias = schema_editor.connection.alias
    SupportModel = apps.get_model("advisor", "SupportModel")
    Dimension = apps.get_model("advisor", "Dimension")
    Characteristic = apps.get_model("advisor", "Characteristic")
    CostParameter = apps.get_model("advisor", "CostParameter")
    models = {}
    for row in seeded.SUPPORT_MODELS:
        models[row["slug"]], _ = SupportModel.objects.using(alias).update_or_create(
            slug=row["slug"], defaults={field: row[field] for field in MODEL_FIELDS}
        )
    dimensions = {d.slug: d for d in Dimension.objects.using(alias).all()}
    for row in seeded.CHARACTERISTICS:
        if row["dimension"] not in dimensions:  # staff removed an aspect: leave it removed
            continue
        Characteristic.objects.using(alias).update_or_create(
            support_model=models[row["support_model"]],
            dimension=dimensions[row["dimension"]],
            defaults={"headline": row["headline"], "description": row["description"], "rating": row["rating"]},
        )
    for slug, key, _label, low, expected, high, title, url, year, vendor_claim, note in seeded.OPTIONS:
        values = (Decimal(str(low)), Decimal(str(expected)), Decimal(str(high)), title, url, year, vendor_claim, note)
        CostParameter.objects.using(alias).update_or_create(
            support_model=models[slug], key=key, defaults=dict(zip(FIGURE_FIELDS, values, strict=False))
        )


def backward(apps, schema_editor):
    alias = schema_editor.connection.alias
    apps.get_model("advisor", "SupportModel").objects.using(alias).filter(
        slug__in=[row["slug"] for row in seeded.SUPPORT_MODELS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0010_support_model_pricing_type"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
