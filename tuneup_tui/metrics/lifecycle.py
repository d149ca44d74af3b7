"""Lead lifecycle panel: time from lead to opportunity per tactic, conversion by rep per tactic,
leads past their lifetime, touches per lead.

Everything is over the leads created up to the as-of date (the whole history, not the review
period); a tactic is a lead's program. Options (`[panels.lifecycle]`): `lifetime_days` (default
90), `min_reps` (a tactic's leads should reach at least this many reps, default 3),
`min_leads_for_reps` (tactics with fewer leads are not judged on reps, default 3),
`min_past_lifetime` (the count at which the past-lifetime finding fires, default 1),
`disqualified_statuses` (lead or CRM statuses that mean disqualified, default ["Disqualified"]).
"""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period
from tuneup_tui.metrics._sales import (
    capped,
    casefolded,
    first_spelling,
    fold,
    folded_in,
    names_option,
    plural,
    stamp,
    text,
    up_to,
)
from tuneup_tui.metrics.common import days_between, finding, optional_frame, ratio
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import Finding, Number, PanelResult, PanelSettings, Table
from tuneup_tui.metrics.shared import (
    first_rows,
    lead_rows,
    leads_once,
    leads_with_crm,
    opportunities_once,
)

NAME = "lifecycle"
NO_PROGRAM = "(no program)"
LIST_LIMIT = 50
DISQUALIFIED = ("Disqualified",)


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Days to opportunity, conversion by rep, past lifetime and touches, per tactic."""
    baseline = period.baseline(settings.baseline_periods)
    notes: list[str] = []
    as_of = settings.as_of
    everyone = leads_once(pack)  # the leads source's own error comes first, as it always did
    opps = opportunities_once(pack)
    crm = optional_frame(pack, "crm", notes)
    activities = optional_frame(pack, "activities", notes)
    # Worked out for every lead by position (shared with the other sales panels), then cut to
    # the leads created up to the as-of date; the CRM columns join the lead's own.
    base = leads_with_crm(pack) if crm is not None else everyone
    first = _first_opportunity(pack, opps, as_of, len(everyone))
    opp_created = pd.Series(opps["created_at"].array.take(first, allow_fill=True),
                            index=base.index, copy=False)
    base = base.assign(has_opportunity=first >= 0,
                       days_to_opportunity=days_between(opp_created, base["created_at"]))
    if activities is not None:
        base = base.assign(touches=_touches(pack, activities, as_of, len(everyone)))
    leads = up_to(base, "created_at", as_of)
    leads = leads.assign(tactic=first_spelling(leads["program"]).fillna(NO_PROGRAM))
    dq_names = names_option(settings, "disqualified_statuses", DISQUALIFIED)
    disqualified = folded_in(leads["status"], dq_names)
    if crm is not None:
        disqualified = disqualified | folded_in(leads["crm_status"], dq_names)
    else:
        notes.append("conversion by rep needs the crm source")
    if activities is None:
        notes.append("touches per lead need the activities source; shown as n/a")

    lifetime = int(settings.option("lifetime_days", 90))
    cutoff = pd.Timestamp(as_of - timedelta(days=lifetime))
    past = leads[(~leads["has_opportunity"]) & (~disqualified)
                 & (leads["created_at"] < cutoff).fillna(False)]
    past = past.sort_values(["created_at", "lead_id"], kind="stable")

    # only the columns the rows read: splitting a million leads by tactic copies what it holds
    wanted = ["tactic", "has_opportunity", "days_to_opportunity"]
    wanted += ["crm_owner"] if crm is not None else []
    wanted += ["touches"] if activities is not None else []
    tactic_rows = [_tactic_row(str(t), g, crm is not None, activities is not None)
                   for t, g in leads[wanted].groupby("tactic", sort=True)]
    rep_rows = _rep_rows(leads) if crm is not None else []
    figures = _figures(leads, past, activities is not None)
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
            capped(f"Leads past their {lifetime}-day lifetime", len(past), LIST_LIMIT),
            ("lead_id", "program", "created_at", "age_days", "status", "owner"),
            tuple(_past_row(r, as_of) for r in past.head(LIST_LIMIT).to_dict("records")),
        ),
    }
    findings = _findings(few, len(past), lifetime, min_reps, settings)
    return PanelResult(
        name=NAME, title=PANEL_TITLES[NAME], period=period, baseline=baseline,
        figures=figures, baseline_figures={}, tables=tables,
        findings=tuple(findings), notes=tuple(notes),
    )


def _first_opportunity(pack: DataPack, opps: pd.DataFrame, as_of: date, leads: int
                       ) -> np.ndarray:
    """Each lead's first opportunity created up to the as-of date (the earliest; in file order
    when two share a time), as a row of `opps`, or -1."""
    created = opps["created_at"]
    kept = np.flatnonzero((created < pd.Timestamp(as_of + timedelta(days=1)))
                          .fillna(False).to_numpy(dtype=bool))
    order = kept[np.argsort(created.to_numpy()[kept], kind="stable")]
    return first_rows(lead_rows(pack, "opportunities_once", opps), order, leads)


def _touches(pack: DataPack, activities: pd.DataFrame, as_of: date, leads: int) -> np.ndarray:
    """Activities naming each lead (by position in leads_once), up to the as-of date."""
    positions = lead_rows(pack, "activities", activities)
    dated = (activities["date"] < pd.Timestamp(as_of + timedelta(days=1))).fillna(False)
    counted = positions[(positions >= 0) & dated.to_numpy(dtype=bool)]
    return np.bincount(counted, minlength=leads).astype(float)


def _median(values: pd.Series) -> float | None:
    values = values.dropna()
    return float(values.median()) if len(values) else None


def _mean(values: pd.Series) -> float | None:
    values = values.dropna()
    return float(values.mean()) if len(values) else None


def _figures(leads: pd.DataFrame, past: pd.DataFrame, has_touches: bool) -> dict[str, Number]:
    with_opp = int(leads["has_opportunity"].sum())
    return {
        "leads": len(leads),
        "with_opportunity": with_opp,
        "conversion": ratio(with_opp, len(leads)),
        "median_days_to_opportunity": _median(leads["days_to_opportunity"]),
        "past_lifetime": len(past),
        "touches_per_lead": _mean(leads["touches"]) if has_touches else None,
        "touches_per_lead_median": _median(leads["touches"]) if has_touches else None,
    }


def _tactic_row(tactic: str, group: pd.DataFrame, has_crm: bool, has_touches: bool) -> dict:
    with_opp = int(group["has_opportunity"].sum())
    reps = casefolded(group["crm_owner"].dropna()).nunique() if has_crm else None
    return {
        "tactic": tactic,
        "leads": len(group),
        "with_opportunity": with_opp,
        "conversion": ratio(with_opp, len(group)),
        "median_days_to_opportunity": _median(group["days_to_opportunity"]),
        "reps": reps,
        "touches_mean": _mean(group["touches"]) if has_touches else None,
        "touches_median": _median(group["touches"]) if has_touches else None,
    }


def _rep_rows(leads: pd.DataFrame) -> list[dict]:
    """Per tactic and CRM owner (ignoring case, first spelling shown): leads and conversion."""
    out = []
    # Leads no rep owns (never sent, or not in the CRM) say nothing about a rep: left out.
    owned = leads.loc[leads["crm_owner"].notna(), ["tactic", "crm_owner", "has_opportunity"]]
    keyed = owned.assign(_rep=fold(owned["crm_owner"]))
    for (tactic, _), group in keyed.groupby(["tactic", "_rep"], sort=True):
        with_opp = int(group["has_opportunity"].sum())
        out.append({"tactic": str(tactic), "rep": str(group["crm_owner"].iloc[0]),
                    "leads": len(group), "with_opportunity": with_opp,
                    "conversion": ratio(with_opp, len(group))})
    return out


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
