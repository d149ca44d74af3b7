"""Helpers for the import preset tests: packs made of the export fixtures, rows as plain values.

The fixtures under tests/fixtures/exports/ are laid out like each tool's own download
(FORMATS.md); `pack_with` copies some of them into a fresh pack folder (with an optional
datapack.toml) and `rows` turns a parsed source into plain Python values to compare with
expected rows written by hand.
"""

from __future__ import annotations

import math
import shutil
from pathlib import Path
from typing import Any

import pandas as pd

from tuneup_tui.data.pack import DataPack

EXPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "exports"


def pack_dir(tmp_path: Path, *parts: str, toml: str | None = None) -> Path:
    """A pack folder holding copies of these fixture files or folders (and a datapack.toml)."""
    root = tmp_path / "pack"
    root.mkdir(parents=True, exist_ok=True)
    for part in parts:
        src = EXPORTS / part
        dest = root / part
        dest.parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, dest)
        else:
            shutil.copyfile(src, dest)
    if toml is not None:
        (root / "datapack.toml").write_text(toml, encoding="utf-8")
    return root


def pack_with(tmp_path: Path, *parts: str, toml: str | None = None) -> DataPack:
    return DataPack.open(pack_dir(tmp_path, *parts, toml=toml))


def _plain(value: Any) -> Any:
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat(sep=" ") if value != value.normalize() else str(value.date())
    return value


def rows(frame: pd.DataFrame, *columns: str) -> list[tuple[Any, ...]]:
    """The frame's rows as tuples of plain values (dates "2026-11-16", NaN/NA/NaT None)."""
    cols = columns or tuple(frame.columns)
    return [tuple(_plain(v) for v in rec) for rec in frame[list(cols)].itertuples(index=False)]


def notes_of(pack: DataPack, source: str) -> str:
    """Every note of a source's files, in one string to search."""
    return " | ".join(pack.notes(source))


def dropped_of(pack: DataPack, source: str) -> list[str]:
    return list(pack.describe()[source].dropped)
