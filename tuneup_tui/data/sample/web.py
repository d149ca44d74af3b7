"""The sample's web side: site traffic by source and medium, social networks, site health.

Planted in the review week: "bing / cpc" converts about 0.9% of its sessions against 3.1%
before (soft spot a); LinkedIn keeps gaining followers while the sessions it refers fall to
under half (soft spot i); "/pricing" answers 404, a page never missing before (soft spot c).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tuneup_tui.data.sample.world import Timeline, weekday_factor

BING_RATE, BING_REVIEW_RATE = 0.031, 0.009
LINKEDIN_REVIEW_FACTOR = 0.45
BROKEN_PAGE = "/pricing"

# (source, medium, channel, sessions per day at scale 1, goal conversion rate)
_TRAFFIC: tuple[tuple[str, str, str, float, float], ...] = (
    ("google", "organic", "Organic Search", 1200, 0.022),
    ("google", "cpc", "Paid Search", 450, 0.035),
    ("bing", "cpc", "Paid Search", 160, BING_RATE),
    ("bing", "organic", "Organic Search", 120, 0.02),
    ("(direct)", "(none)", "Direct", 600, 0.025),
    ("linkedin", "cpc", "Paid Social", 90, 0.028),
    ("google", "display", "Display", 150, 0.006),
    ("partner-blog.example", "referral", "Referral", 80, 0.03),
    ("g2.com", "referral", "Referral", 60, 0.04),
    ("techcrunch.com", "referral", "Referral", 40, 0.015),
    ("news.ycombinator.com", "referral", "Referral", 25, 0.01),
    ("lnkd.in", "referral", "Organic Social", 35, 0.02),
    ("linkedin.com", "referral", "Organic Social", 25, 0.02),
    ("l.facebook.com", "referral", "Organic Social", 30, 0.012),
    ("facebook.com", "referral", "Organic Social", 10, 0.012),
    ("youtube.com", "referral", "Organic Social", 20, 0.01),
    ("t.co", "referral", "Organic Social", 15, 0.01),
)
_LINKEDIN_ALIASES = ("lnkd.in", "linkedin.com")


def make_traffic(tl: Timeline, email_sessions: np.ndarray, rng: np.random.Generator,
                 scale: float) -> pd.DataFrame:
    """traffic.csv: sessions, users and goal completions per day and source / medium."""
    days = tl.days
    review = tl.in_review(days)
    factor = weekday_factor(days)
    frames = []
    for source, medium, channel, per_day, rate in _TRAFFIC:
        lam = per_day * scale * factor
        if source in _LINKEDIN_ALIASES:
            lam = np.where(review, lam * LINKEDIN_REVIEW_FACTOR, lam)
        sessions = rng.poisson(lam)
        rates = np.full(len(days), rate)
        frame = _rows(days, source, medium, channel, sessions, rates, rng)
        if (source, medium) == ("bing", "cpc"):
            # Exact rates (no sampling noise) so the planted collapse reads the same at any scale.
            rates[review] = BING_REVIEW_RATE
            total = np.round(np.cumsum(sessions * rates))
            frame["goal_completions"] = np.diff(total, prepend=0).astype(int)
        frames.append(frame)
    frames.append(_rows(days, "newsletter", "email", "Email", email_sessions,
                        np.full(len(days), 0.03), rng))
    traffic = pd.concat(frames, ignore_index=True)
    return traffic.sort_values(["date", "source", "medium"], ignore_index=True)


def _rows(days: pd.DatetimeIndex, source: str, medium: str, channel: str,
          sessions: np.ndarray, rates: np.ndarray, rng: np.random.Generator) -> pd.DataFrame:
    return pd.DataFrame({
        "date": days, "source": source, "medium": medium, "sessions": sessions,
        "goal_completions": rng.binomial(sessions, rates),
        "users": rng.binomial(sessions, 0.82), "channel": channel,
    })


# network -> (followers at start, new followers a day, engagements a day, video views a day)
_SOCIAL = {
    "linkedin": (12000, 45, 260, 120),
    "facebook": (8000, 4, 140, 200),
    "youtube": (3000, 8, 90, 900),
    "x": (5200, 2, 70, 80),
}


def make_social(tl: Timeline, rng: np.random.Generator, scale: float) -> pd.DataFrame:
    """social.csv: followers (a running total), engagements, posts, video views, per day."""
    days = tl.days
    frames = []
    for network, (start, growth, engagements, views) in _SOCIAL.items():
        gained = rng.poisson(growth * scale, len(days))
        posts = np.where(days.day_of_week < 5, rng.poisson(1.2, len(days)), 0)
        frames.append(pd.DataFrame({
            "date": days, "network": network,
            "followers": round(start * scale) + np.cumsum(gained),
            "engagements": rng.poisson(engagements * scale * weekday_factor(days)),
            "posts": posts,
            "video_views": rng.poisson(views * scale, len(days)),
        }))
    return pd.concat(frames, ignore_index=True)


# url -> (hits a day, referrer)
_MISSING_PAGES = {
    "/old-blog/2019/launch": (5, "google.com"),
    "/docs/v1/setup": (3, "partner-blog.example"),
    "/wp-login.php": (8, ""),
    "/favicon-32.png": (2, ""),
}
BROKEN_PAGE_HITS_PER_DAY = 60


def make_pages_404(tl: Timeline, rng: np.random.Generator, scale: float) -> pd.DataFrame:
    """pages_404.csv: hits on missing pages per day; /pricing breaks in the review week."""
    days = tl.days
    frames = [pd.DataFrame({"date": days, "url": url,
                            "hits": rng.poisson(hits * scale, len(days)), "referrer": ref})
              for url, (hits, ref) in _MISSING_PAGES.items()]
    review_days = days[tl.in_review(days)]
    frames.append(pd.DataFrame({
        "date": review_days, "url": BROKEN_PAGE,
        "hits": rng.poisson(BROKEN_PAGE_HITS_PER_DAY * scale, len(review_days)),
        "referrer": "www.example.com/",
    }))
    pages = pd.concat(frames, ignore_index=True)
    return pages[pages["hits"] > 0].sort_values(["date", "url"], ignore_index=True)


_KEYWORDS = {
    "marketing operations software": (4.2, "/", 900),
    "sales ops dashboard": (6.8, "/product/dashboards", 500),
    "lead scoring tool": (3.1, "/product/lead-scoring", 700),
    "campaign roi calculator": (8.5, "/tools/roi", 300),
    "marketing attribution": (12.4, "/blog/attribution", 1200),
    "crm lead routing": (5.6, "/product/routing", 400),
    "b2b lead nurturing": (9.3, "/blog/nurturing", 650),
    "marketing calendar template": (2.4, "/templates/calendar", 1500),
    "website traffic analysis": (15.2, "/blog/traffic", 800),
    "sales follow up cadence": (7.7, "/blog/follow-up", 450),
}


def make_keywords(tl: Timeline, rng: np.random.Generator, scale: float) -> pd.DataFrame:
    """keywords.csv: each tracked keyword's position, clicks and impressions every Monday."""
    mondays = tl.days[tl.days.day_of_week == 0]
    frames = []
    for keyword, (position, url, impressions) in _KEYWORDS.items():
        imp = rng.poisson(impressions * 7 * scale, len(mondays))
        pos = np.clip(np.round(position + rng.normal(0, 0.4, len(mondays)), 1), 1, None)
        ctr = np.clip(0.3 / pos, 0.005, 0.3)
        frames.append(pd.DataFrame({"date": mondays, "keyword": keyword, "position": pos,
                                    "url": url, "clicks": rng.binomial(imp, ctr),
                                    "impressions": imp}))
    return pd.concat(frames, ignore_index=True)


def make_seo(tl: Timeline, rng: np.random.Generator) -> pd.DataFrame:
    """seo.csv: the site's authority metrics (Moz-style), every Monday."""
    mondays = tl.days[tl.days.day_of_week == 0]
    n = len(mondays)
    metrics = {
        "domain_authority": np.full(n, 41) + (np.arange(n) >= n // 2),
        "page_authority": np.full(n, 38),
        "linking_domains": 1240 + np.cumsum(rng.poisson(6, n)),
        "spam_score": np.full(n, 2),
        "indexed_pages": 860 + np.cumsum(rng.poisson(3, n)),
    }
    return pd.concat([pd.DataFrame({"date": mondays, "metric": name, "value": values})
                      for name, values in metrics.items()], ignore_index=True)
