"""Budget pacing of one flight (a tactic, or a budgeted calendar entry): budget and spend for the
month and the quarter, share spent against share of the flight elapsed, the straight-line
projection to the flight's end and the day the budget runs out at the current rate.

With a flight of F days from `start` to `end`, E of them elapsed by the as-of date (the as-of
day counted; 0 before the start, F after the end), `spent` to date and `budget`:

- rate = spent / E a day (the flight's average so far: a straight line);
- projected spend at the flight's end = rate x F (spent, once the flight is over);
- the budget runs out on day ceil(budget / rate) of the flight (start + that - 1 days), shown
  only when that is before the flight ends; otherwise the budget lasts the flight;
- budget of a month or quarter = budget x (flight days in it) / F; spent in it = spent x
  (elapsed flight days in it) / E (`window_cost`);
- status: not started, ended, over budget (spent > budget), runs out early (projected above
  the budget by more than `pace_band`, 10%), under pace (below it by more), on pace.
"""

from __future__ import annotations

import math
from datetime import date, timedelta

from tuneup_tui.metrics._tactic_leads import window_cost
from tuneup_tui.metrics.result import ratio


def pacing_row(name: str, programme: str | None, start: date | None, end: date | None,
               budget: float | None, spent: float | None, as_of: date,
               month: tuple[date, date], quarter: tuple[date, date], band: float) -> dict:
    """One row of the pacing table."""
    row: dict = {"programme": programme, "tactic": name, "flight_start": start,
                 "flight_end": end, "budget": budget, "spent": spent}
    if start is None or end is None or end < start:
        return {**row, "status": "no flight dates"}
    days = (end - start).days + 1
    elapsed = min(max((as_of - start).days + 1, 0), days)
    for label, (lo, hi) in (("month", month), ("quarter", quarter)):
        overlap = (min(hi, end) - max(lo, start)).days + 1
        row[f"budget_{label}"] = None if budget is None else budget * max(overlap, 0) / days
        row[f"spent_{label}"] = (None if spent is None
                                 else window_cost(spent, start, end, as_of, lo, as_of))
    row["share_spent"] = ratio(spent, budget)
    row["share_elapsed"] = elapsed / days
    rate = ratio(spent, elapsed)
    row["projected_spend"] = (spent if elapsed == days else
                              None if rate is None else rate * days)
    row["runs_out"] = None
    if rate and budget is not None:
        last = start + timedelta(days=math.ceil(budget / rate) - 1)
        row["runs_out"] = last if last < end else None
    row["status"] = _status(row, elapsed, days, band)
    return row


def _status(row: dict, elapsed: int, days: int, band: float) -> str:
    budget, spent, projected = row["budget"], row["spent"], row["projected_spend"]
    if elapsed == 0:
        return "not started"
    if budget is None or spent is None:
        return "no budget" if budget is None else "no spend recorded"
    if spent > budget:
        return "over budget"
    if elapsed == days:
        return "ended"
    if projected is not None and projected > budget * (1 + band):
        return "runs out early"
    if projected is not None and projected < budget * (1 - band):
        return "under pace"
    return "on pace"


def totals_row(rows: list[dict]) -> dict:
    """The Total row: the budgets, and the spend of the flights that have a budget (spend
    without a budget is set against nothing)."""
    total: dict = {"programme": None, "tactic": "Total"}
    budgeted = [r for r in rows if r["budget"] is not None]
    for key in ("budget", "spent", "budget_month", "spent_month", "budget_quarter",
                "spent_quarter", "projected_spend"):
        values = [r.get(key) for r in budgeted if r.get(key) is not None]
        total[key] = sum(values) if values else None
    total["share_spent"] = ratio(total["spent"], total["budget"])
    return total
