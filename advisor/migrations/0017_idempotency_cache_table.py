"""Create the idempotency keys' own cache table (settings.CACHES "idempotency": db://advisor_idempotency unless
IDEMPOTENCY_CACHE_URL names another store), apart from the rate-limit counters'. `createcachetable` makes every
database cache's missing table and skips those that exist; reversing leaves the table (throwaway data)."""

from django.core.management import call_command
from django.db import migrations


def create_cache_tables(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("advisor", "0016_readable_figures")]

    operations = [migrations.RunPython(create_cache_tables, migrations.RunPython.noop, elidable=True)]
