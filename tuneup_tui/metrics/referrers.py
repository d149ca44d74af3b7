"""Referring Sites panel: the sites that send visitors (traffic rows with medium "referral").

Top referring sites by sessions in the period, their goal conversion, their change against their
mean sessions per period over the baseline, and the sites new this period (no referral sessions
in the baseline). Which of them can be influenced is the room's call: the panel gives the table.
"""

from __future__ import annotations

import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.breakdown import by_key, records
from tuneup_tui.metrics.common import (
    baseline_phrase,
    change,
    finding,
    folded,
    in_baseline,
    in_period,
    is_below,
    mean_per_period,
    num,
    period_phrase,
    total,
    trend,
)
from tuneup_tui.metrics.coverage import source_baseline
from tuneup_tui.metrics.result import (
    Finding,
    PanelResult,
    PanelSettings,
    Series,
    Table,
    ratio,
)
from tuneup_tui.metrics.significance import count_evidence, referral_fact, tested_finding
from tuneup_tui.metrics.social_aliases import network_of_source

NAME = "referrers"
TITLE = "Referring sites"

TABLE_COLUMNS = ("site", "sessions", "avg_sessions", "sessions_change", "share",
                 "traffic_share", "goal_completions", "goal_conversion", "avg_goal_conversion",
                 "new", "network")


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Top referring sites, their conversion and change, new referrers."""
    full = period.baseline(settings.baseline_periods)
    coverage: dict[str, tuple[int, int]] = {}
    # counts average over the baseline periods the traffic has data for
    baseline = source_baseline(pack, "traffic", full, coverage)
    traffic = pack.frame("traffic")
    # DESIGN: referring sites come from traffic rows with medium "referral" (any case)
    referral = traffic[(folded(traffic["medium"]) == "referral").fillna(False)]
    referral = referral.assign(site=folded(referral["source"]))
    # a referral row without a source counts in the totals but names no site
    now, base = in_period(referral, "date", period), in_baseline(referral, "date", baseline)
    all_now = total(in_period(traffic, "date", period), "sessions")
    all_base = total(in_baseline(traffic, "date", baseline), "sessions")

    sums = by_key(referral, "site", "date", ("sessions", "goal_completions"), period, baseline)
    referral_sessions = total(now, "sessions")
    rows = [_row(r, referral_sessions, all_now, baseline) for r in records(sums)]
    rows.sort(key=lambda r: (-r["sessions"], -(r["avg_sessions"] or 0.0), r["site"]))
    top = int(settings.option("top", 25))

    sites_now = float((now.groupby("site")["sessions"].sum() > 0).sum())
    sites_base = sum(float((in_period(base, "date", p).groupby("site")["sessions"].sum() > 0)
                           .sum()) for p in baseline.periods)
    b_sessions, b_goals = total(base, "sessions"), total(base, "goal_completions")
    figures = {
        "referral_sessions": referral_sessions,
        "referral_goal_completions": total(now, "goal_completions"),
        "referral_goal_conversion": ratio(total(now, "goal_completions"), referral_sessions),
        "referral_share": ratio(referral_sessions, all_now),
        "referring_sites": sites_now,
        "new_referrers": float(sum(1 for r in rows if r["new"])),
    }
    baseline_figures = {
        "referral_sessions": mean_per_period(b_sessions, baseline),
        "referral_goal_completions": mean_per_period(b_goals, baseline),
        "referral_goal_conversion": ratio(b_goals, b_sessions),
        "referral_share": ratio(b_sessions, all_base),
        "referring_sites": mean_per_period(sites_base, baseline),
        "new_referrers": None,
    }
    return PanelResult(
        name=NAME, title=TITLE, period=period, baseline=full, baseline_coverage=coverage,
        figures=figures, baseline_figures=baseline_figures,
        tables={"referrers": Table("Top referring sites", TABLE_COLUMNS, tuple(rows[:top]))},
        series=_series(referral, rows, period, full),
        findings=tuple(_findings(rows, period, baseline, settings)),
        notes=(f"{len(rows) - top} smaller referrers not listed",) if len(rows) > top else (),
    )


def _row(r: dict, referral_sessions: float, all_sessions: float, baseline: Baseline) -> dict:
    sessions, base = r["sessions"], r["sessions_base"]
    goals, avg = r["goal_completions"], mean_per_period(base, baseline)
    site = str(r["site"])
    return {"site": site, "sessions": sessions, "avg_sessions": avg,
            "sessions_change": change(sessions, avg), "share": ratio(sessions, referral_sessions),
            "traffic_share": ratio(sessions, all_sessions),
            "goal_completions": goals, "goal_conversion": ratio(goals, sessions),
            "avg_goal_conversion": ratio(r["goal_completions_base"], base),
            "new": bool(sessions > 0 and base == 0), "network": network_of_source(site)}


def _findings(rows: list[dict], period: Period, baseline: Baseline,
              settings: PanelSettings) -> list[Finding]:
    drop_share = float(settings.option("drop_share", 0.4))
    min_sessions = float(settings.option("min_sessions", 100))
    when, over = period_phrase(period), baseline_phrase(baseline)
    found: list[Finding] = []
    for r in rows:
        avg = r["avg_sessions"]
        if avg is not None and avg >= min_sessions and is_below(r["sessions"], avg, drop_share):
            evidence = count_evidence(r["sessions"], avg * len(baseline), len(baseline))
            drop = tested_finding(
                NAME, f"referrer_drop:{r['site']}",
                f"{r['site']} referred {num(r['sessions'])} sessions {when} against "
                f"{num(avg)} on average {over}.", evidence,
                fact=referral_fact(r["site"]), sessions=r["sessions"], avg_sessions=avg)
            if drop is not None:
                found.append(drop)
        elif r["new"] and r["sessions"] >= min_sessions:
            found.append(finding(
                NAME, f"new_referrer:{r['site']}", "low",
                f"{r['site']} is a new referrer: {num(r['sessions'])} sessions {when} and "
                f"none {over} before.",
                sessions=r["sessions"]))
    return found


def _series(referral: pd.DataFrame, rows: list[dict], period: Period, baseline: Baseline
            ) -> dict[str, Series]:
    top = [r for r in rows if r["sessions"] > 0][:8]
    return {
        "sessions": trend("Referral sessions per period", referral, "date", "sessions", period,
                          baseline),
        "share": Series("Share of referral sessions by site", tuple(r["site"] for r in top),
                        tuple(r["share"] for r in top), "share"),
    }
