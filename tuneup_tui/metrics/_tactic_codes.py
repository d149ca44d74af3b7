"""Opportunity stages and lead programs as flags and codes, worked out once per pack.

The tactic economics, budget pacing and scorecard panels ask the same questions of every
opportunity (won? at or past Proposal?) and of every lead (is its program this tactic?).
Asked of the text of each row, pandas folds a million strings each time; here each distinct
stage or program is folded once and the answer spread to the rows by its code.

A stage is compared as `funnel.stage_key` compares it: stripped, case-folded, letters only
("Closed Won", "closed-won" and "closedwon" are one stage). A program is compared as
`_sales.fold` compares names: stripped and case-folded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics.codes import lookup
from tuneup_tui.metrics.shared import lead_column, opportunity_column

REACHED_PROPOSAL = ("proposal", "negotiation", "closedwon")
"""Stage keys (letters only, lower-cased) that begin a stage at or past Proposal."""
_NOT_LETTERS = re.compile(r"[^a-z]")


@dataclass(frozen=True)
class Stages:
    """Per row of `shared.opportunities_once`: where its stage stands (a missing stage is
    neither)."""

    won: np.ndarray
    """Closed Won."""
    proposal: np.ndarray
    """At or past Proposal (Proposal, Negotiation, Closed Won)."""


def opportunity_stages(pack: DataPack) -> Stages:
    """The stage flags of every opportunity, built once per pack."""
    def build() -> Stages:
        stage = opportunity_column(pack, "stage")
        keys = [stage_key(v) for v in stage.values]
        won = np.array([k == "closedwon" for k in keys], dtype=bool)
        proposal = np.array([k.startswith(REACHED_PROPOSAL) for k in keys], dtype=bool)
        return Stages(won=lookup(won, stage.codes, False),
                      proposal=lookup(proposal, stage.codes, False))

    return pack.derived(("tactic_codes", "opportunity_stages"), build)


def stage_key(value: str) -> str:
    """One stage cell as `funnel.stage_key` has it: stripped, case-folded, letters only."""
    return _NOT_LETTERS.sub("", value.strip().casefold())


def program_index(pack: DataPack, keys: Iterable[str]) -> np.ndarray:
    """For each lead of `shared.leads_once`, the position in `keys` (folded names) of its
    program, folded; -1 when its program is none of them, -2 when it has none."""
    program = lead_column(pack, "program")
    where = {k: i for i, k in enumerate(keys)}
    per_value = np.array([where.get(k, -1) for k in program.folded()], dtype=np.int64)
    return lookup(per_value, program.codes, -2)
