"""Quotes a person holds, kept with their answers (with a second link that leaves them out), and the sourced
figures that price what a quote leaves out (advisor/content/quote_figures_2026_11.py, frozen for this
migration). The seeding is idempotent (update_or_create on the key) and reversible."""

from decimal import Decimal

from django.db import migrations, models

from advisor.content import quote_figures_2026_11 as seeded

FIELDS = ("label", "low", "expected", "high", "source_title", "source_url", "source_year", "vendor_claim", "note")


def forward(apps, schema_editor):
    alias = schema_editor.connection.alias
    SharedFigure = apps.get_model("advisor", "SharedFigure")
    for key, label, low, expected, high, *rest in seeded.SHARED:
        values = (label, Decimal(str(low)), Decimal(str(expected)), Decimal(str(high)), *rest)
        SharedFigure.objects.using(alias).update_or_create(key=key, defaults=dict(zip(FIELDS, values, strict=False)))


def restore_search_indexes(apps, schema_editor):
    """Adding these columns makes SQLite rebuild the table, which keeps only the indexes Django knows of: the
    search indexes of migration 0011 (made per database) are made again. PostgreSQL keeps them."""
    if schema_editor.connection.vendor != "sqlite":
        return
    quote = schema_editor.quote_name
    for name, column in (("assess_org_name_search", "organisation_name"), ("assess_email_search", "email")):
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(name)} ON advisor_assessment ({quote(column)} COLLATE NOCASE)"
        )


def backward(apps, schema_editor):
    alias = schema_editor.connection.alias
    apps.get_model("advisor", "SharedFigure").objects.using(alias).filter(
        key__in=[row[0] for row in seeded.SHARED]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0013_seed_own_it_staff_cover"),
    ]

    operations = [
        migrations.AddField(
            model_name="assessment",
            name="best_quote_name",
            field=models.CharField(blank=True, max_length=100, verbose_name="best quote"),
        ),
        migrations.AddField(
            model_name="assessment",
            name="best_quote_total",
            field=models.DecimalField(
                blank=True,
                decimal_places=2,
                max_digits=14,
                null=True,
                verbose_name="best quote, three years (expected)",
            ),
        ),
        migrations.AddField(
            model_name="assessment",
            name="quote_count",
            field=models.PositiveSmallIntegerField(default=0, verbose_name="quotes"),
        ),
        migrations.AddField(
            model_name="assessment",
            name="share_id",
            field=models.UUIDField(
                blank=True, editable=False, null=True, unique=True, verbose_name="link without quotes"
            ),
        ),
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
                    ("security_tooling_per_user_month", "Security tooling a user a month ($)"),
                    ("backup_tooling_per_user_month", "Backup tooling a user a month ($)"),
                    ("out_of_plan_hourly_rate", "Hourly rate for work a plan leaves out ($)"),
                    ("out_of_plan_after_hours_premium", "After-hours multiplier, out of plan (×)"),
                    ("onsite_share", "Share of problems needing a visit (0–1)"),
                    ("onsite_visit_cost", "Cost of an on-site visit ($)"),
                    ("project_hours_per_person_year", "Project hours a person a year"),
                    ("best_efforts_response_hours", "Hours waiting when no response is promised"),
                ],
                max_length=40,
                unique=True,
            ),
        ),
        migrations.RunPython(restore_search_indexes, migrations.RunPython.noop),
        migrations.RunPython(forward, backward),
    ]
