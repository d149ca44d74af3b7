"""The byte census of a CSV file: lines, delimiters and padded cells, counted by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuneup_tui.data import census as census_module
from tuneup_tui.data.census import Census, census, start_census
from tuneup_tui.data.errors import DataError
from tuneup_tui.data.read import read_canonical_csv


def test_lines_and_delimiters_are_counted_up_to_the_content() -> None:
    # 3 lines (the trailing blank lines do not count), 2 commas a line.
    got = census(b"a,b,c\n1,2,3\n4,5,6\n\n\n", ",")
    assert got == Census(lines=3, delimiters=6, padded=False, quoted=False)
    assert got.plain(3)
    assert not got.plain(2)


def test_a_file_without_a_final_line_end() -> None:
    assert census(b"a;b\n1;2", ";") == Census(lines=2, delimiters=2, padded=False, quoted=False)


def test_quotes_the_reader_looked_for_are_not_looked_for_again() -> None:
    # Counted by hand: 2 lines, 1 comma each; `" x"` starts a quoted cell with a space.
    data = b'a,b\n" x",y\n'
    assert census(data, ",") == census(data, ",", quoted=True) == Census(
        lines=2, delimiters=2, padded=True, quoted=True)
    assert start_census(b"a,b\n1,2\n", ",", quoted=False).result() == Census(
        lines=2, delimiters=2, padded=False, quoted=False)


@pytest.mark.parametrize(("data", "padded"), [
    (b"a,b\nx ,y\n", True),       # space before a delimiter
    (b"a,b\nx,y \n", True),       # space before a line end
    (b"a,b\r\nx,y \r\n", True),   # space before a carriage return
    (b"a,b\nx,y\t\n", True),      # tab before a line end
    (b"a,b\nx,y ", True),         # space at the very end
    (b"a,b\nx y,z\n", False),     # a space inside a cell
    (b"a,b\nx, y\n", False),      # a leading space (the parser drops it)
    (b' a,b\nx,y\n', False),      # the file's first byte has nothing before it
    (b'a,b\n"x ",y\n', True),     # inside quotes, at the end
    (b'a,b\n" x",y\n', True),     # inside quotes, at the start
    (b'a,b\n"x",y\n', False),
])
def test_padding(data: bytes, padded: bool) -> None:
    assert census(data, ",").padded is padded


def test_a_tab_delimited_file_counts_tabs_and_a_tab_is_not_padding() -> None:
    got = census(b"a\tb\nx\ty\n", "\t")
    assert got == Census(lines=2, delimiters=2, padded=False, quoted=False)
    assert census(b"a\tb\nx \ty\n", "\t").padded


def test_quotes_are_noticed_and_make_the_counts_no_proof() -> None:
    got = census(b'a,b\n"x,1",y\n', ",")
    assert got.quoted
    assert got.delimiters == 3
    assert not got.plain(2)


def test_slices_are_seamless(monkeypatch: pytest.MonkeyPatch) -> None:
    # Slices of 4 bytes: the space of "x " ends one slice and its comma starts the next.
    monkeypatch.setattr(census_module, "SLICE", 4)
    data = b"ab,c\nx ,y\nzz,w\n"
    assert data[6:8] == b" ,"
    assert census(data, ",") == Census(lines=3, delimiters=3, padded=True, quoted=False)
    assert census(b"ab,c\nxy,z\nzz,w\n", ",") == Census(lines=3, delimiters=3, padded=False,
                                                          quoted=False)


def test_a_big_file_is_counted_in_the_background(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(census_module, "BACKGROUND_FROM", 10)
    data = b"a,b\n" + b"1,2\n" * 1000
    assert start_census(data, ",").result() == census(data, ",")
    assert census(data, ",").lines == 1001


LEADS_HEADER = "lead_id,created_at,program,score,status,sent_to_sales_at,territory,email,company"


def test_a_big_file_with_a_field_too_many_still_names_its_line(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Counted while pandas reads it without the reference columns: the count shows the wide
    # row afterwards, and the file is read again whole so the parser names the line.
    monkeypatch.setattr(census_module, "BACKGROUND_FROM", 10)
    row = "L{n},2026-11-16,Webinar,50,New,,East,a@x.example,Acme\n"
    rows = [row.format(n=n) for n in range(200)]
    rows[150] = rows[150].rstrip("\n") + ",extra\n"
    path = tmp_path / "leads.csv"
    path.write_text(LEADS_HEADER + "\n" + "".join(rows), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        read_canonical_csv(path, "leads")
    assert str(caught.value) == f"leads ({path}) row 152: expected 9 fields, found 10"


def test_a_big_plain_file_reads_its_columns_and_lines(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(census_module, "BACKGROUND_FROM", 10)
    rows = "".join(f"L{n},2026-11-16,Webinar,{n},New,,East,a@x.example,Acme \n"
                   for n in range(50))
    path = tmp_path / "leads.csv"
    path.write_text(LEADS_HEADER + "\n" + rows, encoding="utf-8")
    raw = read_canonical_csv(path, "leads")
    assert list(raw.frame.columns) == ["lead_id", "created_at", "program", "score", "status",
                                       "sent_to_sales_at", "territory"]
    assert list(raw.frame.index) == list(range(2, 52))
    assert raw.frame.attrs["clean_text"] is False  # "Acme " ends in a space


@pytest.mark.filterwarnings("ignore:This process .* is multi-threaded")  # Python 3.12+
def test_a_forked_child_counts_in_its_own_thread(monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    monkeypatch.setattr(census_module, "BACKGROUND_FROM", 10)
    data = b"a,b\n" + b"1,2\n" * 100
    assert start_census(data, ",").result().lines == 101  # the parent's pool is running
    pid = os.fork()
    if pid == 0:  # the child: a pool left from the parent would never run the count
        code = 1
        try:
            code = 0 if start_census(data, ",").result(timeout=5).lines == 101 else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
