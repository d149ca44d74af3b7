"""GA4 and Universal Analytics exports read as traffic, row by row against hand-worked values."""

from __future__ import annotations

from pathlib import Path

from tests.unit.preset_fixtures import dropped_of, notes_of, pack_with, rows
from tuneup_tui.data.presets.registry import read_source

TRAFFIC = ("date", "source", "medium", "sessions", "goal_completions", "users", "channel")


def test_ga4_source_medium_without_date_takes_the_preamble_period(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "ga4/ga4-traffic-source-medium.csv")
    # "# Start date: 20261116" -> every row dated 2026-11-16; "google / cpc" split in two;
    # Key events -> goal_completions, Users -> users.
    assert rows(pack.frame("traffic"), *TRAFFIC) == [
        ("2026-11-16", "google", "organic", 1520.0, 38.0, 1180.0, None),
        ("2026-11-16", "(direct)", "(none)", 812.0, 21.0, 640.0, None),
        ("2026-11-16", "google", "cpc", 455.0, 12.0, 402.0, None),
        ("2026-11-16", "bing", "cpc", 233.0, 2.0, 210.0, None),
        ("2026-11-16", "newsletter", "email", 120.0, 9.0, 95.0, None),
    ]
    table = read_source(pack.discovery().files["traffic"][0])
    assert table.period is not None and str(table.period.end) == "2026-11-22"
    assert table.variant == "GA4 traffic acquisition, source / medium, no date column"


def test_ga4_channel_group_with_date_dimension_and_older_conversions(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "ga4/ga4-traffic-channel-dated.csv")
    # The channel is the source too, medium "(channel group)"; "Conversions" are the goals.
    assert rows(pack.frame("traffic"), *TRAFFIC) == [
        ("2026-11-16", "Organic Search", "(channel group)", 410.0, 11.0, 300.0, "Organic Search"),
        ("2026-11-17", "Organic Search", "(channel group)", 395.0, 9.0, 280.0, "Organic Search"),
        ("2026-11-16", "Paid Search", "(channel group)", 101.0, 4.0, 90.0, "Paid Search"),
        ("2026-11-22", "Direct", "(channel group)", 80.0, 1.0, 75.0, "Direct"),
    ]
    table = read_source(pack.discovery().files["traffic"][0])
    assert table.period is None  # the rows carry their dates
    assert table.variant == "GA4 traffic acquisition, channel, date column"


def test_ga4_exploration_range_line_and_grand_total_rows_are_dropped(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "ga4/ga4-exploration.csv")
    assert rows(pack.frame("traffic"), *TRAFFIC) == [
        ("2026-11-16", "google", "organic", 1400.0, 40.0, 1000.0, None),
        ("2026-11-16", "t.co", "referral", 331.0, 9.0, 300.0, None),
    ]
    dropped = dropped_of(pack, "traffic")
    assert dropped[0].startswith("line 9 ") and "grand total" in dropped[0]
    assert dropped[1].startswith("line 10 ") and "blank dimension" in dropped[1]


def test_universal_analytics_goals_totals_and_second_table(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "ua/analytics-all-web-site-data-source-medium.csv")
    # Goal completions = Goal 1 + Goal 2: 40 + 7 = 47; 10 + "1,001" = 1011; 0 + 0 = 0.
    # Sessions "3,215" -> 3215. Period "# 20150416-20150416" dates the rows.
    assert rows(pack.frame("traffic"), "date", "source", "medium", "sessions",
                "goal_completions") == [
        ("2015-04-16", "google", "organic", 3215.0, 47.0),
        ("2015-04-16", "(direct)", "(none)", 1024.0, 1011.0),
        ("2015-04-16", "facebook.com", "referral", 97.0, 0.0),
    ]
    dropped = " | ".join(dropped_of(pack, "traffic"))
    assert "line 11" in dropped and "totals row (blank dimension)" in dropped
    assert "lines 13-15: second table ('Day Index,Sessions')" in dropped
    assert "(Goal 1 Completions)" in notes_of(pack, "traffic")
