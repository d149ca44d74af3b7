"""Search Console's performance chart in the Site Health panel: clicks, impressions, CTR and
average position of the period against the baseline.

The chart's clicks and impressions are daily counts: a period's figure is their sum, and the
baseline's is their mean per baseline period that has chart rows. CTR is the period's clicks /
its impressions (pooled over the baseline likewise), never a mean of daily CTRs; position is
the impression-weighted mean of the daily positions. Days without impressions carry no
position.
"""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.common import change
from tuneup_tui.metrics.day_span import days_mask
from tuneup_tui.metrics.result import Series, ratio

SEARCH_METRICS = ("search_clicks", "search_impressions", "search_ctr", "search_position")
"""The seo metrics a Search Console chart gives (data/presets/search_console.py)."""
LABELS = {"search_clicks": "Search clicks", "search_impressions": "Search impressions",
          "search_ctr": "Search CTR", "search_position": "Search position"}


def search_rows(rows: pd.DataFrame, period: Period, baseline: Baseline
                ) -> tuple[list[dict], dict[str, float | None], dict[str, float | None],
                           dict[str, Series]]:
    """Table rows, figures, baseline figures and per-period series of the chart's metrics."""
    days = _days(rows)
    if days is None:
        return [], {}, {}, {}
    now = _window(days, period.start, period.end)
    windows = [_window(days, p.start, p.end) for p in baseline.periods]
    covered = [w for w in windows if w["rows"]]
    pooled = _pool(covered)
    figures: dict[str, float | None] = {}
    before: dict[str, float | None] = {}
    table: list[dict] = []
    series: dict[str, Series] = {}
    labels = tuple(p.label for p in [*baseline.periods, period])
    for metric in SEARCH_METRICS:
        key = "seo_" + metric
        value = now[metric] if now["rows"] else None
        base = pooled[metric] if covered else None
        if metric in ("search_clicks", "search_impressions") and base is not None:
            base = base / len(covered)
        figures[key], before[key] = value, base
        table.append({"metric": metric, "value": value, "baseline_value": base,
                      "change": change(value, base)})
        series[key] = Series(f"{LABELS[metric]} per period", labels,
                             tuple(w[metric] if w["rows"] else None
                                   for w in [*windows, now]), "trend")
    return table, figures, before, series


def _days(rows: pd.DataFrame) -> pd.DataFrame | None:
    """Per chart row: date, clicks, impressions, position (paired by date and order)."""
    chart = rows[rows["metric"].isin(SEARCH_METRICS)]
    if chart.empty:
        return None
    chart = chart.assign(n=chart.groupby(["date", "metric"]).cumcount())
    wide = chart.pivot_table(index=["date", "n"], columns="metric", values="value",
                             aggfunc="first")
    wide = wide.reindex(columns=list(SEARCH_METRICS)).reset_index()
    return wide


def _window(days: pd.DataFrame, start: date, end: date) -> dict:
    inside = days[days_mask(days["date"].to_numpy(), start, end)]
    return _sums(inside)


def _sums(days: pd.DataFrame) -> dict:
    clicks = float(np.nansum(days["search_clicks"].to_numpy(dtype="float64")))
    shown = days["search_impressions"].to_numpy(dtype="float64")
    where = days["search_position"].to_numpy(dtype="float64")
    known = ~np.isnan(shown) & ~np.isnan(where) & (np.nan_to_num(shown) > 0)
    weight = float(shown[known].sum())
    impressions = float(np.nansum(shown))
    return {"rows": len(days), "search_clicks": clicks, "search_impressions": impressions,
            "search_ctr": ratio(clicks, impressions),
            "search_position": float((where[known] * shown[known]).sum()) / weight
            if weight > 0 else None,
            "_weighted": float((where[known] * shown[known]).sum()), "_weight": weight}


def _pool(windows: list[dict]) -> dict:
    clicks = sum(w["search_clicks"] for w in windows)
    impressions = sum(w["search_impressions"] for w in windows)
    weight = sum(w["_weight"] for w in windows)
    weighted = sum(w["_weighted"] for w in windows)
    return {"search_clicks": clicks, "search_impressions": impressions,
            "search_ctr": ratio(clicks, impressions),
            "search_position": weighted / weight if weight > 0 else None}
