"""Server-rendered SVG charts: labelled for screen readers, and scaled so the expected lines can be read."""
from __future__ import annotations

import re

from advisor import charts


def model(name: str, slug: str, onboarding: float, expected: float, high: float) -> dict:
    return {
        "name": name, "slug": slug,
        "cost": {"onboarding": {"low": 0.0, "expected": onboarding, "high": onboarding},
                 "three_years": {"low": expected / 2, "expected": expected, "high": high}},
        "dimensions": [{"dimension": "downtime", "rating": 4, "points": 10.0}],
    }


def test_cost_chart_is_titled_and_described_for_screen_readers():
    svg = charts.cost_chart([model("Break/Fix", "break-fix", 0, 100_000, 150_000)])
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    assert "Break/Fix: expected $100k after 36 months" in svg


def test_a_pessimistic_band_does_not_flatten_the_expected_lines():
    svg = charts.cost_chart([model("Break/Fix", "break-fix", 0, 100_000, 1_100_000),
                             model("MSP", "msp", 3_000, 90_000, 200_000)])
    labels = re.findall(r'text-anchor="end"[^>]*>\$([\d.,]+)([kM]?)<', svg)
    top = labels[-1]
    assert top == ("200", "k")  # scaled to twice the largest expected total, not to $1.1M
    ys = [float(v) for v in re.findall(r",(\d+\.\d)", svg)]
    assert min(ys) >= 20  # nothing drawn above the plot area: the tall band is cut at the top


def test_fit_chart_wraps_long_dimension_names():
    needs = [{"dimension": "continuity", "name": "Business continuity (backup and disaster recovery)",
              "weight": 1.0, "need": 0.6}]
    svg = charts.fit_chart([model("Break/Fix", "break-fix", 0, 1, 1)], needs)
    assert ">Business continuity (backup<" in svg and ">and disaster recovery)<" in svg
