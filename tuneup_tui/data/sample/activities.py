"""The sample's sales activities: calls, emails and meetings by rep, on the leads they own.

Planted (soft spot f): Alex Kim makes 9 calls (x scale) in the review week against about 61 a
week before. Reps work Monday to Friday; each touch names one of the rep's own leads, mostly
the ones sent to them lately.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tuneup_tui.data.sample.world import (
    CALLS_PER_WEEK,
    EMAILS_PER_WEEK,
    MEETINGS_PER_WEEK,
    REPS,
    SLOW_REP,
    SLOW_REP_CALLS_IN_REVIEW,
    Timeline,
    scaled,
)

_OUTCOMES = {
    "call": (np.array(["Connected", "Left voicemail", "No answer"]), [0.3, 0.4, 0.3]),
    "email": (np.array(["Sent", "Replied"]), [0.85, 0.15]),
    "meeting": (np.array(["Held", "No show"]), [0.85, 0.15]),
}


def make_activities(crm: pd.DataFrame, tl: Timeline, rng: np.random.Generator,
                    scale: float) -> pd.DataFrame:
    """activities.csv: one row per touch: date-time, rep, type, lead_id, outcome."""
    days = tl.days
    workday = (days.day_of_week < 5).astype(float)
    review = tl.in_review(days)
    frames = []
    owned = crm.dropna(subset=["owner"]).drop_duplicates("lead_id")
    for rep in REPS:
        mine = owned[owned["owner"] == rep].sort_values("_sent")
        sent = mine["_sent"].to_numpy()
        for kind, per_week in (("call", CALLS_PER_WEEK[rep]), ("email", EMAILS_PER_WEEK),
                               ("meeting", MEETINGS_PER_WEEK)):
            counts = rng.poisson(per_week / 5 * scale * workday)
            if rep == SLOW_REP and kind == "call":
                counts[review] = rng.multinomial(scaled(SLOW_REP_CALLS_IN_REVIEW, scale),
                                                 workday[review] / workday[review].sum())
            day_idx = np.repeat(np.arange(len(days)), counts)
            when = days.values[day_idx] + rng.integers(8 * 3600, 18 * 3600,
                                                       len(day_idx)).astype("timedelta64[s]")
            available = np.searchsorted(sent, when)
            # Mostly the leads sent lately: an offset back from the newest available lead.
            back = np.floor(rng.exponential(8 * scale + 2, len(when))).astype(int)
            pick = np.clip(available - 1 - back, 0, None)
            keep = available > 0
            values, weights = _OUTCOMES[kind]
            frames.append(pd.DataFrame({
                "date": pd.to_datetime(when[keep]).astype("datetime64[s]"),
                "rep": rep,
                "type": kind,
                "lead_id": mine["lead_id"].to_numpy()[pick[keep]],
                "outcome": rng.choice(values, int(keep.sum()), p=weights),
            }))
    activities = pd.concat(frames, ignore_index=True)
    return activities.sort_values("date", kind="stable", ignore_index=True)
