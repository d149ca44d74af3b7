"""Small inline SVG charts for the HTML summary: no scripts, no fonts to fetch, no network.

Every label is escaped; sizes are fixed so the page lays out the same in any browser or mail
client that shows SVG.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

LABEL_WIDTH = 220
BAR_WIDTH = 300
ROW_HEIGHT = 18
PLANNED = "#b8c2cc"
ON_PLAN = "#3d7ea6"
OVER = "#c0392b"
UP = "#2e8b57"
DOWN = "#c0392b"
NEUTRAL = "#8a96a3"
VERDICT_COLOURS = {"better": UP, "worse": DOWN}


def planned_vs_actual(rows: Sequence[tuple[str, int, float | None]]) -> str:
    """Bars per session: planned minutes (grey) under actual minutes (blue, red when over).

    `rows` are (topic, planned minutes, actual minutes or None).
    """
    if not rows:
        return ""
    longest = max([max(p, a or 0) for _, p, a in rows] + [1])
    scale = BAR_WIDTH / longest
    height = ROW_HEIGHT * len(rows) + 24
    width = LABEL_WIDTH + BAR_WIDTH + 60
    parts = [_open(width, height, "Planned against actual minutes per session")]
    for i, (topic, planned, actual) in enumerate(rows):
        y = i * ROW_HEIGHT + 4
        parts.append(_label(topic, y))
        parts.append(_rect(LABEL_WIDTH, y + 2, planned * scale, ROW_HEIGHT - 6, PLANNED))
        if actual is not None:
            colour = OVER if round(actual) > planned else ON_PLAN
            parts.append(_rect(LABEL_WIDTH, y + 5, actual * scale, ROW_HEIGHT - 12, colour))
            parts.append(_text(LABEL_WIDTH + max(planned, actual) * scale + 4, y + 12,
                               f"{round(actual)}/{planned}"))
        else:
            parts.append(_text(LABEL_WIDTH + planned * scale + 4, y + 12, f"—/{planned}"))
    legend_y = len(rows) * ROW_HEIGHT + 18
    parts.append(_text(LABEL_WIDTH, legend_y, "grey: planned, blue: actual, red: ran over"))
    parts.append("</svg>")
    return "".join(parts)


def change_bars(items: Sequence[tuple[str, float] | tuple[str, float, str | None]],
                title: str) -> str:
    """Diverging bars of relative changes in percent (clamped to ±100 for drawing).

    An item's third part, when given, is its verdict: "better" is drawn green and "worse"
    red whichever way the bar points; any other (a figure good neither way) is grey. Without
    it, a bar is coloured by its direction.
    """
    if not items:
        return ""
    half = BAR_WIDTH / 2
    middle = LABEL_WIDTH + half
    height = ROW_HEIGHT * len(items) + 8
    width = LABEL_WIDTH + BAR_WIDTH + 70
    parts = [_open(width, height, title)]
    parts.append(f'<line x1="{middle:.1f}" y1="0" x2="{middle:.1f}" y2="{height}" '
                 'stroke="#888" stroke-width="1"/>')
    for i, item in enumerate(items):
        label, pct = item[0], item[1]
        colour = (UP if pct >= 0 else DOWN) if len(item) < 3 else VERDICT_COLOURS.get(
            item[2] or "", NEUTRAL)
        y = i * ROW_HEIGHT + 4
        parts.append(_label(label, y))
        length = min(abs(pct), 100.0) / 100 * half
        x = middle if pct >= 0 else middle - length
        parts.append(_rect(x, y + 2, length, ROW_HEIGHT - 6, colour))
        sign = "+" if pct >= 0 else "-"
        parts.append(_text(LABEL_WIDTH + BAR_WIDTH + 4, y + 12, f"{sign}{abs(pct):.1f}%"))
    parts.append("</svg>")
    return "".join(parts)


def _open(width: float, height: float, title: str) -> str:
    # inline SVG in HTML needs no namespace, so the page holds no URL at all
    return (f'<svg width="{width:.0f}" height="{height:.0f}" '
            f'viewBox="0 0 {width:.0f} {height:.0f}" role="img" aria-label="{escape(title)}">'
            f"<title>{escape(title)}</title>")


def _label(text: str, y: float) -> str:
    short = text if len(text) <= 34 else text[:33] + "…"
    return _text(0, y + 12, short)


def _text(x: float, y: float, text: str) -> str:
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" '
            f'font-family="sans-serif">{escape(text)}</text>')


def _rect(x: float, y: float, w: float, h: float, colour: str) -> str:
    return (f'<rect x="{x:.1f}" y="{y:.1f}" width="{max(w, 0):.1f}" height="{max(h, 1):.1f}" '
            f'fill="{colour}"/>')
