"""Move every stored result into the compressed document column, as version 1 (the first model's shape,
catalogue included); snapshot.py upgrades version 1 on read, and the old JSON column goes next."""

import json
import zlib

from django.db import migrations

BATCH = 500


def forward(apps, schema_editor):
    Assessment = apps.get_model("advisor", "Assessment")
    manager = Assessment.objects.using(schema_editor.connection.alias)
    pending = manager.filter(result_version=0).exclude(snapshot={}).order_by("pk")
    while True:
        batch = list(pending[:BATCH])
        if not batch:
            break
        for assessment in batch:
            document = json.dumps(assessment.snapshot, separators=(",", ":")).encode()
            assessment.result_document = zlib.compress(document)
            assessment.result_version = int(assessment.snapshot.get("version", 1))
        manager.bulk_update(batch, ["result_document", "result_version"])


def backward(apps, schema_editor):
    Assessment = apps.get_model("advisor", "Assessment")
    manager = Assessment.objects.using(schema_editor.connection.alias)
    for assessment in manager.filter(result_version=1).iterator():
        assessment.snapshot = json.loads(zlib.decompress(bytes(assessment.result_document)))
        assessment.save(update_fields=["snapshot"])


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0007_seed_figures_2026_11"),
    ]

    operations = [
        migrations.RunPython(forward, backward),
    ]
