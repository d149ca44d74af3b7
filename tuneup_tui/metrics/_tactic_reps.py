"""Rep conversion per tactic, with a 90% Wilson interval, ranked by the interval's low end.

A rep's leads of a tactic are the tactic's leads whose CRM owner is the rep (names compared
ignoring case and spaces, the first spelling shown); leads no rep owns are left out. Conversion
is the share of them with an opportunity by the as-of date. See `wilson` for the interval and
the ranking, and why a rep with 4 leads does not outrank one with 80 on a lucky week.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tuneup_tui.metrics._sales import plural
from tuneup_tui.metrics._tactic_leads import TacticData
from tuneup_tui.metrics.common import finding, pct
from tuneup_tui.metrics.result import Finding, ratio
from tuneup_tui.metrics.wilson import ranked_by_lower_bound


def rep_rows(data: TacticData, names: dict[str, str]) -> list[dict]:
    """Rows per tactic (by name) and rep (by rank), with the interval and the rank."""
    owned = data.owner >= 0
    # each distinct owner cell's folded name as a code: cells differing in case or spaces
    # around are one rep
    folded = [str(v).strip().casefold() for v in data.owners]
    rep_of, reps = pd.factorize(np.array(folded, dtype=object))
    cell = data.owner[owned]
    rep = np.asarray(rep_of, dtype=np.int64)[cell]
    tactic = data.tactic[owned]
    # a rep's name as first written (leads in file order), stripped
    present, first = np.unique(rep, return_index=True)
    spelling = {int(r): str(data.owners[cell[i]]).strip()
                for r, i in zip(present, first, strict=True)}
    # (tactic, rep) groups in order of their first lead, as a groupby that keeps that order
    pair = tactic * max(len(reps), 1) + rep
    groups, first, pair_code = np.unique(pair, return_index=True, return_inverse=True)
    leads = np.bincount(pair_code, minlength=len(groups))
    hits = np.bincount(pair_code, weights=~np.isnat(data.first_opp[owned]),
                       minlength=len(groups))
    rows = []
    for g in np.argsort(first, kind="stable"):
        t, r = divmod(int(groups[g]), max(len(reps), 1))
        n, won = int(leads[g]), int(hits[g])
        rows.append({"tactic": names[data.keys[t]], "rep": spelling[r], "leads": n,
                     "with_opportunity": won, "conversion": ratio(won, n)})
    ranked = ranked_by_lower_bound(rows, "tactic")
    return sorted(ranked, key=lambda r: (r["tactic"].casefold(), r["rank"]))


def rep_findings(panel: str, rows: list[dict]) -> list[Finding]:
    """A rep whose whole interval sits below the tactic leader's low end: behind beyond what
    a small number of leads explains. Low severity: the leader is the luckiest of several
    reps, so a gap to it is a question for the room, not a verdict."""
    leaders = {r["tactic"]: r for r in rows if r["rank"] == 1}
    out = []
    for r in rows:
        if not r["clearly_behind"]:
            continue
        lead = leaders[r["tactic"]]
        out.append(finding(
            panel, f"rep_behind:{r['tactic']}:{r['rep']}", "low",
            f"{r['rep']} turned {r['with_opportunity']} of {plural(r['leads'], 'lead')} from "
            f"{r['tactic']} into an opportunity ({pct(r['conversion'], 0)}, at most "
            f"{pct(r['high'], 0)} at 90% confidence), below the {pct(lead['low'], 0)} "
            f"{lead['rep']} reaches at the least",
            conversion=r["conversion"], high=r["high"], leader_low=lead["low"],
            leads=r["leads"]))
    return out
