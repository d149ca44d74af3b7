"""The status of a scorecard row: on track, at risk or off track by the figure's better
direction, with a margin of 10% of the target (docs/scorecard.md)."""

from __future__ import annotations

import pytest

from tuneup_tui.metrics.scorecard_status import judge, status_verdict


@pytest.mark.parametrize(("better", "answer", "target", "status"), [
    # better up, target 200: margin 20
    ("up", 200, 200, "on track"),       # meets it
    ("up", 250, 200, "on track"),       # beats it
    ("up", 180, 200, "at risk"),        # 20 short: within the margin
    ("up", 179, 200, "off track"),      # 21 short
    # better down (cost per lead), target $50: margin $5
    ("down", 40, 50, "on track"),
    ("down", 55, 50, "at risk"),        # $5 over
    ("down", 55.5, 50, "off track"),
    # better neither way (spend), target 14,000: on track within 1,400, at risk within 2,800
    ("neither", 15_400, 14_000, "on track"),
    ("neither", 12_000, 14_000, "at risk"),   # 2,000 under
    ("neither", 17_000, 14_000, "off track"),  # 3,000 over
    # a target of zero leaves no margin
    ("down", 0, 0, "on track"),
    ("down", 1, 0, "off track"),
    ("up", 0, 0, "on track"),
    # a rate: 2.4% against 2.8% is 0.4 pts short, over 0.28 pts: off track
    ("up", 0.024, 0.028, "off track"),
    ("up", 0.026, 0.028, "at risk"),     # 0.2 pts short
])
def test_status_by_better_direction(better: str, answer: float, target: float,
                                    status: str) -> None:
    assert judge(better, answer, target) == status  # type: ignore[arg-type]


def test_no_status_without_both_numbers() -> None:
    assert judge("up", None, 10) is None
    assert judge("up", 10, None) is None


def test_statuses_are_coloured_as_news() -> None:
    assert [status_verdict(s) for s in ("on track", "at risk", "off track", None)] == [
        "better", "same", "worse", None]
