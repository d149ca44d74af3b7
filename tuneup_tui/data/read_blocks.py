"""Reading a big canonical file a block of rows at a time, its date cells made dates block by
block.

The reader takes date cells as fixed-width bytes (read.py's `DATE_CELLS`); for six million
activities that is a quarter of a gigabyte per date column, twice over while pandas joins the
pieces it read. Read a block at a time, only a block's cells are ever held as bytes: each block's
dates are made as soon as it is read (when every cell is plain ISO, `parse_dates.iso_bytes`),
and only the dates are joined. Anything else (a date written another way, a row of the wrong
width, a block whose text pandas took for numbers) gives up, and the file is read whole as
before, so what the pack sees never depends on how the file was cut.
"""

from __future__ import annotations

import io
import os
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np
import pandas as pd

from tuneup_tui.data.parse_dates import iso_bytes

BLOCK_ROWS = 1 << 18
"""Rows read at a time."""


def read_in_blocks(data: bytes, options: dict[str, Any], dates: list[str], *,
                   halves: bool = False) -> pd.DataFrame | None:
    """`pd.read_csv(data, **options)` with the `dates` columns already dates (datetime64[us]),
    read a block of rows at a time; None when that can't be done (see the module's text).

    With `halves` (only for a file with no quotes, where every line end ends a row), the
    second half of the rows is read in a second thread while this one reads the first: pandas'
    parser leaves the interpreter free while it splits and converts cells."""
    view = memoryview(data)
    middle = _middle(data, options["sep"], len(options["names"])) if halves else None
    if middle is None:
        blocks = _blocks(_Bytes(view), options, dates)
    else:
        # The second half is read under the file's header line, so pandas checks each of its
        # rows against the header's width just as in the first.
        header = view[: data.index(b"\n") + 1]
        rest = _pool().submit(_blocks, _Bytes(view[middle:], header), options, dates)
        first = _blocks(_Bytes(view[:middle]), options, dates)
        second = rest.result()
        blocks = None if first is None or second is None else first + second
    if not blocks:
        return None
    return _joined(blocks)


def _middle(data: bytes, delimiter: str, width: int) -> int | None:
    """Where the line after the file's middle starts, when that line holds the header's
    number of fields; None otherwise. (pandas takes a first row with a field too many for an
    index rather than naming its line, so the second half's first row is counted here; a row
    of another width anywhere else is pandas' to name.)"""
    start = data.find(b"\n", len(data) // 2) + 1
    end = data.find(b"\n", start)
    if start == 0 or end < 0:
        return None
    fields = data.count(delimiter.encode(), start, end) + 1
    return start if fields == width and data[start:end].strip() else None


def _blocks(source: io.RawIOBase, options: dict[str, Any], dates: list[str]
            ) -> list[pd.DataFrame] | None:
    """The blocks of `source`, their dates made; None when a cell or a row can't be taken."""
    blocks: list[pd.DataFrame] = []
    try:
        with pd.read_csv(source, chunksize=BLOCK_ROWS, **options) as reader:
            for block in reader:
                for label in dates:
                    if label in block.columns:
                        made = iso_bytes(block[label].to_numpy())
                        if made is None:
                            return None
                        block[label] = made
                blocks.append(block)
    except (ValueError, UnicodeDecodeError):  # pandas' parser errors are ValueErrors
        return None
    return blocks


class _Bytes(io.RawIOBase):
    """Part of the file's bytes as a file pandas reads, without a copy of them."""

    def __init__(self, view: memoryview, header: memoryview | None = None) -> None:
        self._parts = [part for part in (header, view) if part is not None]
        self._at = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        while self._parts and self._at == len(self._parts[0]):
            self._parts.pop(0)
            self._at = 0
        if not self._parts:
            return 0
        part = self._parts[0]
        size = min(len(buffer), len(part) - self._at)
        buffer[:size] = part[self._at: self._at + size]
        self._at += size
        return size


_reader: ThreadPoolExecutor | None = None


def _pool() -> ThreadPoolExecutor:
    global _reader
    if _reader is None:
        _reader = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tuneup-read")
    return _reader


def _forget_pool() -> None:
    # A forked child has none of the parent's threads: it starts its own pool when it needs one.
    global _reader
    _reader = None


os.register_at_fork(after_in_child=_forget_pool)


def _joined(blocks: list[pd.DataFrame]) -> pd.DataFrame | None:
    """The blocks one under the other; None when a block's codes hold no text."""
    columns: dict[str, pd.Series] = {}
    for label in blocks[0].columns:
        parts = [block[label] for block in blocks]
        if isinstance(parts[0].dtype, pd.CategoricalDtype):
            joined = _joined_codes(parts)
            if joined is None:
                return None
            columns[label] = joined
        else:
            columns[label] = pd.concat(parts, ignore_index=True)
    return pd.DataFrame(columns, copy=False)


def _joined_codes(parts: list[pd.Series]) -> pd.Series | None:
    """Text read as codes block by block, as one column of codes into every value met; None
    when a block's values were taken for numbers or flags (read whole, they may not be)."""
    values: dict[str, int] = {}
    codes: list[np.ndarray] = []
    for part in parts:
        if not isinstance(part.dtype, pd.CategoricalDtype):
            return None
        categories = part.cat.categories
        if len(categories) and categories.dtype != "str":
            return None
        # The block's code -1 (a missing cell) takes the -1 kept last.
        mapping = np.array([values.setdefault(str(v), len(values)) for v in categories] + [-1],
                           dtype=np.int64)
        codes.append(mapping[part.cat.codes.to_numpy()])
    categories = pd.Index(list(values), dtype="str")
    return pd.Series(pd.Categorical.from_codes(np.concatenate(codes), categories=categories),
                     copy=False)
