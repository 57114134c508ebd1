"""Delete assessments older than the retention period: run daily, e.g. from cron or a scheduled task."""
from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from advisor.models import Assessment


class Command(BaseCommand):
    help = (
        "Delete assessments scored more than ASSESSMENT_RETENTION_DAYS days ago "
        "(with their answers and any contact details)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--days", type=int, default=None,
            help="Keep this many days instead of ASSESSMENT_RETENTION_DAYS (%(default)s means the setting).",
        )
        parser.add_argument("--dry-run", action="store_true", help="Count what would go, delete nothing.")

    def handle(self, *args, days: int | None, dry_run: bool, **options) -> None:
        days = settings.ASSESSMENT_RETENTION_DAYS if days is None else days
        if days < 1:
            raise CommandError("--days must be 1 or more.")
        cutoff = timezone.now() - timedelta(days=days)
        old = Assessment.objects.filter(created_at__lt=cutoff)
        if dry_run:
            self.stdout.write(f"Would delete {old.count()} assessment(s) scored before {cutoff:%Y-%m-%d %H:%M} UTC.")
            return
        deleted = old.delete()[1].get(Assessment._meta.label, 0)
        self.stdout.write(f"Deleted {deleted} assessment(s) scored before {cutoff:%Y-%m-%d %H:%M} UTC.")
