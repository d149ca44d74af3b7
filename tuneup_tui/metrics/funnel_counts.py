"""The funnel's step counts: for each step, how many rows of its source a window dates.

Each step's rows are cut out of the baseline and the period once and their dates sorted, so
a window (a period, the baseline) is counted by two binary searches, not by comparing a
million dates; the opportunities' stages are keyed once per distinct stage (`stage_key`).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.codes import lookup
from tuneup_tui.metrics.common import (
    by_end_of,
    days_mask,
    folded,
    in_baseline,
    in_period,
    optional_frame,
    total,
    window_mask,
    within,
)
from tuneup_tui.metrics.funnel_cohort import CohortSteps, lead_steps
from tuneup_tui.metrics.result import PanelSettings
from tuneup_tui.metrics.shared import (
    lead_rows,
    leads_once,
    opportunities_once,
    opportunity_column,
)

PROPOSAL_OR_LATER = ("proposal", "negotiation")
"""Stage keys (see `stage_key`) that begin a stage at or past the proposal, besides Closed Won:
Salesforce's "Proposal/Price Quote" and "Negotiation/Review" are "proposal..." and
"negotiation..."."""

# A step counter: the number of rows of the step dated in a window (start, end).
Counter = Callable[[Period | Baseline], float]


def step_counters(pack: DataPack, notes: list[str], start: date, end: date,
                  cohort: dict[str, CohortSteps], settings: PanelSettings
                  ) -> dict[str, Counter]:
    """Each step's counter over the windows inside `start`..`end` (a source the pack lacks
    leaves its steps out, with a note), and the leads' cohort in `cohort["steps"]`."""
    counters: dict[str, Counter] = {}
    traffic = optional_frame(pack, "traffic", notes)
    if traffic is not None:
        counters["sessions"] = _summer(traffic, "date", "sessions")
        counters["goal_completions"] = _summer(traffic, "date", "goal_completions")
    leads = optional_frame(pack, "leads", notes)
    if leads is not None:
        leads = leads_once(pack)  # a lead listed twice is one lead
        counters["leads"] = _counter(leads, "created_at", start, end)
        counters["sent_to_sales"] = _counter(leads, "sent_to_sales_at", start, end)
    opps = optional_frame(pack, "opportunities", notes)
    reached = won = opp_leads = None
    if opps is not None:
        opps = opportunities_once(pack)
        won, reached = stage_steps(pack)
        opp_leads = lead_rows(pack, "opportunities_once", opps) if leads is not None else None
        counters["opportunities"] = _counter(opps, "created_at", start, end)
        counters["proposals"] = _counter(opps, "created_at", start, end, reached)
        counters["closed_won"] = _counter(opps, "closed_at", start, end, won)
    if leads is not None:
        cohort["steps"] = lead_steps(leads, opps, opp_leads, reached, won, start, end)
    return counters


def stage_steps(pack: DataPack) -> tuple[np.ndarray, np.ndarray]:
    """Which of the pack's opportunities (opportunities_once) are at Closed Won, and which
    reached the proposal (at Proposal, Negotiation or Closed Won): each distinct stage worked
    out once, then spread over the opportunities."""
    stage = opportunity_column(pack, "stage")
    keys = stage_key(pd.Series(stage.values, dtype="str"))
    won_stage = (keys == "closedwon").fillna(False).to_numpy(dtype=bool)
    reached_stage = (keys.str.startswith(PROPOSAL_OR_LATER).fillna(False)
                     .to_numpy(dtype=bool) | won_stage)
    # no stage (code -1): False
    return lookup(won_stage, stage.codes, False), lookup(reached_stage, stage.codes, False)


def stage_key(stage: pd.Series) -> pd.Series:
    """A stage name for matching: lower-cased, letters only ("Closed Won", "closed-won" and
    HubSpot's "closedwon" are all "closedwon")."""
    return folded(stage).str.replace(r"[^a-z]", "", regex=True)


def _window(df: pd.DataFrame, column: str, when: Period | Baseline) -> pd.DataFrame:
    if isinstance(when, Period):
        return in_period(df, column, when)
    return in_baseline(df, column, when)


def _in_window(df: pd.DataFrame, column: str, when: Period | Baseline) -> pd.Series:
    """Which rows `_window` would keep, without copying them (a count needs no more)."""
    if isinstance(when, Baseline) and len(when) == 0:
        return pd.Series(False, index=df.index)
    return window_mask(df, column, when.start, when.end)


def _summer(df: pd.DataFrame, column: str, value: str) -> Counter:
    return lambda when: total(_window(df, column, when), value)


def _counter(df: pd.DataFrame, column: str, start: date, end: date,
             rows: np.ndarray | None = None) -> Counter:
    """Rows of `df` (those `rows` picks, when given) dated in a window (`column`) inside
    `start`..`end`: their dates are cut out and sorted once, so each window is counted by two
    binary searches, not by comparing a million dates."""
    stamps = df[column].to_numpy()
    if stamps.dtype.kind != "M":
        picked = df[[column]] if rows is None else df[[column]][rows]
        window = within(picked, column, start, end)
        return lambda when: float(_in_window(window, column, when).sum())
    if rows is not None:
        stamps = stamps[rows]
    days = np.sort(stamps[days_mask(stamps, start, end)], kind="stable")  # runs in date order

    def count(when: Period | Baseline) -> float:
        if isinstance(when, Baseline) and len(when) == 0:
            return 0.0
        lo = np.datetime64(when.start, "D").astype(days.dtype)
        hi = by_end_of(when.end, days.dtype)
        first, last = np.searchsorted(days, [lo, hi])
        return float(last - first)

    return count
