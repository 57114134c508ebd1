"""Indexes for the admin's assessment list: one per filter, then the date the list is ordered by and the
name a search may look for within the filter; and two for searching (the start of an organisation's name,
a whole email address, both ignoring case).

The search indexes depend on the database, so they are made here rather than in Meta.indexes: Django's
case-insensitive lookups compare UPPER(column) on PostgreSQL (served by an expression index with
text_pattern_ops, which also serves LIKE 'prefix%' under any collation) and use LIKE on SQLite (served only
by an index with COLLATE NOCASE). Other databases get none and search by scanning.
"""

from django.db import migrations, models

SEARCHED = (("assess_org_name_search", "organisation_name"), ("assess_email_search", "email"))


def create_search_indexes(apps, schema_editor):
    quote = schema_editor.quote_name
    vendor = schema_editor.connection.vendor
    for name, column in SEARCHED:
        if vendor == "sqlite":
            schema_editor.execute(f"CREATE INDEX {quote(name)} ON advisor_assessment ({quote(column)} COLLATE NOCASE)")
        elif vendor == "postgresql":
            schema_editor.execute(
                f"CREATE INDEX {quote(name)} ON advisor_assessment ((UPPER({quote(column)}::text)) text_pattern_ops)"
            )


def drop_search_indexes(apps, schema_editor):
    if schema_editor.connection.vendor in ("sqlite", "postgresql"):
        for name, _ in SEARCHED:
            schema_editor.execute(f"DROP INDEX IF EXISTS {schema_editor.quote_name(name)}")


class Migration(migrations.Migration):
    dependencies = [
        ("advisor", "0010_option_outcomes"),
    ]

    operations = [
        migrations.AddIndex(
            model_name="assessment",
            index=models.Index(
                fields=["recommendation", "created_at", "organisation_name"], name="assess_recommendation_date"
            ),
        ),
        migrations.AddIndex(
            model_name="assessment",
            index=models.Index(fields=["close_call", "created_at", "organisation_name"], name="assess_close_call_date"),
        ),
        migrations.AddIndex(
            model_name="assessment",
            index=models.Index(fields=["industry", "created_at", "organisation_name"], name="assess_industry_date"),
        ),
        migrations.AddIndex(
            model_name="assessment",
            index=models.Index(
                fields=["operating_hours", "created_at", "organisation_name"], name="assess_operating_hours_date"
            ),
        ),
        migrations.AddIndex(
            model_name="assessment",
            index=models.Index(fields=["compliance", "created_at", "organisation_name"], name="assess_compliance_date"),
        ),
        migrations.AddIndex(
            model_name="assessment",
            index=models.Index(
                fields=["contact_consent", "created_at", "organisation_name"], name="assess_contact_consent_date"
            ),
        ),
        migrations.RunPython(create_search_indexes, drop_search_indexes),
    ]
