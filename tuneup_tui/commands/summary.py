"""`tuneup summary`: write a run's next-steps summary (Markdown, HTML, JSON, CSV, ICS).

The panels' figures against their baseline are computed again from the run's data folder when
it is still there (or from `--data`); otherwise the figures the run saved are shown alone.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuneup_tui.commands._args import MAX_ID, record_id
from tuneup_tui.commands._team import add_team, team_of
from tuneup_tui.commands.errors import CliError

if TYPE_CHECKING:
    from tuneup_tui.agenda.model import Agenda
    from tuneup_tui.metrics.result import PanelResult
    from tuneup_tui.store.models import Run


def register(sub: Any) -> None:
    """Add `tuneup summary`."""
    parser = sub.add_parser(
        "summary",
        help="write a run's next-steps summary",
        description="Write the next-steps summary of a run: summary.md, summary.html, "
        "summary.txt, summary.json, actions.csv, actions.ics and the proposed shorter agendas "
        "(see docs/summary.md).",
    )
    parser.add_argument("run", nargs="?", metavar="RUN", default=None,
                        help="the run number (default: the newest run)")
    parser.add_argument("--out", type=Path, default=None, metavar="DIR",
                        help="the folder to write to (default: the run's own folder)")
    parser.add_argument("--format", default="md,txt,html,json", metavar="md,txt,html,json",
                        help="which summary documents to write (actions.csv and actions.ics "
                        "are always written)")
    parser.add_argument("--data", type=Path, default=None, metavar="DIR",
                        help="recompute the panels from this data folder (default: the run's)")
    parser.add_argument("--compare-with", type=record_id, metavar="ID",
                        help="compare with this run (a rehearsal too) instead of the series' "
                        "previous real run")
    parser.add_argument("--no-data", action="store_true",
                        help="do not recompute panels; show the figures the run saved")
    add_team(parser)
    parser.set_defaults(func=run_summary)


def run_summary(args: argparse.Namespace) -> int:
    from tuneup_tui.paths import run_dir
    from tuneup_tui.report.collect import collect_summary
    from tuneup_tui.report.write import parse_formats, write_summary
    from tuneup_tui.store.db import RunStore, StoreError

    try:
        formats = parse_formats(args.format)
    except ValueError as err:
        raise CliError(f"--format: {err}") from None
    try:
        store = RunStore.open_default()
    except StoreError as err:
        raise CliError(str(err)) from None
    try:
        run = _pick_run(store, args.run, team_of(args))
        results = None if args.no_data else _panel_results(run, args.data)
        compare = _compared(store, args.compare_with)
        summary = collect_summary(store, run.id, results, compare_with=compare)
    except StoreError as err:
        raise CliError(str(err)) from None
    finally:
        store.close()
    out = args.out if args.out is not None else run_dir(run.id)
    try:
        paths = write_summary(summary, out, formats)
    except OSError as err:
        raise CliError(f"{out}: can't be written ({err.strerror or err})") from None
    print(f"Summary of run {run.id} ({summary.title}) written to {out}:")
    for path in paths:
        print(f"  {path}")
    return 0


def _compared(store: Any, run_id: int | None) -> int | None:
    from tuneup_tui.store.db import StoreError

    if run_id is None:
        return None
    try:
        return int(store.get_run(run_id).id)
    except StoreError as err:
        raise CliError(f"--compare-with: {err}") from None


def _pick_run(store: Any, wanted: str | None, team: str | None = None) -> Run:
    if wanted is None:
        runs = store.runs(series=team)
        if not runs:
            raise CliError("no runs yet; start one with `tuneup run`" if team is None
                           else f"no runs of team {team!r}; see `tuneup runs`")
        run: Run = runs[0]
        return run
    if not wanted.strip().isdigit():
        raise CliError(f"RUN: expected a run number, not {wanted!r}; see `tuneup runs`")
    if not 1 <= int(wanted) <= MAX_ID:
        raise CliError(f"RUN: {wanted!r} is out of range; expected a run number from 1 up, as "
                       "`tuneup runs` lists them")
    found: Run = store.get_run(int(wanted))
    return found


def _panel_results(run: Run, data: Path | None) -> Mapping[str, PanelResult] | None:
    """The run's panels computed again from its data, or None when there is no data folder."""
    folder = data if data is not None else (Path(run.data_dir) if run.data_dir else None)
    if folder is None:
        return None
    if not folder.is_dir():
        if data is not None:
            raise CliError(f"{folder}: no such data folder")
        return None  # the run's folder has moved since: the saved figures still tell
    from tuneup_tui.agenda.load import AgendaError, loads_agenda

    try:
        agenda = loads_agenda(run.agenda_toml, f"run {run.id} agenda")
    except AgendaError as err:
        raise CliError(str(err)) from None
    return compute_panels(agenda, folder, run)


def compute_panels(agenda: Agenda, folder: Path, run: Run) -> dict[str, PanelResult]:
    """Every panel the agenda shows, for the run's review period."""
    from tuneup_tui.data.pack import DataPack
    from tuneup_tui.metrics.day import compute_day
    from tuneup_tui.metrics.settings import day_settings

    names = list(dict.fromkeys(p for s in agenda.sessions for p in s.panels))
    results = compute_day(DataPack.open(folder), run.as_of, day_settings(agenda), names)
    failed = [r.name for r in results.values() if r.error]
    if failed and len(failed) == len(results):
        print(f"note: no panel could be computed from {folder}", file=sys.stderr)
    return results
