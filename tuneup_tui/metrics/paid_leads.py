"""Leads and opportunities of each paid program, for the Paid Programs panel.

A program's leads are the leads whose program is the paid program (ignoring case and spaces),
each lead id once (its first row). Leads are counted by created_at; opportunities (each
opportunity id once) from any of a program's leads, by their own created_at. The opportunity
conversion is of the window's leads: those with an opportunity by the as-of date, and for each
baseline window those with one as long after its start (`cohort_age`).
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.codes import Coded, counts_by_key, lookup
from tuneup_tui.metrics.cohort_age import earliest_by_lead, follow_until
from tuneup_tui.metrics.common import datetimes, window_mask
from tuneup_tui.metrics.day_span import by_end_of


@dataclass(frozen=True)
class ProgramLeads:
    """Counts by program key; `known` False when the leads source is missing."""

    known: bool = False
    with_opportunities: bool = False
    leads_now: dict[str, float] = field(default_factory=dict)
    leads_base: dict[str, float] = field(default_factory=dict)
    opps_now: dict[str, float] = field(default_factory=dict)
    opps_base: dict[str, float] = field(default_factory=dict)
    converted_now: dict[str, float] = field(default_factory=dict)
    """The period's leads with an opportunity by the as-of date, by program key."""
    converted_base: dict[str, float] = field(default_factory=dict)


def program_leads(created: pd.Series | None, program: Coded | None, opps: pd.DataFrame | None,
                  opp_leads: np.ndarray | None, programs: Set[str], period: Period,
                  baseline: Baseline, as_of: date) -> ProgramLeads:
    """Leads and opportunities per paid program in the period and over the baseline.

    `created` and `program` are the leads' created_at and program, each lead id once
    (shared.leads_once): a lead listed twice is one lead, of its first program. `opps` holds
    each opportunity id once, `opp_leads` each one's lead as a position in the leads (-1: none).
    None for a source the pack lacks.
    """
    if created is None or program is None:
        return ProgramLeads()
    # a million leads counted on their program's code: which codes are a paid program's is
    # worked out per distinct program name
    keys = program.folded()
    paid = lookup(np.array([k in programs for k in keys], dtype=bool), program.codes, False)
    leads_now = _count(keys, program.codes, paid & _days(created, period.start, period.end))
    in_base = paid & _in_baseline(created, baseline)
    leads_base = _count(keys, program.codes, in_base)
    if opps is None or opp_leads is None:
        return ProgramLeads(True, False, leads_now, leads_base)
    # every lead of the program, whenever created: an opportunity of the period may come
    # from a lead of an earlier period (DESIGN: "opportunities created in the period from
    # the program's leads")
    theirs = lookup(program.codes, opp_leads, -1)
    theirs = np.where(lookup(paid, opp_leads, False), theirs, -1)
    opps_now = _count(keys, theirs, _days(opps["created_at"], period.start, period.end))
    opps_base = _count(keys, theirs, _in_baseline(opps["created_at"], baseline))
    # the conversion follows one cohort: the window's leads that have an opportunity by the
    # as-of date, so it cannot pass 100%; each baseline window's leads for as long after its
    # start (cohort_age), so cohorts of the same age are compared
    first_opp = earliest_by_lead(len(created), opp_leads, datetimes(opps["created_at"]))
    converted_now = _count(keys, program.codes, paid & _days(created, period.start, period.end)
                           & (first_opp < by_end_of(as_of, first_opp.dtype)))
    converted_base = _count(keys, program.codes,
                            _in_time(in_base, datetimes(created), first_opp, period, baseline,
                                     as_of))
    return ProgramLeads(True, True, leads_now, leads_base, opps_now, opps_base, converted_now,
                        converted_base)


def _days(dates: pd.Series, start: date, end: date) -> np.ndarray:
    return window_mask(dates.to_frame("day"), "day", start, end).to_numpy(dtype=bool)


def _in_time(rows: np.ndarray, created: np.ndarray, first_opp: np.ndarray, period: Period,
             baseline: Baseline, as_of: date) -> np.ndarray:
    """Which of the baseline's leads `rows` (a mask) had an opportunity while their window's
    cohort was followed (`follow_until`): each lead's window found by a binary search, not a
    pass over every lead per window."""
    picked = np.flatnonzero(rows)
    out = np.zeros(len(rows), dtype=bool)
    if len(picked) == 0:
        return out
    starts = np.array([np.datetime64(w.start, "D") for w in baseline.periods])
    which = np.searchsorted(starts.astype(created.dtype), created[picked], side="right") - 1
    until = np.array([by_end_of(follow_until(w, period, as_of), first_opp.dtype)
                      for w in baseline.periods])
    out[picked[first_opp[picked] < until[which]]] = True
    return out


def _in_baseline(dates: pd.Series, baseline: Baseline) -> np.ndarray:
    if len(baseline) == 0:
        return np.zeros(len(dates), dtype=bool)
    return _days(dates, baseline.start, baseline.end)


def _count(keys: np.ndarray, codes: np.ndarray, rows: np.ndarray) -> dict[str, float]:
    """Rows picked by `rows` per program key (rows without a program left out), by key."""
    counts = counts_by_key(keys, codes[rows])
    return {key: float(counts[key]) for key in sorted(counts)}
