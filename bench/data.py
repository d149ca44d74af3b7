"""Data: opening a pack and computing every panel, against a bare `pandas.read_csv` of its files.

The scaled pack (a year of history at scale 85: about 930k leads, 2M activities and a year of
daily traffic; `--quick`: scale 3) is generated once into bench/results/pack-<scale>-y/ and
reused, and so is the pack at three times that scale (scale 255: about 2.8M leads, 6M
activities; `--quick`: scale 9). Every measurement runs in a fresh process (bench/data_child.py),
the kinds alternating, and each figure is the median of its runs against the median of the bare
reads of the same pack in the same run:

- all panels: open the pack and compute every panel, with an empty cache of parsed sources;
- first open: open the pack and read every source into its typed frame, with an empty cache
  (so the time includes filling it);
- reopen: the same with the cache the first open just filled (the pack unchanged);
- peak memory: the largest ru_maxrss of those processes (at three times the scale: of the first
  opens, the reopens and one all-panels run).
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from bench.common import (
    RESULTS,
    Figure,
    Options,
    bench_env,
    median,
    ratio_interval,
    run_child,
    sample_pack,
    temp_home,
)

FULL_SCALE = 85.0
QUICK_SCALE = 3.0
BIG_FACTOR = 3
HISTORY_WEEKS = 52
TARGET_RATIO = 1.5
TARGET_FIRST_OPEN = 1.25
TARGET_REOPEN = 0.3
TARGET_MEMORY_MB = 1536.0
TARGET_BIG_MEMORY_MB = 2048.0
REPEATS = 7
"""Runs of each (alternately): the machine's other work moved single runs by 10% or more, the
panels' (which read with two threads) more than the bare read's (one thread)."""
BIG_REPEATS = 3


def run(options: Options) -> list[Figure]:
    scale = QUICK_SCALE if options.quick else FULL_SCALE
    repeats = 1 if options.quick else REPEATS
    home = temp_home("data")
    try:
        figures = _scale_figures(home, scale, repeats, options)
        big = scale * BIG_FACTOR
        figures += _big_figures(home, big, 1 if options.quick else BIG_REPEATS)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return figures


def _scale_figures(home: Path, scale: float, repeats: int, options: Options) -> list[Figure]:
    folder = sample_pack(RESULTS / f"pack-{scale:g}-y", scale, HISTORY_WEEKS)
    env = bench_env(home)
    runs: dict[str, list[dict[str, Any]]] = {"read": [], "panels": [], "first": [], "again": []}
    for _ in range(repeats):
        runs["read"].append(run_child(["bench.data_child", "read", str(folder)], env=env))
        _empty_cache(home)
        runs["first"].append(run_child(["bench.data_child", "open", str(folder)], env=env))
        runs["again"].append(run_child(["bench.data_child", "open", str(folder)], env=env))
        _empty_cache(home)
        runs["panels"].append(run_child(["bench.data_child", "panels", str(folder)], env=env))
    reads, panels = runs["read"], runs["panels"]
    rows = reads[0]["detail"]
    size = f"{rows.get('leads', 0):,} leads, {rows.get('activities', 0):,} activities"
    failed = {name: d["error"] for name, d in panels[-1]["detail"].items() if d["error"]}
    note = f"scale {scale:g} ({size}); median of {repeats}"
    if failed:
        note += f"; {len(failed)} panel(s) failed: {', '.join(failed)}"
    slowest = sorted(panels[-1]["detail"].items(), key=lambda kv: -kv[1]["seconds"])[:4]
    baseline = median([r["seconds"] for r in reads])
    low, high = ratio_interval([p["seconds"] for p in panels], [r["seconds"] for r in reads])
    return [
        Figure(name="data: all panels", value=median([p["seconds"] for p in panels]),
               unit="s", baseline=baseline, target=TARGET_RATIO, target_on="ratio",
               baseline_label="pandas.read_csv of the same files",
               note=note + f"; empty cache of parsed sources (the ratio's 90% interval, the "
                           f"runs' pairs resampled: {low:.2f}x to {high:.2f}x)",
               extra={"panels": panels[-1]["detail"], "failed": failed,
                      "panels_s": _seconds(panels), "read_s": _seconds(reads),
                      "slowest": {k: v["seconds"] for k, v in slowest}, "scale": scale,
                      "ratio_interval_90": [round(low, 2), round(high, 2)]}),
        Figure(name="data: peak memory", value=max(p["rss_mb"] for p in panels), unit="MB",
               baseline=max(r["rss_mb"] for r in reads), target=TARGET_MEMORY_MB,
               target_on="value", baseline_label="peak memory of the read_csv process",
               note=f"ru_maxrss of a fresh process, scale {scale:g}",
               extra={"panels_vm_hwm_mb": max(p["hwm_mb"] or 0 for p in panels),
                      "read_vm_hwm_mb": max(r["hwm_mb"] or 0 for r in reads)}),
        *_open_figures("data", runs, baseline, note),
    ]


def _big_figures(home: Path, scale: float, repeats: int) -> list[Figure]:
    folder = sample_pack(RESULTS / f"pack-{scale:g}-y", scale, HISTORY_WEEKS)
    env = bench_env(home)
    runs: dict[str, list[dict[str, Any]]] = {"read": [], "first": [], "again": []}
    for _ in range(repeats):
        runs["read"].append(run_child(["bench.data_child", "read", str(folder)], env=env))
        _empty_cache(home)
        runs["first"].append(run_child(["bench.data_child", "open", str(folder)], env=env))
        runs["again"].append(run_child(["bench.data_child", "open", str(folder)], env=env))
    _empty_cache(home)
    panels = run_child(["bench.data_child", "panels", str(folder)], env=env)
    rows = runs["read"][0]["detail"]
    size = f"{rows.get('leads', 0):,} leads, {rows.get('activities', 0):,} activities"
    note = f"scale {scale:g} ({size}); median of {repeats}"
    baseline = median([r["seconds"] for r in runs["read"]])
    opened = runs["first"] + runs["again"]
    peak = max([p["rss_mb"] for p in opened] + [panels["rss_mb"]])
    failed = [name for name, d in panels["detail"].items() if d["error"]]
    return [
        *_open_figures("data 3x", runs, baseline, note),
        Figure(name="data 3x: peak memory", value=peak, unit="MB",
               baseline=max(r["rss_mb"] for r in runs["read"]), target=TARGET_BIG_MEMORY_MB,
               target_on="value", baseline_label="peak memory of the read_csv process",
               note=(f"ru_maxrss of fresh processes, scale {scale:g}: first open "
                     f"{max(p['rss_mb'] for p in runs['first']):,.0f} MB, reopen "
                     f"{max(p['rss_mb'] for p in runs['again']):,.0f} MB, all panels "
                     f"{panels['rss_mb']:,.0f} MB in {panels['seconds']:.1f} s"
                     + (f" ({len(failed)} failed: {', '.join(failed)})" if failed else "")),
               extra={"panels_s": round(panels["seconds"], 3), "panels_rss_mb": panels["rss_mb"],
                      "panels_failed": failed}),
    ]


def _open_figures(prefix: str, runs: dict[str, list[dict[str, Any]]], baseline: float,
                  note: str) -> list[Figure]:
    first, again = runs["first"], runs["again"]
    return [
        Figure(name=f"{prefix}: first open", value=median([r["seconds"] for r in first]),
               unit="s", baseline=baseline, target=TARGET_FIRST_OPEN, target_on="ratio",
               baseline_label="pandas.read_csv of the same files",
               note=note + "; every source read and typed, the cache of parsed sources empty "
                           "(and filled)",
               extra={"first_s": _seconds(first), "read_s": _seconds(runs["read"]),
                      "rss_mb": max(r["rss_mb"] for r in first)}),
        Figure(name=f"{prefix}: reopen", value=median([r["seconds"] for r in again]),
               unit="s", baseline=baseline, target=TARGET_REOPEN, target_on="ratio",
               baseline_label="pandas.read_csv of the same files",
               note=note + "; the same, from the cache the first open filled (every file "
                           "still read and hashed)",
               extra={"again_s": _seconds(again), "rss_mb": max(r["rss_mb"] for r in again)}),
    ]


def _empty_cache(home: Path) -> None:
    shutil.rmtree(home / "cache", ignore_errors=True)


def _seconds(runs: list[dict[str, Any]]) -> list[float]:
    return [round(r["seconds"], 3) for r in runs]
