"""Broken exports: a clear one-line error for that source, and nothing else affected."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.preset_fixtures import notes_of, pack_dir, pack_with, rows
from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack


def _error(pack: DataPack, source: str) -> str:
    with pytest.raises(DataError) as info:
        pack.frame(source)
    message = str(info.value)
    assert "\n" not in message
    return message


def test_missing_column_names_the_closest_preset(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "broken/missing-column/ga4.csv", "mailchimp/campaigns.csv")
    (line,) = pack.discovery().unplaced
    assert line == ("broken/missing-column/ga4.csv: closest preset ga4 (GA4 traffic "
                    "acquisition), missing column(s) 'key events'")
    assert len(pack.frame("emails")) == 2  # nothing else affected


def test_missing_column_of_a_mapped_file_is_that_sources_error(tmp_path: Path) -> None:
    toml = '[sources.traffic]\nfiles = ["broken/missing-column/*.csv"]\npreset = "ga4"\n'
    pack = pack_with(tmp_path, "broken/missing-column/ga4.csv", "mailchimp/campaigns.csv",
                     toml=toml)
    message = _error(pack, "traffic")
    assert "missing column(s) for goal_completions from 'key events' or 'conversions'" in message
    assert "ga4.csv" in message
    assert len(pack.frame("emails")) == 2


def test_another_delimiter_on_a_row(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "broken/delimiter/campaigns.csv", "ga4/ga4-exploration.csv")
    message = _error(pack, "emails")
    assert message.endswith("campaigns.csv) row 3: expected 8 cells, found 2 (another "
                            "delimiter (';') than the header's?)")
    assert len(pack.frame("traffic")) == 2


def test_semicolon_file_is_read_by_its_own_delimiter(tmp_path: Path) -> None:
    root = pack_dir(tmp_path)
    text = (Path(__file__).parents[1] / "fixtures/exports/mailchimp/no-total/campaigns.csv"
            ).read_text(encoding="utf-8")
    (root / "campaigns.csv").write_text(text.replace(",", ";").replace("Nov 19; 2026",
                                                                         "Nov 19, 2026"))
    assert rows(DataPack.open(root).frame("emails"), "sent", "bounces") == [(900.0, 20.0)]


def test_truncated_file(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "broken/truncated/report1764062400001.csv", "meta")
    message = _error(pack, "leads")
    assert "row 3: expected 8 cells, found 3 (a truncated file?)" in message
    assert len(pack.frame("paid")) == 3


def test_windows_encoding_is_read_with_a_note(tmp_path: Path) -> None:
    name = "broken/cp1252/hubspot-crm-exports-all-contacts-2026-11-23.csv"
    pack = pack_with(tmp_path, name, "mailchimp/campaigns.csv")
    assert len(pack.frame("leads")) == 1
    assert "not UTF-8 (byte 0xeb in line 2): read as Windows-1252 (cp1252)" in notes_of(pack,
                                                                                     "leads")
    assert len(pack.frame("emails")) == 2


def test_utf16_without_bom_is_named_for_its_source(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "broken/utf16/campaigns.csv", "ga4/ga4-exploration.csv")
    message = _error(pack, "emails")
    assert "NUL bytes: UTF-16 without a byte-order mark" in message
    assert len(pack.frame("traffic")) == 2


def test_broken_binary_spreadsheets_ask_to_be_saved_as_xlsx_or_csv(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "broken/xls/example-co_content.xls")
    assert pack.discovery().unplaced == (
        "broken/xls/example-co_content.xls: not a readable .xls workbook (Cannot detect file "
        "format); save it again as .xlsx or CSV (UTF-8)",)
    toml = '[sources.social]\nfiles = ["broken/xls/*.xls"]\n'
    mapped = pack_with(tmp_path / "b", "broken/xls/example-co_content.xls", toml=toml)
    assert "save it again as .xlsx or CSV" in _error(mapped, "social")


def test_excel_resave_trailing_commas_and_dd_mm_yyyy(tmp_path: Path) -> None:
    root = pack_dir(tmp_path)
    # Excel re-save of a Mailchimp export: trailing empty cells, dates 19-11-2026 (day over
    # 12: day-first settled by the data).
    (root / "campaigns.csv").write_text(
        'Title,Send Date,Total Recipients,Successful Deliveries,Total Bounces,Unique Opens,'
        'Unique Clicks,Unsubscribes,,\n'
        'Webinar invite,19-11-2026,900,880,20,301,44,2,,\n'
        'Nurture,05-11-2026,100,90,1,30,4,0,,\n', encoding="utf-8")
    pack = DataPack.open(root)
    assert rows(pack.frame("emails"), "date", "campaign", "sent") == [
        ("2026-11-19", "Webinar invite", 900.0), ("2026-11-05", "Nurture", 100.0)]
    assert "dates read day-first" in " ".join(pack.notes("emails"))


def test_a_symlink_outside_the_pack_is_not_read(tmp_path: Path) -> None:
    outside = tmp_path / "outside.csv"
    outside.write_text("date,source,medium,sessions,goal_completions\n", encoding="utf-8")
    root = pack_dir(tmp_path)
    (root / "traffic-link.csv").symlink_to(outside)
    found = DataPack.open(root).discovery()
    assert found.unplaced == ("traffic-link.csv: links outside the pack; not read",)
    assert "traffic" not in found.files
