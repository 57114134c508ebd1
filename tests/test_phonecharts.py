"""The charts drawn again for a phone (issue 29): titled and described, one bar an option on each aspect, and scaled
to the highest 90th percentile so no range runs past the chart's right edge."""

from __future__ import annotations

import re

from advisor import phonecharts
from advisor.engine import score
from advisor.engine.domain import Profile
from tests.catalogues import seeded_catalogue

RESULT = score(Profile(industry="legal", employees=15, incidents_per_month=3, compliance="strict"), seeded_catalogue())


def test_the_phone_cost_chart_keeps_every_range_inside_and_names_each_option():
    svg = phonecharts.cost_chart(RESULT.options)
    assert 'role="img"' in svg and "<title" in svg and "<desc" in svg
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    whiskers = re.search(r'<path stroke="#222" stroke-width="2" d="([^"]+)"', svg).group(1)
    ends = [float(x) for x in re.findall(r"[MH]([\d.]+)", whiskers)]
    assert ends and max(ends) <= width - 8 + 0.05  # the right margin, never past it
    highest = max(o.cost.three_years.high for o in RESULT.options)
    last_mark = re.findall(r'text-anchor="end">\$([\d.,]+)([kKM]?)<', svg)[-1]  # Babel's short form: $180K
    assert float(last_mark[0].replace(",", "")) * {"": 1, "k": 1e3, "K": 1e3, "M": 1e6}[last_mark[1]] >= highest
    for option in RESULT.options:
        assert f">{option.name}</text>" in svg
    assert svg.count("<circle") == len(RESULT.options)


def test_the_phone_needs_chart_draws_a_bar_an_option_on_each_aspect_and_a_key():
    svg = phonecharts.fit_chart(RESULT.options, RESULT.needs)
    bars = re.findall(r'<path fill="[^"]+" d="([^"]+)"', svg)
    assert len(bars) == len(RESULT.options)  # one path a colour
    for path in bars:  # the key's swatch and a bar for each aspect (an empty share draws nothing)
        assert 1 <= path.count("M") <= 1 + len(RESULT.needs)
    for option in RESULT.options:
        assert f">{option.name}</text>" in svg
    for need in RESULT.needs:
        assert f"need {need.need * 100:.0f} %" in svg
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg).group(1))
    assert all(float(x) + 32 <= width for x in re.findall(r'<text x="([\d.]+)" y="\d+">\d+ %', svg))
