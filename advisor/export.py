"""The assessments as CSV, streamed: the admin's "Export selected assessments as CSV" and
`manage.py export_assessments` both write through CsvExport.

Answers come from the assessment's columns and each option's figures from OptionOutcome (never the stored
result documents), a chunk of EXPORT_CHUNK assessments at a time, so memory stays flat however many rows are
exported. A cell that a spreadsheet would run as a formula is defused; blank answers stay empty.
"""

from __future__ import annotations

import csv
from collections.abc import AsyncIterator, Iterator
from typing import Any

from asgiref.sync import sync_to_async
from django.db.models import QuerySet

from .engine import answers
from .models import OptionOutcome, Region, SupportModel

EXPORT_INPUTS = ("organisation_name", *(q.name for q in answers.QUESTIONS), "contact_consent", "email")
EXPORT_PER_OPTION = (
    "fit",
    "overall",
    "bills_3y",
    "lost_work_3y",
    "risk_3y",
    "cost_3y_low",
    "cost_3y_expected",
    "cost_3y_high",
    "chance_cheapest",
)
# The OptionOutcome column behind each of EXPORT_PER_OPTION, in the same order.
_OUTCOME_COLUMNS = (
    "fit",
    "overall",
    "bills",
    "lost_work",
    "risk",
    "total_low",
    "total_expected",
    "total_high",
    "chance_cheapest",
)
_ASSESSMENT_COLUMNS = (
    "pk",
    "public_id",
    "created_at",
    *EXPORT_INPUTS,
    "recommendation",
    "close_call",
    "result_version",
    "quote_count",
    "best_quote_name",
    "best_quote_total",
    "region",
)
_EMAIL = EXPORT_INPUTS.index("email") - 1  # its place after the name, in _ASSESSMENT_COLUMNS' remainder
_BEST_QUOTE = _ASSESSMENT_COLUMNS.index("best_quote_name") - 4  # likewise, after pk, id, date and name
EXPORT_CHUNK = 2000  # assessments read per query while exporting: two short queries per chunk


def _cell(value: object) -> object:
    """A leading =, +, - or @ would make a spreadsheet run a text cell as a formula."""
    return f"'{value}" if isinstance(value, str) and value[:1] and value[:1] in "=+-@" else value


class _Line:
    """What csv.writer writes to: hands back each line instead of keeping it (Django's streaming CSV example)."""

    def write(self, value: str) -> str:
        return value


class CsvExport:
    """The selected assessments as CSV, read in chunks of EXPORT_CHUNK: answers from the assessment's columns,
    each option's figures from OptionOutcome (never the stored documents), in constant memory.

    Chunks are taken by keyset (scored at, then id) as separate short queries: no cursor stays open for the
    whole export (on PostgreSQL a cursor held outside a transaction is materialised whole first; on SQLite a
    long read would hold back the write-ahead log).
    """

    def __init__(self, queryset: QuerySet) -> None:
        self.selection = queryset.order_by("created_at", "pk")
        self.writer = csv.writer(_Line())
        # The options found in the selection's results, in catalogue order (then any since removed, by slug).
        found = set(
            OptionOutcome.objects.filter(assessment__in=queryset.order_by().values("pk"))
            .order_by()
            .values_list("slug", flat=True)
            .distinct()
        )
        order = {
            slug: i
            for i, slug in enumerate(SupportModel.objects.order_by("order", "name").values_list("slug", flat=True))
        }
        self.slugs = sorted(found, key=lambda slug: (order.get(slug, len(order)), slug))
        # Each row's amounts are in its region's currency (ISO 4217), named beside them.
        self.currencies = {"US": "USD", **dict(Region.objects.values_list("code", "currency"))}

    def header(self) -> str:
        return self.writer.writerow(
            [
                "id",
                "scored_at",
                *EXPORT_INPUTS,
                "recommendation",
                "close_call",
                "model_version",
                "quote_count",
                "best_quote_name",
                "best_quote_3y",
                "region",
                "currency",
                *[f"{slug}_{column}" for slug in self.slugs for column in EXPORT_PER_OPTION],
            ]
        )

    def _chunk(self, after: tuple | None) -> QuerySet:
        """The next chunk's assessments, after the last one written (scored at, id), through the date's index."""
        rows = self.selection
        if after is not None:
            rows = rows.filter(created_at__gte=after[0]).exclude(created_at=after[0], pk__lte=after[1])
        return rows

    def chunk_query(self, after: tuple | None, *, named: bool = False) -> QuerySet:
        return self._chunk(after).values_list(*_ASSESSMENT_COLUMNS, named=named)[:EXPORT_CHUNK]

    def outcomes_query(self, after: tuple | None, *, named: bool = False) -> QuerySet:
        """The same chunk's option outcomes, selected by a subquery (no list of ids sent back and forth)."""
        return (
            OptionOutcome.objects.filter(assessment_id__in=self._chunk(after).values("pk")[:EXPORT_CHUNK])
            .order_by()
            .values_list("assessment_id", "slug", *_OUTCOME_COLUMNS, named=named)
        )

    def lines(self, rows: list[tuple], outcomes: list[tuple]) -> str:
        """One chunk as CSV text."""
        by_assessment: dict[int, dict[str, list[Any]]] = {}
        for assessment_id, slug, *values in outcomes:
            by_assessment.setdefault(assessment_id, {})[slug] = values
        blank = [""] * len(EXPORT_PER_OPTION)
        slugs = self.slugs
        writerow = self.writer.writerow
        text = []
        for pk, public_id, created_at, name, *rest in rows:
            options = by_assessment.get(pk, {})
            # Only the free-text answers and the best quote's name can start like a formula; the rest are numbers
            # and choices.
            rest[_EMAIL] = _cell(rest[_EMAIL])
            rest[_BEST_QUOTE] = _cell(rest[_BEST_QUOTE])
            text.append(
                writerow(
                    [
                        public_id,
                        created_at.isoformat(),
                        _cell(name),
                        *rest,
                        self.currencies.get(rest[-1], ""),
                        *[value for slug in slugs for value in options.get(slug, blank)],
                    ]
                )
            )
        return "".join(text)

    def __iter__(self) -> Iterator[str]:
        """For a WSGI server: Django would collect an asynchronous iterator whole before sending it."""
        yield self.header()
        after = None
        while rows := list(self.chunk_query(after)):
            yield self.lines(rows, list(self.outcomes_query(after)))
            after = rows[-1][2], rows[-1][0]

    async def __aiter__(self) -> AsyncIterator[str]:
        """For an ASGI server: each chunk read through QuerySet.aiterator(), so no request thread is held."""
        yield self.header()
        after = None
        # named=True: Django 5.2 runs a plain values_list() query as soon as aiterator() starts, in the event
        # loop's thread (SynchronousOnlyOperation); the named form runs it in aiterator()'s worker thread.
        while rows := [row async for row in self.chunk_query(after, named=True).aiterator(chunk_size=EXPORT_CHUNK)]:
            outcomes = [
                row async for row in self.outcomes_query(after, named=True).aiterator(chunk_size=4 * EXPORT_CHUNK)
            ]
            # Formatting a chunk takes tens of milliseconds: in a worker thread, so the event loop (other
            # requests, the server's heartbeat) is never held that long.
            yield await sync_to_async(self.lines, thread_sensitive=False)(rows, outcomes)
            after = rows[-1][2], rows[-1][0]
