"""Calendar entries: what kind each is, and the entries table of the Calendar panel.

Kinds are read from the `kind` column by keyword: "launch" -> launches; "event", "webinar",
"conference", "trade show", "tradeshow", "meetup", "summit" -> events; anything else (nurture,
email, campaign, ...) -> campaigns.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from tuneup_tui.metrics.breakdown import records

ENTRY_COLUMNS = ("name", "kind", "owner", "start", "end", "expected_sessions",
                 "expected_leads", "budget")
EVENT_WORDS = ("event", "webinar", "conference", "trade show", "tradeshow", "meetup", "summit")


def kind_of(kind: Any) -> str:
    """"campaigns", "launches" or "events" for a calendar kind."""
    text = str(kind).casefold() if isinstance(kind, str) else ""
    if "launch" in text:
        return "launches"
    if any(word in text for word in EVENT_WORDS):
        return "events"
    return "campaigns"


def entry_rows(entries: pd.DataFrame) -> list[dict[str, Any]]:
    """The entries as table rows, by start date."""
    rows = []
    for r in records(entries.sort_values(["start", "name"], kind="stable")):
        rows.append({c: _plain(r.get(c)) for c in ENTRY_COLUMNS})
    return rows


def _plain(value: Any) -> Any:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, pd.Timestamp):
        return value.date()
    return value
