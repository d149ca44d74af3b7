"""Leads and opportunities of each paid program, for the Paid Programs panel.

A program's leads are the leads whose program is the paid program (ignoring case and spaces),
each lead id once (its first row). Leads are counted by created_at; opportunities (each
opportunity id once) from any of a program's leads, by their own created_at. The opportunity
conversion is of the window's leads: those with an opportunity by the as-of date.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.codes import Coded, counts_by_key, lookup
from tuneup_tui.metrics.common import up_to_day, window_mask


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
    leads_base = _count(keys, program.codes, paid & _in_baseline(created, baseline))
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
    # as-of date, so it cannot pass 100%
    has_opp = np.zeros(len(created), dtype=bool)
    made = (opp_leads >= 0) & up_to_day(opps["created_at"].to_numpy(), as_of)
    has_opp[opp_leads[made]] = True
    converted_now = _count(keys, program.codes,
                           paid & has_opp & _days(created, period.start, period.end))
    converted_base = _count(keys, program.codes, paid & has_opp & _in_baseline(created, baseline))
    return ProgramLeads(True, True, leads_now, leads_base, opps_now, opps_base, converted_now,
                        converted_base)


def _days(dates: pd.Series, start: date, end: date) -> np.ndarray:
    return window_mask(dates.to_frame("day"), "day", start, end).to_numpy(dtype=bool)


def _in_baseline(dates: pd.Series, baseline: Baseline) -> np.ndarray:
    if len(baseline) == 0:
        return np.zeros(len(dates), dtype=bool)
    return _days(dates, baseline.start, baseline.end)


def _count(keys: np.ndarray, codes: np.ndarray, rows: np.ndarray) -> dict[str, float]:
    """Rows picked by `rows` per program key (rows without a program left out), by key."""
    counts = counts_by_key(keys, codes[rows])
    return {key: float(counts[key]) for key in sorted(counts)}
