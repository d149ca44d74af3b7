"""How the summary writes numbers, changes, dates and user text, shared by every renderer.

Figures are named and written the one way `tuneup_tui.metrics.display` defines (the console
and `tuneup metrics` share it): "Goal conversion" rather than its key, rates as "2.8%", money as
"$52.50", counts as "1,234", ratios such as sends per contact as "6.7", since the summary is
pasted into an email. Changes are the difference in the figure's own terms (points for a rate)
and, when the earlier value is not zero, the relative change in percent. The JSON export keeps
the raw numbers.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from tuneup_tui.metrics import display
from tuneup_tui.metrics.display import fmt_figure, label
from tuneup_tui.metrics.result import Number
from tuneup_tui.textsafe import visible_line

__all__ = [
    "NA", "fmt_change", "fmt_clock", "fmt_day", "fmt_figure", "fmt_minutes", "fmt_number",
    "fmt_signed", "fmt_value", "label", "md_escape", "plural",
]

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


def fmt_change(value: Number, earlier: Number, name: str = "", panel: str | None = None
               ) -> str:
    """value - earlier in the figure's terms, and the relative change: "+3 (+7.9%)",
    "-0.3 pts (-9.7%)" for a rate named `name`; "n/a" if either is unknown."""
    return display.fmt_change(value, earlier, name, panel)


def fmt_signed(diff: float) -> str:
    """A difference with its sign: "+3", "-0.022", "0"."""
    if diff == 0:
        return "0"
    sign = "+" if diff > 0 else "-"
    return sign + fmt_number(abs(diff))


def fmt_value(value: float, unit: str = "", name: str = "") -> str:
    """A recorded figure: by its name's kind without a unit ("41", "2.8%", "$52.50"), with a
    currency sign as money ("$52.50"), a typed "%" as typed ("12%"), any other unit after it."""
    f = display.number(value)
    if f is None:
        return NA
    if unit in ("$", "€", "£"):
        return display.fmt_kind("money", f).replace("$", unit)
    if unit == "%":
        return fmt_number(value) + "%"
    text = fmt_figure(name, value) if name else fmt_number(value)
    return f"{text} {unit}" if unit else text


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
    line breaks turned into spaces so a cell stays on its row, other control characters shown
    as symbols (a summary printed in a terminal cannot act on it)."""
    flat = " ".join(text.split()) if any(c in text for c in "\r\n\t") else text
    flat = visible_line(flat)
    return "".join("\\" + c if c in _MD_SPECIALS else c for c in flat)


def plural(n: int, word: str, many: str | None = None) -> str:
    """"1 session", "2 sessions"."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _strip_zeros(text: str) -> str:
    return text.rstrip("0").rstrip(".") if "." in text else text
