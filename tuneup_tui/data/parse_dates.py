"""Reading date and date-time cells in the spellings exports use.

Accepted: ISO ("2026-11-16", "2026-11-16 09:05", "2026-11-16T09:05:00Z", "20261116"), month
names ("Nov 16, 2026", "November 16, 2026", "16 Nov 2026"), and numbers with slashes, dots or
dashes ("11/16/2026", "16/11/2026", "16-11-2026", "11/16/2026 9:05 AM"). Whether 03/04/2026 is
March or April is settled by the data (a first part over 12 means day-first, a second part over
12 means month-first), else by the `date_order` given, else month-first with a note saying so.
Time zones are dropped: a time is kept as the wall-clock time written ("09:05+02:00" is 09:05).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

from tuneup_tui.data.errors import BadValue

_TZ_SUFFIX = r"(?:\s*(?:Z|UTC|GMT|[+-]\d{2}:?\d{2}))$"
_NUMERIC = (r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})"
            r"(?:[ T,]+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])\.?[Mm]\.?)?)?$")
_NAMED_FORMATS = ("%b %d, %Y", "%B %d, %Y", "%d %b %Y", "%d %B %Y", "%b %d %Y", "%B %d %Y",
                  "%b %d, %Y %I:%M %p", "%B %d, %Y %I:%M %p", "%b %d, %Y %H:%M")
_MISSING = frozenset({"", "-", "--", "n/a", "na", "nan", "nat", "none", "null", "(not set)"})
_UNIT: Final = "datetime64[us]"
_EXPECTED: Final = "a date (2026-11-16, 11/16/2026, Nov 16, 2026)"

MONTH_FIRST = "month-first"
DAY_FIRST = "day-first"


def parse_dates(values: pd.Series, *, date_order: str | None = None,
                whole_days: bool = False) -> tuple[pd.Series, tuple[str, ...]]:
    """`values` as naive datetime64 (NaT where empty) and the notes on what was assumed.

    `values` must have a RangeIndex; BadValue names the position of a bad cell.
    """
    notes: tuple[str, ...] = ()
    if values.dtype.kind == "S":
        # Raw cells from the canonical reader (fixed-width bytes, no Python string per cell).
        raw = values.to_numpy()
        fast = iso_bytes(raw)
        if fast is not None:
            out = pd.Series(fast, dtype=_UNIT)
            return (out.dt.normalize() if whole_days else out), notes
        _refuse_full_cells(raw, BadValue)
        values = _decoded(raw)
    if pd.api.types.is_datetime64_any_dtype(values.dtype):
        out = _naive(values)
    else:
        if pd.api.types.is_numeric_dtype(values.dtype):
            # 20261116 read as a number by the CSV reader.
            values = values.astype("Int64").astype("str")
        text = values.astype("str")
        out = _iso(text)
        missed = (out.isna() & text.notna()).to_numpy()
        if missed.any():
            rest, notes = _the_slow_way(text[missed], date_order, BadValue)
            arr = out.to_numpy().copy()
            arr[missed] = rest
            out = pd.Series(arr, dtype=_UNIT)
    if whole_days:
        out = out.dt.normalize()
    return out, notes


def iso_bytes(raw: np.ndarray) -> np.ndarray | None:
    """Fixed-width byte cells as datetime64, when every cell is plain ISO; else None.

    Plain ISO is "2026-11-16", "2026-11-16 09:05" or "2026-11-16 09:05:07" ("T" may stand for
    the space), or an empty cell (NaT). Each place of each cell is checked on the raw bytes
    before numpy parses them, since numpy alone would take "20261116" as a year and convert
    "+02:00" to UTC; anything else goes the general way. The cells are checked a block of rows
    at a time, small enough to stay in the CPU's cache while each place is looked at.
    """
    rows, width = len(raw), raw.dtype.itemsize
    if width < 20 or rows == 0:
        return None
    m = _byte_matrix(raw)
    if not all(_plain_iso(m[start: start + _BLOCK_ROWS])
               for start in range(0, rows, _BLOCK_ROWS)):
        return None
    try:
        return raw.astype(_UNIT)
    except ValueError:  # a day that does not exist ("2026-02-30"): said the general way
        return None


_BLOCK_ROWS = 1 << 15
"""Cells checked at a time by `iso_bytes` (about a megabyte of 40-byte cells)."""


def _plain_iso(m: np.ndarray) -> bool:
    """Whether every row of the byte matrix `m` is a plain ISO date, date-time or empty."""
    if m[:, 19:].any():
        return False  # longer than a date and time to the second

    def digits(*places: int) -> np.ndarray:
        ok = np.ones(len(m), dtype=bool)
        for place in places:
            ok &= (m[:, place] - 48) < 10  # uint8 wraps below "0"
        return ok

    empty = m[:, 0] == 0
    day = digits(0, 1, 2, 3, 5, 6, 8, 9) & (m[:, 4] == 45) & (m[:, 7] == 45)  # "-"
    just_day = m[:, 10] == 0
    clock = (((m[:, 10] == 32) | (m[:, 10] == 84)) & digits(11, 12, 14, 15)
             & (m[:, 13] == 58))  # " " or "T", ":"
    minutes = clock & (m[:, 16] == 0)
    seconds = clock & digits(17, 18) & (m[:, 16] == 58)
    return bool((empty | (day & (just_day | minutes | seconds))).all())


def _refuse_full_cells(raw: np.ndarray, bad_value: type[ValueError]) -> None:
    """A cell that fills its bytes may have been cut short: no date is written that long."""
    full = _byte_matrix(raw)[:, -1] != 0
    if full.any():
        pos = int(np.flatnonzero(full)[0])
        text = raw[pos].decode("utf-8", "replace")
        raise bad_value(pos, f"{text}…", _EXPECTED)


def _byte_matrix(raw: np.ndarray) -> np.ndarray:
    """Fixed-width byte cells as a matrix of bytes, a row per cell (NUL-padded on the right)."""
    return np.ascontiguousarray(raw).view(np.uint8).reshape(len(raw), raw.dtype.itemsize)


def _decoded(raw: np.ndarray) -> pd.Series:
    """Byte cells as text (an empty cell missing); undecodable bytes kept visible as U+FFFD."""
    text = [cell.decode("utf-8", "replace") if cell else None for cell in raw.tolist()]
    return pd.Series(text, dtype="str")


def _naive(values: pd.Series) -> pd.Series:
    if getattr(values.dtype, "tz", None) is not None:
        values = values.dt.tz_localize(None)
    return values.astype(_UNIT)


def _iso(text: pd.Series) -> pd.Series:
    """The ISO cells (the common case, done in one pandas pass); NaT elsewhere."""
    # cache=False: pandas' cache first finds the distinct values, which costs more than it
    # saves on date-times (nearly all distinct) and on mostly empty columns.
    try:
        out = pd.to_datetime(text, format="ISO8601", errors="coerce", cache=False)
    except ValueError:
        # Mixed offsets ("Z" on some rows, none on others): keep the wall-clock times.
        stripped = text.str.replace(_TZ_SUFFIX, "", regex=True)
        out = pd.to_datetime(stripped, format="ISO8601", errors="coerce", cache=False)
    return _naive(out)


def _the_slow_way(text: pd.Series, date_order: str | None,
                  bad_value: type[ValueError]) -> tuple[np.ndarray, tuple[str, ...]]:
    """Cells the ISO pass missed, worked out per distinct spelling."""
    codes, uniques = pd.factorize(text)
    u = pd.Series(uniques, dtype="str").str.strip()
    missing = u.str.casefold().isin(_MISSING).to_numpy()
    parsed = pd.Series(pd.NaT, index=u.index, dtype=_UNIT)

    todo = ~missing
    stripped = u.str.replace(_TZ_SUFFIX, "", regex=True)
    parsed[todo] = _naive(pd.to_datetime(stripped[todo], format="ISO8601", errors="coerce"))
    for fmt in _NAMED_FORMATS:
        todo = ~missing & parsed.isna().to_numpy()
        if not todo.any():
            break
        parsed[todo] = pd.to_datetime(u[todo], format=fmt, errors="coerce")

    notes: tuple[str, ...] = ()
    todo = ~missing & parsed.isna().to_numpy()
    if todo.any():
        numeric, notes, conflict = _numeric_dates(u[todo], date_order)
        if conflict is not None:
            pos = _position(text, codes, conflict[0])
            raise bad_value(pos, str(uniques[conflict[0]]), conflict[1])
        parsed[todo] = numeric

    bad = ~missing & parsed.isna().to_numpy()
    if bad.any():
        first = int(np.flatnonzero(bad)[0])
        raise bad_value(_position(text, codes, first), str(uniques[first]),
                        _EXPECTED)
    result = parsed.to_numpy()[codes]
    result[codes < 0] = np.datetime64("NaT")
    return result, notes


def _numeric_dates(u: pd.Series, date_order: str | None
                   ) -> tuple[pd.Series, tuple[str, ...], tuple[int, str] | None]:
    """Dates like 11/16/2026 or 16.11.2026 9:05 AM, the day/month order settled as documented.

    Returns the dates, notes, and (index, expected) of a cell that contradicts the others.
    """
    parts = u.str.extract(_NUMERIC)
    matched = parts[0].notna()
    first = pd.to_numeric(parts[0], errors="coerce")
    second = pd.to_numeric(parts[1], errors="coerce")
    # A cell with both parts over 12 is no evidence either way (it is simply not a date).
    says_day_first = matched & (first > 12) & (second <= 12)
    says_month_first = matched & (second > 12) & (first <= 12)
    notes: tuple[str, ...] = ()
    if says_day_first.any() and says_month_first.any():
        example = u[says_day_first].iloc[0]
        return (pd.Series(dtype=_UNIT), notes,
                (int(says_month_first[says_month_first].index[0]),
                 f"dates in one order, like {example!r} (day first)"))
    if says_day_first.any():
        order = DAY_FIRST
    elif says_month_first.any():
        order = MONTH_FIRST
    elif date_order in (DAY_FIRST, MONTH_FIRST):
        order = date_order
    else:
        order = MONTH_FIRST
        if (matched & (first != second)).any():
            example = u[matched & (first != second)].iloc[0]
            notes = (f"dates like {example!r} read month-first (no day over 12 settles it); "
                     f"set date_order = \"day-first\" in datapack.toml if they are day-first",)
    month, day = (first, second) if order == MONTH_FIRST else (second, first)
    hour = pd.to_numeric(parts[3], errors="coerce").fillna(0)
    meridiem = parts[6].str.upper()
    hour = hour.where(meridiem.isna(), hour % 12 + (meridiem == "P").astype(int) * 12)
    frame = pd.DataFrame({
        "year": pd.to_numeric(parts[2], errors="coerce"),
        "month": month, "day": day, "hour": hour,
        "minute": pd.to_numeric(parts[4], errors="coerce").fillna(0),
        "second": pd.to_numeric(parts[5], errors="coerce").fillna(0),
    })
    out = pd.to_datetime(frame, errors="coerce").astype(_UNIT)
    return out, notes, None


def _position(text: pd.Series, codes: np.ndarray, unique_index: int) -> int:
    """The column position of the first cell holding the distinct value `unique_index`."""
    return int(text.index[int(np.flatnonzero(codes == unique_index)[0])])
