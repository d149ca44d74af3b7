"""How the summary writes numbers, changes, dates and user text, shared by every renderer.

Figures are shown as plain numbers (a rate stays a fraction, as the panels give it) so that a
figure never reads as something it is not; changes are the difference and, when the earlier
value is not zero, the relative change in percent.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from tuneup_tui.metrics.result import Number

NA = "n/a"
_DAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

# Characters that change the meaning of Markdown text; `|` ends a table cell.
_MD_SPECIALS = set("\\`*_[]<>|~")


def fmt_number(value: Number) -> str:
    """1234 -> "1,234"; 1234.5 -> "1,234.5"; 0.03125 -> "0.0312"; None -> "n/a"."""
    if value is None or (isinstance(value, float) and (math.isnan(value) or math.isinf(value))):
        return NA
    if isinstance(value, int) or float(value).is_integer():
        return f"{int(value):,}"
    f = float(value)
    if abs(f) >= 1:
        return _strip_zeros(f"{f:,.2f}")
    # three significant figures for small values (rates as fractions)
    digits = max(2, 2 - math.floor(math.log10(abs(f))))
    return _strip_zeros(f"{f:.{digits}f}")


def fmt_change(value: Number, earlier: Number) -> str:
    """value - earlier with a sign, and the relative change: "+3 (+7.9%)"; "n/a" if unknown."""
    if value is None or earlier is None:
        return NA
    diff = float(value) - float(earlier)
    text = fmt_signed(diff)
    if float(earlier) != 0:
        pct = diff / abs(float(earlier)) * 100
        text += f" ({'+' if pct >= 0 else '-'}{abs(pct):.1f}%)"
    return text


def fmt_signed(diff: float) -> str:
    """A difference with its sign: "+3", "-0.022", "0"."""
    if diff == 0:
        return "0"
    sign = "+" if diff > 0 else "-"
    return sign + fmt_number(abs(diff))


def fmt_value(value: float, unit: str = "") -> str:
    """A recorded figure with its unit: "41", "12.5 %", "$1,200" stays as typed around it."""
    number = fmt_number(value)
    if not unit:
        return number
    if unit in ("$", "€", "£"):
        return f"{unit}{number}"
    return f"{number} {unit}"


def fmt_day(day: date | None) -> str:
    """"Fri 2026-11-27", or "" for no date."""
    # fixed English names: %a would follow whatever locale the process has set
    return "" if day is None else f"{_DAY_NAMES[day.weekday()]} {day.isoformat()}"


def fmt_clock(moment: datetime | None) -> str:
    """"08:30", or "" when there is no time."""
    return "" if moment is None else f"{moment:%H:%M}"


def fmt_minutes(minutes: float | None) -> str:
    """Whole minutes: "30"; "" when unknown."""
    return "" if minutes is None else str(round(minutes))


def md_escape(text: str) -> str:
    """User text made safe for a Markdown line or table cell: specials backslash-escaped,
    line breaks turned into spaces so a cell stays on its row."""
    flat = " ".join(text.split()) if any(c in text for c in "\r\n\t") else text
    return "".join("\\" + c if c in _MD_SPECIALS else c for c in flat)


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 session", "2 sessions"."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _strip_zeros(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text
