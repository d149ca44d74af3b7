"""`tuneup run` and `tuneup demo`: the facilitator's console on an agenda and a data pack.

Everything heavy (textual, the console, pandas) is imported when the command runs, and the
panels are computed inside the console, so the first frame is drawn before pandas is loaded.
A broken agenda is one line on stderr and exit code 2, before any screen is drawn.
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuneup_tui.commands._args import record_id
from tuneup_tui.commands._dates import as_of_date
from tuneup_tui.commands.errors import CliError

if TYPE_CHECKING:
    from tuneup_tui.agenda.clock import Clock
    from tuneup_tui.agenda.model import Agenda
    from tuneup_tui.store.db import RunStore
    from tuneup_tui.store.models import Run


def register(sub: Any, only: str | None = None) -> None:
    """Add `run` and `demo` (or only the one named)."""
    if only != "demo":
        _register_run(sub)
    if only != "run":
        _register_demo(sub)


def _register_run(sub: Any) -> None:
    run = sub.add_parser(
        "run", help="run the console on an agenda",
        description="The facilitator's console: the day's sessions on a timer, each with its "
                    "metrics panel, notes, figures and action items.")
    run.add_argument("agenda", nargs="?", metavar="AGENDA",
                     help="an agenda file or a built-in name (default: one-day-tuneup; with "
                          "--resume: the unfinished run's own agenda)")
    run.add_argument("--data", type=Path, metavar="DIR", help="the folder of exports")
    _common(run)
    run.add_argument("--follow-clock", action="store_true",
                     help="the session is what the clock says (no timer per session)")
    run.add_argument("--start-now", action="store_true",
                     help="start the first session now instead of at the agenda's time")
    run.add_argument("--resume", action="store_true",
                     help="resume the unfinished run without asking")
    run.set_defaults(func=run_command)


def _register_demo(sub: Any) -> None:
    demo = sub.add_parser(
        "demo", help="the console on the built-in day and the sample data",
        description="The one-day agenda on a generated sample pack for today, starting now.")
    _common(demo)
    demo.add_argument("--follow-clock", action="store_true",
                      help="the session is what the clock says (no timer per session)")
    demo.set_defaults(func=demo_command)


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-of", metavar="DATE",
                        help="the run's date for the review period (YYYY-MM-DD; default today)")
    parser.add_argument("--speed", type=_speed, default=1.0, metavar="N",
                        help="run the clock N times faster (rehearsals: 60 = a minute a second)")
    parser.add_argument("--rehearsal", action="store_true",
                        help="a rehearsal at the real pace: kept apart from the real runs "
                        "(any --speed other than 1 is a rehearsal too)")
    parser.add_argument("--compare-with", type=record_id, metavar="ID",
                        help="compare with this run (a rehearsal too) instead of the series' "
                        "previous real run")


@contextmanager
def _collector_paused() -> Iterator[None]:
    """No garbage collections while the console starts.

    Start-up allocates a great deal that lives all day (modules, the agenda, the widgets); the
    collector walking it over and over delayed the first frame by tens of milliseconds. The
    console turns collections back on once its first frame is drawn (after freezing what
    start-up made); they are on again here in any case when the command ends.

    Measured with `python -m bench --only start` (121 launches each, a busy 2-core machine): with
    the collector paused, launch to first frame 1.50x a bare Textual app (90% interval 1.43x to
    1.61x); with it left on, 1.61x (1.55x to 1.70x). Start-up is the seam it is kept for.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def run_command(args: argparse.Namespace) -> int:
    with _collector_paused():
        return _run(args)


def demo_command(args: argparse.Namespace) -> int:
    with _collector_paused():
        return _demo(args)


def _run(args: argparse.Namespace) -> int:
    from tuneup_tui.run.clock import carried_on, run_clock

    # A bad date or a broken agenda is refused before the store is even opened.
    as_of_date(args.as_of)
    agenda_toml: str | None = None  # resuming: the run keeps the agenda it started with
    if not args.resume:
        given = _agenda_path(args.agenda)
        agenda, agenda_toml = _load(given)
        agenda_path: Path | None = given
    store = _open_store()
    try:
        resume: Run | None = None
        if args.resume:
            agenda, agenda_path, resume = _agenda_to_resume(store, args.agenda)
        _refuse_if_open_elsewhere(resume or store.unfinished_run(agenda.series))
        data_dir, speed = (args.data, args.speed) if resume is None else carried_on(
            resume, args.data, args.speed)
        if data_dir is not None and not data_dir.is_dir():
            raise CliError(f"{data_dir}: no such folder; --data expects the folder of exports")
        as_of = as_of_date(args.as_of, resume.as_of if resume is not None else None)
        mode = "follow_clock" if args.follow_clock else "facilitator"
        if resume is not None:
            mode = resume.mode
        clock = run_clock(speed, store, resume)
        return _run_app(agenda, agenda_path, data_dir, as_of, store, clock, mode=mode,
                        speed=speed, resume=resume, start_now=args.start_now,
                        agenda_toml=agenda_toml, rehearsal=args.rehearsal,
                        compare_with=_compared(store, args.compare_with))
    finally:
        store.close()


def _demo(args: argparse.Namespace) -> int:
    from tuneup_tui.run.clock import run_clock

    as_of = as_of_date(args.as_of)
    agenda_path = _agenda_path(None)
    agenda, agenda_toml = _load(agenda_path)
    store = _open_store()
    try:
        clock = run_clock(args.speed, store)
        mode = "follow_clock" if args.follow_clock else "facilitator"
        return _run_app(agenda, agenda_path, demo_folder(as_of), as_of, store, clock,
                        mode=mode, speed=args.speed, resume=None, start_now=True,
                        agenda_toml=agenda_toml, prepare_data=lambda: demo_data(as_of),
                        rehearsal=True, compare_with=_compared(store, args.compare_with))
    finally:
        store.close()


def demo_data(as_of: date) -> Path:
    """The sample pack for `as_of` (generated on first use, then cached); runs in a worker."""
    from tuneup_tui.data.demo import demo_pack

    return demo_pack(as_of)


def demo_folder(as_of: date) -> Path:
    """Where the demo's pack for `as_of` is kept, saved with the run so `--resume` finds it."""
    from tuneup_tui.data.demo import DEMO_SEED
    from tuneup_tui.paths import cache_dir

    return cache_dir() / "sample" / f"{as_of.isoformat()}-s{DEMO_SEED}"


def _run_app(agenda: Agenda, agenda_path: Path | None, data_dir: Path | None, as_of: date,
             store: RunStore, clock: Clock, *, mode: Any, speed: float, resume: Run | None,
             start_now: bool, agenda_toml: str | None, prepare_data: Any = None,
             rehearsal: bool = False, compare_with: Run | None = None) -> int:
    from tuneup_tui.ui.app import make_app

    app = make_app(agenda, agenda_path, data_dir, as_of, store, clock, mode=mode, speed=speed,
                   resume_run=resume, start_now=start_now, agenda_toml=agenda_toml,
                   prepare_data=prepare_data, rehearsal=rehearsal, compare_with=compare_with)
    app.run()
    if app.failed is not None:
        raise CliError(app.failed)
    # A store that could not be written to the end: what it never took goes to the terminal.
    unsaved = app.live.writes.unsaved if app.live is not None else []
    for line in unsaved:
        print(f"tuneup: not saved: {line}", file=sys.stderr)
    return 2 if unsaved else int(app.return_code or 0)


def _compared(store: RunStore, run_id: int | None) -> Run | None:
    """The run `--compare-with` names (CliError when there is none), or None."""
    from tuneup_tui.store.db import StoreError

    if run_id is None:
        return None
    try:
        return store.get_run(run_id)
    except StoreError as err:
        raise CliError(f"--compare-with: {err}") from None


def _refuse_if_open_elsewhere(run: Run | None) -> None:
    """CliError when another console has `run` open: the one this console would resume, or
    offer to resume (whose "start a new run" would end it under the other console)."""
    from tuneup_tui.store.console_lock import RunInUse, check_free

    if run is None:
        return
    try:
        check_free(run.id)
    except RunInUse as err:
        raise CliError(str(err)) from None


def _open_store() -> RunStore:
    """The local store; with a shared store set, the local one that sends it every change."""
    from tuneup_tui import paths
    from tuneup_tui.store.db import RunStore, StoreError

    try:
        if not paths.store_is_shared():  # the sync's code is not read before the first frame
            return RunStore(paths.store_address())
        from tuneup_tui.store.local_first import LocalFirstStore

        return LocalFirstStore(paths.store_path(), paths.store_address())
    except StoreError as err:
        raise CliError(str(err)) from None


def _agenda_path(arg: str | None) -> Path:
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.load import AgendaError

    try:
        return resolve_agenda(arg)
    except AgendaError as err:
        raise CliError(str(err)) from None


def _load(path: Path) -> tuple[Agenda, str]:
    """The agenda and its text (saved with the run: the console does not read the file again).
    """
    from tuneup_tui.agenda.load import AgendaError, read_agenda

    try:
        return read_agenda(path)
    except AgendaError as err:
        raise CliError(str(err)) from None


def _agenda_to_resume(store: RunStore, arg: str | None) -> tuple[Agenda, Path | None, Run]:
    """The unfinished run to resume and its agenda (as saved with the run when none is named).
    """
    from tuneup_tui.agenda.load import AgendaError, loads_agenda

    if arg is not None:
        path = _agenda_path(arg)
        agenda, _ = _load(path)
        run = store.unfinished_run(agenda.series)
        if run is None:
            raise CliError(f"no unfinished run of the series {agenda.series!r} to resume; "
                           "start one without --resume")
        return agenda, path, run
    run = store.current_run()
    if run is None:
        raise CliError("no unfinished run to resume; start one with `tuneup run AGENDA`")
    try:
        agenda = loads_agenda(run.agenda_toml, f"run {run.id} agenda")
    except AgendaError as err:
        raise CliError(str(err)) from None
    return agenda, Path(run.agenda_path) if run.agenda_path else None, run


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r}: expected a number such as 60") from None
    # "not 0 < value" also refuses nan; a range "from 0" would offer the one speed refused.
    if not 0 < value <= 3600:
        raise argparse.ArgumentTypeError(
            f"{text!r}: expected a speed above 0, up to 3600 (1 is real time, 60 a minute a "
            "second)")
    return value
