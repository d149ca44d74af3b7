"""`python -m bench`: every benchmark, a table of figures against their targets, and JSON.

Options: `--quick` (small scales, few repeats: a smoke run), `--only NAME` (one figure group:
start, data, responsiveness, store, summary, attendees; may be repeated). Results go to
bench/results/latest.json. A missed target is printed as MISSED; the exit code is 0 either way
(the bench measures, the test suite judges), unless a benchmark could not run at all (1).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import time
import traceback
from datetime import UTC, datetime
from typing import Any

from bench.common import RESULTS, Figure, Options, compile_sources

GROUPS: tuple[str, ...] = ("start", "data", "responsiveness", "store", "summary",
                          "attendees")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--quick", action="store_true", help="small scales, few repeats")
    parser.add_argument("--only", action="append", choices=GROUPS, metavar="NAME",
                        help=f"run only this group ({', '.join(GROUPS)}); may be repeated")
    args = parser.parse_args(argv)
    options = Options(quick=args.quick)
    groups = [g for g in GROUPS if not args.only or g in args.only]

    figures: list[Figure] = []
    broken: dict[str, str] = {}
    load_before = _load()
    print(f"load average before: {load_before} on {os.cpu_count()} CPUs "
          "(other work on the machine shows in every figure)", flush=True)
    compile_sources()
    for group in groups:
        print(f"[{group}] measuring...", flush=True)
        started = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{group}")
            got: list[Figure] = module.run(options)
        except Exception as err:  # one broken benchmark must not hide the others' figures
            broken[group] = f"{type(err).__name__}: {err}".splitlines()[0]
            traceback.print_exc()
            print(f"[{group}] could not run: {broken[group]}", flush=True)
            continue
        figures += got
        print(f"[{group}] done in {time.perf_counter() - started:.1f} s", flush=True)

    print()
    print(table(figures))
    for group, error in broken.items():
        print(f"{group}: NOT MEASURED ({error})")
    missed = [f for f in figures if not f.ok]
    print()
    if missed or broken:
        print(f"{len(missed)} of {len(figures)} targets missed"
              + (f", {len(broken)} group(s) not measured" if broken else "")
              + ". Notes per figure are in bench/results/latest.json.")
    else:
        print(f"All {len(figures)} targets met.")
    load = {"before": load_before, "after": _load()}
    print(f"load average after: {load['after']}")
    path = write_results(figures, broken, options, groups, load)
    print(f"Results written to {path}")
    return 1 if broken else 0


def table(figures: list[Figure]) -> str:
    """The figures as a plain-text table: figure, value, baseline, ratio, target, OK/MISSED."""
    header = ("figure", "value", "baseline", "ratio", "target", "result")
    rows = [header] + [(
        f.name,
        _amount(f.value, f.unit),
        "-" if f.baseline is None else _amount(f.baseline, f.unit),
        "-" if f.ratio is None else f"{f.ratio:.2f}x",
        f.target_text(),
        "OK" if f.ok else "MISSED",
    ) for f in figures]
    widths = [max(len(r[i]) for r in rows) for i in range(len(header))]
    lines = []
    for n, row in enumerate(rows):
        cells = [row[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(row[1:5], widths[1:5],
                                                                        strict=True)]
        lines.append("  ".join([*cells, row[5]]))
        if n == 0:
            lines.append("  ".join("-" * w for w in widths))
    for f in figures:
        said = [f"baseline = {f.baseline_label}"] if f.baseline_label else []
        said += [f.note] if f.note else []
        if said:
            lines.append(f"  {f.name}: {'; '.join(said)}")
    return "\n".join(lines)


def write_results(figures: list[Figure], broken: dict[str, str], options: Options,
                  groups: list[str], load: dict[str, str]) -> str:
    RESULTS.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(),
                    "platform": platform.platform(), "load_average": load},
        "quick": options.quick,
        "groups": groups,
        "figures": [f.as_json() for f in figures],
        "not_measured": broken,
    }
    path = RESULTS / "latest.json"
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return str(path.relative_to(RESULTS.parent.parent))


def _load() -> str:
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "unknown"


def _amount(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "s":
        return f"{value:.2f} s"
    if unit == "MB":  # a small figure (the plain page's per attendee) keeps its hundredths
        return f"{value:,.2f} MB" if abs(value) < 10 else f"{value:,.0f} MB"
    return f"{value:g}"


if __name__ == "__main__":
    sys.exit(main())
