"""The codes the reader had for a big file's repeating text, handed to the panels: the same
codes and values as factorizing the column's cells, for the pack's own frame only, from the
file and from the cache of parsed sources; and every panel's figures the same with them as
without them."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tuneup_tui.data.read as read
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.source_cache import wait_for_writes
from tuneup_tui.metrics.codes import coded, column_codes, refactorized

LEADS = """lead_id,created_at,program,score,status,sent_to_sales_at,territory
L1,2026-11-16 09:00,Webinar ,40,Open,,East
L2,2026-11-16 10:00,Paid,55,Working,2026-11-17 09:00,West
L3,2026-11-17 11:00,Webinar,70,,2026-11-18 09:00,East
L4,2026-11-18 12:00, ,20,Open,,North
L5,2026-11-19 13:00,Paid,65,Working,2026-11-20 09:00,West
"""

DayJson = Callable[[Path], dict[str, str]]
"""The `day_json` fixture (conftest.py): every panel of a folder's pack as JSON text."""


def test_codes_with_a_text_twice_and_one_no_row_uses() -> None:
    # as the reader gives them: values stripped one by one, so "Webinar " and "Webinar" are
    # both "Webinar"; the blank value is used by no row (its cells are missing, code -1)
    codes = np.array([1, 3, 2, -1, 3], dtype=np.int8)
    values = ["", "Webinar", "Webinar", "Paid"]
    col = refactorized(codes, values)
    # the cells: Webinar, Paid, Webinar, missing, Paid; first rows: Webinar 0, Paid 1
    assert col.codes.tolist() == [0, 1, 0, -1, 1]
    assert col.values.tolist() == ["Webinar", "Paid"]
    cells = pd.Series(["Webinar", "Paid", "Webinar", None, "Paid"], dtype="str")
    assert col.codes.tolist() == coded(cells).codes.tolist()
    assert col.values.tolist() == coded(cells).values.tolist()


def test_a_value_first_held_far_down_the_column_keeps_its_place() -> None:
    # 200,000 rows: "East" (code 2) from row 0, "West" (code 0) from row 1, "North" (code 1)
    # only from row 150,000 on, past the first rows looked at
    codes = np.full(200_000, 2, dtype=np.int8)
    codes[1::2] = 0
    codes[150_000] = 1
    col = refactorized(codes, ["West", "North", "East"])
    assert col.values.tolist() == ["East", "West", "North"]
    assert col.codes[:3].tolist() == [0, 1, 0]
    assert col.codes[150_000] == 2
    assert np.bincount(col.codes).tolist() == [100_000 - 1, 100_000, 1]
    # every value held in the first rows, in the values' own order: the codes as they are
    same = refactorized(np.array([0, 1, 0, 2] * 1000, dtype=np.int8), ["a", "b", "c"])
    assert same.values.tolist() == ["a", "b", "c"]
    assert same.codes[:4].tolist() == [0, 1, 0, 2]


@pytest.fixture
def coded_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file is read as a big one: its repeating text comes as codes."""
    monkeypatch.setattr(read, "CODED_FROM", 0)


@pytest.mark.usefixtures("coded_reads")
def test_the_pack_hands_its_codes_for_its_own_frame_only(tmp_path: Path) -> None:
    (tmp_path / "leads.csv").write_text(LEADS, encoding="utf-8")
    for attempt in ("from the file", "from the cache"):
        pack = DataPack.open(tmp_path)
        leads = pack.frame("leads")
        given = pack.text_codes("leads", "program", leads)
        assert given is not None, attempt
        col = column_codes(pack, "leads", leads, "program")
        # Webinar (rows 0 and 2, one written with a space after), Paid, a blank: missing
        assert col.codes.tolist() == [0, 1, 0, -1, 1], attempt
        assert col.values.tolist() == ["Webinar", "Paid"], attempt
        picked = column_codes(pack, "leads", leads, "program", np.array([4, 3, 1]))
        assert picked.codes.tolist() == [1, -1, 1], attempt
        # a part of the frame is not the frame the codes are for
        assert pack.text_codes("leads", "program", leads.iloc[1:]) is None
        assert column_codes(pack, "leads", leads.iloc[1:], "program").values.tolist() == [
            "Paid", "Webinar"]
        assert pack.text_codes("leads", "lead_id", leads) is None  # ids are read as text
        wait_for_writes()


def test_every_panel_is_the_same_with_the_readers_codes(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, day_json: DayJson) -> None:
    from tuneup_tui.data.sample.generate import generate_sample

    folder = generate_sample(tmp_path / "pack", date(2026, 11, 23), scale=0.2, seed=11)
    plain = day_json(folder)
    monkeypatch.setattr(read, "CODED_FROM", 0)
    monkeypatch.setenv("TUNEUP_HOME", str(tmp_path / "other-home"))  # no cache entries
    with_codes = day_json(folder)
    pack = DataPack.open(folder)
    activities = pack.frame("activities")
    assert pack.text_codes("activities", "rep", activities) is not None
    assert with_codes == plain
    assert all('"error": null' in doc for doc in plain.values())
