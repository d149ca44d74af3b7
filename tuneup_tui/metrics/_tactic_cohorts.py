"""Weekly lead cohorts of the tactics: the share of each week's leads with an opportunity
within 30, 60 and 90 days of their creation.

A cohort is the leads created in one ISO week (Monday to Sunday). It is old enough for a
horizon of h days when the as-of date is at least h days after the cohort's Sunday, so every
lead in it has had its h days; a younger cohort shows "too young", never a rate over leads that
have not had their time. A lead converts within h days when its first opportunity was created
at most h days after the lead. The pooled figure of a horizon is over the cohorts of the window
old enough for it: their leads converted within h days / their leads.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from tuneup_tui.metrics.result import Number, ratio

HORIZONS = (30, 60, 90)
TOO_YOUNG = "too young"
ALL_TACTICS = "All tactics"


def cohort_rows(leads: pd.DataFrame, names: dict[str, str], last_day: date, weeks: int,
                as_of: date) -> tuple[list[dict], dict[str, Number]]:
    """Rows per week (newest first) for all tactics and each tactic, and the pooled figures.

    `leads`: tactic (folded key), created_at, first_opp_at; `names`: key -> shown name;
    `last_day`: a day of the newest week; `weeks`: how many weeks back.
    """
    newest = last_day - timedelta(days=last_day.weekday())
    mondays = [newest - timedelta(weeks=i) for i in range(weeks)]
    created = leads["created_at"].dt.normalize()
    monday = (created - pd.to_timedelta(created.dt.day_of_week, unit="D")).dt.date
    days = (leads["first_opp_at"] - leads["created_at"]).dt.total_seconds() / 86400.0
    converted = {h: (days <= h).fillna(False).to_numpy(dtype=bool) for h in HORIZONS}
    rows: list[dict] = []
    pooled = {h: [0, 0] for h in HORIZONS}
    for start in mondays:
        in_week = (monday == start).to_numpy(dtype=bool)
        groups = [(ALL_TACTICS, in_week)]
        groups += [(names[k], in_week & (leads["tactic"] == k).to_numpy(dtype=bool))
                   for k in sorted(names, key=lambda k: names[k].casefold())]
        for tactic, mask in groups:
            row: dict = {"week": _week_label(start), "tactic": tactic, "leads": int(mask.sum())}
            for h in HORIZONS:
                old_enough = start + timedelta(days=6 + h) <= as_of
                hits = int((converted[h] & mask).sum())
                row[f"conversion_{h}d"] = (ratio(hits, row["leads"]) if old_enough
                                           else TOO_YOUNG)
                if tactic == ALL_TACTICS and old_enough:
                    pooled[h][0] += hits
                    pooled[h][1] += row["leads"]
            if row["leads"] or tactic == ALL_TACTICS:
                rows.append(row)
    figures: dict[str, Number] = {f"conversion_{h}d": ratio(*pooled[h]) for h in HORIZONS}
    return rows, figures


def _week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


__all__ = ["ALL_TACTICS", "HORIZONS", "TOO_YOUNG", "cohort_rows"]
