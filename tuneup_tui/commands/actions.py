"""`tuneup actions` and `tuneup runs`: what the run store holds, as a table or as JSON.

`tuneup actions` lists the action items of one run: --run ID, else the run in progress, else the
newest run. `tuneup runs` lists every run, newest first, rehearsals marked as such. Changing
items and deleting runs live in `commands.edit`.
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from tuneup_tui.commands._args import record_id
from tuneup_tui.commands._team import add_team, newest_run, team_of
from tuneup_tui.commands.edit import register_actions, register_runs
from tuneup_tui.commands.errors import CliError
from tuneup_tui.textsafe import visible_line

if TYPE_CHECKING:
    from tuneup_tui.store.day_record import ActionItem
    from tuneup_tui.store.db import RunStore
    from tuneup_tui.store.models import Run


CELL_WIDTH = 32
"""The widest an owner, a session or a series is shown in a table (the JSON has it whole)."""


def register(sub: Any) -> None:
    actions = sub.add_parser(
        "actions", help="list action items",
        description="List the action items of a run (default: the run in progress, else the "
                    "newest run).")
    actions.add_argument("--run", type=record_id, metavar="ID", help="the run to list")
    actions.add_argument("--owner", metavar="NAME", help="only this owner's items")
    actions.add_argument("--open", action="store_true", help="only items still open")
    actions.add_argument("--json", action="store_true", help="print a JSON list")
    add_team(actions)
    actions.set_defaults(func=run_actions)
    register_actions(actions)

    runs = sub.add_parser("runs", help="list runs (or delete one)",
                          description="List runs, newest first; rehearsals are marked.")
    runs.add_argument("--json", action="store_true", help="print a JSON list")
    add_team(runs)
    runs.set_defaults(func=run_runs)
    register_runs(runs)


def run_actions(args: argparse.Namespace) -> int:
    from tuneup_tui.store.db import StoreError
    from tuneup_tui.store.rows import action_as_dict

    items: list[ActionItem] = []
    run: Run | None = None
    store = _open_store_if_any(args.run)
    if store is not None:
        try:
            if args.run is not None:
                run = store.get_run(args.run)
            else:
                run = newest_run(store, team_of(args))
            if run is not None:
                items = store.actions(run.id, owner=args.owner,
                                      status="open" if args.open else None)
        except StoreError as err:
            raise CliError(str(err)) from err
        finally:
            store.close()
    if args.json:
        print(json.dumps([action_as_dict(item) for item in items], indent=2))
        return 0
    if run is None:
        print("no runs yet; start one with `tuneup run`")
        return 0
    print(f"run {run.id}: {visible_line(run.title)} ({run.as_of.isoformat()})")
    if not items:
        print("no action items" + (" matching" if args.owner or args.open else ""))
        return 0
    print(_table(["id", "owner", "due", "status", "session", "text"],
                 [[str(i.id), i.owner, i.due.isoformat() if i.due else "-", i.status,
                   i.session or "-", i.text] for i in items]))
    return 0


def run_runs(args: argparse.Namespace) -> int:
    from tuneup_tui.store.rows import run_as_dict

    runs: list[Run] = []
    store = _open_store_if_any(None)
    if store is not None:
        try:
            runs = store.runs(series=team_of(args))
        finally:
            store.close()
    if args.json:
        print(json.dumps([run_as_dict(r) for r in runs], indent=2))
        return 0
    if not runs:
        print("no runs yet; start one with `tuneup run`")
        return 0
    print(_table(
        ["id", "started", "ended", "series", "cadence", "kind", "title"],
        [[str(r.id), r.started_at.strftime("%Y-%m-%d %H:%M"),
          r.ended_at.strftime("%Y-%m-%d %H:%M") if r.ended_at else "in progress",
          r.series, r.cadence, _kind(r), r.title] for r in runs]))
    return 0


def _kind(run: Run) -> str:
    """"rehearsal" (and its speed when sped up), else "run"."""
    if not run.rehearsal:
        return "run"
    return "rehearsal" if run.speed == 1 else f"rehearsal x{run.speed:g}"


def _open_store_if_any(run_id: int | None) -> RunStore | None:
    """The run store, or None when none was ever created (listing nothing creates nothing)."""
    from tuneup_tui import paths
    from tuneup_tui.commands.log import open_store

    if not paths.store_exists():
        if run_id is not None:
            raise CliError(f"no run {run_id}; see `tuneup runs`")
        return None
    return open_store()


def _table(header: Sequence[str], body: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns; the last column (free text) is not padded.

    Every cell is shown on its own line whatever it holds (a line break in an item cannot
    make a row of its own) and the padded columns are cut to `CELL_WIDTH`, so one long name
    does not pad every row.
    """
    rows = [[visible_line(cell, None if i == len(row) - 1 else CELL_WIDTH)
             for i, cell in enumerate(row)] for row in [header, *body]]
    widths = [max(len(row[i]) for row in rows) for i in range(len(header))]
    lines = []
    for row in rows:
        cells = [cell.ljust(widths[i]) for i, cell in enumerate(row[:-1])]
        lines.append("  ".join([*cells, row[-1]]).rstrip())
    return "\n".join(lines)
