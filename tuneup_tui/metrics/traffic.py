"""Traffic Study panel: sessions and goal conversion by source / medium against averages.

Definitions (DESIGN.md): goal conversion = goal_completions / sessions; traffic share = a source
/ medium's sessions / all sessions; expected leads to sales = goal completions in the period x
(leads sent to sales / goal completions, pooled over the baseline). Counts are compared with
their mean per period over the baseline, rates with the pooled baseline rate. Sources and
mediums are compared lower-cased; a lead id listed twice in the leads is one lead.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.breakdown import by_key, key_text, records
from tuneup_tui.metrics.common import (
    baseline_phrase,
    change,
    folded,
    in_baseline,
    in_period,
    is_below,
    mean_per_period,
    num,
    optional_frame,
    pct,
    period_phrase,
    total,
    trend,
)
from tuneup_tui.metrics.coverage import shared_baseline, source_baseline
from tuneup_tui.metrics.result import (
    Finding,
    PanelResult,
    PanelSettings,
    Series,
    Table,
    ratio,
)
from tuneup_tui.metrics.shared import lead_counter
from tuneup_tui.metrics.significance import (
    count_evidence,
    rate_evidence,
    referral_fact,
    tested_finding,
)

NAME = "traffic"
TITLE = "Traffic and goal conversion"

TABLE_COLUMNS = ("source_medium", "sessions", "avg_sessions", "sessions_change", "share",
                 "avg_share", "goal_completions", "goal_conversion", "avg_goal_conversion")


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Sessions and goal conversion by source / medium, totals, expected leads to sales."""
    full = period.baseline(settings.baseline_periods)
    coverage: dict[str, tuple[int, int]] = {}
    # every count's mean is over the baseline periods its source has data for
    baseline = source_baseline(pack, "traffic", full, coverage)
    traffic = pack.frame("traffic").copy()
    # exports spell a source "Google" one day and "google" the next: one source / medium
    traffic["source"], traffic["medium"] = folded(traffic["source"]), folded(traffic["medium"])
    traffic["source_medium"] = key_text(traffic, "source", "medium")
    notes: list[str] = []
    leads = optional_frame(pack, "leads", notes)
    leads_baseline = Baseline(())
    sent = None
    if leads is not None:
        # a lead listed twice is one lead; counted by their sent dates, sorted once per pack
        sent = lead_counter(pack, "sent_to_sales_at")
        leads_baseline = source_baseline(pack, "leads", full, coverage, "sent_to_sales_at")

    now = in_period(traffic, "date", period)
    base = in_baseline(traffic, "date", baseline)
    figures, baseline_figures = _totals(now, base, sent, period, (baseline, leads_baseline),
                                        notes)
    rows = by_key(traffic, "source_medium", "date", ("sessions", "goal_completions"),
                  period, baseline)
    table_rows = _rows(rows, sessions_of(figures), total(base, "sessions"), baseline)

    return PanelResult(
        name=NAME, title=TITLE, period=period, baseline=full, baseline_coverage=coverage,
        figures=figures, baseline_figures=baseline_figures,
        tables={"by_source": Table("Sessions and goal conversion by source / medium",
                                   TABLE_COLUMNS, tuple(table_rows))},
        series=_series(traffic, table_rows, period, full),
        findings=tuple(_findings(table_rows, period, baseline, settings)),
        notes=tuple(notes),
    )


def _totals(now: pd.DataFrame, base: pd.DataFrame, sent: Callable[[date, date], int] | None,
            period: Period, baselines: tuple[Baseline, Baseline], notes: list[str]
            ) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """The panel's figures and their averages; `baselines` are the traffic's and the leads'
    covered baselines."""
    baseline, leads_baseline = baselines
    sessions, goals = total(now, "sessions"), total(now, "goal_completions")
    b_sessions, b_goals = total(base, "sessions"), total(base, "goal_completions")
    figures: dict[str, float | None] = {
        "sessions": sessions,
        "goal_completions": goals,
        "goal_conversion": ratio(goals, sessions),
        "sources": float((now.groupby("source_medium")["sessions"].sum() > 0).sum()),
        "leads_sent_to_sales": None,
        "leads_per_goal": None,
        "expected_leads_to_sales": None,
    }
    baseline_figures: dict[str, float | None] = {
        "sessions": mean_per_period(b_sessions, baseline),
        "goal_completions": mean_per_period(b_goals, baseline),
        "goal_conversion": ratio(b_goals, b_sessions),
        "sources": mean_per_period(_sources_per_period(base, baseline), baseline),
        "leads_sent_to_sales": None,
        "leads_per_goal": None,
        "expected_leads_to_sales": None,
    }
    if sent is None:
        notes.append("expected leads to sales needs the leads source")
        return figures, baseline_figures
    sent_now = float(sent(period.start, period.end))
    sent_base = float(sent(leads_baseline.start, leads_baseline.end) if len(leads_baseline)
                      else 0)
    # leads sent per goal completion: pooled over the periods both sources have data for
    both = shared_baseline(baseline, leads_baseline)
    per_goal = ratio(sent(both.start, both.end) if len(both) else 0,
                     total(in_baseline(base, "date", both), "goal_completions"))
    figures["leads_sent_to_sales"] = sent_now
    figures["leads_per_goal"] = ratio(sent_now, goals)
    figures["expected_leads_to_sales"] = None if per_goal is None else goals * per_goal
    baseline_figures["leads_sent_to_sales"] = mean_per_period(sent_base, leads_baseline)
    baseline_figures["leads_per_goal"] = per_goal
    # mean goal completions x the pooled ratio = the baseline's mean leads sent per period
    mean_goals = baseline_figures["goal_completions"]
    baseline_figures["expected_leads_to_sales"] = (
        None if per_goal is None or mean_goals is None else mean_goals * per_goal)
    return figures, baseline_figures


def sessions_of(figures: dict[str, float | None]) -> float:
    """The period's sessions (always a number in this panel)."""
    return figures["sessions"] or 0.0


def _sources_per_period(base: pd.DataFrame, baseline: Baseline) -> float:
    """Source / medium pairs with sessions, summed over the baseline's periods."""
    count = 0.0
    for p in baseline.periods:
        rows = in_period(base, "date", p)
        count += float((rows.groupby("source_medium")["sessions"].sum() > 0).sum())
    return count


def _rows(sums: pd.DataFrame, all_sessions: float, all_base: float, baseline: Baseline
          ) -> list[dict[str, Any]]:
    rows = []
    for r in records(sums):
        avg = mean_per_period(r["sessions_base"], baseline)
        rows.append({
            "source_medium": r["source_medium"],
            "sessions": r["sessions"],
            "avg_sessions": avg,
            "sessions_change": change(r["sessions"], avg),
            "share": ratio(r["sessions"], all_sessions),
            # the traffic makeup's average: pooled, its baseline sessions / all of them
            "avg_share": ratio(r["sessions_base"], all_base),
            "goal_completions": r["goal_completions"],
            "goal_conversion": ratio(r["goal_completions"], r["sessions"]),
            "avg_goal_conversion": ratio(r["goal_completions_base"], r["sessions_base"]),
        })
    rows.sort(key=lambda row: (-row["sessions"], -(row["avg_sessions"] or 0.0),
                               row["source_medium"]))
    return rows


def _findings(rows: list[dict[str, Any]], period: Period, baseline: Baseline,
              settings: PanelSettings) -> list[Finding]:
    below_share = float(settings.option("below_share", 0.25))
    drop_share = float(settings.option("drop_share", 0.4))
    min_sessions = float(settings.option("min_sessions", 200))
    min_goals = float(settings.option("min_expected_goals", 10))
    when, over = period_phrase(period), baseline_phrase(baseline)
    found: list[Finding] = []
    periods = len(baseline)
    for row in rows:
        name = row["source_medium"]
        conv, avg_conv = row["goal_conversion"], row["avg_goal_conversion"]
        # goals this source would have brought at its average rate: a handful is noise
        expected = row["sessions"] * (avg_conv or 0.0)
        base_sessions = (row["avg_sessions"] or 0.0) * periods
        if (row["sessions"] >= min_sessions and expected >= min_goals
                and is_below(conv, avg_conv, below_share)):
            evidence = rate_evidence(row["goal_completions"], row["sessions"],
                                     round((avg_conv or 0.0) * base_sessions), base_sessions)
            low = tested_finding(
                NAME, f"low_conversion:{name}",
                f"{name} converted {pct(conv)} of sessions {when} against "
                f"{pct(avg_conv)} on average {over}.", evidence,
                sessions=row["sessions"], goal_conversion=conv, avg_goal_conversion=avg_conv)
            if low is not None:
                found.append(low)
        avg = row["avg_sessions"]
        if avg is not None and avg >= min_sessions and is_below(row["sessions"], avg,
                                                                 drop_share):
            evidence = count_evidence(row["sessions"], base_sessions, periods)
            source, _, medium = name.partition(" / ")
            drop = tested_finding(
                NAME, f"sessions_drop:{name}",
                f"{name} brought {num(row['sessions'])} sessions {when} against "
                f"{num(avg)} on average {over}.", evidence,
                fact=referral_fact(source) if medium == "referral" else None,
                sessions=row["sessions"], avg_sessions=avg)
            if drop is not None:
                found.append(drop)
    return found


def _series(traffic: pd.DataFrame, rows: list[dict[str, Any]], period: Period,
            baseline: Baseline) -> dict[str, Series]:
    top = [r for r in rows if r["sessions"] > 0][:8]
    rest = sum(r["sessions"] for r in rows[len(top):] if r["sessions"] > 0)
    labels = [r["source_medium"] for r in top]
    values = [r["sessions"] for r in top]
    if rest > 0:
        labels.append("other")
        values.append(rest)
    all_sessions = sum(values)
    shares = tuple(ratio(v, all_sessions) for v in values)
    return {
        "sessions": trend("Sessions per period", traffic, "date", "sessions", period, baseline),
        "share": Series("Share of sessions by source / medium", tuple(labels), shares, "share"),
    }
