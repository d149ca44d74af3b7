"""Sales and Buying Cycle Overview panel: the buying steps of the period against the baseline.

Steps, in order: sessions and goal completions (traffic), leads created and leads sent to sales
(leads), opportunities created, proposals and closed won (opportunities). The step counts are of
the window, each by its own date. The rates from leads on follow one cohort (`funnel_cohort`):
the leads created in the window, through sent, opportunity, proposal and won, so none passes
100%; goal conversion is goal completions over sessions, and leads per goal completion a ratio
(a lead can come without a goal). Every source is optional: a missing one leaves its steps n/a
with a note, so the funnel shows what it can; with none of the three it is an error.

Proposals (our choice, docs/metrics.md): opportunities created in the period that are now at
Proposal, Negotiation or Closed Won, i.e. that reached the proposal step. Closed won:
opportunities at stage Closed Won whose closed_at falls in the period.
"""

from __future__ import annotations

from datetime import date
from itertools import pairwise

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.catalogue import figure_info
from tuneup_tui.metrics.common import (
    baseline_phrase,
    change,
    is_below,
    mean_per_period,
    pct,
    period_phrase,
    window_start,
)
from tuneup_tui.metrics.coverage import shared_baseline, source_baseline
from tuneup_tui.metrics.funnel_cohort import (
    COHORT_STEPS,
    CohortSteps,
    baseline_counts,
    cohort_counts,
    maturity_note,
)
from tuneup_tui.metrics.funnel_counts import Counter, step_counters
from tuneup_tui.metrics.funnel_counts import stage_key as stage_key  # the stages' key, shared
from tuneup_tui.metrics.result import (
    Finding,
    PanelResult,
    PanelSettings,
    Series,
    Table,
    ratio,
)
from tuneup_tui.metrics.significance import rate_evidence, tested_finding

NAME = "funnel"
TITLE = "Buying cycle funnel"

STEPS: tuple[tuple[str, str], ...] = (
    ("sessions", "Sessions"),
    ("goal_completions", "Goal completions"),
    ("leads", "Leads created"),
    ("sent_to_sales", "Sent to sales"),
    ("opportunities", "Opportunities created"),
    ("proposals", "Reached proposal"),
    ("closed_won", "Closed won"),
)
LAGGING_STEPS = tuple(step for step, _ in STEPS
                      if not getattr(figure_info(NAME, f"{step}_rate"), "judged", True))
"""Steps whose rate raises no finding (proposals, closed won): last week's new opportunities
have rarely had time to reach a proposal or close, so against older cohorts their rate would
always look low. The catalogue does not judge those rates (`FigureInfo.judged`): the console
shows their change uncoloured."""
TABLE_COLUMNS = ("step", "label", "count", "avg_count", "count_change", "rate", "avg_rate",
                 "of", "baseline_of")
COHORT_STEP = {"sent_to_sales": "sent", "opportunities": "opportunity", "proposals": "proposal",
               "closed_won": "won"}
"""The cohort step whose rate stands on each funnel step's row."""
STEP_SOURCE = {"sessions": ("traffic", "date"), "goal_completions": ("traffic", "date"),
               "leads": ("leads", "created_at"), "sent_to_sales": ("leads", "sent_to_sales_at"),
               "opportunities": ("opportunities", "created_at"),
               "proposals": ("opportunities", "created_at"),
               "closed_won": ("opportunities", "closed_at")}
"""The source each step counts rows of, and the column that dates them."""


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """The funnel's step counts and step-to-step rates, period against baseline."""
    baseline = period.baseline(settings.baseline_periods)
    notes: list[str] = []
    # every count is of a window inside the baseline and the period
    cohort: dict[str, CohortSteps] = {}
    counters = step_counters(pack, notes, window_start(period, baseline), period.end, cohort,
                             settings)
    if not counters:
        raise DataError("traffic, leads, opportunities", "none could be read; the funnel "
                        "needs at least one of them")

    figures: dict[str, float | None] = {}
    baseline_figures: dict[str, float | None] = {}
    base_totals: dict[str, float | None] = {}
    coverage: dict[str, tuple[int, int]] = {}
    # each step's baseline: the periods its source has data for
    covered = {step: source_baseline(pack, STEP_SOURCE[step][0], baseline, coverage,
                                     STEP_SOURCE[step][1])
               for step in counters} if len(baseline) else {}
    rows = []
    previous: str | None = None
    for step, label in STEPS:
        count_fn = counters.get(step)
        now = None if count_fn is None else count_fn(period)
        own = covered.get(step, Baseline(()))
        base = None if count_fn is None or len(own) == 0 else count_fn(own)
        avg = None if base is None else mean_per_period(base, own)
        figures[step], baseline_figures[step], base_totals[step] = now, avg, base
        rate = avg_rate = None
        of: float | None = None
        avg_of: float | None = None
        if step in COHORT_STEP:
            rate, of, avg_rate, avg_of = _cohort_rate(cohort.get("steps"), COHORT_STEP[step],
                                                      period, baseline, settings.as_of)
        elif previous is not None:
            rate = None if now is None else ratio(now, figures[previous])
            # pooled: the step's baseline total over the previous step's baseline total,
            # over the periods both steps' sources have data for
            avg_rate, avg_of = _pooled(counters, step, previous, covered)
            of = figures[previous]
        if previous is not None:
            figures[f"{step}_rate"], baseline_figures[f"{step}_rate"] = rate, avg_rate
        if step == "leads":
            # leads per goal completion is a ratio (a lead can come without a goal), not a
            # step of one cohort: the table's rate column holds rates only
            rate = avg_rate = of = avg_of = None
        rows.append({"step": step, "label": label, "count": now, "avg_count": avg,
                     "count_change": change(now, avg), "rate": rate, "avg_rate": avg_rate,
                     "of": of, "baseline_of": avg_of})
        previous = step
    if "steps" in cohort:
        notes.append(maturity_note(period, baseline, settings.as_of))

    return PanelResult(
        name=NAME, title=TITLE, period=period, baseline=baseline,
        figures=figures, baseline_figures=baseline_figures,
        tables={"steps": Table("Buying cycle steps", TABLE_COLUMNS, tuple(rows))},
        series=_series(counters, period, baseline),
        findings=tuple(_findings(rows, period, baseline, settings)),
        notes=tuple(notes),
        baseline_coverage=coverage,
    )


def _pooled(counters: dict[str, Counter], step: str, previous: str,
            covered: dict[str, Baseline]) -> tuple[float | None, float | None]:
    """A step's rate over the step before it, pooled over the baseline periods both steps'
    sources have data for: (rate, the previous step's total over those periods)."""
    count_fn, before_fn = counters.get(step), counters.get(previous)
    if count_fn is None or before_fn is None:
        return None, None
    both = shared_baseline(covered[step], covered[previous]) if covered else Baseline(())
    if len(both) == 0:
        return None, None
    of = before_fn(both)
    return ratio(count_fn(both), of), of


def _cohort_rate(steps: CohortSteps | None, step: str, period: Period, baseline: Baseline,
                 as_of: date) -> tuple[float | None, int | None, float | None, int | None]:
    """A cohort step's rate and the count it is out of, in the period and pooled over the
    baseline's cohorts, each followed as long as the period's: (rate, of, baseline rate,
    baseline of)."""
    if steps is None:
        return None, None, None, None
    before = COHORT_STEPS[COHORT_STEPS.index(step) - 1]
    now = cohort_counts(steps, period, as_of)
    base = baseline_counts(steps, period, baseline, as_of) if len(baseline) else None
    return (ratio(now[step], now[before]), now[before],
            None if base is None else ratio(base[step], base[before]),
            None if base is None else base[before])


def _findings(rows: list[dict], period: Period, baseline: Baseline,
              settings: PanelSettings) -> list[Finding]:
    below_share = float(settings.option("below_share", 0.25))
    min_volume = float(settings.option("min_volume", 20))
    when, over = period_phrase(period), baseline_phrase(baseline)
    found: list[Finding] = []
    for before, row in pairwise(rows):
        rate, avg_rate = row["rate"], row["avg_rate"]
        if row["step"] in LAGGING_STEPS:
            continue
        if row["of"] is None or row["of"] < min_volume:
            continue
        if row["step"] == "leads" or row["baseline_of"] is None:
            continue  # leads per goal completion is a ratio, not a rate of one cohort
        if is_below(rate, avg_rate, below_share):
            evidence = rate_evidence(round((rate or 0.0) * row["of"]), row["of"],
                                     round((avg_rate or 0.0) * row["baseline_of"]),
                                     row["baseline_of"])
            low = tested_finding(
                NAME, f"low_step_rate:{row['step']}",
                f"{pct(rate)} of {before['label'].lower()} became "
                f"{row['label'].lower()} {when} against {pct(avg_rate)} on average {over}.",
                evidence, rate=rate, avg_rate=avg_rate, of=row["of"])
            if low is not None:
                found.append(low)
    return found


def _series(counters: dict[str, Counter], period: Period, baseline: Baseline
            ) -> dict[str, Series]:
    periods = [*baseline.periods, period]
    labels = tuple(p.label for p in periods)
    out: dict[str, Series] = {}
    for step in ("sessions", "leads", "opportunities"):
        fn = counters.get(step)
        if fn is not None:
            out[step] = Series(f"{step.replace('_', ' ').capitalize()} per period", labels,
                               tuple(fn(p) for p in periods), "trend")
    return out
