"""Throughput of the pure scoring function on one core: profiles scored a second, tipping points included.

Scores a fixed, varied set of profiles (seeded random answers across the form's ranges) against the
catalogue as loaded from the database, over and over for about `--seconds`, in this one process pinned
to one CPU and timed in CPU seconds (other work on a shared machine then slows it less). Prints one JSON
object. Run by bench/run.py; on its own:

    DJANGO_SETTINGS_MODULE=config.settings .venv/bin/python bench/scoring.py
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")


def profiles(count: int, seed: int = 6) -> list:
    from advisor.domain import Profile
    from advisor.needs import LEVELS

    rng = random.Random(seed)
    industries = ["professional_services", "healthcare", "finance", "legal", "retail", "construction", "other"]

    def maybe(value):
        return value if rng.random() < 0.5 else None

    out = []
    for _ in range(count):
        employees = max(1, int(10 ** rng.uniform(0, 3.5)))
        out.append(Profile(
            industry=rng.choice(industries),
            employees=employees,
            incidents_per_month=round(10 ** rng.uniform(-1, 2), 2),
            **{name: rng.choice(list(levels)) for name, levels in LEVELS.items()},
            devices=maybe(int(employees * rng.uniform(1, 3))),
            sites=max(1, int(10 ** rng.uniform(0, 1.3))),
            it_staff=rng.choice([0.0, 0.0, 0.5, 1.0, 2.0]),
            downtime_cost_per_hour=maybe(round(10 ** rng.uniform(2, 5))),
            hourly_rate=maybe(float(rng.randint(80, 250))),
            msp_fee_per_user=maybe(float(rng.randint(60, 250))),
        ))
    return out


def rate(fn, items: list, seconds: float) -> float:
    done = 0
    start = time.process_time()
    while True:
        for item in items:
            fn(item)
        done += len(items)
        elapsed = time.process_time() - start
        if elapsed >= seconds:
            return done / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--profiles", type=int, default=200)
    args = parser.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    import django

    django.setup()
    from advisor.catalogue import load_catalogue
    from advisor.scoring import score

    catalogue = load_catalogue()
    items = profiles(args.profiles)
    rate(lambda p: score(p, catalogue), items[:20], 0.2)  # warm up
    with_tipping = rate(lambda p: score(p, catalogue), items, args.seconds)
    without = rate(lambda p: score(p, catalogue, with_tipping_points=False), items, args.seconds / 3)
    print(json.dumps({
        "profiles_per_second": round(with_tipping, 1),
        "without_tipping_points_per_second": round(without, 1),
        "profiles": len(items),
        "models": len(catalogue.models),
        "dimensions": len(catalogue.dimensions),
        "target_profiles_per_second": 10_000,
    }))


if __name__ == "__main__":
    main()
