"""A panel whose money is in several currencies with no rate: its money figures withheld.

The counts (impressions, clicks, names) still stand; every figure, table cell and finding made of
money is left out, and the one line saying which currencies met is the first note.
"""

from __future__ import annotations

from dataclasses import replace

from tuneup_tui.metrics.display import kind_of
from tuneup_tui.metrics.result import PanelResult, Table


def without_money(result: PanelResult, error: str) -> PanelResult:
    """`result` with its money figures, cells and findings withheld, and `error` noted."""
    def is_money(key: str) -> bool:
        return kind_of(key, result.name) == "money"

    tables = {name: Table(t.title, t.columns, tuple(
        {k: (None if is_money(k) else v) for k, v in row.items()} for row in t.rows))
        for name, t in result.tables.items()}
    return replace(
        result,
        figures={k: (None if is_money(k) else v) for k, v in result.figures.items()},
        baseline_figures={k: (None if is_money(k) else v)
                          for k, v in result.baseline_figures.items()},
        tables=tables,
        series={k: s for k, s in result.series.items() if not is_money(k)},
        findings=tuple(f for f in result.findings if not any(map(is_money, f.figures))),
        notes=(error, *result.notes),
        currency=None,
    )
