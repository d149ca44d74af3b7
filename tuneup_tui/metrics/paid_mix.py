"""The programme mix behind cost per lead and cost per name, for the Paid Programs panel.

A headline cost per lead is each programme's cost per lead weighted by its share of the
period's leads, so it moves when the mix moves even if no programme got dearer: one cheap
webinar with many leads halves it. Beside the raw headline the panel shows it at the
baseline's programme mix:

- a programme's **share** is its leads (or names) over all the paid programmes' leads in the
  period; its **baseline share** the same over the baseline's windows;
- the **mix-adjusted** figure is the sum, over the programmes with leads in the period, of
  each one's period cost per lead times its **weight**: its baseline share, over the baseline
  shares of those programmes (so the weights add up to 1);
- a programme **new** in the period (leads now, none in the baseline) has weight 0: it counts
  in the raw headline only, and the line names it;
- a programme **missing** from the period (leads in the baseline, none now) has no period cost
  per lead to weigh: its baseline share is spread over the others (the division above), and
  the line names it. Spend of a programme without leads counts in the raw headline only;
- a programme's **effect** is (share - weight) x (its cost per lead - the adjusted figure). The
  effects add up to the raw headline minus the adjusted one (less any spend without leads);
  the programme with the largest effect either way is the one that **moved it most**.

With no baseline share among the period's programmes the adjusted figure is n/a.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from tuneup_tui.metrics.common import money, pct
from tuneup_tui.metrics.result import Number, ratio

MIX_COLUMNS = ("program", "share", "baseline_share", "weight", "cost", "effect", "mix")


@dataclass(frozen=True)
class MixInput:
    """One programme's spend and leads (or names) in the period, and its baseline count."""

    program: str
    spend: float
    count: float
    baseline_count: float


@dataclass(frozen=True)
class Mix:
    """A cost per unit at the period's mix and at the baseline's, and what moved it."""

    raw: float | None
    adjusted: float | None
    rows: tuple[dict, ...]
    """Per programme: share, baseline_share, weight, cost (per unit), effect, mix ("new",
    "missing" or "")."""
    mover: str | None
    new: tuple[str, ...]
    missing: tuple[str, ...]

    def row_of(self, program: str) -> dict | None:
        return next((r for r in self.rows if r["program"] == program), None)

    def by_effect(self) -> tuple[dict, ...]:
        """The rows, the programme that moved the figure most first (no effect last)."""
        return tuple(sorted(self.rows, key=lambda r: (r["effect"] is None,
                                                      -abs(r["effect"] or 0.0))))


def programme_mix(programmes: Sequence[MixInput]) -> Mix:
    """The mix of `programmes`: raw and mix-adjusted cost per unit, each one's effect."""
    total = sum(p.count for p in programmes)
    base_total = sum(p.baseline_count for p in programmes)
    raw = ratio(sum(p.spend for p in programmes), total)
    priced = [p for p in programmes if p.count > 0]
    weight_total = sum(p.baseline_count for p in priced)
    adjusted = (sum(p.baseline_count / weight_total * p.spend / p.count for p in priced)
                if weight_total > 0 else None)
    rows: list[dict[str, Any]] = []
    for p in programmes:
        cost = ratio(p.spend, p.count)
        weight = (p.baseline_count / weight_total if p.count > 0 and weight_total > 0
                  else None if p.count > 0 else 0.0)
        share = ratio(p.count, total)
        effect = (None if cost is None or adjusted is None or weight is None or share is None
                  else (share - weight) * (cost - adjusted))
        mix = ("new" if p.count > 0 and p.baseline_count == 0 else
               "missing" if p.count == 0 and p.baseline_count > 0 else "")
        rows.append({"program": p.program, "share": share,
                     "baseline_share": ratio(p.baseline_count, base_total),
                     "weight": weight, "cost": cost, "effect": effect, "mix": mix})
    moving = [r for r in rows if r["effect"]]
    # the largest effect either way; a tie goes to the first name
    mover = min(moving, key=lambda r: (-abs(r["effect"]), r["program"]))["program"] \
        if moving else None
    return Mix(raw, adjusted, tuple(rows), mover,
               tuple(r["program"] for r in rows if r["mix"] == "new"),
               tuple(r["program"] for r in rows if r["mix"] == "missing"))


def mix_line(label: str, unit: str, mix: Mix, baseline: Number, currency: str | None = None
             ) -> str | None:
    """The line beside the headline: "Cost per lead $48.24 (-49% on the baseline's $95.52);
    at the baseline's programme mix $105.57 (+11%). Webinar moved it most: 54% of leads
    against 5% in the baseline, at $3.48 a lead." None without a raw headline."""
    if mix.raw is None:
        return None
    text = f"{label} {money(mix.raw, currency)}{_against(mix.raw, baseline, currency)}"
    if mix.adjusted is None:
        text += "; at the baseline's programme mix n/a (no programme of the period had " \
                f"{unit}s in the baseline)."
    else:
        text += (f"; at the baseline's programme mix {money(mix.adjusted, currency)}"
                 f"{_against(mix.adjusted, baseline, currency, again=False)}.")
    row = mix.row_of(mix.mover) if mix.mover is not None else None
    if row is not None:
        text += (f" {row['program']} moved it most: {pct(row['share'], 0)} of {unit}s against "
                 f"{pct(row['baseline_share'], 0)} in the baseline, at "
                 f"{money(row['cost'], currency)} a {unit}.")
    if mix.new:
        text += f" New this period (left out of the mix-adjusted figure): {', '.join(mix.new)}."
    if mix.missing:
        text += f" No {unit}s this period: {', '.join(mix.missing)}."
    return text


def _against(value: float, baseline: Number, currency: str | None, again: bool = True) -> str:
    if baseline is None or not baseline:
        return ""
    change = f"{(value - baseline) / abs(baseline):+.0%}"
    return f" ({change} on the baseline's {money(baseline, currency)})" if again \
        else f" ({change})"


def paid_mixes(sums: Sequence[dict], names: Mapping[str, str],
               leads_now: Mapping[str, float] | None, leads_base: Mapping[str, float] | None
               ) -> tuple[Mix, Mix | None]:
    """The names mix and (with the leads source) the leads mix of the paid programmes, from
    the panel's sums per program key (`spend`, `names`, `names_base`)."""
    name_mix = programme_mix([MixInput(names[s["program_key"]], s["spend"], s["names"],
                                       s["names_base"]) for s in sums])
    if leads_now is None or leads_base is None:
        return name_mix, None
    lead_mix = programme_mix([MixInput(names[s["program_key"]], s["spend"],
                                       leads_now.get(s["program_key"], 0.0),
                                       leads_base.get(s["program_key"], 0.0)) for s in sums])
    return name_mix, lead_mix


def with_mix(figures: Mapping[str, Number], baseline: Mapping[str, Number], name_mix: Mix,
             lead_mix: Mix | None) -> tuple[dict[str, Number], dict[str, Number]]:
    """The panel's figures with each mix-adjusted cost just after its raw one; its baseline is
    the raw one's, which is at the baseline's mix by definition."""
    adjusted = {"cost_per_name": name_mix.adjusted,
                "cost_per_lead": None if lead_mix is None else lead_mix.adjusted}
    out: dict[str, Number] = {}
    out_base: dict[str, Number] = {}
    for key, value in figures.items():
        out[key], out_base[key] = value, baseline.get(key)
        if key in adjusted:
            out[f"{key}_mix_adjusted"] = adjusted[key]
            out_base[f"{key}_mix_adjusted"] = baseline.get(key)
    return out, out_base
