"""The pack's lead status map, read once per pack, and status classes of coded columns."""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.status_map import StatusClass, StatusMap, status_key
from tuneup_tui.metrics.codes import Coded, lookup


def status_map(pack: DataPack) -> StatusMap:
    """The defaults with the pack's datapack.toml `[statuses]` over them (a broken toml is
    the sources' error to report: the defaults stand)."""
    def build() -> StatusMap:
        from tuneup_tui.data.datapack_toml import DatapackError, load_datapack

        own = {}
        if pack.root is not None:
            try:
                config = load_datapack(pack.root)
            except DatapackError:
                config = None
            own = dict(config.statuses) if config is not None else {}
        return StatusMap.with_overrides(own)  # type: ignore[arg-type]

    return pack.derived(("status_map",), build)


def in_class(column: Coded, statuses: StatusMap, wanted: StatusClass,
             extra: Iterable[str] = ()) -> np.ndarray:
    """Whether each row's status is of class `wanted`, or one of the `extra` statuses (an
    agenda's own list); a blank status is in no class."""
    more = {status_key(s) for s in extra}
    hit = np.array([statuses.is_a(v, wanted) or (status_key(v) in more and bool(status_key(v)))
                    for v in column.values], dtype=bool)
    return lookup(hit, column.codes, False)


def series_in_class(values: pd.Series, statuses: StatusMap, wanted: StatusClass,
                    extra: Iterable[str] = ()) -> pd.Series:
    """`in_class` for a plain column of statuses."""
    more = {status_key(s) for s in extra}
    keys = {v: statuses.is_a(v, wanted) or (bool(status_key(v)) and status_key(v) in more)
            for v in values.dropna().unique()}
    return values.map(keys).fillna(False).astype(bool)
