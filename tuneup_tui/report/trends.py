"""Run over run, team by team (`tuneup history`): a figure's values, the soft spots each run
opened and closed, and the action items past their due date.

A team is a series (its agenda's `series`); its runs are taken in the order they started. A soft
spot is the same one from run to run when it comes from the same finding (`finding_key`), else
when its text is the same (whatever the case): a run *opens* the soft spots its previous run did
not have, and *closes* those its previous run had and it has not. An item is overdue when it is
still open, its due date is before today, and no later run carried it over (a carried item is
followed in its copy).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

from tuneup_tui.store.day_record import ActionItem, SoftSpot
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.models import Run


@dataclass(frozen=True)
class FigurePoint:
    team: str
    run: Run
    name: str
    value: float | int | None
    change: float | None
    """The value less the team's previous run's value; None when either is n/a."""


@dataclass(frozen=True)
class SpotTurn:
    team: str
    run: Run
    opened: int
    closed: int
    open_now: int
    """Soft spots this run has (opened now or still there)."""


@dataclass(frozen=True)
class OverdueItem:
    team: str
    run: Run
    item: ActionItem
    days: int


def teams(store: RunStore, team: str | None = None) -> dict[str, list[Run]]:
    """Each team's runs, oldest first; teams by name."""
    by_team: dict[str, list[Run]] = {}
    for run in sorted(store.runs(series=team), key=lambda r: (r.started_at, r.id)):
        by_team.setdefault(run.series, []).append(run)
    return dict(sorted(by_team.items()))


def figure_names(store: RunStore, runs: dict[str, list[Run]]) -> list[str]:
    """The names of the figures recorded in these runs, in the order first recorded."""
    names: dict[str, None] = {}
    for run in _all(runs):
        for figure in store.figures(run.id):
            names.setdefault(figure.name, None)
    return list(names)


def figure_points(store: RunStore, runs: dict[str, list[Run]], name: str) -> list[FigurePoint]:
    """`name` run over run: a recorded figure, or a panel's headline figure as `panel.figure`
    (`funnel.sessions`). Runs without it are left out."""
    points = []
    for team, team_runs in runs.items():
        previous: float | int | None = None
        for run in team_runs:
            found, value = _value(store, run, name)
            if not found:
                continue
            change = None if value is None or previous is None else value - previous
            points.append(FigurePoint(team, run, name, value, change))
            previous = value
    return points


def spot_turns(store: RunStore, runs: dict[str, list[Run]]) -> list[SpotTurn]:
    turns = []
    for team, team_runs in runs.items():
        before: set[str] = set()
        for run in team_runs:
            now = {_spot_key(spot) for spot in store.soft_spots(run.id)}
            turns.append(SpotTurn(team, run, len(now - before), len(before - now), len(now)))
            before = now
    return turns


def overdue_items(store: RunStore, runs: dict[str, list[Run]], today: date) -> list[OverdueItem]:
    items = {run.id: store.actions(run.id) for run in _all(runs)}
    carried = {i.carried_from for found in items.values() for i in found if i.carried_from}
    late = []
    for team, team_runs in runs.items():
        for run in team_runs:
            for item in items[run.id]:
                if (item.status == "open" and item.due is not None and item.due < today
                        and item.id not in carried):
                    late.append(OverdueItem(team, run, item, (today - item.due).days))
    return late


def _value(store: RunStore, run: Run, name: str) -> tuple[bool, float | int | None]:
    if "." in name:
        panel, _, figure = name.partition(".")
        figures = store.panel_figures(run.id).get(panel, {})
        if figure in figures:
            return True, figures[figure]
    for recorded in store.figures(run.id):
        if recorded.name == name:
            return True, recorded.value
    return False, None


def _spot_key(spot: SoftSpot) -> str:
    return spot.finding_key or " ".join(spot.text.casefold().split())


def _all(runs: dict[str, list[Run]]) -> Iterator[Run]:
    for team_runs in runs.values():
        yield from team_runs
