"""Leads and opportunities of each paid program, for the Paid Programs panel.

A program's leads are the leads whose program is the paid program (ignoring case and spaces),
each lead id once (its first row). Leads are counted by created_at; opportunities (each
opportunity id once) from any of a program's leads, by their own created_at.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.common import first_of_each, folded, in_baseline, in_period


@dataclass(frozen=True)
class ProgramLeads:
    """Counts by program key; `known` False when the leads source is missing."""

    known: bool = False
    with_opportunities: bool = False
    leads_now: dict[str, float] = field(default_factory=dict)
    leads_base: dict[str, float] = field(default_factory=dict)
    opps_now: dict[str, float] = field(default_factory=dict)
    opps_base: dict[str, float] = field(default_factory=dict)


def program_leads(leads: pd.DataFrame | None, opps: pd.DataFrame | None, programs: Set[str],
                  period: Period, baseline: Baseline) -> ProgramLeads:
    """Leads and opportunities per paid program in the period and over the baseline."""
    if leads is None:
        return ProgramLeads()
    # one row per lead (its first): a lead listed twice is one lead, of its first program
    keyed = first_of_each(leads, "lead_id")
    keyed = keyed.assign(program_key=folded(keyed["program"]))
    keyed = keyed[keyed["program_key"].isin(list(programs)).fillna(False)]
    leads_now = _count(in_period(keyed, "created_at", period))
    leads_base = _count(in_baseline(keyed, "created_at", baseline))
    if opps is None:
        return ProgramLeads(True, False, leads_now, leads_base)
    # every lead of the program, whenever created: an opportunity of the period may come
    # from a lead of an earlier period (DESIGN: "opportunities created in the period from
    # the program's leads")
    with_id = keyed.dropna(subset=["lead_id"])
    lead_program = dict(zip(with_id["lead_id"], with_id["program_key"], strict=True))
    opps = first_of_each(opps, "opportunity_id")
    with_program = opps.assign(program_key=opps["lead_id"].map(lead_program))
    with_program = with_program[with_program["program_key"].notna()]
    opps_now = _count(in_period(with_program, "created_at", period))
    opps_base = _count(in_baseline(with_program, "created_at", baseline))
    return ProgramLeads(True, True, leads_now, leads_base, opps_now, opps_base)


def _count(rows: pd.DataFrame) -> dict[str, float]:
    return {str(k): float(v) for k, v in rows.groupby("program_key").size().items()}
