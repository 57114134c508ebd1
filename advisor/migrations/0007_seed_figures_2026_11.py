"""Seed the cost figures of November 2026 (advisor/content/figures_2026_11.py, frozen for this migration):
the figures for every option, and each option's own figures for the common scope. The figure "people a
problem stops" moves from each option to the shared figures. Idempotent (update_or_create on keys)."""

from decimal import Decimal

from django.db import migrations

from advisor.content import figures_2026_11 as seeded

FIELDS = ("label", "low", "expected", "high", "source_title", "source_url", "source_year", "vendor_claim", "note")


def _values(row):
    label, low, expected, high, title, url, year, vendor_claim, note = row
    return dict(
        zip(
            FIELDS,
            (
                label,
                Decimal(str(low)),
                Decimal(str(expected)),
                Decimal(str(high)),
                title,
                url,
                year,
                vendor_claim,
                note,
            ),
            strict=False,
        )
    )


def forward(apps, schema_editor):
    alias = schema_editor.connection.alias
    SharedFigure = apps.get_model("advisor", "SharedFigure")
    CostParameter = apps.get_model("advisor", "CostParameter")
    SupportModel = apps.get_model("advisor", "SupportModel")
    for key, *row in seeded.SHARED:
        SharedFigure.objects.using(alias).update_or_create(key=key, defaults=_values(row))
    CostParameter.objects.using(alias).filter(key="people_stopped_per_incident").delete()
    for slug, key, *row in seeded.OPTIONS:
        model = SupportModel.objects.using(alias).filter(slug=slug).first()
        if model is None:  # staff removed a seeded option: leave it removed
            continue
        defaults = _values(row)
        defaults.pop("label")  # a cost parameter's label is its key's choice label
        CostParameter.objects.using(alias).update_or_create(support_model=model, key=key, defaults=defaults)


def backward(apps, schema_editor):
    alias = schema_editor.connection.alias
    apps.get_model("advisor", "SharedFigure").objects.using(alias).filter(
        key__in=[row[0] for row in seeded.SHARED]
    ).delete()
    new_keys = {
        "serious_incident_reduction",
        "upkeep_included",
        "tooling_included",
        "joiners_included",
        "backups_managed",
    }
    apps.get_model("advisor", "CostParameter").objects.using(alias).filter(key__in=new_keys).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0006_figures_and_stored_results"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
