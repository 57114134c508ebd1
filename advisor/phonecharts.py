"""The result's two charts laid out again for a phone (issue 29): 320 units wide, so that at 320 px a label is drawn
at about its own size, each name on a line of its own above its bars, nothing to scroll sideways. The page shows
these below 768 px and charts.py's wide ones above (site.css); both carry a title and description, and the tables
beside them give the same numbers. Scaled like the wide ones, to the highest 90th percentile: no range is cut off.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

from .charts import PART_STYLES, _money_short, _nice_ceiling, _wrap, colour, met_share
from .engine.domain import Need, OptionResult

WIDTH = 320


def _open(chart_id: str, height: float, title: str, desc: str) -> list[str]:
    return [
        f'<svg class="chart-phone" viewBox="0 0 {WIDTH} {height:.0f}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">{escape(desc)} The table below gives the figures.</desc>',
    ]


def cost_chart(options: Sequence[OptionResult], *, chart_id: str = "cost-chart-phone") -> SafeString:
    """charts.cost_chart for a phone: each option's name above its bar (bills, lost work, risk) and the line from
    the 10th to the 90th percentile of its total beneath; three money marks along the bottom."""
    left, right, row_h, bar_h = 4, 8, 70, 22
    plot_w = WIDTH - left - right
    peak = _nice_ceiling(max((o.cost.three_years.high for o in options), default=0.0))
    axis_y = 8 + row_h * len(options)
    height = axis_y + 24

    def x(value: float) -> float:
        return left + plot_w * max(0.0, value) / peak

    desc = "; ".join(
        f"{o.name}: in all {_money_short(o.cost.three_years.expected)} (10th to 90th percentile "
        f"{_money_short(o.cost.three_years.low)} to {_money_short(o.cost.three_years.high)})"
        for o in options
    )
    parts = _open(chart_id, height, "Estimated cost over three years, by part", desc + ".")
    for i, anchor in enumerate(("start", "middle", "end")):
        value = peak * i / 2
        parts.append(f'<line x1="{x(value):.1f}" x2="{x(value):.1f}" y1="4" y2="{axis_y}" stroke="#d0d4d9"/>')
        parts.append(
            f'<text x="{x(value):.1f}" y="{axis_y + 18}" text-anchor="{anchor}" font-size="13" '
            f'fill="#333">{_money_short(value)}</text>'
        )
    for index, option in enumerate(options):
        top = 8 + index * row_h
        parts.append(
            f'<text x="{left}" y="{top + 13}" font-size="14" fill="#222">{escape(_wrap(option.name, 40)[0])}</text>'
        )
        bar_y, start = top + 19, 0.0
        for (name, fill), value in zip(
            PART_STYLES,
            (option.cost.parts.bills.expected, option.cost.parts.lost_work.expected, option.cost.parts.risk.expected),
            strict=False,
        ):
            parts.append(
                f'<rect x="{x(start):.1f}" y="{bar_y}" width="{x(start + value) - x(start):.1f}" '
                f'height="{bar_h}" fill="{fill}"><title>{name}: {_money_short(value)}</title></rect>'
            )
            start += value
        low, high = option.cost.three_years.low, option.cost.three_years.high
        whisker_y = bar_y + bar_h + 10
        parts.append(
            f'<line x1="{x(low):.1f}" x2="{x(high):.1f}" y1="{whisker_y}" y2="{whisker_y}" stroke="#222" '
            f'stroke-width="2"/>'
        )
        for end in (low, high):
            parts.append(
                f'<line x1="{x(end):.1f}" x2="{x(end):.1f}" y1="{whisker_y - 6}" y2="{whisker_y + 6}" '
                f'stroke="#222" stroke-width="2"/>'
            )
        parts.append(f'<circle cx="{x(option.cost.three_years.expected):.1f}" cy="{whisker_y}" r="4" fill="#222"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every interpolated text is escaped or numeric


def fit_chart(
    options: Sequence[OptionResult], needs: Sequence[Need], *, chart_id: str = "fit-chart-phone"
) -> SafeString:
    """charts.fit_chart for a phone: a key naming each option's colour, then for each aspect its name and need on
    lines of their own above one full-width bar an option."""
    total_weight = sum(max(0.0, n.weight) for n in needs) or 1.0
    bar_h, gap, plot_w = 14, 18, WIDTH - 48
    parts: list[str] = []
    y = 4
    for o_index, option in enumerate(options):  # the key
        parts.append(f'<rect x="0" y="{y}" width="14" height="14" fill="{colour(o_index)}"/>')
        parts.append(f'<text x="20" y="{y + 12}" font-size="13" fill="#222">{escape(_wrap(option.name, 38)[0])}</text>')
        y += 20
    y += 8
    for need in needs:
        for line in _wrap(need.name, 40):
            y += 16
            parts.append(f'<text x="0" y="{y}" font-size="14" fill="#222">{escape(line)}</text>')
        y += 15
        parts.append(f'<text x="0" y="{y}" font-size="12" fill="#555">need {need.need * 100:.0f} %</text>')
        y += 6
        for o_index, option in enumerate(options):
            met = met_share(option, need, total_weight) / 100
            parts.append(
                f'<rect x="0" y="{y}" width="{max(plot_w * met, 0.0):.1f}" height="{bar_h}" fill="{colour(o_index)}"/>'
            )
            parts.append(
                f'<text x="{plot_w * met + 5:.1f}" y="{y + 12}" font-size="12" fill="#222">{met * 100:.0f} %</text>'
            )
            y += gap
        y += 8
    head = _open(
        chart_id,
        y,
        "How well each option meets each need",
        "Bars show the share of each aspect's points each option earns for you, one bar an option in the key's order.",
    )
    return mark_safe("".join([*head, *parts, "</svg>"]))  # every interpolated text is escaped or numeric
