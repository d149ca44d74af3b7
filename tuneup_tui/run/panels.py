"""The day's panels for the console: which, in what order, and computed away from it.

The console's panel worker (a thread) calls `compute_panels`, which opens the pack once and
computes each panel through `metrics.day.compute_day`, as `tuneup summary` and `tuneup metrics`
do.

The panels are computed in a child process by default: pandas holds the interpreter lock
through long operations, and in the console's own process it kept the console from drawing
for over a second at a time on a big pack (and for 60 ms and more on the sample's). The child
is spawned fresh (no copy of the console's state), sends each result back as it is done, and
is killed when the console leaves. If it cannot run at all the panels are computed in the
worker thread instead, as they were before.

This module reaches pandas only when its functions run, and only in the process that computes:
the console imports it lazily so the first frame is drawn before pandas is loaded.
"""

from __future__ import annotations

import multiprocessing
import sys
from collections.abc import Callable, Sequence
from datetime import date
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING

from tuneup_tui.agenda.model import Agenda
from tuneup_tui.metrics.names import PANEL_TITLES
from tuneup_tui.metrics.result import PanelResult

if TYPE_CHECKING:
    from tuneup_tui.data.pack import DataPack
    from tuneup_tui.metrics.settings import DaySettings

NO_DATA = "no data folder: start the run with --data DIR (or try `tuneup demo`)"
CHILD_NICENESS = 10
"""The child runs at a lower priority: on a machine with few cores its pandas work (which
reads with several threads) otherwise takes the CPU the console needs to draw."""
POLL_SECONDS = 0.1
"""How often the waiting worker checks whether the console has left."""


class PackNotOpened(Exception):
    """The pack could not be opened: every panel fails with this one line."""


def panel_order(agenda: Agenda, first: int | None) -> list[str]:
    """Every panel the agenda uses, once each: session `first`'s panels, then the day's."""
    order: list[str] = []
    sessions = list(agenda.sessions)
    if first is not None and 0 <= first < len(sessions):
        sessions.insert(0, sessions[first])
    for session in sessions:
        for name in session.panels:
            if name not in order:
                order.append(name)
    return order


def failed_results(settings: DaySettings, as_of: date, names: Sequence[str], error: str
                   ) -> list[PanelResult]:
    """Every panel in `names` failed with `error` (no pandas needed)."""
    period = settings.period(as_of)
    baseline = period.baseline(settings.baseline_periods)
    return [PanelResult.failed(n, PANEL_TITLES.get(n, n), period, baseline, error)
            for n in names]


def compute_panels(settings: DaySettings, data_dir: Path | None, as_of: date,
                   names: Sequence[str], post: Callable[[PanelResult], None], *,
                   in_process: bool = True, cancelled: Callable[[], bool] = lambda: False
                   ) -> None:
    """Compute each panel of `names` in order and hand each result to `post` as it is done.

    Raises PackNotOpened when the pack cannot be opened. `cancelled` is asked while waiting
    for the child: once it says yes, the child is killed and nothing more is posted.
    """
    if data_dir is None:
        for result in failed_results(settings, as_of, names, NO_DATA):
            post(result)
        return
    done: set[str] = set()

    def posted(result: PanelResult) -> None:
        done.add(result.name)
        post(result)

    if in_process:
        try:
            _in_child_process(data_dir, as_of, settings, names, posted, cancelled)
            return
        except PackNotOpened:
            raise
        except Exception as err:
            # No child process here (a sandbox, a frozen app) or it died: compute the rest
            # in this thread.
            _log_fallback(err)
        if cancelled():
            return
    _in_this_thread(data_dir, as_of, settings, [n for n in names if n not in done], posted)


def _in_this_thread(data_dir: Path, as_of: date, settings: DaySettings, names: Sequence[str],
                    post: Callable[[PanelResult], None]) -> None:
    from tuneup_tui.metrics.day import compute_day

    compute_day(_open_pack(data_dir), as_of, settings, names, each=post)


def _open_pack(data_dir: Path) -> DataPack:
    from tuneup_tui.data.pack import DataPack

    try:
        return DataPack.open(data_dir)
    except Exception as err:
        raise PackNotOpened(_one_line(err)) from err


def _in_child_process(data_dir: Path, as_of: date, settings: DaySettings, names: Sequence[str],
                      post: Callable[[PanelResult], None],
                      cancelled: Callable[[], bool]) -> None:
    context = multiprocessing.get_context("spawn")
    _start_resource_tracker()
    receive, send = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(send, data_dir, as_of, settings, list(names)),
                            name="tuneup-panels", daemon=True)
    child.start()
    send.close()  # the child holds its own end; EOF here means it has gone
    try:
        while True:
            if not receive.poll(POLL_SECONDS):
                if cancelled():
                    return
                continue
            kind, value = receive.recv()
            if kind == "result":
                post(value)
            elif kind == "failed":
                raise PackNotOpened(value)
            else:
                return
    finally:
        if child.is_alive():
            child.kill()
        child.join(5)
        receive.close()


def _child(send: Connection, data_dir: Path, as_of: date, settings: DaySettings,
           names: Sequence[str]) -> None:
    """The child process: open the pack, then send each panel's result, then "done"."""
    import contextlib
    import os

    # Where lowering the priority is not allowed, the same work runs at the same priority.
    if hasattr(os, "nice"):
        with contextlib.suppress(OSError):
            os.nice(CHILD_NICENESS)
    from tuneup_tui.metrics.day import compute_day

    try:
        pack = _open_pack(data_dir)
    except PackNotOpened as err:
        send.send(("failed", str(err)))
        return
    compute_day(pack, as_of, settings, names, each=lambda r: send.send(("result", r)))
    send.send(("done", None))
    send.close()


def _start_resource_tracker() -> None:
    """Start multiprocessing's resource tracker (every spawn needs it) with a real stderr.

    The tracker hands sys.stderr's descriptor to its process; inside the console sys.stderr
    is Textual's capture, whose descriptor is -1, and spawning then fails with "bad value(s)
    in fds_to_keep". The swap lasts only while the tracker starts.
    """
    from multiprocessing import resource_tracker

    captured = sys.stderr
    real = sys.__stderr__
    if real is None or captured is real:
        resource_tracker.ensure_running()
        return
    sys.stderr = real
    try:
        resource_tracker.ensure_running()
    finally:
        sys.stderr = captured


def _one_line(err: BaseException) -> str:
    return f"{type(err).__name__}: {err}".splitlines()[0]


def _log_fallback(err: BaseException) -> None:
    import logging

    logging.getLogger(__name__).warning("panels computed in the console's process: %s", err)
