"""The content version counter (see ContentVersion), with its one row."""

from django.db import migrations, models


def create_row(apps, schema_editor):
    apps.get_model("advisor", "ContentVersion").objects.using(schema_editor.connection.alias).get_or_create(pk=1)


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0003_cache_table"),
    ]

    operations = [
        migrations.CreateModel(
            name="ContentVersion",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("version", models.BigIntegerField(default=0)),
            ],
            options={
                "verbose_name": "content version",
            },
        ),
        migrations.RunPython(create_row, migrations.RunPython.noop),
    ]
