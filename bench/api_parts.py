"""Where an API POST's time goes, in-process: CPU µs per request for each step, and for the rest.

    .venv/bin/python bench/api_parts.py            # 400 POSTs of the bench's body
    .venv/bin/python bench/api_parts.py -n 1000

Same set-up as bench/profile_page.py (the bench's settings and database: run `make bench` once first).
Each step is timed where the view calls it, in CPU time, without a profiler's overhead; `/healthz`, a view
that does nothing, is timed in the same way for the floor. docs/performance.md ("Where a request's time went")
quotes these figures.
"""

from __future__ import annotations

import argparse
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from profile_page import requester, setup


def _timed(owner: Any, name: str, label: str, spent: Counter) -> None:
    """Replace owner.name with a wrapper that adds its CPU time to spent[label]."""
    original = getattr(owner, name)

    def timed(*args: Any, **kwargs: Any) -> Any:
        start = time.process_time()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start

    setattr(owner, name, timed)


def _per_request(once: Callable[[int], None], count: int) -> float:
    for i in range(20):
        once(i)
    start = time.process_time()
    for i in range(count):
        once(i)
    return (time.process_time() - start) / count * 1e6


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("-n", type=int, default=400)
    args = parser.parse_args()
    setup()
    from django.db import connections
    from django.db.models.query import QuerySet

    from advisor import api, forms, services

    floor = _per_request(requester("/healthz", post=False), args.n * 4)
    post = requester("/api/assessments/", post=True)
    spent: Counter = Counter()
    # (where, what, label): outer steps first, then the steps inside them, which start with spaces.
    steps = (
        (forms.AssessmentForm, "__init__", "form: made (its fields deep-copied)"),
        (forms.AssessmentForm, "is_valid", "form: validated"),
        (services, "score", "scoring, tipping points included"),
        (services, "assessment_create", "storing the assessment"),
        (services.snapshot, "result_document", "  the result as compressed JSON"),
        (services.snapshot, "catalogue_record_id", "  the catalogue's stored copy (looked up)"),
        (QuerySet, "create", "  Django's insert: JSON, SQL, SQLite"),
        (type(connections["default"]), "commit", "  the commit"),
        (api.report, "api_document", "the answer's document"),
        (api, "JsonResponse", "the answer as JSON"),
    )
    for owner, name, label in steps:
        _timed(owner, name, label, spent)
    for i in range(20):
        post(i)
    spent.clear()
    whole = _per_request(post, args.n)
    print(f"{'/healthz (the floor)':42s} {floor:7.0f} µs")
    print(f"{'API POST':42s} {whole:7.0f} µs")
    outer = 0.0
    for _, _, label in steps:
        us = spent[label] / args.n * 1e6
        outer += 0.0 if label.startswith(" ") else us
        print(f"  {label:40s} {us:7.0f} µs")
    print(f"  {'the rest: Django, middleware, the floor':40s} {whole - outer:7.0f} µs")


if __name__ == "__main__":
    main()
