"""The sample's tactics (what each program cost, what it won) and its paid media, by site.

A paid program's spend is its clicks at each site's cost per click; a tactic's cost is its
spend (the Trade Show's is its booth). The closed-won deals of each tactic's leads are then
sized so that its ROMI is the program's target: Trade Show comes out at -45% (soft spot g),
every other tactic positive. Planted in Display Network (soft spot b):
"clickfarm-network.example" (from three weeks before the review week) with many clicks and no
names at all, and "gadgets-hub.example" with a CTR far over its sister sites'.
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pandas as pd

from tuneup_tui.data.sample.leads import trade_show_day, webinar_day
from tuneup_tui.data.sample.world import (
    AHEAD_WEEKS,
    HOURLY_RATE,
    PROGRAMS,
    TACTICS,
    Timeline,
    weekday_factor,
)

CLICK_FARM = "clickfarm-network.example"
HIGH_CTR_SITE = "gadgets-hub.example"
BUDGET_HEADROOM: dict[str, float] = {
    "Google Search": 1.35, "Bing Search": 1.15, "LinkedIn Ads": 1.05, "Display Network": 1.6,
    "Content Syndication": 1.25,
}
"""Each tactic's budget over its total cost to date (1.15 for the others). The paid tactics'
flights run four weeks past the as-of date, about 78% of them gone: LinkedIn Ads and Bing Search
spend too fast and run out before their flights end, Display Network spends too slowly, Google
Search and Content Syndication are on pace (soft spot k)."""
TRADE_SHOW_COST = 42000.0
"""Booth, travel and badge scanner for the Trade Show (x scale); it has no paid rows."""

# program -> (channel, clicks per day at scale 1,
#             ((site, click share, CTR, name weight, cost per click), ...))
PAID_SITES: dict[str, tuple[str, float, tuple[tuple[str, float, float, float, float], ...]]] = {
    "Google Search": ("search", 480, (("google.com", 0.85, 0.045, 1.0, 2.4),
                                      ("search-partners.google", 0.15, 0.02, 0.6, 1.2))),
    "Bing Search": ("search", 170, (("bing.com", 0.8, 0.04, 1.0, 1.6),
                                    ("duckduckgo.com", 0.2, 0.03, 1.0, 1.1))),
    "LinkedIn Ads": ("social", 95, (("linkedin.com", 1.0, 0.006, 1.0, 6.5),)),
    "Display Network": ("display", 160, (("news-daily.example", 0.28, 0.004, 1.0, 0.8),
                                         ("techreview.example", 0.24, 0.005, 1.0, 0.9),
                                         ("bizjournal.example", 0.2, 0.0045, 1.0, 0.85),
                                         (HIGH_CTR_SITE, 0.1, 0.025, 3.0, 0.6),
                                         (CLICK_FARM, 0.18, 0.009, 0.0, 0.55))),
    "Webinar - Q4": ("webinar", 60, (("webinar-platform.example", 1.0, 0.02, 1.0, 3.0),)),
    "Content Syndication": ("syndication", 40, (("contentsynd.example", 1.0, 0.01, 1.0, 4.0),)),
}


def make_tactics(paid: pd.DataFrame, tl: Timeline, scale: float) -> pd.DataFrame:
    """tactics.csv: each tactic's cost (its spend), internal time, dates and budget."""
    spend = paid.groupby("program")["spend"].sum()
    rows = []
    for program in PROGRAMS:
        if program.name not in TACTICS:
            continue
        cost = (TRADE_SHOW_COST * scale if program.name == "Trade Show"
                else float(spend.get(program.name, 0.0)))
        start, end = _tactic_dates(program.name, tl)
        total = cost + program.internal_hours * HOURLY_RATE
        rows.append({
            "tactic": program.name,
            "cost": round(cost, 2),
            "internal_hours": float(program.internal_hours),
            "hourly_rate": HOURLY_RATE,
            "start": start,
            "end": end,
            "budget": float(round(total * BUDGET_HEADROOM.get(program.name, 1.15), -2)),
        })
    return pd.DataFrame(rows)


def size_won_deals(opps: pd.DataFrame, tactics: pd.DataFrame) -> None:
    """Scale each tactic's closed-won amounts so (revenue - total cost) / total cost = target."""
    target = {p.name: p.target_romi for p in PROGRAMS}
    won = opps["stage"] == "Closed Won"
    totals = tactics["cost"] + tactics["internal_hours"] * tactics["hourly_rate"]
    for tactic, total in zip(tactics["tactic"], totals.astype(float), strict=True):
        mine = won & (opps["_program"] == tactic)
        revenue = float(opps.loc[mine, "amount"].sum())
        if revenue <= 0:
            continue
        factor = total * (1 + target[str(tactic)]) / revenue
        opps.loc[mine, "amount"] = np.maximum(100, np.round(opps.loc[mine, "amount"] * factor,
                                                            -2))


def _tactic_dates(name: str, tl: Timeline) -> tuple[pd.Timestamp, pd.Timestamp]:
    if name == "Trade Show":
        day = trade_show_day(tl)
        return day, day + pd.Timedelta(days=1)
    if name == "Webinar - Q4":
        day = webinar_day(tl)
        return day - pd.Timedelta(weeks=4), day
    return pd.Timestamp(tl.start), pd.Timestamp(tl.as_of + timedelta(weeks=AHEAD_WEEKS))


def make_paid(leads: pd.DataFrame, tl: Timeline, rng: np.random.Generator,
              scale: float) -> pd.DataFrame:
    """paid.csv: spend, impressions, clicks and names per program, site and day."""
    lead_days = leads.groupby([leads["created_at"].dt.normalize(), "program"]).size().unstack(
        fill_value=0)
    frames = []
    for program, (channel, per_day, sites) in PAID_SITES.items():
        days = _active_days(program, tl)
        lam = per_day * scale * weekday_factor(days)
        n_leads = (lead_days[program].reindex(days, fill_value=0) if program in lead_days
                   else pd.Series(0, index=days))
        names_total = n_leads.to_numpy() + rng.poisson(0.15 * n_leads.to_numpy())
        weights = np.array([s[1] * s[3] for s in sites])
        names = rng.multinomial(names_total, weights / weights.sum())
        for i, (site, share, ctr, _, cpc) in enumerate(sites):
            live = np.ones(len(days), dtype=bool)
            if site == CLICK_FARM:
                live = days >= pd.Timestamp(tl.period.start - timedelta(weeks=3))
            clicks = rng.poisson(lam * share)
            impressions = np.round(clicks / ctr * rng.uniform(0.9, 1.1, len(days)))
            spend = np.round(clicks * cpc * rng.uniform(0.9, 1.1, len(days)), 2)
            frames.append(pd.DataFrame({
                "date": days[live], "program": program, "channel": channel, "site": site,
                "spend": spend[live], "impressions": impressions[live].astype(int),
                "clicks": clicks[live], "names": names[live, i],
            }))
    paid = pd.concat(frames, ignore_index=True)
    return paid.sort_values(["date", "program", "site"], ignore_index=True)


def _active_days(program: str, tl: Timeline) -> pd.DatetimeIndex:
    if program == "Webinar - Q4":
        day = webinar_day(tl)
        return tl.days[(tl.days >= day - pd.Timedelta(weeks=4)) & (tl.days <= day)]
    return tl.days
