"""How the cache of parsed sources (source_cache.py) keeps a text column, and gets it back.

Two ways, each exact (missing cells stay missing, any text survives, a NUL included):

- "str": each cell's code into the column's distinct values (-1: missing), the values joined
  by NUL as one UTF-8 blob, and each value's length (to cut values that hold a NUL);
- "plain": which cells are missing, and the others' text joined by NUL (for ids, where nearly
  every value differs: coding them would cost a hash per row and save nothing). Ids that
  repeat (two million activities naming two hundred thousand leads) are coded: reading the
  entry back then makes one string per lead, not per activity, in half the time.

A column the reader already had as codes (read.py reads a big file's repeating text so) is kept
from those codes as they are, with no need to find its distinct values again.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tuneup_tui.data.parse import text_column

SAMPLE = 16384
"""Cells of a text column looked at to choose how to keep it (see `text_arrays`)."""
REPEATS = 3
"""How many rows a value holds on average, at least, for a column of mostly different values
(ids) to be coded."""


def text_arrays(values: np.ndarray) -> tuple[str, list[np.ndarray]] | None:
    """A text column's arrays: "plain" when nearly every value differs, else "str" (coded).
    Judged on a sample of the column; either way the column comes back the same."""
    if _mostly_different(values):
        plain = _plain_arrays(values)
        if plain is not None:
            return "plain", plain
    return "str", coded_arrays(*factorized(values))


def repeating_codes(values: np.ndarray) -> tuple[np.ndarray, list[str]] | None:
    """The codes of a text column (an object array of str and NaN) whose values repeat, as
    `factorized` gives them; None for a column of mostly different values (ids), judged on a
    sample. Two million activities name two hundred thousand leads: the pack hands their
    codes to the panels, and the cache keeps them, from this one pass over the cells."""
    return None if _mostly_different(values) else factorized(values)


def factorized(values: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Each cell's code into the column's distinct values (-1: missing), in the fewest bytes,
    and those values in order of first row."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    return _small_codes(codes, len(uniques)), uniques.tolist()


def _mostly_different(values: np.ndarray) -> bool:
    """Whether the column's values are mostly different: more than half of an even sample of
    its cells differ, and the sample's repeats put its distinct values above a REPEATS-th of
    its rows.

    n cells drawn from d values about equally used hold about n*n/(2d) repeats (the birthday
    count), so d is about n*n/(2*repeats); an id column (every value once) shows none.
    """
    step = max(1, len(values) // SAMPLE)
    sample = values[::step].tolist()
    if not sample:
        return False
    repeats = len(sample) - len(set(sample))
    if repeats * 2 >= len(sample):
        return False
    return repeats == 0 or len(sample) ** 2 / (2 * repeats) > len(values) / REPEATS


def coded_arrays(codes: np.ndarray, values: list[str]) -> list[np.ndarray]:
    """The "str" arrays of a column given as codes (-1: missing) into `values`."""
    blob = "\0".join(values).encode("utf-8")
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    return [_small_codes(codes, len(values)), np.frombuffer(blob, dtype=np.uint8), lengths]


def _plain_arrays(values: np.ndarray) -> list[np.ndarray] | None:
    """Which cells are missing and the others' NUL-joined text; None when a value holds a NUL
    itself (the text could not be cut back into cells)."""
    cells = values.tolist()
    try:  # a missing cell (NaN) is no text: joining then fails, and only then is it looked for
        blob = "\0".join(cells).encode("utf-8")
        missing = np.zeros(len(values), dtype=bool)
        present = len(cells)
    except TypeError:
        missing = pd.isna(values)
        kept = values[~missing]
        blob = "\0".join(kept.tolist()).encode("utf-8")
        present = len(kept)
    if blob.count(b"\0") != max(present - 1, 0):
        return None
    return [missing, np.frombuffer(blob, dtype=np.uint8)]


def code_dtype(distinct: int) -> type[np.signedinteger]:
    """The fewest bytes that hold codes into `distinct` values, and -1."""
    return next(t for t in (np.int8, np.int16, np.int32, np.int64)
                if distinct < np.iinfo(t).max)


def _small_codes(codes: np.ndarray, distinct: int) -> np.ndarray:
    return codes.astype(code_dtype(distinct), copy=False)


def plain_text(missing: np.ndarray, blob: np.ndarray) -> pd.Series:
    """A text column back from which cells are missing and the others' NUL-joined text."""
    if missing.dtype != np.bool_:
        raise ValueError("the missing cells are not flags")
    count = len(missing) - int(missing.sum())
    values = blob.tobytes().decode("utf-8").split("\0") if count else []
    if len(values) != count:
        raise ValueError("the column's text does not hold its values")
    if count == len(missing):
        return text_column(np.array(values, dtype=object))
    out = np.full(len(missing), np.nan, dtype=object)
    out[~missing] = values
    return text_column(out)


def coded_values(blob: np.ndarray, lengths: np.ndarray) -> list[str]:
    """A "str" column's distinct values, from their NUL-joined text and their lengths."""
    text = blob.tobytes().decode("utf-8")
    values = text.split("\0") if len(lengths) else []
    if len(values) != len(lengths):  # a value holds a NUL itself: cut by the lengths
        if int(lengths.sum()) + len(lengths) - 1 != len(text):
            raise ValueError("the column's values do not add up to its text")
        ends = np.cumsum(lengths).tolist()
        starts = [0, *ends[:-1]]
        values = [text[a + i:b + i] for i, (a, b) in enumerate(zip(starts, ends, strict=True))]
    return values


def coded_text(codes: np.ndarray, values: list[str]) -> pd.Series:
    """A text column back from its codes and distinct values (NaN where the code is -1)."""
    if codes.size and (codes.min() < -1 or codes.max() >= len(values)):
        raise ValueError("a text code points past the column's values")
    uniques = np.empty(len(values) + 1, dtype=object)
    uniques[:-1] = values
    uniques[-1] = np.nan
    # Code -1 (a missing value) takes the NaN kept last.
    return text_column(uniques.take(codes))
