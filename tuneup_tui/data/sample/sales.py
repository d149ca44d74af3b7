"""The sample's sales side: the CRM rows of leads sent to sales, and their opportunities.

Planted here, among the leads sent to sales in the review week (soft spot e): exactly 4 are
missing from the CRM, exactly 2 are owned by a rep outside the lead's territory, and 1 lead_id
stands twice in the CRM. These counts are exact at every scale.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tuneup_tui.data.sample.world import PROGRAMS, REP_TERRITORY, REPS, TERRITORIES, Timeline

MISSING_FROM_CRM = 4
WRONG_REP = 2
DUPLICATED = 1
BAD_DATA_RATE = 0.03
_BAD_REASONS = np.array(["Bad phone number", "Email bounced", "Duplicate company",
                         "No such person"])
_OPEN_STAGES = np.array(["Prospecting", "Qualification", "Proposal", "Negotiation"])
WIN_RATE = 0.35


def make_crm(leads: pd.DataFrame, tl: Timeline, rng: np.random.Generator) -> pd.DataFrame:
    """One CRM row per lead sent to sales (planted gaps aside), with an opportunity flag.

    The returned frame carries a helper column `_opp` (bool) that `make_opportunities` uses
    and the writer drops.
    """
    sent = leads[leads["sent_to_sales_at"].notna()]
    n = len(sent)
    reps_of = np.array([(reps[0], reps[-1]) for reps in TERRITORIES.values()])
    territory_idx = pd.Categorical(sent["territory"], categories=list(TERRITORIES)).codes
    owner = reps_of[territory_idx, rng.integers(0, 2, n)].astype(object)
    in_review = tl.in_review(sent["sent_to_sales_at"])
    # A few unassigned leads, long ago (the review week's handoff is clean but for (e)).
    unassigned = (rng.random(n) < 0.01) & (sent["sent_to_sales_at"]
                                          < pd.Timestamp(tl.period.start) - pd.Timedelta(
                                              weeks=9)).to_numpy()
    owner[unassigned] = None
    touch_h = rng.lognormal(np.log(5), 1.0, n)
    first_touch = sent["sent_to_sales_at"].to_numpy() + (touch_h * 3600).astype("timedelta64[s]")
    # Reps reach every lead before the export is taken (the Sunday night ones just in time),
    # so the only untouched leads of the review week are the planted gaps.
    first_touch = np.minimum(first_touch, (tl.end - pd.Timedelta(minutes=1)).to_datetime64())
    first_touch = np.where(unassigned, np.datetime64("NaT"), first_touch)
    rate = dict((p.name, p.opportunity_rate) for p in PROGRAMS)
    opp = (rng.random(n) < sent["program"].map(rate).to_numpy(dtype=float)) & ~unassigned
    bad = rng.random(n) < BAD_DATA_RATE
    opp &= ~bad
    status = rng.choice(np.array(["Working", "Contacted", "Unqualified"]), n, p=[0.5, 0.3, 0.2])
    status = np.where(pd.isna(first_touch), "New", np.where(opp, "Converted", status))
    crm = pd.DataFrame({
        "lead_id": sent["lead_id"].to_numpy(),
        "owner": owner,
        "territory": sent["territory"].to_numpy(),
        "status": status,
        "first_touch_at": pd.to_datetime(first_touch).astype("datetime64[s]"),
        "bad_data": bad.astype(int),
        "bad_data_reason": np.where(bad, rng.choice(_BAD_REASONS, n), ""),
        "_opp": opp,
        "_sent": sent["sent_to_sales_at"].to_numpy(),
    })
    return _plant_handoff_gaps(crm, in_review, rng)


def _plant_handoff_gaps(crm: pd.DataFrame, in_review: np.ndarray,
                        rng: np.random.Generator) -> pd.DataFrame:
    pool = np.flatnonzero(in_review & crm["owner"].notna().to_numpy())
    # At tiny scales there may be fewer leads than gaps to plant: plant what fits.
    picked = rng.choice(pool, size=min(len(pool), MISSING_FROM_CRM + WRONG_REP + DUPLICATED),
                        replace=False)
    missing = picked[:MISSING_FROM_CRM]
    wrong = picked[MISSING_FROM_CRM: MISSING_FROM_CRM + WRONG_REP]
    duplicated = picked[MISSING_FROM_CRM + WRONG_REP:]
    for row in wrong:
        territory = crm.at[int(row), "territory"]
        outsiders = [r for r in REPS if REP_TERRITORY[r] != territory]
        crm.at[int(row), "owner"] = outsiders[int(rng.integers(len(outsiders)))]
    crm = pd.concat([crm, crm.iloc[duplicated]], ignore_index=True)
    crm = crm.drop(index=crm.index[missing]).reset_index(drop=True)
    return crm


def make_opportunities(crm: pd.DataFrame, leads: pd.DataFrame, tl: Timeline,
                       rng: np.random.Generator) -> pd.DataFrame:
    """Opportunities for the CRM rows flagged `_opp`: open ones by age, old ones closed."""
    rows = crm[crm["_opp"]].drop_duplicates("lead_id")
    n = len(rows)
    touched = rows["first_touch_at"].fillna(pd.Series(rows["_sent"].to_numpy(),
                                                      index=rows.index))
    created = touched.to_numpy() + (rng.uniform(0, 3 * 86400, n)).astype("timedelta64[s]")
    created = np.minimum(created, (tl.end - pd.Timedelta(minutes=1)).to_datetime64())
    age = (tl.end.to_datetime64() - created) / np.timedelta64(1, "D")
    wins = rng.random(n) < WIN_RATE
    stage_idx = np.clip((age / 7 + rng.normal(0, 0.5, n)).astype(int), 0, 3)
    close_days = rng.uniform(14, 28, n)
    # a deal closes 14 to 28 days after it opens: closed when that day has come by the end of
    # the data, so every week, the review week too, has its closes (deals from 2 to 4 weeks
    # before), not only those of deals over 4 weeks old
    closed = age > close_days
    won = closed & wins
    stage = np.where(closed, np.where(won, "Closed Won", "Closed Lost"), _OPEN_STAGES[stage_idx])
    closed_at = np.where(closed, created + (close_days * 86400).astype("timedelta64[s]"),
                         np.datetime64("NaT"))
    amount = np.round(rng.lognormal(np.log(14000), 0.55, n), -2)
    program = rows["lead_id"].map(leads.set_index("lead_id")["program"]).to_numpy()
    opps = pd.DataFrame({
        "lead_id": rows["lead_id"].to_numpy(),
        "created_at": pd.to_datetime(created).astype("datetime64[s]"),
        "stage": stage,
        "amount": amount,
        "closed_at": pd.to_datetime(closed_at).astype("datetime64[s]"),
        "owner": rows["owner"].to_numpy(),
        "_program": program,
    })
    _every_tactic_wins(opps)
    opps = opps.sort_values("created_at", ignore_index=True)
    ids = pd.Series(np.arange(1, n + 1)).astype("str").str.zfill(6)
    opps.insert(0, "opportunity_id", "OPP-" + ids)
    return opps


def _every_tactic_wins(opps: pd.DataFrame) -> None:
    """Each program with closed deals has at least one win, so no ROMI is -100% by chance."""
    for program in pd.unique(opps["_program"]):
        mine = opps["_program"] == program
        if (opps.loc[mine, "stage"] == "Closed Won").any():
            continue
        lost = opps.index[mine & (opps["stage"] == "Closed Lost")]
        if len(lost):
            opps.loc[lost[0], "stage"] = "Closed Won"
