"""Reading canonical CSV files: encodings, line ends, delimiters, headers, and every error."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.read import read_canonical_csv

TRAFFIC_HEADER = "date,source,medium,sessions,goal_completions"


def _write(tmp_path: Path, name: str, data: bytes | str) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def test_bom_crlf_and_header_names_are_normalised(tmp_path: Path) -> None:
    text = "\ufeffDate, Source ,MEDIUM,Sessions,Goal Completions\r\n2026-11-16,google,cpc,10,1\r\n"
    raw = read_canonical_csv(_write(tmp_path, "traffic.csv", text), "traffic")
    assert list(raw.frame.columns) == ["date", "source", "medium", "sessions",
                                       "goal_completions"]
    assert raw.frame.iloc[0].tolist() == [b"2026-11-16", "google", "cpc", 10, 1]  # dates as bytes
    assert raw.preset == "canonical"
    assert list(raw.frame.index) == [2]  # the file line of the one data row


def test_quoted_fields_with_line_breaks_keep_real_line_numbers(tmp_path: Path) -> None:
    text = ("lead_id,created_at,program,score,status,sent_to_sales_at,territory,company\n"
            '1,2026-11-16,"Trade\nShow",50,New,,East,"Acme,\r\nInc"\n'
            "2,2026-11-16,Webinar,60,New,,West,Beta\n")
    raw = read_canonical_csv(_write(tmp_path, "leads.csv", text), "leads")
    assert raw.frame["program"].tolist() == ["Trade\nShow", "Webinar"]
    # Row 1 spans lines 2-4 (two line breaks inside quotes), so row 2 starts on line 5.
    assert list(raw.frame.index) == [2, 5]


def test_ids_keep_their_leading_zeros(tmp_path: Path) -> None:
    text = "territory,rep\n007,Alex Kim\n"
    raw = read_canonical_csv(_write(tmp_path, "territories.csv", text), "territories")
    assert raw.frame["territory"].tolist() == ["007"]


@pytest.mark.parametrize("delimiter", [";", "\t"])
def test_semicolon_and_tab_delimiters_are_detected(tmp_path: Path, delimiter: str) -> None:
    text = TRAFFIC_HEADER.replace(",", delimiter) + "\n"
    text += delimiter.join(["2026-11-16", "google", "cpc", "1,234", "1"]) + "\n"
    raw = read_canonical_csv(_write(tmp_path, "traffic.csv", text), "traffic")
    assert raw.frame["sessions"].tolist() == ["1,234"]


def test_unknown_columns_are_left_out(tmp_path: Path) -> None:
    text = "territory,rep,notes\nEast,Alex Kim,likes golf\n"
    raw = read_canonical_csv(_write(tmp_path, "territories.csv", text), "territories")
    assert list(raw.frame.columns) == ["territory", "rep"]


def test_a_header_only_file_has_no_rows(tmp_path: Path) -> None:
    raw = read_canonical_csv(_write(tmp_path, "territories.csv", "territory,rep\n"),
                             "territories")
    assert len(raw.frame) == 0


def test_utf16_with_a_bom_is_accepted(tmp_path: Path) -> None:
    path = _write(tmp_path, "territories.csv", "territory,rep\nEast,Zoë\n".encode("utf-16"))
    assert read_canonical_csv(path, "territories").frame["rep"].tolist() == ["Zoë"]


def test_missing_columns_are_listed_with_the_columns_found(tmp_path: Path) -> None:
    path = _write(tmp_path, "traffic.csv", "date,source,medium,sessions\n2026-11-16,a,b,1\n")
    with pytest.raises(DataError) as info:
        read_canonical_csv(path, "traffic")
    assert str(info.value) == (f"traffic ({path}): missing column(s) goal_completions; "
                               "found: date, source, medium, sessions")


def test_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataError, match=r"traffic \(.*traffic.csv\): file not found"):
        read_canonical_csv(tmp_path / "traffic.csv", "traffic")


@pytest.mark.parametrize("data", [b"", b"\n\n", b"\xef\xbb\xbf", b"  \r\n"])
def test_an_empty_file(tmp_path: Path, data: bytes) -> None:
    path = _write(tmp_path, "traffic.csv", data)
    with pytest.raises(DataError) as info:
        read_canonical_csv(path, "traffic")
    assert str(info.value) == f"traffic ({path}): the file is empty"


def test_windows_1252_text_is_read_with_a_note_naming_the_line(tmp_path: Path) -> None:
    data = "territory,rep\nEast,Alex\nWest,Zoë\n".encode("cp1252")
    path = _write(tmp_path, "territories.csv", data)
    raw = read_canonical_csv(path, "territories")
    assert list(raw.frame["rep"]) == ["Alex", "Zoë"]
    assert raw.notes == ("not UTF-8 (byte 0xeb in line 3): read as Windows-1252 (cp1252), the "
                         "legacy Windows encoding; check accented names",)


def test_bytes_neither_utf8_nor_windows_1252_name_the_header_line(tmp_path: Path) -> None:
    path = _write(tmp_path, "territories.csv", b"territory,rep\x81\nEast,Alex\n")
    with pytest.raises(DataError) as info:
        read_canonical_csv(path, "territories")
    assert str(info.value) == (f"territories ({path}): not UTF-8 or Windows-1252 text (byte "
                               "0x81 in the header line); save it as UTF-8 CSV")


def test_random_bytes_are_a_clear_error(tmp_path: Path) -> None:
    import random

    data = bytes(random.Random(3).randrange(256) for _ in range(2000))
    path = _write(tmp_path, "traffic.csv", data)
    with pytest.raises(DataError) as info:
        read_canonical_csv(path, "traffic")
    message = str(info.value)
    assert message.startswith(f"traffic ({path})")
    assert "\n" not in message


def test_a_spreadsheet_saved_as_csv_by_mistake_is_not_text(tmp_path: Path) -> None:
    path = _write(tmp_path, "traffic.csv", b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 100)
    with pytest.raises(DataError, match="not a CSV text file"):
        read_canonical_csv(path, "traffic")


def test_a_row_with_too_many_fields_names_its_line(tmp_path: Path) -> None:
    text = "territory,rep\nEast,Alex\nWest,Maria,extra\n"
    path = _write(tmp_path, "territories.csv", text)
    with pytest.raises(DataError) as info:
        read_canonical_csv(path, "territories")
    assert str(info.value) == f"territories ({path}) row 3: expected 2 fields, found 3"


def test_a_column_twice_in_the_header(tmp_path: Path) -> None:
    path = _write(tmp_path, "territories.csv", "territory,rep,Rep\nEast,a,b\n")
    with pytest.raises(DataError, match="column 'rep' appears twice"):
        read_canonical_csv(path, "territories")


def test_padding_is_noticed_so_the_parser_trims_it(tmp_path: Path) -> None:
    clean = read_canonical_csv(_write(tmp_path, "territories.csv",
                                      "territory,rep\nEast,Alex Kim\n"), "territories")
    padded = read_canonical_csv(_write(tmp_path, "t2.csv", "territory,rep\nEast ,Alex Kim\n"),
                                "territories")
    assert clean.frame.attrs["clean_text"] is True
    assert padded.frame.attrs["clean_text"] is False


def test_blank_lines_are_skipped_and_later_rows_keep_their_lines(tmp_path: Path) -> None:
    text = "territory,rep\nEast,Alex\n\nWest,Maria\n\n"
    raw = read_canonical_csv(_write(tmp_path, "territories.csv", text), "territories")
    assert raw.frame["rep"].tolist() == ["Alex", "Maria"]
    assert list(raw.frame.index) == [2, 4]  # line 3 is blank


def test_a_file_with_carriage_returns_only_reads(tmp_path: Path) -> None:
    from tuneup_tui.data.pack import DataPack

    (tmp_path / "traffic.csv").write_bytes(
        b"date,source,medium,sessions,goal_completions\r2026-11-16,google,cpc,10,1\r")
    frame = DataPack.open(tmp_path).frame("traffic")
    assert list(frame["sessions"]) == [10.0]


def test_a_lone_carriage_return_before_junk_is_a_missing_column_error(tmp_path: Path) -> None:
    from tuneup_tui.data.errors import DataError
    from tuneup_tui.data.pack import DataPack

    (tmp_path / "activities.csv").write_bytes(b"\r\x01")
    with pytest.raises(DataError, match="missing column"):
        DataPack.open(tmp_path).frame("activities")


LEADS_HEADER = "lead_id,created_at,program,score,status,sent_to_sales_at,territory,email,company"


def test_reference_columns_are_not_loaded(tmp_path: Path) -> None:
    # email and company are known (checked by name) but no figure reads them.
    text = (LEADS_HEADER + ",fax\n"
            "L1,2026-11-16,Webinar,50,New,,East,a@x.example,Acme,555\n"
            "L2,2026-11-17,Website,60,New,,West,b@y.example,Beta,556\n")
    raw = read_canonical_csv(_write(tmp_path, "leads.csv", text), "leads")
    assert list(raw.frame.columns) == ["lead_id", "created_at", "program", "score", "status",
                                       "sent_to_sales_at", "territory"]
    assert raw.frame["program"].tolist() == ["Webinar", "Website"]
    assert list(raw.frame.index) == [2, 3]


@pytest.mark.parametrize("quoted", [False, True])
def test_a_field_too_many_is_caught_with_skipped_columns(tmp_path: Path, quoted: bool) -> None:
    # Line 3 has ten fields against the header's nine: the byte count (8 commas a line) does
    # not add up, so the file is read whole and the parser names the line. Quotes anywhere
    # also mean a whole read.
    company = '"Beta"' if quoted else "Beta"
    text = (LEADS_HEADER + "\n"
            "L1,2026-11-16,Webinar,50,New,,East,a@x.example,Acme\n"
            f"L2,2026-11-17,Website,60,New,,West,b@y.example,{company},extra\n")
    with pytest.raises(DataError) as caught:
        read_canonical_csv(_write(tmp_path, "leads.csv", text), "leads")
    assert str(caught.value) == (f"leads ({tmp_path / 'leads.csv'}) row 3: "
                                 "expected 9 fields, found 10")


def test_blank_lines_and_crlf_with_reference_columns(tmp_path: Path) -> None:
    # A blank line holds no delimiter, so the byte count does not add up and the file is read
    # whole: rows and their lines are the same either way.
    text = (LEADS_HEADER + "\r\n"
            "L1,2026-11-16,Webinar,50,New,,East,a@x.example,Acme\r\n\r\n"
            "L2,2026-11-17,Website,60,New,,West,b@y.example,Beta\r\n\r\n")
    raw = read_canonical_csv(_write(tmp_path, "leads.csv", text), "leads")
    assert raw.frame["lead_id"].tolist() == ["L1", "L2"]
    assert raw.frame["territory"].tolist() == ["East", "West"]
    assert list(raw.frame.index) == [2, 4]
    assert "email" not in raw.frame.columns
