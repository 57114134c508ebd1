"""Server-rendered SVG charts: labelled for screen readers, drawn from typed results, no range cut off."""

from __future__ import annotations

import re

from advisor import charts
from advisor.engine import score
from advisor.engine.domain import Need, Profile
from tests.catalogues import seeded_catalogue

RESULT = score(Profile(industry="legal", employees=15, incidents_per_month=3, compliance="strict"), seeded_catalogue())


def test_the_cost_chart_is_titled_and_described_for_screen_readers_with_each_part():
    svg = charts.cost_chart(RESULT.options)
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    desc = re.search(r"<desc[^>]*>(.*?)</desc>", svg).group(1)
    for option in RESULT.options:
        assert f"{option.name}: bills $" in desc
    assert "10th to 90th percentile" in desc


def test_the_cost_chart_is_scaled_to_the_highest_90th_percentile_so_no_range_is_cut_off():
    svg = charts.cost_chart(RESULT.options)
    whisker_ends = [
        float(x)
        for x in re.findall(
            r'<line x1="([\d.]+)" x2="[\d.]+" y1="(?:\d+)" y2="\d+" '
            r'stroke="#222" stroke-width="2"/>',
            svg,
        )
    ]
    right_edge = 720 - 24
    assert whisker_ends and max(whisker_ends) <= right_edge + 0.05
    highest = max(o.cost.three_years.high for o in RESULT.options)
    # Babel's short form in en_US: $950, $180K, $1.2M
    labels = re.findall(r'text-anchor="middle" font-size="12" fill="#333">\$([\d.,]+)([kKM]?)<', svg)
    scale = {"": 1, "k": 1_000, "K": 1_000, "M": 1_000_000}
    assert float(labels[-1][0].replace(",", "")) * scale[labels[-1][1]] >= highest


def test_the_fit_chart_wraps_long_aspect_names():
    needs = [Need("continuity", "Business continuity (backup and disaster recovery)", 1.0, 0.6, ())]
    svg = charts.fit_chart(RESULT.options, needs)
    assert ">Business continuity (backup<" in svg and ">and disaster recovery)<" in svg
