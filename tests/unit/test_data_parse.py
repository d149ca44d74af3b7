"""Parsing cells by column kind: numbers, dates, flags, text, and the bad-value errors."""

from __future__ import annotations

from datetime import datetime

import numpy as np
import pandas as pd
import pytest

from tuneup_tui.data.errors import BadValue
from tuneup_tui.data.parse import parse_column
from tuneup_tui.data.parse_dates import iso_bytes


def _parse(values: list[str], kind: str, **kw: object) -> list[object]:
    parsed = parse_column(pd.Series(values, dtype="str"), kind, **kw)  # type: ignore[arg-type]
    return [None if pd.isna(v) else v for v in parsed.values.tolist()]


@pytest.mark.parametrize(("text", "expected"), [
    ("1234", 1234.0),
    ("1,234", 1234.0),
    ('"1,234"', 1234.0),
    ("$1,234.56", 1234.56),
    ("£0.00", 0.0),
    ("US$ 12.50", 12.5),
    ("12.5%", 0.125),        # 12.5 / 100
    ("< 10%", 0.1),          # an upper bound taken at its value: 10 / 100
    ("(5.00)", -5.0),        # accounting negative
    ("-$3", -3.0),
    (" 42 ", 42.0),
    ("1.5e3", 1500.0),
])
def test_numbers_in_their_export_spellings(text: str, expected: float) -> None:
    assert _parse([text], "number") == [pytest.approx(expected)]


@pytest.mark.parametrize("text", ["", " --", "--", "n/a", "N/A", "null", "-"])
def test_missing_number_spellings_are_missing(text: str) -> None:
    assert _parse(["1", text], "number") == [1.0, None]


def test_numbers_come_back_as_float64_even_when_already_numeric() -> None:
    parsed = parse_column(pd.Series([1, 2, 3]), "integer")
    assert parsed.values.dtype == "float64"
    assert parsed.values.tolist() == [1.0, 2.0, 3.0]


def test_a_word_in_a_number_column_is_a_bad_value_at_its_position() -> None:
    with pytest.raises(BadValue) as info:
        _parse(["1", "2", "abc", "x"], "number")
    assert info.value.position == 2
    assert info.value.value == "abc"
    assert str(info.value) == "expected a number, found 'abc'"


def test_a_fraction_in_an_integer_column_is_bad() -> None:
    with pytest.raises(BadValue, match=r"expected a whole number, found '2\.5'"):
        _parse(["1", "2.5"], "integer")


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-16", datetime(2026, 11, 16)),
    ("20261116", datetime(2026, 11, 16)),
    ("Nov 16, 2026", datetime(2026, 11, 16)),
    ("November 16, 2026", datetime(2026, 11, 16)),
    ("16 Nov 2026", datetime(2026, 11, 16)),
    ("11/16/2026", datetime(2026, 11, 16)),
    ("16/11/2026", datetime(2026, 11, 16)),
    ("16-11-2026", datetime(2026, 11, 16)),
    ("16.11.2026", datetime(2026, 11, 16)),
])
def test_dates_in_their_export_spellings(text: str, expected: datetime) -> None:
    assert _parse([text], "date") == [expected]


@pytest.mark.parametrize(("text", "expected"), [
    ("2026-11-16 09:05", datetime(2026, 11, 16, 9, 5)),
    ("2026-11-16T09:05:00", datetime(2026, 11, 16, 9, 5)),
    ("2026-11-16T09:05:00Z", datetime(2026, 11, 16, 9, 5)),
    ("2026-11-16T09:05:00+02:00", datetime(2026, 11, 16, 9, 5)),  # wall clock kept
    ("11/16/2026 9:05 AM", datetime(2026, 11, 16, 9, 5)),
    ("11/16/2026 9:05 PM", datetime(2026, 11, 16, 21, 5)),         # 9 + 12
    ("11/16/2026 12:30 AM", datetime(2026, 11, 16, 0, 30)),        # 12 AM is midnight
    ("16/11/2026 17:45", datetime(2026, 11, 16, 17, 45)),
])
def test_date_times_in_their_export_spellings(text: str, expected: datetime) -> None:
    assert _parse([text], "datetime") == [expected]


def test_mixed_time_zone_suffixes_are_all_made_naive() -> None:
    values = _parse(["2026-11-16T09:05:00Z", "2026-11-16 10:00", "2026-11-17T08:00:00-05:00"],
                    "datetime")
    assert values == [datetime(2026, 11, 16, 9, 5), datetime(2026, 11, 16, 10, 0),
                      datetime(2026, 11, 17, 8, 0)]


def test_date_columns_drop_the_time_of_day() -> None:
    assert _parse(["2026-11-16 09:05"], "date") == [datetime(2026, 11, 16)]


def test_a_first_part_over_12_settles_the_column_as_day_first() -> None:
    # 16/11 can only be day-first, so 03/04 in the same column is 3 April.
    parsed = parse_column(pd.Series(["03/04/2026", "16/11/2026"], dtype="str"), "date")
    assert parsed.values.tolist() == [datetime(2026, 4, 3), datetime(2026, 11, 16)]
    assert parsed.notes == ()


def test_a_second_part_over_12_settles_the_column_as_month_first() -> None:
    parsed = parse_column(pd.Series(["03/04/2026", "11/16/2026"], dtype="str"), "date")
    assert parsed.values.tolist() == [datetime(2026, 3, 4), datetime(2026, 11, 16)]
    assert parsed.notes == ()


def test_ambiguous_dates_are_read_month_first_and_say_so() -> None:
    parsed = parse_column(pd.Series(["03/04/2026", "05/06/2026"], dtype="str"), "date")
    assert parsed.values.tolist() == [datetime(2026, 3, 4), datetime(2026, 5, 6)]
    assert len(parsed.notes) == 1
    assert "month-first" in parsed.notes[0] and "'03/04/2026'" in parsed.notes[0]


def test_a_date_order_given_settles_ambiguous_dates_without_a_note() -> None:
    parsed = parse_column(pd.Series(["03/04/2026"], dtype="str"), "date",
                          date_order="day-first")
    assert parsed.values.tolist() == [datetime(2026, 4, 3)]
    assert parsed.notes == ()


def test_a_column_mixing_both_orders_is_bad_at_the_contradicting_cell() -> None:
    with pytest.raises(BadValue) as info:
        _parse(["16/11/2026", "2026-11-17", "11/17/2026"], "date")
    assert info.value.position == 2
    assert info.value.value == "11/17/2026"


@pytest.mark.parametrize("text", ["tomorrow", "2026-13-45", "32/13/2026", "Nov 31, 2026"])
def test_impossible_dates_are_bad(text: str) -> None:
    with pytest.raises(BadValue) as info:
        _parse(["2026-11-16", "", text], "date")
    assert info.value.position == 2
    assert info.value.value == text
    assert "expected a date" in str(info.value)


def test_empty_dates_are_missing() -> None:
    assert _parse(["", "2026-11-16", "n/a"], "datetime") == [None, datetime(2026, 11, 16), None]


def test_flags() -> None:
    assert _parse(["1", "0", "true", "FALSE", "yes", "no", "x", "", "Y"], "flag") == [
        True, False, True, False, True, False, True, False, True]


def test_an_unknown_flag_is_bad() -> None:
    with pytest.raises(BadValue, match="expected a flag"):
        _parse(["1", "maybe"], "flag")


def test_text_is_stripped_and_empty_text_is_missing() -> None:
    assert _parse([" East ", "", "   ", "NA"], "text") == ["East", None, None, "NA"]


def test_many_rows_with_one_odd_spelling_are_read_per_distinct_value() -> None:
    # 100,000 plain numbers and one "1,234": the odd one goes the slow way, the rest don't.
    values = ["7"] * 100_000 + ["1,234"]
    parsed = _parse(values, "integer")
    assert parsed[-1] == 1234.0 and parsed[0] == 7.0 and len(parsed) == 100_001


# Dates as the canonical reader hands them over: fixed-width bytes (no Python string per cell).

def _cells(*cells: bytes) -> pd.Series:
    return pd.Series(np.array(cells, dtype="S40"))


def test_plain_iso_bytes_are_read_straight() -> None:
    cells = (b"2026-11-16", b"2026-11-16 09:05", b"2026-11-16T09:05:07", b"")
    parsed = iso_bytes(np.array(cells, dtype="S40"))
    assert parsed is not None
    assert [str(v) for v in parsed] == ["2026-11-16T00:00:00.000000",
                                        "2026-11-16T09:05:00.000000",
                                        "2026-11-16T09:05:07.000000", "NaT"]


@pytest.mark.parametrize("cell", [
    b"20261116",                   # numpy alone would read a year 20261116
    b"2026-11-16Z",                # numpy would refuse or convert: the general way keeps 09:05
    b"2026-11-16 09:05+02:00",
    b"2026-02-30",                 # no such day: said by the general way
    b"11/16/2026",
    b"2026-11-16 09:05:07.250",    # fractions of a second
    b"Nov 16, 2026",
])
def test_other_spellings_are_left_to_the_general_way(cell: bytes) -> None:
    assert iso_bytes(np.array([b"2026-11-16", cell], dtype="S40")) is None


def test_byte_cells_in_any_spelling_parse_as_text_cells_do() -> None:
    cells = _cells(b"2026-11-16T09:05:00+02:00", b"20261117", b"Nov 18, 2026", b"")
    parsed = parse_column(cells, "datetime").values
    assert [str(v) for v in parsed] == ["2026-11-16 09:05:00", "2026-11-17 00:00:00",
                                        "2026-11-18 00:00:00", "NaT"]


def test_a_bad_byte_cell_names_its_position() -> None:
    with pytest.raises(BadValue) as caught:
        parse_column(_cells(b"2026-11-16", b"", b"2026-02-30"), "date")
    assert (caught.value.position, caught.value.value) == (2, "2026-02-30")


def test_undecodable_bytes_in_a_date_are_a_bad_value_not_a_crash() -> None:
    with pytest.raises(BadValue) as caught:
        parse_column(_cells(b"2026-11-16", b"\xff\xfe junk"), "date")
    assert caught.value.position == 1


def test_a_date_cell_too_long_to_be_a_date_is_refused_not_cut() -> None:
    long_cell = b"Monday, November 16, 2026 at 9:05:00 AM Pacific Standard Time"
    with pytest.raises(BadValue) as caught:
        parse_column(_cells(b"2026-11-16", long_cell), "datetime")
    assert caught.value.position == 1
    assert caught.value.value == "Monday, November 16, 2026 at 9:05:00 AM …"
