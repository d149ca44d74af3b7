"""Tactic economics: what each tactic cost, what it brought and returned, how fast its leads
move, how its weekly lead cohorts convert, and how each rep converts its leads.

Per tactic (a row of tactics, its leads those whose program is the tactic; see
`_tactic_leads`): cost, internal cost, leads, accepted, opportunities, pipeline, proposals, won
deals and revenue over its life up to the as-of date; cost per lead, per opportunity and per won
deal; ROMI for the review period, the quarter to date and the tactic's life; median days from
lead to opportunity and to a won deal. A window's ROMI sets the revenue of the deals won (closed
at) in the window against the tactic's cost placed in the window (`window_cost`). Options
(`[panels.tactic_economics]`): `cohort_weeks` (weekly cohorts shown, default 16).
"""

from __future__ import annotations

from datetime import date

import numpy as np

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period
from tuneup_tui.metrics._sales import plural
from tuneup_tui.metrics._tactic_cohorts import ALL_TACTICS, cohort_rows
from tuneup_tui.metrics._tactic_leads import (
    TacticData,
    median_days,
    tactic_data,
    tactic_flights,
    window_cost,
)
from tuneup_tui.metrics._tactic_reps import rep_findings, rep_rows
from tuneup_tui.metrics.common import optional_frame
from tuneup_tui.metrics.day_span import days_mask
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import Number, PanelResult, PanelSettings, Series, Table, ratio

NAME = "tactic_economics"
COLUMNS = ("tactic", "cost", "internal_cost", "total_cost", "leads", "accepted",
           "opportunities", "proposals", "closed_won", "pipeline", "closed_won_revenue",
           "cost_per_lead", "cost_per_opportunity", "cost_per_won_deal", "romi_period",
           "romi_qtd", "romi_life", "median_days_to_opportunity", "median_days_to_won")
COHORT_COLUMNS = ("week", "tactic", "leads", "conversion_30d", "conversion_60d",
                  "conversion_90d")
COUNTS = ("cost", "internal_cost", "leads", "accepted", "opportunities", "proposals",
          "closed_won", "pipeline", "closed_won_revenue", "cost_period", "revenue_period",
          "cost_qtd", "revenue_qtd")


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Economics per tactic and in total, weekly cohorts, and rep conversion per tactic."""
    baseline = period.baseline(settings.baseline_periods)
    as_of = settings.as_of
    notes: list[str] = []
    tactics = pack.frame("tactics")
    crm = optional_frame(pack, "crm", notes)
    flights = tactic_flights(tactics)
    data = tactic_data(pack, set(flights), as_of, crm)
    quarter = date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1)
    windows = {"period": (period.start, period.end), "qtd": (quarter, as_of)}
    per_lead = (data.per_tactic(), data.per_tactic(data.accepted), data.days_per_tactic())
    rows = [_row(flight, data, data.code(key), per_lead, windows, as_of)
            for key, flight in flights.items()]
    totals = _totals(rows, data)
    if data.stray:
        notes.append(f"{plural(data.stray, 'lead')} from programs that are not in tactics")
    if any(f["start"] is None for f in flights.values()):
        notes.append("a tactic without a start date has no period or quarter ROMI: its cost "
                     "cannot be placed in time")
    if crm is None:
        notes.append("accepted leads and rep conversion need the crm source; shown as n/a")
    names = {k: f["name"] for k, f in flights.items()}
    cohorts, pooled = cohort_rows(data, names, period.end,
                                  int(settings.option("cohort_weeks", 16)), as_of)
    reps = rep_rows(data, names) if data.has_crm else []
    figures: dict[str, Number] = {
        "tactics": len(rows),
        **{k: totals[k] for k in (*COUNTS, "total_cost", "cost_per_lead",
                                  "cost_per_opportunity", "cost_per_won_deal", "romi_period",
                                  "romi_qtd", "romi_life", "median_days_to_opportunity",
                                  "median_days_to_won")},
        **pooled,
        "reps_clearly_behind": (sum(1 for r in reps if r["clearly_behind"])
                                if data.has_crm else None),
    }
    if not data.has_crm:
        figures["accepted"] = None
    tables = {
        "tactics": Table("Tactic economics (life to date; ROMI by window)", COLUMNS,
                         (*rows, totals)),
        "cohorts": Table("Weekly lead cohorts: share with an opportunity within 30, 60, 90 days",
                         COHORT_COLUMNS[:1] + COHORT_COLUMNS[2:],
                         tuple(r for r in cohorts if r["tactic"] == ALL_TACTICS)),
        "tactic_cohorts": Table("Weekly lead cohorts per tactic", COHORT_COLUMNS,
                                tuple(r for r in cohorts if r["tactic"] != ALL_TACTICS)),
        "reps": Table("Rep conversion per tactic, 90% Wilson interval, ranked by its low end",
                      ("tactic", "rep", "rank", "leads", "with_opportunity", "conversion",
                       "low", "high", "clearly_behind"), tuple(reps)),
    }
    series = {"romi_qtd": Series("ROMI quarter to date per tactic",
                                 tuple(r["tactic"] for r in rows),
                                 tuple(r["romi_qtd"] for r in rows), "share")}
    return PanelResult(
        name=NAME, title=PANEL_TITLES[NAME], period=period, baseline=baseline,
        figures=figures, baseline_figures={}, tables=tables, series=series,
        findings=tuple(rep_findings(NAME, reps)), notes=tuple(notes),
    )


def _row(flight: dict, data: TacticData, code: int,
         per_lead: tuple[np.ndarray, np.ndarray, list[np.ndarray]],
         windows: dict[str, tuple[date, date]], as_of: date) -> dict:
    """One tactic's row; `per_lead`: the leads, the accepted leads and the days to the first
    opportunity of each tactic."""
    leads, accepted, days = per_lead
    opps = data.opps
    mine = opps.tactic == code
    won = mine & opps.won
    row: dict = {
        "tactic": flight["name"], "cost": flight["cost"], "internal_cost": flight["internal"],
        "leads": int(leads[code]),
        "accepted": int(accepted[code]) if data.has_crm else None,
        "opportunities": int(mine.sum()), "proposals": int(opps.proposal[mine].sum()),
        "closed_won": int(won.sum()), "pipeline": float(opps.amount[mine].sum()),
        "closed_won_revenue": float(opps.amount[won].sum()),
        "median_days_to_opportunity": median_days(days[code]),
        "median_days_to_won": median_days(opps.days_to_won[won]),
    }
    total = flight["cost"] + flight["internal"]
    for name, (lo, hi) in windows.items():
        row[f"cost_{name}"] = window_cost(total, flight["start"], flight["end"], as_of, lo, hi)
        closed = won & days_mask(opps.closed, lo, hi)
        row[f"revenue_{name}"] = float(opps.amount[closed].sum())
    return _rates(row)


def _rates(row: dict) -> dict:
    total = row["cost"] + row["internal_cost"]
    row["total_cost"] = total
    row["cost_per_lead"] = ratio(total, row["leads"])
    row["cost_per_opportunity"] = ratio(total, row["opportunities"])
    row["cost_per_won_deal"] = ratio(total, row["closed_won"])
    row["romi_life"] = ratio(row["closed_won_revenue"] - total, total)
    for name in ("period", "qtd"):
        cost = row[f"cost_{name}"]
        row[f"romi_{name}"] = (None if cost is None
                               else ratio(row[f"revenue_{name}"] - cost, cost))
    return row


def _totals(rows: list[dict], data: TacticData) -> dict:
    """The Total row: sums of the tactics; a window's cost only when every tactic has one."""
    total: dict = {"tactic": "Total"}
    for key in COUNTS:
        values = [r[key] for r in rows]
        total[key] = None if any(v is None for v in values) else sum(values)
    total["median_days_to_opportunity"] = median_days(data.days_to_opp)
    total["median_days_to_won"] = median_days(data.opps.days_to_won[data.opps.won])
    return _rates(total)
