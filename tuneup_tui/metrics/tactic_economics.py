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

import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period
from tuneup_tui.metrics._sales import fold, plural
from tuneup_tui.metrics._tactic_cohorts import ALL_TACTICS, cohort_rows
from tuneup_tui.metrics._tactic_leads import (
    TacticData,
    as_date,
    median_days,
    tactic_data,
    window_cost,
)
from tuneup_tui.metrics._tactic_reps import rep_findings, rep_rows
from tuneup_tui.metrics.common import optional_frame
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
    flights = _flights(tactics)
    data = tactic_data(pack, set(flights), as_of, crm)
    quarter = date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1)
    windows = {"period": (period.start, period.end), "qtd": (quarter, as_of)}
    rows = [_row(key, flight, data, windows, as_of) for key, flight in flights.items()]
    totals = _totals(rows, data)
    if data.stray:
        notes.append(f"{plural(data.stray, 'lead')} from programs that are not in tactics")
    if any(f["start"] is None for f in flights.values()):
        notes.append("a tactic without a start date has no period or quarter ROMI: its cost "
                     "cannot be placed in time")
    if crm is None:
        notes.append("accepted leads and rep conversion need the crm source; shown as n/a")
    names = {k: f["name"] for k, f in flights.items()}
    cohorts, pooled = cohort_rows(data.leads, names, period.end,
                                  int(settings.option("cohort_weeks", 16)), as_of)
    reps = rep_rows(data.leads, names) if data.has_crm else []
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


def _flights(tactics: pd.DataFrame) -> dict[str, dict]:
    """Folded tactic name -> its first spelling, summed cost, and flight (earliest start,
    latest end), in file order; rows naming one tactic in two cases are one tactic."""
    out: dict[str, dict] = {}
    named = tactics[tactics["tactic"].notna()]
    for key, row in zip(fold(named["tactic"]), named.to_dict("records"), strict=True):
        internal = _num(row["internal_hours"]) * _num(row["hourly_rate"])
        flight = out.setdefault(key, {"name": str(row["tactic"]), "cost": 0.0, "internal": 0.0,
                                      "start": None, "end": None})
        flight["cost"] += _num(row["cost"])
        flight["internal"] += internal
        start, end = as_date(row["start"]), as_date(row["end"])
        if start is not None and (flight["start"] is None or start < flight["start"]):
            flight["start"] = start
        if end is not None and (flight["end"] is None or end > flight["end"]):
            flight["end"] = end
    return out


def _num(value: object) -> float:
    """A number cell as a float, a blank one as 0 (a blank cost adds nothing)."""
    if not isinstance(value, int | float) or value != value:
        return 0.0
    return float(value)


def _row(key: str, flight: dict, data: TacticData, windows: dict[str, tuple[date, date]],
         as_of: date) -> dict:
    leads = data.leads[data.leads["tactic"] == key]
    opps = data.opps[data.opps["tactic"] == key]
    won = opps[opps["won"]]
    row: dict = {
        "tactic": flight["name"], "cost": flight["cost"], "internal_cost": flight["internal"],
        "leads": len(leads),
        "accepted": int(leads["accepted"].sum()) if data.has_crm else None,
        "opportunities": len(opps), "proposals": int(opps["proposal"].sum()),
        "closed_won": len(won), "pipeline": float(opps["amount"].sum()),
        "closed_won_revenue": float(won["amount"].sum()),
        "median_days_to_opportunity": median_days(leads["first_opp_at"], leads["created_at"]),
        "median_days_to_won": median_days(won["closed_at"], won["lead_created_at"]),
    }
    total = flight["cost"] + flight["internal"]
    for name, (lo, hi) in windows.items():
        row[f"cost_{name}"] = window_cost(total, flight["start"], flight["end"], as_of, lo, hi)
        closed = won["closed_at"].dt.date
        row[f"revenue_{name}"] = float(won["amount"][(closed >= lo) & (closed <= hi)].sum())
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
    opps = data.opps
    won = opps[opps["won"]]
    total["median_days_to_opportunity"] = median_days(data.leads["first_opp_at"],
                                                      data.leads["created_at"])
    total["median_days_to_won"] = median_days(won["closed_at"], won["lead_created_at"])
    return _rates(total)
