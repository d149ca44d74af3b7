"""The deterministic sample pack: one coherent company's exports, for the demo and for tests.

`generate_sample(folder, as_of)` writes the 16 canonical CSVs: 13 weeks of history, the review
week (the last complete ISO week before `as_of`) and 4 weeks of calendar ahead. The same seed
gives the same files, byte for byte. Soft spots are planted in the review week so the panels
have something to find; docs/sample-data.md lists them with their numbers.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd

from tuneup_tui.data.sample.activities import make_activities
from tuneup_tui.data.sample.email import (
    email_sessions,
    make_calendar,
    make_database,
    make_emails,
)
from tuneup_tui.data.sample.leads import make_leads, set_statuses
from tuneup_tui.data.sample.paid import make_paid, make_tactics, size_won_deals
from tuneup_tui.data.sample.sales import make_crm, make_opportunities
from tuneup_tui.data.sample.targets import make_targets
from tuneup_tui.data.sample.web import (
    make_keywords,
    make_pages_404,
    make_seo,
    make_social,
    make_traffic,
)
from tuneup_tui.data.sample.world import HISTORY_WEEKS, TERRITORIES, timeline
from tuneup_tui.data.sources import SOURCES

FORGOTTEN_LEADS = 36
"""Leads past their 90-day lifetime left Working, never recycled (soft spot h), x scale."""

__all__ = ["build_sample", "generate_sample", "write_sample"]


def generate_sample(out_dir: Path, as_of: date, *, scale: float = 1, seed: int = 7,
                    history_weeks: int = HISTORY_WEEKS) -> Path:
    """Write the sample pack for `as_of` into `out_dir` (created if needed); returns it.

    `history_weeks` (13 unless set; the benchmarks take 52, a year) is how many complete weeks
    of data come before the review week.
    """
    write_sample(Path(out_dir), build_sample(as_of, scale=scale, seed=seed,
                                             history_weeks=history_weeks))
    return Path(out_dir)


def build_sample(as_of: date, *, scale: float = 1, seed: int = 7,
                 history_weeks: int = HISTORY_WEEKS) -> dict[str, pd.DataFrame]:
    """The sample's sources as frames with canonical columns, in SOURCES order."""
    if scale <= 0:
        raise ValueError(f"scale must be above 0, not {scale}")
    rng = np.random.default_rng(seed)
    tl = timeline(as_of, history_weeks)
    leads = make_leads(tl, rng, scale)
    crm = make_crm(leads, tl, rng)
    opps = make_opportunities(crm, leads, tl, rng)
    rejected = crm.loc[crm["status"] == "Unqualified", "lead_id"]
    set_statuses(leads, leads["lead_id"].isin(opps["lead_id"]).to_numpy(), tl, rng, scale,
                 FORGOTTEN_LEADS, leads["lead_id"].isin(rejected).to_numpy())
    paid = make_paid(leads, tl, rng, scale)
    tactics = make_tactics(paid, tl, scale)
    size_won_deals(opps, tactics)
    database = make_database(tl, rng, scale)
    emails, human_clicks = make_emails(database, tl, rng, scale)
    calendar = make_calendar(tactics, tl)
    for column in ("expected_sessions", "expected_leads"):
        calendar[column] = (calendar[column] * scale).round().astype("Int64")
    frames = {
        "traffic": make_traffic(tl, email_sessions(human_clicks, rng, scale), rng, scale),
        "social": make_social(tl, rng, scale),
        "paid": paid,
        "pages_404": make_pages_404(tl, rng, scale),
        "keywords": make_keywords(tl, rng, scale),
        "seo": make_seo(tl, rng),
        "calendar": calendar,
        "leads": leads.assign(score=leads["score"].astype(int)),
        "database": database,
        "emails": emails,
        "crm": crm.merge(opps[["lead_id", "opportunity_id"]], on="lead_id", how="left"),
        "territories": pd.DataFrame([(t, r) for t, reps in TERRITORIES.items() for r in reps],
                                    columns=["territory", "rep"]),
        "activities": make_activities(crm, tl, rng, scale),
        "opportunities": opps.assign(amount=opps["amount"].astype(int)),
        "tactics": tactics,
        "targets": make_targets(tl, scale),
    }
    return {name: frames[name][[c.name for c in SOURCES[name].columns
                                if c.name in frames[name].columns]] for name in SOURCES}


def write_sample(out_dir: Path, frames: dict[str, pd.DataFrame]) -> dict[str, int]:
    """Write each frame as `<source>.csv` in `out_dir`; returns the rows written per source."""
    out_dir.mkdir(parents=True, exist_ok=True)
    rows: dict[str, int] = {}
    for name, frame in frames.items():
        out = frame.copy()
        for column in SOURCES[name].columns:
            if column.kind == "date":
                out[column.name] = out[column.name].dt.strftime("%Y-%m-%d")
        out.to_csv(out_dir / f"{name}.csv", index=False, lineterminator="\n",
                   date_format="%Y-%m-%d %H:%M:%S")
        rows[name] = len(frame)
    return rows
