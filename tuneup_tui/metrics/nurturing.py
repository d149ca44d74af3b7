"""Nurturing panel: database size, turnover and list attrition, email CTR checked against traffic.

Options (`[panels.nurturing]`): `max_turnover` (sends per contact over 4 weeks at which turnover
is too high, default 8: two emails a week to every contact), `attrition_above` (attrition at or
above the baseline's by this fraction is a finding, default 0.5), `ctr_multiple` (a campaign's
CTR at or above this multiple of the average CTR is "well above", default 2), `ratio_drop` (a
click-to-session ratio at or below (1 - this) of its baseline is "well below", default 0.25),
`email_mediums` (the traffic mediums that count as sessions from email, default ["email"]).
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics._sales import far_below, first_spelling, folded_in, names_option
from tuneup_tui.metrics.common import (
    finding,
    in_baseline,
    in_period,
    mean_per_period,
    num,
    optional_frame,
    pct,
    period_phrase,
    ratio,
    trend,
    within,
)
from tuneup_tui.metrics.coverage import covered_spans, shared_baseline, source_baseline
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.nurturing_growth import growth_check, growth_figures, mean_figures
from tuneup_tui.metrics.result import Finding, Number, PanelResult, PanelSettings, Table
from tuneup_tui.metrics.shared import lead_counter
from tuneup_tui.metrics.significance import rate_evidence, tested_finding

NAME = "nurturing"
WINDOW_DAYS = 28
"""The turnover window: the 4 weeks ending with the period's last day."""
COUNTS = ("sent", "delivered", "opens", "clicks", "unsubscribes", "bounces")


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Database size, 4-week turnover and attrition, email CTR, click-to-session ratio."""
    baseline = period.baseline(settings.baseline_periods)
    notes: list[str] = []
    database = pack.frame("database")
    emails = pack.frame("emails")
    traffic = optional_frame(pack, "traffic", notes)
    if traffic is not None:
        mediums = names_option(settings, "email_mediums", ["email"])
        email_traffic = traffic[folded_in(traffic["medium"], mediums)]
    else:
        email_traffic = None
        notes.append("click-to-session ratio needs the traffic source; shown as n/a")

    # each count averages over the baseline periods its source has data for; the
    # click-to-session ratio pools the periods both the emails and the traffic have
    coverage: dict[str, tuple[int, int]] = {}
    email_baseline = source_baseline(pack, "emails", baseline, coverage)
    visit_baseline = (source_baseline(pack, "traffic", baseline, coverage)
                      if traffic is not None else Baseline(()))
    both = shared_baseline(email_baseline, visit_baseline)
    now = _window(database, emails, period)
    cur = in_period(emails, "date", period)
    base = in_baseline(emails, "date", email_baseline)
    clicks, base_clicks = float(cur["clicks"].sum()), float(base["clicks"].sum())
    sessions = _sessions(email_traffic, period.start, period.end)
    base_sessions = (_sessions(email_traffic, visit_baseline.start, visit_baseline.end)
                     if len(visit_baseline) else None)
    # a 4-week window's figures are whole when the emails cover that window
    spans = [(p.end - timedelta(days=WINDOW_DAYS - 1), p.end) for p in baseline.periods]
    windows = [_window(database, emails, p) for p, kept in
               zip(baseline.periods, covered_spans(emails, "date", spans), strict=True) if kept]

    figures: dict[str, Number] = {
        "database_size": now["database_size"],
        "emails_sent_4w": now["sent"],
        "turnover_rate": ratio(now["sent"], now["database_size"]),
        "unsubscribes_4w": now["unsubscribes"],
        "bounces_4w": now["bounces"],
        "list_attrition": ratio(now["lost"], now["database_size"]),
        **{f"emails_{c}": float(cur[c].sum()) for c in COUNTS},
        "email_ctr": ratio(clicks, cur["delivered"].sum()),
        "email_sessions": sessions,
        "click_to_session": ratio(sessions, clicks),
    }
    sized = [w for w in windows if w["database_size"] is not None]
    baseline_figures: dict[str, Number] = {
        "database_size": (sum(w["database_size"] for w in sized) / len(sized)
                          if sized else None),
        "emails_sent_4w": _mean(sum(w["sent"] for w in windows), windows),
        "turnover_rate": ratio(sum(w["sent"] for w in sized),
                               sum(w["database_size"] or 0 for w in sized)),
        "unsubscribes_4w": _mean(sum(w["unsubscribes"] for w in windows), windows),
        "bounces_4w": _mean(sum(w["bounces"] for w in windows), windows),
        "list_attrition": ratio(sum(w["lost"] for w in sized),
                                sum(w["database_size"] or 0 for w in sized)),
        **{f"emails_{c}": mean_per_period(float(base[c].sum()), email_baseline)
           for c in COUNTS},
        "email_ctr": ratio(base_clicks, base["delivered"].sum()),
        "email_sessions": mean_per_period(base_sessions, visit_baseline),
        "click_to_session": (ratio(_sessions(email_traffic, both.start, both.end),
                                   float(in_baseline(emails, "date", both)["clicks"].sum()))
                             if len(both) else None),
    }
    # the database's change against the losses and the new leads: three sources of one fact
    # each lead once, as every panel counts them
    leads = (lead_counter(pack, "created_at") if optional_frame(pack, "leads", notes) is not None
             else None)
    growth, before = growth_figures(database, emails, leads, period.end)
    figures.update(growth)
    baseline_figures.update(mean_figures(
        [growth_figures(database, emails, leads, p.end)[0] for p in baseline.periods]))
    campaigns = _campaign_rows(cur)
    tables = {
        "campaigns": Table(
            "Email campaigns",
            ("campaign", *COUNTS, "ctr"),
            tuple(campaigns),
        ),
    }
    series = {
        "clicks_trend": trend("Email clicks", emails, "date", "clicks", period, baseline),
    }
    if email_traffic is not None:
        series["sessions_trend"] = trend("Sessions from email", email_traffic, "date",
                                         "sessions", period, baseline)
    findings = _findings(period, figures, baseline_figures, campaigns, settings, len(windows))
    unexplained = growth_check(growth, before, period.end,
                               float(settings.option("growth_tolerance", 0.02)))
    if unexplained is not None:
        findings.append(unexplained)
    return PanelResult(
        name=NAME, title=PANEL_TITLES[NAME], period=period, baseline=baseline,
        baseline_coverage=coverage,
        figures=figures, baseline_figures=baseline_figures, tables=tables, series=series,
        findings=tuple(findings), notes=tuple(notes),
    )


def _mean(amount: float, windows: list[dict]) -> float | None:
    """A 4-week count's mean over the baseline's windows with data; None without one."""
    return amount / len(windows) if windows else None


def _window(database: pd.DataFrame, emails: pd.DataFrame, period: Period) -> dict:
    """Database size at the period's end and email counts over the 4 weeks ending with it."""
    sizes = database[(database["date"] < pd.Timestamp(period.end + timedelta(days=1)))
                     & database["contacts"].notna()]
    size = None
    if len(sizes):
        size = float(sizes.sort_values("date", kind="stable")["contacts"].iloc[-1])
    rows = within(emails, "date", period.end - timedelta(days=WINDOW_DAYS - 1), period.end)
    unsubscribes = float(rows["unsubscribes"].sum())
    bounces = float(rows["bounces"].sum())
    return {
        "database_size": size,
        "sent": float(rows["sent"].sum()),
        "unsubscribes": unsubscribes,
        "bounces": bounces,
        "lost": unsubscribes + bounces,
    }


def _sessions(email_traffic: pd.DataFrame | None, start: date, end: date) -> float | None:
    """Sessions with medium "email" from `start` to `end` (None without traffic)."""
    if email_traffic is None:
        return None
    return float(within(email_traffic, "date", start, end)["sessions"].sum())


def _campaign_rows(cur: pd.DataFrame) -> list[dict]:
    rows = cur[cur["campaign"].notna()]
    # "Promo" and "promo" are one campaign (names compare ignoring case), as first written
    rows = rows.assign(campaign=first_spelling(rows["campaign"]))
    grouped = rows.groupby("campaign", sort=True)[list(COUNTS)].sum()
    out = []
    for campaign, r in grouped.iterrows():
        row: dict = {"campaign": str(campaign)}
        row.update({c: float(r[c]) for c in COUNTS})
        row["ctr"] = ratio(r["clicks"], r["delivered"])
        out.append(row)
    return out


def _findings(period: Period, figures: dict, base: dict, campaigns: list[dict],
              settings: PanelSettings, periods: int) -> list[Finding]:
    words = period_phrase(period)
    out: list[Finding] = []
    ctr_multiple = float(settings.option("ctr_multiple", 2.0))
    ratio_drop = float(settings.option("ratio_drop", 0.25))
    now_ratio, base_ratio = figures["click_to_session"], base["click_to_session"]
    ratio_low = far_below(now_ratio, base_ratio, 1 - ratio_drop)
    avg_ctr = base["email_ctr"]
    flagged = False
    for row in campaigns:
        if not ratio_low or avg_ctr is None or row["ctr"] is None:
            break
        if avg_ctr > 0 and row["ctr"] >= avg_ctr * ctr_multiple:
            flagged = True
            out.append(finding(
                NAME, f"clicks_not_confirmed:{row['campaign']}", "medium",
                f"Campaign {row['campaign']} had a {pct(row['ctr'])} click-through rate "
                f"{words} against {pct(avg_ctr)} on average, yet email brought "
                f"{num(now_ratio, 2)} sessions per click against {num(base_ratio, 2)}: "
                "email clicks not confirmed by traffic",
                ctr=row["ctr"], ctr_avg=avg_ctr, click_to_session=now_ratio,
                click_to_session_avg=base_ratio,
            ))
    if ratio_low and not flagged:
        out.append(finding(
            NAME, "click_to_session_low", "low",
            f"Email brought {num(now_ratio, 2)} sessions per click {words} against "
            f"{num(base_ratio, 2)} on average",
            click_to_session=now_ratio, click_to_session_avg=base_ratio,
        ))
    max_turnover = float(settings.option("max_turnover", 8.0))
    turnover = figures["turnover_rate"]
    if turnover is not None and turnover >= max_turnover:
        out.append(finding(
            NAME, "turnover_high", "medium",
            f"{num(figures['emails_sent_4w'])} emails went to a database of "
            f"{num(figures['database_size'])} in the 4 weeks to {period.end.isoformat()}: "
            f"{num(turnover, 1)} sends per contact, at or over the {num(max_turnover, 1)} agreed",
            turnover_rate=turnover, max_turnover=max_turnover,
        ))
    above = float(settings.option("attrition_above", 0.5))
    attrition, base_attrition = figures["list_attrition"], base["list_attrition"]
    if (attrition is not None and base_attrition is not None and base_attrition > 0
            and attrition >= base_attrition * (1 + above)):
        lost = (figures["unsubscribes_4w"] or 0) + (figures["bounces_4w"] or 0)
        base_lost = ((base["unsubscribes_4w"] or 0) + (base["bounces_4w"] or 0)) * periods
        evidence = rate_evidence(lost, figures["database_size"] or 0, round(base_lost),
                                 (base["database_size"] or 0) * periods)
        high = tested_finding(
            NAME, "attrition_high",
            f"Unsubscribes and bounces took {pct(attrition, 2)} of the database in the 4 "
            f"weeks to {period.end.isoformat()} against {pct(base_attrition, 2)} on "
            "average", evidence,
            list_attrition=attrition, list_attrition_avg=base_attrition,
        )
        if high is not None:
            out.append(high)
    return out

