"""The CRM's first touch checked against the activity log, for the Sales Follow Up panel.

"Touched within 24 h" reads the CRM's `first_touch_at`; the reps' calls and emails are in the
activity log. The two should tell one story: a lead the CRM says was touched should have a
logged activity. Of the leads sent to sales in the period:

- **first touch in the CRM**: those whose CRM row has a `first_touch_at` on or before the
  as-of date;
- **with a logged activity**: those named by at least one activity dated from the day the lead
  was sent to the as-of date (an activity before the lead reached sales is not a sales touch).

The sources disagree when the two counts differ by more than `touch_tolerance` (default 0.2)
of the leads sent (reps log a call a day or two after it: on a Monday up to about a sixth of
last week's leads touched in the CRM have no activity logged yet), and the finding fires only
when McNemar's test on the leads one source counts and the other does not says the gap is
unlikely by chance: with `b` leads touched in the CRM alone and `c` in the log alone,
z = (b - c) / sqrt(b + c) (|z| >= 2.58 high, >= 1.96 medium, as significance.py).
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics.common import finding, num, up_to_day
from tuneup_tui.metrics.day_span import days_mask
from tuneup_tui.metrics.result import Finding, Number
from tuneup_tui.metrics.shared import lead_rows_of, leads_once
from tuneup_tui.metrics.significance import severity_of

NAME = "follow_up"
TOLERANCE = 0.2


def logged_touches(pack: DataPack, activities: pd.DataFrame | None, leads: pd.DataFrame,
                   as_of: date, since: date | None = None) -> np.ndarray | None:
    """For each of `leads` (rows of the sent-leads frame), whether an activity dated from its
    sent day to `as_of` names it; None without the activities source.

    `since` (a day no later than any of the leads' sent days; their earliest by default) says
    which activities are looked up: a panel asking about the period's leads and then the
    baseline's passes the baseline's first day, and the activities are looked up once.
    """
    if activities is None:
        return None
    every = leads_once(pack)
    where = every.index.get_indexer(leads.index)
    sent_day = leads["sent_to_sales_at"].dt.floor("D").to_numpy().astype("datetime64[ns]")
    known = sent_day[~np.isnat(sent_day)]
    if len(known) == 0:  # no lead with a sent day: none can have a touch after it
        return np.zeros(len(leads), dtype=bool)
    # only activities from the earliest sent day on can count: those are the ones looked up
    earliest = pd.Timestamp(known.min()).date()
    since = earliest if since is None or since > earliest else since
    latest = pack.derived(("activities", "latest_touch", since, as_of, id(activities)),
                          lambda: _latest_touch(pack, activities, len(every), since, as_of))
    mine = np.where(where >= 0, latest[np.maximum(where, 0)], np.iinfo(np.int64).min)
    return (where >= 0) & (mine >= sent_day.view(np.int64)) & ~np.isnat(sent_day)


def _latest_touch(pack: DataPack, activities: pd.DataFrame, leads: int, since: date,
                  as_of: date) -> np.ndarray:
    """For each lead of leads_once, the time of its latest activity dated from `since` to
    `as_of` (nanoseconds; the smallest integer without one): one on or after the sent day is
    enough, so the activities before the earliest sent day asked about are not looked up."""
    dates = activities["date"].to_numpy()
    rows = np.flatnonzero(days_mask(dates, since, as_of))
    at = lead_rows_of(pack, "activities", activities, rows)
    stamps = dates[rows].astype("datetime64[ns]").view(np.int64)
    keep = at >= 0
    latest = np.full(leads, np.iinfo(np.int64).min, dtype=np.int64)
    np.maximum.at(latest, at[keep], stamps[keep])
    return latest


def crm_touches(leads: pd.DataFrame, as_of: date) -> np.ndarray:
    """For each of `leads`, whether its CRM row has a first touch on or before `as_of`."""
    stamps = leads["crm_first_touch_at"].to_numpy().astype("datetime64[ns]")
    return leads["in_crm"].to_numpy(dtype=bool) & up_to_day(stamps, as_of)


def touch_figures(crm: np.ndarray, logged: np.ndarray | None) -> dict[str, Number]:
    """The two counts, side by side in the panel."""
    return {"first_touch_in_crm": int(crm.sum()),
            "with_logged_activity": None if logged is None else int(logged.sum())}


def touch_check(crm: np.ndarray, logged: np.ndarray | None, phrase: str,
                tolerance: float = TOLERANCE) -> Finding | None:
    """A finding when the CRM and the activity log disagree on the leads touched."""
    if logged is None or len(crm) == 0:
        return None
    sent = len(crm)
    in_crm, in_log = int(crm.sum()), int(logged.sum())
    if abs(in_crm - in_log) <= tolerance * sent:
        return None
    crm_only, log_only = int((crm & ~logged).sum()), int((logged & ~crm).sum())
    z = mcnemar_z(crm_only, log_only)
    severity = severity_of(z)
    if severity is None:
        return None
    return finding(
        NAME, "touches_disagree", severity,
        f"The CRM's first touch (crm) shows {num(in_crm)} of {num(sent)} leads sent to sales "
        f"{phrase} touched, the activity log (activities) {num(in_log)}: {num(crm_only)} "
        f"touched in the CRM have no logged activity, {num(log_only)} with one have no CRM "
        "first touch",
        evidence={"count": in_crm, "of": sent, "baseline_count": in_log, "baseline_of": sent,
                  "test": "mcnemar", "z": z, "crm_only": crm_only, "log_only": log_only},
        first_touch_in_crm=in_crm, with_logged_activity=in_log, leads_delivered=sent)


def mcnemar_z(only_first: int, only_second: int) -> float | None:
    """McNemar's z on paired yes/no answers: (b - c) / sqrt(b + c); None when none differ."""
    if only_first + only_second == 0:
        return None
    return (only_first - only_second) / math.sqrt(only_first + only_second)

