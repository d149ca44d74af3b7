"""The catalogue of figures: what every headline figure of every panel is.

Each entry says a figure's label, its unit, which way is better and, for a rate, its numerator
and denominator in words. A label means one definition everywhere: two panels that show the
same figure (sessions in the funnel and in traffic) share one entry, and figures that differ
have labels that say how. Counts and rates never share a label. The entries themselves are in
`catalogue_entries`; docs/metrics.md prints them (`catalogue_markdown`), and a test keeps the
two equal.

Nothing here imports pandas or textual.
"""

from __future__ import annotations

from typing import Any, Literal

from tuneup_tui.metrics.catalogue_entries import PANEL_FIGURES, PATTERNS
from tuneup_tui.metrics.figure_info import UNITS, Better, FigureInfo, Unit
from tuneup_tui.metrics.figure_shorts import SHORTS
from tuneup_tui.metrics.figure_words import label, number

__all__ = ["UNITS", "Better", "FigureInfo", "Unit", "Verdict", "figure_info", "figure_label",
           "figure_short", "panel_figure_info", "verdict"]

Verdict = Literal["better", "worse", "same", "neither"]



def figure_info(panel: str, key: str) -> FigureInfo | None:
    """The catalogue's entry for a panel's figure key, or None for a key it does not list."""
    entry = PANEL_FIGURES.get(panel, {}).get(key)
    if entry is not None:
        return entry
    for (pattern_panel, prefix), make in PATTERNS.items():
        if pattern_panel == panel and key.startswith(prefix) and len(key) > len(prefix):
            return make(key[len(prefix):])
    return None


def panel_figure_info(panel: str, keys: Any) -> dict[str, dict[str, Any]]:
    """`figure_info` of `tuneup metrics --json`: an entry for each of `keys`; a key the
    catalogue does not list gets its words as label, unit and direction unknown."""
    out: dict[str, dict[str, Any]] = {}
    for key in keys:
        info = figure_info(panel, key)
        out[key] = info.to_json() if info is not None else {
            "label": label(key), "unit": None, "better": "neither", "numerator": None,
            "denominator": None}
    return out


def figure_label(panel: str, key: str) -> str:
    """The label of a panel's figure: the catalogue's, else the key's words."""
    info = figure_info(panel, key)
    return info.label if info is not None else label(key)


def figure_short(panel: str, key: str) -> str | None:
    """The few words a narrow panel table shows for a figure instead of its label cut short
    (`figure_shorts`, listed in docs/metrics.md); None when the label fits as it is or the
    catalogue does not list the figure."""
    info = figure_info(panel, key)
    return SHORTS.get(info.label) if info is not None else None


def verdict(panel: str, key: str, value: Any, baseline: Any) -> Verdict | None:
    """Whether a figure's change against a baseline is good news: "better", "worse", "same"
    when it did not move, "neither" for a figure that is good neither way; None when either
    number is unknown. A recorded or unlisted figure is "neither": nobody said which way is
    good; so is one the catalogue does not judge (a young cohort against older ones)."""
    v, b = number(value), number(baseline)
    if v is None or b is None:
        return None
    info = figure_info(panel, key)
    # a move too small to show ("0.0 pts", "0%") is no news either way
    if abs(v - b) < (0.0005 if info is not None and info.unit == "rate" else
                     0.0005 * abs(b) or 1e-12):
        return "same"
    if info is None or info.better == "neither" or not info.judged:
        return "neither"
    return "better" if (v > b) == (info.better == "up") else "worse"
