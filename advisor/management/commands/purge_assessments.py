"""Delete assessments older than the retention period: run daily, e.g. from cron or a scheduled task.

In batches, each its own short transaction: memory stays bounded however many rows are due, and between
batches other writers get the database (on SQLite one writer at a time: a new assessment posted during a purge
waits for one batch, not for the whole purge). Each batch deletes in a few queries: assessments have no signal
receivers, so Django deletes their option outcomes and then them in bulk, loading no stored result.
"""

from __future__ import annotations

import time
from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction
from django.utils import timezone

from advisor.models import Assessment


class Command(BaseCommand):
    help = (
        "Delete assessments scored more than ASSESSMENT_RETENTION_DAYS days ago "
        "(with their answers and any contact details), in batches."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=None,
            help="Keep this many days instead of ASSESSMENT_RETENTION_DAYS (%(default)s means the setting).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count what would go, delete nothing.")
        parser.add_argument(
            "--batch-size", type=int, default=500, help="Assessments deleted per transaction (default %(default)s)."
        )
        parser.add_argument(
            "--pause",
            type=float,
            default=0.05,
            help="Seconds to wait between batches, leaving the database to other writers (default %(default)s).",
        )

    def handle(self, *args, days: int | None, dry_run: bool, batch_size: int, pause: float, **options) -> None:
        days = settings.ASSESSMENT_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        if batch_size < 1:
            raise CommandError("--batch-size must be 1 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        old = Assessment.objects.filter(created_at__lt=cutoff)
        when = f"scored before {cutoff:%Y-%m-%d %H:%M} UTC"
        if dry_run:
            self.stdout.write(f"Would delete {old.count()} assessment(s) {when}.")
            return
        due = old.count()
        deleted = 0
        # Oldest first through the index on created_at; only ids are read.
        oldest = old.order_by("created_at", "pk").values_list("pk", flat=True)
        while True:
            with transaction.atomic():
                ids = list(oldest[:batch_size])
                if ids:
                    # only("pk"): Django collects the rows it deletes; let it read their ids, not their results.
                    deleted += (
                        Assessment.objects.filter(pk__in=ids).only("pk").delete()[1].get(Assessment._meta.label, 0)
                    )
            if len(ids) < batch_size:
                break
            if options["verbosity"] >= 1:
                self.stdout.write(f"  {deleted} of {due} deleted…")
            if pause > 0:
                time.sleep(pause)
        self.stdout.write(f"Deleted {deleted} assessment(s) {when}.")
