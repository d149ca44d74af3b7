"""Calling capacity per territory, counting the leads already being worked, and the proposed
reassignments when a territory is over its capacity.

Per territory (of the territories source, names compared ignoring case):

- capacity = its reps x the calls a rep makes in a busy period (the follow-up panel's
  `capacity_per_rep`: the team's 90th percentile of calls per rep per period over the baseline);
- demand = its new leads (sent to sales in the period, by the lead's territory) x `attempts`
  (3) + its leads being worked x `worked_calls` (1): leads sent in the `working_days` (30)
  before the period, of the working class in the CRM, without an opportunity;
- over capacity when demand > capacity; utilisation = demand / capacity.

Reassignment rule, for each territory over capacity: the leads to move are as many as cover the
excess, ceil((demand - capacity) / attempts); they are taken from the territory's new leads no
activity names yet, the longest waiting first (a lead a rep has started on stays with them).
Each goes to the rep of a territory under capacity with the most spare calls (their share of
their territory's spare: spare / reps), who then has `attempts` calls fewer to spare; a rep
with fewer spare calls than `attempts` takes none. Leads that find no such rep are not
proposed, and the panel says how many.
"""

from __future__ import annotations

import math

import pandas as pd

from tuneup_tui.metrics._sales import fold
from tuneup_tui.metrics.result import Number, ratio


def territory_rows(reps: dict[str, list[str]], names: dict[str, str], new: pd.DataFrame,
                   worked: pd.DataFrame, per_rep: float | None, attempts: float,
                   worked_calls: float) -> list[dict]:
    """One row per territory: reps, new and worked leads, demand, capacity, utilisation."""
    new_by = fold(new["territory"]).value_counts()
    worked_by = fold(worked["territory"]).value_counts()
    rows = []
    for key in sorted(set(reps) | set(new_by.index) | set(worked_by.index), key=str):
        if not isinstance(key, str):
            continue
        n_new, n_worked = int(new_by.get(key, 0)), int(worked_by.get(key, 0))
        team = reps.get(key, [])
        demand = n_new * attempts + n_worked * worked_calls
        capacity = None if per_rep is None else per_rep * len(team)
        rows.append({
            "territory": names.get(key, key), "key": key, "reps": len(team),
            "new_leads": n_new, "worked_leads": n_worked, "calls_demanded": demand,
            "calling_capacity": capacity, "utilisation": ratio(demand, capacity),
            "over_capacity": capacity is not None and demand > capacity,
        })
    return rows


def reassignments(rows: list[dict], reps: dict[str, list[str]], waiting: pd.DataFrame,
                  attempts: float) -> tuple[list[dict], int]:
    """The proposed moves (lead, from, to) and how many leads to move found no rep.

    `waiting`: the period's new leads no activity names (lead_id, territory, owner,
    sent_to_sales_at).
    """
    spare: dict[str, tuple[str, float]] = {}  # rep -> (territory shown, spare calls)
    for row in rows:
        cap = row["calling_capacity"]
        if cap is None or row["over_capacity"] or not reps.get(row["key"]):
            continue
        share = (cap - row["calls_demanded"]) / len(reps[row["key"]])
        for rep in reps[row["key"]]:
            spare[rep] = (row["territory"], share)
    moves: list[dict] = []
    unplaced = 0
    keys = fold(waiting["territory"])
    for row in rows:
        if not row["over_capacity"]:
            continue
        need = math.ceil((row["calls_demanded"] - row["calling_capacity"]) / attempts)
        theirs = waiting[(keys == row["key"]).fillna(False).to_numpy(bool)]
        theirs = theirs.sort_values(["sent_to_sales_at", "lead_id"], kind="stable").head(need)
        for lead in _records(theirs):
            # the most spare calls; a tie goes to the first rep in the territories file
            taker = max(spare, key=lambda r: spare[r][1], default=None)
            if taker is None or spare[taker][1] < attempts:
                unplaced += 1
                continue
            territory, calls = spare[taker]
            spare[taker] = (territory, calls - attempts)
            moves.append({"lead_id": lead["lead_id"], "territory": row["territory"],
                          "from_rep": _text(lead["owner"]), "to_rep": taker,
                          "to_territory": territory,
                          "sent_to_sales_at": lead["sent_to_sales_at"]})
        unplaced += max(0, need - len(theirs))
    return moves, unplaced


def _records(leads: pd.DataFrame) -> list[dict]:
    """The leads' lead_id, owner and sent_to_sales_at, one dict each (the cells as
    `to_dict("records")` gives them, without boxing the columns not read)."""
    columns = ("lead_id", "owner", "sent_to_sales_at")
    return [dict(zip(columns, cells, strict=True))
            for cells in zip(*(leads[c].tolist() for c in columns), strict=True)]


def _text(value: object) -> str | None:
    return None if value is None or value is pd.NA or value != value else str(value)


def totals(rows: list[dict]) -> dict[str, Number]:
    """Territories over capacity (n/a without a capacity)."""
    known = [r for r in rows if r["calling_capacity"] is not None]
    return {"territories_over_capacity": sum(1 for r in known if r["over_capacity"])
            if known else None}
