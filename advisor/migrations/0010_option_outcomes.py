"""Each option's figures in a column each (OptionOutcome), for the admin and the CSV export, back-filled from
every stored result.

The reading below is a copy of what it needs from advisor/snapshot.py as of this migration, kept here on
purpose: a migration must give the same rows in a year, whatever snapshot.py has become by then. Both stored
shapes are read: version 1 (the first model: cost.three_years, cost.breakdown a month, no risk, no chance of
being cheapest) and version 2 (result.options with cost.parts).
"""

import json
import zlib

import django.db.models.deletion
from django.db import migrations, models

BATCH = 500


def _outcomes_v1(result):
    for rank, option in enumerate(result["models"], start=1):
        cost = option["cost"]
        monthly = cost["breakdown"]
        three = cost["three_years"]
        yield (
            rank,
            option,
            {
                "bills": 36 * (monthly["labour"] + monthly["fees"]) + cost["onboarding"]["expected"],
                "lost_work": 36 * monthly["downtime"],
                "risk": 0.0,
                "total_low": three["low"],
                "total_expected": three["expected"],
                "total_high": three["high"],
                "chance_cheapest": None,
            },
        )


def _outcomes_v2(result):
    for rank, option in enumerate(result["options"], start=1):
        cost = option["cost"]
        parts = cost["parts"]
        three = cost["three_years"]
        yield (
            rank,
            option,
            {
                "bills": parts["bills"]["expected"],
                "lost_work": parts["lost_work"]["expected"],
                "risk": parts["risk"]["expected"],
                "total_low": three["low"],
                "total_expected": three["expected"],
                "total_high": three["high"],
                "chance_cheapest": cost.get("chance_cheapest"),
            },
        )


READERS = {1: _outcomes_v1, 2: _outcomes_v2}


def forward(apps, schema_editor):
    Assessment = apps.get_model("advisor", "Assessment")
    OptionOutcome = apps.get_model("advisor", "OptionOutcome")
    alias = schema_editor.connection.alias
    # In batches by id, reading only what is needed: bounded memory however many results are stored.
    stored = Assessment.objects.using(alias).filter(result_version__in=READERS).order_by("pk")
    last = 0
    while True:
        batch = list(stored.filter(pk__gt=last).values_list("pk", "result_version", "result_document")[:BATCH])
        if not batch:
            break
        rows = []
        for pk, version, blob in batch:
            result = json.loads(zlib.decompress(bytes(blob)))["result"]
            rows += [
                OptionOutcome(
                    assessment_id=pk,
                    rank=rank,
                    slug=option["slug"],
                    name=option["name"],
                    fit=option["fit"],
                    cost_score=option["cost_score"],
                    overall=option["overall"],
                    **figures,
                )
                for rank, option, figures in READERS[version](result)
            ]
        OptionOutcome.objects.using(alias).bulk_create(rows)
        last = batch[-1][0]


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0009_remove_snapshot_json"),
    ]

    operations = [
        migrations.CreateModel(
            name="OptionOutcome",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                (
                    "assessment",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="outcomes",
                        to="advisor.assessment",
                    ),
                ),
                ("slug", models.SlugField(db_index=False, help_text="The option's slug when it was scored.")),
                ("name", models.CharField(max_length=100)),
                (
                    "rank",
                    models.PositiveSmallIntegerField(help_text="1 for the recommended option, then by overall score."),
                ),
                ("fit", models.FloatField()),
                ("cost_score", models.FloatField()),
                ("overall", models.FloatField()),
                ("bills", models.FloatField(verbose_name="bills over three years (expected)")),
                ("lost_work", models.FloatField(verbose_name="lost work over three years (expected)")),
                ("risk", models.FloatField(verbose_name="risk over three years (expected)")),
                ("total_low", models.FloatField(verbose_name="three-year total, 10th percentile")),
                ("total_expected", models.FloatField(verbose_name="three-year total, expected")),
                ("total_high", models.FloatField(verbose_name="three-year total, 90th percentile")),
                (
                    "chance_cheapest",
                    models.FloatField(blank=True, help_text="0 to 1; empty for the first model.", null=True),
                ),
            ],
            options={
                "ordering": ["assessment", "rank"],
                "constraints": [models.UniqueConstraint(fields=("assessment", "rank"), name="one_outcome_per_rank")],
            },
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
