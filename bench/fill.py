"""Fill a database with N realistic assessments, quickly: for the scale benchmark (bench/scale.py) and for you.

A few hundred varied profiles (bench/scoring.py's `profiles()`) are scored through the engine and stored through
advisor.services, exactly as the form and the API store them: answers in columns, the compressed result, each
option's outcome. Those rows are then copied in bulk, straight through the database cursor, until there are N:
each copy with a new id and public id, a date spread evenly at random over the last 13 months, and a name (and,
where the person agreed to be contacted, an email address) of its own, so searches find a few rows, not all.

    DATABASE_URL=sqlite:////tmp/big.sqlite3 .venv/bin/python manage.py migrate
    DATABASE_URL=sqlite:////tmp/big.sqlite3 .venv/bin/python bench/fill.py --count 100000

Never run by `make run`: it writes to whatever DATABASE_URL names (the project's db.sqlite3 without one), and
refuses a database that already holds assessments unless given --append.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

MONTHS = 13
BATCH = 5_000  # rows a transaction while copying
STEMS = (
    "Hart & Vale",
    "Corner",
    "Ashford",
    "Northgate",
    "Bluebell",
    "Kestrel",
    "Meridian",
    "Harbour",
    "Oakley",
    "Riverside",
    "Summit",
    "Foxglove",
    "Granite",
    "Lakeside",
    "Beacon",
    "Willow",
    "Copper",
    "Highfield",
)
KINDS = (
    "Solicitors",
    "Dental",
    "Accountants",
    "Bakery",
    "Logistics",
    "Clinic",
    "Architects",
    "Trust",
    "Studio",
    "Builders",
    "School",
    "Hotel",
    "Engineering",
    "Pharmacy",
    "Lettings",
    "Charity",
    "Garage",
    "Surveyors",
)


def stored_templates(count: int, seed: int) -> list[int]:
    """Score and store `count` varied assessments as the site does; their ids."""
    from advisor import services
    from bench.scoring import profiles

    rng = random.Random(seed)
    ids = []
    for profile in profiles(count, seed=seed):
        consent = rng.random() < 0.3
        name = f"{rng.choice(STEMS)} {rng.choice(KINDS)}" if rng.random() < 0.85 else ""
        ids.append(
            services.assessment_create(
                scored=services.assessment_score(profile=profile),
                organisation_name=name,
                contact_consent=consent,
                email="owner@example.org" if consent else "",
            ).pk
        )
    return ids


def copy_in_bulk(template_ids: list[int], total: int, seed: int, progress=None) -> int:
    """Copy the stored templates until the table holds `total` assessments; returns the number of copies made."""
    from django.core.management.color import no_style
    from django.db import connection, transaction
    from django.db.models import Max
    from django.utils import timezone

    from advisor.models import Assessment, OptionOutcome

    rng = random.Random(seed)
    fields = [f for f in Assessment._meta.concrete_fields if f.name != "id"]
    outcome_fields = [f for f in OptionOutcome._meta.concrete_fields if f.name != "id"]
    varying = ("public_id", "created_at", "organisation_name", "email")

    def prepared(field, value):
        return field.get_db_prep_save(value, connection)

    templates = []
    for row in Assessment.objects.filter(pk__in=template_ids).order_by("pk"):
        constant = {f.attname: prepared(f, getattr(row, f.attname)) for f in fields if f.attname not in varying}
        outcomes = [
            [prepared(f, getattr(o, f.attname)) for f in outcome_fields]
            for o in OptionOutcome.objects.filter(assessment=row).order_by("rank")
        ]
        templates.append((row, constant, outcomes))
    quote = connection.ops.quote_name
    columns = ["id", *(f.column for f in fields)]
    insert = (
        f"INSERT INTO {quote(Assessment._meta.db_table)} ({', '.join(map(quote, columns))}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    outcome_columns = ["id", *(f.column for f in outcome_fields)]
    insert_outcome = (
        f"INSERT INTO {quote(OptionOutcome._meta.db_table)} ({', '.join(map(quote, outcome_columns))}) "
        f"VALUES ({', '.join(['%s'] * len(outcome_columns))})"
    )
    assessment_column = [f.attname for f in outcome_fields].index("assessment_id") + 1

    existing = Assessment.objects.count()
    wanted = max(0, total - existing)
    next_id = (Assessment.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
    next_outcome = (OptionOutcome.objects.aggregate(m=Max("pk"))["m"] or 0) + 1
    now = timezone.now()
    span = timedelta(days=round(MONTHS * 365.25 / 12)).total_seconds()
    made = 0
    by_name = {f.attname: f for f in fields}
    while made < wanted:
        rows, outcome_rows = [], []
        for _ in range(min(BATCH, wanted - made)):
            template, constant, outcomes = templates[made % len(templates)]
            number = next_id
            values = dict(constant)
            values["public_id"] = prepared(by_name["public_id"], uuid.UUID(int=rng.getrandbits(128), version=4))
            values["created_at"] = prepared(by_name["created_at"], now - timedelta(seconds=rng.random() * span))
            values["organisation_name"] = (
                f"{template.organisation_name} {number:07d}" if template.organisation_name else ""
            )
            values["email"] = f"owner{number}@example.org" if template.contact_consent else ""
            rows.append([number, *(values[f.attname] for f in fields)])
            for outcome in outcomes:
                copy = list(outcome)
                copy[assessment_column - 1] = number
                outcome_rows.append([next_outcome, *copy])
                next_outcome += 1
            next_id += 1
            made += 1
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(insert, rows)
            cursor.executemany(insert_outcome, outcome_rows)
        if progress:
            progress(existing + made, total)
    # Ids were given explicitly: move PostgreSQL's sequences past them.
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Assessment, OptionOutcome]):
            cursor.execute(sql)
    return made


def fill(total: int, *, profiles: int = 300, seed: int = 17, append: bool = False, progress=None) -> dict:
    import django

    django.setup()
    from advisor.models import Assessment

    if Assessment.objects.exists() and not append:
        raise SystemExit("fill: the database already holds assessments; pass --append to add to them.")
    started = time.perf_counter()
    template_ids = stored_templates(min(profiles, total), seed)
    scored = time.perf_counter() - started
    copied = copy_in_bulk(template_ids, total, seed, progress)
    elapsed = time.perf_counter() - started
    return {
        "assessments": Assessment.objects.count(),
        "scored_and_stored": len(template_ids),
        "seconds_scoring": round(scored, 1),
        "copied": copied,
        "seconds_total": round(elapsed, 1),
        "seconds_per_100k": round((elapsed - scored) / max(copied, 1) * 100_000, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="assessments wanted in all")
    parser.add_argument("--profiles", type=int, default=300, help="scored through the engine, then copied")
    parser.add_argument("--seed", type=int, default=17)
    parser.add_argument("--append", action="store_true", help="add to a database that has assessments already")
    args = parser.parse_args()

    def progress(done: int, total: int) -> None:
        if done % 100_000 < BATCH or done == total:
            print(f"  {done:,} of {total:,}", file=sys.stderr, flush=True)

    print(json.dumps(fill(args.count, profiles=args.profiles, seed=args.seed, append=args.append, progress=progress)))


if __name__ == "__main__":
    main()
