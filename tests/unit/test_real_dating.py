"""Files without a date column dated by their range, and one bad file never taking its source
down: the figures worked out by hand from the fixture rows (tests/fixtures/exports/real)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.real_fixtures import case, inspect, panel

# as of Monday 2026-07-06 the review week is 2026-06-29..2026-07-05 (ISO week 27)
AS_OF = "2026-07-06"
STRADDLE = ("ga4-traffic.csv has no date column and covers 2026-06-25..2026-07-02, more than "
            "one week: not split into weeks (export it with a Date dimension to see it by week)")


def test_a_range_longer_than_the_week_is_one_line_not_an_invented_week(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "ga4-straddle")
    traffic = panel(root, "traffic", AS_OF, capsys)
    # the only traffic file covers Thu 25 June to Thu 2 July: no week can hold it
    assert traffic["error"] == f"traffic: {STRADDLE}"
    assert traffic["figures"] == {}
    out = inspect(root, capsys)
    assert ("  note: dated by its range 2026-06-25..2026-07-02: more than one week and more "
            "than one month, so no review uses it (export it with a Date dimension)\n") in out
    assert "  rows: 2\n" in out  # no invented dates


def test_a_year_long_export_is_left_out_and_the_dated_file_beside_it_carries_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "ga4-year-beside-dated")
    traffic = panel(root, "traffic", AS_OF, capsys)
    assert traffic["error"] is None
    # the daily file's week 27 rows: 2026-06-30 150 sessions 6 key events, 2026-07-01 50 and 1
    assert traffic["figures"]["sessions"] == 150 + 50
    assert traffic["figures"]["goal_completions"] == 6 + 1
    assert ("ga4-12-months.csv has no date column and covers 2025-07-01..2026-06-30, more than "
            "one week: not split into weeks (export it with a Date dimension to see it by "
            "week)") in traffic["notes"]


def test_a_range_that_is_the_review_week_is_used(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "ga4-week")
    traffic = panel(root, "traffic", AS_OF, capsys)
    assert traffic["error"] is None
    assert traffic["figures"]["sessions"] == 910 + 240
    assert traffic["figures"]["goal_completions"] == 21 + 4
    assert not [n for n in traffic["notes"] if "no date column" in n]


def test_an_all_time_report_is_set_aside_and_the_dated_one_beside_it_is_used(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "ads-all-time-beside-dated")
    paid = panel(root, "paid", AS_OF, capsys)
    assert paid["error"] is None
    figures = paid["figures"]
    # the week's report: Brand 250.00 / 1,200 impr. / 100 clicks / 5 conv.; Generic 150.00 /
    # 40,000 / 60 / 0; the All time report (10,345.00) is not added to the week
    assert figures["spend"] == 400.0
    assert figures["impressions"] == 41200
    assert figures["clicks"] == 160
    assert figures["names"] == 5
    assert figures["cpc"] == pytest.approx(400 / 160)
    assert figures["ctr"] == pytest.approx(160 / 41200)
    aside = [n for n in paid["notes"] if "set aside" in n]
    assert aside == ["Campaign report (1).csv: set aside, has no date column and no period: the "
                     "report covers All time, which no review period can use: download it for "
                     "one week or month (or segmented by Day)"]
    out = inspect(root, capsys)
    assert "  paid: 2 rows, 2026-06-29..2026-07-05; set aside: Campaign report (1).csv\n" in out


def test_a_file_with_no_period_is_told_the_week_before_it_was_saved(tmp_path: Path) -> None:
    import os

    from tuneup_tui.data.errors import DataError
    from tuneup_tui.data.pack import DataPack

    root = tmp_path / "pack"
    root.mkdir()
    crawl = root / "client_error_(4xx).csv"
    crawl.write_text('"Address","Content Type","Status Code","Status","Inlinks"\n'
                     '"https://www.example.com/gone","text/html","404","Not Found","3"\n',
                     encoding="utf-8")
    # saved on Wednesday 2026-03-18: the week before is 2026-W11, the month 2026-02
    saved = 1773835200  # 2026-03-18 12:00 UTC
    os.utime(crawl, (saved, saved))
    with pytest.raises(DataError, match=r'set period = "2026-W11" \(or "2026-02", the week and '
                                        r"month before the file was saved\)"):
        DataPack.open(root).frame("pages_404")
