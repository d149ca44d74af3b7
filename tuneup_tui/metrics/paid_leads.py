"""Leads and opportunities of each paid program, for the Paid Programs panel.

A program's leads are the leads whose program is the paid program (ignoring case and spaces),
each lead id once (its first row). Leads are counted by created_at; opportunities (each
opportunity id once) from any of a program's leads, by their own created_at.
"""

from __future__ import annotations

from collections.abc import Set
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.common import folded, in_baseline, in_period


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
                  period: Period, baseline: Baseline, opp_leads: np.ndarray | None = None
                  ) -> ProgramLeads:
    """Leads and opportunities per paid program in the period and over the baseline.

    `leads` and `opps` hold each id once (shared.leads_once, shared.opportunities_once): a lead
    listed twice is one lead, of its first program. `opp_leads`, when given, is each
    opportunity's lead as a position in `leads` (-1: none), saving a lookup by id.
    """
    if leads is None:
        return ProgramLeads()
    # only the columns counted: a million leads are cut down to the paid programs' ones
    keys = folded(leads["program"])
    mine = keys.isin(list(programs)).fillna(False).to_numpy(dtype=bool)
    keyed = pd.DataFrame({"lead_id": leads["lead_id"][mine],
                          "created_at": leads["created_at"][mine], "program_key": keys[mine]})
    leads_now = _count(in_period(keyed, "created_at", period))
    leads_base = _count(in_baseline(keyed, "created_at", baseline))
    if opps is None:
        return ProgramLeads(True, False, leads_now, leads_base)
    # every lead of the program, whenever created: an opportunity of the period may come
    # from a lead of an earlier period (DESIGN: "opportunities created in the period from
    # the program's leads")
    if opp_leads is None:
        with_id = keyed.dropna(subset=["lead_id"])
        lead_program = dict(zip(with_id["lead_id"], with_id["program_key"], strict=True))
        program = opps["lead_id"].map(lead_program)
    else:
        # the lead each opportunity names, already found by position (shared.lead_rows)
        program = pd.Series(keys.where(mine).array.take(opp_leads, allow_fill=True),
                            index=opps.index, copy=False)
    with_program = pd.DataFrame({"created_at": opps["created_at"], "program_key": program})
    with_program = with_program[with_program["program_key"].notna()]
    opps_now = _count(in_period(with_program, "created_at", period))
    opps_base = _count(in_baseline(with_program, "created_at", baseline))
    return ProgramLeads(True, True, leads_now, leads_base, opps_now, opps_base)


def _count(rows: pd.DataFrame) -> dict[str, float]:
    return {str(k): float(v) for k, v in rows.groupby("program_key").size().items()}
