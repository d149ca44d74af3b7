"""The Wilson score interval for a conversion, and ranking reps by it.

A rep with 4 leads and 2 opportunities converts 50%, one with 80 leads and 24 opportunities
30%; the first figure says far less. The Wilson interval says how much: with x successes of n,
p = x / n and z the normal quantile of the confidence (1.6449 for 90%, two-sided),

    centre = (p + z^2 / 2n) / (1 + z^2 / n)
    half   = z / (1 + z^2 / n) * sqrt(p (1 - p) / n + z^2 / 4n^2)
    interval = [centre - half, centre + half]

It never leaves 0..1 and stays sensible at 0 or n successes, unlike p +- z sqrt(p(1-p)/n).
Reps are ranked by the lower end (the conversion we can be 95% sure they reach: the lower end
of a two-sided 90% interval), so a small sample ranks low until it shows more. Nothing here
imports pandas.
"""

from __future__ import annotations

import math

Z_90 = 1.6448536269514722
"""The normal quantile for a two-sided 90% interval (the 95th percentile)."""


def wilson(successes: int, trials: int, z: float = Z_90) -> tuple[float, float] | None:
    """The Wilson score interval (low, high) of successes / trials; None for no trials."""
    if trials <= 0:
        return None
    p = successes / trials
    z2 = z * z
    scale = 1 + z2 / trials
    centre = (p + z2 / (2 * trials)) / scale
    half = z / scale * math.sqrt(p * (1 - p) / trials + z2 / (4 * trials * trials))
    # at 0 or n successes one end is exactly 0 or 1 (the sum leaves a rounding crumb)
    low = 0.0 if successes <= 0 else max(0.0, centre - half)
    high = 1.0 if successes >= trials else min(1.0, centre + half)
    return low, high


def ranked_by_lower_bound(rows: list[dict], group: str) -> list[dict]:
    """`rows` (each with `leads`, `with_opportunity`) given `low`, `high` and `rank` within
    their `group` (1 = the highest lower bound; ties by more leads, then as given), and
    `clearly_behind`: the rep's upper bound is below the group leader's lower bound, so the
    gap is not a matter of a small sample."""
    out = []
    for row in rows:
        bounds = wilson(int(row["with_opportunity"]), int(row["leads"]))
        out.append({**row, "low": None if bounds is None else bounds[0],
                    "high": None if bounds is None else bounds[1]})
    groups: dict[object, list[dict]] = {}
    for row in out:
        groups.setdefault(row[group], []).append(row)
    for members in groups.values():
        order = sorted(members, key=lambda r: (-(r["low"] or 0.0), -r["leads"]))
        best = order[0]["low"] if order else None
        for rank, row in enumerate(order, start=1):
            row["rank"] = rank
            row["clearly_behind"] = (best is not None and row["high"] is not None
                                     and row["high"] < best)
    return out
