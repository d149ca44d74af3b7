"""Periods written in report preambles and filter files: "# Start date: 20261116",
"# 20261116-20261122", "November 16, 2026 - November 22, 2026", "2026-11-16 - 2026-11-22",
and Search Console's unspaced "Mar 1, 2026-Mar 31, 2026" and "1 Jan 2025-31 Dec 2025".

The period a file's rows cover when they carry no date; "All time" or "Last 28 days" give none.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date, datetime

from tuneup_tui.data.period import Period

_FORMATS = ("%Y%m%d", "%Y-%m-%d", "%B %d, %Y", "%b %d, %Y", "%d %b %Y", "%d %B %Y", "%m/%d/%Y",
            "%b %d %Y", "%B %d %Y")
_RANGE = re.compile(r"^\s*(.+?)\s+(?:-|–|—|to)\s+(.+?)\s*$")
_COMPACT = re.compile(r"^\s*(\d{8})\s*-\s*(\d{8})\s*$")


def parse_day(text: str) -> date | None:
    """A single date in one of the spellings reports use, or None."""
    text = text.strip().strip('"')
    for fmt in _FORMATS:
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def make_period(start: date, end: date) -> Period:
    """A Period over start..end: a month when it is one, else a week-like range."""
    nxt = date.fromordinal(end.toordinal() + 1)
    if start.day == 1 and nxt.day == 1 and start.month == end.month:
        return Period(start, end, "month")
    return Period(start, end, "week")


def parse_range(text: str) -> Period | None:
    """A range "20261116-20261122", "November 16, 2026 - November 22, 2026", or None."""
    text = text.strip().strip('"')
    match = _COMPACT.match(text) or _RANGE.match(text)
    if match:
        start, end = parse_day(match.group(1)), parse_day(match.group(2))
    else:
        start, end = _unspaced(text)
    if start is None or end is None or end < start:
        return None
    return make_period(start, end)


def _unspaced(text: str) -> tuple[date | None, date | None]:
    """Both ends of a range written without spaces around the dash ("Mar 1, 2026-Mar 31,
    2026", "1 Jan 2025-31 Dec 2025"): the one dash with a date on either side."""
    for i, char in enumerate(text):
        if char in "-–—":
            start, end = parse_day(text[:i]), parse_day(text[i + 1:])
            if start is not None and end is not None:
                return start, end
    return None, None


def preamble_period(lines: Iterable[str]) -> Period | None:
    """The period of a `#` preamble: Start date / End date lines, or one range line."""
    start = end = None
    for raw in lines:
        line = raw.lstrip("#").strip().strip(",")
        low = line.casefold()
        if low.startswith("start date:"):
            start = parse_day(line.split(":", 1)[1])
        elif low.startswith("end date:"):
            end = parse_day(line.split(":", 1)[1])
        elif (found := parse_range(line)) is not None:
            return found
    if start is not None and end is not None and end >= start:
        return make_period(start, end)
    return None
