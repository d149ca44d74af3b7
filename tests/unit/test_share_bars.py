"""Share bars: percentages for shares of a whole, counts for counts (worked out by hand)."""

from __future__ import annotations

from rich.console import Console

from tuneup_tui.ui.widgets.bars import are_counts, share_bars


def _drawn(labels: list[str], values: list[float | int | None]) -> list[str]:
    console = Console(width=60, color_system=None, record=True)
    console.print(share_bars(labels, values))
    return [line.rstrip() for line in console.export_text().splitlines()]


def test_counts_by_score_band_are_shown_as_counts() -> None:
    # Lead Scoring's "sent to sales by score band": 111 in 60-79, 40 in 80-100, 0 below.
    lines = _drawn(["0-39", "60-79", "80-100"], [0, 111, 40])
    assert lines[0].startswith("60-79") and lines[0].endswith(" 111")
    assert lines[1].startswith("80-100") and lines[1].endswith(" 40")
    assert lines[2].endswith(" 0")
    assert not any("%" in line for line in lines)
    # 111 fills the bar (18 cells); 40/111 of 18 cells = 6.49 cells = 52 eighths: 6 full + ▌.
    assert "█" * 18 in lines[0]
    assert "██████▌ " in lines[1] and "███████" not in lines[1]


def test_shares_of_a_whole_stay_percentages() -> None:
    lines = _drawn(["organic", "paid"], [0.42, 0.58])
    assert lines[0].endswith("58.0%") and lines[1].endswith("42.0%")


def test_what_reads_as_counts() -> None:
    assert are_counts([111, 40, 0])
    assert are_counts([2.0, 3.0])
    assert not are_counts([0.25, 0.75])  # shares
    assert not are_counts([1.0])  # the whole of it: 100%
    assert not are_counts([2.399, 1.396])  # ROMI per tactic
    assert not are_counts([-1.0, 3.0, 2.0])  # ROMI: a tactic that brought nothing back
