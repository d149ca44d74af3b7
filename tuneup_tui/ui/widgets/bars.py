"""Shares drawn as horizontal text bars ("organic search ██████▌ 42.0%"), sized to fit.

A share series holds fractions of a whole (shares of sessions, of spend), or ratios (ROMI per
tactic), shown as percentages; or counts (leads sent to sales by score band), shown as
counts: "60-79 ██████ 111", never "11100.0%".
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.table import Table
from rich.text import Text

from tuneup_tui.textsafe import visible_line
from tuneup_tui.ui.format import number

EIGHTHS = " ▏▎▍▌▋▊▉"
BAR_WIDTH = 18
MAX_BARS = 8


def bar(fraction: float, width: int = BAR_WIDTH) -> str:
    """A bar `fraction` of `width` cells long, in eighths of a cell."""
    eighths = round(max(0.0, min(1.0, fraction)) * width * 8)
    full, part = divmod(eighths, 8)
    return "█" * full + (EIGHTHS[part] if part else "")


def are_counts(values: Sequence[float]) -> bool:
    """Whether `values` are counts rather than fractions: all whole and none below zero,
    adding up to more than 1 (shares of a whole add up to 1 at most; ratios such as ROMI are
    rarely whole, and -100% where a tactic brought nothing back)."""
    return sum(values) > 1 and all(v >= 0 and float(v).is_integer() for v in values)


def share_bars(labels: Sequence[str], values: Sequence[float | int | None]) -> Table:
    """The largest shares as bars, with their percentages (or counts, for counts)."""
    pairs = [(lab, number(v) or 0.0) for lab, v in zip(labels, values, strict=False)]
    counts = are_counts([v for _, v in pairs])

    def written(value: float) -> str:
        return f"{value:,.0f}" if counts else f"{value * 100:.1f}%"

    pairs.sort(key=lambda p: p[1], reverse=True)
    shown = pairs[:MAX_BARS]
    top = max((v for _, v in shown), default=0.0) or 1.0
    table = Table.grid(padding=(0, 1))
    table.add_column(no_wrap=True, overflow="ellipsis", max_width=20)
    table.add_column(no_wrap=True, width=BAR_WIDTH)
    table.add_column(no_wrap=True, justify="right")
    for lab, value in shown:
        # A label is data (a referral source, a campaign): a Text, never markup.
        table.add_row(Text(visible_line(str(lab))), Text(bar(value / top), style="cyan"),
                      written(value))
    if len(pairs) > MAX_BARS:
        rest = sum(v for _, v in pairs[MAX_BARS:])
        table.add_row(Text(f"{len(pairs) - MAX_BARS} others", style="dim"), "",
                      written(rest))
    return table
