"""`tuneup history`: the figures run over run across teams, the soft spots each run opened and
closed, and the action items overdue; from the run store (a shared store holds every team's)."""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import Any

from tuneup_tui.commands._team import add_team, team_of
from tuneup_tui.commands.errors import CliError


def register(sub: Any) -> None:
    history = sub.add_parser(
        "history", help="figures, soft spots and overdue items run over run, team by team",
        description="Run over run, team by team: the figures recorded (or one figure, "
                    "--figure), the soft spots each run opened and closed, and the action "
                    "items past their due date.")
    add_team(history)
    history.add_argument("--figure", metavar="NAME",
                         help="one figure: a recorded one (\"win rate\") or a panel's headline "
                              "figure as panel.figure (funnel.sessions)")
    history.add_argument("--json", action="store_true", help="print JSON")
    history.set_defaults(func=run_history)


def run_history(args: argparse.Namespace) -> int:
    from tuneup_tui import paths
    from tuneup_tui.report import trends
    from tuneup_tui.store.db import RunStore, StoreError

    team = team_of(args)
    if args.figure is not None and not args.figure.strip():
        raise CliError("--figure: expected a figure name, got nothing")
    if not paths.store_exists():
        print("no runs yet; start one with `tuneup run`")
        return 0
    today = date.today()
    try:
        with RunStore.open_default() as store:
            runs = trends.teams(store, team)
            names = [args.figure.strip()] if args.figure else trends.figure_names(store, runs)
            figures = [trends.figure_points(store, runs, name) for name in names]
            spots = trends.spot_turns(store, runs)
            late = trends.overdue_items(store, runs, today)
    except StoreError as err:
        raise CliError(str(err)) from None
    if args.json:
        print(json.dumps(_as_json(figures, spots, late), indent=2))
        return 0
    if not runs:
        print("no runs yet; start one with `tuneup run`" if team is None
              else f"no runs of team {team!r}; see `tuneup runs`")
        return 0
    _print_report(names, figures, spots, late, today)
    return 0


def _print_report(names: list[str], figures: list[Any], spots: list[Any], late: list[Any],
                  today: date) -> None:
    from tuneup_tui.commands.actions import _table

    for name, points in zip(names, figures, strict=True):
        print(f"{name}, run over run")
        if not points:
            print("  not recorded in these runs\n")
            continue
        print(_table(["team", "run", "as of", "value", "change", ""],
                     [[p.team, str(p.run.id), p.run.as_of.isoformat(), _number(p.value),
                       "-" if p.change is None else _number(p.change, sign=True), ""]
                      for p in points]) + "\n")
    if not names:
        print("no figures recorded yet (--figure panel.figure shows a panel's)\n")
    print("Soft spots, run over run")
    print(_table(["team", "run", "as of", "opened", "closed", "open"],
                 [[t.team, str(t.run.id), t.run.as_of.isoformat(), str(t.opened),
                   str(t.closed), str(t.open_now)] for t in spots]) + "\n")
    print(f"Action items overdue on {today.isoformat()}")
    if not late:
        print("  none")
        return
    print(_table(["team", "run", "item", "owner", "due", "late", "text"],
                 [[o.team, str(o.run.id), str(o.item.id), o.item.owner,
                   o.item.due.isoformat(), f"{o.days}d", o.item.text] for o in late]))


def _number(value: float | int | None, *, sign: bool = False) -> str:
    if value is None:
        return "n/a"
    return format(value, "+,g" if sign else ",g")


def _as_json(figures: list[Any], spots: list[Any], late: list[Any]) -> dict[str, Any]:
    return {
        "figures": [{"team": p.team, "run_id": p.run.id, "as_of": p.run.as_of.isoformat(),
                     "name": p.name, "value": p.value, "change": p.change}
                    for points in figures for p in points],
        "soft_spots": [{"team": t.team, "run_id": t.run.id, "as_of": t.run.as_of.isoformat(),
                        "opened": t.opened, "closed": t.closed, "open": t.open_now}
                       for t in spots],
        "overdue": [{"team": o.team, "run_id": o.run.id, "item_id": o.item.id,
                     "owner": o.item.owner, "due": o.item.due.isoformat(), "days_late": o.days,
                     "text": o.item.text} for o in late],
    }
