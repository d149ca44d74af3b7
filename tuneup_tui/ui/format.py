"""How the console writes figures: names in words, rates as %, money with $, change arrows.

Figure keys are the metrics' stable names ("goal_conversion_rate", "cost_per_lead"); their kind
is read from the name, the convention the panels follow (DESIGN.md: rates are fractions).
"""

from __future__ import annotations

import math
from typing import Any, Literal

FigureKind = Literal["percent", "money", "number"]

_WORDS = {
    "cpc": "CPC", "ctr": "CTR", "romi": "ROMI", "seo": "SEO", "crm": "CRM", "url": "URL",
    "404": "404", "ppc": "PPC", "id": "id",
}
# Ratios that are not shares of a whole: shown as plain numbers.
_NOT_PERCENT = ("turnover", "click_to_session", "sends_per", "per_lead", "per_rep", "touches")
_PERCENT = ("rate", "share", "ctr", "conversion", "romi", "attrition", "pct", "percent")
_MONEY = ("cost", "spend", "cpc", "revenue", "amount", "budget", "cpl", "price")


def label(name: str) -> str:
    """A figure key in words: "goal_conversion_rate" -> "Goal conversion rate"."""
    words = [_WORDS.get(w, w) for w in name.replace("-", "_").split("_") if w]
    if not words:
        return name
    first = words[0]
    words[0] = first if first.isupper() else first[:1].upper() + first[1:]
    return " ".join(words)


def kind_of(name: str) -> FigureKind:
    key = name.lower()
    if any(part in key for part in _NOT_PERCENT):
        return "money" if any(part in key for part in ("cost",)) else "number"
    if any(part in key for part in _MONEY):
        return "money"
    if any(part in key for part in _PERCENT):
        return "percent"
    return "number"


def number(value: Any) -> float | None:
    """A plain float, or None for missing, NaN and text."""
    if value is None or isinstance(value, bool | str):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) or math.isinf(f) else f


def fmt_figure(name: str, value: Any) -> str:
    """A figure as the room reads it: "3.1%", "$1,204", "1,234", "n/a"."""
    f = number(value)
    if f is None:
        return "n/a"
    kind = kind_of(name)
    if kind == "percent":
        return f"{f * 100:.1f}%"
    if kind == "money":
        return f"${f:,.2f}" if abs(f) < 100 else f"${f:,.0f}"
    if f.is_integer():
        return f"{f:,.0f}"
    return f"{f:,.1f}" if abs(f) >= 10 else f"{f:,.2f}"


def fmt_cell(column: str, value: Any) -> str:
    """A table cell: numbers by their column's kind, text as it is, missing as a dash."""
    if value is None:
        return "–"
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "yes" if value else "no"
    if number(value) is None and not isinstance(value, int | float):
        return str(value)
    return fmt_figure(column, value)


def change(name: str, value: Any, baseline: Any) -> tuple[str, str]:
    """The arrow and the change of a figure against its baseline: ("▲", "+12%").

    Rates change in percentage points; counts and money by percent of the baseline.
    """
    v, b = number(value), number(baseline)
    if v is None or b is None:
        return "", ""
    if math.isclose(v, b, rel_tol=1e-9, abs_tol=1e-12):
        return "=", "no change"
    arrow = "▲" if v > b else "▼"
    if kind_of(name) == "percent":
        return arrow, f"{(v - b) * 100:+.1f} pts"
    if b == 0:
        return arrow, f"{v - b:+,.0f}"
    return arrow, f"{(v - b) / abs(b) * 100:+.0f}%"


def fmt_countdown(seconds: float) -> str:
    """A span as "29:52", or "1:04:10" past an hour."""
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"


def fmt_drift(minutes: float) -> str:
    """Whole-day drift in minutes: "(+14)", "(-3)", "(on time)"."""
    m = round(minutes)
    if m == 0:
        return "(on time)"
    return f"({m:+d})"
