"""`--team`: one team's runs out of a shared store that holds several teams' series.

A team is the series its agenda names (`series = "emea-ops"`); every run of a series is that
team's. Without `--team` a command looks at every run, as on a store of one team.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from tuneup_tui.commands.errors import CliError

if TYPE_CHECKING:
    from tuneup_tui.store.db import RunStore
    from tuneup_tui.store.models import Run


def add_team(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--team", metavar="SERIES",
                        help="only this team's runs: the series of its agenda (in a shared "
                             "store several teams keep theirs)")


def team_of(args: argparse.Namespace) -> str | None:
    """The team asked for, None for every run; CliError for an empty name."""
    team: Any = getattr(args, "team", None)
    if team is None:
        return None
    if not str(team).strip():
        raise CliError("--team: expected a series name, got nothing; see `tuneup runs`")
    return str(team).strip()


def current_run(store: RunStore, team: str | None) -> Run | None:
    """The run in progress (of the team), or None."""
    return store.current_run() if team is None else store.unfinished_run(team)


def newest_run(store: RunStore, team: str | None) -> Run | None:
    """The run in progress (of the team), else the newest one, or None."""
    return current_run(store, team) or next(iter(store.runs(series=team)), None)


def no_run(team: str | None) -> str:
    """What to say when the team has no run."""
    if team is None:
        return "no run in progress; start one with `tuneup run`"
    return f"no run of team {team!r} in progress; see `tuneup runs` for the teams' series"
