"""The team's plan: targets read from the `targets` source, and a target over any span of days.

A row of targets.csv names a period ("2026-W49" or "2026-11"), a figure id from the catalogue
("funnel.leads": the panel, a dot, the figure's key), optionally a tactic or programme, and the
target. A row that names an unknown figure, a period that is neither a week nor a month, no
target, or a second target for the same period, figure and tactic is set aside in one line
naming its file and row; the other rows stand.

A target over a span (the review week, the quarter to date) is worked out day by day: each day
takes the target of the week that holds it, or else of the month. A count or an amount (leads,
spend) is shared out evenly over its period's days, so a month's target of 310 leads gives a
day 10 and the week of 28 December to 3 January 4 x 10 (December's 31 days) plus 3 x the
January share; a level (database size) or a rate, ratio or cost per something is not divided:
the span takes the mean of its days' targets. A span with a day no target covers has none.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period, parse_period
from tuneup_tui.metrics.catalogue import FigureInfo, figure_info

LEVELS = frozenset({
    "nurturing.database_size", "social.followers", "lifecycle.past_lifetime",
    "follow_up.reps", "follow_up.capacity_per_rep", "follow_up.calling_capacity",
    "romi.tactics", "site_health.keywords_tracked", "site_health.average_position",
    "handoff.duplicates_total", "lifecycle.leads", "lifecycle.with_opportunity",
})
"""Counts that are a level at a moment, not a flow over days: a month's target for them is the
week's target too."""


@dataclass(frozen=True, slots=True)
class Target:
    """One row of the plan."""

    period: Period
    figure: str
    """The figure id, "panel.key"."""
    value: float
    tactic: str | None = None
    place: str = ""
    """Where the row stands: "targets.csv row 5"."""


@dataclass(frozen=True)
class TargetPlan:
    """The plan's usable rows, and one line per row set aside."""

    targets: tuple[Target, ...] = ()
    set_aside: tuple[str, ...] = ()
    missing: str | None = None
    """Why there is no plan at all (no targets source, or a broken one); None when there is."""

    def over(self, figure: str, start: date, end: date, tactic: str | None = None
             ) -> float | None:
        """The target of `figure` (for `tactic`, else the whole) from `start` to `end`, days
        included; None unless a target covers every one of those days."""
        wanted = _fold(tactic)
        rows = [t for t in self.targets if t.figure == figure and _fold(t.tactic) == wanted]
        if not rows or end < start:
            return None
        shared = _shared_out(figure)
        per_day: list[float] = []
        day = start
        while day <= end:
            covering = [t for t in rows if t.period.contains(day)]
            if not covering:
                return None
            # a week's target says more about its days than the month's
            best = min(covering, key=lambda t: (t.period.kind != "week", t.period.start))
            per_day.append(best.value / best.period.days if shared else best.value)
            day += timedelta(days=1)
        total = sum(per_day) if shared else sum(per_day) / len(per_day)
        return round(total, 9)  # 7 x 60/7 is 60, not 59.999...

    def tactics(self, figure: str) -> tuple[str, ...]:
        """The tactics the plan has targets for under `figure`, in the plan's order."""
        seen: dict[str, str] = {}
        for t in self.targets:
            if t.figure == figure and t.tactic is not None:
                seen.setdefault(_fold(t.tactic) or "", t.tactic)
        return tuple(seen.values())


def read_targets(pack: DataPack) -> TargetPlan:
    """The pack's plan; an empty plan saying why when the pack has no usable targets."""
    if not pack.has("targets"):
        return TargetPlan(missing="no targets: add targets.csv (see docs/data-pack.md)")
    try:
        frame = pack.frame("targets")
    except DataError as err:
        return TargetPlan(missing=str(err))
    aside = list(pack.set_aside("targets"))
    places = pack.row_places("targets")
    if len(places) != len(frame):
        places = tuple(f"targets row {i + 1}" for i in range(len(frame)))
    targets: list[Target] = []
    seen: dict[tuple[str, str, str], str] = {}
    for period_text, figure, tactic, value, place in zip(
            frame["period"], frame["figure"], frame["tactic"], frame["target"],
            places, strict=True):
        row = _row(period_text, figure, tactic, value, str(place))
        if isinstance(row, str):
            aside.append(f"{place}: set aside, {row}")
            continue
        key = (row.period.label, row.figure, _fold(row.tactic) or "")
        if key in seen:
            aside.append(f"{place}: set aside, a second target for {row.figure} in "
                         f"{row.period.label}{_for(row.tactic)}; {seen[key]} stands")
            continue
        seen[key] = row.place
        targets.append(row)
    return TargetPlan(tuple(targets), tuple(aside))


def known_figure(figure_id: str) -> FigureInfo | None:
    """The catalogue's entry for a figure id "panel.key", or None."""
    panel, dot, key = figure_id.partition(".")
    return figure_info(panel, key) if dot else None


def figure_ids() -> tuple[str, ...]:
    """Every figure id the catalogue lists, "panel.key"."""
    from tuneup_tui.metrics.catalogue_entries import PANEL_FIGURES

    return tuple(f"{panel}.{key}" for panel, figures in PANEL_FIGURES.items()
                 for key in figures)


def _row(period_text: object, figure: object, tactic: object, value: object, place: str
         ) -> Target | str:
    """The row as a Target, or why it can't be one."""
    text = _text(period_text)
    try:
        period = parse_period(text or "")
    except ValueError:
        return f"expected a period like \"2026-W49\" or \"2026-11\", found {text!r}"
    # typed by hand: "Funnel.Leads " is funnel.leads
    figure_id = (_text(figure) or "").casefold()
    if known_figure(figure_id) is None:
        return f"unknown figure {figure_id!r}{_closest(figure_id, figure_ids())}"
    number = value if isinstance(value, float | int) else None
    if number is None or number != number:  # NaN: an empty cell
        return f"expected a target value for {figure_id}, found nothing"
    return Target(period, figure_id, float(number), _text(tactic), place)


def _shared_out(figure_id: str) -> bool:
    """Whether a period's target of this figure is shared out over its days (a flow)."""
    info = known_figure(figure_id)
    return (info is not None and info.unit in ("count", "money") and info.denominator is None
            and figure_id not in LEVELS)


def _closest(name: str, known: Iterable[str]) -> str:
    near = difflib.get_close_matches(name, list(known), n=1, cutoff=0.6)
    return f"; closest: {near[0]!r}" if near else "; figure ids are listed in docs/metrics.md"


def _text(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    return value.strip() or None


def _fold(tactic: str | None) -> str | None:
    return tactic.strip().casefold() if tactic else None


def _for(tactic: str | None) -> str:
    return f" for {tactic}" if tactic else ""
