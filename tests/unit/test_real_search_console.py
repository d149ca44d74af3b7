"""Search Console as it really exports: unspaced Filters ranges, the chart's daily counts added
up, Dates.csv, hourly rows. Figures worked out by hand from the fixture rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.real_fixtures import case, inspect, panel


def test_an_unspaced_month_range_dates_the_queries_and_the_chart_adds_up(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "search-console-month")
    # Filters.csv: Date,"Mar 1, 2026-Mar 31, 2026"; Dates.csv: 31 March 80 clicks of 1,000
    # impressions at position 5.0, every other March day 64 of 800 at 7.5
    monthly = panel(root, "site_health", "2026-04-01", capsys, agenda="monthly-tuneup.toml")
    figures = monthly["figures"]
    assert figures["seo_search_clicks"] == 80 + 30 * 64 == 2000
    assert figures["seo_search_impressions"] == 1000 + 30 * 800 == 25000
    assert figures["seo_search_ctr"] == pytest.approx(2000 / 25000)
    assert figures["seo_search_position"] == pytest.approx((5.0 * 1000 + 7.5 * 24000) / 25000)
    keywords = {row["keyword"]: row for row in monthly["tables"]["keywords"]}
    assert set(keywords) == {"example widgets", "widget\nrepair"}
    # a weekly review: the week of 23-29 March from the chart; the month of queries left out
    weekly = panel(root, "site_health", "2026-03-30", capsys)
    assert weekly["figures"]["seo_search_clicks"] == 7 * 64
    assert weekly["figures"]["seo_search_position"] == pytest.approx(7.5)
    assert ("Queries.csv has no date column and covers 2026-03-01..2026-03-31, more than one "
            "week: not split into weeks (export it with a Date dimension to see it by week)"
            ) in " ".join(weekly["notes"])


def test_a_year_range_without_spaces_is_read_and_used_by_no_review(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "search-console-year")
    out = inspect(root, capsys)
    assert "  period: 2025-01-01..2025-12-31\n" in out
    assert "  note: period from Filters.csv: 1 Jan 2025-31 Dec 2025\n" in out
    assert "more than one week and more than one month, so no review uses it" in out


def test_hourly_rows_are_added_up_into_days(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "search-console-hourly")
    site = panel(root, "site_health", "2026-07-06", capsys)
    figures = site["figures"]
    # 5 July: 21:00 4 of 40 at 3, 22:00 6 of 120 at 6, 23:00 none; 6 July is next week's
    assert figures["seo_search_clicks"] == 10
    assert figures["seo_search_impressions"] == 160
    assert figures["seo_search_ctr"] == pytest.approx(10 / 160)
    assert figures["seo_search_position"] == pytest.approx((3 * 40 + 6 * 120) / 160)
    assert "hourly rows added up into days" in inspect(root, capsys)


def test_a_filters_note_asks_for_no_period_once_one_is_set(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "search-console-last-28")
    out = inspect(root, capsys)
    assert "Last 28 days" not in out
    assert "  period: 2026-06-29..2026-07-05\n" in out
    site = panel(root, "site_health", "2026-07-06", capsys)
    keywords = {row["keyword"]: row for row in site["tables"]["keywords"]}
    assert keywords["example widgets"]["position"] == 3
