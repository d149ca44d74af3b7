"""`tuneup metrics`: every panel of a data pack, as a text report or the JSON contract.

`tuneup metrics --data DIR [--agenda FILE_OR_NAME] [--as-of YYYY-MM-DD] [--panel NAME] [--json]
[--recorded NAME=VALUE ...]`: a recorded figure (the expected leads to sales of the Traffic
Study) is checked against the panels as the console and the summary check the run's.
The JSON object is DESIGN.md's "Machine-readable output": the period, the baseline, and each
panel's figures, baseline figures, tables, series, findings, notes and error. A panel that
can't be computed shows its error in place; the exit code is still 0. Bad arguments exit 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuneup_tui.commands._dates import as_of_date
from tuneup_tui.commands.errors import CliError
from tuneup_tui.metrics.names import PANEL_NAMES

if TYPE_CHECKING:
    from tuneup_tui.agenda.model import Agenda


def register(sub: Any) -> None:
    """Add `tuneup metrics`."""
    parser = sub.add_parser(
        "metrics",
        help="compute the metrics panels of a data pack (text or --json)",
        description="Compute every metrics panel (or one) for the review period before the "
                    "as-of date, against the agenda's baseline, from the exports in --data.",
    )
    parser.add_argument("--data", required=True, metavar="DIR", help="the data pack folder")
    parser.add_argument("--agenda", metavar="FILE_OR_NAME",
                        help="agenda file or built-in name (period, baseline, panel options)")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="the run's date (default today); the period is the last "
                             "complete week or month before it")
    parser.add_argument("--panel", metavar="NAME", help="only this panel")
    parser.add_argument("--json", action="store_true", help="print the JSON object")
    parser.add_argument("--recorded", metavar="NAME=VALUE", action="append", default=[],
                        help="a figure the room recorded, checked against the panels "
                             "(expected_leads_to_sales=46); may be repeated")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print the panels."""
    as_of = as_of_date(args.as_of)
    names = _panels(args.panel)
    data = Path(args.data)
    if not data.is_dir():
        raise CliError(f"{data}: no such data folder")
    agenda = _agenda(args.agenda) if args.agenda else None
    recorded = _recorded(args.recorded)
    output = metrics_output(data, agenda, as_of, names, as_json=args.json, recorded=recorded)
    sys.stdout.write(output)
    return 0


def metrics_output(data: Path, agenda: Agenda | None, as_of: date, names: tuple[str, ...],
                   *, as_json: bool, recorded: Mapping[str, float] | None = None) -> str:
    """The command's output for these panels: the JSON object or the text report."""
    from tuneup_tui.data.pack import DataPack
    from tuneup_tui.metrics.day import compute_day
    from tuneup_tui.metrics.result import strict_json
    from tuneup_tui.metrics.settings import day_settings

    settings = day_settings(agenda)
    period = settings.period(as_of)
    results = compute_day(DataPack.open(data), as_of, settings, names)
    if recorded:
        from tuneup_tui.metrics.recorded_checks import Recorded, with_recorded

        results = with_recorded(results, {k: Recorded(v) for k, v in recorded.items()})
    if as_json:
        baseline = settings.baseline(as_of)
        doc = {
            "period": {"start": period.start.isoformat(), "end": period.end.isoformat()},
            "baseline": {"start": baseline.start.isoformat() if len(baseline) else None,
                         "end": baseline.end.isoformat() if len(baseline) else None},
            "panels": {name: result.to_json() for name, result in results.items()},
        }
        # the contract is strict JSON: a NaN or infinity that slipped past a panel is null
        return json.dumps(strict_json(doc), indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    from tuneup_tui.metrics.report_text import text_report

    return text_report(results, period, as_of=as_of)


def _recorded(pairs: list[str]) -> dict[str, float]:
    """`--recorded NAME=VALUE` pairs as figures by name (the last value of a name wins)."""
    out: dict[str, float] = {}
    for pair in pairs:
        name, _, value = pair.partition("=")
        try:
            out[name.strip()] = float(value.replace(",", ""))
        except ValueError:
            raise CliError(f"--recorded {pair!r}: expected NAME=NUMBER, e.g. "
                           "expected_leads_to_sales=46") from None
        if not name.strip():
            raise CliError(f"--recorded {pair!r}: expected NAME=NUMBER, e.g. "
                           "expected_leads_to_sales=46")
    return out


def _panels(name: str | None) -> tuple[str, ...]:
    if name is None:
        return PANEL_NAMES
    if name not in PANEL_NAMES:
        raise CliError(f"--panel {name!r}: unknown panel; known: {', '.join(PANEL_NAMES)}")
    return (name,)


def _agenda(arg: str) -> Agenda:
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.load import AgendaError, load_agenda

    try:
        return load_agenda(resolve_agenda(arg))
    except AgendaError as err:
        raise CliError(str(err)) from None
