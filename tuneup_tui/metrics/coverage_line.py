"""The line a panel says about its baseline's coverage: "baseline: 2 of 3 months have data".

Kept apart from `tuneup_tui.metrics.coverage` (which reads frames) so the console can draw it
without importing pandas.
"""

from __future__ import annotations

from collections.abc import Mapping

Coverage = Mapping[str, tuple[int, int]]
"""Per source read for a baseline mean: (baseline periods, periods with data)."""


def coverage_line(coverage: Coverage, kind: str) -> str | None:
    """"baseline: 2 of 3 months have data" when a source lacks data for some baseline
    periods (naming the sources when they differ); None when every period has data."""
    short = {s: c for s, c in coverage.items() if c[0] and c[1] < c[0]}
    if not short:
        return None
    groups: dict[tuple[int, int], list[str]] = {}
    for source, counts in coverage.items():
        if counts[0]:
            groups.setdefault(counts, []).append(source)
    if len(groups) == 1:
        (n, k), = groups
        return f"baseline: {_of(k, n, kind)}"
    parts = [f"{_of(k, n, kind)} for {', '.join(sources)}"
             for (n, k), sources in sorted(groups.items(), key=lambda g: g[0][1])]
    return "baseline: " + "; ".join(parts)


def _of(k: int, n: int, kind: str) -> str:
    unit = kind + ("" if n == 1 else "s")
    verb = "has" if k == 1 else "have"
    return f"{k} of {n} {unit} {verb} data" if k else f"none of the {n} {unit} has data"
