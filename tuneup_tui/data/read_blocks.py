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
from typing import Any

import numpy as np
import pandas as pd

from tuneup_tui.data.parse_dates import iso_bytes

BLOCK_ROWS = 1 << 18
"""Rows read at a time."""


def read_in_blocks(data: bytes, options: dict[str, Any], dates: list[str]) -> pd.DataFrame | None:
    """`pd.read_csv(data, **options)` with the `dates` columns already dates (datetime64[us]),
    read a block of rows at a time; None when that can't be done (see the module's text)."""
    blocks: list[pd.DataFrame] = []
    try:
        with pd.read_csv(io.BytesIO(data), chunksize=BLOCK_ROWS, **options) as reader:
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
    if not blocks:
        return None
    return _joined(blocks)


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
