"""Findings of the follow-up service level panel."""

from __future__ import annotations

import math

from tuneup_tui.metrics._sales import plural
from tuneup_tui.metrics.common import finding, num, pct
from tuneup_tui.metrics.result import Finding, Number, PanelSettings
from tuneup_tui.metrics.significance import evidence_severity, rate_evidence


def service_findings(panel: str, figures: dict[str, Number], reps: list[dict],
                     territories: list[dict], settings: PanelSettings) -> list[Finding]:
    """Over capacity, connects below average, leads without activity, too few attempts."""
    out: list[Finding] = []
    attempts = float(settings.option("attempts", 3))
    known = [t for t in territories if t["calling_capacity"] is not None and t["reps"]]
    over = [t for t in known if t["over_capacity"]]
    if over and len(over) == len(known):
        # nowhere to move a lead to: one finding for the team, not one per territory
        short = sum(t["calls_demanded"] - t["calling_capacity"] for t in over)
        out.append(finding(
            panel, "all_over_capacity", "high",
            f"Every territory is over its calling capacity, {num(short)} calls short in all: "
            "moving leads between territories cannot help",
            calls_short=short))
        over = []
    for t in over:
        move = math.ceil((t["calls_demanded"] - t["calling_capacity"]) / attempts)
        out.append(finding(
            panel, f"over_capacity:{t['territory']}", "high",
            f"{t['territory']} needs {num(t['calls_demanded'])} calls ({t['new_leads']} new "
            f"leads x {num(attempts)} + {t['worked_leads']} being worked) against "
            f"{num(t['calling_capacity'])} its {plural(t['reps'], 'rep')} make in a busy "
            f"period: {plural(move, 'lead')} to move",
            calls_demanded=t["calls_demanded"], calling_capacity=t["calling_capacity"]))
    least = int(settings.option("min_calls", 10))
    for r in reps:
        rate, avg = r["connect_rate"], r["connect_rate_avg"]
        if rate is None or avg is None or rate >= avg or r["with_outcome"] < least:
            continue
        evidence = rate_evidence(r["connects"], r["with_outcome"], r["baseline_connects"],
                                 r["baseline_with_outcome"])
        severity = evidence_severity(evidence)
        if severity is None:
            continue
        out.append(finding(
            panel, f"few_connects:{r['rep']}", severity,
            f"{r['rep']} connected on {r['connects']} of {r['with_outcome']} calls "
            f"({pct(rate)}) against {pct(avg)} on average", evidence=evidence,
            connect_rate=rate, connect_rate_avg=avg))
    idle = figures.get("sent_without_activity")
    if idle:
        out.append(finding(
            panel, "sent_without_activity", "medium",
            f"{plural(idle, 'lead')} of {num(figures['leads_delivered'])} sent to sales "
            f"{'has' if idle == 1 else 'have'} no logged activity "
            f"({pct(figures['sent_without_activity_share'])})",
            sent_without_activity=idle, leads_delivered=figures["leads_delivered"]))
    mean = figures.get("attempts_first_7d")
    if mean is not None and mean < attempts:
        out.append(finding(
            panel, "few_attempts", "low",
            f"Leads sent the {'week' if settings.period_kind == 'week' else 'month'} before "
            f"got {num(mean, 1)} attempts each in their first 7 days, against "
            f"{num(attempts)} needed; {pct(figures['reached_attempts_7d'], 0)} got them all",
            attempts_first_7d=mean, reached_attempts_7d=figures["reached_attempts_7d"]))
    return out
