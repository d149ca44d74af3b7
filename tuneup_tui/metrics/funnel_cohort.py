"""The funnel's cohort: the leads created in a window, followed through their later steps.

A step rate of the funnel is one cohort's own: of the leads created in the window, those sent
to sales; of those, the ones with an opportunity; of those, the ones whose opportunity reached
Proposal; of those, the ones with a Closed Won opportunity. Each step is a subset of the one
before, so no rate can pass 100%. Steps are counted up to the as-of date: a cohort of last week
has had days to move, a baseline cohort weeks, which the panel says (`maturity_note`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

import numpy as np
import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.common import days_mask, up_to_day

COHORT_STEPS = ("created", "sent", "opportunity", "proposal", "won")
"""A cohort's steps, each a subset of the one before."""
RATE_OF_STEP = {"sent": "sent_to_sales_rate", "opportunity": "opportunities_rate",
                "proposal": "proposals_rate", "won": "closed_won_rate"}
"""The funnel's figure key for each cohort step's rate (over the step before it)."""


@dataclass(frozen=True)
class CohortSteps:
    """The leads created from `start` to `end`, sorted by creation time, with how many of the
    first n of them reached each step (`reached[step][n]`): a window's cohort is a run of them,
    counted by two binary searches, not by comparing a million dates."""

    created: np.ndarray
    """The creation times (naive datetime64), sorted."""
    reached: dict[str, np.ndarray]
    """Per step, the running count of the sorted leads that reached it (one more than
    `created`, starting at 0)."""


def lead_steps(leads: pd.DataFrame, opps: pd.DataFrame | None, opp_leads: np.ndarray | None,
               reached: np.ndarray | None, won: np.ndarray | None, as_of: date, start: date,
               end: date) -> CohortSteps:
    """The leads created from `start` to `end` (the windows `cohort_counts` is asked about)
    and whether, by the as-of date, each was sent to sales, has an opportunity, one that
    reached Proposal, one that was won (each step within the last).

    `opp_leads` holds each opportunity's lead as a position in `leads` (-1: none), as
    shared.lead_rows finds it: an exact match on lead_id, as a lookup of the ids would be.
    """
    created_all = leads["created_at"].to_numpy()
    if created_all.dtype.kind != "M":
        created_all = pd.to_datetime(leads["created_at"]).to_numpy()
    rows = np.flatnonzero(days_mask(created_all, start, end))
    steps = {"sent": up_to_day(leads["sent_to_sales_at"].to_numpy()[rows], as_of)}
    for name, mask in (("opportunity", None), ("proposal", reached), ("won", won)):
        if opps is None or "lead_id" not in opps or opp_leads is None:
            steps[name] = np.zeros(len(rows), dtype=bool)
            continue
        chosen = up_to_day(opps["created_at"].to_numpy(), as_of) & (opp_leads >= 0)
        if mask is not None:
            chosen &= mask
        has = np.zeros(len(leads), dtype=bool)
        has[opp_leads[chosen]] = True
        steps[name] = has[rows]
    # a later step counts only within the one before it: one cohort, shrinking
    for before, step in pairwise(COHORT_STEPS[1:]):
        steps[step] = steps[step] & steps[before]
    created = created_all[rows]
    order = np.argsort(created, kind="stable")
    running = {step: np.concatenate(([0], np.cumsum(flags[order], dtype=np.int64)))
               for step, flags in steps.items()}
    return CohortSteps(created[order], running)


def cohort_counts(steps: CohortSteps, when: Period | Baseline) -> dict[str, int]:
    """How many of the leads created in `when` (a window within the one `steps` holds)
    reached each step."""
    if isinstance(when, Baseline) and len(when) == 0:
        return dict.fromkeys(COHORT_STEPS, 0)
    lo = np.datetime64(when.start, "D").astype(steps.created.dtype)
    hi = (np.datetime64(when.end, "D") + 1).astype(steps.created.dtype)
    first, last = np.searchsorted(steps.created, [lo, hi])
    counts = {"created": int(last - first)}
    for step in COHORT_STEPS[1:]:
        counts[step] = int(steps.reached[step][last] - steps.reached[step][first])
    return counts


def maturity_note(period: Period, baseline: Baseline, as_of: date) -> str:
    """How long each cohort has had to move, in days up to the as-of date."""
    text = (f"Cohort rates follow the leads created in each window up to {as_of.isoformat()}: "
            f"this period's are {_days(period.end, as_of)} to {_days(period.start, as_of)} "
            "days old")
    if len(baseline):
        text += (f", the baseline's {_days(baseline.end, as_of)} to "
                 f"{_days(baseline.start, as_of)}")
    return text + "; later steps (proposal, won) of a young cohort have had less time."


def _days(day: date, as_of: date) -> int:
    return max((as_of - day).days, 0)
