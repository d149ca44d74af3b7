"""The sample's leads: created by program and day, scored, some sent to sales.

Planted here (review week): Bing Search brings a third of its usual leads (its conversion
collapsed, soft spot a); the Webinar - Q4 held on the review week's Wednesday sends a burst of
attendees to sales (so leads delivered x 3 outruns the reps' calling capacity, soft spot f); and
a few leads scoring under 60 are sent to sales (soft spot j).
"""

from __future__ import annotations

from datetime import timedelta

import numpy as np
import pandas as pd

from tuneup_tui.data.sample.world import PROGRAMS, TERRITORIES, TERRITORY_WEIGHTS, Timeline, scaled

SEND_THRESHOLD = 60
SEND_RATE = 0.38
"""Share of leads at or over the threshold that marketing sends to sales."""
WEBINAR_ATTENDEES = 160
TRADE_SHOW_LEADS = (140, 40)
"""Leads scanned at the booth on the show's first and second day."""
LOW_SCORE_SENT = 6
BING_REVIEW_FACTOR = 0.3

_COMPANIES = np.array([f"{a} {b}" for a in ("Apex", "Blue", "Cedar", "Delta", "Ember", "Fjord",
                                              "Granite", "Harbor", "Iris", "Juniper", "Keystone",
                                              "Lumen", "Maple", "Nimbus", "Orchid", "Pioneer")
                       for b in ("Analytics", "Systems", "Logistics", "Health", "Foods",
                                 "Capital", "Robotics", "Media", "Energy", "Labs")])


def webinar_day(tl: Timeline) -> pd.Timestamp:
    """The Webinar - Q4 is held on the review week's Wednesday."""
    return pd.Timestamp(tl.period.start + timedelta(days=2))


def trade_show_day(tl: Timeline) -> pd.Timestamp:
    """The Trade Show is held in the fourth week of history, on the Tuesday."""
    return pd.Timestamp(tl.start + timedelta(weeks=3, days=1))


def make_leads(tl: Timeline, rng: np.random.Generator, scale: float) -> pd.DataFrame:
    """Leads with program, created_at, score, sent_to_sales_at (NaT: not sent), territory.

    Statuses are set later (they depend on opportunities): see `set_statuses`.
    """
    days = tl.days
    n_days = len(days)
    names = [p.name for p in PROGRAMS]
    daily = np.array([p.leads_per_week / 7 for p in PROGRAMS])[:, None] * scale
    weekday = np.array([1.15, 1.2, 1.2, 1.15, 1.0, 0.65, 0.65])[days.day_of_week]
    lam = daily * weekday[None, :]
    review = tl.in_review(days)
    lam[names.index("Bing Search"), review] *= BING_REVIEW_FACTOR
    show = int(np.flatnonzero(days == trade_show_day(tl))[0])
    lam[names.index("Trade Show"), show: show + 2] = np.array(TRADE_SHOW_LEADS) * scale
    counts = rng.poisson(lam)
    burst = rng.poisson(WEBINAR_ATTENDEES * scale)
    counts[names.index("Webinar - Q4"), np.flatnonzero(days == webinar_day(tl))[0]] += burst

    program_idx = np.repeat(np.repeat(np.arange(len(PROGRAMS)), n_days), counts.ravel())
    day_idx = np.repeat(np.tile(np.arange(n_days), len(PROGRAMS)), counts.ravel())
    n = len(program_idx)
    seconds = rng.integers(7 * 3600, 20 * 3600, n)
    created = days.values[day_idx] + seconds.astype("timedelta64[s]")

    mean_score = np.array([p.mean_score for p in PROGRAMS])[program_idx]
    is_burst = (program_idx == names.index("Webinar - Q4")) & (
        days.values[day_idx] == webinar_day(tl).to_datetime64())
    mean_score = np.where(is_burst, 76.0, mean_score)
    score = np.clip(np.round(rng.normal(mean_score, 14)), 1, 100)

    send = (score >= SEND_THRESHOLD) & (rng.random(n) < np.where(is_burst, 0.9, SEND_RATE))
    delay_h = np.where(is_burst, rng.uniform(18, 40, n), rng.exponential(30, n) + 1)
    sent = created + (delay_h * 3600).astype("timedelta64[s]")
    sent = np.where(send & (sent <= tl.end.to_datetime64()), sent, np.datetime64("NaT"))

    territory = rng.choice(len(TERRITORIES), size=n, p=TERRITORY_WEIGHTS)
    company = rng.integers(0, len(_COMPANIES), n)
    leads = pd.DataFrame({
        "created_at": pd.to_datetime(created).astype("datetime64[s]"),
        "program": np.array(names)[program_idx],
        "score": score,
        "sent_to_sales_at": pd.to_datetime(sent).astype("datetime64[s]"),
        "territory": np.array(list(TERRITORIES))[territory],
        "company": _COMPANIES[company],
    })
    leads = leads.sort_values("created_at", kind="stable", ignore_index=True)
    _send_low_scores(leads, tl, rng, scale)
    ids = pd.Series(np.arange(1, len(leads) + 1)).astype("str").str.zfill(7)
    leads.insert(0, "lead_id", "L" + ids)
    domain = leads["company"].str.lower().str.replace(" ", "", regex=False)
    leads["email"] = "contact" + ids + "@" + domain + ".example"
    return leads


def _send_low_scores(leads: pd.DataFrame, tl: Timeline, rng: np.random.Generator,
                     scale: float) -> None:
    """Planted (j): a few leads under the threshold sent to sales in the review week."""
    start = pd.Timestamp(tl.period.start)
    latest = pd.Timestamp(tl.period.end) - pd.Timedelta(days=1)
    pool = np.flatnonzero(((leads["created_at"] >= start) & (leads["created_at"] < latest)
                           & (leads["score"] < SEND_THRESHOLD)
                           & leads["sent_to_sales_at"].isna()).to_numpy())
    chosen = rng.choice(pool, size=min(len(pool), scaled(LOW_SCORE_SENT, scale)),
                        replace=False)
    rows = leads.index[chosen]
    leads.loc[rows, "sent_to_sales_at"] = leads.loc[rows, "created_at"] + pd.Timedelta(hours=3)


def set_statuses(leads: pd.DataFrame, has_opportunity: np.ndarray, tl: Timeline,
                 rng: np.random.Generator, scale: float, forgotten: int,
                 rejected_in_crm: np.ndarray | None = None) -> None:
    """Lead statuses; old leads without an opportunity are Disqualified, but for `forgotten`.

    Planted (h): `forgotten` (x scale) leads created well before the 90-day lifetime cutoff,
    with no opportunity, left Working: neither recycled into nurturing nor disqualified (nor
    rejected in the CRM, `rejected_in_crm`). Leads within two days of the cutoff are settled
    too, so the count does not hang on how a panel rounds the cutoff.
    """
    n = len(leads)
    status = rng.choice(np.array(["New", "Working", "Nurturing", "Disqualified"]), size=n,
                        p=[0.25, 0.3, 0.35, 0.1])
    sent = leads["sent_to_sales_at"].notna().to_numpy()
    status = np.where(sent, "Qualified", status)
    created = leads["created_at"]
    old = (created < tl.lifetime_cutoff + pd.Timedelta(days=2)).to_numpy() & ~has_opportunity
    status = np.where(old, "Disqualified", status)
    settled = old & (created < tl.lifetime_cutoff - pd.Timedelta(days=2)).to_numpy()
    if rejected_in_crm is not None:
        settled &= ~rejected_in_crm
    pool = np.flatnonzero(settled)
    kept = rng.choice(pool, size=min(len(pool), scaled(forgotten, scale)), replace=False)
    status[kept] = "Working"
    leads["status"] = status
