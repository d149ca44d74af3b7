"""How the console writes figures, changes and times.

Figures (names in words, rates as %, money with $, counts with separators) are written the
one way `tuneup_tui.metrics.display` defines, which the text report and the summary share; the
names are re-exported here so the console's modules import them from one place. What is the
console's own: the change with its arrow; the countdown and the day's drift are in
`clock_text` (the first frame shows them, before the catalogue is read).
"""

from __future__ import annotations

import math
from typing import Any

from tuneup_tui.metrics.catalogue import figure_label, figure_short, verdict
from tuneup_tui.metrics.display import (
    FigureKind,
    fmt_cell,
    fmt_figure,
    kind_of,
    label,
    number,
    short_change,
)
from tuneup_tui.ui.clock_text import fmt_countdown, fmt_drift

__all__ = [
    "FigureKind", "change", "change_style", "figure_label", "figure_short", "fmt_cell",
    "fmt_countdown",
    "fmt_drift", "fmt_figure", "kind_of", "label", "number",
]


def change(name: str, value: Any, baseline: Any, panel: str | None = None,
           currency: str | None = None) -> tuple[str, str]:
    """The arrow and the change of a figure against its baseline: ("▲", "+12%").

    Rates change in percentage points; counts and money by percent of the baseline. The arrow
    says which way the number went; `change_style` says whether that is good news.
    """
    v, b = number(value), number(baseline)
    if v is None or b is None:
        return "", ""
    if math.isclose(v, b, rel_tol=1e-9, abs_tol=1e-12):
        return "=", "no change"
    return ("▲" if v > b else "▼"), short_change(name, v, b, panel, currency)


def change_style(panel: str, name: str, value: Any, baseline: Any) -> str:
    """The colour of a change: green when the catalogue calls it better, red when worse, none
    for a figure that is good neither way (spend, emails sent) or did not move."""
    return VERDICT_STYLES.get(verdict(panel, name, value, baseline) or "", "")


VERDICT_STYLES = {"better": "green", "worse": "red"}
