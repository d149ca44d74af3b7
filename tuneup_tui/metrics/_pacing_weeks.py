"""The coming weeks of the budget pacing panel: launches, closes, holidays and the calendar's
expected leads with what they should bring, week by week."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from tuneup_tui.metrics.holidays import holidays
from tuneup_tui.metrics.result import PanelSettings


def coming_holidays(settings: PanelSettings, weeks: list[tuple[date, date]]) -> dict[date, str]:
    """The holidays of the agenda's `holiday_country` and its own `holidays` in the weeks'
    years."""
    years = {weeks[0][0].year, weeks[-1][1].year}
    extra = settings.option("holidays", [])
    return holidays(str(settings.option("holiday_country", "US")), years,
                    [extra] if isinstance(extra, str) else extra)


def week_row(lo: date, hi: date, entries: pd.DataFrame, priced: list[dict],
             days_off: dict[date, str]) -> dict:
    """One coming week: its holidays, the entries starting and ending in it, the calendar's
    expected leads of the entries running in it and what they should bring."""
    starts = entries["start"].dt.date if len(entries) else pd.Series(dtype=object)
    ends = entries["end"].dt.date if len(entries) else pd.Series(dtype=object)
    running = [r for r in priced if r["start"] <= hi and r["end"] >= lo]
    # a priced row holds the whole window's leads: a week gets its share of the weeks it runs
    weeks_of = [max(1, int(r["weeks_running"])) for r in running]
    return {
        "week": f"{lo.isocalendar()[0]}-W{lo.isocalendar()[1]:02d}", "start": lo, "end": hi,
        "holidays": "; ".join(f"{name} ({day.strftime('%a %d %b')})"
                              for day, name in sorted(days_off.items()) if lo <= day <= hi),
        "launches": int(((starts >= lo) & (starts <= hi)).sum()),
        "closes": int(((ends >= lo) & (ends <= hi)).sum()),
        **{column: known_sum(_per_week(r[column], n)
                             for r, n in zip(running, weeks_of, strict=True))
           for column in ("expected_leads", "opportunities", "pipeline")},
    }


def _per_week(value: float | None, weeks: int) -> float | None:
    return None if value is None else value / weeks


def known_sum(values: Iterable[float | None]) -> float | None:
    """The sum of the values known; None when none is."""
    known = [v for v in values if v is not None]
    return float(sum(known)) if known else None
