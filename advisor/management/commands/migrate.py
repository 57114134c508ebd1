"""Django's `migrate`, which also creates a missing SQLite database file: the one command that may.

The site opens SQLite without creating a missing file (config/settings.py, `_sqlite_without_creating`), so a
moved or lost database is an error and a failed readiness check, never a new empty database. A fresh
machine still needs its first database: `make run`, the Dockerfile and the README's set-up all migrate.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from django.core.management.commands.migrate import Command as DjangoMigrate
from django.db import connections


def create_missing_sqlite_file(alias: str) -> None:
    settings = connections[alias].settings_dict
    name = str(settings["NAME"])
    if settings["ENGINE"] != "django.db.backends.sqlite3" or not name.startswith("file:") or "mode=rw" not in name:
        return  # another database, or an in-memory one (the tests')
    path = Path(unquote(name[len("file:") :].split("?", 1)[0]))
    if not path.exists():
        sqlite3.connect(path).close()


class Command(DjangoMigrate):
    help = DjangoMigrate.help + " Creates a missing SQLite database file (the site itself never does)."

    def handle(self, *args: Any, **options: Any) -> None:
        create_missing_sqlite_file(options["database"])
        super().handle(*args, **options)
