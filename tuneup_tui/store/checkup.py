"""The run store's health, read without changing anything (`tuneup store check`)."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from tuneup_tui.store.health import (
    NotAStore,
    backups_dir,
    read_only,
    read_only_advice,
    refuse_if_not_a_store,
)
from tuneup_tui.store.schema import SCHEMA_VERSION


@dataclass
class StoreReport:
    """What `check_store` found: lines to print, and the trouble in one line (None if healthy)."""

    lines: list[str] = field(default_factory=list)
    trouble: str | None = None


def check_store(path: Path) -> StoreReport:
    """Check the store at `path` read-only: file, header, integrity, schema, contents, copies."""
    report = StoreReport([f"Run store: {path}"])
    if not path.exists():
        report.lines.append("  no store yet: `tuneup run` creates it")
        _copies(path, report)
        return report
    try:
        refuse_if_not_a_store(path)
        _inspect(path, report)
    except NotAStore as err:
        report.trouble = str(err)
    except sqlite3.Error as err:
        report.trouble = f"{path} is damaged or cannot be read ({err}); it is kept as it is"
    unwritable = read_only(path)
    if unwritable is not None:
        report.lines.append(f"  writable: no ({unwritable})")
        report.trouble = report.trouble or read_only_advice(path, unwritable)
    _copies(path, report)
    if report.trouble is not None:
        report.lines.append("  health: NOT OK (see the line below)")
    else:
        report.lines.append("  health: ok")
    return report


def _inspect(path: Path, report: StoreReport) -> None:
    report.lines.append(f"  size: {path.stat().st_size:,} bytes")
    # In a read-only folder SQLite can't make the shared-memory file a WAL store is read with;
    # nothing can write there either, so the file is read as it lies (immutable).
    frozen = "&immutable=1" if read_only(path) is not None else ""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro{frozen}", uri=True)
    try:
        problems = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        report.lines.append(f"  schema version: {version} (this tuneup: {SCHEMA_VERSION})")
        if problems != ["ok"]:
            report.lines.append("  integrity: " + "; ".join(problems[:5]))
            report.trouble = (f"{path} is damaged ({problems[0]}); it is kept as it is: "
                              "restore a copy, or move it aside to start a new store")
            return
        report.lines.append("  integrity: ok")
        if version > SCHEMA_VERSION:
            report.trouble = (f"{path} was written by a newer tuneup (schema {version}); "
                              "upgrade tuneup to open it")
            return
        if version >= 1:
            runs = conn.execute("SELECT COUNT(*) FROM runs").fetchone()[0]
            items = conn.execute("SELECT COUNT(*) FROM action_items").fetchone()[0]
            report.lines.append(f"  holds: {runs} runs, {items} action items")
    finally:
        conn.close()


def _copies(path: Path, report: StoreReport) -> None:
    folder = backups_dir(path)
    copies = sorted(folder.glob(f"{path.name}.v*.db")) if folder.is_dir() else []
    if not copies:
        report.lines.append(f"  copies kept before migrations: none yet (they go to {folder})")
        return
    report.lines.append(f"  copies kept before migrations ({folder}):")
    report.lines.extend(f"    {copy.name}  {copy.stat().st_size:,} bytes" for copy in copies)
