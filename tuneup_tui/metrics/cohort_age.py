"""Cohorts compared at the same age: how long a baseline window's cohort is followed, and when
each lead first had an opportunity.

A cohort rate of the period (the period's leads sent to sales, or with an opportunity) counts
what happened up to the as-of date: a week's leads after one to seven days. Its baseline is
the same rate of earlier windows' cohorts, each followed for as long after its own start
(`follow_until`), not up to the as-of date: weeks-old cohorts have had weeks more to move, and
read as better every week. docs/metrics.md (the funnel) gives the numbers.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from tuneup_tui.data.period import Period


def follow_until(window: Period, period: Period, as_of: date) -> date:
    """The last day a baseline window's cohort is followed to: as many days after its start as
    the as-of date is after the period's."""
    return as_of - (period.start - window.start)


def earliest_by_lead(leads: int, lead_of: np.ndarray, when: np.ndarray,
                     chosen: np.ndarray | None = None) -> np.ndarray:
    """For each of `leads` leads (positions), the earliest of `when` among the rows whose
    `lead_of` is that lead (-1: none) and that `chosen` keeps; NaT for a lead with none."""
    out = np.full(leads, np.datetime64("NaT"), dtype=when.dtype)
    keep = (lead_of >= 0) & ~np.isnat(when)
    if chosen is not None:
        keep &= chosen
    picked = np.flatnonzero(keep)
    # latest first: of a lead's rows, the earliest is written last and stays
    picked = picked[np.argsort(when[picked], kind="stable")[::-1]]
    out[lead_of[picked]] = when[picked]
    return out
