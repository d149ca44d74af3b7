"""The activities the follow-up service level reads, as positions and codes.

Two million activities name a handful of types, reps and outcomes and a few hundred thousand
leads. The panel reads those dated in its window (the baseline, the weeks of leads being
worked, up to the as-of date): their rows are picked once, each distinct type (and, for calls,
rep and outcome) folded once, and each activity's lead found by its position among the leads
(`shared.lead_rows`, ids matched exactly as a join on lead_id matches them). Counting and
matching is then on integers, never on text.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics.codes import Coded, column_codes, lookup
from tuneup_tui.metrics.common import window_mask
from tuneup_tui.metrics.shared import lead_rows_of

_BLOCK = 1 << 14


@dataclass(frozen=True)
class Window:
    """The activities dated from a first day to the as-of date, in file order."""

    pack: DataPack
    frame: pd.DataFrame
    """The pack's activities."""
    rows: np.ndarray
    """Their positions in `frame`."""
    dates: np.ndarray
    """Each one's date (datetime64)."""
    kind: Coded
    """Each one's type."""
    lead: np.ndarray
    """The position in `shared.leads_once` of the lead each names (-1: none)."""

    def of_kind(self, kinds: Iterable[str]) -> np.ndarray:
        """Which activities are of one of `kinds` (types compared ignoring case and spaces
        around; a missing type is none)."""
        return self.kind.is_in(kinds)

    def column(self, name: str, pick: np.ndarray) -> Coded:
        """The column `name` of the activities `pick` picks, as codes."""
        return column_codes(self.pack, "activities", self.frame, name, self.rows[pick])

    def has(self, name: str) -> bool:
        """Whether any of the activities has a value in column `name`."""
        cells = self.frame[name].to_numpy(dtype=object)
        # a block at a time: where the column is filled in, the first block answers
        return any(not pd.isna(cells[self.rows[lo:lo + _BLOCK]]).all()
                   for lo in range(0, len(self.rows), _BLOCK))


def activity_window(pack: DataPack, activities: pd.DataFrame, start: date, as_of: date
                    ) -> Window:
    """The activities (the pack's) dated from `start` to `as_of`."""
    rows = np.flatnonzero(window_mask(activities, "date", start, as_of).to_numpy(bool))
    return Window(pack=pack, frame=activities, rows=rows,
                  dates=activities["date"].to_numpy()[rows],
                  kind=column_codes(pack, "activities", activities, "type", rows),
                  lead=lead_rows_of(pack, "activities", activities, rows))


def folded_codes(column: Coded) -> tuple[np.ndarray, list[str]]:
    """Each row's folded value (stripped, case-folded) as a code into the folded values, in
    order of first appearance among the distinct values (-1: missing)."""
    keys: dict[str, int] = {}
    per_value = np.array([keys.setdefault(k, len(keys)) for k in column.folded()],
                         dtype=np.intp)
    return lookup(per_value, column.codes, -1), list(keys)
