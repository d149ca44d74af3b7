"""The child process the data benchmark runs: `python -m bench.data_child panels|open|read DIR`.

`panels` opens the pack and computes every registered panel (what the console does for a day
whose agenda shows them all); `open` opens the pack and reads every source it holds into its
typed frame (through the cache of parsed sources in TUNEUP_HOME, whatever it holds); `read` is
the baseline, a bare `pandas.read_csv` of each CSV of the same folder. pandas is imported before
the clock starts in each, so only the work is timed. Each runs in a fresh process so its peak
memory (ru_maxrss) is its own.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from bench.common import AS_OF, hwm_mb, rss_mb

if TYPE_CHECKING:
    from tuneup_tui.metrics.result import PanelResult


def main(mode: str, folder: Path) -> None:
    started = time.perf_counter()
    detail: dict[str, object] = {}
    if mode == "read":
        for path in sorted(folder.glob("*.csv")):
            detail[path.stem] = len(pd.read_csv(path))
    elif mode == "open":
        detail = _open(folder)
    else:
        detail = _panels(folder)
    if mode != "read":
        from tuneup_tui.data.source_cache import wait_for_writes

        wait_for_writes()  # the cache's entries are part of the work (written in a thread)
    seconds = time.perf_counter() - started
    print(json.dumps({"seconds": seconds, "rss_mb": rss_mb(), "hwm_mb": hwm_mb(),
                      "detail": detail}))


def _open(folder: Path) -> dict[str, object]:
    from tuneup_tui.data.pack import DataPack
    from tuneup_tui.data.sources import SOURCES

    pack = DataPack.open(folder)
    return {source: len(pack.frame(source)) for source in SOURCES if pack.has(source)}


def _panels(folder: Path) -> dict[str, object]:
    """Every panel through `compute_day`, as the console, `tuneup metrics` and `tuneup summary`
    compute them; the scorecard last, so that each panel's time is its own (the scorecard reads
    the others' figures; first, it would be charged with computing them)."""
    from tuneup_tui.data.pack import DataPack
    from tuneup_tui.metrics.day import compute_day
    from tuneup_tui.metrics.names import PANEL_NAMES
    from tuneup_tui.metrics.settings import DaySettings

    pack = DataPack.open(folder)
    names = [n for n in PANEL_NAMES if n != "scorecard"] + ["scorecard"]
    detail: dict[str, object] = {}
    began = [time.perf_counter()]

    def each(result: PanelResult) -> None:
        now = time.perf_counter()
        detail[result.name] = {"seconds": round(now - began[0], 3), "error": result.error}
        began[0] = now

    compute_day(pack, AS_OF, DaySettings(), names, each)
    return detail


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
