"""Google Ads and Meta Ads Manager exports read as paid, row by row."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.preset_fixtures import dropped_of, notes_of, pack_with, rows
from tuneup_tui.data.errors import DataError
from tuneup_tui.data.presets.registry import read_source

PAID = ("date", "program", "channel", "site", "spend", "impressions", "clicks", "names")


def test_google_ads_campaign_report(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "google-ads/Campaign report.csv")
    # Line 2 "November 16, 2026 - November 22, 2026" dates the rows at 2026-11-16;
    # "1,024,071" -> 1024071; " --" impressions -> missing; Conversions "34.00" -> 34 names.
    assert rows(pack.frame("paid"), *PAID) == [
        ("2026-11-16", "Brand - Search", "Search", "Search", 1034.5, 12410.0, 808.0, 34.0),
        ("2026-11-16", "Generic - Display", "Display", "Display", 103606.77, 1024071.0,
         2150.0, 0.0),
        ("2026-11-16", "Retargeting", "Display", "Display", 0.0, None, 0.0, 0.0),
    ]
    dropped = dropped_of(pack, "paid")
    assert [d.split(" ")[1] for d in dropped] == ["7", "8", "9", "10"]
    assert all(d.endswith(": totals row") for d in dropped)
    assert "'Total: Account'" in dropped[-1]
    table = read_source(pack.discovery().files["paid"][0])
    assert table.variant == ("Google Ads campaign report, November 16, 2026 - "
                             "November 22, 2026")


def test_google_ads_all_time_needs_a_period(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "google-ads/all-time/Campaign report.csv")
    with pytest.raises(DataError, match=r"no date column and no period: the report covers "
                                        r"All time, which no review period can use"):
        pack.frame("paid")
    dated = pack_with(tmp_path / "b", "google-ads/all-time/Campaign report.csv",
                      toml='period = "2026-W46"\n')
    # 2026-W46 starts Monday 2026-11-09; Total: Account dropped.
    assert rows(dated.frame("paid"), *PAID) == [
        ("2026-11-09", "Brand - Search", "Search", "Search", 1034.5, 12410.0, 808.0, 34.0)]


def test_meta_ads_campaigns_export(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "meta/Example-Co-Campaigns-Nov-16-2026-Nov-22-2026.csv")
    # Reporting starts -> date; Amount spent (USD) -> spend; Link clicks -> clicks;
    # Results -> names (blank: missing).
    assert rows(pack.frame("paid"), *PAID) == [
        ("2026-11-16", "Webinar - Lookalike", "Meta", "facebook.com", 180.04, 15230.0, 311.0,
         14.0),
        ("2026-11-16", "Ebook - Retargeting", "Meta", "facebook.com", 45.5, 2004.0, 0.0, None),
    ]


def test_meta_ads_without_clicks_says_so(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "meta/no-clicks/Example-Co-Campaigns.csv")
    assert rows(pack.frame("paid"), "spend", "clicks", "names") == [(20.0, 0.0, 3.0)]
    assert "clicks = 0" in notes_of(pack, "paid")


def test_meta_ads_no_data_available_is_an_empty_table(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "meta/no-data/Example-Co-Campaigns-empty.csv")
    frame = pack.frame("paid")
    assert len(frame) == 0 and list(frame.columns) == [*PAID, "currency"]
    assert dropped_of(pack, "paid") == ["line 1 'No data available.': no rows"]
