"""The sample's tactics (what each program cost) and its paid media, day by site.

Each tactic's cost is set from the revenue its leads closed, so that its ROMI is the program's
target: Trade Show comes out at -45% (soft spot g), every other tactic positive. A paid program's
spend is that cost spread over its days by clicks. Planted in Display Network (soft spot b):
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

# program -> (channel, clicks per day at scale 1, ((site, click share, CTR, name weight), ...))
PAID_SITES: dict[str, tuple[str, float, tuple[tuple[str, float, float, float], ...]]] = {
    "Google Search": ("search", 480, (("google.com", 0.85, 0.045, 1.0),
                                      ("search-partners.google", 0.15, 0.02, 0.6))),
    "Bing Search": ("search", 170, (("bing.com", 0.8, 0.04, 1.0),
                                    ("duckduckgo.com", 0.2, 0.03, 1.0))),
    "LinkedIn Ads": ("social", 95, (("linkedin.com", 1.0, 0.006, 1.0),)),
    "Display Network": ("display", 160, (("news-daily.example", 0.28, 0.004, 1.0),
                                         ("techreview.example", 0.24, 0.005, 1.0),
                                         ("bizjournal.example", 0.2, 0.0045, 1.0),
                                         (HIGH_CTR_SITE, 0.1, 0.025, 3.0),
                                         (CLICK_FARM, 0.18, 0.009, 0.0))),
    "Webinar - Q4": ("webinar", 60, (("webinar-platform.example", 1.0, 0.02, 1.0),)),
    "Content Syndication": ("syndication", 40, (("contentsynd.example", 1.0, 0.01, 1.0),)),
}


def make_tactics(opps: pd.DataFrame, leads: pd.DataFrame, tl: Timeline,
                 scale: float) -> pd.DataFrame:
    """tactics.csv: cost and internal time set so each tactic's ROMI is its target."""
    won = opps[opps["stage"] == "Closed Won"].groupby("_program")["amount"].sum()
    rows = []
    for program in PROGRAMS:
        if program.name not in TACTICS:
            continue
        revenue = float(won.get(program.name, 0.0))
        total = revenue / (1 + program.target_romi) if revenue > 0 else 5000.0 * scale
        hours = min(program.internal_hours, round(0.3 * total / HOURLY_RATE))
        start, end = _tactic_dates(program.name, tl)
        rows.append({
            "tactic": program.name,
            "cost": round(total - hours * HOURLY_RATE, 2),
            "internal_hours": float(hours),
            "hourly_rate": HOURLY_RATE,
            "start": start,
            "end": end,
            "budget": float(round(total * 1.15, -2)),
        })
    return pd.DataFrame(rows)


def _tactic_dates(name: str, tl: Timeline) -> tuple[pd.Timestamp, pd.Timestamp]:
    if name == "Trade Show":
        day = trade_show_day(tl)
        return day, day + pd.Timedelta(days=1)
    if name == "Webinar - Q4":
        day = webinar_day(tl)
        return day - pd.Timedelta(weeks=4), day
    return pd.Timestamp(tl.start), pd.Timestamp(tl.as_of + timedelta(weeks=AHEAD_WEEKS))


def make_paid(leads: pd.DataFrame, tactics: pd.DataFrame, tl: Timeline,
              rng: np.random.Generator, scale: float) -> pd.DataFrame:
    """paid.csv: spend, impressions, clicks and names per program, site and day."""
    cost = tactics.set_index("tactic")["cost"]
    lead_days = leads.groupby(["program", leads["created_at"].dt.normalize()]).size()
    frames = []
    for program, (channel, per_day, sites) in PAID_SITES.items():
        days = _active_days(program, tl)
        lam = per_day * scale * weekday_factor(days)
        n_leads = lead_days.get(program, pd.Series(dtype=int)).reindex(days, fill_value=0)
        names_total = n_leads.to_numpy() + rng.poisson(0.15 * n_leads.to_numpy())
        weights = np.array([s[1] * s[3] for s in sites])
        names = rng.multinomial(names_total, weights / weights.sum())
        for i, (site, share, ctr, _) in enumerate(sites):
            live = np.ones(len(days), dtype=bool)
            if site == CLICK_FARM:
                live = days >= pd.Timestamp(tl.period.start - timedelta(weeks=3))
            clicks = rng.poisson(lam * share)
            impressions = np.round(clicks / ctr * rng.uniform(0.9, 1.1, len(days)))
            frames.append(pd.DataFrame({
                "date": days[live], "program": program, "channel": channel, "site": site,
                "impressions": impressions[live].astype(int), "clicks": clicks[live],
                "names": names[live, i],
            }))
        rows = pd.concat(frames[-len(sites):], ignore_index=True)
        spend = float(cost.get(program, 0.0)) * rows["clicks"] / max(1, rows["clicks"].sum())
        frames[-len(sites):] = [rows.assign(spend=spend.round(2))]
    paid = pd.concat(frames, ignore_index=True)
    columns = ["date", "program", "channel", "site", "spend", "impressions", "clicks", "names"]
    return paid[columns].sort_values(["date", "program", "site"], ignore_index=True)


def _active_days(program: str, tl: Timeline) -> pd.DatetimeIndex:
    if program == "Webinar - Q4":
        day = webinar_day(tl)
        return tl.days[(tl.days >= day - pd.Timedelta(weeks=4)) & (tl.days <= day)]
    return tl.days
