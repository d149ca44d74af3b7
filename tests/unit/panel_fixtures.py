"""Small typed packs for panel tests: `pack_of(traffic=[{...}, ...], leads=...)`.

Each keyword is a canonical source; its value is a list of row dicts (or a DataFrame). Rows are
turned into the frame `DataPack.frame` hands a panel (the dtype contract in sources.py): dates
as datetime64, numbers as float64, text as str with blanks missing, flags as bool, every schema
column present. `pack_of` hands them to `DataPack.from_frames`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period, review_period
from tuneup_tui.data.sources import SOURCES
from tuneup_tui.metrics.result import PanelSettings

AS_OF = pd.Timestamp("2026-11-23").date()
"""A Monday: the period is 2026-11-16..2026-11-22."""

Rows = Sequence[Mapping[str, Any]] | pd.DataFrame


def typed_frame(source: str, rows: Rows) -> pd.DataFrame:
    """Rows of `source` as the typed frame of the dtype contract."""
    schema = SOURCES[source]
    raw = rows if isinstance(rows, pd.DataFrame) else pd.DataFrame(list(rows))
    out: dict[str, pd.Series] = {}
    n = len(raw)
    for col in schema.columns:
        values = raw[col.name] if col.name in raw.columns else pd.Series([None] * n)
        values = values.reset_index(drop=True)
        if col.kind in ("date", "datetime"):
            stamps = pd.to_datetime(values, errors="coerce", format="ISO8601")
            out[col.name] = stamps.astype("datetime64[ns]")
        elif col.kind in ("number", "integer"):
            out[col.name] = pd.to_numeric(values, errors="coerce").astype("float64")
        elif col.kind == "flag":
            out[col.name] = values.map(lambda v: bool(v) if v is not None and v == v
                                       else False).astype(bool)
        else:
            text = values.map(lambda v: None if v is None or v != v or not str(v).strip()
                              else str(v).strip())
            out[col.name] = pd.Series(pd.array(list(text), dtype="str"))
    return pd.DataFrame(out, index=pd.RangeIndex(n))


def pack_of(**sources: Rows) -> DataPack:
    """A pack holding exactly these sources (rows as dicts or DataFrames), read through
    `DataPack.from_frames` like files; an absent source raises DataError."""
    return DataPack.from_frames({name: typed_frame(name, rows) for name, rows in sources.items()})


def settings(baseline_periods: int = 2, **options: Any) -> PanelSettings:
    """Panel settings for AS_OF with a short baseline and these options."""
    return PanelSettings(as_of=AS_OF, baseline_periods=baseline_periods, options=options)


def period() -> Period:
    """The review period of AS_OF: 2026-11-16..2026-11-22."""
    return review_period(AS_OF)
