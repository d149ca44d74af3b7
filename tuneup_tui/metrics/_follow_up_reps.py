"""The follow-up panel's rep side: calls and emails by rep against averages, calling capacity.

Reps are the reps named in territories when that source is there (the team as assigned), else
everyone with an activity in the period or the baseline. Activity types and rep names are
compared ignoring case.

Two million activities are counted as codes, not text: the activities dated in the window the
panel looks at (the baseline and the period) are cut out once, each distinct rep and type cell
is folded once (`RepActivity`), and a window's counts are a mask and a `bincount`.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics._sales import fold, territory_reps
from tuneup_tui.metrics.codes import column_codes, lookup
from tuneup_tui.metrics.common import mean_per_period, window_start
from tuneup_tui.metrics.day_span import days_mask


@dataclass(frozen=True)
class RepActivity:
    """Activities reduced to what counting by rep needs."""

    dates: np.ndarray
    """Each activity's date-time, datetime64 (NaT: in no window)."""
    rep: np.ndarray
    """Each activity's rep as an index into `names` (-1: no rep)."""
    names: tuple[str, ...]
    """Each distinct rep cell as written, in order of first appearance."""
    keys: tuple[str, ...]
    """The folded (stripped, case-folded) form of each of `names`."""
    type_codes: np.ndarray
    """Each activity's type as an index into `types` (-1: no type)."""
    types: tuple[str, ...]
    """The folded form of each distinct type cell."""


def rep_activity(pack: DataPack, activities: pd.DataFrame, period: Period, baseline: Baseline
                 ) -> RepActivity:
    """The activities (the pack's) dated in the baseline or the period, as a RepActivity built
    once per pack and window: every count of this module is over days of that window."""
    start = window_start(period, baseline)
    return pack.derived(("activities", "by_rep", start, period.end),
                        lambda: _build(pack, activities, start, period.end))


def _build(pack: DataPack, activities: pd.DataFrame, start: date, end: date) -> RepActivity:
    """The activities dated from `start` to `end`, their columns cut as plain arrays (the
    reps and types as codes into every rep and type of the activities)."""
    dates = activities["date"].to_numpy()
    rows = np.flatnonzero(days_mask(dates, start, end))
    rep = column_codes(pack, "activities", activities, "rep", rows)
    kind = column_codes(pack, "activities", activities, "type", rows)
    name_list = [str(n) for n in rep.values]
    return RepActivity(
        dates=dates[rows],
        rep=rep.codes, names=tuple(name_list),
        keys=tuple(str(k) for k in fold(pd.Series(name_list, dtype="str"))),
        type_codes=kind.codes,
        types=tuple(str(t) for t in fold(pd.Series([str(t) for t in kind.values],
                                                     dtype="str"))),
    )


def reps_of(territories: pd.DataFrame | None, act: RepActivity, period: Period,
            baseline: Baseline) -> list[str]:
    """The reps whose capacity counts: from territories, else from the activities."""
    if territories is not None:
        return territory_reps(territories)
    return _names(act, _active(act, period, baseline))


def rep_rows(act: RepActivity, reps: list[str], period: Period, baseline: Baseline
             ) -> list[dict]:
    """Calls and emails per rep in the period, with the rep's mean per period over the baseline.

    Rows: every rep of `reps`, then anyone else with an activity in the period or baseline.
    """
    known = {r.casefold() for r in reps}
    everyone = reps + [r for r in _names(act, _active(act, period, baseline))
                       if r.casefold() not in known]
    cur = _mask(act, period.start, period.end)
    base = (_mask(act, baseline.start, baseline.end) if len(baseline)
            else np.zeros(len(act.rep), dtype=bool))
    counts = {kind: (_by_rep(act, cur, kind[:-1]), _by_rep(act, base, kind[:-1]))
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


def capacity(act: RepActivity, reps: list[str], baseline: Baseline, quantile: float
             ) -> float | None:
    """The `quantile` (0.9) of calls per rep per period over the baseline, all reps' periods.

    A rep's period without calls counts as 0; pandas' linear interpolation between values.
    None when there are no reps, or no activity of any kind in the baseline (the export does not
    reach back that far); activities there but no call gives 0, as the definition does.
    """
    if not reps or len(baseline) == 0:
        return None
    if not _mask(act, baseline.start, baseline.end).any():
        return None
    values: list[int] = []
    for p in baseline.periods:
        made = _by_rep(act, _mask(act, p.start, p.end), "call")
        values.extend(made.get(rep.strip().casefold(), 0) for rep in reps)
    return float(pd.Series(values, dtype=float).quantile(quantile))


def _mask(act: RepActivity, start: date, end: date) -> np.ndarray:
    """Activities dated on a day from `start` to `end`, both included."""
    return days_mask(act.dates, start, end)


def _active(act: RepActivity, period: Period, baseline: Baseline) -> np.ndarray:
    start = window_start(period, baseline)
    return _mask(act, start, period.end)


def _names(act: RepActivity, mask: np.ndarray) -> list[str]:
    """Reps of the masked activities, the first spelling of each (ignoring case), sorted."""
    codes = act.rep[mask]
    codes = codes[codes >= 0]
    present, first = np.unique(codes, return_index=True)
    seen: dict[str, str] = {}
    for code in present[np.argsort(first, kind="stable")]:
        name = act.names[int(code)]
        seen.setdefault(name.casefold(), name)
    return sorted(seen.values(), key=str.casefold)


def _by_rep(act: RepActivity, mask: np.ndarray, kind: str) -> dict[str, int]:
    """Folded rep name -> number of masked activities of `kind`."""
    hit = np.array([t == kind for t in act.types], dtype=bool)  # one flag per distinct type
    if not hit.any():
        return {}
    chosen = mask & lookup(hit, act.type_codes, False) & (act.rep >= 0)
    made = np.bincount(act.rep[chosen], minlength=len(act.names))
    out: dict[str, int] = {}
    for code in np.flatnonzero(made):
        key = act.keys[int(code)]
        out[key] = out.get(key, 0) + int(made[code])
    return out
