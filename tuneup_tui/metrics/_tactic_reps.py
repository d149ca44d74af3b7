"""Rep conversion per tactic, with a 90% Wilson interval, ranked by the interval's low end.

A rep's leads of a tactic are the tactic's leads whose CRM owner is the rep (names compared
ignoring case and spaces, the first spelling shown); leads no rep owns are left out. Conversion
is the share of them with an opportunity by the as-of date. See `wilson` for the interval and
the ranking, and why a rep with 4 leads does not outrank one with 80 on a lucky week.
"""

from __future__ import annotations

import pandas as pd

from tuneup_tui.metrics._sales import fold, plural
from tuneup_tui.metrics.common import finding, pct
from tuneup_tui.metrics.result import Finding, ratio
from tuneup_tui.metrics.wilson import ranked_by_lower_bound


def rep_rows(leads: pd.DataFrame, names: dict[str, str]) -> list[dict]:
    """Rows per tactic (by name) and rep (by rank), with the interval and the rank."""
    owned = leads[leads["owner"].notna()]
    rep_key = fold(owned["owner"].astype("str"))
    spelling: dict[str, str] = {}
    for key, name in zip(rep_key, owned["owner"], strict=True):
        spelling.setdefault(str(key), str(name).strip())
    converted = owned["first_opp_at"].notna()
    grouped = pd.DataFrame({"tactic": owned["tactic"].to_numpy(), "rep": rep_key.to_numpy(),
                            "hit": converted.to_numpy()}).groupby(["tactic", "rep"], sort=False)
    rows = []
    for (tactic, rep), group in grouped:
        n, hits = len(group), int(group["hit"].sum())
        rows.append({"tactic": names[str(tactic)], "rep": spelling[str(rep)], "leads": n,
                     "with_opportunity": hits, "conversion": ratio(hits, n)})
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
