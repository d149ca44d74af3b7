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

import pandas as pd

from bench.common import AS_OF, hwm_mb, rss_mb


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
    from tuneup_tui.data.pack import DataPack
    from tuneup_tui.data.period import review_period
    from tuneup_tui.metrics.names import PANEL_NAMES
    from tuneup_tui.metrics.registry import run_panel
    from tuneup_tui.metrics.settings import panel_settings

    pack = DataPack.open(folder)
    period = review_period(AS_OF)
    detail: dict[str, object] = {}
    for name in PANEL_NAMES:
        began = time.perf_counter()
        result = run_panel(name, pack, period, panel_settings(None, name, AS_OF))
        detail[name] = {"seconds": round(time.perf_counter() - began, 3), "error": result.error}
    return detail


if __name__ == "__main__":
    main(sys.argv[1], Path(sys.argv[2]))
