"""How the console writes its clock: the session's countdown and the day's drift.

Kept apart from `format` (figures, which read the catalogue): the header and the agenda show
these in the console's first frame, before any figure is.
"""

from __future__ import annotations


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
