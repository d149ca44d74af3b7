"""Return on marketing investment per tactic, over each tactic's life up to the as-of date.

A tactic's leads are the leads whose program is the tactic (names compared ignoring case),
created up to the as-of date; their opportunities are those naming one of those leads, created
up to the as-of date. Proposals are the opportunities that reached Proposal: now at a stage
beginning "Proposal" or "Negotiation", or Closed Won (a won deal passed through it); a Closed
Lost one is left out, since a snapshot of stages cannot say whether it got that far. Pipeline is
the amount of all their opportunities, open pipeline of those not yet closed. Options
(`[panels.romi]`): `min_leads` (a tactic with at least this many leads and no opportunity is
a finding, default 1).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period
from tuneup_tui.metrics._sales import fold, plural
from tuneup_tui.metrics.codes import counts_by_key, lookup
from tuneup_tui.metrics.common import finding, money, pct, ratio, up_to_day
from tuneup_tui.metrics.funnel_counts import stage_key
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import Finding, Number, PanelResult, PanelSettings, Series, Table
from tuneup_tui.metrics.shared import (
    lead_column,
    lead_rows,
    leads_once,
    opportunities_once,
    opportunity_column,
)

NAME = "romi"
COLUMNS = ("tactic", "start", "end", "budget", "cost", "internal_cost", "total_cost",
           "share_of_budget", "leads", "with_opportunity", "conversion", "opportunities",
           "proposals", "closed_won", "pipeline", "open_pipeline", "closed_won_revenue",
           "cost_per_opportunity", "cost_per_won_deal", "romi")
REACHED_PROPOSAL = ("proposal", "negotiation", "closedwon")
"""Stage keys (letters only, lower-cased) that begin a stage at or past Proposal."""
CLOSED = ("closedwon", "closedlost")


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Cost, leads, conversion, proposals, closed-won revenue and ROMI per tactic, and in total."""
    baseline = period.baseline(settings.baseline_periods)
    notes: list[str] = []
    tactics = pack.frame("tactics")
    everyone = leads_once(pack)
    every_opp = opportunities_once(pack)
    # a lead's tactic is its program, names compared ignoring case: worked out per distinct
    # program (the pack's codes), not per lead
    program = lead_column(pack, "program")
    tactic = program.folded()
    kept = up_to_day(everyone["created_at"].to_numpy(), settings.as_of)
    # each opportunity with its lead's tactic, when the lead is one of the leads kept and has a
    # tactic (an inner join on lead_id, found by position)
    at = lead_rows(pack, "opportunities_once", every_opp)
    safe = np.where(at >= 0, at, 0)
    joins = ((at >= 0) & kept[safe] & (program.codes >= 0)[safe]
             & up_to_day(every_opp["created_at"].to_numpy(), settings.as_of))
    # each distinct stage's key worked out once (letters only, lower-cased), then spread over
    # the opportunities by code; an opportunity without a stage is open, neither won nor past
    # the proposal
    stage = opportunity_column(pack, "stage")
    keys = stage_key(pd.Series(stage.values, dtype="str"))
    codes = stage.codes[joins]
    # each opportunity's tactic as a number (one per folded name), compared as integers
    numbers, names = pd.factorize(tactic)
    opps = TacticOpps(tactic=np.asarray(numbers, dtype=np.intp)[program.codes[safe[joins]]],
                      numbers={str(n): i for i, n in enumerate(names)}, lead=at[joins],
                      won=lookup((keys == "closedwon").to_numpy(dtype=bool), codes, False),
                      proposal=lookup(keys.str.startswith(REACHED_PROPOSAL).fillna(False)
                                      .to_numpy(dtype=bool), codes, False),
                      open=lookup(~keys.isin(CLOSED).to_numpy(dtype=bool), codes, True),
                      amount=every_opp["amount"][joins].to_numpy(dtype="float64"))

    # leads per tactic counted once, on the codes
    per_tactic = counts_by_key(tactic, program.codes[kept])
    rows = [_tactic_row(name, group, per_tactic, opps) for name, group in _by_tactic(tactics)]
    totals = _totals(rows)
    known = {r["tactic"].strip().casefold() for r in rows}
    stray = sum(n for key, n in per_tactic.items() if key not in known)
    if stray:
        notes.append(f"{plural(stray, 'lead')} from programs that are not in tactics")

    figures: dict[str, Number] = {
        "tactics": len(rows),
        **{k: totals[k] for k in ("cost", "internal_cost", "total_cost", "leads",
                                  "with_opportunity", "conversion", "opportunities",
                                  "proposals", "closed_won", "pipeline", "open_pipeline",
                                  "closed_won_revenue", "cost_per_opportunity",
                                  "cost_per_won_deal", "romi")},
    }
    tables = {"tactics": Table("Return on marketing investment per tactic", COLUMNS,
                               (*rows, totals))}
    series = {
        "romi": Series("ROMI per tactic", tuple(r["tactic"] for r in rows),
                       tuple(r["romi"] for r in rows), "share"),
    }
    return PanelResult(
        name=NAME, title=PANEL_TITLES[NAME], period=period, baseline=baseline,
        figures=figures, baseline_figures={}, tables=tables, series=series,
        findings=tuple(_findings(rows, settings)), notes=tuple(notes),
    )


def _by_tactic(tactics: pd.DataFrame) -> list[tuple[str, pd.DataFrame]]:
    """Tactic rows grouped by name (ignoring case), first spelling kept, in file order."""
    named = tactics[tactics["tactic"].notna()]
    keys = fold(named["tactic"])
    out: dict[str, tuple[str, list[int]]] = {}
    for pos, (key, name) in enumerate(zip(keys, named["tactic"], strict=True)):
        out.setdefault(key, (str(name), []))[1].append(pos)
    return [(name, named.iloc[positions]) for name, positions in out.values()]


@dataclass(frozen=True)
class TacticOpps:
    """The opportunities of leads with a tactic, row for row (in file order)."""

    tactic: np.ndarray
    """The tactic of the opportunity's lead, as its number in `numbers`."""
    numbers: dict[str, int]
    """Each folded tactic name's number."""
    lead: np.ndarray
    """The lead's position in leads_once."""
    won: np.ndarray
    """Whether the stage is Closed Won (names compared ignoring case)."""
    proposal: np.ndarray
    """Whether the opportunity reached Proposal (now at Proposal, Negotiation or Closed Won)."""
    open: np.ndarray
    """Whether it is not closed (won or lost) yet."""
    amount: np.ndarray


def _tactic_row(name: str, group: pd.DataFrame, per_tactic: dict[str, int], opps: TacticOpps
                ) -> dict:
    key = name.strip().casefold()
    cost = float(group["cost"].fillna(0).sum())
    internal = float((group["internal_hours"].fillna(0) * group["hourly_rate"].fillna(0)).sum())
    budget = float(group["budget"].sum()) if group["budget"].notna().any() else None
    theirs = opps.tactic == opps.numbers.get(key, -1)
    won = theirs & opps.won
    row = {
        "tactic": name,
        "start": _first_day(group["start"], "min"),
        "end": _first_day(group["end"], "max"),
        "budget": budget,
        "cost": cost,
        "internal_cost": internal,
        "leads": per_tactic.get(key, 0),
        # every opportunity here names one of the tactic's leads, so the leads with an
        # opportunity are the distinct leads named
        "with_opportunity": len(np.unique(opps.lead[theirs])),
        "opportunities": int(theirs.sum()),
        "proposals": int((theirs & opps.proposal).sum()),
        "closed_won": int(won.sum()),
        "pipeline": float(pd.Series(opps.amount[theirs]).fillna(0).sum()),
        "open_pipeline": float(pd.Series(opps.amount[theirs & opps.open]).fillna(0).sum()),
        # the won amounts in file order, summed as the column always was
        "closed_won_revenue": float(pd.Series(opps.amount[won]).fillna(0).sum()),
    }
    return _rates(row)


def _rates(row: dict) -> dict:
    total_cost = row["cost"] + row["internal_cost"]
    row["total_cost"] = total_cost
    row["share_of_budget"] = ratio(total_cost, row["budget"])
    row["conversion"] = ratio(row["with_opportunity"], row["leads"])
    row["cost_per_opportunity"] = ratio(total_cost, row["opportunities"])
    row["cost_per_won_deal"] = ratio(total_cost, row["closed_won"])
    row["romi"] = ratio(row["closed_won_revenue"] - total_cost, total_cost)
    return row


def _totals(rows: list[dict]) -> dict:
    total: dict = {"tactic": "Total", "start": None, "end": None}
    for key in ("cost", "internal_cost", "leads", "with_opportunity", "opportunities",
                "proposals", "closed_won", "pipeline", "open_pipeline", "closed_won_revenue"):
        total[key] = sum(r[key] for r in rows)
    budgets = [r["budget"] for r in rows if r["budget"] is not None]
    total["budget"] = sum(budgets) if budgets else None
    return _rates(total)


def _first_day(values: pd.Series, pick: str) -> str | None:
    """The earliest ("min") or latest ("max") date of a column, as ISO text."""
    days = values.dropna()
    if not len(days):
        return None
    value = days.min() if pick == "min" else days.max()
    return pd.Timestamp(value).date().isoformat()


def _findings(rows: list[dict], settings: PanelSettings) -> list[Finding]:
    out: list[Finding] = []
    min_leads = int(settings.option("min_leads", 1))
    for r in rows:
        if r["romi"] is not None and r["romi"] < 0:
            out.append(finding(
                NAME, f"negative_romi:{r['tactic']}", "high",
                f"{r['tactic']} returned {pct(r['romi'], 0)} on its {money(r['total_cost'])} "
                f"total cost: {money(r['closed_won_revenue'])} closed-won revenue so far",
                romi=r["romi"], total_cost=r["total_cost"],
                closed_won_revenue=r["closed_won_revenue"],
            ))
        if r["leads"] >= min_leads and r["leads"] > 0 and r["opportunities"] == 0:
            out.append(finding(
                NAME, f"no_opportunities:{r['tactic']}", "medium",
                f"{r['tactic']} brought {plural(r['leads'], 'lead')} and not one opportunity",
                leads=r["leads"],
            ))
        if r["budget"] is not None and r["total_cost"] > r["budget"]:
            out.append(finding(
                NAME, f"over_budget:{r['tactic']}", "medium",
                f"{r['tactic']} cost {money(r['total_cost'])} against a budget of "
                f"{money(r['budget'])} ({pct(r['share_of_budget'], 0)} of it)",
                total_cost=r["total_cost"], budget=r["budget"],
            ))
    return out
