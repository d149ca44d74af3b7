"""Start: from spawning `tuneup demo` (headless) to its first frame, against a bare Textual app.

Each launch is a fresh process, timed from spawn to the FIRST-FRAME line the child prints after
its first refresh (bench/start_child.py). The demo's sample pack is generated before any
launch is timed, so generating it is not counted; each demo launch gets a fresh home with that
pack cached and an empty run store (as on the morning of the day). Launches alternate demo and
bare, so a busy moment of the machine hits both alike; the figure is the median of each. The
note gives the ratio's 90% interval (the launch pairs resampled); while it is wider than
PRECISION (a busy machine: single launches vary by a third) more launches are made.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from bench.common import (
    REPO,
    Figure,
    Options,
    bench_env,
    median,
    ratio_interval,
    temp_home,
)
from bench.start_child import MARKER

TARGET_RATIO = 1.15
LAUNCHES = 41
"""Launches of each app at least: the median of 21 moved by 0.04 from one run to the next on
the build machine, across the target."""
MORE_LAUNCHES = 10
MAX_LAUNCHES = 121
PRECISION = 0.04
"""Launches go on, ten pairs at a time up to MAX_LAUNCHES, while the ratio's 90% interval is
wider than this: on a busy machine a third of the launches are held up by 50 to 140 ms."""


def run(options: Options) -> list[Figure]:
    launches = 3 if options.quick else LAUNCHES
    template = _template_home()
    try:
        demo: list[float] = []
        bare: list[float] = []
        pandas_first = 0
        _launch("bare", template)  # warm the file cache for both; not counted
        _launch("demo", template)
        while True:
            for _ in range(launches - len(demo)):
                bare.append(_launch("bare", template)[0])
                seconds, pandas_loaded = _launch("demo", template)
                demo.append(seconds)
                pandas_first += pandas_loaded
            low, high = ratio_interval(demo, bare)
            if options.quick or high - low <= PRECISION or launches >= MAX_LAUNCHES:
                break
            launches += MORE_LAUNCHES
    finally:
        shutil.rmtree(template, ignore_errors=True)
    return [Figure(
        name="start: launch to first frame", value=median(demo) * 1000, unit="ms",
        baseline=median(bare) * 1000, target=TARGET_RATIO, target_on="ratio",
        baseline_label="bare Textual app, same header and footer",
        note=f"median of {launches} launches each (the ratio's 90% interval, the launch pairs "
             f"resampled: {low:.2f}x to {high:.2f}x); sample pack generated beforehand; pandas "
             f"was already loaded at the first frame in {pandas_first} of {launches} launches",
        extra={"pandas_before_first_frame": pandas_first,
               "ratio_interval_90": [round(low, 3), round(high, 3)],
               "demo_ms": [round(t * 1000, 1) for t in demo],
               "bare_ms": [round(t * 1000, 1) for t in bare]},
    )]


def _template_home() -> Path:
    """A home with today's demo pack cached and an empty, migrated run store."""
    home = temp_home("start")
    env = bench_env(home)
    code = ("from datetime import date\n"
            "from tuneup_tui.data.demo import demo_pack\n"
            "from tuneup_tui.store.db import RunStore\n"
            f"demo_pack(date.fromisoformat({date.today().isoformat()!r}))\n"
            "RunStore.open_default().close()\n")
    subprocess.run([sys.executable, "-c", code], env=env, check=True, cwd=REPO)
    return home


def _launch(which: str, template: Path) -> tuple[float, bool]:
    """Seconds from spawn to the child's first frame, and whether pandas was loaded by then."""
    home = temp_home(f"launch-{which}")
    try:
        shutil.copytree(template / "data", home / "data")
        os.symlink(template / "cache", home / "cache")
        env = bench_env(home)  # bytecode is written and read, as an installed console has it
        # Every module's bytecode in one cache of the bench's own (the warm-up launches fill
        # it), textual's and rich's as well as the console's, so both apps load alike.
        env["PYTHONPYCACHEPREFIX"] = str(template / "pycache")
        started = time.perf_counter()
        proc = subprocess.Popen([sys.executable, "-m", "bench.start_child", which], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                cwd=REPO)
        assert proc.stdout is not None
        seen = None
        pandas_loaded = False
        for line in proc.stdout:
            if line.startswith(MARKER):
                seen = time.perf_counter() - started
                pandas_loaded = "pandas=1" in line
                break
        _, err = proc.communicate(timeout=60)
        if seen is None:
            raise RuntimeError(f"{which} never drew a first frame: {err.strip()[-300:]}")
        return seen, pandas_loaded
    finally:
        shutil.rmtree(home, ignore_errors=True)
