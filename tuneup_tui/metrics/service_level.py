"""Follow-up service level panel: how well sales works the leads it gets, from the activity log.

Connect rate per rep (call outcomes), attempts per lead in its first 7 days, leads sent to
sales with no logged activity, calling capacity per territory counting the leads already being
worked, and the proposed reassignments when a territory is over capacity (`_service_capacity`).

Options (`[panels.service_level]`): `connected_outcomes` (call outcomes that count as a
connect; default `_service_calls.CONNECTED`), `attempt_types` (default call and email),
`attempts` (attempts a new lead needs, default 3), `worked_calls` (calls a lead being worked
takes per period, default 1), `working_days` (how far back a lead being worked was sent,
default 30), `capacity_quantile` (default 0.9), `min_calls` (a rep with fewer calls with an
outcome in the period is not judged on connects, default 10).
"""

from __future__ import annotations

from datetime import timedelta

import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period
from tuneup_tui.metrics._follow_up_reps import capacity, rep_activity, reps_of
from tuneup_tui.metrics._sales import fold, names_option, plural, stamp, text
from tuneup_tui.metrics._service_acts import activity_window
from tuneup_tui.metrics._service_calls import (
    CONNECTED,
    attempts_in_first_days,
    connect_rows,
    without_activity,
)
from tuneup_tui.metrics._service_capacity import reassignments, territory_rows, totals
from tuneup_tui.metrics._service_findings import service_findings
from tuneup_tui.metrics.common import optional_frame, window_mask, window_start
from tuneup_tui.metrics.coverage import source_baseline
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import Number, PanelResult, PanelSettings, Table, ratio
from tuneup_tui.metrics.shared import crm_joined, leads_once
from tuneup_tui.metrics.statuses import series_in_class, status_map

NAME = "service_level"
LIST_LIMIT = 50


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Connects, first-week attempts, untouched leads, territory capacity, reassignments."""
    baseline = period.baseline(settings.baseline_periods)
    notes: list[str] = []
    everyone = leads_once(pack)
    activities = pack.frame("activities")
    crm = optional_frame(pack, "crm", notes)
    territories = optional_frame(pack, "territories", notes)
    attempts = float(settings.option("attempts", 3))
    start = min(window_start(period, baseline), period.start - timedelta(
        days=int(settings.option("working_days", 30))))
    acts = activity_window(pack, activities, start, settings.as_of)
    if not acts.has("outcome"):
        notes.append("the activities carry no call outcome: connect rate is n/a")

    rep_table, figures = connect_rows(acts, period, baseline, names_option(
        settings, "connected_outcomes", CONNECTED))
    baseline_figures: dict[str, Number] = {
        "connect_rate": figures.pop("baseline_connect_rate")}
    figures["calls"] = sum(r["calls"] for r in rep_table)
    first = window_mask(everyone, "sent_to_sales_at", period.previous().start,
                        period.previous().end).to_numpy(bool)
    figures.update(attempts_in_first_days(pack, first, acts, names_option(
        settings, "attempt_types", ("call", "email")), int(attempts)))

    sent_mask = window_mask(everyone, "sent_to_sales_at", period.start, period.end)
    sent = (crm_joined(pack, sent_mask.to_numpy(bool)) if crm is not None
            else everyone[sent_mask.to_numpy(bool)].assign(crm_owner=None))
    idle = without_activity(pack, sent_mask.to_numpy(bool), acts)
    # what the reassignments and the list of untouched leads show of each
    waiting = sent.loc[idle, ["lead_id", "territory", "sent_to_sales_at"]].assign(
        owner=sent["crm_owner"][idle])
    figures["leads_delivered"] = len(sent)
    figures["sent_without_activity"] = int(idle.sum())
    figures["sent_without_activity_share"] = ratio(int(idle.sum()), len(sent))

    reps = _reps_by_territory(territories)
    per_rep = None
    coverage: dict[str, tuple[int, int]] = {}
    if territories is None:
        notes.append("capacity per territory needs the territories source; shown as n/a")
    else:
        act = rep_activity(pack, activities, period, baseline)
        # the follow-up panel's figure: a busy week over the baseline weeks with activities
        per_rep = capacity(act, reps_of(territories, act, period, baseline),
                           source_baseline(pack, "activities", baseline, coverage),
                           float(settings.option("capacity_quantile", 0.9)))
        if per_rep is None:
            notes.append("calling capacity needs activities in the baseline; shown as n/a")
    worked = _being_worked(pack, everyone, crm, period, settings, notes)
    rows = territory_rows(reps, _territory_names(territories, sent), sent, worked, per_rep,
                          attempts, float(settings.option("worked_calls", 1)))
    moves, short = reassignments(rows, reps, waiting, attempts)
    figures.update(capacity_per_rep=per_rep, **totals(rows),
                   proposed_reassignments=len(moves) if per_rep is not None else None,
                   reassignments_short=short if per_rep is not None else None)
    tables = {
        "connects": Table("Calls and connects by rep", (
            "rep", "calls", "with_outcome", "connects", "connect_rate", "connect_rate_avg"),
            tuple(rep_table)),
        "territories": Table("Calling capacity per territory", (
            "territory", "reps", "new_leads", "worked_leads", "calls_demanded",
            "calling_capacity", "utilisation", "over_capacity"), tuple(rows)),
        "reassign": Table("Proposed reassignments", (
            "lead_id", "territory", "from_rep", "to_rep", "to_territory", "sent_to_sales_at"),
            tuple({**m, "sent_to_sales_at": stamp(m["sent_to_sales_at"])} for m in moves)),
        "no_activity": Table(_capped(int(idle.sum())), (
            "lead_id", "territory", "owner", "sent_to_sales_at"),
            tuple(_idle_rows(waiting))),
    }
    if short:
        notes.append(f"{plural(short, 'lead')} to move found no untouched lead or no rep "
                     "with calls to spare")
    return PanelResult(
        name=NAME, title=PANEL_TITLES[NAME], period=period, baseline=baseline,
        baseline_coverage=coverage,
        figures=figures, baseline_figures=baseline_figures, tables=tables,
        findings=tuple(service_findings(NAME, figures, rep_table, rows, settings)),
        notes=tuple(notes),
    )


def _reps_by_territory(territories: pd.DataFrame | None) -> dict[str, list[str]]:
    """Folded territory -> its reps as written (first spelling), in file order."""
    out: dict[str, list[str]] = {}
    if territories is None:
        return out
    rows = territories[territories["territory"].notna() & territories["rep"].notna()]
    for key, rep in zip(fold(rows["territory"]), rows["rep"], strict=True):
        team = out.setdefault(str(key), [])
        if str(rep).strip().casefold() not in {r.casefold() for r in team}:
            team.append(str(rep).strip())
    return out


def _territory_names(territories: pd.DataFrame | None, sent: pd.DataFrame) -> dict[str, str]:
    names: dict[str, str] = {}
    for frame in (territories, sent):
        if frame is None:
            continue
        # the distinct cells in order of first appearance: the first spelling of each name,
        # as walking every row finds it
        for name in pd.unique(frame["territory"].dropna().to_numpy(dtype=object)):
            names.setdefault(str(name).strip().casefold(), str(name).strip())
    return names


def _being_worked(pack: DataPack, everyone: pd.DataFrame, crm: pd.DataFrame | None,
                  period: Period, settings: PanelSettings, notes: list[str]) -> pd.DataFrame:
    """Leads sent in the `working_days` before the period, working in the CRM, no opportunity."""
    if crm is None:
        notes.append("leads being worked need the crm source; counted as none")
        return everyone.iloc[0:0]
    days = int(settings.option("working_days", 30))
    mask = window_mask(everyone, "sent_to_sales_at", period.start - timedelta(days=days),
                       period.start - timedelta(days=1)).to_numpy(bool)
    joined = crm_joined(pack, mask)
    working = series_in_class(joined["crm_status"], status_map(pack), "working")
    keep = (joined["in_crm"] & working & joined["crm_opportunity_id"].isna()).to_numpy(bool)
    return joined[keep]


def _capped(total: int) -> str:
    title = "Leads sent with no logged activity"
    return f"{title} (first {LIST_LIMIT} of {total})" if total > LIST_LIMIT else title


def _idle_rows(waiting: pd.DataFrame) -> list[dict]:
    ordered = waiting.sort_values(["sent_to_sales_at", "lead_id"], kind="stable")
    return [{"lead_id": text(r["lead_id"]), "territory": text(r["territory"]),
             "owner": text(r["owner"]), "sent_to_sales_at": stamp(r["sent_to_sales_at"])}
            for r in ordered.head(LIST_LIMIT).to_dict("records")]
