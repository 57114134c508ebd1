"""Seed the figures for what an organisation's own IT staff cannot cover (advisor/content/cover_2026_11.py, frozen
for this migration): the share of time one IT person is away, posts left empty included, and the staff it takes to
keep someone on call out of hours. Both hold for every option. Idempotent (update_or_create on keys) and
reversible."""

from decimal import Decimal

from django.db import migrations, models

from advisor.content import cover_2026_11 as seeded

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
    SharedFigure = apps.get_model("advisor", "SharedFigure")
    for key, *row in seeded.SHARED:
        SharedFigure.objects.using(schema_editor.connection.alias).update_or_create(key=key, defaults=_values(row))


def backward(apps, schema_editor):
    apps.get_model("advisor", "SharedFigure").objects.using(schema_editor.connection.alias).filter(
        key__in=[row[0] for row in seeded.SHARED]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0012_merge_options_and_outcomes"),
    ]

    operations = [
        migrations.AlterField(
            model_name="sharedfigure",
            name="key",
            field=models.CharField(
                choices=[
                    ("incidents_per_person_month", "IT problems a person a month (estimate)"),
                    ("downtime_cost_per_person_hour", "An hour of one person's work ($, estimate)"),
                    ("people_affected_per_incident", "People a typical problem stops"),
                    ("tooling_per_user_month", "Security and backup tooling a user a month ($)"),
                    ("joiner_hours", "Hours to set up or remove a person"),
                    ("staff_turnover", "Share of staff joining or leaving a year (0–1)"),
                    ("serious_incident_chance", "Chance a year of a serious incident (0–1)"),
                    ("unpatched_multiplier", "Likelier without routine upkeep (×)"),
                    ("recovery_cost_per_person", "Recovery cost a person ($)"),
                    ("recovery_days_tested", "Days to recover, tested backups"),
                    ("recovery_days_partial", "Days to recover, untested backups"),
                    ("recovery_days_none", "Days to recover, no backups"),
                    ("regulated_cost_moderate", "Notification costs a person, personal data ($)"),
                    ("regulated_cost_strict", "Notification costs and fines a person, strict ($)"),
                    ("it_staff_away_share", "Share of time one in-house IT person is away (0–1)"),
                    ("on_call_rota_staff", "IT staff needed to keep someone on call out of hours"),
                ],
                max_length=40,
                unique=True,
            ),
        ),
        migrations.RunPython(forward, backward),
    ]
