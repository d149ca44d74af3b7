"""A figure key in words ("goal_conversion" -> "Goal conversion") and a figure's value as a
plain number: what the catalogue and the display both need, below both of them.

Nothing here imports pandas or textual.
"""

from __future__ import annotations

import math
from typing import Any

# Words written differently from their key spelling (acronyms, units).
_WORDS = {
    "cpc": "CPC", "ctr": "CTR", "romi": "ROMI", "seo": "SEO", "crm": "CRM", "url": "URL",
    "404": "404", "ppc": "PPC", "avg": "average", "4w": "(4 weeks)", "24h": "24 h",
    "1000": "1,000",
}
# Keys whose words alone would read oddly.
_LABELS = {
    "not_found_hits": "404 hits",
    "not_found_pages": "404 pages",
    "new_not_found_pages": "New 404 pages",
    # The funnel's step rates: each step against the one before it.
    "goal_completions_rate": "Goal completions per session",
    "leads_rate": "Leads per goal completion",
    "sent_to_sales_rate": "Leads sent to sales",
    "opportunities_rate": "Sent leads to opportunity",
    "proposals_rate": "Opportunities to proposal",
    "closed_won_rate": "Proposals won",
}


def label(name: str) -> str:
    """A figure key in words: "goal_conversion" -> "Goal conversion", "email_ctr" -> "Email
    CTR", "avg_cpc" -> "Average CPC"."""
    if name in _LABELS:
        return _LABELS[name]
    words = [_WORDS.get(w.lower(), w) for w in name.replace("-", "_").split("_") if w]
    if not words:
        return name
    first = words[0]
    words[0] = first if first.isupper() or not first[:1].isalpha() else first[:1].upper() \
        + first[1:]
    return " ".join(words)


def number(value: Any) -> float | None:
    """A plain float, or None for missing, NaN, infinity, flags and text."""
    if value is None or isinstance(value, bool | str):
        return None
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(f) or math.isinf(f) else f
