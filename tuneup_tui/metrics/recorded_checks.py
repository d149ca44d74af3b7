"""The room's recorded figures checked against the data: expected leads against leads delivered.

In the Traffic Study the room records the leads it expects to reach sales; the Leads to Sales
panel counts the leads actually delivered. Recorded figures live in the run store, which the
metrics layer does not read: the console, the summary and `tuneup metrics --recorded` hand them
in as plain data (`Recorded`), and `with_recorded` returns the panels with the check added:

- `expected_leads_recorded` on the `handoff` panel: the last value recorded under the name
  `expected_leads_to_sales` (any session; the Traffic Study is where the agenda asks for it);
- the finding `recorded_expectation_missed` when the leads delivered differ from it by more
  than `TOLERANCE` (25%) of it, and only when the Poisson test against the recorded figure
  taken as the expected count finds the gap unlikely by chance:
  z = (delivered - expected) / sqrt(expected), |z| >= 2.58 high, >= 1.96 medium.

A recorded figure of 0 or less has no test (n/a): no finding. Nothing here imports pandas: the
console and the summary call it without loading it.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, replace

from tuneup_tui.metrics.result import Finding, PanelResult, clean_number
from tuneup_tui.metrics.significance import severity_of

PANEL = "handoff"
RECORDED_NAME = "expected_leads_to_sales"
FIGURE = "expected_leads_recorded"
TOLERANCE = 0.25

SHOWN_AS: dict[str, str] = {RECORDED_NAME: FIGURE}
"""A recorded figure's name -> the panel figure that shows it, so it is not shown twice."""


@dataclass(frozen=True)
class Recorded:
    """A figure the room recorded: its value and the session it was recorded in."""

    value: float
    session: str | None = None


def with_recorded(results: Mapping[str, PanelResult], recorded: Mapping[str, Recorded]
                  ) -> dict[str, PanelResult]:
    """`results` with the recorded expected leads set beside the leads delivered."""
    out = dict(results)
    handoff = results.get(PANEL)
    expected = recorded.get(RECORDED_NAME)
    if handoff is None or handoff.error or expected is None:
        return out
    figures = dict(handoff.figures)
    delivered = figures.get("leads_delivered")
    shown: dict = {}
    for key, value in figures.items():
        shown[key] = value
        if key == "leads_delivered":
            shown[FIGURE] = expected.value
    phrase = "last week" if handoff.period.kind == "week" else "last month"
    check = expectation_check(delivered, expected, phrase)
    out[PANEL] = replace(handoff, figures=shown,
                         findings=(*handoff.findings, *((check,) if check else ())))
    return out


def expectation_check(delivered: object, expected: Recorded, phrase: str,
                      tolerance: float = TOLERANCE) -> Finding | None:
    """A finding when the leads delivered miss the recorded expectation."""
    if not isinstance(delivered, int | float) or expected.value <= 0:
        return None
    gap = delivered - expected.value
    if abs(gap) <= tolerance * expected.value:
        return None
    z = gap / math.sqrt(expected.value)
    severity = severity_of(z)
    if severity is None:
        return None
    where = f" in the {expected.session}" if expected.session else ""
    return Finding(
        PANEL, "recorded_expectation_missed", severity,
        f"{delivered:,.0f} leads were delivered to sales {phrase} (leads source) against "
        f"{expected.value:,.0f} expected as recorded{where} (recorded figure): "
        f"{abs(gap):,.0f} {'more' if gap > 0 else 'fewer'} ({gap / expected.value:+.0%})",
        figures={"leads_delivered": clean_number(delivered),
                 "expected_leads_recorded": clean_number(expected.value)},
        evidence={"count": delivered, "of": 1, "baseline_count": expected.value,
                  "baseline_of": 1, "test": "poisson-expected", "z": z})
