"""Text columns as integer codes, so that panels count and match integers, not text.

A million leads name a few dozen programs, statuses, territories and reps. Hashing those
strings again in every panel (to fold them, group by them, match them) costs more than the
panels' arithmetic, so each big text column is factorized once (`Coded`: one integer per row
and its distinct values; shared.lead_column and shared.crm_column keep them on the pack) and
panels count, group and match on the integers. Names are still
compared the one way the sales panels compare them (`_sales.fold`: stripped, case-folded),
worked out per distinct value.

Everything here gives the very answers the string versions give: the same first spellings,
the same order of first appearance, the same groups.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from tuneup_tui.data.cache_text import code_dtype

if TYPE_CHECKING:
    from tuneup_tui.data.pack import DataPack


@dataclass(frozen=True)
class Coded:
    """A text column as codes: each row's index into `values`, or -1 where the cell is missing."""

    codes: np.ndarray
    values: np.ndarray
    """The distinct values (object array of str); every code indexes one of them."""

    def take(self, rows: np.ndarray | slice) -> Coded:
        """The rows picked by `rows` (positions, a boolean mask or a slice), over the same
        values."""
        return Coded(self.codes[rows], self.values)

    def folded(self) -> np.ndarray:
        """Each distinct value stripped and case-folded (object array of str)."""
        return np.array([v.strip().casefold() for v in self.values], dtype=object)

    def casefolded(self) -> np.ndarray:
        """Each distinct value case-folded (not stripped): how the lifecycle panel tells reps
        apart."""
        return np.array([v.casefold() for v in self.values], dtype=object)

    def in_order(self) -> list[int]:
        """The codes these rows hold, in order of the first row holding each (hashing integers,
        not text)."""
        return [int(c) for c in pd.unique(self.codes) if c >= 0]

    def first_spelling(self) -> np.ndarray:
        """For each distinct value, the first spelling among these rows of its folded name.

        "First" is in row order, as `_sales.first_spelling` walks the column; a value no row
        holds keeps its own spelling (it shows nowhere).
        """
        keys = self.folded()
        spelling: dict[str, str] = {}
        for code in self.in_order():
            spelling.setdefault(keys[code], self.values[code])
        return np.array([spelling.get(k, v) for k, v in zip(keys, self.values, strict=True)],
                        dtype=object)

    def is_in(self, names: Iterable[str]) -> np.ndarray:
        """Whether each row's value is one of `names`, ignoring case and spaces (missing: False).
        """
        wanted = {n.strip().casefold() for n in names}
        hit = np.array([k in wanted for k in self.folded()], dtype=bool)
        return lookup(hit, self.codes, False)


def coded(series: pd.Series) -> Coded:
    """`series` factorized (a missing cell is -1)."""
    codes, uniques = factorize_text(series)
    return Coded(codes, uniques)


def column_codes(pack: DataPack, source: str, frame: pd.DataFrame, column: str,
                 rows: np.ndarray | None = None) -> Coded:
    """`coded(frame[column])`, of the rows at `rows` only when given (positions, in that
    order): from the codes the reader had for the column when `frame` is the pack's frame of
    `source` and they are there (no text hashed; worked out once per pack), else factorized.
    """
    given = pack.text_codes(source, column, frame)
    if given is None:
        return coded(frame[column] if rows is None else frame[column].iloc[rows])
    # kept in the fewest bytes (a million activities' types are a megabyte, not eight),
    # handed out as intp like any Coded
    whole = pack.derived(("codes as read", source, column), lambda: refactorized(*given))
    picked = whole.codes if rows is None else whole.codes[rows]
    return Coded(picked.astype(np.intp), whole.values)


def refactorized(codes: np.ndarray, values: list[str]) -> Coded:
    """A column given as codes into `values` (which may hold a text twice, or one no row
    uses), as `pd.factorize` of its cells gives it: each distinct text once, in order of its
    first row; the codes in the fewest bytes that hold them. Hashes the few values and the
    integer codes of the first rows, never the cells' text."""
    same, uniques = pd.factorize(np.asarray(values, dtype=object))
    small = code_dtype(len(uniques))
    merged = (codes.astype(small, copy=False) if len(uniques) == len(values)
              else lookup(same.astype(small), codes, -1))
    if len(uniques) > MANY_VALUES and len(uniques) == len(values) \
            and _numbered_in_order(merged, len(uniques)):
        return Coded(merged, np.asarray(uniques, dtype=object))  # as factorize made them
    # The reader's values are the cells' texts, so each is some row's, but for a value that
    # is blank once stripped (its cells are missing): with none, the first rows that hold
    # every value end the search.
    holds = len(uniques) if "" not in values else -1
    first = _first_seen(merged, holds)
    if len(first) == len(uniques) and (first == np.arange(len(first))).all():
        return Coded(merged, np.asarray(uniques, dtype=object))  # in order already
    rank = np.full(len(uniques), -1, dtype=small)
    rank[first] = np.arange(len(first))
    return Coded(lookup(rank, merged, -1), np.asarray(uniques, dtype=object)[first])


MANY_VALUES = 4096
"""Values past which a column's codes are checked for being numbered in order of first row
already (ids that repeat, factorized by the reader) before the first rows are searched: a
few dozen names all show in the first block of rows; two hundred thousand ids do not."""


def _numbered_in_order(codes: np.ndarray, distinct: int) -> bool:
    """Whether `codes` (-1 aside) hold every one of `distinct` values, numbered in order of
    first row, as factorizing gives them: each row's code at most one above every code
    before it, the first 0. Integer passes over the rows, none of them hashed: the codes of
    two hundred thousand ids in two million rows are checked so, not looked for block by
    block."""
    known = codes[codes >= 0]
    if len(known) == 0:
        return distinct == 0
    highest = np.maximum.accumulate(known)
    return bool(known[0] == 0 and highest[-1] == distinct - 1
                and (known[1:] - 1 <= highest[:-1]).all())


FIRST_ROWS = 1 << 16
"""Rows looked at a time for the values' first rows (a few dozen names show in the first)."""


def _first_seen(codes: np.ndarray, holds: int) -> np.ndarray:
    """The codes `codes` holds (-1 aside) in order of their first row; the search stops once
    `holds` of them are found (-1: never, every row is looked at)."""
    seen: dict[int, None] = {}
    for start in range(0, len(codes), FIRST_ROWS):
        block = codes[start:start + FIRST_ROWS]
        seen.update(dict.fromkeys(pd.unique(block[block >= 0]).tolist()))
        if len(seen) == holds:
            break
    return np.fromiter(seen, dtype=np.intp, count=len(seen))


def factorize_text(series: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """`pd.factorize` of a text column: codes (-1: missing) and the distinct values (an object
    array), in order of first appearance.

    Done on the column's object array: factorizing the str Series itself compares every cell
    with the missing-value marker on the way, which doubles the cost on two million rows.
    """
    codes, uniques = pd.factorize(series.to_numpy(dtype=object))
    return np.asarray(codes, dtype=np.intp), np.asarray(uniques, dtype=object)


def counts_by_key(keys: np.ndarray, codes: np.ndarray) -> dict[str, int]:
    """How many of `codes` stand for each key, `keys[code]` being a value's key (a folded
    name: two values may share one, and are counted together); code -1 is left out, and so
    are keys counted zero times."""
    counts = np.bincount(codes[codes >= 0], minlength=len(keys))
    out: dict[str, int] = {}
    for key, count in zip(keys.tolist(), counts.tolist(), strict=True):
        if count:
            out[key] = out.get(key, 0) + count
    return out


def lookup(per_value: np.ndarray, codes: np.ndarray, missing: object) -> np.ndarray:
    """`per_value[code]` for each code, `missing` where the code is -1."""
    # code -1 picks the last element: `missing`, put there
    return np.append(per_value, np.array([missing], dtype=per_value.dtype))[codes]

