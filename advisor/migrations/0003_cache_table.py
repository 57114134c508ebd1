"""Create the database cache table (when CACHES uses one), so every `migrate` leaves a working site.

The cache holds the rate-limit counters shared by all workers. With CACHE_URL pointing at Redis or
memcached there is no table to make and this does nothing. Reversing leaves the table: it holds only
throwaway data, and `createcachetable` skips a table that exists.
"""

from django.core.management import call_command
from django.db import migrations


def create_cache_table(apps, schema_editor):
    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


class Migration(migrations.Migration):
    dependencies = [("advisor", "0002_seed_content")]

    operations = [migrations.RunPython(create_cache_table, migrations.RunPython.noop, elidable=True)]
