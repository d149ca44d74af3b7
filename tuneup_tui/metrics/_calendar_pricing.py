"""The coming weeks' calendar priced at each tactic's own history: what its expected leads and
sessions should bring, by the rates that tactic has shown so far.

A calendar entry is a tactic's when its name is the tactic's (ignoring case); its programme is
its `kind` (paid, webinar, event, email, ...). Its rates, over its life up to the as-of date:
leads per paid click (its leads / the clicks of the paid program of its name), opportunity
rate (its leads with an opportunity / its leads), value per opportunity (pipeline /
opportunities) and cost per lead (total cost / leads). A rate the entry's own history cannot
give (a new campaign, a tactic without clicks) comes from its programme (the pooled sums of the
tactics whose calendar entries share its kind), else from all tactics; `rate_from` says which.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.metrics._sales import fold
from tuneup_tui.metrics._tactic_leads import TacticData
from tuneup_tui.metrics.result import ratio

SUMS = ("leads", "with_opp", "opps", "pipeline", "cost", "clicks")
RATES = {"leads_per_click": ("leads", "clicks"), "opportunity_rate": ("with_opp", "leads"),
         "value_per_opportunity": ("pipeline", "opps"), "cost_per_lead": ("cost", "leads")}
OWN = "own history"
ALL = "all tactics"


def tactic_sums(flights: dict[str, dict], data: TacticData, paid: pd.DataFrame | None,
                as_of: date) -> dict[str, dict[str, float]]:
    """Per folded tactic name: the sums its rates are made of."""
    clicks: dict[str, float] = {}
    if paid is not None:
        upto = paid[(paid["date"].dt.date <= as_of).fillna(False).to_numpy(bool)]
        clicks = upto.groupby(fold(upto["program"]))["clicks"].sum().to_dict()
    out = {}
    opps = data.opps
    leads, with_opp = data.per_tactic(), data.per_tactic(~np.isnat(data.first_opp))
    for key, flight in flights.items():
        code = data.code(key)
        mine = opps.tactic == code
        out[key] = {"leads": float(leads[code]), "with_opp": float(with_opp[code]),
                    "opps": float(mine.sum()), "pipeline": float(opps.amount[mine].sum()),
                    "cost": flight["cost"] + flight["internal"],
                    "clicks": float(clicks.get(key, 0.0))}
    return out


def priced_rows(entries: pd.DataFrame, sums: dict[str, dict[str, float]],
                programme_of: dict[str, str], weeks: list[tuple[date, date]]) -> list[dict]:
    """Each entry overlapping the window with its expected leads and sessions in the window
    (per week it runs, as the calendar panel counts them) and what they should bring."""
    rows = []
    for entry in entries.to_dict("records"):
        key = str(entry["name"]).strip().casefold()
        kind = str(entry["kind"]).strip().casefold() if isinstance(entry["kind"], str) else ""
        running = sum(1 for lo, hi in weeks
                      if entry["start"].date() <= hi and entry["end"].date() >= lo)
        rates, source = _rates(key, kind, sums, programme_of)
        leads = _times(entry.get("expected_leads"), running)
        sessions = _times(entry.get("expected_sessions"), running)
        opps = _times(leads, rates["opportunity_rate"])
        rows.append({
            "name": entry["name"], "programme": kind or None,
            "start": entry["start"].date(), "end": entry["end"].date(),
            "expected_sessions": sessions, "expected_leads": leads,
            "leads_from_sessions": _times(sessions, rates["leads_per_click"]),
            "opportunities": opps,
            "pipeline": _times(opps, rates["value_per_opportunity"]),
            "cost_at_cost_per_lead": _times(leads, rates["cost_per_lead"]),
            "rate_from": source, "weeks_running": running,
        })
    return rows


def _rates(key: str, kind: str, sums: dict[str, dict[str, float]],
           programme_of: dict[str, str]) -> tuple[dict[str, float | None], str]:
    """The entry's rates, each from the first of own history, programme, all tactics that
    gives it; the source named is the opportunity rate's (the one every price leans on)."""
    own = sums.get(key)
    mates = [s for k, s in sums.items() if programme_of.get(k) == kind and kind]
    levels = [(OWN, [own] if own else []), (f"programme {kind}", mates),
              (ALL, list(sums.values()))]
    out: dict[str, float | None] = {}
    named = ALL
    for rate, (num, den) in RATES.items():
        out[rate] = None
        for label, group in levels:
            value = ratio(sum(g[num] for g in group), sum(g[den] for g in group))
            if group and value is not None:
                out[rate] = value
                if rate == "opportunity_rate":
                    named = label
                break
    return out, named


def _times(value: object, factor: object) -> float | None:
    if not isinstance(value, int | float) or value != value:
        return None
    if not isinstance(factor, int | float) or factor != factor:
        return None
    return float(value) * float(factor)
