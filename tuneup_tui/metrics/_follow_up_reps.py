"""The follow-up panel's rep side: calls and emails by rep against averages, calling capacity.

Reps are the reps named in territories when that source is there (the team as assigned), else
everyone with an activity in the period or the baseline. Activity types and rep names are
compared ignoring case.
"""

from __future__ import annotations

import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics._sales import fold, territory_reps
from tuneup_tui.metrics.common import in_baseline, in_period, mean_per_period, within


def reps_of(territories: pd.DataFrame | None, activities: pd.DataFrame, period: Period,
            baseline: Baseline) -> list[str]:
    """The reps whose capacity counts: from territories, else from the activities."""
    if territories is not None:
        return territory_reps(territories)
    return _names(_active(activities, period, baseline)["rep"])


def rep_rows(activities: pd.DataFrame, reps: list[str], period: Period, baseline: Baseline
             ) -> list[dict]:
    """Calls and emails per rep in the period, with the rep's mean per period over the baseline.

    Rows: every rep of `reps`, then anyone else with an activity in the period or baseline.
    """
    active = _active(activities, period, baseline)
    known = {r.casefold() for r in reps}
    everyone = reps + [r for r in _names(active["rep"]) if r.casefold() not in known]
    folded = _folded(activities)
    cur = in_period(folded, "date", period)
    base = in_baseline(folded, "date", baseline)
    counts = {kind: (_by_rep(cur, kind[:-1]), _by_rep(base, kind[:-1]))
              for kind in ("calls", "emails")}
    out = []
    for rep in everyone:
        key = rep.strip().casefold()
        row: dict = {"rep": rep}
        for kind, (now, before) in counts.items():
            row[kind] = now.get(key, 0)
            row[f"{kind}_avg"] = mean_per_period(before.get(key, 0), baseline)
        out.append(row)
    return out


def capacity(activities: pd.DataFrame, reps: list[str], baseline: Baseline, quantile: float
             ) -> float | None:
    """The `quantile` (0.9) of calls per rep per period over the baseline, all reps' periods.

    A rep's period without calls counts as 0; pandas' linear interpolation between values.
    None when there are no reps, or no activity of any kind in the baseline (the export does not
    reach back that far); activities there but no call gives 0, as the definition does.
    """
    folded = _folded(in_baseline(activities, "date", baseline))
    if not reps or len(baseline) == 0 or len(folded) == 0:
        return None
    values: list[int] = []
    for p in baseline.periods:
        made = _by_rep(in_period(folded, "date", p), "call")
        values.extend(made.get(rep.strip().casefold(), 0) for rep in reps)
    return float(pd.Series(values, dtype=float).quantile(quantile))


def _active(activities: pd.DataFrame, period: Period, baseline: Baseline) -> pd.DataFrame:
    start = baseline.start if len(baseline) else period.start
    return within(activities, "date", start, period.end)


def _names(series: pd.Series) -> list[str]:
    seen: dict[str, str] = {}
    for rep in series.dropna():
        seen.setdefault(str(rep).casefold(), str(rep))
    return sorted(seen.values(), key=str.casefold)


def _folded(activities: pd.DataFrame) -> pd.DataFrame:
    """Activities with rep and type folded once, for counting by name."""
    return activities.assign(_rep=fold(activities["rep"]), _type=fold(activities["type"]))


def _by_rep(rows: pd.DataFrame, kind: str) -> dict[str, int]:
    """Folded rep name -> number of activities of `kind` in `rows`."""
    chosen = rows[(rows["_type"] == kind).fillna(False)]
    return {str(k): int(v) for k, v in chosen["_rep"].value_counts().items()}
