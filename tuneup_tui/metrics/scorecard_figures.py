"""The scorecard's own figures, and figures of one tactic, for the rows no panel answers.

- wasted spend: the period's paid spend on click-farm suspects: sites with clicks and no names
  or a click-through rate far over their programme's (the Paid panel's `suspect`), plus the
  spend of programmes whose leads produced no opportunity over the whole baseline (the Paid
  panel's finding), each amount counted once;
- pipeline created: the amounts of the opportunities created in the period (each opportunity
  once); its baseline is the mean per baseline period the opportunities export covers (the
  funnel's opportunities count leaves out the same periods: coverage.py);
- bookings: the amounts of Closed Won opportunities whose closed_at falls in the span; the
  quarter row takes the quarter's first day to the period's end, against the same number of
  days from the first day of the quarter before (no baseline when the opportunities export
  starts after that day);
- one tactic's leads: leads created in the period whose program is the tactic (names compared
  ignoring case and spaces around), its baseline their mean per baseline period the leads
  export covers (as the funnel's leads count); one programme's spend, cost per name and cost
  per lead: its row of the Paid panel.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

import numpy as np
import pandas as pd

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics._tactic_codes import opportunity_stages
from tuneup_tui.metrics.codes import lookup
from tuneup_tui.metrics.common import mean_per_period
from tuneup_tui.metrics.coverage import source_baseline
from tuneup_tui.metrics.day_span import days_mask
from tuneup_tui.metrics.result import PanelResult
from tuneup_tui.metrics.shared import lead_column, leads_once, opportunities_once

Answer = tuple[float | None, float | None, str | None]
"""(answer, baseline, why it is not answered); why is None when it is."""
NO_OPPORTUNITIES_FINDING = "click_farm_no_opportunities:"
_PROGRAM_FIGURES = ("spend", "cost_per_name", "cost_per_lead")


def own_figure(key: str, pack: DataPack, period: Period, baseline: Baseline,
               paid: Callable[[], PanelResult | str]) -> Answer:
    """The answer of one of the scorecard's own rows."""
    try:
        if key == "wasted_spend":
            return wasted_spend(paid())
        if key == "pipeline_created":
            # the baseline periods the opportunities export covers, as the funnel's own
            # opportunities count reads them (coverage.py)
            return pipeline_created(opportunities_once(pack), period,
                                    source_baseline(pack, "opportunities", baseline))
        if key == "bookings_qtd":
            return bookings_to_date(opportunities_once(pack),
                                    opportunity_stages(pack).won, period.end)
    except DataError as err:
        return None, None, str(err)
    raise KeyError(key)


def wasted_spend(paid: PanelResult | str) -> Answer:
    """Spend on suspect sites plus spend of programmes that never convert (once each)."""
    if isinstance(paid, str):
        return None, None, paid
    never = {f.key[len(NO_OPPORTUNITIES_FINDING):] for f in paid.findings
             if f.key.startswith(NO_OPPORTUNITIES_FINDING)}
    sites = paid.tables["sites"].rows
    programs = paid.tables["programs"].rows
    whole = sum(_money(r.get("spend")) for r in programs if r.get("program") in never)
    # a suspect site of a programme already counted whole is not counted again
    suspect = sum(_money(r.get("spend")) for r in sites
                  if r.get("suspect") and r.get("program") not in never)
    return whole + suspect, None, None


def pipeline_created(opps: pd.DataFrame, period: Period, baseline: Baseline) -> Answer:
    """Amounts of the opportunities created in the period; the baseline's mean per period."""
    now = _amount(opps, "created_at", period.start, period.end)
    before = (_amount(opps, "created_at", baseline.start, baseline.end)
              if len(baseline) else None)
    return now, mean_per_period(before, baseline), None


def bookings_to_date(opps: pd.DataFrame, closed_won: np.ndarray, end: date) -> Answer:
    """Closed Won amounts (`closed_won` picks them) from the quarter's first day to `end`,
    against the same number of days of the quarter before."""
    start = quarter_start(end)
    won = opps[["closed_at", "amount"]][closed_won]
    before_start = quarter_start(start - timedelta(days=1))
    before_end = min(before_start + (end - start), start - timedelta(days=1))
    first = opps["created_at"].min()
    # an export that starts after those days knows nothing of them: no baseline, not zero
    covered = not pd.isna(first) and first.date() <= before_start
    return (_amount(won, "closed_at", start, end),
            _amount(won, "closed_at", before_start, before_end) if covered else None, None)


def tactic_value(figure: str, tactic: str, pack: DataPack, period: Period, baseline: Baseline,
                 paid: PanelResult | str | None) -> Answer:
    """A figure of one tactic or programme for the period, with its baseline."""
    wanted = tactic.strip().casefold()
    if figure == "funnel.leads":
        try:
            leads = leads_once(pack)
        except DataError as err:
            return None, None, str(err)
        # each distinct program folded once (a plan names several tactics, a pack may hold a
        # million leads), its leads picked by code
        program = lead_column(pack, "program")
        hit = np.array([k == wanted for k in program.folded()], dtype=bool)
        created = leads["created_at"].to_numpy()[lookup(hit, program.codes, False)]
        now = float(days_mask(created, period.start, period.end).sum())
        covered = source_baseline(pack, "leads", baseline)  # as the funnel's leads count
        before = (float(days_mask(created, covered.start, covered.end).sum())
                  if len(covered) else None)
        return now, mean_per_period(before, covered), None
    key = figure.partition(".")[2]
    if figure.startswith("paid.") and key in _PROGRAM_FIGURES:
        if paid is None or isinstance(paid, str):
            return None, None, paid or "no paid figures"
        for r in paid.tables["programs"].rows:
            if str(r.get("program", "")).strip().casefold() == wanted:
                return r.get(key), r.get(f"avg_{key}"), None
        return None, None, f"no paid rows for {tactic} in the period"
    return None, None, f"{figure} is not worked out per tactic"


def quarter_start(day: date) -> date:
    """The first day of the calendar quarter holding `day`."""
    return date(day.year, 3 * ((day.month - 1) // 3) + 1, 1)


def _amount(df: pd.DataFrame, column: str, start: date, end: date) -> float:
    inside = days_mask(df[column].to_numpy(), start, end)
    return float(np.nansum(df["amount"].to_numpy(dtype="float64")[inside]))


def _money(value: Any) -> float:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return 0.0
    return 0.0 if f != f else f
