"""Lead lifecycle panel: time from lead to opportunity per tactic, conversion by rep per tactic,
leads past their lifetime, touches per lead.

Everything is over the leads created up to the as-of date (the whole history, not the review
period); a tactic is a lead's program. Options (`[panels.lifecycle]`): `lifetime_days` (default
90), `min_reps` (a tactic's leads should reach at least this many reps, default 3),
`min_leads_for_reps` (tactics with fewer leads are not judged on reps, default 3),
`min_past_lifetime` (the count at which the past-lifetime finding fires, default 1),
`disqualified_statuses` (lead or CRM statuses that mean disqualified, on top of the pack's
status map's rejected ones; default none). Leads past their lifetime leave out the rejected ones
and those already in nurturing (the status map's `nurture` class): the advice is to recycle.
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period
from tuneup_tui.metrics._lifecycle_groups import TacticLeads, overall, tactics_of
from tuneup_tui.metrics._lifecycle_groups import rep_rows as _rep_rows
from tuneup_tui.metrics._lifecycle_groups import tactic_rows as _tactic_rows
from tuneup_tui.metrics._sales import capped, names_option, plural, stamp, text
from tuneup_tui.metrics.common import (
    days_between,
    finding,
    optional_frame,
    up_to_day,
    window_mask,
)
from tuneup_tui.metrics.lead_ids import ids_from
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import Finding, Number, PanelResult, PanelSettings, Table
from tuneup_tui.metrics.shared import (
    crm_column,
    crm_joined,
    first_rows,
    lead_column,
    lead_ids_coded,
    lead_rows,
    lead_rows_of,
    leads_once,
    opportunities_once,
)
from tuneup_tui.metrics.statuses import in_class, status_map

NAME = "lifecycle"
NO_PROGRAM = "(no program)"
LIST_LIMIT = 50


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Days to opportunity, conversion by rep, past lifetime and touches, per tactic."""
    baseline = period.baseline(settings.baseline_periods)
    notes: list[str] = []
    as_of = settings.as_of
    everyone = leads_once(pack)  # the leads source's own error comes first, as it always did
    opps = opportunities_once(pack)
    crm = optional_frame(pack, "crm", notes)
    activities = optional_frame(pack, "activities", notes)
    # Worked out for every lead by position (shared with the other sales panels) as arrays,
    # then cut to the leads created up to the as-of date (the whole history, undated left out).
    kept = up_to_day(everyone["created_at"].to_numpy(), as_of)
    pick = slice(None) if kept.all() else kept  # all of them, as usual: no copies
    first = _first_opportunity(pack, opps, as_of, len(everyone))[pick]
    program = lead_column(pack, "program").take(pick)
    names, tactic = tactics_of(program, NO_PROGRAM)
    leads = TacticLeads(
        names=names, tactic=tactic, has_opportunity=first >= 0,
        days_to_opportunity=_days_to(everyone["created_at"][pick], opps, first),
        touches=(None if activities is None
                 else _touches(pack, activities, everyone, as_of,
                               int(settings.option("lifetime_days", 90)))[pick]),
        owner=None if crm is None else crm_column(pack, "owner").take(pick),
    )
    # left out of the advice: leads whose status (lead or CRM) is rejected (with the agenda's
    # `disqualified_statuses`) or already in nurturing
    if crm is None:
        notes.append("conversion by rep needs the crm source")
    if activities is None:
        notes.append("touches per lead need the activities source; shown as n/a")

    lifetime = int(settings.option("lifetime_days", 90))
    cutoff = pd.Timestamp(as_of - timedelta(days=lifetime))
    # the leads that can be past their lifetime (no opportunity, created before the cutoff),
    # their statuses read for them alone
    rows = np.flatnonzero(kept)
    created = everyone["created_at"].to_numpy()[rows]
    aged = rows[~leads.has_opportunity & (created < cutoff.to_datetime64().astype(created.dtype))]
    dq_names = names_option(settings, "disqualified_statuses", ())
    statuses = status_map(pack)
    lead_status = lead_column(pack, "status").take(aged)
    disqualified = in_class(lead_status, statuses, "rejected", dq_names)
    nurturing = in_class(lead_status, statuses, "nurture")
    if crm is not None:
        crm_status = crm_column(pack, "status").take(aged)
        disqualified |= in_class(crm_status, statuses, "rejected", dq_names)
        nurturing |= in_class(crm_status, statuses, "nurture")
    past_count, listed = _past(everyone, aged[~disqualified & ~nurturing], cutoff)
    picked = np.zeros(len(everyone), dtype=bool)
    picked[listed] = True
    # the listed leads (with their CRM row), in file order, then in the list's order
    past = crm_joined(pack, picked) if crm is not None else everyone[picked]
    past = past.iloc[np.searchsorted(np.sort(listed), listed)]

    tactic_rows = _tactic_rows(leads)
    rep_rows = _rep_rows(leads)
    whole = overall(leads)
    figures: dict[str, Number] = {
        **{k: whole[k] for k in ("leads", "with_opportunity", "conversion",
                                 "median_days_to_opportunity")},
        "past_lifetime": past_count,
        "touches_per_lead": whole["touches_per_lead"],
        "touches_per_lead_median": whole["touches_per_lead_median"],
    }
    min_reps = int(settings.option("min_reps", 3))
    min_leads = int(settings.option("min_leads_for_reps", 3))
    few = [r for r in tactic_rows
           if r["reps"] is not None and r["leads"] >= min_leads and r["reps"] < min_reps]
    figures["tactics_under_min_reps"] = len(few) if crm is not None else None
    few_ids = {id(r) for r in few}
    for row in tactic_rows:
        row["few_reps"] = id(row) in few_ids

    tables = {
        "tactics": Table(
            "Lifecycle per tactic",
            ("tactic", "leads", "with_opportunity", "conversion", "median_days_to_opportunity",
             "reps", "few_reps", "touches_mean", "touches_median"),
            tuple(tactic_rows),
        ),
        "by_rep": Table("Conversion by rep per tactic",
                        ("tactic", "rep", "leads", "with_opportunity", "conversion"),
                        tuple(rep_rows)),
        "past_lifetime": Table(
            capped(f"Leads past their {lifetime}-day lifetime", past_count, LIST_LIMIT),
            ("lead_id", "program", "created_at", "age_days", "status", "owner"),
            tuple(_past_row(r, as_of) for r in past.to_dict("records")),
        ),
    }
    findings = _findings(few, past_count, lifetime, min_reps, settings)
    return PanelResult(
        name=NAME, title=PANEL_TITLES[NAME], period=period, baseline=baseline,
        figures=figures, baseline_figures={}, tables=tables,
        findings=tuple(findings), notes=tuple(notes),
    )


def _days_to(created: pd.Series, opps: pd.DataFrame, first: np.ndarray) -> np.ndarray:
    """Days from each lead's creation to its first opportunity (`first`: a row of `opps`, or
    -1), NaN for a lead without one; worked out for the leads with one only."""
    out = np.full(len(first), np.nan)
    has = first >= 0
    if has.any():
        opp_created = pd.Series(opps["created_at"].array.take(first[has]), copy=False)
        out[has] = days_between(opp_created, created[has].reset_index(drop=True)).to_numpy()
    return out


def _past(leads: pd.DataFrame, rows: np.ndarray, cutoff: pd.Timestamp
          ) -> tuple[int, np.ndarray]:
    """How many of the leads at `rows` (no opportunity, not disqualified) were created before
    `cutoff`, and the positions of the first LIST_LIMIT of them by creation time, then lead id.

    Only the leads that can be among the first LIST_LIMIT are sorted: those created no later
    than the LIST_LIMIT-th earliest (ties included), in file order, so the stable sort puts
    them exactly where sorting all of them would.
    """
    stamps = leads["created_at"].to_numpy()[rows]
    before = stamps < cutoff.to_datetime64().astype(stamps.dtype)
    rows, stamps = rows[before], stamps[before]
    if len(rows) > LIST_LIMIT:
        last = np.partition(stamps, LIST_LIMIT - 1)[LIST_LIMIT - 1]
        rows = rows[stamps <= last]
    keys = leads[["created_at", "lead_id"]].iloc[rows].reset_index(drop=True)
    order = keys.sort_values(["created_at", "lead_id"], kind="stable").index.to_numpy()
    return int(before.sum()), rows[order[:LIST_LIMIT]]


def _first_opportunity(pack: DataPack, opps: pd.DataFrame, as_of: date, leads: int
                       ) -> np.ndarray:
    """Each lead's first opportunity created up to the as-of date (the earliest; in file order
    when two share a time), as a row of `opps`, or -1."""
    created = opps["created_at"].to_numpy()
    kept = np.flatnonzero(up_to_day(created, as_of))
    order = kept[np.argsort(created[kept], kind="stable")]
    return first_rows(lead_rows(pack, "opportunities_once", opps), order, leads)


def _touches(pack: DataPack, activities: pd.DataFrame, everyone: pd.DataFrame, as_of: date,
             lifetime: int) -> np.ndarray:
    """Activities naming each lead (by position in leads_once), up to the as-of date; NaN for a
    lead not sent to sales within the lifetime before the as-of date: a lead never sent (or
    sent long ago) is not one sales should be touching, so it is not counted as untouched.

    Only the activities that can name one of those leads are looked up: up to the as-of date,
    and with a lead id no lower than the lowest of theirs (`ids_from`); the counts of the
    other leads are left out anyway.
    """
    start = as_of - timedelta(days=lifetime)
    sent = window_mask(everyone, "sent_to_sales_at", start, as_of).to_numpy(dtype=bool)
    theirs = everyone["lead_id"].to_numpy(dtype=object)[sent]
    theirs = theirs[~pd.isna(theirs)]
    touches = np.zeros(len(everyone))
    if len(theirs):
        coded = lead_ids_coded(pack, "activities", activities)
        lowest = min(theirs)
        named = (coded.at_least(lowest) if coded is not None
                 else ids_from(activities["lead_id"].to_numpy(dtype=object), lowest))
        rows = np.flatnonzero(up_to_day(activities["date"].to_numpy(), as_of) & named)
        positions = lead_rows_of(pack, "activities", activities, rows)
        touches = np.bincount(positions[positions >= 0], minlength=len(everyone)).astype(float)
    touches[~sent] = np.nan
    return touches


def _past_row(r: dict, as_of: date) -> dict:
    created = r["created_at"]
    return {
        "lead_id": text(r["lead_id"]),
        "program": text(r["program"]),
        "created_at": stamp(created),
        "age_days": (pd.Timestamp(as_of) - created.normalize()).days,
        "status": text(r.get("crm_status")) or text(r["status"]),
        "owner": text(r.get("crm_owner")),
    }


def _findings(few: list[dict], past: int, lifetime: int, min_reps: int,
              settings: PanelSettings) -> list[Finding]:
    out: list[Finding] = []
    for row in few:
        out.append(finding(
            NAME, f"few_reps:{row['tactic']}", "medium",
            f"The {plural(row['leads'], 'lead')} from {row['tactic']} went to "
            f"{plural(row['reps'], 'rep')}, fewer than the {min_reps} needed to judge "
            "the tactic apart from the rep",
            reps=row["reps"], leads=row["leads"],
        ))
    if past and past >= int(settings.option("min_past_lifetime", 1)):
        out.append(finding(
            NAME, "past_lifetime", "medium",
            f"{plural(past, 'lead')} {'is' if past == 1 else 'are'} past the {lifetime}-day "
            "lifetime without an opportunity: "
            "recycle them into nurturing or reassign them",
            past_lifetime=past, lifetime_days=lifetime,
        ))
    return out
