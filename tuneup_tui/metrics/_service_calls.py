"""The follow-up service level's activity side: connect rate per rep, attempts per lead in its
first 7 days, and the leads sent to sales with no logged activity.

Activity types, reps and outcomes are compared ignoring case and spaces; lead ids exactly.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics._sales import fold
from tuneup_tui.metrics.common import days_mask, up_to_day
from tuneup_tui.metrics.result import Number, ratio

CONNECTED = ("connected", "connect", "spoke", "conversation", "reached", "answered", "talked")
"""Call outcomes that mean the rep spoke to the lead (the `connected_outcomes` default)."""
FIRST_DAYS = 7


def connect_rows(activities: pd.DataFrame, period: Period, baseline: Baseline,
                 connected: Iterable[str]) -> tuple[list[dict], dict[str, Number]]:
    """Calls per rep in the period: with an outcome, connected, the rate, the baseline's;
    and the totals (`baseline_connect_rate` is the baseline's pooled rate).

    A call without an outcome says nothing either way: it is left out of the rate (and
    counted in `calls`). Reps in order of calls made, then name.
    """
    wanted = {c.strip().casefold() for c in connected}
    calls = activities[(fold(activities["type"]) == "call").fillna(False).to_numpy(bool)]
    outcome = fold(calls["outcome"])
    known = outcome.notna() & (outcome != "")
    calls = calls.assign(rep_key=fold(calls["rep"]), known=known.to_numpy(bool),
                         hit=(outcome.isin(wanted) & known).fillna(False).to_numpy(bool))
    stamps = calls["date"].to_numpy()
    now = calls[days_mask(stamps, period.start, period.end)]
    base = (calls[days_mask(stamps, baseline.start, baseline.end)] if len(baseline)
            else calls.iloc[0:0])
    spelling: dict[str, str] = {}
    for key, name in zip(now["rep_key"], now["rep"], strict=True):
        if isinstance(key, str):
            spelling.setdefault(key, str(name).strip())
    rows: list[dict] = []
    for key, name in spelling.items():
        mine, before = now[now["rep_key"] == key], base[base["rep_key"] == key]
        rows.append({
            "rep": name, "calls": len(mine), "with_outcome": int(mine["known"].sum()),
            "connects": int(mine["hit"].sum()),
            "connect_rate": ratio(int(mine["hit"].sum()), int(mine["known"].sum())),
            "connect_rate_avg": ratio(int(before["hit"].sum()), int(before["known"].sum())),
            "baseline_connects": int(before["hit"].sum()),
            "baseline_with_outcome": int(before["known"].sum()),
        })
    rows.sort(key=lambda r: (-r["calls"], r["rep"].casefold()))
    figures: dict[str, Number] = {
        "calls_with_outcome": int(now["known"].sum()),
        "connects": int(now["hit"].sum()),
        "connect_rate": ratio(int(now["hit"].sum()), int(now["known"].sum())),
        # pooled over the baseline, every rep's calls (not only those of this period's reps)
        "baseline_connect_rate": ratio(int(base["hit"].sum()), int(base["known"].sum())),
    }
    return rows, figures


def attempts_in_first_days(leads: pd.DataFrame, activities: pd.DataFrame, types: Iterable[str],
                           needed: int) -> dict[str, Number]:
    """Over `leads` (each with lead_id, sent_to_sales_at): activities of `types` naming the lead
    dated from its sending to 7 days (168 hours) after, the mean per lead, and the share of
    leads that got at least `needed` of them."""
    kinds = {t.strip().casefold() for t in types}
    acts = activities[fold(activities["type"]).isin(kinds).fillna(False).to_numpy(bool)
                      & activities["lead_id"].notna().to_numpy(bool)]
    sent = leads[["lead_id", "sent_to_sales_at"]].dropna()
    joined = acts[["lead_id", "date"]].merge(sent, on="lead_id", how="inner")
    late = joined["sent_to_sales_at"] + pd.Timedelta(days=FIRST_DAYS)
    early = joined[((joined["date"] >= joined["sent_to_sales_at"])
                    & (joined["date"] <= late)).fillna(False).to_numpy(bool)]
    per_lead = early.groupby("lead_id").size()
    counts = sent["lead_id"].map(per_lead).fillna(0).to_numpy(dtype=float)
    return {
        "first_week_leads": len(sent),
        "attempts_first_7d": float(counts.mean()) if len(counts) else None,
        "reached_attempts_7d": ratio(int((counts >= needed).sum()), len(sent)),
    }


def without_activity(leads: pd.DataFrame, activities: pd.DataFrame, as_of: date) -> np.ndarray:
    """Which of `leads` (lead_id, sent_to_sales_at) no activity names, dated at or after the
    lead was sent and up to the as-of date."""
    acts = activities[up_to_day(activities["date"].to_numpy(), as_of)
                      & activities["lead_id"].notna().to_numpy(bool)]
    joined = acts[["lead_id", "date"]].merge(leads[["lead_id", "sent_to_sales_at"]].dropna(),
                                             on="lead_id", how="inner")
    worked = set(joined.loc[(joined["date"] >= joined["sent_to_sales_at"]).to_numpy(bool),
                            "lead_id"])
    return ~leads["lead_id"].isin(worked).fillna(False).to_numpy(bool)


def first_week_cohort(period: Period) -> Period:
    """The leads whose first 7 days are all behind a review: those sent in the period before
    the review period (a week or a month), whatever day the review runs."""
    return period.previous()
