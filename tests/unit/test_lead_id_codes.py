"""Ids that repeat (two million activities naming two hundred thousand leads) are coded once,
as the file is parsed: the cache keeps those codes, and the panels find each row's lead by
one integer lookup, each distinct id looked up once. The answers are the ones hashing each
row's id gives."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tuneup_tui.data.pack_parse as pack_parse
from tuneup_tui.data.cache_text import repeating_codes
from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics.codes import _numbered_in_order, refactorized
from tuneup_tui.metrics.lead_ids import positions_of_rows
from tuneup_tui.metrics.shared import lead_ids_coded, lead_rows_of, leads_once

DayJson = Callable[[Path], dict[str, str]]
"""The `day_json` fixture (conftest.py): every panel of a folder's pack as JSON text."""


def test_ids_that_repeat_are_coded_in_order_of_first_row() -> None:
    # 3,000 rows naming L3, L1, L2 in turn, then a missing id: codes by first row
    values = np.array([*(["L3", "L1", "L2"] * 1000)[:-1], np.nan], dtype=object)
    codes, uniques = repeating_codes(values) or (np.zeros(0), [])
    assert uniques == ["L3", "L1", "L2"]
    assert codes[:4].tolist() == [0, 1, 2, 0]
    assert codes[-1] == -1
    assert codes.dtype == np.int8  # three values: one byte a row
    # every id once: not coded (the cache keeps such a column as plain text)
    assert repeating_codes(np.array([f"L{i}" for i in range(5000)], dtype=object)) is None


def test_codes_numbered_in_order_of_first_row() -> None:
    assert _numbered_in_order(np.array([0, 1, 0, -1, 2, 1]), 3)
    assert not _numbered_in_order(np.array([1, 0]), 2)  # the first row holds value 1
    assert not _numbered_in_order(np.array([0, 2, 1]), 3)  # 2 before 1
    assert not _numbered_in_order(np.array([0, 1, 0]), 3)  # value 2 held by no row
    assert _numbered_in_order(np.array([-1, -1]), 0)
    # many values: the codes as they are, as factorizing the cells gives them
    codes = np.array([*range(5000), 4999, 0, -1, 17], dtype=np.int16)
    values = [f"L{i}" for i in range(5000)]
    col = refactorized(codes, values)
    cells = pd.Series([values[c] if c >= 0 else None for c in codes], dtype="str")
    want_codes, want_values = pd.factorize(cells)
    assert col.codes.tolist() == want_codes.tolist()
    assert col.values.tolist() == list(want_values)
    # many values out of order: put in order of first row
    swapped = codes.copy()
    swapped[:2] = [1, 0]
    col = refactorized(swapped, values)
    assert col.values[:3].tolist() == ["L1", "L0", "L2"]
    assert col.codes[:2].tolist() == [0, 1]
    assert col.codes[5001] == 1  # the row holding L0


def _activities(rows: int) -> pd.DataFrame:
    # rows name L4, L2, L9 (no such lead), L1, a missing id, L2, in turn
    names = ["L4", "L2", "L9", "L1", None, "L2"]
    return pd.DataFrame({
        "date": [f"2026-11-{16 + i % 7:02d} 09:00" for i in range(rows)],
        "rep": ["Ana"] * rows, "type": ["call"] * rows,
        "lead_id": [names[i % len(names)] for i in range(rows)],
    })


def _pack(rows: int) -> DataPack:
    leads = pd.DataFrame({
        "lead_id": ["L1", "L2", "L3", "L4"],
        "created_at": ["2026-11-02", "2026-11-03", "2026-11-04", "2026-11-05"],
        "program": ["Web"] * 4, "score": [10, 20, 30, 40], "status": ["Open"] * 4,
        "sent_to_sales_at": ["2026-11-10", None, "2026-11-11", "2026-11-12"],
        "territory": ["East"] * 4,
    })
    return DataPack.from_frames({"leads": leads, "activities": _activities(rows)})


def test_each_rows_lead_by_its_code() -> None:
    pack = _pack(6000)
    activities = pack.frame("activities")
    coded = lead_ids_coded(pack, "activities", activities)
    assert coded is not None
    # leads_once holds L1..L4 at positions 0..3; L9 and the missing id name none
    # row 7 names L2, row 6 L4
    assert lead_rows_of(pack, "activities", activities, np.array([7, 6])).tolist() == [1, 3]
    # only the ids those rows name were looked up: L2 and L4, not L9 or L1 (-2: not yet)
    looked = dict(zip(coded.ids.values.tolist(), coded.at.tolist(), strict=True))
    assert looked == {"L4": 3, "L2": 1, "L9": -2, "L1": -2}
    rows = np.array([0, 1, 2, 3, 4, 5, 5999, 10])  # 5999: L2; 10: missing
    assert lead_rows_of(pack, "activities", activities, rows).tolist() == [
        3, 1, -1, 0, -1, 1, 1, -1]
    looked = dict(zip(coded.ids.values.tolist(), coded.at.tolist(), strict=True))
    assert looked == {"L4": 3, "L2": 1, "L9": -1, "L1": 0}
    # ids of "L2" and above, by code point: L4, L2, L9 (L1 and the missing id not)
    assert coded.at_least("L2")[:6].tolist() == [True, True, True, False, False, True]
    # the same as hashing each row's id
    hashed = positions_of_rows(pack, leads_once(pack), activities, rows)
    assert hashed.tolist() == [3, 1, -1, 0, -1, 1, 1, -1]


def test_another_frame_hashes_its_ids() -> None:
    pack = _pack(6000)
    part = pack.frame("activities").iloc[:6]
    assert lead_ids_coded(pack, "activities", part) is None
    assert lead_rows_of(pack, "activities", part, np.arange(6)).tolist() == [
        3, 1, -1, 0, -1, 1]


def test_every_panel_is_the_same_with_the_ids_codes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, day_json: DayJson) -> None:
    from tuneup_tui.data.sample.generate import generate_sample

    folder = generate_sample(tmp_path / "pack", date(2026, 11, 23), scale=0.2, seed=5)
    pack = DataPack.open(folder)
    assert lead_ids_coded(pack, "activities", pack.frame("activities")) is not None
    with_codes = day_json(folder)
    monkeypatch.setattr(pack_parse, "repeating_codes", lambda values: None)
    monkeypatch.setenv("TUNEUP_HOME", str(tmp_path / "other-home"))  # no cache entries
    pack = DataPack.open(folder)
    assert lead_ids_coded(pack, "activities", pack.frame("activities")) is None
    assert day_json(folder) == with_codes
    assert all('"error": null' in doc for doc in with_codes.values())
