"""404 errors for the Site Health panel: pages and their hits, new ones flagged.

A 404 page is new when its url has no row in the baseline. New 404s with hits are findings,
their severity set by the hits (`new_404_min_hits`, `new_404_medium_hits`, `new_404_high_hits`):
the ten with the most hits one by one, the rest as one finding with their count.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.common import (
    baseline_phrase,
    change,
    finding,
    in_baseline,
    in_period,
    mean_per_period,
    num,
    period_phrase,
    total,
    trend,
)
from tuneup_tui.metrics.result import Finding, PanelSettings, Severity, Table
from tuneup_tui.metrics.significance import count_evidence, tested_finding
from tuneup_tui.metrics.site_part import SitePart

NAME = "site_health"
COLUMNS = ("url", "hits", "avg_hits", "new", "top_referrer")
TOP_NEW = 10
"""New 404s named one by one in the findings; the rest are one finding with their count."""


def not_found_part(df: pd.DataFrame, period: Period, baseline: Baseline,
                   settings: PanelSettings) -> SitePart:
    """404 pages of the period against the baseline."""
    pages = df[df["url"].notna()]
    now, base = in_period(pages, "date", period), in_baseline(pages, "date", baseline)
    hits_now = now.groupby("url")["hits"].sum()
    hits_base = base.groupby("url")["hits"].sum()
    seen = set(base["url"])
    rows: list[dict[str, Any]] = []
    for url, hits in hits_now.items():
        referrers = now[(now["url"] == url) & now["referrer"].notna()]
        top = (referrers.groupby("referrer")["hits"].sum().sort_values(ascending=False)
               .index.tolist())
        rows.append({"url": str(url), "hits": float(hits),
                     "avg_hits": mean_per_period(float(hits_base.get(url, 0.0)), baseline),
                     "new": url not in seen, "top_referrer": str(top[0]) if top else None})
    rows.sort(key=lambda r: (-r["hits"], r["url"]))
    pages_base = sum(float(in_period(base, "date", p)["url"].nunique())
                     for p in baseline.periods)
    part = SitePart()
    part.figures = {
        "not_found_hits": total(now, "hits"),
        "not_found_pages": float(len(hits_now)),
        "new_not_found_pages": float(sum(1 for r in rows if r["new"])),
    }
    part.baseline_figures = {
        "not_found_hits": mean_per_period(total(base, "hits"), baseline),
        "not_found_pages": mean_per_period(pages_base, baseline),
        "new_not_found_pages": None,
    }
    part.tables["pages_404"] = Table("404 pages", COLUMNS, tuple(rows))
    part.series["not_found_hits"] = trend("404 hits per period", pages, "date", "hits", period,
                                          baseline)
    part.findings = _findings(rows, part, period, baseline, settings)
    return part


def _findings(rows: list[dict[str, Any]], part: SitePart, period: Period, baseline: Baseline,
              settings: PanelSettings) -> list[Finding]:
    low = float(settings.option("new_404_min_hits", 5))
    medium = float(settings.option("new_404_medium_hits", 25))
    high = float(settings.option("new_404_high_hits", 100))
    rise_share = float(settings.option("hits_rise_share", 0.5))
    min_total = float(settings.option("min_total_hits", 50))
    when, over = period_phrase(period), baseline_phrase(baseline)
    found: list[Finding] = []
    new = [r for r in rows if r["new"] and r["hits"] >= low]  # rows come most hits first
    for r in new[:TOP_NEW]:
        severity: Severity = ("high" if r["hits"] >= high
                              else "medium" if r["hits"] >= medium else "low")
        via = f" (mostly from {r['top_referrer']})" if r["top_referrer"] else ""
        found.append(finding(NAME, f"new_404:{r['url']}", severity,
                             f"New 404: {r['url']} was hit {num(r['hits'])} times {when}{via}.",
                             hits=r["hits"]))
    rest = new[TOP_NEW:]
    if rest:
        # a crawl of a thousand broken pages is one finding more, not a thousand
        hits_rest = sum(r["hits"] for r in rest)
        found.append(finding(NAME, "new_404:more", "low",
                             f"{len(rest)} more new 404 pages {when} ({num(hits_rest)} hits): "
                             "see the 404 pages table.", pages=len(rest), hits=hits_rest))
    hits, avg = part.figures["not_found_hits"], part.baseline_figures["not_found_hits"]
    rise = change(hits, avg)
    if hits is not None and hits >= min_total and rise is not None and rise > rise_share:
        evidence = count_evidence(hits, (avg or 0.0) * len(baseline), len(baseline))
        rising = tested_finding(NAME, "not_found_rising",
                                f"404 hits rose to {num(hits)} {when} against {num(avg)} on "
                                f"average {over}.", evidence, hits=hits, avg_hits=avg)
        if rising is not None:
            found.append(rising)
    return found
