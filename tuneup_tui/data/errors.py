"""The one error a data source raises when it can't be used."""

from __future__ import annotations

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
