"""What the answer depends on, for the result page: a tornado chart (server-rendered SVG, like charts.py) and the
rows of the table beside it. Pure functions of the stored result's `depends`.

Each bar is one answer or figure: it runs from the leader's lead with that one at the low end of its range to
the lead with it at the high end, about a line at the lead as things stand; a line at zero marks where another
option would come out ahead. Labels sit above their bars, so the chart reads at 375 px without scrolling.
"""

from __future__ import annotations

from html import escape

from django.utils.safestring import SafeString, mark_safe

from .engine.domain import Depends, Swing
from .engine.tipping import about
from .templatetags.money import money

WIDTH, SIDE = 400, 8
LABEL_SIZE, SMALL_SIZE = 14, 12
ROW, BAR = 58, 16
LOW_COLOUR, HIGH_COLOUR = "#0b5394", "#a34700"  # charts.PALETTE: 4.5:1 on white, apart for colour blindness
WRAP = 52


def rows(depends: Depends) -> list[Swing]:
    """The answers, then the figures, as the chart and the table show them."""
    return [*depends.answers, *depends.figures]


def lead_words(depends: Depends, gap: float, currency: str) -> str:
    """'Break/Fix by $18,070', or 'another option by $3,100' when the leader would be behind."""
    if round(gap) == 0:
        return "level"
    who = depends.leader if gap > 0 else "another option"
    return f"{who} by {money(abs(gap), currency)}"


def value_words(swing: Swing, value: float, currency: str) -> str:
    if swing.money:
        return money(value, currency)
    rounded = about(value)
    return f"{rounded:,.0f}" if abs(rounded) >= 100 or float(rounded).is_integer() else f"{rounded:g}"


def table(depends: Depends, currency: str) -> list[dict]:
    return [
        {
            "swing": swing,
            "low": value_words(swing, swing.low, currency),
            "high": value_words(swing, swing.high, currency),
            "lead_low": lead_words(depends, swing.gap_low, currency),
            "lead_high": lead_words(depends, swing.gap_high, currency),
        }
        for swing in rows(depends)
    ]


def _wrap(text: str) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= WRAP:
            lines[-1] += " " + word
        else:
            lines.append(word)
    if len(lines) > 2:
        lines = [lines[0], (lines[1][: WRAP - 1].rstrip() + "…")]
    return lines


def chart(depends: Depends, currency: str, *, chart_id: str = "depends-chart") -> SafeString:
    shown = rows(depends)
    ends = [0.0, depends.gap, *(s.gap_low for s in shown), *(s.gap_high for s in shown)]
    low, high = min(ends), max(ends)
    pad = (high - low) * 0.04 or 1.0
    low, high = low - pad, high + pad
    plot = WIDTH - 2 * SIDE

    def x(value: float) -> float:
        return SIDE + plot * (value - low) / (high - low)

    legend_h = 44
    height = legend_h + ROW * len(shown) + 64
    parts = [
        f'<svg class="chart tornado" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">How far each answer and figure moves {escape(depends.leader)}\'s lead</title>',
    ]
    desc = "; ".join(
        f"{s.label}: from {value_words(s, s.low, currency)}, lead {lead_words(depends, s.gap_low, currency)}; "
        f"to {value_words(s, s.high, currency)}, lead {lead_words(depends, s.gap_high, currency)}"
        for s in shown
    )
    parts.append(f'<desc id="{chart_id}-desc">{escape(desc)}. The table below gives the same figures.</desc>')
    # The legend: which end of each range each colour stands for.
    parts.append(f'<rect x="{SIDE}" y="6" width="14" height="14" fill="{LOW_COLOUR}"/>')
    parts.append(f'<text x="{SIDE + 20}" y="18" font-size="{SMALL_SIZE}" fill="#222">at the low end</text>')
    parts.append(f'<rect x="{SIDE + 130}" y="6" width="14" height="14" fill="{HIGH_COLOUR}"/>')
    parts.append(f'<text x="{SIDE + 150}" y="18" font-size="{SMALL_SIZE}" fill="#222">at the high end</text>')
    parts.append(f'<line x1="{SIDE + 262}" x2="{SIDE + 262}" y1="5" y2="21" stroke="#222" stroke-dasharray="4 3"/>')
    parts.append(f'<text x="{SIDE + 270}" y="18" font-size="{SMALL_SIZE}" fill="#222">your answers</text>')
    top, bottom = legend_h - 8, legend_h + ROW * len(shown)
    now, zero = x(depends.gap), x(0.0)
    parts.append(f'<line x1="{zero:.1f}" x2="{zero:.1f}" y1="{top}" y2="{bottom}" stroke="#8a1c48" stroke-width="2"/>')
    parts.append(f'<line x1="{now:.1f}" x2="{now:.1f}" y1="{top}" y2="{bottom}" stroke="#222" stroke-dasharray="4 3"/>')
    for index, swing in enumerate(shown):
        row_top = legend_h + index * ROW
        lines = _wrap(swing.label)
        for line_no, line in enumerate(lines):
            size, y = (LABEL_SIZE if line_no == 0 else SMALL_SIZE), row_top + 12 + 15 * line_no
            parts.append(f'<text x="{SIDE}" y="{y}" font-size="{size}" fill="#222">{escape(line)}</text>')
        bar_y = row_top + 15 * len(lines) + 4
        for gap, fill in ((swing.gap_low, LOW_COLOUR), (swing.gap_high, HIGH_COLOUR)):
            start, end = sorted((now, x(gap)))
            parts.append(
                f'<rect x="{start:.1f}" y="{bar_y}" width="{max(1.0, end - start):.1f}" height="{BAR}" fill="{fill}"/>'
            )
    axis = bottom + 4
    parts.append(f'<line x1="{SIDE}" x2="{WIDTH - SIDE}" y1="{axis}" y2="{axis}" stroke="#333"/>')
    parts.append(
        f'<text x="{zero:.1f}" y="{axis + 16}" text-anchor="middle" font-size="{SMALL_SIZE}" fill="#8a1c48">'
        f"level</text>"
    )
    parts.append(
        f'<text x="{SIDE}" y="{axis + 36}" font-size="{SMALL_SIZE}" fill="#222">'
        f"{'← another option ahead' if low < 0 else ''}</text>"
    )
    parts.append(
        f'<text x="{WIDTH - SIDE}" y="{axis + 54}" text-anchor="end" font-size="{SMALL_SIZE}" fill="#222">'
        f"{escape(depends.leader)} ahead →</text>"
    )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # every interpolated text is escaped or numeric
