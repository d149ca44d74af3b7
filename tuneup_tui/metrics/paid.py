"""Paid Programs panel: spend, clicks, names, leads and opportunities per program and site.

Definitions (DESIGN.md), per program and in total: CPC = spend / clicks; CTR = clicks /
impressions; cost per name = spend / names; leads = leads whose program is the paid program,
created in the period; cost per lead = spend / leads; opportunities = opportunities created in
the period from the program's leads; opportunity conversion = the program's leads created in the
period that have an opportunity by the as-of date / those leads (one cohort, so never past 100%;
the design's opportunities over leads mixed two cohorts and could pass it). The
baseline is the same, counts and money as means per period, rates pooled. Programs are matched
to leads by name, ignoring case and surrounding spaces. Leads and opportunities are optional:
without them their figures are n/a with a note.
"""

from __future__ import annotations

import pandas as pd

from tuneup_tui.data.currency import in_one_currency
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.breakdown import by_key, records
from tuneup_tui.metrics.common import folded, mean_per_period, optional_frame, trend
from tuneup_tui.metrics.coverage import shared_baseline, source_baseline
from tuneup_tui.metrics.money import without_money
from tuneup_tui.metrics.paid_findings import program_findings
from tuneup_tui.metrics.paid_leads import ProgramLeads, program_leads
from tuneup_tui.metrics.paid_mix import MIX_COLUMNS, mix_line, paid_mixes, with_mix
from tuneup_tui.metrics.paid_sites import site_findings, site_rows
from tuneup_tui.metrics.result import PanelResult, PanelSettings, Series, Table, ratio
from tuneup_tui.metrics.shared import lead_column, lead_rows, leads_once, opportunities_once

NAME = "paid"
TITLE = "Paid programs"
NO_PROGRAM = "(none)"

MONEY_COUNTS = ("spend", "impressions", "clicks", "names")
PROGRAM_COLUMNS = ("program", "spend", "avg_spend", "impressions", "clicks", "names", "cpc",
                   "avg_cpc", "ctr", "avg_ctr", "cost_per_name", "avg_cost_per_name", "leads",
                   "avg_leads", "cost_per_lead", "avg_cost_per_lead", "opportunities",
                   "opportunity_conversion", "avg_opportunity_conversion")
SITE_COLUMNS = ("program", "channel", "site", "spend", "impressions", "clicks", "names", "cpc",
                "ctr", "program_median_ctr", "cost_per_name", "suspect")


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Paid programs in total, per program and per site, against the baseline."""
    full = period.baseline(settings.baseline_periods)
    money = in_one_currency(pack.frame("paid"), ("spend",), "paid", pack.currencies())
    paid = money.frame.copy()
    # a paid row without a program is still paid spend: it counts in the totals as "(none)"
    paid["program"] = paid["program"].fillna(NO_PROGRAM)
    paid["program_key"] = folded(paid["program"])
    notes: list[str] = [money.note] if money.note else []
    leads = optional_frame(pack, "leads", notes)
    opps = optional_frame(pack, "opportunities", notes) if leads is not None else None
    if leads is not None and opps is None:
        notes.append("opportunity figures need the opportunities source")
    # spend, leads and cost per lead set against each other: the panel's baseline is the
    # periods both the paid export and the leads have data for
    coverage: dict[str, tuple[int, int]] = {}
    baseline = source_baseline(pack, "paid", full, coverage)
    leads_baseline = Baseline(())
    if leads is not None:
        leads_baseline = source_baseline(pack, "leads", full, coverage)
        baseline = shared_baseline(baseline, leads_baseline)

    names = {str(k): str(v) for k, v in paid.groupby("program_key")["program"].first().items()}
    # each lead and opportunity once (their first row), as every panel counts them
    every_opp = None if opps is None else opportunities_once(pack)

    def outcome_over(over: Baseline) -> ProgramLeads:
        return program_leads(
            None if leads is None else leads_once(pack)["created_at"],
            None if leads is None else lead_column(pack, "program"),
            every_opp,
            None if every_opp is None else lead_rows(pack, "opportunities_once", every_opp),
            set(names), period, over, settings.as_of)

    outcome = outcome_over(baseline)
    # leads that produced no opportunity need no spend beside them: that suspect is judged
    # over the periods the leads have data for
    leads_outcome = outcome if leads_baseline == baseline else outcome_over(leads_baseline)
    sums = by_key(paid, "program_key", "date", MONEY_COUNTS, period, baseline)
    sum_rows = records(sums)
    programs = [_program_row(r, names[r["program_key"]], outcome, baseline) for r in sum_rows]
    programs.sort(key=lambda r: (-r["spend"], r["program"]))
    totals = _total_row(sums, outcome, baseline)
    sites = site_rows(paid, period, baseline, settings)

    name_mix, lead_mix = paid_mixes(sum_rows, names, *((outcome.leads_now, outcome.leads_base)
                                                       if outcome.known else (None, None)))
    figures, baseline_figures = with_mix({k: totals[k] for k in _FIGURES},
                                         {k: totals[f"avg_{k}"] for k in _FIGURES},
                                         name_mix, lead_mix)
    mixes = {} if lead_mix is None else {
        "lead_mix": Table("Cost per lead by programme mix", MIX_COLUMNS, lead_mix.by_effect())}
    mixes["name_mix"] = Table("Cost per name by programme mix", MIX_COLUMNS, name_mix.by_effect())
    for line in (mix_line("Cost per lead", "lead", lead_mix, totals["avg_cost_per_lead"],
                          money.currency) if lead_mix is not None else None,
                 mix_line("Cost per name", "name", name_mix, totals["avg_cost_per_name"],
                          money.currency)):
        if line is not None:
            notes.append(line)
    findings = (*site_findings(sites, period, settings, money.currency),
                *program_findings(programs, outcome, period, baseline, settings,
                                  money.currency, (leads_outcome, leads_baseline)))
    result = PanelResult(
        name=NAME, title=TITLE, period=period, baseline=full, baseline_coverage=coverage,
        figures=figures, baseline_figures=baseline_figures,
        tables={"programs": Table("Paid programs", PROGRAM_COLUMNS, tuple(programs)),
                "sites": Table("Paid sites", SITE_COLUMNS, tuple(sites)), **mixes},
        series=_series(paid, programs, period, full),
        findings=tuple(findings), notes=tuple(notes), currency=money.currency,
    )
    return without_money(result, money.error) if money.error else result


_FIGURES = ("spend", "impressions", "clicks", "names", "cpc", "ctr", "cost_per_name", "leads",
            "cost_per_lead", "opportunities", "opportunity_conversion")


def _program_row(sums: dict, name: str, outcome: ProgramLeads, baseline: Baseline) -> dict:
    key = sums["program_key"]
    leads = outcome.leads_now.get(key, 0.0) if outcome.known else None
    leads_base = outcome.leads_base.get(key, 0.0) if outcome.known else None
    opps = outcome.opps_now.get(key, 0.0) if outcome.with_opportunities else None
    opps_base = outcome.opps_base.get(key, 0.0) if outcome.with_opportunities else None
    row = _money_row(sums, leads, leads_base, opps, opps_base, baseline)
    if outcome.with_opportunities:
        _conversion(row, outcome.converted_now.get(key, 0.0),
                    outcome.converted_base.get(key, 0.0), leads, leads_base)
    row["program"] = name
    row["program_key"] = key
    return row


def _total_row(sums: pd.DataFrame, outcome: ProgramLeads, baseline: Baseline) -> dict:
    totals = {c: float(sums[c].sum()) for c in sums.columns if c != "program_key"}

    def total_of(counts: dict[str, float], known: bool) -> float | None:
        return float(sum(counts.values())) if known else None

    leads, leads_base = (total_of(outcome.leads_now, outcome.known),
                         total_of(outcome.leads_base, outcome.known))
    row = _money_row(totals, leads, leads_base,
                     total_of(outcome.opps_now, outcome.with_opportunities),
                     total_of(outcome.opps_base, outcome.with_opportunities), baseline)
    if outcome.with_opportunities:
        _conversion(row, sum(outcome.converted_now.values()),
                    sum(outcome.converted_base.values()), leads, leads_base)
    return row


def _conversion(row: dict, converted: float, converted_base: float, leads: float | None,
                leads_base: float | None) -> None:
    """The opportunity conversion of one cohort: the window's leads with an opportunity by the
    as-of date over the window's leads (pooled over the baseline's windows)."""
    row["opportunity_conversion"] = ratio(converted, leads)
    row["avg_opportunity_conversion"] = ratio(converted_base, leads_base)


def _money_row(s: dict, leads: float | None, leads_base: float | None, opps: float | None,
               opps_base: float | None, baseline: Baseline) -> dict:
    """Figures of one program (or the total) from period sums `x` and baseline sums `x_base`."""
    row: dict = {}
    for c in MONEY_COUNTS:
        row[c] = s[c]
        row[f"avg_{c}"] = mean_per_period(s[f"{c}_base"], baseline)
    for suffix, get in (("", lambda c: s[c]), ("avg_", lambda c: s[f"{c}_base"])):
        row[f"{suffix}cpc"] = ratio(get("spend"), get("clicks"))
        row[f"{suffix}ctr"] = ratio(get("clicks"), get("impressions"))
        row[f"{suffix}cost_per_name"] = ratio(get("spend"), get("names"))
    row["leads"] = leads
    row["avg_leads"] = None if leads_base is None else mean_per_period(leads_base, baseline)
    row["cost_per_lead"] = None if leads is None else ratio(s["spend"], leads)
    row["avg_cost_per_lead"] = None if leads_base is None else ratio(s["spend_base"], leads_base)
    row["opportunities"] = opps
    row["avg_opportunities"] = None if opps_base is None else mean_per_period(opps_base,
                                                                              baseline)
    row["opportunity_conversion"] = row["avg_opportunity_conversion"] = None
    return row


def _series(paid: pd.DataFrame, programs: list[dict], period: Period, baseline: Baseline
            ) -> dict[str, Series]:
    spend = sum(r["spend"] for r in programs)
    shares = tuple(ratio(r["spend"], spend) for r in programs)
    return {
        "spend": trend("Paid spend per period", paid, "date", "spend", period, baseline),
        "spend_share": Series("Share of spend by program",
                              tuple(r["program"] for r in programs), shares, "share"),
    }
