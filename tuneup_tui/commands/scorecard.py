"""`tuneup scorecard`: the Monday questions alone, each against its target, as text or JSON.

`tuneup scorecard [--data DIR] [--agenda FILE_OR_NAME] [--as-of YYYY-MM-DD] [--json]`. Without
--data it reads the sample pack `tuneup demo` uses for that date; without --agenda, the weekly
agenda (its period, baseline, panel options and the sessions that dig into each row).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tuneup_tui.commands._dates import as_of_date
from tuneup_tui.commands.errors import CliError

if TYPE_CHECKING:
    from tuneup_tui.agenda.model import Agenda
    from tuneup_tui.metrics.result import PanelResult

DEFAULT_AGENDA = "weekly-tuneup"


def register(sub: Any) -> None:
    """Add `tuneup scorecard`."""
    parser = sub.add_parser(
        "scorecard",
        help="the Monday scorecard: last week's answers against targets (text or --json)",
        description="Answer the Monday questions for the review period before the as-of date: "
                    "each figure with its target (targets.csv), its baseline, its status and "
                    "the session that digs into it.",
    )
    parser.add_argument("--data", metavar="DIR",
                        help="the data pack folder (default: the sample pack of `tuneup demo`)")
    parser.add_argument("--agenda", metavar="FILE_OR_NAME",
                        help=f"agenda file or built-in name (default: {DEFAULT_AGENDA})")
    parser.add_argument("--as-of", metavar="YYYY-MM-DD",
                        help="the run's date (default today); the period is the last "
                             "complete week or month before it")
    parser.add_argument("--json", action="store_true", help="print the JSON object")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    """Compute and print the scorecard."""
    as_of = as_of_date(args.as_of)
    agenda = _agenda(args.agenda or DEFAULT_AGENDA)
    if args.data is None:
        from tuneup_tui.data.demo import demo_pack

        data = demo_pack(as_of)
        print(f"note: no --data: the sample pack for {as_of.isoformat()} ({data})",
              file=sys.stderr)
    else:
        data = Path(args.data)
        if not data.is_dir():
            raise CliError(f"{data}: no such data folder")
    result = scorecard_result(data, agenda, as_of)
    sys.stdout.write(scorecard_output(result, as_of, as_json=args.json))
    return 0


def scorecard_result(data: Path, agenda: Agenda, as_of: date) -> PanelResult:
    """The scorecard panel for the pack at `data` under `agenda` on `as_of`."""
    from tuneup_tui.data.pack import DataPack
    from tuneup_tui.data.period import review_period
    from tuneup_tui.metrics.registry import run_panel
    from tuneup_tui.metrics.settings import panel_settings

    period = review_period(as_of, agenda.period)
    return run_panel("scorecard", DataPack.open(data), period,
                     panel_settings(agenda, "scorecard", as_of))


def scorecard_output(result: PanelResult, as_of: date, *, as_json: bool) -> str:
    """The JSON object, or the text table with its heading."""
    from tuneup_tui.metrics.scorecard_view import scorecard_json, scorecard_text

    period, baseline = result.period, result.baseline
    if as_json:
        doc = {
            "as_of": as_of.isoformat(),
            "period": {"label": period.label, "start": period.start.isoformat(),
                       "end": period.end.isoformat()},
            "baseline": {"start": baseline.start.isoformat() if len(baseline) else None,
                         "end": baseline.end.isoformat() if len(baseline) else None,
                         "periods": len(baseline)},
            "rows": scorecard_json(result),
            "notes": list(result.notes),
            "error": result.error,
        }
        return json.dumps(doc, indent=2, ensure_ascii=False, allow_nan=False) + "\n"
    unit = period.kind + ("s" if len(baseline) != 1 else "")
    head = (f"Monday scorecard as of {as_of.isoformat()}: {period.label} "
            f"({period.start.isoformat()} to {period.end.isoformat()}); baseline: mean of the "
            f"{len(baseline)} {unit} before")
    return "\n".join([head, "", *scorecard_text(result)]) + "\n"


def _agenda(arg: str) -> Agenda:
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.load import AgendaError, load_agenda

    try:
        return load_agenda(resolve_agenda(arg))
    except AgendaError as err:
        raise CliError(str(err)) from None
