"""The console's one door to the end-of-day summary (the report layer); run in a worker."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tuneup_tui.store.db import RunStore

if TYPE_CHECKING:
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
