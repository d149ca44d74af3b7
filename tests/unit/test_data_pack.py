"""The data pack: reading sources lazily, typed, one source's trouble staying its own."""

from __future__ import annotations

import threading
from datetime import date, datetime
from pathlib import Path

import pandas as pd
import pytest

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.pack_parse import parse_table
from tuneup_tui.data.period import Period
from tuneup_tui.data.raw import RawTable
from tuneup_tui.data.sources import SOURCES

TRAFFIC = ("date,source,medium,sessions,goal_completions\n"
           "2026-11-16,google,cpc,\"1,200\",30\n"
           "2026-11-17,bing,cpc,400, --\n")
TERRITORIES = "territory,rep\nEast,Alex Kim\nWest,Maria Garcia\n"


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    (tmp_path / "traffic.csv").write_text(TRAFFIC, encoding="utf-8")
    (tmp_path / "territories.csv").write_text(TERRITORIES, encoding="utf-8")
    return tmp_path


def test_a_source_is_read_typed_with_its_optional_columns_present(pack_dir: Path) -> None:
    traffic = DataPack.open(pack_dir).frame("traffic")
    assert list(traffic.columns) == [c.name for c in SOURCES["traffic"].columns]
    assert traffic["date"].tolist() == [datetime(2026, 11, 16), datetime(2026, 11, 17)]
    assert traffic["sessions"].tolist() == [1200.0, 400.0]
    assert traffic["goal_completions"].iloc[0] == 30.0
    assert pd.isna(traffic["goal_completions"].iloc[1])  # " --" is missing
    assert traffic["users"].isna().all() and traffic["channel"].isna().all()
    assert traffic["sessions"].dtype == "float64"


def test_has_tells_without_reading(pack_dir: Path) -> None:
    pack = DataPack.open(pack_dir)
    assert pack.has("traffic") and pack.has("territories")
    assert not pack.has("paid")


def test_a_missing_source_says_which_file_was_expected(pack_dir: Path) -> None:
    with pytest.raises(DataError) as info:
        DataPack.open(pack_dir).frame("paid")
    assert info.value.detail == (f"no paid data: expected paid.csv in {pack_dir} "
                                 "(or a recognised export)")
    assert str(info.value).startswith("paid: no paid data")


def test_an_unknown_source_lists_the_known_ones(pack_dir: Path) -> None:
    with pytest.raises(DataError, match="unknown source; known: traffic, social"):
        DataPack.open(pack_dir).frame("twitter")


def test_a_bad_value_names_source_file_line_and_column(pack_dir: Path) -> None:
    (pack_dir / "leads.csv").write_text(
        "lead_id,created_at,program,score,status,sent_to_sales_at,territory\n"
        + "".join(f"L{i},2026-11-16,Web,50,New,,East\n" for i in range(10))
        + "L10,2026-11-16,Web,abc,New,,East\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        DataPack.open(pack_dir).frame("leads")
    # header on line 1, ten good rows on lines 2-11, the bad one on line 12
    assert str(info.value) == (f"leads ({pack_dir / 'leads.csv'}) row 12, column 'score': "
                               "expected a number, found 'abc'")


def test_one_broken_source_does_not_affect_another(pack_dir: Path) -> None:
    (pack_dir / "social.csv").write_bytes(b"\x00\x01\x02garbage")
    pack = DataPack.open(pack_dir)
    with pytest.raises(DataError):
        pack.frame("social")
    assert len(pack.frame("traffic")) == 2
    with pytest.raises(DataError):  # the error is remembered, not read again
        pack.frame("social")
    assert set(pack.errors()) == {"social"}


def test_frames_are_read_once_and_shared_between_threads(pack_dir: Path) -> None:
    pack = DataPack.open(pack_dir)
    seen: list[int] = []

    def read() -> None:
        seen.append(id(pack.frame("traffic")))

    threads = [threading.Thread(target=read) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(seen) == 8 and len(set(seen)) == 1


def test_from_frames_takes_text_or_typed_columns_through_the_same_checks() -> None:
    pack = DataPack.from_frames({
        "traffic": pd.DataFrame({"Date": ["2026-11-16"], "source": ["google"],
                                 "medium": ["cpc"], "sessions": ["1,000"],
                                 "goal_completions": [25]}),
        "territories": pd.DataFrame({"territory": ["East"]}),
    })
    traffic = pack.frame("traffic")
    assert traffic["sessions"].tolist() == [1000.0]
    assert traffic["goal_completions"].tolist() == [25.0]
    assert traffic["date"].tolist() == [datetime(2026, 11, 16)]
    with pytest.raises(DataError, match=r"missing column\(s\) rep; found: territory"):
        pack.frame("territories")
    with pytest.raises(DataError, match="no paid data in this pack"):
        pack.frame("paid")
    assert pack.has("traffic") and not pack.has("paid")


def test_a_file_without_dates_is_dated_at_its_periods_start() -> None:
    week = Period(date(2026, 11, 16), date(2026, 11, 22))
    raw = RawTable(source="traffic", file=Path("ga4.csv"), preset="ga4",
                   frame=pd.DataFrame({"source": ["google"], "medium": ["organic"],
                                       "sessions": ["120"], "goal_completions": ["3"]}),
                   period=week)
    parsed = parse_table(raw, SOURCES["traffic"])
    assert parsed.frame["date"].tolist() == [datetime(2026, 11, 16)]


def test_a_preset_table_without_a_line_index_counts_from_its_first_data_line() -> None:
    raw = RawTable(source="territories", file=Path("report.csv"), preset="salesforce",
                   frame=pd.DataFrame({"territory": ["East", ""], "rep": ["a", "b"]}),
                   first_data_line=5)
    assert parse_table(raw, SOURCES["territories"]).frame["territory"].isna().tolist() == [
        False, True]
    bad = RawTable(source="crm", file=Path("report.csv"), preset="salesforce",
                   frame=pd.DataFrame({c: ["1", "maybe"] for c in SOURCES["crm"].required}),
                   first_data_line=5)
    with pytest.raises(DataError, match=r"row 5, column 'first_touch_at'"):
        parse_table(bad, SOURCES["crm"])


def test_ambiguous_dates_leave_a_note_on_the_source(tmp_path: Path) -> None:
    (tmp_path / "database.csv").write_text("date,contacts\n03/04/2026,100\n", encoding="utf-8")
    pack = DataPack.open(tmp_path)
    assert pack.frame("database")["date"].tolist() == [datetime(2026, 3, 4)]
    assert len(pack.notes("database")) == 1
    assert pack.notes("database")[0].startswith("column 'date': dates like '03/04/2026'")


def test_describe_says_what_each_source_holds(pack_dir: Path) -> None:
    (pack_dir / "seo.csv").write_text("date,metric\n", encoding="utf-8")
    described = DataPack.open(pack_dir).describe()
    assert set(described) == set(SOURCES)
    traffic = described["traffic"]
    assert traffic.ok and traffic.rows == 2 and traffic.preset == "canonical"
    assert (traffic.first_date, traffic.last_date) == (date(2026, 11, 16), date(2026, 11, 17))
    assert traffic.files == (str(pack_dir / "traffic.csv"),)
    assert described["territories"].first_date is None  # not a dated source
    assert described["seo"].error is not None and "missing column(s) value" in described[
        "seo"].error
    assert described["paid"].error is not None and "expected paid.csv" in described[
        "paid"].error


def test_padded_cells_and_trailing_commas_are_tidied(tmp_path: Path) -> None:
    (tmp_path / "territories.csv").write_text("territory,rep,\nEast , Alex Kim ,\nWest,Maria,\n",
                                              encoding="utf-8")
    territories = DataPack.open(tmp_path).frame("territories")
    assert territories["territory"].tolist() == ["East", "West"]
    assert territories["rep"].tolist() == ["Alex Kim", "Maria"]


def test_a_number_too_large_to_hold_is_a_bad_value() -> None:
    import pandas as pd

    from tuneup_tui.data.errors import DataError
    from tuneup_tui.data.pack import DataPack

    pack = DataPack.from_frames(
        {"database": pd.DataFrame({"date": ["2026-11-16"], "contacts": ["1e400"]})})
    try:
        pack.frame("database")
    except DataError as err:
        assert str(err) == ("database row 2, column 'contacts': expected a whole number, "
                            "found '1e400'")
    else:
        raise AssertionError("1e400 was taken as a number")
