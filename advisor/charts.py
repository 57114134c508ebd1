"""Server-rendered SVG charts drawn from a stored result. Pure functions returning markup.

Each chart carries a <title> and <desc> for screen readers; the page also shows the same numbers as a table.
Colours are presentation attributes, not inline styles, so a strict Content-Security-Policy allows them.
"""
from __future__ import annotations

from html import escape
from typing import Any

from django.utils.safestring import SafeString, mark_safe

# Dark enough for 4.5:1 contrast on white when used for text, distinct for common colour blindness.
PALETTE = ("#0b5394", "#a34700", "#1b6e3a", "#6a3d9a", "#8a1c48", "#3d5a66")


def colour(index: int) -> str:
    return PALETTE[index % len(PALETTE)]


def _money_short(value: float) -> str:
    if value >= 1_000_000:
        return f"${value / 1_000_000:,.1f}M"
    if value >= 1_000:
        return f"${value / 1_000:,.0f}k"
    return f"${value:,.0f}"


def _nice_ceiling(value: float) -> float:
    if value <= 0:
        return 1.0
    magnitude = 10 ** (len(str(int(value))) - 1)
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def cost_chart(models: list[dict[str, Any]], *, chart_id: str = "cost-chart") -> SafeString:
    """Cumulative expected cost of each model over 36 months, with its low-high band."""
    width, height, left, right, top, bottom = 720, 340, 70, 20, 20, 50
    plot_w, plot_h = width - left - right, height - top - bottom
    # Scale to the expected totals (with room for most of each band), not to the highest high estimate:
    # one pessimistic band would otherwise flatten every expected line along the bottom. A band that runs
    # off the top is cut there; the table below gives every range in full.
    peak_high = max((m["cost"]["three_years"]["high"] for m in models), default=0.0)
    peak_expected = max((m["cost"]["three_years"]["expected"] for m in models), default=0.0)
    ceiling = _nice_ceiling(min(peak_high, 2.0 * peak_expected) if peak_expected > 0 else peak_high)

    def x(month: int) -> float:
        return left + plot_w * month / 36

    def y(value: float) -> float:
        return top + plot_h * (1 - min(value, ceiling) / ceiling)

    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">Estimated cumulative cost over 36 months</title>',
    ]
    desc = "; ".join(
        f"{m['name']}: expected {_money_short(m['cost']['three_years']['expected'])} after 36 months, "
        f"range {_money_short(m['cost']['three_years']['low'])} to {_money_short(m['cost']['three_years']['high'])}"
        for m in models
    )
    parts.append(f'<desc id="{chart_id}-desc">{escape(desc)}. The table below gives the figures.</desc>')
    for i in range(5):
        value = ceiling * i / 4
        parts.append(f'<line x1="{left}" x2="{width - right}" y1="{y(value):.1f}" y2="{y(value):.1f}" '
                     f'stroke="#d0d4d9" stroke-width="1"/>')
        parts.append(f'<text x="{left - 8}" y="{y(value) + 4:.1f}" text-anchor="end" font-size="12" '
                     f'fill="#333">{_money_short(value)}</text>')
    for month in (0, 6, 12, 18, 24, 30, 36):
        parts.append(f'<text x="{x(month):.1f}" y="{height - bottom + 18}" text-anchor="middle" font-size="12" '
                     f'fill="#333">{month}</text>')
    parts.append(f'<text x="{left + plot_w / 2:.1f}" y="{height - 8}" text-anchor="middle" font-size="12" '
                 f'fill="#333">Months</text>')
    for index, model in enumerate(models):
        # Costs grow in a straight line from the onboarding paid at month 0 to the three-year total.
        start, end = model["cost"]["onboarding"], model["cost"]["three_years"]
        upper = f"{x(0):.1f},{y(start['high']):.1f} {x(36):.1f},{y(end['high']):.1f}"
        lower = f"{x(36):.1f},{y(end['low']):.1f} {x(0):.1f},{y(start['low']):.1f}"
        line = f"{x(0):.1f},{y(start['expected']):.1f} {x(36):.1f},{y(end['expected']):.1f}"
        tint = colour(index)
        parts.append(f'<polygon points="{upper} {lower}" fill="{tint}" fill-opacity="0.15" stroke="none"/>')
        dash = ' stroke-dasharray="8 4"' if index % 2 else ""
        parts.append(f'<polyline points="{line}" fill="none" stroke="{tint}" stroke-width="3"{dash}/>')
        label_y = y(end["expected"])
        parts.append(f'<circle cx="{x(36):.1f}" cy="{label_y:.1f}" r="4" fill="{tint}"/>')
    parts.append(f'<line x1="{left}" x2="{left}" y1="{top}" y2="{top + plot_h}" stroke="#333"/>')
    parts.append(f'<line x1="{left}" x2="{width - right}" y1="{top + plot_h}" y2="{top + plot_h}" stroke="#333"/>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped or numeric


def _wrap(text: str, width: int) -> list[str]:
    """Split a label into at most two lines at a space, shortening the second with an ellipsis if needed."""
    if len(text) <= width:
        return [text]
    cut = text.rfind(" ", 0, width + 1)
    cut = cut if cut > 0 else width
    rest = text[cut:].strip()
    return [text[:cut].strip(), rest if len(rest) <= width else rest[: width - 1].rstrip() + "…"]


def fit_chart(models: list[dict[str, Any]], needs: list[dict[str, Any]], *, chart_id: str = "fit-chart") -> SafeString:
    """For each dimension, how much of its possible points each model earns (0-100 %)."""
    total_weight = sum(max(0.0, n["weight"]) for n in needs) or 1.0
    row_h, bar_h, label_w, width = max(18 * len(models) + 16, 48), 14, 250, 720
    height = 30 + row_h * len(needs)
    plot_w = width - label_w - 60
    parts = [
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">How well each model meets each need</title>',
        f'<desc id="{chart_id}-desc">Bars show the share of each dimension\'s points each model earns for you. '
        f'The table below gives the figures.</desc>',
    ]
    for index, need in enumerate(needs):
        row_top = 20 + index * row_h
        share = max(0.0, need["weight"]) / total_weight * 100
        lines = _wrap(need["name"], 30)
        for line_no, line in enumerate(lines):
            parts.append(f'<text x="0" y="{row_top + 12 + 14 * line_no}" font-size="13" fill="#222">{escape(line)}</text>')
        parts.append(f'<text x="0" y="{row_top + 12 + 14 * len(lines)}" font-size="11" fill="#555">'
                     f'need {need["need"] * 100:.0f} %</text>')
        for m_index, model in enumerate(models):
            points = next((d["points"] for d in model["dimensions"] if d["dimension"] == need["dimension"]), 0.0)
            met = 0.0 if share <= 0 else max(0.0, min(1.0, points / share))
            bar_y = row_top + 2 + m_index * 18
            parts.append(f'<rect x="{label_w}" y="{bar_y}" width="{plot_w * met:.1f}" height="{bar_h}" '
                         f'fill="{colour(m_index)}"/>')
            parts.append(f'<text x="{label_w + plot_w * met + 6:.1f}" y="{bar_y + 11}" font-size="11" '
                         f'fill="#222">{met * 100:.0f} %</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every interpolated text is escaped or numeric


def met_share(model: dict[str, Any], need: dict[str, Any], total_weight: float) -> float:
    """Percentage of a dimension's possible points a model earns, for the table beside the chart."""
    share = max(0.0, need["weight"]) / (total_weight or 1.0) * 100
    points = next((d["points"] for d in model["dimensions"] if d["dimension"] == need["dimension"]), 0.0)
    return 0.0 if share <= 0 else round(max(0.0, min(1.0, points / share)) * 100)
