"""Calendar panel: the marketing calendar for the weeks after the review period.

The window is ISO weeks, each labelled as one ("2026-W50"): after a weekly review, the `weeks`
(4) weeks that follow it; after a monthly review, the weeks of the coming month (every ISO
week with a day in it: December 2026 is W49, Monday 30 November, to W53). An entry
counts in every week its start..end overlaps (a missing end: its start day). Its budget is the
entry's total, spread evenly over its days (an entry of two weeks puts half in each week). Its
expected_sessions and expected_leads are what it brings in each week it runs (`expected_per =
"week"`, the default), or its total, spread over its days like the budget (`"entry"`). Each week
is set against the morning's traffic study: the mean weekly sessions and leads over the baseline
(per day x 7). Budget against spend: the budget in the window of the entries named like a paid
program (all entries when none is) against the paid spend per week over the baseline x weeks.
Each of those weekly means is over the baseline periods its source has data for
(`tuneup_tui.metrics.coverage`): a young export does not make the coming weeks' spend look low.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pandas as pd

from tuneup_tui.data.currency import in_one_currency
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.calendar_entries import ENTRY_COLUMNS, entry_rows, kind_of
from tuneup_tui.metrics.common import (
    finding,
    folded,
    in_baseline,
    money,
    optional_frame,
    pct,
    total,
)
from tuneup_tui.metrics.coverage import source_baseline
from tuneup_tui.metrics.result import Finding, PanelResult, PanelSettings, Series, Table, ratio
from tuneup_tui.metrics.shared import leads_once

NAME = "calendar"
TITLE = "Marketing calendar"

WEEK_COLUMNS = ("week", "start", "end", "campaigns", "launches", "events", "entries",
                "expected_sessions", "avg_sessions", "expected_leads", "avg_leads", "budget")
KINDS = ("campaigns", "launches", "events")


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """The coming weeks' plan against the baseline's traffic, leads and paid spend."""
    baseline = period.baseline(settings.baseline_periods)
    coming = coming_weeks(period, int(settings.option("weeks", 4)))
    n_weeks = len(coming)
    calendar = pack.frame("calendar")
    calendar = calendar[calendar["start"].notna()].copy()
    # entries run whole days: an entry starting 09:00 on a window's last day is in it
    calendar["start"] = calendar["start"].dt.normalize()
    calendar["end"] = calendar["end"].dt.normalize().fillna(calendar["start"])
    # an end before the start is a one-day entry on its start, not a negative length
    calendar["end"] = calendar["end"].where(calendar["end"] >= calendar["start"],
                                            calendar["start"])
    notes: list[str] = []
    traffic = optional_frame(pack, "traffic", notes)
    leads = optional_frame(pack, "leads", notes)
    if leads is not None:
        leads = leads_once(pack)  # a lead listed twice is one lead
    paid = optional_frame(pack, "paid", notes)
    if paid is not None:
        # euros and pounds are never added: without a stated rate the spend is left out
        money = in_one_currency(paid, ("spend",), "paid", pack.currencies())
        paid = None if money.error else money.frame
        notes.extend(n for n in (money.error, money.note) if n)
    coverage: dict[str, tuple[int, int]] = {}

    def own(source: str, frame: pd.DataFrame | None) -> Baseline:
        return Baseline(()) if frame is None else source_baseline(pack, source, baseline,
                                                                  coverage)

    per_week = {
        "sessions": _weekly(traffic, "date", "sessions", own("traffic", traffic)),
        "leads": _weekly(leads, "created_at", None, own("leads", leads)),
        "spend": _weekly(paid, "date", "spend", own("paid", paid)),
    }
    spread = str(settings.option("expected_per", "week")) == "entry"
    rows = [_week_row(calendar, week, per_week, spread) for week in coming]
    window_start, window_end = coming[0].start, coming[-1].end
    in_window = _overlapping(calendar, window_start, window_end)

    figures: dict[str, float | None] = {
        "planned_entries": float(len(in_window)),
        **_kind_counts(in_window, 1.0),
        "empty_weeks": float(sum(1 for r in rows if r["entries"] == "")),
        "expected_sessions": _sum_known(r["expected_sessions"] for r in rows),
        "expected_leads": _sum_known(r["expected_leads"] for r in rows),
        "budget": _sum_known(r["budget"] for r in rows),
        "paid_budget": None,
        "expected_spend": _times(per_week["spend"], n_weeks),
    }
    paid_entries = _paid_entries(in_window, paid)
    if paid_entries is not None:
        figures["paid_budget"] = _spread(paid_entries, window_start, window_end, "budget")
    elif paid is not None:
        notes.append("no calendar entry is named like a paid program: budget against spend "
                     "takes the whole calendar budget")
    compared = figures["paid_budget"] if paid_entries is not None else figures["budget"]
    figures["budget_to_spend"] = ratio(compared, figures["expected_spend"])
    baseline_figures = _baseline_figures(calendar, paid, baseline, per_week, n_weeks)
    return PanelResult(
        name=NAME, title=TITLE, period=period, baseline=baseline,
        figures=figures, baseline_figures=baseline_figures,
        tables={"weeks": Table("The coming weeks", WEEK_COLUMNS, tuple(rows)),
                "entries": Table("Planned entries", ENTRY_COLUMNS,
                                 tuple(entry_rows(in_window)))},
        series={"expected_sessions": Series(
            "Expected sessions per coming week", tuple(r["week"] for r in rows),
            tuple(r["expected_sessions"] for r in rows), "trend")},
        findings=tuple(_findings(rows, figures, settings)),
        notes=(*notes, f"the window is {window_start.isoformat()} to {window_end.isoformat()}"),
        baseline_coverage=coverage,
    )


def coming_weeks(period: Period, weeks: int) -> list[Period]:
    """The ISO weeks the calendar looks at after `period`: the `weeks` that follow a week;
    every ISO week with a day in the month that follows a month."""
    if period.kind == "week":
        out = [period.next()]
        while len(out) < weeks:
            out.append(out[-1].next())
        return out
    month = period.next()
    monday = month.start - timedelta(days=month.start.weekday())
    out = [Period(monday, monday + timedelta(days=6), "week")]
    while out[-1].end < month.end:
        out.append(out[-1].next())
    return out


def _weekly(df: pd.DataFrame | None, column: str, value: str | None, baseline: Baseline
            ) -> float | None:
    """A count's mean per 7 days over `baseline`, the periods its source has data for (rows
    when `value` is None); None with no such period."""
    if df is None or len(baseline) == 0:
        return None
    rows = in_baseline(df, column, baseline)
    amount = float(len(rows)) if value is None else total(rows, value)
    # the covered periods may skip one without data: their own days, not the span's
    days = sum(p.days for p in baseline.periods)
    return amount / days * 7


def _overlapping(calendar: pd.DataFrame, start: date, end: date) -> pd.DataFrame:
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    return calendar[((calendar["start"] <= hi) & (calendar["end"] >= lo)).fillna(False)]


def _week_row(calendar: pd.DataFrame, week: Period,
              per_week: dict[str, float | None], spread: bool) -> dict[str, Any]:
    start, end = week.start, week.end
    entries = _overlapping(calendar, start, end)
    kinds = entries["kind"].map(kind_of)
    row: dict[str, Any] = {
        "week": week.label,
        "start": start, "end": end,
        "campaigns": int((kinds == "campaigns").sum()),
        "launches": int((kinds == "launches").sum()),
        "events": int((kinds == "events").sum()),
        "entries": "; ".join(str(n) for n in entries["name"].dropna()),
        "avg_sessions": per_week["sessions"], "avg_leads": per_week["leads"],
    }
    for col in ("expected_sessions", "expected_leads"):
        if spread:
            row[col] = _spread(entries, start, end, col)
        else:
            row[col] = float(entries[col].sum()) if entries[col].notna().any() else None
    row["budget"] = _spread(entries, start, end, "budget")
    return row


def _spread(entries: pd.DataFrame, start: date, end: date, column: str) -> float | None:
    """The part of each entry's `column` that falls from `start` to `end`, by days, summed."""
    if not entries[column].notna().any():
        return None
    lo, hi = pd.Timestamp(start), pd.Timestamp(end)
    first = entries["start"].where(entries["start"] > lo, lo)
    last = entries["end"].where(entries["end"] < hi, hi)
    length = (entries["end"] - entries["start"]).dt.days + 1
    share = ((last - first).dt.days + 1) / length
    return float((entries[column] * share).sum())


def _kind_counts(entries: pd.DataFrame, scale: float) -> dict[str, float]:
    kinds = entries["kind"].map(kind_of)
    return {k: float((kinds == k).sum()) * scale for k in KINDS}


def _paid_entries(entries: pd.DataFrame, paid: pd.DataFrame | None) -> pd.DataFrame | None:
    """The entries named like a paid program (ignoring case), or None when there are none."""
    if paid is None:
        return None
    programs = set(folded(paid["program"]).dropna())  # folded once per distinct program
    named = entries["name"].map(lambda v: isinstance(v, str) and v.strip().casefold() in programs)
    matched = entries[named.astype(bool)]
    return matched if len(matched) else None


def _sum_known(values: Any) -> float | None:
    known = [v for v in values if v is not None]
    return float(sum(known)) if known else None


def _times(value: float | None, n: int) -> float | None:
    return None if value is None else value * n


def _baseline_figures(calendar: pd.DataFrame, paid: pd.DataFrame | None, baseline: Baseline,
                      per_week: dict[str, float | None], n_weeks: int
                      ) -> dict[str, float | None]:
    """The same window length in the baseline: entries per `n_weeks`, traffic, leads, spend."""
    figures: dict[str, float | None] = dict.fromkeys(
        ("planned_entries", *KINDS, "empty_weeks", "expected_sessions", "expected_leads",
         "budget", "paid_budget", "expected_spend", "budget_to_spend"))
    if len(baseline) == 0:
        return figures
    scale = n_weeks * 7 / ((baseline.end - baseline.start).days + 1)
    past = _overlapping(calendar, baseline.start, baseline.end)
    figures["planned_entries"] = len(past) * scale
    figures.update(_kind_counts(past, scale))
    figures["expected_sessions"] = _times(per_week["sessions"], n_weeks)
    figures["expected_leads"] = _times(per_week["leads"], n_weeks)
    figures["expected_spend"] = _times(per_week["spend"], n_weeks)
    budget = _spread(past, baseline.start, baseline.end, "budget")
    figures["budget"] = None if budget is None else budget * scale
    paid_entries = _paid_entries(past, paid)
    paid_budget = None if paid_entries is None else _spread(paid_entries, baseline.start,
                                                            baseline.end, "budget")
    figures["paid_budget"] = None if paid_budget is None else paid_budget * scale
    compared = figures["paid_budget"] if paid_entries is not None else figures["budget"]
    figures["budget_to_spend"] = ratio(compared, figures["expected_spend"])
    return figures


def _findings(rows: list[dict[str, Any]], figures: dict[str, float | None],
              settings: PanelSettings) -> list[Finding]:
    budget_share = float(settings.option("budget_share", 0.25))
    found: list[Finding] = []
    for r in rows:
        if r["entries"] == "":
            found.append(finding(
                NAME, f"empty_week:{r['week']}", "medium",
                f"Nothing is planned for the week of {r['start'].isoformat()} ({r['week']}).",
                entries=0))
    budget = figures["paid_budget"] if figures["paid_budget"] is not None else figures["budget"]
    spend, ratio_ = figures["expected_spend"], figures["budget_to_spend"]
    if budget is not None and ratio_ is not None and abs(ratio_ - 1) > budget_share:
        word = "above" if ratio_ > 1 else "below"
        found.append(finding(
            NAME, "budget_vs_spend", "low",
            f"The calendar budgets {money(budget)} for the coming {len(rows)} weeks, "
            f"{pct(abs(ratio_ - 1), 0)} {word} the {money(spend)} paid spend runs at.",
            budget=budget, expected_spend=spend, budget_to_spend=ratio_))
    return found
