"""Finding the lead a row names: lead ids looked up among the leads, by exact match.

The CRM, the opportunities and the activities name their leads by lead_id; the sales panels
need, for each of their rows, the lead's position in `shared.leads_once`. A million lead ids
hashed into one table costs more than all the lookups, and those frames name the leads that
were sent to sales (the ones sales works on), a quarter of them. So ids are looked up first
among the leads sent to sales, and only the ids not found there among the other leads; that
second table is built only when some id needs it. The answer is the one a single lookup among
all the leads gives: an id stands once among the leads, in one of the two tables or neither.

Cheaper still, where the exports allow: a CRM listing its leads as the leads export does has
most ids compared with the lead at their own place (`_in_step`), one comparison each; a panel
reading a few weeks of two million activities looks up those rows only (`positions_of_rows`),
and one judging recent leads keeps the rows whose id is no lower than theirs (`ids_from`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics.codes import factorize_text, lookup


def positions(pack: DataPack, leads: pd.DataFrame, frame: pd.DataFrame) -> np.ndarray:
    """For each row of `frame`, the position in `leads` (the pack's `leads_once`) of the lead
    its lead_id names, or -1."""
    ids = frame["lead_id"]
    if len(ids) <= len(leads):
        return _in_step(pack, leads, ids.to_numpy(dtype=object))
    # Two million activities name a few hundred thousand leads: each row's id is hashed against
    # the frame's own distinct ids (a small table), and only those are looked up in the leads.
    codes, uniques = factorize_text(ids)
    return lookup(positions_of_ids(pack, leads, uniques), codes, -1)


def positions_of_rows(pack: DataPack, leads: pd.DataFrame, frame: pd.DataFrame,
                      rows: np.ndarray) -> np.ndarray:
    """`positions` of the rows of `frame` at `rows` (row numbers), in that order: a panel that
    needs the leads of a few weeks' activities hashes the ids of those, not of two million."""
    if len(rows) == 0:
        return np.zeros(0, dtype=np.int64)
    codes, uniques = pd.factorize(frame["lead_id"].to_numpy(dtype=object)[rows])
    return lookup(positions_of_ids(pack, leads, np.asarray(uniques, dtype=object)),
                  np.asarray(codes, dtype=np.intp), -1)


def ids_from(ids: np.ndarray, lowest: str) -> np.ndarray:
    """Which of `ids` (an object array of str, missing NaN) are `lowest` or above, by code
    point: a row naming a lead whose id is one of a set can only be at or above the set's
    lowest id. One comparison per row, a third of the cost of hashing it; where ids grow with
    time (as CRMs hand them out) it leaves the recent leads' rows."""
    try:
        return np.asarray(ids >= lowest, dtype=bool)
    except TypeError:  # a missing id (NaN) does not compare with text: leave those out first
        known = ~pd.isna(ids)
        out = np.zeros(len(ids), dtype=bool)
        out[known] = np.asarray(ids[known] >= lowest, dtype=bool)
        return out


STEPS = (0, -1, 1, -2, 2)
"""How far from its own place among the leads sent to sales an id is looked for, before
hashing."""


def _in_step(pack: DataPack, leads: pd.DataFrame, ids: np.ndarray) -> np.ndarray:
    """`positions_of_ids`, first comparing each id with the lead sent to sales at its own
    place (or a step or two away): a CRM export lists the leads as the leads export does, so
    most ids are found by one comparison each, not by hashing; the others are looked up as
    usual."""
    index, rows = pack.derived(("leads", "id_index", "sent"), lambda: _id_index(
        leads, leads["sent_to_sales_at"].notna().to_numpy(dtype=bool)))
    known = np.asarray(index, dtype=object)
    out = np.full(len(ids), -1, dtype=np.int64)
    # each id against the lead at its own place: the two arrays side by side, no copies
    shared = min(len(ids), len(known))
    same = np.zeros(len(ids), dtype=bool)
    same[:shared] = np.asarray(ids[:shared] == known[:shared], dtype=bool)
    out[same] = rows[np.flatnonzero(same)]
    todo = np.flatnonzero(~same)
    for step in STEPS[1:] if len(todo) * 2 <= len(ids) else ():  # else: not listed alike
        there = todo + step
        inside = (there >= 0) & (there < len(known))
        places = todo[inside]
        hit = np.asarray(ids[places] == known[there[inside]], dtype=bool)
        out[places[hit]] = rows[there[inside][hit]]
        todo = np.concatenate((todo[~inside], places[~hit]))
    if len(todo):
        todo.sort()
        out[todo] = positions_of_ids(pack, leads, ids[todo])
    return out


def positions_of_ids(pack: DataPack, leads: pd.DataFrame, ids: np.ndarray) -> np.ndarray:
    """The position in `leads` (the pack's `leads_once`) of each of `ids` (an object array),
    or -1."""
    sent = leads["sent_to_sales_at"].notna().to_numpy(dtype=bool)
    out = _look_up(pack, "sent", leads, sent, ids)
    # only ids that are there and not among the leads sent to sales need the other leads
    rest = np.flatnonzero(out < 0)
    rest = rest[~pd.isna(ids[rest])]
    if len(rest):
        out[rest] = _look_up(pack, "others", leads, ~sent, ids[rest])
    return out


def _look_up(pack: DataPack, tier: str, leads: pd.DataFrame, among: np.ndarray,
             ids: np.ndarray) -> np.ndarray:
    """The position in `leads` of each of `ids` among the leads `among` picks, or -1."""
    index, rows = pack.derived(("leads", "id_index", tier), lambda: _id_index(leads, among))
    if len(rows) == 0:  # no such lead has an id: nothing can match (and nothing to index)
        return np.full(len(ids), -1, dtype=np.int64)
    at = index.get_indexer(pd.Index(ids, dtype=object))
    return np.where(at >= 0, rows[np.where(at >= 0, at, 0)], -1)


def _id_index(leads: pd.DataFrame, among: np.ndarray) -> tuple[pd.Index, np.ndarray]:
    """The ids of the leads `among` picks as an index (its hash table built once) and the
    position of each.

    An object index, not a str one: its lookups compare the strings as plain objects, three
    times faster (the same matches: exact equality).
    """
    rows = np.flatnonzero(among)
    ids = leads["lead_id"].to_numpy(dtype=object)[rows]
    known = ~pd.isna(ids)  # of these leads only, not of a million
    return pd.Index(ids[known], dtype=object), rows[known]  # unique: each id once
