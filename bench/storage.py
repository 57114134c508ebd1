"""Bytes stored per assessment: database growth over a few hundred assessments, as the site stores them.

Migrates a fresh SQLite file (given as DATABASE_URL by bench/run.py, or a temporary one), measures its size
after VACUUM, stores `--count` varied assessments through the service the form and the API use, and measures
again. Prints one JSON object. Target: at most 10 KB an assessment.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_BYTES = 10_000


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--count", type=int, default=300)
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="advisor-storage-")
    path = Path(folder) / "storage.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    subprocess.run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], cwd=ROOT, check=True)

    def size() -> int:
        with sqlite3.connect(path) as db:
            db.execute("VACUUM")
        return path.stat().st_size

    before = size()
    import django

    django.setup()
    from advisor import services
    from bench.scoring import profiles

    for profile in profiles(args.count, seed=11):
        services.assessment_create(scored=services.assessment_score(profile=profile), organisation_name="Bench Ltd")
    from django.db import connections

    connections.close_all()
    grown = size() - before
    print(
        json.dumps(
            {"assessments": args.count, "bytes_per_assessment": round(grown / args.count), "target_bytes": TARGET_BYTES}
        )
    )


if __name__ == "__main__":
    main()
