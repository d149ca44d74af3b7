"""What several panels work out from the same sources, built once per pack and shared.

Seven panels count leads, five join them to their CRM row, two count activities by rep. On a
pack of a million leads each of those steps costs about as much as a small panel, so each is
built on first use, kept on the pack (`DataPack.derived`) and handed to every later panel as it
is. The results are the very frames the panels built for themselves before: the same rows, in
the same order, with the same index. They are shared, so a panel never changes them in place
(pandas' copy-on-write makes `assign` and friends safe).

Most panels read only the leads of the period and the baseline: they join those to the CRM
(`crm_joined`) rather than all of them, and count names on integer codes (`lead_column`,
`crm_column`, see codes.py) rather than on the text of a million rows.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import date
from functools import partial

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.codes import Coded, column_codes, lookup
from tuneup_tui.metrics.common import (
    count_days,
    first_of_each,
    weekly_totals,
    window_mask,
    window_start,
)
from tuneup_tui.metrics.day_span import in_date_order
from tuneup_tui.metrics.lead_ids import ids_from, positions, positions_of_ids, positions_of_rows


def leads_once(pack: DataPack) -> pd.DataFrame:
    """The leads, each lead_id once (its first row in file order; rows without an id kept)."""
    return pack.derived(("leads", "one_per_lead"),
                        lambda: first_of_each(pack.frame("leads"), "lead_id"))


def opportunities_once(pack: DataPack) -> pd.DataFrame:
    """The opportunities, each opportunity_id once (its first row in file order)."""
    return pack.derived(("opportunities", "one_per_opportunity"),
                        lambda: first_of_each(pack.frame("opportunities"), "opportunity_id"))




def lead_dates(pack: DataPack, column: str) -> np.ndarray | None:
    """The known dates of `leads_once(pack)[column]`, sorted (built once per pack), for
    counting the leads of a window with `common.count_days`; None when the column is not naive
    datetime64 (then a panel compares the dates themselves)."""
    def build() -> np.ndarray | None:
        stamps = leads_once(pack)[column].to_numpy()
        if stamps.dtype.kind != "M":
            return None
        known = stamps[~np.isnat(stamps)]
        # in date order already, as exports run, or sorted (stable: a merge of runs)
        return known if in_date_order(known) else np.sort(known, kind="stable")

    return pack.derived(("leads", "sorted_dates", column), build)


def lead_counter(pack: DataPack, column: str) -> Callable[[date, date], int]:
    """Counts the leads of `leads_once` whose `column` falls on a day from one date to another
    (both included): their dates sorted once (`lead_dates`), each window two binary searches,
    the count `window_mask(...).sum()` gives."""
    stamps = lead_dates(pack, column)
    if stamps is not None:
        return partial(count_days, stamps)
    leads = leads_once(pack)
    return lambda start, end: int(window_mask(leads, column, start, end).sum())


def lead_rows(pack: DataPack, name: str, frame: pd.DataFrame) -> np.ndarray:
    """For each row of `frame` (the frame `name` stands for), the position in `leads_once` of
    the lead its lead_id names, or -1 (no id, or a lead the leads source does not hold).

    Ids match exactly (CRM ids are case-sensitive), as a join on lead_id does.
    """
    return pack.derived(("lead_rows", name), lambda: positions(pack, leads_once(pack), frame))


class _Looked:
    """The lead positions of a frame's rows found so far (-2: not looked up yet). It holds the
    frame, so the frame's id, in the key, stands for it alone while the pack lives."""

    def __init__(self, frame: pd.DataFrame) -> None:
        self.frame = frame
        self.at = np.full(len(frame), -2, dtype=np.int64)
        self.lock = threading.Lock()


def lead_rows_of(pack: DataPack, name: str, frame: pd.DataFrame, rows: np.ndarray
                 ) -> np.ndarray:
    """`lead_rows` of the rows of `frame` at `rows` (row numbers) only, in that order: the
    follow-up panel reads the activities of the baseline and the period, the lifecycle panel
    those of the recent leads, and each row's lead is looked up once per pack, not two million
    of them for every panel."""
    by_id = lead_ids_coded(pack, name, frame)
    if by_id is not None:
        return by_id.rows_of(pack, rows)
    looked = pack.derived(("lead_rows_of", name, id(frame)), lambda: _Looked(frame))
    with looked.lock:
        at = looked.at[rows]
        todo = rows[at == -2]
        if len(todo):
            looked.at[todo] = positions_of_rows(pack, leads_once(pack), frame, todo)
            at = looked.at[rows]
    return at


def lead_ids_coded(pack: DataPack, name: str, frame: pd.DataFrame) -> CodedLeadIds | None:
    """The lead ids of `frame` (the pack's frame of source `name`) as the codes the reader
    had for them (`CodedLeadIds`); None when it had none (ids that do not repeat, or `frame` is
    another frame)."""
    if pack.text_codes(name, "lead_id", frame) is None:
        return None
    return pack.derived(("lead_ids_coded", name), lambda: CodedLeadIds(
        column_codes(pack, name, frame, "lead_id")))


class CodedLeadIds:
    """A frame's lead ids as codes, and the position in `leads_once` of each distinct id
    looked up so far (-2: not yet): two million activities name two hundred thousand leads, so
    a row's lead is one integer lookup, and an id is looked up once per pack, when a panel
    first needs a row naming it (a few weeks of activities name a fraction of the leads)."""

    def __init__(self, ids: Coded) -> None:
        self.ids = ids
        self.at = np.full(len(ids.values), -2, dtype=np.int64)
        self.lock = threading.Lock()

    def rows_of(self, pack: DataPack, rows: np.ndarray) -> np.ndarray:
        """The position in `leads_once` of the lead each row at `rows` names, or -1."""
        codes = self.ids.codes[rows]
        with self.lock:
            wanted = np.zeros(len(self.at), dtype=bool)
            wanted[codes[codes >= 0]] = True
            todo = np.flatnonzero(wanted & (self.at == -2))
            if len(todo):
                self.at[todo] = positions_of_ids(pack, leads_once(pack), self.ids.values[todo])
        return lookup(self.at, codes, -1)

    def at_least(self, lowest: str) -> np.ndarray:
        """Which rows name an id of `lowest` or above, by code point (`lead_ids.ids_from`),
        compared once per distinct id."""
        return lookup(ids_from(self.ids.values, lowest), self.ids.codes, False)


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


def crm_first_rows(pack: DataPack) -> np.ndarray:
    """For each lead of `leads_once`, the row of its first CRM row (file order), or -1."""
    def build() -> np.ndarray:
        crm = pack.frame("crm")
        return first_rows(lead_rows(pack, "crm", crm), np.arange(len(crm)),
                          len(leads_once(pack)))

    return pack.derived(("crm", "first_rows"), build)


def crm_joined(pack: DataPack, rows: np.ndarray) -> pd.DataFrame:
    """The leads of `leads_once` picked by `rows` (a boolean mask) with each one's first CRM
    row (file order): columns `crm_*`, and `in_crm`. Joined for those leads only: a panel that
    reads the leads of a few weeks needs no join of all. The same frame as a plain left merge
    of those leads with each lead id's first CRM row: the same values, index and dtypes."""
    return _joined(leads_once(pack)[rows], pack.frame("crm"), crm_first_rows(pack)[rows])




def _joined(leads: pd.DataFrame, crm: pd.DataFrame, first: np.ndarray) -> pd.DataFrame:
    """`leads` with the columns of their CRM row `first` (-1: none); a lead without one gets
    missing values and `crm_bad_data` False."""
    columns = {f"crm_{c}": pd.Series(crm[c].array.take(first, allow_fill=True),
                                     index=leads.index, copy=False)
               for c in crm.columns if c != "lead_id"}
    out = leads.assign(**columns)
    out["in_crm"] = first >= 0
    out["crm_bad_data"] = out["crm_bad_data"].fillna(False).astype(bool)
    return out


def lead_column(pack: DataPack, column: str) -> Coded:
    """`leads_once(pack)[column]` as codes, built once per pack."""
    return pack.derived(("codes", "leads", column),
                        lambda: column_codes(pack, "leads", leads_once(pack), column))


def opportunity_column(pack: DataPack, column: str) -> Coded:
    """`opportunities_once(pack)[column]` as codes, built once per pack."""
    return pack.derived(("codes", "opportunities", column),
                        lambda: column_codes(pack, "opportunities",
                                             opportunities_once(pack), column))


def crm_column(pack: DataPack, column: str) -> Coded:
    """Each lead's first CRM row's `column` (the `crm_<column>` of `crm_joined`) as codes,
    row for row with `leads_once`; -1 for a lead without a CRM row or with the cell missing."""
    def build() -> Coded:
        crm = column_codes(pack, "crm", pack.frame("crm"), column)
        return Coded(lookup(crm.codes, crm_first_rows(pack), -1), crm.values)

    return pack.derived(("codes", "leads_crm", column), build)


def sent_in(pack: DataPack, period: Period, baseline: Baseline) -> np.ndarray:
    """Which leads of `leads_once` were sent to sales in the baseline or the period: the rows
    the leads-to-sales, follow-up and lead scoring panels read (built once per window)."""
    start = window_start(period, baseline)
    return pack.derived(("leads", "sent_in", start, period.end), lambda: window_mask(
        leads_once(pack), "sent_to_sales_at", start, period.end).to_numpy(dtype=bool))


def sent_joined(pack: DataPack, period: Period, baseline: Baseline) -> pd.DataFrame:
    """`crm_joined` of the leads `sent_in` the baseline or the period (built once per window)."""
    start = window_start(period, baseline)
    return pack.derived(("leads", "sent_joined", start, period.end),
                        lambda: crm_joined(pack, sent_in(pack, period, baseline)))


def sent_per_period(pack: DataPack, period: Period, baseline: Baseline
                    ) -> tuple[tuple[str, ...], tuple[float, ...]]:
    """Leads of `leads_once` sent to sales in each baseline period and the period (labels and
    counts, oldest first): the delivered trend three panels show (built once per window)."""
    periods = (*baseline.periods, period)
    return pack.derived(("leads", "sent_per_period", periods), lambda: weekly_totals(
        leads_once(pack), "sent_to_sales_at", None, periods))
