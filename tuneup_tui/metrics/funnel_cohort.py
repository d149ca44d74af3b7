"""The funnel's cohort: the leads created in a window, followed through their later steps.

A step rate of the funnel is one cohort's own: of the leads created in the window, those sent
to sales; of those, the ones with an opportunity; of those, the ones whose opportunity reached
Proposal; of those, the ones with a Closed Won opportunity. Each step is a subset of the one
before, so no rate can pass 100%. Steps are counted up to the as-of date: a cohort of last week
has had days to move, a baseline cohort weeks, which the panel says (`maturity_note`).
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

import numpy as np
import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.common import up_to_day, window_mask

COHORT_STEPS = ("created", "sent", "opportunity", "proposal", "won")
"""A cohort's steps, each a subset of the one before."""
RATE_OF_STEP = {"sent": "sent_to_sales_rate", "opportunity": "opportunities_rate",
                "proposal": "proposals_rate", "won": "closed_won_rate"}
"""The funnel's figure key for each cohort step's rate (over the step before it)."""


def lead_steps(leads: pd.DataFrame, opps: pd.DataFrame | None, reached: np.ndarray | None,
               won: np.ndarray | None, as_of: date) -> pd.DataFrame:
    """Per lead: its `created_at` and whether, by the as-of date, it was sent to sales, has an
    opportunity, one that reached Proposal, one that was won (each step within the last)."""
    sent = up_to_day(leads["sent_to_sales_at"].to_numpy(), as_of)
    steps = pd.DataFrame({"created_at": leads["created_at"], "sent": sent}, index=leads.index)
    for name, mask in (("opportunity", None), ("proposal", reached), ("won", won)):
        if opps is None or "lead_id" not in opps:
            steps[name] = False
            continue
        chosen = opps if mask is None else opps[mask]
        chosen = chosen[up_to_day(chosen["created_at"].to_numpy(), as_of)]
        steps[name] = leads["lead_id"].isin(set(chosen["lead_id"].dropna())).to_numpy()
    # a later step counts only within the one before it: one cohort, shrinking
    for before, step in pairwise(COHORT_STEPS[1:]):
        steps[step] = steps[step] & steps[before]
    return steps


def cohort_counts(steps: pd.DataFrame, when: Period | Baseline) -> dict[str, int]:
    """How many of the leads created in `when` reached each step."""
    if isinstance(when, Baseline) and len(when) == 0:
        return dict.fromkeys(COHORT_STEPS, 0)
    cohort = steps[window_mask(steps, "created_at", when.start, when.end)]
    counts = {"created": len(cohort)}
    for step in COHORT_STEPS[1:]:
        counts[step] = int(cohort[step].sum())
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
