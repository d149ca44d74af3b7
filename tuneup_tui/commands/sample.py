"""`tuneup sample DIR`: write the deterministic sample pack (16 canonical CSV files)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tuneup_tui.commands import _args


def register(sub: Any) -> None:
    """Add `tuneup sample`."""
    parser = sub.add_parser(
        "sample",
        help="write the sample data pack",
        description="Write the sample data pack: a made-up company's exports with 13 weeks of "
                    "history, the review week (the last complete week before --as-of) with "
                    "planted soft spots, and four weeks of calendar ahead.",
    )
    parser.add_argument("dir", type=Path, help="the folder to write (created if needed)")
    parser.add_argument("--as-of", dest="as_of", metavar="DATE",
                        help="the run's date, YYYY-MM-DD (default: today)")
    parser.add_argument("--scale", type=_args.scale, default=1.0, metavar="N",
                        help="multiply the volumes (300 gives about a million leads)")
    parser.add_argument("--seed", type=_args.seed, default=7, metavar="N",
                        help="the random seed (the same seed gives the same files)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tuneup_tui.commands._dates import as_of_date
    from tuneup_tui.commands.errors import CliError

    as_of = as_of_date(args.as_of)
    out_dir: Path = args.dir
    if out_dir.exists() and not out_dir.is_dir():
        raise CliError(f"{out_dir} is a file, not a folder")

    from tuneup_tui.data.period import review_period
    from tuneup_tui.data.sample.generate import build_sample, write_sample

    frames = build_sample(as_of, scale=args.scale, seed=args.seed)
    try:
        rows = write_sample(out_dir, frames)
    except OSError as err:
        raise CliError(f"can't write {out_dir}: {err.strerror or err}") from err
    period = review_period(as_of)
    width = max(len(name) for name in rows) + 4
    print(f"Wrote the sample pack to {out_dir} (seed {args.seed}, scale {args.scale:g}):")
    for name, count in rows.items():
        print(f"  {name + '.csv':<{width}} {count:>10,} rows")
    print(f"Review period: {period.label}, {period.start} to {period.end} "
          f"(as of {as_of}); planted soft spots: see docs/sample-data.md")
    return 0
