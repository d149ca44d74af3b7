"""Program findings of the Paid Programs panel: leads that don't convert, poor spending, and
programs whose leads produced no opportunity over the whole baseline (click-farm suspects)."""

from __future__ import annotations

from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.common import (
    baseline_phrase,
    finding,
    is_below,
    money,
    num,
    pct,
    period_phrase,
)
from tuneup_tui.metrics.paid_leads import ProgramLeads
from tuneup_tui.metrics.result import Finding, PanelSettings
from tuneup_tui.metrics.significance import count_evidence, rate_evidence, tested_finding

NAME = "paid"


def program_findings(rows: list[dict], outcome: ProgramLeads, period: Period,
                     baseline: Baseline, settings: PanelSettings,
                     currency: str | None = None,
                     lead_side: tuple[ProgramLeads, Baseline] | None = None) -> list[Finding]:
    """Findings per program, in the order of `rows` (money written in `currency`). The
    no-opportunity suspect is judged on `lead_side` (the leads over the periods they have data
    for) when given, else on `outcome` over `baseline`."""
    lead_outcome, lead_baseline = lead_side or (outcome, baseline)
    min_leads = float(settings.option("min_leads", 10))
    min_base_leads = float(settings.option("min_baseline_leads", 1))
    min_spend = float(settings.option("min_spend", 100))
    below_share = float(settings.option("conversion_below_share", 0.5))
    min_opps = float(settings.option("min_expected_opportunities", 3))
    above_share = float(settings.option("cost_above_share", 0.5))
    when, over = period_phrase(period), baseline_phrase(baseline)
    periods = len(baseline)
    found: list[Finding] = []
    for r in rows:
        program, key = r["program"], r["program_key"]
        # DESIGN: "a program whose leads produced no opportunity over the whole baseline":
        # it brought leads in the baseline and no opportunity was created from its leads then
        base_leads = lead_outcome.leads_base.get(key, 0.0)
        base_opps = lead_outcome.opps_base.get(key, 0.0)
        if lead_outcome.with_opportunities and len(lead_baseline) \
                and base_leads >= max(min_base_leads, 1) and base_opps == 0:
            found.append(finding(
                NAME, f"click_farm_no_opportunities:{program}", "medium",
                f"Suspected click farm: {program} brought {num(base_leads)} "
                f"lead{'' if base_leads == 1 else 's'} {baseline_phrase(lead_baseline)} and "
                "its leads produced no "
                f"opportunity in that time.",
                baseline_leads=base_leads, baseline_opportunities=base_opps))
        conv, avg_conv = r["opportunity_conversion"], r["avg_opportunity_conversion"]
        # opportunities the leads would have made at the average rate: under a few is noise
        expected = (r["leads"] or 0.0) * (avg_conv or 0.0)
        if (r["leads"] or 0) >= min_leads and expected >= min_opps and \
                is_below(conv, avg_conv, below_share):
            base_leads = (r["avg_leads"] or 0.0) * periods
            evidence = rate_evidence(round((conv or 0.0) * r["leads"]), r["leads"],
                                     round((avg_conv or 0.0) * base_leads), base_leads)
            low = tested_finding(
                NAME, f"low_opportunity_conversion:{program}",
                f"{program} turned {pct(conv)} of its {num(r['leads'])} leads into "
                f"opportunities {when} against {pct(avg_conv)} on average {over}.",
                evidence, opportunity_conversion=conv,
                avg_opportunity_conversion=avg_conv, leads=r["leads"])
            if low is not None:
                found.append(low)
        found.extend(_spending(r, min_spend, above_share, when, over, periods, currency))
    return found


def _spending(r: dict, min_spend: float, above_share: float, when: str, over: str,
              periods: int, currency: str | None = None) -> list[Finding]:
    program = r["program"]
    cpl, avg_cpl = r["cost_per_lead"], r["avg_cost_per_lead"]
    # an average of $0 per lead (leads but no spend in the baseline) is no yardstick
    if r["spend"] < min_spend or r["leads"] is None or avg_cpl is None or avg_cpl <= 0:
        return []
    # a cost per lead is spend over leads: the test is on the leads the spend brought, against
    # the leads the baseline's spend brought (a Poisson count per dollar)
    evidence = count_evidence(r["leads"], (r["avg_leads"] or 0.0) * periods,
                              (r["avg_spend"] or 0.0) * periods, of=r["spend"])
    high: Finding | None = None
    if r["leads"] == 0:
        high = tested_finding(
            NAME, f"high_cost_per_lead:{program}",
            f"{program} spent {money(r['spend'], currency)} {when} and brought no leads, "
            f"against {money(avg_cpl, currency)} per lead on average {over}.", evidence,
            spend=r["spend"], leads=0, avg_cost_per_lead=avg_cpl)
    elif cpl is not None and cpl > avg_cpl * (1 + above_share):
        high = tested_finding(
            NAME, f"high_cost_per_lead:{program}",
            f"{program} cost {money(cpl, currency)} per lead {when} against "
            f"{money(avg_cpl, currency)} on average {over}.", evidence,
            cost_per_lead=cpl, avg_cost_per_lead=avg_cpl, spend=r["spend"])
    return [] if high is None else [high]
