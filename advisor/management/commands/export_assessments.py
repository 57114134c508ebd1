"""Write the assessments as CSV to a file (or standard output): the admin's export, without a server's timeout.

The same columns, rows and cell rules as "Export selected assessments as CSV" in the admin (advisor/export.py),
read in the same chunks, so memory stays flat however many rows there are. For a full export of a large table
on a server whose workers are stopped after a timeout (gunicorn's sync workers: 30 s), run this instead, e.g.
    python manage.py export_assessments --output /srv/exports/assessments.csv
"""

from __future__ import annotations

import sys
from datetime import date, datetime, time

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from advisor.export import CsvExport
from advisor.models import Assessment


def _day(value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"Give dates as YYYY-MM-DD; got {value!r}.") from None


class Command(BaseCommand):
    help = "Write assessments as CSV (the admin export's columns) to a file or standard output."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", "-o", default="-", help="File to write (default: standard output).")
        parser.add_argument("--since", type=_day, help="Only assessments scored on or after this day (YYYY-MM-DD).")
        parser.add_argument("--until", type=_day, help="Only assessments scored before this day (YYYY-MM-DD).")

    def handle(self, *args, output: str, since: date | None, until: date | None, **options) -> None:
        selection = Assessment.objects.all()
        if since:
            selection = selection.filter(created_at__gte=timezone.make_aware(datetime.combine(since, time())))
        if until:
            selection = selection.filter(created_at__lt=timezone.make_aware(datetime.combine(until, time())))
        rows = 0
        target = sys.stdout if output == "-" else open(output, "w", encoding="utf-8", newline="")  # noqa: SIM115
        try:
            for text in CsvExport(selection):
                target.write(text)
                rows += text.count("\n")
        finally:
            if target is not sys.stdout:
                target.close()
        if output != "-":
            self.stderr.write(f"Wrote {rows - 1} assessment(s) to {output}.")
