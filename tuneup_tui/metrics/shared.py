"""What several panels work out from the same sources, built once per pack and shared.

Seven panels count leads, five join them to their CRM row, two count activities by rep. On a
pack of a million leads each of those steps costs about as much as a small panel, so each is
built on first use, kept on the pack (`DataPack.derived`) and handed to every later panel as it
is. The results are the very frames the panels built for themselves before: the same rows, in
the same order, with the same index. They are shared, so a panel never changes them in place
(pandas' copy-on-write makes `assign` and friends safe).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics.common import first_of_each


def leads_once(pack: DataPack) -> pd.DataFrame:
    """The leads, each lead_id once (its first row in file order; rows without an id kept)."""
    return pack.derived(("leads", "one_per_lead"),
                        lambda: first_of_each(pack.frame("leads"), "lead_id"))


def opportunities_once(pack: DataPack) -> pd.DataFrame:
    """The opportunities, each opportunity_id once (its first row in file order)."""
    return pack.derived(("opportunities", "one_per_opportunity"),
                        lambda: first_of_each(pack.frame("opportunities"), "opportunity_id"))


def leads_with_crm(pack: DataPack) -> pd.DataFrame:
    """`leads_once` with each lead's first CRM row (columns `crm_*`, and `in_crm`).

    The same frame as `_sales.with_crm(leads_once(pack), crm)`, joined through `lead_rows`
    (one hash lookup per CRM row) rather than by hashing every lead again.
    """
    return pack.derived(("leads", "with_crm"), lambda: _with_crm(pack))


def lead_rows(pack: DataPack, name: str, frame: pd.DataFrame) -> np.ndarray:
    """For each row of `frame` (the frame `name` stands for), the position in `leads_once` of
    the lead its lead_id names, or -1 (no id, or a lead the leads source does not hold).

    Ids match exactly (CRM ids are case-sensitive), as a join on lead_id does.
    """
    return pack.derived(("lead_rows", name), lambda: _positions(pack, frame))


def first_rows(positions: np.ndarray, rows: np.ndarray, leads: int) -> np.ndarray:
    """For each of `leads` leads, the first of `rows` (in the order given) naming it, or -1.

    `positions` holds each row's lead position (see `lead_rows`); `rows` picks and orders the
    rows to consider.
    """
    out = np.full(leads, -1, dtype=np.int64)
    named = rows[positions[rows] >= 0]
    present, first = np.unique(positions[named], return_index=True)
    out[present] = named[first]
    return out


def _positions(pack: DataPack, frame: pd.DataFrame) -> np.ndarray:
    index, rows = pack.derived(("leads", "id_index"), lambda: _id_index(leads_once(pack)))
    at = index.get_indexer(pd.Index(frame["lead_id"].array))
    return np.where(at >= 0, rows[np.where(at >= 0, at, 0)], -1)


def _id_index(leads: pd.DataFrame) -> tuple[pd.Index, np.ndarray]:
    """The leads' ids as an index (its hash table built once) and the row of each."""
    ids = leads["lead_id"]
    known = ids.notna().to_numpy(dtype=bool)
    return pd.Index(ids[known].array), np.flatnonzero(known)  # unique: each id once


def _with_crm(pack: DataPack) -> pd.DataFrame:
    leads = leads_once(pack)
    crm = pack.frame("crm")
    positions = lead_rows(pack, "crm", crm)
    # each lead's first CRM row in file order, as first_crm_rows keeps it
    first = first_rows(positions, np.arange(len(crm)), len(leads))
    columns = {f"crm_{c}": pd.Series(crm[c].array.take(first, allow_fill=True),
                                     index=leads.index, copy=False)
               for c in crm.columns if c != "lead_id"}
    out = leads.assign(**columns)
    out["in_crm"] = first >= 0
    out["crm_bad_data"] = out["crm_bad_data"].fillna(False).astype(bool)
    return out
