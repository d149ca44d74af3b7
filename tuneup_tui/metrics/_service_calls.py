"""The follow-up service level's activity side: connect rate per rep, attempts per lead in its
first 7 days, and the leads sent to sales with no logged activity.

Activity types, reps and outcomes are compared ignoring case and spaces; lead ids exactly.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics._service_acts import Window, folded_codes
from tuneup_tui.metrics.codes import lookup
from tuneup_tui.metrics.day_span import days_mask
from tuneup_tui.metrics.result import Number, ratio
from tuneup_tui.metrics.shared import leads_once

CONNECTED = ("connected", "connect", "spoke", "conversation", "reached", "answered", "talked")
"""Call outcomes that mean the rep spoke to the lead (the `connected_outcomes` default)."""
FIRST_DAYS = 7


def connect_rows(acts: Window, period: Period, baseline: Baseline,
                 connected: Iterable[str]) -> tuple[list[dict], dict[str, Number]]:
    """Calls per rep in the period: with an outcome, connected, the rate, the baseline's;
    and the totals (`baseline_connect_rate` is the baseline's pooled rate).

    A call without an outcome says nothing either way: it is left out of the rate (and
    counted in `calls`). Reps in order of calls made, then name.
    """
    wanted = {c.strip().casefold() for c in connected}
    calls = acts.of_kind(["call"])
    outcome = acts.column("outcome", calls)
    folded = outcome.folded()
    known = lookup(np.array([k != "" for k in folded], dtype=bool), outcome.codes, False)
    hit = lookup(np.array([k != "" and k in wanted for k in folded], dtype=bool),
                 outcome.codes, False)
    rep = acts.column("rep", calls)
    key, keys = folded_codes(rep)
    stamps = acts.dates[calls]
    now = days_mask(stamps, period.start, period.end)
    base = (days_mask(stamps, baseline.start, baseline.end) if len(baseline)
            else np.zeros(len(stamps), dtype=bool))
    # each rep of the period's calls as first written, in order of their first call
    named = np.flatnonzero(now & (key >= 0))
    present, first = np.unique(key[named], return_index=True)
    spelling = {int(present[i]): str(rep.values[rep.codes[named[first[i]]]]).strip()
                for i in np.argsort(first, kind="stable")}
    every = np.ones(len(key), dtype=bool)
    tally = {(when, what): np.bincount(key[(key >= 0) & mask & flags], minlength=len(keys))
             for when, mask in (("now", now), ("base", base))
             for what, flags in (("calls", every), ("known", known), ("hit", hit))}
    rows: list[dict] = []
    for code, name in spelling.items():
        made, with_outcome, connects, before_known, before_hits = (
            int(tally[k][code]) for k in (("now", "calls"), ("now", "known"), ("now", "hit"),
                                          ("base", "known"), ("base", "hit")))
        rows.append({
            "rep": name, "calls": made, "with_outcome": with_outcome, "connects": connects,
            "connect_rate": ratio(connects, with_outcome),
            "connect_rate_avg": ratio(before_hits, before_known),
            "baseline_connects": before_hits, "baseline_with_outcome": before_known,
        })
    rows.sort(key=lambda r: (-r["calls"], r["rep"].casefold()))
    now_known, now_hits = int((known & now).sum()), int((hit & now).sum())
    base_known, base_hits = int((known & base).sum()), int((hit & base).sum())
    figures: dict[str, Number] = {
        "calls_with_outcome": now_known,
        "connects": now_hits,
        "connect_rate": ratio(now_hits, now_known),
        # pooled over the baseline, every rep's calls (not only those of this period's reps)
        "baseline_connect_rate": ratio(base_hits, base_known),
    }
    return rows, figures


def attempts_in_first_days(pack: DataPack, leads: np.ndarray, acts: Window,
                           types: Iterable[str], needed: int) -> dict[str, Number]:
    """Over the leads `leads` picks (of `shared.leads_once`; those with a lead_id and a
    sent_to_sales_at): activities of `types` naming the lead dated from its sending to 7 days
    (168 hours) after, the mean per lead, and the share of leads that got at least `needed`
    of them."""
    everyone = leads_once(pack)
    sent_at = everyone["sent_to_sales_at"].to_numpy()
    picked = leads & ~np.isnat(sent_at)
    # only the picked leads' ids looked at (a few thousand, not a million)
    rows = np.flatnonzero(picked)
    picked[rows] = ~pd.isna(everyone["lead_id"].to_numpy(dtype=object)[rows])
    attempt = acts.of_kind(types) & (acts.lead >= 0)
    attempt[attempt] = picked[acts.lead[attempt]]
    lead = acts.lead[attempt]
    when, sent = acts.dates[attempt], sent_at[lead]
    early = (when >= sent) & (when <= sent + np.timedelta64(FIRST_DAYS, "D"))
    per_lead = np.bincount(lead[early], minlength=len(everyone))
    counts = per_lead[np.flatnonzero(picked)].astype(float)
    return {
        "first_week_leads": len(counts),
        "attempts_first_7d": float(counts.mean()) if len(counts) else None,
        "reached_attempts_7d": ratio(int((counts >= needed).sum()), len(counts)),
    }


def without_activity(pack: DataPack, leads: np.ndarray, acts: Window) -> np.ndarray:
    """For each lead `leads` picks (of `shared.leads_once`, in order), whether no activity
    names it dated at or after the lead was sent (up to the as-of date, the window's end)."""
    sent_at = leads_once(pack)["sent_to_sales_at"].to_numpy()
    named = acts.lead >= 0
    named[named] = leads[acts.lead[named]]
    lead = acts.lead[named]
    worked = np.zeros(len(leads), dtype=bool)
    worked[lead[acts.dates[named] >= sent_at[lead]]] = True
    return ~worked[np.flatnonzero(leads)]


def first_week_cohort(period: Period) -> Period:
    """The leads whose first 7 days are all behind a review: those sent in the period before
    the review period (a week or a month), whatever day the review runs."""
    return period.previous()
