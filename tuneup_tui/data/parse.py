"""Turning a column of text cells into typed values, by column kind.

Exports write numbers and dates in many ways ("1,234", "$1,234.56", "12.5%", " --",
"20261116", "Nov 16, 2026", "11/16/2026 9:05 AM"). `parse_column` reads them all, vectorised:
a fast pandas pass over the whole column first, then the cells that pass missed are worked out
per distinct value (there are few distinct odd spellings even in millions of rows). A cell that
can't be read raises `BadValue` with its position; the pack turns that into a DataError naming
the file line and column.

Results (what panels rely on): dates as naive datetime64 (missing: NaT), numbers as float64
(missing: NaN), text as str, stripped, with empty cells missing, flags as bool (blank: False).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from tuneup_tui.data.errors import BadValue
from tuneup_tui.data.parse_dates import parse_dates
from tuneup_tui.data.sources import ColumnKind

MISSING_TOKENS = frozenset({"", "-", "--", "n/a", "na", "nan", "none", "null", "(not set)"})
"""Cells that mean "no value" in a number or date column (compared stripped, casefolded)."""

_TRUE = frozenset({"1", "true", "yes", "y", "x", "t", "1.0"})
_FALSE = frozenset({"", "0", "false", "no", "n", "f", "0.0", "-", "--"})


@dataclass(frozen=True)
class ParsedColumn:
    """A typed column and what was assumed while reading it."""

    values: pd.Series
    notes: tuple[str, ...] = ()
    coded: tuple[np.ndarray, list[str]] | None = None
    """For text read as codes (see read.py): each cell's code into the distinct values (-1:
    missing) and those values, which `values` was made from; None otherwise."""


def parse_column(values: pd.Series, kind: ColumnKind, *, date_order: str | None = None,
                 clean_text: bool = False) -> ParsedColumn:
    """`values` as the typed column of `kind`; BadValue on the first unreadable cell.

    `date_order` ("month-first" or "day-first") settles dates like 03/04/2026 when the data
    itself does not (no part over 12); without it they are read month-first, with a note.
    `clean_text` says no cell has spaces around it and empty cells are already missing (the
    canonical reader checks this on the raw file), so text is taken as it is.
    """
    values = values.reset_index(drop=True)
    if kind in ("date", "datetime"):
        parsed, notes = parse_dates(values, date_order=date_order, whole_days=kind == "date")
        return ParsedColumn(parsed, notes)
    if kind == "number":
        return ParsedColumn(parse_numbers(values))
    if kind == "integer":
        return ParsedColumn(parse_numbers(values, whole=True))
    if kind == "flag":
        return ParsedColumn(parse_flags(values))
    if isinstance(values.dtype, pd.CategoricalDtype):
        text, codes, uniques = coded_text(values, clean=clean_text)
        return ParsedColumn(text, coded=(codes, uniques))
    return ParsedColumn(parse_text(values, clean=clean_text))


def parse_text(values: pd.Series, *, clean: bool = False) -> pd.Series:
    """Text stripped, empty cells missing."""
    if values.dtype != "str":
        values = values.astype("str")
    if clean:
        return values
    text = values.str.strip()
    return text.mask(text == "")


def coded_text(values: pd.Series, *, clean: bool = False
               ) -> tuple[pd.Series, np.ndarray, list[str]]:
    """Text read as pandas categories, as `parse_text` gives it, with each cell's code into the
    distinct values (-1: missing) and those values. Each value is stripped once, not each
    cell; a value left empty is missing."""
    codes = values.cat.codes.to_numpy()
    uniques = [str(u) for u in values.cat.categories]
    if not clean:
        stripped = [u.strip() for u in uniques]
        empty = np.array([u == "" for u in stripped] + [False], dtype=bool)
        if empty.any():
            codes = np.where(empty[codes], np.int8(-1), codes).astype(codes.dtype)
        uniques = stripped
    table = np.empty(len(uniques) + 1, dtype=object)
    table[:-1] = uniques
    table[-1] = np.nan  # code -1, a missing cell, takes the NaN kept last
    return text_column(table.take(codes)), codes, uniques


_TEXT = pd.StringDtype("python", na_value=np.nan)
"""pandas' str dtype without pyarrow (what the parser gives text columns)."""


def text_column(cells: np.ndarray) -> pd.Series:
    """An object array holding only str and NaN (the caller makes it so: text decoded from
    bytes, codes taken into a list of text) as a text column of the str dtype, taken as it is:
    pandas neither copies nor checks its cells again."""
    if pd.api.types.pandas_dtype("str") != _TEXT:
        return pd.Series(cells, dtype="str", copy=False)
    empty = _empty_text()
    wrap = getattr(empty, "_from_backing_data", None)
    if wrap is None:  # another pandas: it checks the cells
        return pd.Series(cells, dtype="str", copy=False)
    return pd.Series(wrap(cells), copy=False)


@lru_cache(maxsize=1)
def _empty_text() -> pd.api.extensions.ExtensionArray:
    return pd.array(np.array([], dtype=object), dtype=_TEXT)


def parse_numbers(values: pd.Series, *, whole: bool = False) -> pd.Series:
    """Numbers as float64: "1,234", "$1,234.56", "£0.00", "12.5%" (0.125), "< 10%" (0.1).

    Missing spellings (" --", "", "n/a") become NaN. With `whole`, a fractional value is bad.
    """
    expected = "a whole number" if whole else "a number"
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.astype("float64")
    if pd.api.types.is_numeric_dtype(values.dtype):
        out = values.astype("float64")
    else:
        text = values.astype("str")
        out = pd.to_numeric(text, errors="coerce").astype("float64")
        missed = (out.isna() & text.notna()).to_numpy()
        if missed.any():
            out = out.copy()
            out[missed] = _numbers_the_slow_way(text[missed], expected).to_numpy()
    infinite = np.isinf(out.to_numpy())
    if infinite.any():
        # "1e400" reads as infinity: no figure can be made of it.
        pos = int(np.flatnonzero(infinite)[0])
        raise BadValue(pos, str(values.iloc[pos]), expected)
    if whole:
        frac = out.notna().to_numpy() & (out.to_numpy() % 1 != 0)
        if frac.any():
            pos = int(np.flatnonzero(frac)[0])
            raise BadValue(pos, str(values.iloc[pos]), expected)
    return out


def _numbers_the_slow_way(text: pd.Series, expected: str) -> pd.Series:
    """Cells the plain pass missed, worked out per distinct spelling."""
    codes, uniques = pd.factorize(text)
    u = pd.Series(uniques, dtype="str").str.strip()
    missing = u.str.casefold().isin(MISSING_TOKENS)
    cleaned = (u.str.replace(r"^[<>≤≥~]=?\s*", "", regex=True)
                .str.replace(r"(?i)^(US|CA|AU|NZ)?\s*", "", regex=True)
                .str.replace(r"[\s$£€¥,\"']", "", regex=True))
    percent = cleaned.str.endswith("%")
    # A currency sign after a minus ("-$5") or a sign in parentheses ("(5.00)") both mean < 0.
    negative = cleaned.str.match(r"^\(.*\)$")
    cleaned = cleaned.str.strip("()%")
    parsed = pd.to_numeric(cleaned, errors="coerce").astype("float64")
    parsed = parsed.where(~percent, parsed / 100.0)
    parsed = parsed.where(~negative, -parsed)
    bad = parsed.isna() & ~missing
    if bad.any():
        first_unique = int(np.flatnonzero(bad.to_numpy())[0])
        pos_in_text = int(np.flatnonzero(codes == first_unique)[0])
        raise BadValue(int(text.index[pos_in_text]), str(uniques[first_unique]), expected)
    result = parsed.to_numpy()[codes]
    result[codes < 0] = np.nan
    return pd.Series(result, index=text.index, dtype="float64")


def parse_flags(values: pd.Series) -> pd.Series:
    """Flags as bool: 1/0, true/false, yes/no, x; a blank cell is False."""
    if pd.api.types.is_bool_dtype(values.dtype):
        return values.fillna(False).astype(bool)
    if pd.api.types.is_numeric_dtype(values.dtype):
        return values.fillna(0).astype("float64") != 0
    codes, uniques = pd.factorize(values.astype("str"))
    u = pd.Series(uniques, dtype="str").str.strip().str.casefold()
    is_true = u.isin(_TRUE).to_numpy()
    known = is_true | u.isin(_FALSE).to_numpy()
    if not known.all():
        first_unique = int(np.flatnonzero(~known)[0])
        pos = int(np.flatnonzero(codes == first_unique)[0])
        raise BadValue(pos, str(uniques[first_unique]), "a flag (1/0, true/false, yes/no)")
    out = is_true[codes] if len(u) else np.zeros(len(codes), dtype=bool)
    out = np.where(codes < 0, False, out)
    return pd.Series(out, dtype=bool)
