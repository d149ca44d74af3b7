"""App-wide messages: results that workers post back to the console."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tuneup_tui.metrics.result import PanelResult


class PanelReady(Message):
    """One panel has been computed (or has failed with its error line)."""

    def __init__(self, result: PanelResult, saved_for: int | None = None) -> None:
        super().__init__()
        self.result = result
        self.saved_for = saved_for
        """The run whose store already holds the panel's figures (saved by the worker)."""


class PanelsFailed(Message):
    """The panel worker itself failed (the pack could not be opened): every pending panel
    shows this error."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error


class SummaryWritten(Message):
    """The end-of-day summary was written to `folder`."""

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder


class SummaryFailed(Message):
    """Writing the summary failed; `error` is one line."""

    def __init__(self, error: str) -> None:
        super().__init__()
        self.error = error
