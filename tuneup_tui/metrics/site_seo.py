"""SEO metrics for the Site Health panel (e.g. Moz domain authority): latest value and trend.

Search Console's chart metrics (search_clicks, ...) are daily counts, not levels: they are
added up over the period (site_search.py). Any other metric's value is its latest on or
before the period's end; its baseline value is its latest on or before the baseline's end.
Figures are keyed `seo_<metric>` (the metric name lower-cased, non-alphanumerics as "_").
"""

from __future__ import annotations

import re
from datetime import date

import numpy as np
import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.common import change, up_to_day
from tuneup_tui.metrics.result import PanelSettings, Series, Table
from tuneup_tui.metrics.site_part import SitePart
from tuneup_tui.metrics.site_search import SEARCH_METRICS, search_rows

COLUMNS = ("metric", "value", "baseline_value", "change")


def seo_part(df: pd.DataFrame, period: Period, baseline: Baseline,
             settings: PanelSettings) -> SitePart:
    """Each SEO metric's latest value against the baseline's, with a per-period series."""
    del settings
    rows = df[df["metric"].notna() & df["value"].notna() & df["date"].notna()]
    part = SitePart()
    table, part.figures, part.baseline_figures, part.series = search_rows(rows, period,
                                                                         baseline)
    rows = rows[~rows["metric"].isin(SEARCH_METRICS)]
    periods = [*baseline.periods, period]
    # "Domain Authority" and "domain authority" are one metric (one figure key)
    keys = rows["metric"].map(figure_key)
    spelling = {str(k): str(v) for k, v in rows.groupby(keys)["metric"].first().items()}
    for key in sorted(spelling):
        metric = spelling[key]
        of = rows[keys == key]
        value = _latest(of, period.end)
        before = _latest(of, baseline.end) if len(baseline) else None
        part.figures[key] = value
        part.baseline_figures[key] = before
        table.append({"metric": str(metric), "value": value, "baseline_value": before,
                      "change": change(value, before)})
        part.series[key] = Series(f"{metric} at the end of each period",
                                  tuple(p.label for p in periods),
                                  tuple(_latest(of, p.end) for p in periods), "trend")
    part.tables["seo"] = Table("SEO metrics", COLUMNS, tuple(table))
    return part


def figure_key(metric: object) -> str:
    """The figure key of an SEO metric: "Domain Authority" -> "seo_domain_authority"."""
    return "seo_" + re.sub(r"[^a-z0-9]+", "_", str(metric).strip().casefold()).strip("_")


def _latest(rows: pd.DataFrame, day: date) -> float | None:
    """The value of the latest dated row on or before `day` (of two on that date, the later in
    the file, as a stable sort by date leaves it last), or None."""
    # numpy on the two columns: called for every metric and period end, where pandas'
    # per-call overhead outweighs the few rows
    dates = rows["date"].to_numpy()
    upto = up_to_day(dates, day)
    if not upto.any():
        return None
    last = np.flatnonzero(upto & (dates == dates[upto].max()))[-1]
    return float(rows["value"].to_numpy(dtype="float64", na_value=np.nan)[last])
