"""Data: every panel on the scaled sample pack, against a bare `pandas.read_csv` of its files.

The scaled pack (a year of history at scale 85: about 940k leads, 2M activities and a year of
daily traffic; `--quick`: scale 3) is generated once into bench/results/pack-<scale>-y/ and
reused. Panels and the baseline each run in a fresh process (bench/data_child.py),
alternately, five times each, and the figure is the median of each; peak memory is the panel
process's largest ru_maxrss.
"""

from __future__ import annotations

import shutil
from typing import Any

from bench.common import (
    RESULTS,
    Figure,
    Options,
    bench_env,
    median,
    run_child,
    sample_pack,
    temp_home,
)

FULL_SCALE = 85.0
QUICK_SCALE = 3.0
HISTORY_WEEKS = 52
TARGET_RATIO = 1.5
TARGET_MEMORY_MB = 1536.0
REPEATS = 5
"""Runs of each (alternately): the machine's other work moved single runs by 10% or more."""


def run(options: Options) -> list[Figure]:
    scale = QUICK_SCALE if options.quick else FULL_SCALE
    repeats = 1 if options.quick else REPEATS
    folder = sample_pack(RESULTS / f"pack-{scale:g}-y", scale, HISTORY_WEEKS)
    home = temp_home("data")
    env = bench_env(home)
    panels: list[dict[str, Any]] = []
    reads: list[dict[str, Any]] = []
    try:
        for _ in range(repeats):
            reads.append(run_child(["bench.data_child", "read", str(folder)], env=env))
            panels.append(run_child(["bench.data_child", "panels", str(folder)], env=env))
    finally:
        shutil.rmtree(home, ignore_errors=True)
    rows = reads[0]["detail"]
    size = f"{rows.get('leads', 0):,} leads, {rows.get('activities', 0):,} activities"
    failed = {name: d["error"] for name, d in panels[-1]["detail"].items() if d["error"]}
    note = f"scale {scale:g} ({size}); median of {repeats}"
    if failed:
        note += f"; {len(failed)} panel(s) failed: {', '.join(failed)}"
    slowest = sorted(panels[-1]["detail"].items(), key=lambda kv: -kv[1]["seconds"])[:4]
    return [
        Figure(name="data: all panels", value=median([p["seconds"] for p in panels]),
               unit="s", baseline=median([r["seconds"] for r in reads]),
               target=TARGET_RATIO, target_on="ratio",
               baseline_label="pandas.read_csv of the same files", note=note,
               extra={"panels": panels[-1]["detail"], "failed": failed,
                      "panels_s": [round(p["seconds"], 3) for p in panels],
                      "read_s": [round(r["seconds"], 3) for r in reads],
                      "slowest": {k: v["seconds"] for k, v in slowest}, "scale": scale}),
        Figure(name="data: peak memory", value=max(p["rss_mb"] for p in panels), unit="MB",
               baseline=max(r["rss_mb"] for r in reads), target=TARGET_MEMORY_MB,
               target_on="value", baseline_label="peak memory of the read_csv process",
               note=f"ru_maxrss of a fresh process, scale {scale:g}",
               extra={"panels_vm_hwm_mb": max(p["hwm_mb"] or 0 for p in panels),
                      "read_vm_hwm_mb": max(r["hwm_mb"] or 0 for r in reads)}),
    ]
