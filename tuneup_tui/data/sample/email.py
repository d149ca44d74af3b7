"""The sample's email program and contact database, and the site sessions its clicks bring.

Planted (soft spot d): in the review week "Nurture - Re-engage" gets fifteen times its usual
clicks (link scanners clicking every link) while the email sessions on the site do not follow,
so the click-to-session ratio falls far below its baseline.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tuneup_tui.data.sample.leads import webinar_day
from tuneup_tui.data.sample.world import Timeline

SCANNED_CAMPAIGN = "Nurture - Re-engage"
SCANNED_FACTOR = 15.0
SESSIONS_PER_CLICK = 0.82

# campaign -> (kind, click rate of delivered, open rate)
_CAMPAIGNS = {
    "Weekly Newsletter": ("newsletter", 0.028, 0.22),
    "Nurture - Onboarding": ("nurture", 0.04, 0.35),
    SCANNED_CAMPAIGN: ("nurture", 0.015, 0.14),
    "Product Update": ("promo", 0.035, 0.25),
    "Webinar - Q4 invite": ("promo", 0.03, 0.24),
}


def make_database(tl: Timeline, rng: np.random.Generator, scale: float) -> pd.DataFrame:
    """database.csv: contacts in the marketing database, every Monday."""
    mondays = tl.days[tl.days.day_of_week == 0]
    growth = np.cumsum(rng.normal(260, 40, len(mondays)))
    contacts = np.round((48000 + growth) * scale).astype(int)
    return pd.DataFrame({"date": mondays, "contacts": contacts})


def make_emails(database: pd.DataFrame, tl: Timeline, rng: np.random.Generator,
                scale: float) -> tuple[pd.DataFrame, np.ndarray]:
    """emails.csv, and the clicks per day a person made (without the scanners' clicks)."""
    days = tl.days
    contacts = database.set_index("date")["contacts"].reindex(days).ffill().to_numpy()
    sends: list[tuple[int, str, float]] = []
    webinar = webinar_day(tl)
    for i, day in enumerate(days):
        dow = day.day_of_week
        if dow == 1:
            sends.append((i, "Weekly Newsletter", contacts[i] * 0.92))
        if dow < 5:
            sends.append((i, "Nurture - Onboarding", 320 * scale))
        if dow == 3:
            sends.append((i, SCANNED_CAMPAIGN, 6000 * scale))
        if dow == 2 and day.day <= 7:
            sends.append((i, "Product Update", contacts[i] * 0.9))
        if dow == 0 and webinar - pd.Timedelta(weeks=4) <= day < webinar:
            sends.append((i, "Webinar - Q4 invite", 20000 * scale))
    idx = np.array([s[0] for s in sends])
    campaign = np.array([s[1] for s in sends])
    sent = rng.poisson(np.array([s[2] for s in sends]))
    delivered = rng.binomial(sent, 0.985)
    kind, click_rate, open_rate = (np.array([_CAMPAIGNS[c][k] for c in campaign])
                                   for k in range(3))
    opens = rng.binomial(delivered, open_rate.astype(float))
    clicks = rng.binomial(delivered, click_rate.astype(float))
    scanned = (campaign == SCANNED_CAMPAIGN) & tl.in_review(days[idx])
    human_clicks = clicks.copy()
    clicks = np.where(scanned, np.round(clicks * SCANNED_FACTOR).astype(int), clicks)
    emails = pd.DataFrame({
        "date": days[idx], "campaign": campaign, "sent": sent, "delivered": delivered,
        "opens": opens, "clicks": clicks,
        "unsubscribes": rng.binomial(delivered, 0.0015), "bounces": sent - delivered,
        "kind": kind,
    })
    per_day = np.bincount(idx, weights=human_clicks, minlength=len(days))
    return emails, per_day


def email_sessions(human_clicks: np.ndarray, rng: np.random.Generator,
                   scale: float) -> np.ndarray:
    """Site sessions with medium "email" per day: most clicks land the day they are made."""
    spread = np.convolve(human_clicks, [0.6, 0.25, 0.15])[: len(human_clicks)]
    return rng.poisson(spread * SESSIONS_PER_CLICK + 15 * scale)


def make_calendar(tactics: pd.DataFrame, tl: Timeline) -> pd.DataFrame:
    """calendar.csv: campaigns and events, the weeks behind and the four weeks ahead."""
    webinar = webinar_day(tl)
    ahead = pd.Timestamp(tl.as_of)
    budget = tactics.set_index("tactic")["budget"]
    rows = [
        (tl.start, ahead + pd.Timedelta(weeks=4), "Google Search", "paid", "Morgan", 3000, 52,
         budget.get("Google Search")),
        (tl.start, ahead + pd.Timedelta(weeks=4), "Bing Search", "paid", "Morgan", 1100, 20,
         budget.get("Bing Search")),
        (tl.start, ahead + pd.Timedelta(weeks=4), "LinkedIn Ads", "paid", "Morgan", 600, 22,
         budget.get("LinkedIn Ads")),
        (tl.start, ahead + pd.Timedelta(weeks=4), "Display Network", "paid", "Morgan", 900, 16,
         budget.get("Display Network")),
        (tl.start, ahead + pd.Timedelta(weeks=4), "Content Syndication", "paid", "Morgan", 250,
         26, budget.get("Content Syndication")),
        (tactics.set_index("tactic").at["Trade Show", "start"],
         tactics.set_index("tactic").at["Trade Show", "end"], "Trade Show", "event", "Jamie",
         None, 180, budget.get("Trade Show")),
        (webinar - pd.Timedelta(weeks=4), webinar, "Webinar - Q4", "webinar", "Jamie", 1500,
         160, budget.get("Webinar - Q4")),
        (tl.start, ahead + pd.Timedelta(weeks=4), "Weekly Newsletter", "email", "Riley", 1200,
         None, None),
        (tl.start, ahead + pd.Timedelta(weeks=4), "Nurture - Re-engage", "nurture", "Riley",
         350, None, None),
        (ahead + pd.Timedelta(days=9), ahead + pd.Timedelta(days=9), "Product launch: Insights 3.0",
         "launch", "Jamie", 4000, 120, 15000),
        (ahead + pd.Timedelta(days=14), ahead + pd.Timedelta(days=35), "Holiday Nurture Series",
         "nurture", "Riley", 900, 40, 2000),
        (ahead + pd.Timedelta(days=16), ahead + pd.Timedelta(days=16), "Year-end Offer Email",
         "email", "Riley", 1500, 30, 500),
        (ahead + pd.Timedelta(days=20), ahead + pd.Timedelta(days=22), "Industry Summit booth",
         "event", "Jamie", None, 150, 28000),
        (ahead + pd.Timedelta(days=25), ahead + pd.Timedelta(days=25), "Q1 Planning Webinar",
         "webinar", "Jamie", 800, 90, 3000),
    ]
    first_wednesdays = [d for d in tl.days if d.day_of_week == 2 and d.day <= 7]
    rows += [(d, d, "Product Update", "email", "Riley", 1100, 25, None)
             for d in first_wednesdays]
    calendar = pd.DataFrame(rows, columns=["start", "end", "name", "kind", "owner",
                                           "expected_sessions", "expected_leads", "budget"])
    calendar["start"] = pd.to_datetime(calendar["start"]).dt.normalize()
    calendar["end"] = pd.to_datetime(calendar["end"]).dt.normalize()
    return calendar.sort_values(["start", "name"], ignore_index=True)


