"""Pieces the sales panels share: leads delivered to sales, each lead's CRM row, who is a rep.

The sales panels (lead_scoring, handoff, follow_up, romi, lifecycle) all join leads to the CRM
and to opportunities the same way; doing it here keeps their numbers consistent:

- a lead is its lead_id: a leads export listing one twice holds one lead, its first row (as the
  funnel and paid panels count it); an opportunity is its opportunity_id, the same way;
- a lead's CRM row is the first row naming its lead_id (in file order); duplicates are counted by
  the handoff panel, never double-counted elsewhere; lead ids match exactly (ids are
  case-sensitive in CRMs: Salesforce's 15-character ids differ by case alone);
- names (statuses, stages, territories, reps, programs, campaigns) are compared ignoring case;
- "up to the as-of date" includes the as-of day itself.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from tuneup_tui.metrics.common import folded
from tuneup_tui.metrics.result import Number, PanelSettings, clean_number

ID_LIST_LIMIT = 10
"""How many lead ids a finding's sentence names before "and N more"."""


def id_list(ids: Sequence[str], limit: int = ID_LIST_LIMIT) -> str:
    """Ids for a sentence: "L-1, L-2, L-3" or "L-1, L-2 and 5 more"."""
    shown = ", ".join(ids[:limit])
    rest = len(ids) - limit
    return shown if rest <= 0 else f"{shown} and {rest} more"


def plural(count: float, word: str, many: str | None = None) -> str:
    """ "1 lead", "3 leads" (with `many` for irregular plurals)."""
    shown = f"{count:,.0f}" if float(count).is_integer() else f"{count:,.1f}"
    return f"{shown} {word if count == 1 else (many or word + 's')}"


def names_option(settings: PanelSettings, key: str, default: Sequence[str]) -> list[str]:
    """An option naming things: a list of names, or one name on its own."""
    value = settings.option(key, default)
    if isinstance(value, str):
        return [value]
    return [str(v) for v in value]


def capped(title: str, total: int, limit: int) -> str:
    """A list's title, saying so when it shows only the first `limit` of `total` rows."""
    return f"{title} (first {limit} of {total})" if total > limit else title


_SINGULAR = {"are": "is", "stand": "stands", "have": "has", "were": "was"}


def agree(count: float, phrase: str) -> str:
    """A plural verb phrase made to agree with `count`: (1, "are late") -> "is late"."""
    if count != 1:
        return phrase
    verb, _, rest = phrase.partition(" ")
    return " ".join(filter(None, (_SINGULAR.get(verb, verb), rest)))


def fold(series: pd.Series) -> pd.Series:
    """Text for comparing names: stripped and case-folded (missing stays missing)."""
    return folded(series)


def first_spelling(series: pd.Series) -> pd.Series:
    """Names with case variants written as their first spelling ("webinar" -> "Webinar")."""
    if series.dtype != "str":
        series = series.astype("str")
    # Per distinct value, in order of first appearance: the same first spelling as walking
    # every row, at the cost of one pass of hashing.
    codes, uniques = pd.factorize(series)
    names = pd.Series(uniques, dtype="str")
    spelling: dict[str, str] = {}
    for key, name in zip(fold(names), names, strict=True):
        if not pd.isna(key):
            spelling.setdefault(str(key), str(name))
    shown = fold(names).map(spelling).astype("str")
    return pd.Series(shown.array.take(codes, allow_fill=True), index=series.index,
                     name=series.name, copy=False)


def folded_in(series: pd.Series, names: Iterable[str]) -> pd.Series:
    """Whether each value is one of `names`, ignoring case (missing: False)."""
    wanted = {n.strip().casefold() for n in names}
    codes, uniques = pd.factorize(series)
    hit = fold(pd.Series(uniques, dtype="str")).isin(wanted).fillna(False).to_numpy(bool)
    out = hit[codes] if len(hit) else np.zeros(len(codes), dtype=bool)
    return pd.Series(np.where(codes < 0, False, out), index=series.index, dtype=bool)











def first_crm_rows(crm: pd.DataFrame) -> pd.DataFrame:
    """One CRM row per lead id, the first in file order, indexed by lead_id."""
    rows = crm[crm["lead_id"].notna()]
    return rows.drop_duplicates("lead_id", keep="first").set_index("lead_id")

def reps_by_territory(territories: pd.DataFrame) -> dict[str, set[str]]:
    """Folded territory name -> folded rep names."""
    rows = territories[territories["territory"].notna() & territories["rep"].notna()]
    out: dict[str, set[str]] = {}
    for territory, rep in zip(fold(rows["territory"]), fold(rows["rep"]), strict=True):
        out.setdefault(territory, set()).add(rep)
    return out


def territory_reps(territories: pd.DataFrame) -> list[str]:
    """The reps named in territories, as written, first spelling of each, sorted."""
    seen: dict[str, str] = {}
    for rep in territories["rep"].dropna():
        seen.setdefault(str(rep).strip().casefold(), str(rep).strip())
    return sorted(seen.values(), key=str.casefold)


def far_below(current: Number, average: Number, share: float) -> bool:
    """Whether `current` is at or below `share` of a positive `average` (0.5: half or less)."""
    cur = clean_number(current)
    avg = clean_number(average)
    if cur is None or avg is None or avg <= 0:
        return False
    return cur <= avg * share


def text(value: object) -> str | None:
    """A cell as plain text for a table (missing: None)."""
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return None
    return str(value)


def day(value: object) -> str | None:
    """A timestamp cell as an ISO date for a table (missing: None)."""
    if value is None or value is pd.NaT or not isinstance(value, pd.Timestamp):
        return None
    return value.date().isoformat()


def stamp(value: object) -> str | None:
    """A timestamp cell as ISO date and minutes for a table (missing: None)."""
    if not isinstance(value, pd.Timestamp) or value is pd.NaT:
        return None
    return value.strftime("%Y-%m-%d %H:%M")
