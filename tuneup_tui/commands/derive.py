"""`tuneup agenda derive`: a shorter monthly or weekly agenda from a day's agenda or a run.

From a run, the run's own agenda (as it was when the run started) and its soft spots weight the
time; from an agenda file or a built-in name, every session counts as clean. docs/cadence.md
says how the time is shared.
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from tuneup_tui.agenda.model import Agenda
from tuneup_tui.commands.errors import CliError, refuse_special_dest


def add_derive_parser(agenda_sub: Any) -> None:
    """Add `derive` under `tuneup agenda`."""
    parser = agenda_sub.add_parser(
        "derive",
        help="write a shorter monthly or weekly agenda",
        description="Write a shorter agenda to repeat the review with: sessions where a run "
        "found soft spots keep more time, clean ones shrink or merge (see docs/cadence.md).",
    )
    parser.add_argument("--cadence", required=True, choices=("month", "week"),
                        help="month (210 minutes unless --minutes) or week (30 minutes)")
    parser.add_argument("--from", dest="source", metavar="RUN|AGENDA", default=None,
                        help="a run number (its agenda and soft spots), an agenda file or a "
                        "built-in name; default: the newest run (rehearsals passed over), else "
                        "the built-in one-day agenda")
    parser.add_argument("--include-rehearsals", action="store_true",
                        help="let the newest run be a rehearsal")
    parser.add_argument("--minutes", type=int, default=None, metavar="N",
                        help="the length of the derived agenda in minutes")
    parser.add_argument("--out", required=True, type=Path, metavar="FILE",
                        help="the .toml file to write")
    parser.add_argument("--force", action="store_true", help="replace FILE if it exists")
    parser.set_defaults(func=run_derive)


def run_derive(args: argparse.Namespace) -> int:
    from tuneup_tui.agenda.derive import DeriveError, derive_agenda, derive_header
    from tuneup_tui.agenda.write import write_agenda

    out: Path = args.out
    if out.is_dir():
        raise CliError(f"{out}: is a folder; give the .toml file to write")
    if out.exists() and not args.force:
        raise CliError(f"{out}: already exists (use --force to replace it)")
    refuse_special_dest(out)
    if args.minutes is not None and args.minutes <= 0:
        raise CliError(f"--minutes: expected a positive number of minutes, not {args.minutes}")
    agenda, counts, origin = _source(args.source, args.include_rehearsals)
    try:
        derived = derive_agenda(agenda, args.cadence, minutes=args.minutes,
                                soft_spot_counts=counts)
    except DeriveError as err:
        raise CliError(f"{origin}: {err}") from None
    try:
        write_agenda(derived, out, header=derive_header(derived, origin, counts))
    except OSError as err:
        raise CliError(f"{out}: can't be written ({err.strerror or err})") from None
    minutes = sum(derived.session_length(i) for i in range(len(derived.sessions)))
    print(f"{out}: {derived.title}, {len(derived.sessions)} sessions, {minutes} minutes "
          f"(from {origin}); check it with `tuneup agenda check {out}`")
    return 0


def _source(source: str | None, rehearsals: bool = False
            ) -> tuple[Agenda, Mapping[str, int], str]:
    """(agenda, soft spot counts per session topic, where it came from in words)."""
    if source is None or (source.isdigit() and not Path(source).exists()):
        found = _from_run(int(source) if source else None, rehearsals)
        if found is not None:
            return found
    return _from_agenda(source)


def _from_run(run_id: int | None, rehearsals: bool
              ) -> tuple[Agenda, Mapping[str, int], str] | None:
    """The run asked for, or the newest run (a rehearsal only when `rehearsals`)."""
    from tuneup_tui.agenda.load import AgendaError, loads_agenda
    from tuneup_tui.report.collect import soft_spot_counts
    from tuneup_tui.store.db import RunStore, StoreError

    try:
        store = RunStore.open_default()
    except StoreError as err:
        raise CliError(str(err)) from None
    try:
        if run_id is None:
            runs = [r for r in store.runs() if rehearsals or not r.rehearsal]
            if not runs:
                return None  # no real run yet: the built-in day is the natural start
            run = runs[0]
        else:
            run = store.get_run(run_id)
        try:
            agenda = loads_agenda(run.agenda_toml, f"run {run.id} agenda")
        except AgendaError as err:
            raise CliError(str(err)) from None
        return agenda, soft_spot_counts(store.soft_spots(run.id)), f"run {run.id}"
    except StoreError as err:
        raise CliError(str(err)) from None
    finally:
        store.close()


def _from_agenda(source: str | None) -> tuple[Agenda, Mapping[str, int], str]:
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.load import AgendaError, load_agenda

    try:
        path = resolve_agenda(source)
        return load_agenda(path), {}, str(path if source is None else source)
    except AgendaError as err:
        raise CliError(str(err)) from None
