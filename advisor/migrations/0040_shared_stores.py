"""The rate-limit counters' and the Idempotency-Keys' own tables (advisor/store_models.py), in place of the
database caches `advisor_cache` and `advisor_idempotency` (migrations 0003 and 0017), which held only entries
that expire within a day and are dropped here. Going back leaves them dropped: the caches they served are gone."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0035_market_by_size_and_rounded_stand_ins"),
    ]

    operations = [
        migrations.RunSQL(
            ["DROP TABLE IF EXISTS advisor_cache", "DROP TABLE IF EXISTS advisor_idempotency"],
            migrations.RunSQL.noop,
            elidable=True,
        ),
        migrations.CreateModel(
            name="IdempotencyKey",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=64, unique=True)),
                ("fingerprint", models.CharField(max_length=64)),
                ("reserved", models.CharField(blank=True, max_length=36)),
                ("assessment", models.CharField(blank=True, max_length=36)),
                ("taken", models.DateTimeField()),
                ("expires", models.DateTimeField(db_index=True)),
            ],
            options={
                "verbose_name": "idempotency key",
            },
        ),
        migrations.CreateModel(
            name="RateCount",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("key", models.CharField(max_length=100, unique=True)),
                ("count", models.PositiveIntegerField(default=0)),
                ("expires", models.DateTimeField(db_index=True)),
            ],
            options={
                "verbose_name": "rate-limit count",
            },
        ),
    ]
