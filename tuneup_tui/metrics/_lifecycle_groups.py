"""The lifecycle panel's tables per tactic and per tactic and rep, counted on integer codes.

A million leads fall into a dozen tactics and a few dozen reps: each lead's tactic and rep are
integers (metrics/codes.py), so a table is a stable sort of those integers and a few sums, not a
group-by on text. The rows are the ones a group-by on the text gives: tactics sorted by name,
(tactic, rep) pairs sorted by tactic then folded rep name, the rows of a group in file order
(means and medians see the same numbers in the same order).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from tuneup_tui.metrics.codes import Coded, lookup
from tuneup_tui.metrics.common import ratio


@dataclass(frozen=True)
class TacticLeads:
    """The leads the lifecycle panel looks at, as arrays row for row."""

    names: list[str]
    """The tactics, sorted by name."""
    tactic: np.ndarray
    """Each lead's tactic, as an index into `names`."""
    has_opportunity: np.ndarray
    days_to_opportunity: np.ndarray
    """Days from the lead to its first opportunity (NaN: none)."""
    touches: np.ndarray | None
    """Activities naming the lead (None without the activities source)."""
    owner: Coded | None
    """The lead's CRM owner (None without the crm source)."""


def tactics_of(program: Coded, no_program: str) -> tuple[list[str], np.ndarray]:
    """Each lead's tactic: its program's first spelling (`no_program` when it has none).

    Returns the tactics present, sorted, and each lead's index into them.
    """
    # one name per distinct program, and `no_program` last, where code -1 (no program) points
    shown = np.append(program.first_spelling(), no_program).astype(object)
    used = np.zeros(len(shown), dtype=bool)
    used[program.codes] = True
    names = sorted({str(s) for s in shown[used]})
    index = {name: i for i, name in enumerate(names)}
    # two spellings can show the same name ("(no program)" written in the export): one tactic
    per_slot = np.array([index.get(str(s), -1) for s in shown], dtype=np.intp)
    return names, per_slot[program.codes]


def _median(values: np.ndarray) -> float | None:
    """The median of the known values (None without one), worked out as pandas' median is
    (numpy's nanmedian of them), on the array itself."""
    kept = values[~np.isnan(values)]
    return float(np.nanmedian(kept)) if len(kept) else None


def _mean(values: np.ndarray) -> float | None:
    """The mean of the known values (None without one): their sum over their count, as
    pandas' mean is."""
    kept = values[~np.isnan(values)]
    return float(kept.sum(dtype=np.float64) / len(kept)) if len(kept) else None


def _groups(keys: np.ndarray, count: int) -> list[np.ndarray]:
    """The rows of each key 0..count-1, each in file order."""
    small = keys.astype(np.int16) if count < 2**15 else keys  # small integers sort by radix
    order = np.argsort(small, kind="stable")
    bounds = np.searchsorted(small[order], np.arange(count + 1))
    return [order[bounds[i]:bounds[i + 1]] for i in range(count)]


def tactic_rows(leads: TacticLeads) -> list[dict]:
    """One row per tactic: leads, conversion, days to opportunity, reps, touches."""
    owner_keys = None
    if leads.owner is not None:
        # reps are told apart ignoring case (not spaces), as the text version counted them
        key_of_value = pd.factorize(leads.owner.casefolded())[0]
        owner_keys = lookup(np.asarray(key_of_value, dtype=np.intp), leads.owner.codes, -1)
    count = len(leads.names)
    # each figure grouped over the leads it reads only (those with an opportunity, with
    # touches, with an owner), each group in file order: the same numbers in the same order
    # as grouping every lead
    tactic = leads.tactic
    totals = np.bincount(tactic[tactic >= 0], minlength=count).tolist()
    picked = leads.has_opportunity & (tactic >= 0)
    with_opps = np.bincount(tactic[picked], minlength=count).tolist()
    days = _split(tactic, leads.days_to_opportunity, count)
    touches = None if leads.touches is None else _split(tactic, leads.touches, count)
    owned = None
    if owner_keys is not None:
        rows = np.flatnonzero(owner_keys >= 0)
        owned = [owner_keys[rows[g]] for g in _groups(tactic[rows], count)]
    out = []
    for i, name in enumerate(leads.names):
        if not totals[i]:
            continue
        with_opp = with_opps[i]
        out.append({
            "tactic": name,
            "leads": totals[i],
            "with_opportunity": with_opp,
            "conversion": ratio(with_opp, totals[i]),
            "median_days_to_opportunity": _median(days[i]),
            "reps": None if owned is None else len(pd.unique(owned[i])),
            "touches_mean": None if touches is None else _mean(touches[i]),
            "touches_median": None if touches is None else _median(touches[i]),
        })
    return out


def _split(tactic: np.ndarray, values: np.ndarray, count: int) -> list[np.ndarray]:
    """The known (not NaN) `values` of each tactic 0..count-1, in file order."""
    rows = np.flatnonzero(~np.isnan(values))
    return [values[rows[g]] for g in _groups(tactic[rows], count)]


def rep_rows(leads: TacticLeads) -> list[dict]:
    """Per tactic and CRM owner (ignoring case and spaces, first spelling shown): leads and
    conversion. Leads no rep owns say nothing about a rep: left out."""
    if leads.owner is None:
        return []
    key_of_value, key_names = pd.factorize(leads.owner.folded())
    rep_key = lookup(np.asarray(key_of_value, dtype=np.intp), leads.owner.codes, -1)
    rows = np.flatnonzero(rep_key >= 0)
    width = max(len(key_names), 1)
    pairs = leads.tactic[rows].astype(np.int64) * width + rep_key[rows]
    present, first, inverse, counts = np.unique(pairs, return_index=True, return_inverse=True,
                                                return_counts=True)
    inverse = inverse.reshape(-1)
    with_opp = np.bincount(inverse[leads.has_opportunity[rows]], minlength=len(present))
    out = []
    for i, pair in enumerate(present.tolist()):
        spelled = leads.owner.values[leads.owner.codes[rows[first[i]]]]
        out.append((leads.names[pair // width], str(key_names[pair % width]), {
            "tactic": leads.names[pair // width], "rep": str(spelled),
            "leads": int(counts[i]), "with_opportunity": int(with_opp[i]),
            "conversion": ratio(int(with_opp[i]), int(counts[i]))}))
    out.sort(key=lambda r: (r[0], r[1]))
    return [row for _, _, row in out]


def overall(leads: TacticLeads) -> dict:
    """Leads, conversion, days to opportunity and touches over all the leads."""
    with_opp = int(leads.has_opportunity.sum())
    touches = leads.touches
    return {
        "leads": len(leads.tactic),
        "with_opportunity": with_opp,
        "conversion": ratio(with_opp, len(leads.tactic)),
        "median_days_to_opportunity": _median(leads.days_to_opportunity),
        "touches_per_lead": None if touches is None else _mean(touches),
        "touches_per_lead_median": None if touches is None else _median(touches),
    }
