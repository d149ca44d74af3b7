"""The console's one door to the end-of-day summary (the report layer): written in a worker,
which posts where it went (`SummaryWritten`) or why it could not (`SummaryFailed`)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tuneup_tui.store.db import RunStore

if TYPE_CHECKING:
    from textual.app import App

    from tuneup_tui.metrics.result import PanelResult


def write_run_summary(store: RunStore, run_id: int,
                      panel_results: Mapping[str, PanelResult] | None = None) -> Path:
    """Write the run's next-steps summary into the run's folder; returns the folder."""
    from tuneup_tui.paths import run_dir
    from tuneup_tui.report.collect import collect_summary
    from tuneup_tui.report.write import write_summary

    summary = collect_summary(store, run_id, panel_results)
    folder = run_dir(run_id)
    write_summary(summary, folder)
    return folder


class SummaryWriter:
    """Writes a run's summary for the console, off its thread; keeps where it was written."""

    def __init__(self, app: App[None], store: RunStore) -> None:
        self._app = app
        self._store = store
        self.folder: Path | None = None
        """Where the summary was last written (None until it has been)."""

    def write(self, run_id: int, panel_results: Mapping[str, PanelResult],
              settle: Callable[[], None] | None = None) -> None:
        """Write the summary in a worker (after `settle`: the day's writes landing); the app is
        told how it went."""
        results = dict(panel_results)
        self._app.run_worker(lambda: self._write(run_id, results, settle), thread=True,
                             exclusive=True, group="summary", exit_on_error=False)

    def _write(self, run_id: int, results: Mapping[str, PanelResult],
               settle: Callable[[], None] | None) -> None:
        from tuneup_tui.ui.messages import SummaryFailed, SummaryWritten

        if settle is not None:
            settle()
        try:
            folder = write_run_summary(self._store, run_id, results)
        except Exception as err:  # the day's data is safe in the store; say what failed
            self._app.post_message(
                SummaryFailed(f"{type(err).__name__}: {err}".splitlines()[0]))
            return
        self._app.post_message(SummaryWritten(folder))

    def written(self, folder: Path) -> bool:
        """Note where the summary went; whether it was there before (written again)."""
        again = self.folder == folder
        self.folder = folder
        return again

    def again_on_quit(self, run_id: int, panel_results: Mapping[str, PanelResult]) -> None:
        """Once written, write it again as the console leaves (items added after 16:00 are in
        it too); quitting never fails for it (`tuneup summary` can redo it)."""
        if self.folder is None:
            return
        try:
            write_run_summary(self._store, run_id, panel_results)
        except Exception as err:
            self._app.log.error(f"summary not rewritten: {err}")
