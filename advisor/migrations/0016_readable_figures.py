"""The assessment's figures read back whatever their column holds (models.ReadableDecimalField), and the best
quote's three-year total is widened to 20 digits, room for the largest answers the form and the API accept.

Only the widening touches the database, and only where a column has a precision: SQLite declares every decimal
column plain "decimal" (any width), so there the migration changes Django's record of the fields and nothing
else, rather than copying the whole table once per field.
"""

from decimal import Decimal

from django.db import migrations

import advisor.models


def _alter_best_quote_total(apps, schema_editor, *, old_digits: int, new_digits: int) -> None:
    if schema_editor.connection.vendor == "sqlite":
        return
    model = apps.get_model("advisor", "Assessment")
    old = model._meta.get_field("best_quote_total")
    old.max_digits = old_digits
    new = old.clone()
    new.max_digits = new_digits
    new.set_attributes_from_name("best_quote_total")
    new.model = model
    schema_editor.alter_field(model, old, new)


def widen(apps, schema_editor):
    _alter_best_quote_total(apps, schema_editor, old_digits=14, new_digits=20)


def narrow(apps, schema_editor):
    _alter_best_quote_total(apps, schema_editor, old_digits=20, new_digits=14)


class Migration(migrations.Migration):
    dependencies = [("advisor", "0015_how_it_works_five_options")]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="assessment",
                    name="best_quote_total",
                    field=advisor.models.ReadableDecimalField(
                        blank=True,
                        decimal_places=2,
                        max_digits=20,
                        null=True,
                        verbose_name="best quote, three years (expected)",
                    ),
                ),
                migrations.AlterField(
                    model_name="assessment",
                    name="downtime_cost_per_hour",
                    field=advisor.models.ReadableDecimalField(blank=True, decimal_places=2, max_digits=14, null=True),
                ),
                migrations.AlterField(
                    model_name="assessment",
                    name="hourly_rate",
                    field=advisor.models.ReadableDecimalField(
                        blank=True, decimal_places=2, max_digits=9, null=True, verbose_name="own hourly rate"
                    ),
                ),
                migrations.AlterField(
                    model_name="assessment",
                    name="incidents_per_month",
                    field=advisor.models.ReadableDecimalField(blank=True, decimal_places=2, max_digits=9, null=True),
                ),
                migrations.AlterField(
                    model_name="assessment",
                    name="it_staff",
                    field=advisor.models.ReadableDecimalField(
                        decimal_places=2, default=Decimal("0"), max_digits=9, verbose_name="in-house IT staff (FTE)"
                    ),
                ),
                migrations.AlterField(
                    model_name="assessment",
                    name="msp_fee_per_user",
                    field=advisor.models.ReadableDecimalField(
                        blank=True, decimal_places=2, max_digits=9, null=True, verbose_name="own MSP fee per user"
                    ),
                ),
            ],
            database_operations=[migrations.RunPython(widen, narrow)],
        )
    ]
