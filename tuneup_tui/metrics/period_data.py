"""Whether the exports reach the review period at all.

A source whose rows all fall before the period (last week's data not exported yet, or a run
whose as-of date is past the pack) has nothing to say about the period: counted, its week
reads 0 and every change -100%, and a finding calls a site that sent 5,000 sessions a week
"0 last week". That is a misleading number, worse than a missing one. So after a panel is
computed (`registry.run_panel`):

- when every source its period's figures count (`PERIOD_SOURCES`) ends before the period, the
  panel shows no figures, only one line saying so (as a panel whose export is broken does),
  naming the sources and their last day;
- when only some do, the panel keeps its figures and says first which sources end before the
  period: their figures for it are not known.

A source is judged by the latest day in any of its date columns (sources.py); sources without
a dating column (the CRM, tactics, territories, targets) and sources without a dated row are
never "before the period".
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period
from tuneup_tui.data.sources import SOURCES
from tuneup_tui.metrics.result import PanelResult


def last_day(pack: DataPack, source: str) -> date | None:
    """The latest day any of the source's rows is dated by, in any of its date columns (a
    lead created in October and sent to sales last week is last week's data); None for a
    source without a dating column, unreadable, or without a date."""
    schema = SOURCES[source]
    if schema.date_column is None or not pack.has(source):
        return None

    def build() -> date | None:
        try:
            frame = pack.frame(source)
        except DataError:
            return None
        days = [frame[c.name].max() for c in schema.loaded
                if c.kind in ("date", "datetime") and c.name in frame.columns]
        known = [d for d in days if d is not None and d == d]  # NaT: none
        return max(known).date() if known else None

    return pack.derived(("last day", source), build)


def ended_before(pack: DataPack, sources: set[str] | frozenset[str], period: Period
                 ) -> dict[str, date]:
    """The `sources` whose last dated row falls before the period's first day, with that
    day."""
    out: dict[str, date] = {}
    for source in sorted(sources, key=list(SOURCES).index):
        day = last_day(pack, source)
        if day is not None and day < period.start:
            out[source] = day
    return out


PERIOD_SOURCES: dict[str, tuple[str, ...]] = {
    "scorecard": ("traffic", "leads", "paid"),
    "funnel": ("traffic", "leads", "opportunities"),
    "traffic": ("traffic", "leads"),
    "social": ("social", "traffic"),
    "paid": ("paid", "leads", "opportunities"),
    "referrers": ("traffic",),
    "site_health": ("pages_404", "keywords", "seo"),
    "lead_scoring": ("leads",),
    "nurturing": ("database", "emails", "traffic", "leads"),
    "handoff": ("leads",),
    "follow_up": ("leads", "activities"),
    "service_level": ("leads", "activities"),
}
"""Per panel, the sources its period's figures count (the scorecard: the sessions, leads and
spend it answers first). The other panels look ahead (the calendar, budget pacing) or over
the whole history (lifecycle, return on investment, tactic economics): an export that ends
before the period leaves their figures as they are."""


def judged_by_reach(result: PanelResult, pack: DataPack) -> PanelResult:
    """`result`, without its figures when every source its period's figures count ends
    before the period, or with a first note naming those that do (see the module's text)."""
    counted = {s for s in PERIOD_SOURCES.get(result.name, ()) if pack.has(s)}
    if result.error is not None or not counted:
        return result
    period = result.period
    ended = ended_before(pack, counted, period)
    if not ended:
        return result
    dated = {s for s in counted if last_day(pack, s) is not None}
    where = f"{period.label} ({period.start:%d %b}–{period.end:%d %b})"
    sources = _listed(ended)
    if dated <= set(ended):
        return PanelResult.failed(
            result.name, result.title, period, result.baseline,
            f"no data for {where}: {sources}; export the period's data, or review the last "
            f"{period.kind} the pack holds (--as-of "
            f"{max(ended.values()) + timedelta(days=1):%Y-%m-%d})")
    note = (f"{sources}: nothing from {'it' if len(ended) == 1 else 'them'} for {where}, "
            "so the figures that read "
            f"{'it' if len(ended) == 1 else 'them'} are not known (they show as 0)")
    return replace(result, notes=(note, *result.notes))


def _listed(ended: dict[str, date]) -> str:
    """"traffic ends 22 Nov 2026" or "traffic and leads end 22 Nov 2026"."""
    by_day: dict[date, list[str]] = {}
    for source, day in ended.items():
        by_day.setdefault(day, []).append(source)
    parts = []
    for day, names in sorted(by_day.items()):
        joined = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
        parts.append(f"{joined} {'ends' if len(names) == 1 else 'end'} {day:%d %b %Y}")
    return "; ".join(parts)
