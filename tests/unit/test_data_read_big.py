"""A big file is read another way (repeating text as codes, a block of rows at a time, dates made
block by block): the pack's frames, notes and errors are the same as a small file's, and so is
what the cache of parsed sources gives back."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tuneup_tui.data.read as read
import tuneup_tui.data.read_blocks as read_blocks
import tuneup_tui.data.source_cache as source_cache
from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack

ACTIVITIES = (
    "date,rep,type,lead_id,outcome\n"
    "2026-11-16 09:05:00,Ana,call,L1,Connected\n"
    "2026-11-16 09:06,Ana ,email,L1,\n"
    "2026-11-17,Bo,call,L2, \n"
    "2026-11-17T10:00:00,Bo,call,L2,Left voicemail\n"
    "2026-11-18 11:00:00,,call,L3,Connected\n"
    "2026-11-18 12:00:00,Cy,meeting,L3,Connected\n"
    "2026-11-19 12:00:00,Cy,meeting,L4,Connected\n"
)
TERRITORIES = "territory,rep\n007,Ana\n007,Bo\n008,Cy\nEast,Dee\n"
LEADS = (
    "lead_id,created_at,program,score,status,sent_to_sales_at,territory,email\n"
    "L1,11/16/2026 9:05 AM,Webinar,72,Working,,East,a@x.example\n"
    "L2,11/17/2026,Webinär ✓,1020.5,Open,11/20/2026,,b@x.example\n"
    "L3,11/18/2026,Webinar,n/a,Open,,West,c@x.example\n"
)


def _pack(tmp_path: Path, files: dict[str, str]) -> Path:
    root = tmp_path / "pack"
    root.mkdir(exist_ok=True)
    for name, text in files.items():
        (root / name).write_text(text, encoding="utf-8")
    return root


def _frames(root: Path, sources: tuple[str, ...]) -> dict[str, pd.DataFrame | str]:
    pack = DataPack.open(root)
    out: dict[str, pd.DataFrame | str] = {}
    for source in sources:
        try:
            out[source] = pack.frame(source)
        except DataError as err:
            out[source] = str(err)
        out[f"{source} notes"] = repr(pack.notes(source))
    source_cache.wait_for_writes()
    return out


def _same(a: dict[str, pd.DataFrame | str], b: dict[str, pd.DataFrame | str]) -> None:
    assert a.keys() == b.keys()
    for key, value in a.items():
        if isinstance(value, pd.DataFrame):
            other = b[key]
            assert isinstance(other, pd.DataFrame)
            pd.testing.assert_frame_equal(value, other)
        else:
            assert value == b[key]


@pytest.mark.parametrize("block_rows", [2, 3, 1 << 18])
def test_a_big_file_gives_the_frames_a_small_one_does(
        tmp_path: Path, tuneup_home: Path, monkeypatch: pytest.MonkeyPatch,
        block_rows: int) -> None:
    root = _pack(tmp_path, {"activities.csv": ACTIVITIES, "territories.csv": TERRITORIES,
                            "leads.csv": LEADS})
    sources = ("activities", "territories", "leads")
    small = _frames(root, sources)
    assert small["territories"]["territory"].tolist() == ["007", "007", "008", "East"]
    monkeypatch.setattr(read, "CODED_FROM", 0)
    monkeypatch.setattr(read_blocks, "BLOCK_ROWS", block_rows)
    monkeypatch.setattr(source_cache, "reader_version", lambda: "big files read as codes")
    big = _frames(root, sources)
    _same(big, small)
    _same(_frames(root, sources), small)  # and back from the cache those opens wrote


def test_a_big_file_still_names_the_line_of_a_bad_row(
        tmp_path: Path, tuneup_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = ACTIVITIES + "2026-11-20 12:00:00,Cy,meeting,L4,Connected,extra\n"
    root = _pack(tmp_path, {"activities.csv": bad})
    small = _frames(root, ("activities",))
    assert "row 9: expected 5 fields, found 6" in str(small["activities"])
    monkeypatch.setattr(read, "CODED_FROM", 0)
    monkeypatch.setattr(read_blocks, "BLOCK_ROWS", 2)
    monkeypatch.setattr(source_cache, "reader_version", lambda: "big files read as codes")
    _same(_frames(root, ("activities",)), small)


def test_blocks_whose_text_pandas_took_for_numbers_are_read_whole() -> None:
    blocks = [pd.DataFrame({"t": pd.Series(["East", None], dtype="category")}),
              pd.DataFrame({"t": pd.Series([7, 7], dtype="category")})]
    assert read_blocks._joined(blocks) is None
    blocks = [pd.DataFrame({"t": pd.Series(["East", None], dtype="category")}),
              pd.DataFrame({"t": pd.Series([None, None], dtype="category")}),
              pd.DataFrame({"t": pd.Series(["West", "East"], dtype="category")})]
    joined = read_blocks._joined(blocks)
    assert joined is not None
    cells = joined["t"].astype(object).fillna("-").tolist()
    assert cells == ["East", "-", "-", "-", "West", "East"]
    assert list(joined["t"].cat.categories) == ["East", "West"]


@pytest.mark.parametrize("where", ["first row of the second half", "later"])
def test_a_row_with_a_field_too_many_is_named_wherever_the_halves_meet(
        tmp_path: Path, tuneup_home: Path, monkeypatch: pytest.MonkeyPatch, where: str) -> None:
    header = "date,rep,type,lead_id,outcome\n"
    rows = [f"2026-11-{16 + i % 7:02d} 09:05:00,Ana,call,L{i:03d},Connected\n" for i in range(40)]
    middle = read_blocks._middle((header + "".join(rows)).encode(), ",", 5)
    assert middle is not None
    bad = (middle - len(header)) // len(rows[0]) + (0 if where.startswith("first") else 3)
    rows[bad] = rows[bad].replace("Connected", "Connected,extra")
    root = _pack(tmp_path, {"activities.csv": header + "".join(rows)})
    small = _frames(root, ("activities",))
    assert f"row {bad + 2}: expected 5 fields, found 6" in str(small["activities"])
    monkeypatch.setattr(read, "CODED_FROM", 0)
    monkeypatch.setattr(read_blocks, "BLOCK_ROWS", 4)
    monkeypatch.setattr(source_cache, "reader_version", lambda: "big files read as codes")
    _same(_frames(root, ("activities",)), small)


def test_text_made_from_codes_is_the_str_column_pandas_makes() -> None:
    from tuneup_tui.data.parse import coded_text, text_column

    cells = np.array(["East", np.nan, "Wést", ""], dtype=object)
    pd.testing.assert_series_equal(text_column(cells), pd.Series(cells, dtype="str"))
    padded = pd.Series([" East", "East", None, "  ", "West "], dtype="category")
    text, codes, values = coded_text(padded)
    pd.testing.assert_series_equal(text, pd.Series(["East", "East", None, None, "West"],
                                                   dtype="str"))
    assert [values[c] if c >= 0 else None for c in codes] == ["East", "East", None, None, "West"]
