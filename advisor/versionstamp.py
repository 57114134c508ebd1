"""The content version mirrored in a small file beside a SQLite database: the cheapest check that is still right.

Every kept page asks for the content version on every request (see catalogue.py). With SQLite, everything
that serves the site runs on the one machine that holds the database file, so the version can also be kept in
a file next to it: reading 20 bytes costs a few microseconds, where the query costs tens under load, with
the gunicorn workers taking turns at SQLite's shared-memory locks. ContentVersion.bump() writes the file
once its transaction commits, before the request that made the edit answers, so the very next request to
any worker reads the new number. The file is replaced in one step (written aside, then renamed), so a
reader never sees half a number. Without the file (another database, an in-memory one, or a database
that has not been bumped since this was added) the version is read from the database as before. Whoever
swaps the database file for another (a restore) removes the stamp beside it too, or restarts the site.
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

from django.conf import settings

SUFFIX = ".content-version"


def path(using: str = "default") -> Path | None:
    """The stamp's file for this database, or None when it is not a SQLite database kept in a file."""
    name = _name(using)
    return Path(name) if name else None


def _name(using: str) -> str:
    # Read from the settings on each call (the test runner swaps a database's name in place), and not through
    # django.db.connections, whose per-thread lookup costs more than the read itself.
    settings_dict = settings.DATABASES[using]
    name = str(settings_dict.get("NAME") or "")
    if settings_dict.get("ENGINE") != "django.db.backends.sqlite3":
        return ""
    if not name or name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        return ""
    return name + SUFFIX


def read(using: str = "default") -> int | None:
    """The version the file holds, or None when there is no file (or nothing readable in it)."""
    name = _name(using)
    if not name:
        return None
    try:
        with open(name, "rb") as stamp:
            return int(stamp.read())
    except (OSError, ValueError):
        return None


def write(version: int, using: str = "default") -> None:
    """Put `version` in the file, in one step; nothing to do for databases without one."""
    stamp = path(using)
    if stamp is None:
        return
    handle, aside = tempfile.mkstemp(prefix=stamp.name + ".", dir=stamp.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(str(version).encode())
        os.chmod(aside, 0o644)  # readable by whichever user serves the site, as the database must be
        os.replace(aside, stamp)
    except BaseException:
        Path(aside).unlink(missing_ok=True)
        raise
