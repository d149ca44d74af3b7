"""The leads and opportunities of each tactic, as the tactic economics panel reads them.

A tactic's leads are the leads (each lead_id once) whose program is the tactic, names compared
ignoring case, created up to the as-of date; their opportunities are those naming one of those
leads, created up to the as-of date (the ROMI panel's definitions, so its totals agree). Each
lead carries its CRM owner and whether sales accepted it (sent to sales up to the as-of date,
found in the CRM, its CRM status not of the rejected class), and the creation time of its first
opportunity.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics._sales import first_crm_rows, fold
from tuneup_tui.metrics.common import up_to_day
from tuneup_tui.metrics.shared import leads_once, opportunities_once
from tuneup_tui.metrics.statuses import series_in_class, status_map

REACHED_PROPOSAL = ("proposal", "negotiation", "closedwon")
"""Stage keys (letters only, lower-cased) that begin a stage at or past Proposal."""
CLOSED = ("closedwon", "closedlost")


@dataclass(frozen=True)
class TacticData:
    """Leads and opportunities of the tactics, one row each."""

    leads: pd.DataFrame
    """lead_id, tactic (folded key), created_at, sent (bool), accepted (bool or NA without
    crm), owner (CRM owner or NA), first_opp_at (NaT: none)."""
    opps: pd.DataFrame
    """tactic, lead_created_at, created_at, closed_at, amount, won, proposal, open."""
    stray: int
    """Leads up to the as-of date whose program is no tactic."""
    has_crm: bool


def tactic_data(pack: DataPack, keys: set[str], as_of: date, crm: pd.DataFrame | None
                ) -> TacticData:
    """The leads and opportunities of the tactics whose folded names are `keys`."""
    everyone = leads_once(pack)
    kept = everyone[up_to_day(everyone["created_at"].to_numpy(), as_of)]
    program = fold(kept["program"])
    is_tactic = program.isin(keys).fillna(False).to_numpy(dtype=bool)
    stray = int((program.notna().to_numpy(dtype=bool) & ~is_tactic).sum())
    leads = pd.DataFrame({
        "lead_id": kept["lead_id"].to_numpy()[is_tactic],
        "tactic": program.to_numpy()[is_tactic],
        "created_at": kept["created_at"].to_numpy()[is_tactic],
        "sent_at": kept["sent_to_sales_at"].to_numpy()[is_tactic],
    })
    leads["sent"] = up_to_day(leads["sent_at"].to_numpy(), as_of)
    leads = _with_crm(pack, leads, crm)
    opps = _opportunities(pack, leads, as_of)
    # each lead's earliest opportunity: sorted by time, the first row of each lead
    first = opps.sort_values("created_at", kind="stable").drop_duplicates("lead_id")
    when = dict(zip(first["lead_id"], first["created_at"], strict=True))
    leads["first_opp_at"] = pd.Series([when.get(i, pd.NaT) for i in leads["lead_id"]],
                                      index=leads.index, dtype=leads["created_at"].dtype)
    return TacticData(leads=leads, opps=opps, stray=stray, has_crm=crm is not None)


def _with_crm(pack: DataPack, leads: pd.DataFrame, crm: pd.DataFrame | None) -> pd.DataFrame:
    if crm is None:
        return leads.assign(owner=pd.Series(pd.NA, index=leads.index, dtype="str"),
                            accepted=False)
    first = first_crm_rows(crm)
    found = leads["lead_id"].isin(first.index).fillna(False).to_numpy(dtype=bool)
    status = leads["lead_id"].map(first["status"])
    rejected = series_in_class(status, status_map(pack), "rejected").to_numpy(dtype=bool)
    return leads.assign(owner=leads["lead_id"].map(first["owner"]),
                        accepted=leads["sent"].to_numpy() & found & ~rejected)


def _opportunities(pack: DataPack, leads: pd.DataFrame, as_of: date) -> pd.DataFrame:
    every = opportunities_once(pack)
    every = every[up_to_day(every["created_at"].to_numpy(), as_of)
                  & every["lead_id"].notna().to_numpy(dtype=bool)]
    named = leads[leads["lead_id"].notna()][["lead_id", "tactic", "created_at"]]
    joined = every[["lead_id", "created_at", "closed_at", "stage", "amount"]].merge(
        named.rename(columns={"created_at": "lead_created_at"}), on="lead_id", how="inner")
    stage = fold(joined["stage"]).str.replace(r"[^a-z]", "", regex=True)
    return joined.assign(
        won=(stage == "closedwon").fillna(False).to_numpy(dtype=bool),
        proposal=stage.str.startswith(REACHED_PROPOSAL).fillna(False).to_numpy(dtype=bool),
        open=~stage.isin(CLOSED).fillna(False).to_numpy(dtype=bool),
        amount=joined["amount"].fillna(0.0),
    ).drop(columns="stage")


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


def median_days(later: pd.Series, earlier: pd.Series) -> float | None:
    """The median of days from `earlier` to `later` (pairs with either missing left out)."""
    days = ((later - earlier).dt.total_seconds() / 86400.0).dropna()
    return float(days.median()) if len(days) else None


def as_date(value: object) -> date | None:
    """A cell as a date (None when missing)."""
    if value is None or value is pd.NaT or (isinstance(value, float) and np.isnan(value)):
        return None
    try:
        return pd.Timestamp(value).date()  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
