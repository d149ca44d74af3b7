"""Leads and opportunities of each paid program, for the Paid Programs panel.

A program's leads are the leads whose program is the paid program (ignoring case and spaces).
Leads are counted by created_at; opportunities from a program's leads by their own created_at.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.common import in_baseline, in_period


@dataclass(frozen=True)
class ProgramLeads:
    """Counts by program key; `known` False when the leads source is missing."""

    known: bool = False
    with_opportunities: bool = False
    leads_now: dict[str, float] = field(default_factory=dict)
    leads_base: dict[str, float] = field(default_factory=dict)
    opps_now: dict[str, float] = field(default_factory=dict)
    opps_base: dict[str, float] = field(default_factory=dict)
    base_leads_with_opportunity: dict[str, float] = field(default_factory=dict)
    """Of the program's leads created in the baseline, how many have any opportunity created
    on or before the period's end."""


def program_leads(leads: pd.DataFrame | None, opps: pd.DataFrame | None, programs: Set[str],
                  period: Period, baseline: Baseline) -> ProgramLeads:
    """Leads and opportunities per paid program in the period and over the baseline."""
    if leads is None:
        return ProgramLeads()
    keyed = leads.assign(program_key=leads["program"].str.strip().str.casefold())
    keyed = keyed[keyed["program_key"].isin(list(programs)).fillna(False)]
    leads_now = _count(in_period(keyed, "created_at", period))
    base_leads = in_baseline(keyed, "created_at", baseline)
    leads_base = _count(base_leads)
    if opps is None:
        return ProgramLeads(True, False, leads_now, leads_base)
    firsts = keyed.dropna(subset=["lead_id"]).drop_duplicates("lead_id")
    lead_program = dict(zip(firsts["lead_id"], firsts["program_key"], strict=True))
    with_program = opps.assign(program_key=opps["lead_id"].map(lead_program))
    with_program = with_program[with_program["program_key"].notna()]
    opps_now = _count(in_period(with_program, "created_at", period))
    opps_base = _count(in_baseline(with_program, "created_at", baseline))
    return ProgramLeads(True, True, leads_now, leads_base, opps_now, opps_base,
                        _converted(base_leads, opps, period.end))


def _count(rows: pd.DataFrame) -> dict[str, float]:
    return {str(k): float(v) for k, v in rows.groupby("program_key").size().items()}


def _converted(base_leads: pd.DataFrame, opps: pd.DataFrame, end: date) -> dict[str, float]:
    """Baseline leads per program that have an opportunity created by `end`."""
    until = pd.Timestamp(end) + pd.Timedelta(days=1)
    made = opps[(opps["created_at"] < until).fillna(False)]
    has = base_leads["lead_id"].isin(list(made["lead_id"].dropna())).fillna(False)
    return _count(base_leads[has])
