"""Attendees: many browsers on one `tuneup serve`, each adding an item.

Thirty scripted browsers (bench/attendees_driver.py, speaking textual-serve's websocket
protocol) join one `tuneup serve` on 127.0.0.1 beside the real console, headless
(bench/attendees_child.py). Figures: the memory of each attendee's process, the time from an
item's Enter to the console showing it (p50 and p99, and to the store's commit), and the
console's longest stall while the attendees' apps start and add their items.
"""

from __future__ import annotations

import shutil
from typing import Any

from bench.common import Figure, Options, bench_env, median, percentile, run_child, temp_home

ATTENDEES = 30
MEMORY_MB = 60.0
ITEM_SECONDS = 1.0
STALL_MS = 50.0


def run(options: Options) -> list[Figure]:
    count = 5 if options.quick else ATTENDEES
    home = temp_home("attendees")
    try:
        got = run_child(["bench.attendees_child", str(count)], env=bench_env(home),
                        timeout=600)
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return figures(got, count)


def figures(got: dict[str, Any], count: int) -> list[Figure]:
    sent: dict[str, float] = got["sent"]
    to_console = [got["shown"][t] - at for t, at in sent.items() if t in got["shown"]]
    to_store = [got["committed"][t] - at for t, at in sent.items() if t in got["committed"]]
    missing = count - len(to_console)
    rss, pss = got["rss_mb"], got["pss_mb"]
    memory_note = (f"{got['processes']} processes for {count} attendees; RSS median "
                   f"{median(rss):.0f} MB, max {max(rss):.0f} MB; PSS (shared pages split) "
                   f"median {median(pss):.0f} MB; the server itself {got['serve_rss_mb']} MB")
    latency_note = (f"{len(to_console)} of {count} items shown"
                    + (f" ({missing} never shown)" if missing else "")
                    + (f"; to the store p50 {1000 * percentile(to_store, 50):.0f} ms, "
                       f"p99 {1000 * percentile(to_store, 99):.0f} ms" if to_store else ""))
    worst = max(to_console) if len(to_console) == count else float("inf")
    return [
        Figure(name=f"attendees: memory per attendee ({count})", value=max(rss), unit="MB",
               baseline=None, target=MEMORY_MB, target_on="value",
               note=f"largest RSS of one attendee's process; {memory_note}", extra=got),
        Figure(name="attendees: item to console p50", unit="s", baseline=None,
               value=percentile(to_console, 50) if to_console else float("inf"),
               target=ITEM_SECONDS, target_on="value", note=latency_note),
        Figure(name="attendees: item to console p99", unit="s", baseline=None,
               value=percentile(to_console, 99) if missing == 0 else worst,
               target=ITEM_SECONDS, target_on="value", note=latency_note),
        Figure(name="attendees: console stall", value=got["busy_ms"], unit="ms",
               baseline=got["idle_ms"], target=STALL_MS, target_on="value", strict=True,
               baseline_label="longest gap on the idle console",
               note=f"longest gap while {count} apps started ({got['ready_seconds']} s until "
                    "all drew) and added their items"),
    ]
