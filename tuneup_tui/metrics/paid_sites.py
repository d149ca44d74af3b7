"""Paid sites and click-farm suspects, for the Paid Programs panel.

A click-farm suspect (DESIGN.md) is a paid site with clicks but no names in the period, or a site
whose CTR is over `ctr_multiple` (3) times the median CTR of its program's sites in the period.
A site is a `site` value within a program (compared ignoring case; one site named in two programs
is judged in each), whatever its channels. The third kind, a program whose leads produced no
opportunity over the whole baseline, is in paid_findings.
"""

from __future__ import annotations

import statistics
from typing import Any

import pandas as pd

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.breakdown import by_key, records
from tuneup_tui.metrics.common import finding, folded, money, num, pct, period_phrase
from tuneup_tui.metrics.result import Finding, PanelSettings, ratio

NAME = "paid"
KEYS = ("program_key", "site_key")
NO_SITE = "(none)"


def site_rows(paid: pd.DataFrame, period: Period, baseline: Baseline,
              settings: PanelSettings) -> list[dict]:
    """One row per program and site with activity in the period, suspects marked."""
    multiple = float(settings.option("ctr_multiple", 3.0))
    min_clicks = float(settings.option("min_clicks", 0))
    frame = paid.assign(site=paid["site"].fillna(NO_SITE))
    frame = frame.assign(site_key=folded(frame["site"]))
    sums = by_key(frame, list(KEYS), "date", ("spend", "impressions", "clicks", "names"),
                  period, baseline)
    names = _first(frame, "program_key", "program")
    sites = _first(frame, "site_key", "site")
    channels = _channels(frame)
    rows: list[dict[str, Any]] = []
    for s in records(sums):
        if not any(s[c] for c in ("spend", "impressions", "clicks", "names")):
            continue  # a site seen only in the baseline is not part of this period's spend
        key, site_key = str(s["program_key"]), str(s["site_key"])
        rows.append({"program": names.get(key, key), "program_key": key,
                     "channel": channels.get((key, site_key)),
                     "site": sites.get(site_key, site_key), "spend": s["spend"],
                     "impressions": s["impressions"], "clicks": s["clicks"],
                     "names": s["names"], "cpc": ratio(s["spend"], s["clicks"]),
                     "ctr": ratio(s["clicks"], s["impressions"]),
                     "cost_per_name": ratio(s["spend"], s["names"])})
    for program in {r["program_key"] for r in rows}:
        ctrs = [r["ctr"] for r in rows if r["program_key"] == program and r["ctr"] is not None]
        median = statistics.median(ctrs) if ctrs else None
        for r in rows:
            if r["program_key"] == program:
                r["program_median_ctr"] = median
    for r in rows:
        r["suspect"] = _suspect(r, multiple, min_clicks)
    rows.sort(key=lambda r: (r["program"], -r["spend"], r["site"]))
    return rows


def _first(frame: pd.DataFrame, key: str, column: str) -> dict[str, str]:
    """Each key's first spelling in the export ("Display" for "display")."""
    return {str(k): str(v) for k, v in frame.groupby(key)[column].first().items()}


def _channels(frame: pd.DataFrame) -> dict[tuple[str, str], str]:
    """The channels each program and site ran on, in file order, joined by ", "."""
    out: dict[tuple[str, str], list[str]] = {}
    # the cells as plain objects: iterating a text column boxes each cell through pandas
    for program, site, channel in zip(*(frame[c].to_numpy(dtype=object)
                                        for c in ("program_key", "site_key", "channel")),
                                      strict=True):
        if isinstance(channel, str) and channel not in out.setdefault((program, site), []):
            out[(program, site)].append(channel)
    return {k: ", ".join(v) for k, v in out.items() if v}


def _suspect(row: dict, multiple: float, min_clicks: float) -> str | None:
    """Why a site is a click-farm suspect (DESIGN.md), or None.

    `min_clicks` (0 by default: the definition as written) lets a team ignore tiny sites.
    """
    if row["clicks"] <= 0 or row["clicks"] < min_clicks:
        return None
    if row["names"] == 0:
        return "clicks but no names"
    median = row.get("program_median_ctr")
    if row["ctr"] is not None and median is not None and row["ctr"] > multiple * median:
        return f"CTR over {multiple:g}x the program's median"
    return None


def site_findings(rows: list[dict], period: Period, settings: PanelSettings,
                  currency: str | None = None) -> list[Finding]:
    """Click-farm findings for suspect sites."""
    multiple = float(settings.option("ctr_multiple", 3.0))
    when = period_phrase(period)
    found: list[Finding] = []
    for r in rows:
        label = f"{r['site']} ({r['program']})"
        ident = f"{r['program']} / {r['site']}"
        if r["suspect"] == "clicks but no names":
            found.append(finding(
                NAME, f"click_farm_no_names:{ident}", "high",
                f"Suspected click farm: {label} had {num(r['clicks'])} clicks and no names "
                f"{when} for {money(r['spend'], currency)}.",
                clicks=r["clicks"], names=r["names"], spend=r["spend"]))
        elif r["suspect"] is not None:
            found.append(finding(
                NAME, f"click_farm_ctr:{ident}", "high",
                f"Suspected click farm: {label} had a CTR of {pct(r['ctr'], 2)} {when}, over "
                f"{multiple:g}x the median {pct(r['program_median_ctr'], 2)} of the program's "
                f"sites.",
                ctr=r["ctr"], program_median_ctr=r["program_median_ctr"], clicks=r["clicks"]))
    return found

