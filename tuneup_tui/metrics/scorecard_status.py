"""A scorecard row's status: on track, at risk or off track, by the figure's better direction.

A row is judged against its target (the plan, or the figure that stands for one: the leads
the Traffic Study expects, the calls the week needs); without one, against its baseline. With
`T` the figure it is held against and `M = 10%` of |T| (the margin):

- better up (leads, conversion): on track at T or above; at risk below T by at most M;
  off track further below;
- better down (cost per lead, 404 hits): on track at T or below; at risk above T by at most M;
  off track further above;
- better neither way (spend, sends per contact): on track within M of T either way; at risk
  within 2 x M; off track further.

A target of zero leaves no margin: wasted spend against a target of 0 is on track at 0 and
off track at any amount. No status when the answer, or what it is held against, is unknown.
"""

from __future__ import annotations

from typing import Literal

from tuneup_tui.metrics.catalogue import Better

Status = Literal["on track", "at risk", "off track"]
STATUSES: tuple[Status, ...] = ("on track", "at risk", "off track")
MARGIN = 0.10
"""The share of the target a figure may miss it by and be "at risk" rather than off track."""


def judge(better: Better, answer: float | None, against: float | None) -> Status | None:
    """The status of `answer` held against `against` (a target or a baseline)."""
    if answer is None or against is None:
        return None
    margin = MARGIN * abs(against)
    if better == "neither":
        off = abs(answer - against)
        if off <= margin:
            return "on track"
        return "at risk" if off <= 2 * margin else "off track"
    # how far the answer falls short, in the figure's bad direction
    short = against - answer if better == "up" else answer - against
    if short <= 0:
        return "on track"
    return "at risk" if short <= margin else "off track"


def status_verdict(status: str | None) -> Literal["better", "worse", "same"] | None:
    """How a status is coloured: on track as better news, off track as worse, at risk between."""
    if status == "on track":
        return "better"
    if status == "off track":
        return "worse"
    if status == "at risk":
        return "same"
    return None
