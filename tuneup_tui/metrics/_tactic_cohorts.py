"""Weekly lead cohorts of the tactics: the share of each week's leads with an opportunity
within 30, 60 and 90 days of their creation.

A cohort is the leads created in one ISO week (Monday to Sunday). It is old enough for a
horizon of h days when the as-of date is at least h days after the cohort's Sunday, so every
lead in it has had its h days; a younger cohort shows "too young", never a rate over leads that
have not had their time. A lead converts within h days when its first opportunity was created
at most h days after the lead. The pooled figure of a horizon is over the cohorts of the window
old enough for it: their leads converted within h days / their leads.

Counted on integer codes (week x tactic, one `bincount` per horizon), not by masking a million
leads once per week and tactic.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np

from tuneup_tui.metrics._tactic_leads import TacticData
from tuneup_tui.metrics.result import Number, ratio

HORIZONS = (30, 60, 90)
TOO_YOUNG = "too young"
ALL_TACTICS = "All tactics"


def cohort_rows(data: TacticData, names: dict[str, str], last_day: date, weeks: int,
                as_of: date) -> tuple[list[dict], dict[str, Number]]:
    """Rows per week (newest first) for all tactics and each tactic, and the pooled figures.

    `data`: the tactics' leads; `names`: folded tactic name -> shown name; `last_day`: a day
    of the newest week; `weeks`: how many weeks back.
    """
    newest = last_day - timedelta(days=last_day.weekday())
    keys = sorted(names, key=lambda k: names[k].casefold())
    code = {k: i for i, k in enumerate(keys)}
    # the leads' tactics (indexes into data.keys) as indexes into `keys`
    shown = np.array([code.get(k, -1) for k in data.keys] + [-1], dtype=np.int64)
    tactic = shown[data.tactic]
    days = data.created.astype("datetime64[D]")
    # weeks back from the newest Monday: 1970-01-01 was a Thursday, so Mondays are days
    # 4 (mod 7) past it
    monday = days - ((days.astype(np.int64) - 4) % 7).astype("timedelta64[D]")
    back = (np.datetime64(newest, "D") - monday).astype(np.int64) // 7
    kept = (back >= 0) & (back < weeks) & (tactic >= 0) & ~np.isnat(days)
    slot = back[kept] * len(keys) + tactic[kept]
    size = weeks * max(len(keys), 1)
    waited = data.days_to_opp[kept]
    counts = np.bincount(slot, minlength=size).reshape(weeks, -1)
    hits = {h: np.bincount(slot, weights=(waited <= h).astype(float),
                           minlength=size).reshape(weeks, -1) for h in HORIZONS}
    rows: list[dict] = []
    pooled = {h: [0, 0] for h in HORIZONS}
    for i in range(weeks):
        start = newest - timedelta(weeks=i)
        old = {h: start + timedelta(days=6 + h) <= as_of for h in HORIZONS}
        groups = [(ALL_TACTICS, int(counts[i].sum()), {h: int(hits[h][i].sum())
                                                       for h in HORIZONS})]
        groups += [(names[k], int(counts[i, j]), {h: int(hits[h][i, j]) for h in HORIZONS})
                   for j, k in enumerate(keys) if counts[i, j]]
        for tactic_name, n, won in groups:
            row: dict = {"week": _week_label(start), "tactic": tactic_name, "leads": n}
            for h in HORIZONS:
                row[f"conversion_{h}d"] = ratio(won[h], n) if old[h] else TOO_YOUNG
                if tactic_name == ALL_TACTICS and old[h]:
                    pooled[h][0] += won[h]
                    pooled[h][1] += n
            rows.append(row)
    figures: dict[str, Number] = {f"conversion_{h}d": ratio(*pooled[h]) for h in HORIZONS}
    return rows, figures


def _week_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"
