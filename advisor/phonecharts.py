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


def _bars(fill: str, bars: list[tuple[float, float, float, float]]) -> str:
    """Bars of one colour as a single path, each (x, y, width, height): a phone's charts carry no hover titles, so
    one element a colour keeps the page light."""
    d = "".join(f"M{x:.1f} {y:.0f}h{w:.1f}v{h:.0f}h{-w:.1f}z" for x, y, w, h in bars if w > 0)
    return f'<path fill="{fill}" d="{d}"/>' if d else ""


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
    grid, marks = [], []
    for i, anchor in enumerate(("start", "middle", "end")):
        value = peak * i / 2
        grid.append(f"M{x(value):.1f} 4V{axis_y}")
        marks.append(f'<text x="{x(value):.1f}" y="{axis_y + 18}" text-anchor="{anchor}">{_money_short(value)}</text>')
    parts.append(f'<path stroke="#d0d4d9" d="{"".join(grid)}"/><g font-size="13" fill="#333">{"".join(marks)}</g>')
    names, whiskers, dots = [], [], []
    pieces: list[list[tuple[float, float, float, float]]] = [[] for _ in PART_STYLES]
    for index, option in enumerate(options):
        top = 8 + index * row_h
        names.append(f'<text x="{left}" y="{top + 13}">{escape(_wrap(option.name, 40)[0])}</text>')
        bar_y, start = top + 19, 0.0
        values = (
            option.cost.parts.bills.expected,
            option.cost.parts.lost_work.expected,
            option.cost.parts.risk.expected,
        )
        for part, value in enumerate(values):
            pieces[part].append((x(start), bar_y, x(start + value) - x(start), bar_h))
            start += value
        low, high = x(option.cost.three_years.low), x(option.cost.three_years.high)
        y = bar_y + bar_h + 10
        whiskers.append(f"M{low:.1f} {y}H{high:.1f}M{low:.1f} {y - 6}v12M{high:.1f} {y - 6}v12")
        dots.append(f'<circle cx="{x(option.cost.three_years.expected):.1f}" cy="{y}" r="4"/>')
    parts.append(f'<g font-size="14" fill="#222">{"".join(names)}</g>')
    parts.extend(_bars(fill, bars) for (_name, fill), bars in zip(PART_STYLES, pieces, strict=True))
    parts.append(f'<path stroke="#222" stroke-width="2" d="{"".join(whiskers)}"/><g fill="#222">{"".join(dots)}</g>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every interpolated text is escaped or numeric


def fit_chart(
    options: Sequence[OptionResult], needs: Sequence[Need], *, chart_id: str = "fit-chart-phone"
) -> SafeString:
    """charts.fit_chart for a phone: a key naming each option's colour, then for each aspect its name and need on
    lines of their own above one full-width bar an option."""
    total_weight = sum(max(0.0, n.weight) for n in needs) or 1.0
    bar_h, gap, plot_w = 14, 18, WIDTH - 48
    bars: list[list[tuple[float, float, float, float]]] = [[] for _ in options]
    names: list[str] = []  # the key's and the aspects' names, 13 and 14 units
    small: list[str] = []  # needs and shares, 12 units
    y = 4
    for o_index, option in enumerate(options):  # the key
        bars[o_index].append((0, y, 14, 14))
        names.append(f'<text x="20" y="{y + 12}" font-size="13">{escape(_wrap(option.name, 38)[0])}</text>')
        y += 20
    y += 8
    for need in needs:
        for line in _wrap(need.name, 40):
            y += 16
            names.append(f'<text y="{y}">{escape(line)}</text>')
        y += 15
        small.append(f'<text y="{y}" fill="#555">need {need.need * 100:.0f} %</text>')
        y += 6
        for o_index, option in enumerate(options):
            met = met_share(option, need, total_weight) / 100
            bars[o_index].append((0, y, plot_w * met, bar_h))
            small.append(f'<text x="{plot_w * met + 5:.1f}" y="{y + 12}">{met * 100:.0f} %</text>')
            y += gap
        y += 8
    head = _open(
        chart_id,
        y,
        "How well each option meets each need",
        "Bars show the share of each aspect's points each option earns for you, one bar an option in the key's order.",
    )
    body = [_bars(colour(i), rows) for i, rows in enumerate(bars)]
    body.append(f'<g font-size="14" fill="#222">{"".join(names)}</g><g font-size="12" fill="#222">{"".join(small)}</g>')
    return mark_safe("".join([*head, *body, "</svg>"]))  # every interpolated text is escaped or numeric
