"""List attrition checked against the database's growth, for the Nurturing panel.

The email tool says how many contacts left (unsubscribes and bounces); the database source says
how big the database is. Over the 4 weeks ending with the period the database should change by
about the contacts that came in less those that left. The contacts that came in are taken to
be the leads created in those weeks (the leads source); without it nothing is known to have
come in. So, over the 4 weeks:

- **database change** = database size at the period's end - database size at the window's
  start (the latest `contacts` on or before the day before the window's first day);
- **contacts lost** = unsubscribes + bounces (emails);
- **leads created** = leads with `created_at` in the window (leads);
- **unexplained change** = database change - (leads created - contacts lost).

The sources disagree when the unexplained change is more than `growth_tolerance` (default 0.02)
of the database at the window's start, either way; without the leads source only a database
that shrank by more than the losses (a negative unexplained change) is a disagreement, since
additions are unknown. Both sides are complete counts of their sources, not samples, so no
chance test applies: the finding is medium, high past twice the tolerance.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

import pandas as pd

from tuneup_tui.metrics.common import finding, num, within
from tuneup_tui.metrics.result import Finding, Number

NAME = "nurturing"
WINDOW_DAYS = 28
TOLERANCE = 0.02


def growth_figures(database: pd.DataFrame, emails: pd.DataFrame,
                   leads: Callable[[date, date], int] | None,
                   end: date) -> tuple[dict[str, Number], float | None]:
    """Database change, contacts lost, leads created and the change they leave unexplained
    over the 4 weeks ending on `end`; and the database's size at the window's start.

    `leads` counts the leads created from a day to another (both included); None without the
    leads source."""
    start = end - timedelta(days=WINDOW_DAYS - 1)
    before, after = size_on(database, start - timedelta(days=1)), size_on(database, end)
    rows = within(emails, "date", start, end)
    lost = float(rows["unsubscribes"].sum() + rows["bounces"].sum())
    created = None if leads is None else float(leads(start, end))
    change = None if before is None or after is None else after - before
    unexplained = None if change is None else change - ((created or 0.0) - lost)
    return {"database_change_4w": change, "contacts_lost_4w": lost,
            "leads_created_4w": created,
            "unexplained_change_4w": unexplained if created is not None else None}, before


def mean_figures(windows: list[dict[str, Number]]) -> dict[str, Number]:
    """Each figure's mean over the baseline's windows that have it (n/a with none)."""
    out: dict[str, Number] = {}
    for key in windows[0] if windows else ():
        known = [w[key] for w in windows if w[key] is not None]
        out[key] = sum(known) / len(known) if known else None  # type: ignore[arg-type]
    return out


def size_on(database: pd.DataFrame, day: date) -> float | None:
    """The latest `contacts` on or before `day`, or None when there is none."""
    known = database[(database["date"] < pd.Timestamp(day + timedelta(days=1)))
                     & database["contacts"].notna()]
    if not len(known):
        return None
    return float(known.sort_values("date", kind="stable")["contacts"].iloc[-1])


def growth_check(figures: dict[str, Number], before: float | None, end: date,
                 tolerance: float = TOLERANCE) -> Finding | None:
    """A finding when the database's change is not what the losses and new leads explain."""
    change, lost = figures["database_change_4w"], figures["contacts_lost_4w"]
    created = figures["leads_created_4w"]
    if change is None or lost is None or not before:
        return None
    unexplained = change - ((created or 0.0) - lost)
    limit = tolerance * before
    if abs(unexplained) <= limit or (created is None and unexplained >= 0):
        return None
    came = (f" and {num(created)} leads were created (leads source)" if created is not None
            else " (no leads source: nothing known to have come in)")
    grew = f"grew by {num(change)}" if change >= 0 else f"shrank by {num(-change)}"
    why = ("the database may still count contacts who left, or takes contacts from elsewhere"
           if unexplained > 0 else "contacts left that the email tool does not report")
    return finding(
        NAME, "database_growth_unexplained", "high" if abs(unexplained) > 2 * limit else "medium",
        f"The database (database source) {grew} contacts in the 4 weeks to {end.isoformat()}"
        f" while the email tool (emails source) reports {num(lost)} unsubscribes and bounces"
        f"{came}: {num(abs(unexplained))} contacts {'more' if unexplained > 0 else 'fewer'} "
        f"than those explain; {why}",
        database_change_4w=change, contacts_lost_4w=lost, leads_created_4w=created,
        unexplained_change_4w=unexplained, database_size_before_4w=before)

