"""The errors a data source raises when it can't be used, and the hint that names the closest
known name in them."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from pathlib import Path


class DataError(Exception):
    """A source that is missing, unreadable or malformed.

    Its message is one line naming the source, the file, the place (row, column) when known,
    and what was expected. One source's DataError never affects another source.
    """

    def __init__(
        self,
        source: str,
        message: str,
        *,
        file: Path | str | None = None,
        row: int | None = None,
        column: str | None = None,
    ) -> None:
        self.source = source
        self.file = Path(file) if file is not None else None
        self.row = row
        self.column = column
        self.detail = message
        super().__init__(self._line())

    def _line(self) -> str:
        where = self.source
        if self.file is not None:
            where += f" ({self.file})"
        place = []
        if self.row is not None:
            place.append(f"row {self.row}")
        if self.column is not None:
            place.append(f"column {self.column!r}")
        if place:
            where += " " + ", ".join(place)
        return f"{where}: {self.detail}"


class BadValue(ValueError):
    """A cell that can't be read as its column's kind."""

    def __init__(self, position: int, value: str, expected: str) -> None:
        self.position = position
        """Position of the cell in the column (0 = first data row)."""
        self.value = value
        self.expected = expected
        self.column: str | None = None
        """The column the cell stands in, once the caller knows it."""
        super().__init__(f"expected {expected}, found {value!r}")


def closest(name: str, known: Iterable[str]) -> str:
    """"; closest: 'x'" for the nearest known name, or the known names when none is near."""
    known = list(known)
    near = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    return f"; closest: {near[0]!r}" if near else f"; known: {', '.join(known)}"
