"""One way to show a figure, wherever it is shown: the console, the `tuneup metrics` text report
and the next-steps summary all name and write figures through this module.

A figure key ("goal_conversion", "cost_per_lead") has a label in words ("Goal conversion",
"Cost per lead") and a kind that says how its number reads:

- "percent": a rate, share, conversion, ROMI or attrition, kept as a fraction (DESIGN.md) and
  shown as "2.4%";
- "money": "$1,204", with cents under $100 ("$2.36") and the sign first ("-$1,204");
- "number": a count, with thousands separators ("21,214"); a mean per period keeps one decimal;
- "ratio": a figure per something that is not a share of a whole (sends per contact, sessions
  per 1,000 followers, touches per lead, hours, days, positions), shown as a plain "6.7".

The kinds of every key the panels emit are listed in `FIGURE_KINDS` (docs/metrics.md gives
their meanings), since a name can mislead: `turnover_rate` is sends
per contact, not a share, and `budget_to_spend` is a share, not money. Only an unknown key (a
figure the facilitator records under their own name) has its kind guessed from its words.
Nothing here imports pandas or textual.
"""

from __future__ import annotations

import math
from typing import Any

from tuneup_tui.data.currency import format_money
from tuneup_tui.metrics.catalogue import figure_info
from tuneup_tui.metrics.figure_kinds import FIGURE_KINDS, FigureKind
from tuneup_tui.metrics.figure_words import label, number

__all__ = [
    "FIGURE_KINDS", "NA", "FigureKind", "fmt_cell", "fmt_change", "fmt_figure", "fmt_kind",
    "guess_kind", "kind_of", "label", "number", "relative_change", "short_change",
]

NA = "n/a"

# The catalogue's units as the room reads them; days, hours, positions and scores are ratios.
_UNIT_KINDS: dict[str, FigureKind] = {"rate": "percent", "money": "money", "count": "number"}

# The fallback guess for keys not in FIGURE_KINDS, most specific first. Words are whole
# parts of the key ("cost_per_lead" -> cost, per, lead), so "forecast" is not "cast".
_RATIO_PARTS = (("per", "contact"), ("per", "lead"), ("per", "rep"), ("per", "1000"),
                ("click", "to", "session"), ("turnover",), ("touches",), ("hours",), ("days",),
                ("position",))
_PERCENT_WORDS = {"rate", "share", "ctr", "conversion", "romi", "attrition", "pct", "percent",
                  "change"}
_MONEY_WORDS = {"cost", "spend", "cpc", "cpl", "revenue", "amount", "budget", "price", "cpm"}


def kind_of(name: str, panel: str | None = None) -> FigureKind:
    """How a figure's number reads: the catalogue's unit of a panel's figure, else the listed
    kind of a known key, else a guess from its words.

    An average or baseline column takes the kind of the figure it averages ("avg_ctr" is a
    percent like "ctr", "calls_avg" a number like "calls").
    """
    if panel is not None:
        info = figure_info(panel, name)
        if info is not None:
            return _UNIT_KINDS.get(info.unit, "ratio") if not info.percent else "percent"
    key = name.strip().lower()
    if key in FIGURE_KINDS:
        return FIGURE_KINDS[key]
    for prefix in ("avg_", "baseline_", "previous_"):
        if key.startswith(prefix) and len(key) > len(prefix):
            return kind_of(key[len(prefix):])
    if key.endswith("_avg") and len(key) > 4:
        return kind_of(key[:-4])
    return guess_kind(key)


def guess_kind(name: str) -> FigureKind:
    """The kind read from the words of a key nobody listed (a figure recorded in the room)."""
    parts = [p for p in name.lower().replace("-", "_").replace(" ", "_").split("_") if p]
    for seq in _RATIO_PARTS:
        if any(tuple(parts[i:i + len(seq)]) == seq for i in range(len(parts))):
            return "money" if "cost" in parts else "ratio"
    if any(p in _MONEY_WORDS for p in parts):
        return "money"
    if any(p in _PERCENT_WORDS for p in parts):
        return "percent"
    return "number"


def fmt_figure(name: str, value: Any, panel: str | None = None,
               currency: str | None = None) -> str:
    """A figure as the room reads it: "2.4%", "$1,204", "$2.36", "21,214", "6.7", "n/a";
    money in `currency` ("£1,204"; "$" when it is not known)."""
    f = number(value)
    if f is None:
        return NA
    text = fmt_kind(kind_of(name, panel), f, currency)
    # a change column ("sessions_change") says which way it went
    key = name.lower()
    if (key == "change" or key.endswith("_change")) and f > 0 and _nonzero(text):
        text = "+" + text
    return text


SHORT_BEYOND = 1e12
"""Past this (the largest plausible value, see data.plausible) a figure is written short."""


def fmt_kind(kind: FigureKind, f: float, currency: str | None = None) -> str:
    """A number written as a figure of `kind` (money in `currency`)."""
    if abs(f) > SHORT_BEYOND and kind in ("number", "ratio"):
        # No count of a team's week is this large (a 1e308 in an export): written short, not
        # 309 digits wide (money likewise, in format_money); the panel's notes say where.
        return f"{f:.3g}"
    if kind == "percent":
        return _no_minus_zero(f"{f * 100:.1f}") + "%"
    if kind == "money":
        return format_money(f, currency)
    if kind == "number":
        # a count; its mean per period (or an estimate) keeps one decimal: 46.6 leads a week
        return f"{f:,.0f}" if f.is_integer() else _no_minus_zero(f"{f:,.1f}")
    # a ratio: one decimal, two under 1 so a click-to-session ratio of 0.53 stays 0.53
    digits = 1 if abs(f) >= 1 or f == 0 else 2
    return _no_minus_zero(f"{f:,.{digits}f}")


def fmt_cell(column: str, value: Any, missing: str = "–", currency: str | None = None) -> str:
    """A table cell: numbers by their column's kind, text as it is, flags yes/no, missing as
    `missing`."""
    if value is None:
        return missing
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if not isinstance(value, int | float):
        return str(value)  # a date or anything else the panel put in a cell
    if number(value) is None:
        return missing  # NaN or infinity: not a number to show
    return fmt_figure(column, value, currency=currency)


def fmt_change(value: Any, average: Any, name: str = "", panel: str | None = None) -> str:
    """A figure against an average or an earlier value: the difference in the figure's own
    terms and, when the earlier value is not zero, the relative change: "+134 (+12.2%)",
    "-0.3 pts (-9.7%)" for a rate, "+$120 (+8.0%)" for money; "n/a" when either is unknown."""
    v, a = number(value), number(average)
    if v is None or a is None:
        return NA
    diff = v - a
    text = _signed_difference(kind_of(name, panel) if name else "number", diff)
    if a != 0:
        pct = diff / abs(a) * 100
        size = f"{abs(pct):.1f}"
        text += f" ({'-' if pct < 0 and _nonzero(size) else '+'}{size}%)"
    return text


def short_change(name: str, value: Any, average: Any, panel: str | None = None,
                 currency: str | None = None) -> str:
    """The change in a narrow column: rates in points ("-2.2 pts"), everything else by percent
    of the average ("+20%"); the plain difference against an average of zero ("+4"); "no
    change"; "" when either is unknown. A move too small to show at that precision reads
    "<0.1 pts" or "<0.1%", never "0.0 pts" beside an arrow that says it moved (the catalogue's
    verdict calls such a move "same": no colour)."""
    v, a = number(value), number(average)
    if v is None or a is None:
        return ""
    if math.isclose(v, a, rel_tol=1e-9, abs_tol=1e-12):
        return "no change"
    kind = kind_of(name, panel)
    if kind == "percent":
        points = f"{(v - a) * 100:+.1f}"
        return ("<0.1" if points in ("+0.0", "-0.0") else points) + " pts"
    if a == 0:
        return _signed_difference(kind, v - a, currency)
    return relative_change(v, a)


def relative_change(value: Any, average: Any) -> str:
    """(value - average) / |average| as a whole percent, "+12%", or with one decimal under 10%
    ("+0.4%", "-2.5%") so a small change never reads as none: under 0.05% it is "<0.1%" ("0%"
    when nothing moved); "" when it is not defined."""
    v, a = number(value), number(average)
    if v is None or a is None or a == 0:
        return ""
    change = (v - a) / abs(a) * 100
    pct = f"{change:+.1f}" if abs(change) < 9.95 else f"{change:+.0f}"
    if pct in ("+0.0", "-0.0"):
        return "0%" if change == 0 else "<0.1%"
    return pct + "%"


def _signed_difference(kind: FigureKind, diff: float, currency: str | None = None) -> str:
    """A difference with its sign, in the kind's terms; one too small to show is unsigned."""
    size = f"{abs(diff) * 100:.1f}" if kind == "percent" else fmt_kind(kind, abs(diff), currency)
    if diff == 0 or not _nonzero(size):
        size = "0" if diff == 0 else size
        return f"{size} pts" if kind == "percent" else size
    sign = "+" if diff > 0 else "-"
    return f"{sign}{size} pts" if kind == "percent" else sign + size


def _nonzero(text: str) -> bool:
    """Whether a written number shows any digit other than 0."""
    return any(c in "123456789" for c in text)


def _no_minus_zero(text: str) -> str:
    """"-0.0" (a tiny negative rounded away) reads as "0.0"."""
    return text[1:] if text.startswith("-") and not _nonzero(text) else text

