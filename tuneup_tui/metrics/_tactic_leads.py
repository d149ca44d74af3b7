"""The leads and opportunities of each tactic, as the tactic economics panel reads them.

A tactic's leads are the leads (each lead_id once) whose program is the tactic, names compared
ignoring case, created up to the as-of date; their opportunities are those naming one of those
leads, created up to the as-of date (the ROMI panel's definitions, so its totals agree). Each
lead carries its CRM owner and whether sales accepted it (sent to sales up to the as-of date,
found in the CRM, its CRM status not of the rejected class), and the creation time of its first
opportunity.

Built on positions and codes (`shared.lead_rows`, `shared.crm_column`, `_tactic_codes`), not by
joining a million lead ids as text: the same leads and opportunities, in the same order.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from itertools import pairwise

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics._sales import fold
from tuneup_tui.metrics._tactic_codes import opportunity_stages, program_index
from tuneup_tui.metrics.common import up_to_day
from tuneup_tui.metrics.shared import (
    crm_column,
    crm_first_rows,
    lead_rows,
    leads_once,
    opportunities_once,
)
from tuneup_tui.metrics.statuses import in_class, status_map


@dataclass(frozen=True)
class TacticOpps:
    """The tactics' opportunities, one entry each, in file order."""

    tactic: np.ndarray
    """Index into `TacticData.keys`."""
    created: np.ndarray
    """created_at (datetime64)."""
    closed: np.ndarray
    """closed_at (datetime64)."""
    amount: np.ndarray
    """The amount, a missing one 0."""
    won: np.ndarray
    proposal: np.ndarray
    days_to_won: np.ndarray
    """Days from the lead's creation to closed_at (NaN: not closed); read for won ones."""


@dataclass(frozen=True)
class TacticData:
    """Leads and opportunities of the tactics, one entry each (leads in file order)."""

    keys: tuple[str, ...]
    """The tactics' folded names, sorted: a lead's or an opportunity's `tactic` indexes them."""
    tactic: np.ndarray
    first_opp: np.ndarray
    """Creation time of the lead's first opportunity (datetime64; NaT: none)."""
    days_to_opp: np.ndarray
    """Days from the lead's creation to its first opportunity (NaN: none)."""
    created: np.ndarray
    accepted: np.ndarray
    """Accepted by sales (False without crm)."""
    owner: np.ndarray
    """The lead's CRM owner as an index into `owners` (-1: none, or no crm)."""
    owners: np.ndarray
    """The distinct owner cells of the CRM (object array of str)."""
    opps: TacticOpps
    stray: int
    """Leads up to the as-of date whose program is no tactic."""
    has_crm: bool

    def code(self, key: str) -> int:
        """The index of the tactic whose folded name is `key` (-1: not one of them)."""
        return self.keys.index(key) if key in self.keys else -1

    def per_tactic(self, flags: np.ndarray | None = None) -> np.ndarray:
        """How many leads each tactic has (of those `flags` picks, when given)."""
        tactic = self.tactic if flags is None else self.tactic[flags]
        return np.bincount(tactic, minlength=len(self.keys))

    def days_per_tactic(self) -> list[np.ndarray]:
        """Each tactic's leads' `days_to_opp` (cut out once, not one mask per tactic)."""
        narrow = self.tactic.astype(np.int16) if len(self.keys) < 2**15 else self.tactic
        order = np.argsort(narrow, kind="stable")
        bounds = np.searchsorted(self.tactic[order], np.arange(len(self.keys) + 1))
        days = self.days_to_opp[order]
        return [days[lo:hi] for lo, hi in pairwise(bounds)]


def tactic_data(pack: DataPack, keys: set[str], as_of: date, crm: pd.DataFrame | None
                ) -> TacticData:
    """The leads and opportunities of the tactics whose folded names are `keys` (built once
    per pack: the tactic economics and budget pacing panels both read them)."""
    return pack.derived(("tactic_data", frozenset(keys), as_of, crm is not None),
                        lambda: _build(pack, tuple(sorted(keys)), as_of, crm is not None))


def _build(pack: DataPack, keys: tuple[str, ...], as_of: date, has_crm: bool) -> TacticData:
    everyone = leads_once(pack)
    created = everyone["created_at"].to_numpy()
    program = program_index(pack, keys)
    kept = up_to_day(created, as_of)
    stray = int((kept & (program == -1)).sum())
    rows = np.flatnonzero(kept & (program >= 0))
    tactic = program[rows]
    sent = up_to_day(everyone["sent_to_sales_at"].to_numpy()[rows], as_of)
    if has_crm:
        found = crm_first_rows(pack)[rows] >= 0
        rejected = in_class(crm_column(pack, "status"), status_map(pack), "rejected")[rows]
        owner = crm_column(pack, "owner")
        accepted, owners, owned = sent & found & ~rejected, owner.values, owner.codes[rows]
    else:
        accepted = np.zeros(len(rows), dtype=bool)
        owners, owned = np.array([], dtype=object), np.full(len(rows), -1, dtype=np.intp)
    # each lead's place among the tactics' leads (-1: not one of them)
    slot = np.full(len(everyone), -1, dtype=np.int64)
    slot[rows] = np.arange(len(rows))
    opps, lead_of = _opportunities(pack, slot, tactic, created[rows], as_of)
    first = _first_opportunity(len(rows), lead_of, opps, created.dtype)
    return TacticData(keys=keys, tactic=tactic, first_opp=first,
                      days_to_opp=days_between(first, created[rows]), created=created[rows],
                      accepted=accepted, owner=owned, owners=owners, opps=opps, stray=stray,
                      has_crm=has_crm)


def _opportunities(pack: DataPack, slot: np.ndarray, tactic: np.ndarray,
                   lead_created: np.ndarray, as_of: date) -> tuple[TacticOpps, np.ndarray]:
    """The opportunities created up to the as-of date naming a tactic's lead (in file order,
    as an inner join on lead_id keeps them), with their creation times and for each the lead's
    place among the tactics' leads."""
    every = opportunities_once(pack)
    at = lead_rows(pack, "opportunities_once", every)
    lead = np.where(at >= 0, slot[np.maximum(at, 0)], -1)
    created = every["created_at"].to_numpy()
    rows = np.flatnonzero(up_to_day(created, as_of) & (lead >= 0))
    lead = lead[rows]
    stages = opportunity_stages(pack)
    closed = every["closed_at"].to_numpy()[rows]
    return TacticOpps(
        tactic=tactic[lead], closed=closed, created=created[rows],
        amount=every["amount"].fillna(0.0).to_numpy(dtype=float)[rows],
        won=stages.won[rows], proposal=stages.proposal[rows],
        days_to_won=days_between(closed, lead_created[lead])), lead


def _first_opportunity(leads: int, lead_of: np.ndarray, opps: TacticOpps,
                       stamps: np.dtype) -> np.ndarray:
    """Each lead's earliest opportunity's creation time (NaT: none), as the leads' dtype."""
    latest = np.iinfo(np.int64).max
    first = np.full(leads, latest, dtype=np.int64)
    np.minimum.at(first, lead_of, opps.created.astype(stamps).view(np.int64))
    first[first == latest] = np.datetime64("NaT").astype(stamps).view(np.int64)
    return first.view(stamps)


def days_between(later: np.ndarray, earlier: np.ndarray) -> np.ndarray:
    """Days from `earlier` to `later` (NaN where either is missing), as pandas works them out
    (`dt.total_seconds() / 86400`, to the last digit)."""
    delta = pd.Series(later, copy=False) - pd.Series(earlier, copy=False)
    return (delta.dt.total_seconds() / 86400.0).to_numpy(dtype=float)


def window_cost(total: float, start: date | None, end: date | None, as_of: date,
                lo: date, hi: date) -> float | None:
    """The part of a tactic's cost to date that falls from `lo` to `hi`: the cost spread evenly
    over the days of its flight up to the as-of date (start to the earlier of end and as-of).

    None when the flight's start is not known (the cost cannot be placed in time); 0 when the
    flight has not started by the as-of date.
    """
    if start is None:
        return None
    last = min(end, as_of) if end is not None else as_of
    days = (last - start).days + 1
    if days <= 0:
        return 0.0
    overlap = (min(hi, last) - max(lo, start)).days + 1
    return total * max(overlap, 0) / days


def median_days(days: np.ndarray) -> float | None:
    """The median of `days` (missing ones left out; None when none is there)."""
    known = days[~np.isnan(days)]
    return float(pd.Series(known).median()) if len(known) else None


def as_date(value: object) -> date | None:
    """A cell as a date (None when missing)."""
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    try:
        return pd.Timestamp(value).date()  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None


def tactic_flights(tactics: pd.DataFrame) -> dict[str, dict]:
    """Folded tactic name -> its first spelling, summed cost, and flight (earliest start,
    latest end) and summed budget (None when no row gives one), in file order; rows naming
    one tactic in two cases are one tactic."""
    out: dict[str, dict] = {}
    named = tactics[tactics["tactic"].notna()]
    for key, row in zip(fold(named["tactic"]), named.to_dict("records"), strict=True):
        internal = number_cell(row["internal_hours"]) * number_cell(row["hourly_rate"])
        flight = out.setdefault(key, {"name": str(row["tactic"]), "cost": 0.0, "internal": 0.0,
                                      "start": None, "end": None, "budget": None})
        flight["cost"] += number_cell(row["cost"])
        flight["internal"] += internal
        if isinstance(row["budget"], int | float) and row["budget"] == row["budget"]:
            flight["budget"] = (flight["budget"] or 0.0) + float(row["budget"])
        start, end = as_date(row["start"]), as_date(row["end"])
        if start is not None and (flight["start"] is None or start < flight["start"]):
            flight["start"] = start
        if end is not None and (flight["end"] is None or end > flight["end"]):
            flight["end"] = end
    return out


def number_cell(value: object) -> float:
    """A number cell as a float, a blank one as 0 (a blank cost adds nothing)."""
    if not isinstance(value, int | float) or value != value:
        return 0.0
    return float(value)
