"""Summary: a full day's next-steps summary written in every format, against plain file writes.

The day is scripted through the console's own path (`LiveRun` on a fake clock, the built-in
one-day agenda, the run store): 13 sessions with a few extensions, 30 action items, soft spots,
every figure the agenda records, notes for each session, and the panels computed on the demo's
sample pack (computed beforehand; computing them is the data figure's business). Timed:
`write_run_summary` (read the store, replay the day, render md, html, json, actions.csv,
actions.ics and the derived agendas, write each atomically). Baseline: writing the same number
of files with the same bytes with plain `open().write()`.
"""

from __future__ import annotations

import shutil
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from bench.common import AS_OF, SEED, Figure, Options, median, temp_home

TARGET_MS = 200.0
FORMATS = ("md", "txt", "html", "json")
"""With these, `write_run_summary` also writes actions.csv and actions.ics: every format."""


def run(options: Options) -> list[Figure]:
    repeats = 5 if options.quick else 25
    home = temp_home("summary")
    try:
        store, run_id, results = _scripted_day(home)
        timed: list[float] = []
        plain: list[float] = []
        written: list[Path] = []
        from tuneup_tui.report.write import write_run_summary

        for i in range(repeats):
            out = home / f"out-{i}"
            started = time.perf_counter()
            written = write_run_summary(store, run_id, out, FORMATS, panel_results=results)
            timed.append(time.perf_counter() - started)
            plain.append(_plain_writes(written, home / f"plain-{i}"))
        store.close()
        sizes = {p.name: p.stat().st_size for p in written}
    finally:
        shutil.rmtree(home, ignore_errors=True)
    return [Figure(
        name="summary: full day, every format", value=median(timed) * 1000, unit="ms",
        baseline=median(plain) * 1000, target=TARGET_MS, target_on="value", strict=True,
        baseline_label="plain writes of the same bytes",
        note=f"median of {repeats}; {len(sizes)} files, {sum(sizes.values()):,} bytes",
        extra={"files": sizes, "max_ms": round(max(timed) * 1000, 1)},
    )]


def _plain_writes(files: list[Path], folder: Path) -> float:
    """Seconds to write the same files' bytes with plain writes."""
    payloads = [(p.name, p.read_bytes()) for p in files]
    folder.mkdir(parents=True)
    started = time.perf_counter()
    for name, data in payloads:
        with open(folder / name, "wb") as handle:
            handle.write(data)
    return time.perf_counter() - started


def _scripted_day(home: Path) -> tuple[Any, int, dict[str, Any]]:
    """A finished full day in a fresh store, and the panels of its data."""
    from tuneup_tui.agenda.builtins import resolve_agenda
    from tuneup_tui.agenda.clock import FakeClock
    from tuneup_tui.agenda.load import load_agenda
    from tuneup_tui.data.sample.generate import generate_sample
    from tuneup_tui.run.opening import NewRun, start_run
    from tuneup_tui.store.db import RunStore

    path = resolve_agenda(None)
    agenda = load_agenda(path)
    pack = generate_sample(home / "pack", AS_OF, seed=SEED)
    clock = FakeClock(datetime.combine(AS_OF, agenda.sessions[0].start))
    store = RunStore(home / "tuneup.db", now=clock.now)
    live = start_run(agenda, store, clock, NewRun(
        agenda_toml=path.read_text(encoding="utf-8"), agenda_path=path, as_of=AS_OF,
        data_dir=pack, mode="facilitator", speed=1.0))
    live.start_if_due()
    people = [p for p in agenda.roster if p.casefold() not in ("everyone", "all")] or ["Dana"]
    run_id = live.run.id
    item = 0
    for index, session in enumerate(agenda.sessions):
        clock.advance(minutes=25 + (index % 3) * 5)
        if index % 4 == 1:
            live.extend(5)
        store.save_note(run_id, session.topic,
                        f"{session.topic}: what we saw, who knows the data, what to fix. " * 6)
        for name in session.record:
            store.record_figure(run_id, name, 1234.5 + index, session=session.topic)
        if session.panels:
            store.add_soft_spot(run_id, f"{session.topic} is off its average",
                                severity=("high", "medium", "low")[index % 3],
                                session=session.topic, owner=people[index % len(people)])
        for _ in range(3 if index < 10 else 0):
            item += 1
            store.add_action(run_id, f"Follow up {session.topic.lower()} ({item}) | check",
                             people[item % len(people)], due=AS_OF + timedelta(days=item),
                             session=session.topic)
        if index < len(agenda.sessions) - 1:
            live.next()
    live.end()
    return store, run_id, _panels(agenda, pack)


def _panels(agenda: Any, pack: Path) -> dict[str, Any]:
    from tuneup_tui.data.pack import DataPack
    from tuneup_tui.data.period import review_period
    from tuneup_tui.metrics.registry import run_panel
    from tuneup_tui.metrics.settings import panel_settings

    data = DataPack.open(pack)
    period = review_period(AS_OF, agenda.period)
    names = dict.fromkeys(n for s in agenda.sessions for n in s.panels)
    return {n: run_panel(n, data, period, panel_settings(agenda, n, AS_OF)) for n in names}
