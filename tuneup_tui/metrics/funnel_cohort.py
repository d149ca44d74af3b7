"""The funnel's cohort: the leads created in a window, followed through their later steps.

A step rate of the funnel is one cohort's own: of the leads created in the window, those sent
to sales; of those, the ones with an opportunity; of those, the ones whose opportunity reached
Proposal; of those, the ones with a Closed Won opportunity. Each step is a subset of the one
before, so no rate can pass 100%.

Cohorts are compared at the same age. The period's cohort is followed up to the as-of date; each
baseline window's cohort for as long after its own start, up to the as-of date less the days
between the two windows' starts (`follow_until`). A week-old cohort against cohorts followed
for two months read "worse" nearly every week at the opportunity step. A step counts when it
happened by then: sent to sales on its date, an opportunity on its creation, a win on its close.
Whether an opportunity reached Proposal is a snapshot of today's stage, with no date: the
proposal and won rates stay younger than the baseline's, which the panel says
(`maturity_note`) and the catalogue marks "not judged".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

import numpy as np
import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.cohort_age import earliest_by_lead, follow_until
from tuneup_tui.metrics.common import datetimes
from tuneup_tui.metrics.day_span import by_end_of, days_mask

COHORT_STEPS = ("created", "sent", "opportunity", "proposal", "won")
"""A cohort's steps, each a subset of the one before."""
RATE_OF_STEP = {"sent": "sent_to_sales_rate", "opportunity": "opportunities_rate",
                "proposal": "proposals_rate", "won": "closed_won_rate"}
"""The funnel's figure key for each cohort step's rate (over the step before it)."""


@dataclass(frozen=True, slots=True)
class CohortSteps:
    """The leads created from `start` to `end`, sorted by creation time, with when each
    reached each later step: a window's cohort is a run of them, found by two binary
    searches, not by comparing a million dates."""

    created: np.ndarray
    """The creation times (naive datetime64), sorted."""
    reached: dict[str, np.ndarray]
    """Per step after "created", when each of the sorted leads reached it (NaT: not yet):
    never before it reached the step before."""


def lead_steps(leads: pd.DataFrame, opps: pd.DataFrame | None, opp_leads: np.ndarray | None,
               reached: np.ndarray | None, won: np.ndarray | None, start: date,
               end: date) -> CohortSteps:
    """The leads created from `start` to `end` (the windows `cohort_counts` is asked about)
    and when each was sent to sales, got its first opportunity, its first one that reached
    Proposal (dated by its creation) and its first win (dated by its close, or its creation
    when the close date is missing); each step no earlier than the one before.

    `opp_leads` holds each opportunity's lead as a position in `leads` (-1: none), as
    shared.lead_rows finds it: an exact match on lead_id, as a lookup of the ids would be.
    """
    created_all = datetimes(leads["created_at"])
    rows = np.flatnonzero(days_mask(created_all, start, end))
    steps = {"sent": datetimes(leads["sent_to_sales_at"])[rows]}
    for name, mask in (("opportunity", None), ("proposal", reached), ("won", won)):
        steps[name] = _first_of_each_lead(leads, opps, opp_leads, mask, rows, name == "won",
                                          created_all.dtype)
    # a later step counts only once the one before it is reached: one cohort, shrinking
    for before, step in pairwise(COHORT_STEPS[1:]):
        steps[step] = _no_earlier(steps[step], steps[before])
    created = created_all[rows]
    order = np.argsort(created, kind="stable")
    return CohortSteps(created[order], {step: when[order] for step, when in steps.items()})


def cohort_counts(steps: CohortSteps, window: Period, until: date) -> dict[str, int]:
    """How many of the leads created in `window` (one within the span `steps` holds)
    reached each step by the end of `until`."""
    lo = np.datetime64(window.start, "D").astype(steps.created.dtype)
    hi = by_end_of(window.end, steps.created.dtype)
    first, last = np.searchsorted(steps.created, [lo, hi])
    by = by_end_of(until, steps.created.dtype)
    counts = {"created": int(last - first)}
    for step in COHORT_STEPS[1:]:
        counts[step] = int((steps.reached[step][first:last] < by).sum())
    return counts


def baseline_counts(steps: CohortSteps, period: Period, baseline: Baseline, as_of: date
                    ) -> dict[str, int]:
    """The baseline windows' cohorts, each followed as long as the period's (`follow_until`),
    summed: the pooled numerators and denominators of the baseline's cohort rates."""
    total = dict.fromkeys(COHORT_STEPS, 0)
    for window in baseline.periods:
        for step, n in cohort_counts(steps, window, follow_until(window, period, as_of)).items():
            total[step] += n
    return total


def maturity_note(period: Period, baseline: Baseline, as_of: date) -> str:
    """How long each cohort has been followed, and what that cannot match."""
    text = (f"Cohort rates follow the leads created in each window for the same time: this "
            f"period's up to {as_of.isoformat()} ({_days(period.end, as_of)} to "
            f"{_days(period.start, as_of)} days)")
    if len(baseline):
        last = baseline.periods[-1]
        text += (f", each baseline window's as long after its start (the last one's up to "
                 f"{follow_until(last, period, as_of).isoformat()})")
    return text + ("; whether an opportunity reached Proposal is today's stage, so the "
                   "proposal and won rates of older cohorts have had longer.")


def _first_of_each_lead(leads: pd.DataFrame, opps: pd.DataFrame | None,
                        opp_leads: np.ndarray | None, mask: np.ndarray | None,
                        rows: np.ndarray, by_close: bool, dtype: np.dtype) -> np.ndarray:
    """For each of `rows` (positions in `leads`), the earliest date among its opportunities
    that `mask` keeps (all when None): their creation, or for `by_close` their close (the
    creation when missing, and never before it). NaT for a lead with none."""
    if opps is None or "lead_id" not in opps or opp_leads is None:
        return np.full(len(rows), np.datetime64("NaT"), dtype=dtype)
    when = datetimes(opps["created_at"]).astype(dtype)
    if by_close and "closed_at" in opps:
        closed = datetimes(opps["closed_at"]).astype(dtype)
        when = np.where(np.isnat(closed), when, np.maximum(when, closed))
    return earliest_by_lead(len(leads), opp_leads, when, mask)[rows]


def _no_earlier(step: np.ndarray, before: np.ndarray) -> np.ndarray:
    """`step`'s dates, none before `before`'s (NaT when either is NaT)."""
    later = np.maximum(step, before)
    later[np.isnat(step) | np.isnat(before)] = np.datetime64("NaT")
    return later


def _days(day: date, as_of: date) -> int:
    return max((as_of - day).days, 0)

