"""Attendees: many browsers on one `tuneup serve`'s plain page, each adding an item.

Thirty scripted browsers (bench/attendees_driver.py) open the plain attendee page of one
`tuneup serve` on 127.0.0.1 beside the real console, headless (bench/attendees_child.py), load
its files and poll its state endpoint every second as the page's script does, then all post an
item at once. Figures: the server's memory per attendee (its RSS growth while they are
connected and polling, divided by their number), the time from an item's POST to the console
showing it (p50 and p99, and to the store's commit), and the console's longest stall while the
attendees join and add their items.
"""

from __future__ import annotations

import shutil
from typing import Any

from bench.common import Figure, Options, bench_env, percentile, run_child, temp_home

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
    answered = [got["answered"][t] - at for t, at in sent.items() if t in got["answered"]]
    missing = count - len(to_console)
    before, joined, after = (got["serve_rss_before_mb"], got["serve_rss_joined_mb"],
                             got["serve_rss_after_mb"])
    per_attendee = max(joined - before, 0.0) / count
    memory_note = (f"the server's RSS {before:.1f} MB before the attendees, {joined:.1f} MB "
                   f"with {count} connected and polling, {after:.1f} MB after their items; "
                   f"{got['processes']} processes started for them; state polls answered "
                   f"{_polls(got['polls'])}")
    latency_note = (f"{len(to_console)} of {count} items shown"
                    + (f" ({missing} never shown)" if missing else "")
                    + (f"; to the store p50 {1000 * percentile(to_store, 50):.0f} ms, "
                       f"p99 {1000 * percentile(to_store, 99):.0f} ms" if to_store else "")
                    + (f"; the post and its redirect answered p50 "
                       f"{1000 * percentile(answered, 50):.0f} ms, p99 "
                       f"{1000 * percentile(answered, 99):.0f} ms" if answered else "")
                    + f"; posts answered {got['statuses']}")
    worst = max(to_console) if len(to_console) == count else float("inf")
    return [
        Figure(name=f"attendees: memory per attendee ({count})", value=per_attendee,
               unit="MB", baseline=None, target=MEMORY_MB, target_on="value",
               note=f"the server's RSS growth while they are connected, / {count}; "
                    f"{memory_note}", extra=got),
        Figure(name="attendees: item to console p50", unit="s", baseline=None,
               value=percentile(to_console, 50) if to_console else float("inf"),
               target=ITEM_SECONDS, target_on="value", note=latency_note),
        Figure(name="attendees: item to console p99", unit="s", baseline=None,
               value=percentile(to_console, 99) if missing == 0 else worst,
               target=ITEM_SECONDS, target_on="value", note=latency_note),
        Figure(name="attendees: console stall", value=got["busy_ms"], unit="ms",
               baseline=got["idle_ms"], target=STALL_MS, target_on="value", strict=True,
               baseline_label="longest gap on the idle console",
               note=f"longest gap while {count} attendees joined ({got['ready_seconds']} s "
                    "until all had the page), polled and added their items"),
    ]


def _polls(polls: dict[str, int]) -> str:
    return ", ".join(f"{status}: {times}" for status, times in sorted(polls.items())) or "none"
