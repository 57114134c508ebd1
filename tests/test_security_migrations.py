"""Migrations: the models and the migrations agree, and the seed content migrates back and forth cleanly.

The round trip runs on its own fresh database (SQLite, or PostgreSQL when the suite runs there), so the
test database every other test uses keeps its seeded content.
"""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from tests.gunicorn_server import count, manage, migrated_database, new_database

CONTENT = ("advisor_supportmodel", "advisor_dimension", "advisor_characteristic", "advisor_costparameter")


@pytest.mark.django_db
def test_models_need_no_migration_that_is_not_written():
    out = StringIO()
    try:
        call_command("makemigrations", "--check", "--dry-run", stdout=out, stderr=out)
    except SystemExit as exit_:  # makemigrations --check exits 1 when a migration is missing
        pytest.fail(f"makemigrations --check found changes (exit {exit_.code}):\n{out.getvalue()}")
    assert "No changes detected" in out.getvalue()


def test_the_seed_content_migrates_back_to_nothing_and_forward_to_the_same_again():
    database = migrated_database()
    seeded = {table: count(database, table) for table in CONTENT}
    assert all(seeded.values()), seeded

    back = manage(database, "migrate", "advisor", "0001", "--noinput")
    assert back.returncode == 0, back.stderr
    assert {table: count(database, table) for table in CONTENT} == dict.fromkeys(CONTENT, 0)

    forward = manage(database, "migrate", "--noinput")
    assert forward.returncode == 0, forward.stderr
    assert {table: count(database, table) for table in CONTENT} == seeded
    # The rate limits' and the idempotency keys' tables are there after every migrate.
    assert count(database, "advisor_ratecount") == count(database, "advisor_idempotencykey") == 0


def test_all_the_way_back_leaves_no_advisor_table():
    database = migrated_database()
    result = manage(database, "migrate", "advisor", "zero", "--noinput")
    assert result.returncode == 0, result.stderr
    check = manage(
        database,
        "shell",
        "-c",
        "from django.db import connection; "
        "print(sorted(t for t in connection.introspection.table_names() if t.startswith('advisor_')))",
    )
    assert check.returncode == 0, check.stderr
    # Nothing stays behind: the stores' tables are models' too (the cache tables they replace were dropped).
    assert check.stdout.strip().splitlines()[-1] == "[]"


def test_the_old_cache_tables_are_dropped_and_the_stores_tables_made():
    """A database from before migration 0040 had the counters and the keys in two cache tables; afterwards they
    are gone and the stores' own tables are there."""
    database = new_database()
    assert manage(database, "migrate", "advisor", "0035", "--noinput").returncode == 0
    made = manage(
        database,
        "shell",
        "-c",
        "from django.db import connection\n"
        "with connection.cursor() as cursor:\n"
        "    for table in ('advisor_cache', 'advisor_idempotency'):\n"
        "        cursor.execute(f'CREATE TABLE {table} (cache_key varchar(255) PRIMARY KEY, value text)')",
    )
    assert made.returncode == 0, made.stderr
    forward = manage(database, "migrate", "--noinput")
    assert forward.returncode == 0, forward.stderr
    check = manage(
        database,
        "shell",
        "-c",
        "from django.db import connection; "
        "print(sorted(t for t in connection.introspection.table_names() if 'cache' in t or 'idempotency' in t "
        "or t.endswith('ratecount')))",
    )
    assert check.returncode == 0, check.stderr
    assert check.stdout.strip().splitlines()[-1] == "['advisor_idempotencykey', 'advisor_ratecount']"
