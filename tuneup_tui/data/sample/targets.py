"""The sample company's plan: monthly targets for the months the sample covers, and one week.

A plausible plan for the sample's volumes, with a few misses planted in the review week
(docs/sample-data.md lists them): goal conversion, Bing Search's leads, wasted spend, leads
missing from the CRM, 404 hits and leads past their lifetime are off track; LinkedIn Ads'
leads, acceptance by sales and the database size are at risk.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from tuneup_tui.data.period import Period, parse_period
from tuneup_tui.data.sample.world import Timeline

PER_DAY: tuple[tuple[str, str | None, float], ...] = (
    ("traffic.sessions", None, 3000),
    ("funnel.leads", None, 31),
    ("funnel.leads", "Google Search", 7.5),
    ("funnel.leads", "Bing Search", 2.9),
    ("funnel.leads", "LinkedIn Ads", 3.4),
    ("lead_scoring.leads_sent_to_sales", None, 7),
    ("paid.spend", None, 2100),
    ("scorecard.wasted_spend", None, 0),
    ("handoff.missing", None, 0),
    ("site_health.not_found_hits", None, 20),
    ("funnel.opportunities", None, 1.8),
    ("scorecard.pipeline_created", None, 30000),
    ("scorecard.bookings", None, 8000),
)
"""Flows: a month's target is the daily figure times the month's days (x scale)."""
LEVELS: tuple[tuple[str, str | None, float, bool], ...] = (
    ("traffic.goal_conversion", None, 0.028, False),
    ("lead_scoring.acceptance_rate", None, 0.90, False),
    ("paid.cost_per_lead", None, 60, False),
    ("follow_up.median_hours_to_first_touch", None, 8, False),
    ("nurturing.database_size", None, 52000, True),
    ("lifecycle.past_lifetime", None, 10, True),
)
"""Rates, costs and levels: the same target every month (counts x scale when marked)."""
REVIEW_WEEK_SENT = 60
"""The one weekly row: leads to send to sales in the review week (over the month's share)."""


def make_targets(tl: Timeline, scale: float) -> pd.DataFrame:
    """The plan from the first month of history to the month after the calendar's end."""
    rows: list[tuple[str, str, str | None, float]] = []
    for month in _months(tl.start, tl.period.end + timedelta(weeks=5)):
        for figure, tactic, per_day in PER_DAY:
            rows.append((month.label, figure, tactic, round(per_day * month.days * scale)))
        for figure, tactic, value, counted in LEVELS:
            rows.append((month.label, figure, tactic, round(value * scale) if counted else value))
    rows.append((tl.period.label, "lead_scoring.leads_sent_to_sales", None,
                 round(REVIEW_WEEK_SENT * scale)))
    return pd.DataFrame(rows, columns=["period", "figure", "tactic", "target"])


def _months(first: date, last: date) -> list[Period]:
    months = [parse_period(f"{first.year}-{first.month:02d}")]
    while months[-1].end < last:
        months.append(months[-1].next())
    return months
