"""Leads to sales panel: were the leads delivered found in the CRM, with the right rep?

"If marketing says 1,000 leads went to sales, can the sales manager find all 1,000 assigned to
the right reps?" Delivered leads are matched to the CRM by lead_id (first CRM row per lead);
the right rep is a rep of the lead's own territory (from leads, not from the CRM). Options
(`[panels.handoff]`): `min_missing`, `min_wrong_rep`, `min_unassigned`, `min_duplicates` (the
count at which each finding fires, default 1).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics._sales import (
    agree,
    first_spelling,
    fold,
    id_list,
    reps_by_territory,
    stamp,
    territory_reps,
    text,
)
from tuneup_tui.metrics.common import (
    finding,
    in_baseline,
    in_period,
    mean_per_period,
    optional_frame,
    period_phrase,
    ratio,
)
from tuneup_tui.metrics.coverage import source_baseline
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import (
    Finding,
    Number,
    PanelResult,
    PanelSettings,
    Series,
    Severity,
    Table,
)
from tuneup_tui.metrics.shared import lead_rows, leads_once, sent_in, sent_joined, sent_per_period

NAME = "handoff"
NO_TERRITORY = "(no territory)"


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Leads delivered, found in the CRM, with the right rep, unassigned, missing, duplicated."""
    baseline = period.baseline(settings.baseline_periods)
    notes: list[str] = []
    leads = leads_once(pack)
    crm = pack.frame("crm")
    territories = optional_frame(pack, "territories", notes)
    if territories is None:
        notes.append("right rep needs the territories source; shown as n/a")

    # only the leads sent in the baseline or the period are read row by row: joined to the CRM
    # and judged for those alone
    span = sent_in(pack, period, baseline)
    marked = _mark(sent_joined(pack, period, baseline), territories)
    spelling = ({r.casefold(): r for r in territory_reps(territories)}
                if territories is not None else {})
    # lead ids that stand more than once in the CRM: the leads' own counted by position, the
    # CRM's other ids (leads the leads source lacks) by value
    positions = lead_rows(pack, "crm", crm)
    per_lead = np.bincount(positions[positions >= 0], minlength=len(leads))
    others = crm["lead_id"].to_numpy(dtype=object)[positions < 0]  # few: their blanks only
    counts = pd.Series(others[~pd.isna(others)], dtype="str").value_counts()
    duplicates_total = int((per_lead > 1).sum()) + int((counts > 1).sum())
    # each lead's position, to find its CRM rows by position rather than by comparing ids
    marked = marked.assign(duplicate=per_lead[span] > 1, _position=np.flatnonzero(span))

    cur = in_period(marked, "sent_to_sales_at", period)
    # counts average over the baseline periods the leads sent to sales have data for
    coverage: dict[str, tuple[int, int]] = {}
    sent_baseline = source_baseline(pack, "leads", baseline, coverage, "sent_to_sales_at")
    base = in_baseline(marked, "sent_to_sales_at", sent_baseline)
    has_reps = territories is not None
    figures = _figures(cur, has_reps)
    figures["duplicates_total"] = duplicates_total
    baseline_figures = _baseline_figures(base, sent_baseline, has_reps)

    missing = cur[~cur["in_crm"]].sort_values("lead_id")
    wrong = cur[cur["wrong_rep"]].sort_values("lead_id")
    unassigned = cur[cur["in_crm"] & cur["crm_owner"].isna()].sort_values("lead_id")
    dups = cur[cur["duplicate"]].sort_values("lead_id")
    tables = {
        "missing": Table(
            "Delivered leads not in the CRM",
            ("lead_id", "created_at", "program", "score", "territory", "sent_to_sales_at"),
            tuple(_lead_row(r) for r in missing.to_dict("records")),
        ),
        "wrong_rep": Table(
            "Delivered leads with a rep outside their territory",
            ("lead_id", "territory", "owner", "crm_territory"),
            tuple({"lead_id": text(r["lead_id"]), "territory": text(r["territory"]),
                   "owner": text(r["crm_owner"]), "crm_territory": text(r["crm_territory"])}
                  for r in wrong.to_dict("records")),
        ),
        "duplicates": Table(
            "Delivered leads that stand more than once in the CRM",
            ("lead_id", "crm_rows", "owners"),
            tuple(_duplicate_row(r["lead_id"], crm, positions == r["_position"])
                  for r in dups.to_dict("records")),
        ),
        "by_rep": Table(
            "Delivered leads by CRM owner",
            ("rep", "leads", "right_rep", "wrong_rep"),
            tuple(_by_rep(cur, has_reps, spelling)),
        ),
        "by_territory": Table(
            "Delivered leads by the lead's territory",
            ("territory", "delivered", "found", "missing", "unassigned", "right_rep",
             "wrong_rep"),
            tuple(_by_territory(cur, has_reps)),
        ),
    }
    series = {"delivered_trend": Series("Leads delivered to sales",
                                        *sent_per_period(pack, period, baseline), "trend")}
    findings = _findings(period, cur, missing, wrong, unassigned, dups, settings)
    return PanelResult(
        name=NAME, title=PANEL_TITLES[NAME], period=period, baseline=baseline,
        baseline_coverage=coverage,
        figures=figures, baseline_figures=baseline_figures, tables=tables, series=series,
        findings=tuple(findings), notes=tuple(notes),
    )


def _mark(joined: pd.DataFrame, territories: pd.DataFrame | None) -> pd.DataFrame:
    """Each lead marked right_rep / wrong_rep (False for both without territories)."""
    owned = joined["in_crm"] & joined["crm_owner"].notna()
    if territories is None:
        return joined.assign(right_rep=False, wrong_rep=False)
    reps = reps_by_territory(territories)
    # Judged once per distinct (territory, owner) pair, not once per lead: a million leads
    # hold a few dozen pairs.
    t_codes, t_names = pd.factorize(joined["territory"])
    r_codes, r_names = pd.factorize(joined["crm_owner"])
    t_keys = list(fold(pd.Series(t_names, dtype="str")))
    r_keys = list(fold(pd.Series(r_names, dtype="str")))
    named = (t_codes >= 0) & (r_codes >= 0)
    right = named.copy()
    # Only the pairs that occur: a table of every territory x owner could be huge.
    width = len(r_names)
    pairs, inverse = np.unique(t_codes[named].astype(np.int64) * width + r_codes[named],
                               return_inverse=True)
    verdict = np.array([r_keys[p % width] in reps.get(t_keys[p // width], set())
                        for p in pairs.tolist()], dtype=bool)
    right[named] = verdict[inverse.reshape(-1)]
    right_s = pd.Series(right, index=joined.index, dtype=bool) & owned
    return joined.assign(right_rep=right_s, wrong_rep=owned & ~right_s)


def _figures(rows: pd.DataFrame, has_reps: bool) -> dict[str, Number]:
    delivered = len(rows)
    found = int(rows["in_crm"].sum())
    right = int(rows["right_rep"].sum())
    return {
        "leads_delivered": delivered,
        "found": found,
        "found_rate": ratio(found, delivered),
        "missing": delivered - found,
        "unassigned": int((rows["in_crm"] & rows["crm_owner"].isna()).sum()),
        "right_rep": right if has_reps else None,
        "wrong_rep": int(rows["wrong_rep"].sum()) if has_reps else None,
        "right_rep_rate": ratio(right, delivered) if has_reps else None,
        "duplicates": int(rows["duplicate"].sum()),
    }


def _baseline_figures(rows: pd.DataFrame, baseline: Baseline, has_reps: bool
                      ) -> dict[str, Number]:
    """Counts as the mean per period; the two rates pooled over the baseline's deliveries."""
    totals = _figures(rows, has_reps)
    out: dict[str, Number] = {
        k: mean_per_period(v, baseline) for k, v in totals.items() if not k.endswith("_rate")
    }
    out["found_rate"] = totals["found_rate"]
    out["right_rep_rate"] = totals["right_rep_rate"]
    return out


def _lead_row(r: dict) -> dict:
    return {
        "lead_id": text(r["lead_id"]),
        "created_at": stamp(r["created_at"]),
        "program": text(r["program"]),
        "score": r["score"],
        "territory": text(r["territory"]),
        "sent_to_sales_at": stamp(r["sent_to_sales_at"]),
    }


def _duplicate_row(lead_id: object, crm: pd.DataFrame, naming: np.ndarray) -> dict:
    """The CRM rows of a lead (`naming`: the rows whose lead_id is the lead's) and owners."""
    rows = crm[naming]
    owners = sorted({str(o) for o in rows["owner"].dropna()}, key=lambda o: (o.casefold(), o))
    return {"lead_id": text(lead_id), "crm_rows": len(rows), "owners": ", ".join(owners)}


def _by_rep(rows: pd.DataFrame, has_reps: bool, spelling: dict[str, str]) -> list[dict]:
    """Found leads per CRM owner; owners named as territories spell them, else as first seen."""
    owned = rows[rows["in_crm"] & rows["crm_owner"].notna()]
    out = []
    for key, group in owned.groupby(fold(owned["crm_owner"]), sort=False):
        out.append({
            "rep": spelling.get(str(key), str(group["crm_owner"].iloc[0])),
            "leads": len(group),
            "right_rep": int(group["right_rep"].sum()) if has_reps else None,
            "wrong_rep": int(group["wrong_rep"].sum()) if has_reps else None,
        })
    return sorted(out, key=lambda r: (-r["leads"], r["rep"].casefold()))


def _by_territory(rows: pd.DataFrame, has_reps: bool) -> list[dict]:
    # "west" and "West" are one territory (names compare ignoring case), shown as first written
    keyed = rows.assign(_territory=first_spelling(rows["territory"]).fillna(NO_TERRITORY))
    out = []
    for territory, group in keyed.groupby("_territory", sort=False):
        f = _figures(group, has_reps)
        out.append({"territory": str(territory), "delivered": f["leads_delivered"],
                    "found": f["found"], "missing": f["missing"],
                    "unassigned": f["unassigned"], "right_rep": f["right_rep"],
                    "wrong_rep": f["wrong_rep"]})
    return sorted(out, key=lambda r: r["territory"].casefold())


def _findings(period: Period, cur: pd.DataFrame, missing: pd.DataFrame, wrong: pd.DataFrame,
              unassigned: pd.DataFrame, dups: pd.DataFrame, settings: PanelSettings
              ) -> list[Finding]:
    words = period_phrase(period)
    total = len(cur)
    out: list[Finding] = []
    checks: tuple[tuple[str, str, Severity, pd.DataFrame, str], ...] = (
        ("missing_in_crm", "min_missing", "high", missing, "are not in the CRM"),
        ("wrong_rep", "min_wrong_rep", "medium", wrong,
         "are with a rep outside the lead's territory"),
        ("unassigned", "min_unassigned", "medium", unassigned, "are in the CRM with no owner"),
        ("duplicates", "min_duplicates", "low", dups, "stand more than once in the CRM"),
    )
    for key, option, severity, rows, what in checks:
        count = len(rows)
        if count == 0 or count < int(settings.option(option, 1)):
            continue
        ids = [str(i) for i in rows["lead_id"].dropna()]
        out.append(finding(
            NAME, key, severity,
            f"{count} of {total} leads sent to sales {words} {agree(count, what)}: "
            f"{id_list(ids)}",
            count=count, leads_delivered=total,
        ))
    return out
