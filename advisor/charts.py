"""Server-rendered SVG charts drawn from a stored result. Pure functions returning markup.

Each chart carries a <title> and <desc> for screen readers; the page also shows the same numbers as a table.
Colours are presentation attributes, not inline styles, so a strict Content-Security-Policy allows them.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from django.utils.safestring import SafeString, mark_safe

from .engine import money
from .engine.domain import Need, OptionResult

# Dark enough for 4.5:1 contrast on white when used for text, distinct for common colour blindness.
PALETTE = ("#0b5394", "#a34700", "#1b6e3a", "#6a3d9a", "#8a1c48", "#3d5a66")


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _money_short(value: float) -> str:
    """An axis label in the result's currency: "$12k", "£1.2m" (Babel's short form for the locale)."""
    return money.short(value)


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def cost_chart(options: Sequence[OptionResult], *, chart_id: str = "cost-chart") -> SafeString:
    """Each option's expected three-year cost as a bar in three parts (bills, lost work, risk), with a line
    from the 10th to the 90th percentile of the total. Scaled to the highest 90th percentile, so no range is
    ever cut off."""
    row_h, bar_h, label_w, width, right = 64, 26, 190, 720, 24
    height = 40 + row_h * len(options) + 40
    plot_w = width - label_w - right
    peak = _nice_ceiling(max((o.cost.three_years.high for o in options), default=0.0))

    def x(value: float) -> float:
        return label_w + plot_w * max(0.0, value) / peak

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">Estimated cost over three years, by part</title>',
    ]
    desc = "; ".join(
        f"{o.name}: bills {_money_short(o.cost.parts.bills.expected)}, lost work "
        f"{_money_short(o.cost.parts.lost_work.expected)}, risk {_money_short(o.cost.parts.risk.expected)}, "
        f"in all {_money_short(o.cost.three_years.expected)} (10th to 90th percentile "
        f"{_money_short(o.cost.three_years.low)} to {_money_short(o.cost.three_years.high)})"
        for o in options
    )
    parts.append(f'<desc id="{chart_id}-desc">{escape(desc)}. The table below gives the figures.</desc>')
    axis_y = 30 + row_h * len(options)
    for i in range(5):
        value = peak * i / 4
        parts.append(f'<line x1="{x(value):.1f}" x2="{x(value):.1f}" y1="24" y2="{axis_y}" stroke="#d0d4d9"/>')
        parts.append(
            f'<text x="{x(value):.1f}" y="{axis_y + 18}" text-anchor="middle" font-size="12" '
            f'fill="#333">{_money_short(value)}</text>'
        )
    for index, option in enumerate(options):
        top = 30 + index * row_h
        parts.append(
            f'<text x="0" y="{top + bar_h / 2 + 5:.1f}" font-size="13" fill="#222">'
            f"{escape(_wrap(option.name, 26)[0])}</text>"
        )
        start = 0.0
        for (name, fill), value in zip(
            PART_STYLES,
            (option.cost.parts.bills.expected, option.cost.parts.lost_work.expected, option.cost.parts.risk.expected),
            strict=False,
        ):
            parts.append(
                f'<rect x="{x(start):.1f}" y="{top}" width="{x(start + value) - x(start):.1f}" '
                f'height="{bar_h}" fill="{fill}"><title>{name}: {_money_short(value)}</title></rect>'
            )
            start += value
        low, high = option.cost.three_years.low, option.cost.three_years.high
        whisker_y = top + bar_h + 10
        parts.append(
            f'<line x1="{x(low):.1f}" x2="{x(high):.1f}" y1="{whisker_y}" y2="{whisker_y}" '
            f'stroke="#222" stroke-width="2"/>'
        )
        for end in (low, high):
            parts.append(
                f'<line x1="{x(end):.1f}" x2="{x(end):.1f}" y1="{whisker_y - 6}" y2="{whisker_y + 6}" '
                f'stroke="#222" stroke-width="2"/>'
            )
        parts.append(f'<circle cx="{x(option.cost.three_years.expected):.1f}" cy="{whisker_y}" r="4" fill="#222"/>')
    parts.append(f'<line x1="{label_w}" x2="{label_w}" y1="24" y2="{axis_y}" stroke="#333"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every interpolated text is escaped or numeric


# Bills, lost work, risk: colours from the palette (the page's legend and swatches use the same).
PART_STYLES = (("Bills", "#0b5394"), ("Lost work (estimate)", "#a34700"), ("Risk (estimate)", "#8a1c48"))


def _wrap(text: str, width: int) -> list[str]:
    """Split a label into at most two lines at a space, shortening the second with an ellipsis if needed."""
    if len(text) <= width:
        return [text]
    cut = text.rfind(" ", 0, width + 1)
    cut = cut if cut > 0 else width
    rest = text[cut:].strip()
    return [text[:cut].strip(), rest if len(rest) <= width else rest[: width - 1].rstrip() + "…"]


def fit_chart(options: Sequence[OptionResult], needs: Sequence[Need], *, chart_id: str = "fit-chart") -> SafeString:
    """For each aspect, how much of its possible points each option earns (0-100 %)."""
    total_weight = sum(max(0.0, n.weight) for n in needs) or 1.0
    row_h, bar_h, label_w, width = max(18 * len(options) + 16, 48), 14, 250, 720
    height = 30 + row_h * len(needs)
    plot_w = width - label_w - 60
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">How well each option meets each need</title>',
        f'<desc id="{chart_id}-desc">Bars show the share of each aspect\'s points each option earns for you. '
        f"The table below gives the figures.</desc>",
    ]
    for index, need in enumerate(needs):
        row_top = 20 + index * row_h
        lines = _wrap(need.name, 30)
        for line_no, line in enumerate(lines):
            parts.append(
                f'<text x="0" y="{row_top + 12 + 14 * line_no}" font-size="13" fill="#222">{escape(line)}</text>'
            )
        parts.append(
            f'<text x="0" y="{row_top + 12 + 14 * len(lines)}" font-size="11" fill="#555">'
            f"need {need.need * 100:.0f} %</text>"
        )
        for o_index, option in enumerate(options):
            met = met_share(option, need, total_weight) / 100
            bar_y = row_top + 2 + o_index * 18
            parts.append(
                f'<rect x="{label_w}" y="{bar_y}" width="{plot_w * met:.1f}" height="{bar_h}" '
                f'fill="{colour(o_index)}"/>'
            )
            parts.append(
                f'<text x="{label_w + plot_w * met + 6:.1f}" y="{bar_y + 11}" font-size="11" '
                f'fill="#222">{met * 100:.0f} %</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every interpolated text is escaped or numeric


def met_share(option: OptionResult, need: Need, total_weight: float) -> float:
    """Percentage of an aspect's possible points an option earns, for the table beside the chart."""
    share = max(0.0, need.weight) / (total_weight or 1.0) * 100
    points = next((d.points for d in option.dimensions if d.dimension == need.dimension), 0.0)
    return 0.0 if share <= 0 else round(max(0.0, min(1.0, points / share)) * 100)
