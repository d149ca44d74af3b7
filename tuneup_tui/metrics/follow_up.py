"""Sales follow-up panel: what became of the leads delivered, speed to lead, calls and emails
by rep against their averages, and the team's calling capacity against the leads delivered.

Options (`[panels.follow_up]`): `below_share` (a rep at or below this share of their average
calls or emails is a finding, default 0.5), `attempts` (call attempts each delivered lead needs,
default 3), `capacity_quantile` (default 0.9), `max_bad_data_rate` (default 0.1),
`min_never_touched` (default 1), `touch_tolerance` (the CRM's first touch against the activity
log, default 0.2: follow_up_sources).
"""

from __future__ import annotations

import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period
from tuneup_tui.data.status_map import StatusMap
from tuneup_tui.metrics._follow_up_reps import capacity, rep_activity, rep_rows, reps_of
from tuneup_tui.metrics._sales import (
    agree,
    far_below,
    first_spelling,
    id_list,
    plural,
)
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
    window_start,
)
from tuneup_tui.metrics.coverage import source_baseline
from tuneup_tui.metrics.follow_up_sources import TOLERANCE as TOUCH_TOLERANCE
from tuneup_tui.metrics.follow_up_sources import (
    crm_touches,
    logged_touches,
    touch_check,
    touch_figures,
)
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import (
    Finding,
    Number,
    PanelResult,
    PanelSettings,
    Series,
    Table,
)
from tuneup_tui.metrics.shared import leads_once, sent_joined, sent_per_period
from tuneup_tui.metrics.significance import count_evidence, tested_finding
from tuneup_tui.metrics.statuses import status_map

NAME = "follow_up"
NOT_IN_CRM = "(not in CRM)"
NO_STATUS = "(no status)"
DAY_HOURS = 24.0


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Status, opportunity and bad data rates, speed to lead, activity by rep, capacity."""
    baseline = period.baseline(settings.baseline_periods)
    notes: list[str] = []
    # the leads source's own error comes first, then the crm's, as they always did
    leads_once(pack)
    pack.frame("crm")
    activities = optional_frame(pack, "activities", notes)
    territories = optional_frame(pack, "territories", notes)
    # only the leads sent in the baseline or the period are read row by row: joined to the CRM
    # for those alone
    leads = sent_joined(pack, period, baseline)
    hours = (leads["crm_first_touch_at"] - leads["sent_to_sales_at"]).dt.total_seconds() / 3600
    leads = leads.assign(hours_to_touch=hours)

    # each count averages over the baseline periods its source has data for
    coverage: dict[str, tuple[int, int]] = {}
    sent_baseline = source_baseline(pack, "leads", baseline, coverage, "sent_to_sales_at")
    cur = in_period(leads, "sent_to_sales_at", period)
    base = in_baseline(leads, "sent_to_sales_at", sent_baseline)
    figures = _lead_figures(cur)
    baseline_figures = _lead_figures(base)
    # the CRM's first touch beside the activity log's: two sources of one fact
    # the activity log is looked up once, from the first day either set of leads is read
    since = window_start(period, baseline)
    touched = crm_touches(cur, settings.as_of), logged_touches(pack, activities, cur,
                                                                settings.as_of, since)
    figures.update(touch_figures(*touched))
    baseline_figures.update(touch_figures(crm_touches(base, settings.as_of), logged_touches(
        pack, activities, base, settings.as_of, since)))
    for key in ("leads_delivered", "with_opportunity", "bad_data", "touched_within_24h",
                "never_touched", "first_touch_in_crm", "with_logged_activity"):
        baseline_figures[key] = mean_per_period(baseline_figures[key], sent_baseline)

    attempts = float(settings.option("attempts", 3))
    tables = {"status": Table("Status of the leads delivered",
                              ("status", "means", "leads", "share"),
                              tuple(_status_rows(cur, status_map(pack))))}
    series = {"delivered_trend": Series("Leads delivered to sales",
                                        *sent_per_period(pack, period, baseline), "trend")}
    reps_table: list[dict] = []
    if activities is None:
        notes.append("calls, emails and capacity need the activities source; shown as n/a")
        figures.update(calls=None, emails=None, reps=None, capacity_per_rep=None,
                       calling_capacity=None)
    else:
        act = rep_activity(pack, activities, period, baseline)
        reps = reps_of(territories, act, period, baseline)
        if territories is None:
            notes.append("reps taken from the activities (no territories source)")
        act_baseline = source_baseline(pack, "activities", baseline, coverage)
        reps_table = rep_rows(act, reps, period, act_baseline)
        per_rep = capacity(act, reps, act_baseline,
                           float(settings.option("capacity_quantile", 0.9)))
        if per_rep is None:
            notes.append("calling capacity needs activities in the baseline; shown as n/a")
        figures.update(
            calls=sum(r["calls"] for r in reps_table),
            emails=sum(r["emails"] for r in reps_table),
            reps=len(reps),
            capacity_per_rep=per_rep,
            calling_capacity=None if per_rep is None else per_rep * len(reps),
        )
        baseline_figures.update(
            calls=sum(r["calls_avg"] or 0 for r in reps_table) if len(act_baseline) else None,
            emails=(sum(r["emails_avg"] or 0 for r in reps_table) if len(act_baseline)
                    else None),
        )
        tables["by_rep"] = Table(
            "Calls and emails by rep", ("rep", "calls", "calls_avg", "emails", "emails_avg"),
            tuple(reps_table),
        )
    figures["calls_needed"] = len(cur) * attempts
    periods = coverage.get("activities", (0, 0))[1]
    findings = _findings(period, cur, figures, baseline_figures, reps_table, settings, periods)
    disagree = touch_check(*touched, period_phrase(period),
                           float(settings.option("touch_tolerance", TOUCH_TOLERANCE)))
    if disagree is not None:
        findings.append(disagree)
    return PanelResult(
        name=NAME, title=PANEL_TITLES[NAME], period=period, baseline=baseline,
        baseline_coverage=coverage,
        figures=figures, baseline_figures=baseline_figures, tables=tables, series=series,
        findings=tuple(findings), notes=tuple(notes),
    )


def _lead_figures(rows: pd.DataFrame) -> dict[str, Number]:
    """Counts and rates over a set of delivered leads (rates over all of them)."""
    delivered = len(rows)
    with_opp = int((rows["in_crm"] & rows["crm_opportunity_id"].notna()).sum())
    bad = int((rows["in_crm"] & rows["crm_bad_data"]).sum())
    touched = rows["hours_to_touch"].dropna()
    within = int((touched <= DAY_HOURS).sum())
    return {
        "leads_delivered": delivered,
        "with_opportunity": with_opp,
        "opportunity_create_rate": ratio(with_opp, delivered),
        "bad_data": bad,
        "bad_data_rate": ratio(bad, delivered),
        "median_hours_to_first_touch": float(touched.median()) if len(touched) else None,
        "touched_within_24h": within,
        "within_24h_share": ratio(within, delivered),
        "never_touched": delivered - len(touched),
    }


def _status_rows(rows: pd.DataFrame, statuses: StatusMap) -> list[dict]:
    # "working" and "Working" are one status (names compare ignoring case), as first written
    status = first_spelling(rows["crm_status"]).where(rows["in_crm"], NOT_IN_CRM)
    status = status.fillna(NO_STATUS)
    counts = status.value_counts(sort=False)
    out = [{"status": str(s), "means": _means(str(s), statuses), "leads": int(n),
            "share": ratio(int(n), len(rows))}
           for s, n in counts.items()]
    return sorted(out, key=lambda r: (-r["leads"], r["status"].casefold()))


def _means(status: str, statuses: StatusMap) -> str:
    """The status map's class of a status shown in the table; "" for the table's own rows."""
    if status in (NOT_IN_CRM, NO_STATUS):
        return ""
    return statuses.class_of(status) or "unmapped"


def _findings(period: Period, cur: pd.DataFrame, figures: dict, base: dict,
              reps_table: list[dict], settings: PanelSettings, periods: int) -> list[Finding]:
    words = period_phrase(period)
    out: list[Finding] = []
    share = float(settings.option("below_share", 0.5))
    for row in reps_table:
        for kind in ("calls", "emails"):
            if far_below(row[kind], row[f"{kind}_avg"], share):
                evidence = count_evidence(row[kind], row[f"{kind}_avg"] * periods, periods)
                few = tested_finding(
                    NAME, f"few_{kind}:{row['rep']}",
                    f"{row['rep']} made {num(row[kind])} {kind} {words} against "
                    f"{num(row[f'{kind}_avg'])} on average", evidence,
                    **{kind: row[kind], f"{kind}_avg": row[f"{kind}_avg"]},
                )
                if few is not None:
                    out.append(few)
    supply, needed = figures.get("calling_capacity"), figures["calls_needed"]
    if supply is not None and supply < needed:
        out.append(finding(
            NAME, "capacity_short", "high",
            f"The team can make about {plural(supply, 'call')} a {period.kind} "
            f"({num(figures['capacity_per_rep'], 1)} per rep x {plural(figures['reps'], 'rep')})"
            f" against {num(needed)} needed for {plural(figures['leads_delivered'], 'lead')} "
            f"delivered x {plural(float(settings.option('attempts', 3)), 'attempt')}",
            calling_capacity=supply, calls_needed=needed,
        ))
    never = figures["never_touched"]
    if never and never >= int(settings.option("min_never_touched", 1)):
        ids = [str(i) for i in cur[cur["hours_to_touch"].isna()]["lead_id"].dropna()]
        out.append(finding(
            NAME, "never_touched", "medium",
            f"{never} of {figures['leads_delivered']} leads sent to sales {words} "
            f"{agree(never, 'have no first touch')} in the CRM: {id_list(sorted(ids))}",
            never_touched=never, leads_delivered=figures["leads_delivered"],
        ))
    max_bad = float(settings.option("max_bad_data_rate", 0.1))
    bad_rate = figures["bad_data_rate"]
    if bad_rate is not None and bad_rate >= max_bad:
        out.append(finding(
            NAME, "bad_data", "medium",
            f"{figures['bad_data']} of {figures['leads_delivered']} leads sent to sales {words} "
            f"{agree(figures['bad_data'], 'were flagged')} as bad data ({pct(bad_rate)}, "
            f"against {pct(base['bad_data_rate'])} on average)",
            bad_data_rate=bad_rate, bad_data_rate_avg=base["bad_data_rate"],
        ))
    return out
