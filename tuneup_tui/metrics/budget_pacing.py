"""Campaign management and budget pacing: per programme and tactic, the budget for the month and
the quarter against the spend to date, the share spent against the share of the flight gone,
the projected spend at the flight's end and the day the budget runs out (`_pacing_flights`);
the coming weeks' launches and closes from the calendar, priced at each tactic's own history
(`_calendar_pricing`), with the weeks that hold a public holiday flagged (`holidays`).

Where a budget comes from: a tactic's `budget` in tactics (its whole flight's, start to end);
a tactic without one takes the budgets of the calendar entries named like it, and its flight
their dates when tactics gives none. A calendar entry with a budget that is no tactic is a
flight of its own with no spend recorded. A tactic's spend to date is its total cost in
tactics (cost + internal hours x rate), the one cost the ROMI panels read. Its programme is the
`kind` of its calendar entry. The month and the quarter are those holding the as-of date.

Options (`[panels.budget_pacing]`): `weeks` (4), `pace_band` (0.1), `holiday_country` ("US";
"GB"; anything else: none built in), `holidays` (extra days, "YYYY-MM-DD name").
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Period
from tuneup_tui.metrics._calendar_pricing import OWN, priced_rows, tactic_sums
from tuneup_tui.metrics._pacing_findings import pacing_findings
from tuneup_tui.metrics._pacing_flights import pacing_row, totals_row
from tuneup_tui.metrics._pacing_weeks import coming_holidays, known_sum, week_row
from tuneup_tui.metrics._sales import fold, plural
from tuneup_tui.metrics._tactic_leads import tactic_data, tactic_flights
from tuneup_tui.metrics.common import optional_frame
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import Number, PanelResult, PanelSettings, Table

NAME = "budget_pacing"
NO_PROGRAMME = "(not in the calendar)"
PACING_COLUMNS = ("programme", "tactic", "flight_start", "flight_end", "budget", "spent",
                  "share_spent", "share_elapsed", "projected_spend", "runs_out", "status",
                  "budget_month", "spent_month", "budget_quarter", "spent_quarter")


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Pacing per flight and programme, the coming weeks' launches and closes, priced."""
    baseline = period.baseline(settings.baseline_periods)
    as_of = settings.as_of
    notes: list[str] = []
    flights = tactic_flights(pack.frame("tactics"))
    calendar = _calendar(pack, notes)
    kinds = _kinds(calendar)
    month = (as_of.replace(day=1), _month_end(as_of))
    q_first = date(as_of.year, 3 * ((as_of.month - 1) // 3) + 1, 1)
    quarter = (q_first, _month_end(date(q_first.year, q_first.month + 2, 1)))
    band = float(settings.option("pace_band", 0.1))
    rows = []
    for key, f in flights.items():
        mine = calendar[fold(calendar["name"]) == key] if len(calendar) else calendar
        budget = f["budget"]
        if budget is None and len(mine) and mine["budget"].notna().any():
            budget = float(mine["budget"].sum())
        start = f["start"] or (mine["start"].min().date() if len(mine) else None)
        end = f["end"] or (mine["end"].max().date() if len(mine) else None)
        rows.append(pacing_row(f["name"], kinds.get(key, NO_PROGRAMME), start, end, budget,
                               f["cost"] + f["internal"], as_of, month, quarter, band))
    for entry in _other_budgets(calendar, flights).to_dict("records"):
        begun = entry["start"].date() <= as_of
        rows.append(pacing_row(str(entry["name"]), kinds.get(fold(pd.Series([entry["name"]]))[0],
                                                               NO_PROGRAMME),
                               entry["start"].date(), entry["end"].date(),
                               float(entry["budget"]), None if begun else 0.0, as_of, month,
                               quarter, band))
    rows.sort(key=lambda r: (str(r["programme"]).casefold(), r["tactic"].casefold()))
    total = totals_row(rows)
    weeks = [(period.end + timedelta(days=1 + 7 * i), period.end + timedelta(days=7 + 7 * i))
             for i in range(int(settings.option("weeks", 4)))]
    in_window = calendar[(calendar["start"].dt.date <= weeks[-1][1])
                         & (calendar["end"].dt.date >= weeks[0][0])] if len(calendar) \
        else calendar
    priced = _priced(pack, flights, kinds, in_window, weeks, as_of, notes)
    days_off = coming_holidays(settings, weeks)
    week_rows = [week_row(lo, hi, in_window, priced, days_off) for lo, hi in weeks]
    figures: dict[str, Number] = {
        **{f"{k}": total[k] for k in ("budget", "spent", "share_spent", "budget_month",
                                      "spent_month", "budget_quarter", "spent_quarter",
                                      "projected_spend")},
        "flights_running_out": sum(1 for r in rows if r["status"] == "runs out early"),
        "flights_over_budget": sum(1 for r in rows if r["status"] == "over budget"),
        "coming_launches": sum(w["launches"] for w in week_rows),
        "coming_closes": sum(w["closes"] for w in week_rows),
        "holiday_weeks": sum(1 for w in week_rows if w["holidays"]),
        "priced_opportunities": known_sum(r["opportunities"] for r in priced),
        "priced_pipeline": known_sum(r["pipeline"] for r in priced),
        "entries_priced_on_other_rates": sum(1 for r in priced if r["rate_from"] != OWN),
    }
    tables = {
        "flights": Table("Budget pacing per programme and tactic", PACING_COLUMNS,
                         (*rows, total)),
        "programmes": Table("Budget per programme", (
            "programme", "budget", "spent", "share_spent", "budget_month", "spent_month",
            "budget_quarter", "spent_quarter", "projected_spend"), tuple(_programmes(rows))),
        "weeks": Table("The coming weeks: launches, closes, holidays", (
            "week", "start", "end", "holidays", "launches", "closes", "expected_leads",
            "opportunities", "pipeline"), tuple(week_rows)),
        "priced": Table("The calendar priced at each tactic's own rates", (
            "name", "programme", "start", "end", "expected_sessions", "leads_from_sessions",
            "expected_leads", "opportunities", "pipeline", "cost_at_cost_per_lead",
            "rate_from"), tuple(priced)),
    }
    return PanelResult(
        name=NAME, title=PANEL_TITLES[NAME], period=period, baseline=baseline,
        figures=figures, tables=tables,
        findings=tuple(pacing_findings(NAME, rows, week_rows)),
        notes=(*notes, f"the month is {month[0].isoformat()} to {month[1].isoformat()}, the "
                       f"quarter {quarter[0].isoformat()} to {quarter[1].isoformat()}"),
    )


def _calendar(pack: DataPack, notes: list[str]) -> pd.DataFrame:
    calendar = optional_frame(pack, "calendar", notes)
    if calendar is None:
        return pd.DataFrame(columns=["start", "end", "name", "kind", "budget",
                                     "expected_sessions", "expected_leads"])
    calendar = calendar[calendar["start"].notna() & calendar["name"].notna()]
    end = calendar["end"].fillna(calendar["start"])
    # as the calendar panel: whole days, an end before the start a one-day entry
    return calendar.assign(start=calendar["start"].dt.normalize(),
                           end=end.where(end >= calendar["start"],
                                         calendar["start"]).dt.normalize())


def _kinds(calendar: pd.DataFrame) -> dict[str, str]:
    """Folded entry name -> its kind (folded; the first entry's)."""
    out: dict[str, str] = {}
    for name, kind in zip(fold(calendar["name"].astype("str")), calendar["kind"], strict=True):
        if isinstance(kind, str) and kind.strip():
            out.setdefault(str(name), kind.strip().casefold())
    return out


def _other_budgets(calendar: pd.DataFrame, flights: dict[str, dict]) -> pd.DataFrame:
    if not len(calendar):
        return calendar
    named = fold(calendar["name"].astype("str")).isin(list(flights)).fillna(False)
    return calendar[~named.to_numpy(bool) & calendar["budget"].notna().to_numpy(bool)]


def _priced(pack: DataPack, flights: dict[str, dict], kinds: dict[str, str],
            entries: pd.DataFrame, weeks: list[tuple[date, date]], as_of: date,
            notes: list[str]) -> list[dict]:
    if not len(entries):
        return []
    try:
        # with the crm when there is one: the very data the tactic economics panel built
        data = tactic_data(pack, set(flights), as_of, optional_frame(pack, "crm", []))
    except DataError as err:
        notes.append(f"the calendar is not priced: {err}")
        return []
    paid = optional_frame(pack, "paid", notes)
    rows = priced_rows(entries.sort_values(["start", "name"], kind="stable"),
                       tactic_sums(flights, data, paid, as_of), kinds, weeks)
    others = sum(1 for r in rows if r["rate_from"] != OWN)
    if others:
        notes.append(f"{plural(others, 'calendar entry', 'calendar entries')} priced on its "
                     "programme's or all tactics' rates: no history of its own")
    return rows


def _programmes(rows: list[dict]) -> list[dict]:
    out: dict[str, list[dict]] = {}
    for r in rows:
        out.setdefault(str(r["programme"]), []).append(r)
    return [{**totals_row(members), "programme": name} for name, members in out.items()]


def _month_end(day: date) -> date:
    first_next = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return first_next - timedelta(days=1)
