"""The data pack: a folder of the team's exports, each source read once, lazily.

`DataPack.open(folder)` finds the files; `pack.frame("traffic")` reads, parses and validates a
source the first time it is asked for and caches it. A source that is missing or broken raises
`DataError` for that source only. `DataPack.from_frames` builds a pack from DataFrames (tests,
generated samples) through the same parsing and validation.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.sources import SOURCES

if TYPE_CHECKING:
    import pandas as pd


class DataPack:
    """The team's data for one run: canonical sources by name."""

    def __init__(
        self,
        root: Path | None = None,
        *,
        frames: Mapping[str, pd.DataFrame] | None = None,
    ) -> None:
        self.root = root
        self._raw = dict(frames or {})
        self._cache: dict[str, pd.DataFrame] = {}
        self._errors: dict[str, DataError] = {}
        self._lock = threading.RLock()

    @classmethod
    def open(cls, root: Path) -> DataPack:
        """A pack over the folder `root` (nothing is read yet)."""
        return cls(Path(root))

    @classmethod
    def from_frames(cls, frames: Mapping[str, pd.DataFrame]) -> DataPack:
        """A pack over in-memory frames, parsed and validated like files."""
        return cls(None, frames=frames)

    def frame(self, source: str) -> pd.DataFrame:
        """The parsed frame of `source`; raises DataError if it is missing or broken."""
        if source not in SOURCES:
            raise DataError(source, f"unknown source; known: {', '.join(SOURCES)}")
        with self._lock:
            if source in self._cache:
                return self._cache[source]
            if source in self._errors:
                raise self._errors[source]
            try:
                df = self._load(source)
            except DataError as err:
                self._errors[source] = err
                raise
            self._cache[source] = df
            return df

    def has(self, source: str) -> bool:
        """Whether the pack holds anything for `source` (without reading it)."""
        raise NotImplementedError

    def _load(self, source: str) -> pd.DataFrame:
        raise NotImplementedError
