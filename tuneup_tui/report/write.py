"""Writing a run's summary files: Markdown, HTML, JSON, actions.csv, actions.ics and the
derived agendas, each atomically (a reader sees the old file or the new one, never half)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from tuneup_tui.fsutil import atomic_write_text
from tuneup_tui.paths import run_dir
from tuneup_tui.report.actions_csv import render_actions_csv
from tuneup_tui.report.html import render_html
from tuneup_tui.report.ics import render_actions_ics
from tuneup_tui.report.json_out import render_json
from tuneup_tui.report.markdown import render_markdown
from tuneup_tui.report.model import Summary
from tuneup_tui.report.plain import render_text

if TYPE_CHECKING:
    from tuneup_tui.metrics.result import PanelResult
    from tuneup_tui.store.db import RunStore

FORMATS: dict[str, tuple[str, Callable[[Summary], str]]] = {
    "md": ("summary.md", render_markdown),
    "txt": ("summary.txt", render_text),
    "html": ("summary.html", render_html),
    "json": ("summary.json", render_json),
}
DEFAULT_FORMATS: tuple[str, ...] = ("md", "txt", "html", "json")
CSV_NAME = "actions.csv"
ICS_NAME = "actions.ics"


def parse_formats(text: str) -> tuple[str, ...]:
    """"md,html" -> ("md", "html"); ValueError naming the unknown format."""
    wanted = tuple(dict.fromkeys(f.strip().lower() for f in text.split(",") if f.strip()))
    unknown = [f for f in wanted if f not in FORMATS]
    if unknown or not wanted:
        raise ValueError(f"unknown format {', '.join(unknown) or repr(text)}; "
                         f"expected a comma-separated list of {', '.join(FORMATS)}")
    return wanted


def write_summary(summary: Summary, out_dir: Path,
                  formats: Iterable[str] = DEFAULT_FORMATS) -> list[Path]:
    """Write the summary in `formats` plus actions.csv, actions.ics (when an item has a due
    date) and agenda-<cadence>.toml per proposed cadence into `out_dir`; the paths written."""
    out_dir = Path(out_dir)
    written: list[Path] = []
    for fmt in formats:
        name, render = FORMATS[fmt]
        written.append(_write(out_dir / name, render(summary)))
    written.append(_write(out_dir / CSV_NAME, render_actions_csv(summary)))
    ics = render_actions_ics(summary)
    if ics is not None:
        written.append(_write(out_dir / ICS_NAME, ics))
    written += _write_agendas(summary, out_dir)
    return written


def write_run_summary(store: RunStore, run_id: int, out_dir: Path | None = None,
                      formats: Iterable[str] = DEFAULT_FORMATS,
                      panel_results: Mapping[str, PanelResult] | None = None) -> list[Path]:
    """Collect run `run_id`'s summary from the store and write it (by default into the run's
    own folder): what the console calls when End of Day starts."""
    from tuneup_tui.report.collect import collect_summary

    summary = collect_summary(store, run_id, panel_results)
    return write_summary(summary, out_dir if out_dir is not None else run_dir(run_id), formats)


def _write_agendas(summary: Summary, out_dir: Path) -> list[Path]:
    """The derived agendas as TOML the console runs (`tuneup run agenda-week.toml`)."""
    if not summary.cadence:
        return []
    try:
        from tuneup_tui.agenda.write import dumps_agenda
    except ImportError:  # the agenda writer is not there: the summary still lists them
        return []
    paths = []
    for proposal in summary.cadence:
        path = out_dir / f"agenda-{proposal.cadence}.toml"
        paths.append(_write(path, dumps_agenda(proposal.agenda)))
    return paths


def _write(path: Path, text: str) -> Path:
    atomic_write_text(path, text)
    return path
