"""What the catalogue says about one figure (`FigureInfo`): its label, unit and which way is
better. The entries are in `catalogue_entries`; looking them up is `catalogue`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

Unit = Literal["count", "rate", "money", "ratio", "days", "hours", "position", "score"]
Better = Literal["up", "down", "neither"]

UNITS: tuple[str, ...] = ("count", "rate", "money", "ratio", "days", "hours", "position",
                          "score")


@dataclass(frozen=True, slots=True)
class FigureInfo:
    """One figure's entry in the catalogue."""

    label: str
    unit: Unit
    better: Better
    numerator: str | None = None
    """For a rate or ratio: what is counted, in words."""
    denominator: str | None = None
    """For a rate or ratio: what it is counted out of, in words."""
    percent: bool = False
    """A ratio shown as a percentage although it can pass 100% (ROMI, budget to spend)."""
    judged: bool = True
    """Whether a change against the baseline is called better or worse. Not for a figure whose
    period is younger than its baseline by nature (the funnel's proposal and won steps: last
    week's opportunities have had days to reach a proposal, the baseline's weeks): its change
    is shown, never coloured, and raises no finding."""

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "unit": self.unit, "better": self.better,
                "numerator": self.numerator, "denominator": self.denominator}
