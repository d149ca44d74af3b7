"""Keyword rankings for the Site Health panel: latest position against the baseline's last.

A keyword's position is its latest in the period; its baseline position is its last in the
baseline. Lower is better, so move = baseline position - position (positive: a gain). Moves of
at least `position_move` (3) places are gains or losses; a loss is high severity when it falls
off the first page (from 10 or better to worse than `first_page`, 10).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.breakdown import records
from tuneup_tui.metrics.common import (
    finding,
    folded,
    in_baseline,
    in_period,
    mean_per_period,
    num,
    period_phrase,
)
from tuneup_tui.metrics.result import Finding, PanelSettings, Severity, Table
from tuneup_tui.metrics.site_part import SitePart

NAME = "site_health"
COLUMNS = ("keyword", "position", "baseline_position", "move", "url", "clicks", "impressions")


def keywords_part(df: pd.DataFrame, period: Period, baseline: Baseline,
                  settings: PanelSettings) -> SitePart:
    """Keyword positions of the period against the baseline, gains and losses."""
    move_at = float(settings.option("position_move", 3))
    ranked = df[df["keyword"].notna() & df["position"].notna()]
    # "CRM software" and "crm software" are one keyword: matched lower-cased, shown as first
    # spelled
    ranked = ranked.assign(keyword_key=folded(ranked["keyword"]))
    spelling = {str(k): str(v) for k, v in
                ranked.groupby("keyword_key")["keyword"].first().items()}
    now, base = in_period(ranked, "date", period), in_baseline(ranked, "date", baseline)
    latest, last_base = _last(now), _last(base)
    before_of = {str(k): float(v) for k, v in last_base["position"].items()}
    rows: list[dict[str, Any]] = []
    for row in records(latest.reset_index()):
        key = str(row["keyword_key"])
        keyword = spelling.get(key, key)
        position = float(row["position"])
        before = before_of.get(key)
        move = None if before is None else before - position
        kw_rows = now[now["keyword_key"] == key]
        rows.append({"keyword": keyword, "position": position, "baseline_position": before,
                     "move": move, "url": None if pd.isna(row["url"]) else str(row["url"]),
                     "clicks": _sum(kw_rows["clicks"]),
                     "impressions": _sum(kw_rows["impressions"])})
    # losses first, then gains, then the rest by position
    rows.sort(key=lambda r: (r["move"] if r["move"] is not None else 0.0, r["position"]))
    gains = [r for r in rows if r["move"] is not None and r["move"] >= move_at]
    losses = [r for r in rows if r["move"] is not None and r["move"] <= -move_at]
    part = SitePart()
    part.figures = {
        "keywords_tracked": float(len(rows)),
        "average_position": _mean([r["position"] for r in rows]),
        "keyword_gains": float(len(gains)),
        "keyword_losses": float(len(losses)),
    }
    # a count: keywords with a position in each baseline period, mean per period
    tracked = sum(float(in_period(base, "date", p)["keyword_key"].nunique())
                  for p in baseline.periods)
    part.baseline_figures = {
        "keywords_tracked": mean_per_period(tracked, baseline),
        "average_position": _mean(list(before_of.values())),
        "keyword_gains": None,
        "keyword_losses": None,
    }
    part.tables["keywords"] = Table("Keyword positions", COLUMNS, tuple(rows))
    part.findings = _findings(losses, period, baseline, settings)
    return part


def _last(rows: pd.DataFrame) -> pd.DataFrame:
    """Each keyword's latest row (by date), indexed by its lower-cased key."""
    ordered = rows.sort_values("date", kind="stable")
    return ordered.groupby("keyword_key").tail(1).set_index("keyword_key")


def _sum(values: pd.Series) -> float | None:
    """The sum, or None when the optional column is empty."""
    return float(values.sum()) if values.notna().any() else None


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def _findings(losses: list[dict[str, Any]], period: Period, baseline: Baseline,
              settings: PanelSettings) -> list[Finding]:
    first_page = float(settings.option("first_page", 10))
    when = period_phrase(period)
    del baseline
    found: list[Finding] = []
    for r in losses:
        off_page = r["baseline_position"] <= first_page < r["position"]
        severity: Severity = "high" if off_page else "medium"
        found.append(finding(
            NAME, f"keyword_loss:{r['keyword']}", severity,
            f"\"{r['keyword']}\" fell from position {num(r['baseline_position'])} to "
            f"{num(r['position'])} {when}.",
            position=r["position"], baseline_position=r["baseline_position"], move=r["move"]))
    return found
