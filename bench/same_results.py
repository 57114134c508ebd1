"""Every result of ~1,000 generated assessments as stored (JSON, one a line), to compare two versions of the engine
byte for byte: a change meant to make scoring faster must leave this file the same.

Profiles from bench/scoring.py's generator (fixed seed), a third of them with one to three quotes and two in five
with an insurer, frameworks and controls, every tax treatment; scored in turn against the seeded catalogue
(tests/catalogues.py) and the one with the options in between and the requirements, every seventh without
tipping points.

    .venv/bin/python bench/same_results.py /tmp/before.jsonl   # on the older commit (a scratch worktree)
    .venv/bin/python bench/same_results.py /tmp/after.jsonl
    cmp /tmp/before.jsonl /tmp/after.jsonl
"""

from __future__ import annotations

import dataclasses
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


def main() -> None:
    import orjson
    from scoring import profiles

    from advisor.engine import score
    from advisor.engine.domain import HOURLY_QUOTE_MODELS, QUOTE_INCLUDES, QUOTE_MODELS, Quote
    from advisor.engine.requirements import CONTROLS, FRAMEWORKS
    from tests.catalogues import catalogue_with_options_between, seeded_catalogue, with_requirements

    rng = random.Random(23)
    cats = [seeded_catalogue(), with_requirements(catalogue_with_options_between())]
    includes = [k for k, _ in QUOTE_INCLUDES]
    models = [k for k, _ in QUOTE_MODELS]
    fws = [k for k, _ in FRAMEWORKS]
    lines = []
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
    for i, p in enumerate(profiles(n, seed=11)):
        changes = {}
        if rng.random() < 0.35:
            qs = []
            for j in range(rng.randint(1, 3)):
                m = rng.choice(models)
                hourly = m in HOURLY_QUOTE_MODELS
                qs.append(
                    Quote(
                        name=f"Q{j}",
                        price_per_user_month=None if hourly else float(rng.randint(40, 200)),
                        flat_monthly=rng.choice([None, float(rng.randint(100, 3000))]),
                        minimum_monthly=rng.choice([None, 500.0]),
                        onboarding=rng.choice([None, 2000.0]),
                        term_months=rng.choice([1, 12, 36]),
                        yearly_increase_percent=rng.choice([0.0, 5.0]),
                        notice_days=rng.choice([0, 30, 90]),
                        termination_fee_months=rng.choice([0.0, 3.0]),
                        response_hours=rng.choice([None, 1.0, 8.0]),
                        patch_days=rng.choice([None, 14.0]),
                        includes=tuple(k for k in includes if rng.random() < 0.6),
                        model=m,
                        hourly_rate=float(rng.randint(80, 200)) if hourly else None,
                        includes_vat=rng.random() < 0.2,
                    )
                )
            changes["quotes"] = tuple(qs)
        if rng.random() < 0.4:
            changes["cyber_insurance"] = rng.choice(["yes", "no", "not_sure"])
            changes["frameworks"] = tuple(f for f in fws if rng.random() < 0.25) or rng.choice([(), ("not_sure",)])
            changes["controls"] = tuple(c for c, _ in CONTROLS if rng.random() < 0.4)
            changes["region"] = rng.choice(["US", "GB", "AU"])
        changes["vat_reclaim"] = rng.choice(["yes", "partly", "no"])
        p = dataclasses.replace(p, **changes)
        cat = cats[i % 2]
        try:
            r = score(p, cat, with_tipping_points=(i % 7 != 0))
            line = orjson.dumps({"inputs": p, "result": r})
        except Exception as e:  # an answer the engine refuses: the two versions must refuse it alike
            line = repr(e).encode()
        lines.append(line)
    Path(sys.argv[1]).write_bytes(b"\n".join(lines) + b"\n")


if __name__ == "__main__":
    main()
