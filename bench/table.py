"""Print bench/results.json as a Markdown table for docs/performance.md: .venv/bin/python bench/table.py"""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results.json"


def main() -> None:
    document = json.loads(RESULTS.read_text())
    machine = document["machine"]
    print(
        f"Measured on {machine['cpu']}, {machine['cores']} cores, {machine['os']}, Python {machine['python']}, "
        f"{document['measured_at'][:10]}, with {document['load_generator']}; other work kept the load average "
        f"at {' to '.join(str(x) for x in document.get('load_average', []))} meanwhile:\n"
    )
    print(
        "| Page | req/s | p50 ms | p99 ms | Ratio to /healthz | Ratio to /robots.txt "
        "| Worker CPU µs a request | CPU ratio to /healthz |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for row in document["pages"]:
        name = f"`{row['path']}`" if row["page"] in ("healthz", "robots.txt") else row["page"]
        cpu = f"{row['server_cpu_us']:,.0f}" if "server_cpu_us" in row else ""
        cpu_ratio = f"{row['cpu_ratio_to_healthz']:.2f}" if "cpu_ratio_to_healthz" in row else ""
        print(
            f"| {name} | {row['requests_per_second']:,.0f} | {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | "
            f"{row['ratio_to_healthz']:.2f} | {row['ratio_to_robots']:.2f} | {cpu} | {cpu_ratio} |"
        )
    scoring = document["scoring"]
    print(
        f"\nScoring, one core: {scoring['profiles_per_second']:,.0f} assessments a second with tipping points "
        f"(target 10,000), {scoring['without_tipping_points_per_second']:,.0f} without."
    )


if __name__ == "__main__":
    main()
