"""Findings of the budget pacing panel: over budget, running out early, under pace, holidays."""

from __future__ import annotations

from tuneup_tui.metrics._sales import plural
from tuneup_tui.metrics.common import finding, money, pct
from tuneup_tui.metrics.result import Finding


def pacing_findings(panel: str, rows: list[dict], weeks: list[dict]) -> list[Finding]:
    out: list[Finding] = []
    for r in rows:
        status, name = r["status"], r["tactic"]
        if status == "over budget":
            out.append(finding(
                panel, f"over_budget:{name}", "high",
                f"{name} has spent {money(r['spent'])}, {pct(r['share_spent'], 0)} of its "
                f"{money(r['budget'])} budget", spent=r["spent"], budget=r["budget"]))
        elif status == "runs out early":
            early = (r["flight_end"] - r["runs_out"]).days if r["runs_out"] else 0
            out.append(finding(
                panel, f"runs_out:{name}", "medium",
                f"At its pace so far {name} spends its {money(r['budget'])} budget by "
                f"{r['runs_out']}, {plural(early, 'day')} before its flight ends on "
                f"{r['flight_end']}: {money(r['projected_spend'])} projected",
                projected_spend=r["projected_spend"], budget=r["budget"]))
        elif status == "under pace":
            out.append(finding(
                panel, f"under_pace:{name}", "low",
                f"{name} has spent {pct(r['share_spent'], 0)} of its budget with "
                f"{pct(r['share_elapsed'], 0)} of its flight gone: "
                f"{money(r['projected_spend'])} projected of {money(r['budget'])}",
                share_spent=r["share_spent"], share_elapsed=r["share_elapsed"]))
    for w in weeks:
        if w["holidays"]:
            out.append(finding(
                panel, f"holiday_week:{w['week']}", "low",
                f"The week of {w['start']} holds {w['holidays']}: "
                f"{plural(w['launches'], 'launch', 'launches')} and "
                f"{plural(w['closes'], 'close')} planned; expect fewer leads and slower replies",
                launches=w["launches"], closes=w["closes"]))
    return out
