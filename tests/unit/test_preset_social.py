"""YouTube Studio, LinkedIn page analytics and Facebook exports read as social."""

from __future__ import annotations

from pathlib import Path

from tests.unit.preset_fixtures import dropped_of, notes_of, pack_with, rows

SOCIAL = ("date", "network", "followers", "engagements", "posts", "video_views")


def test_youtube_table_takes_the_total_row(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "youtube", toml='period = "2026-W47"\n')
    # the Total row is the channel's figure: 1530 views, 17 subscribers gained; the two video
    # rows are dropped in one line
    assert rows(pack.frame("social"), *SOCIAL) == [
        ("2026-11-16", "youtube", 17.0, 0.0, None, 1530.0),
    ]
    assert dropped_of(pack, "social") == [
        "lines 3-4: 2 video row(s): the Total row is the channel's figure (it counts deleted and "
        "private videos too)"]
    assert "net subscribers gained" in notes_of(pack, "social")


def test_linkedin_content_and_followers_saved_as_csv(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "linkedin")
    # engagements = clicks + reactions + comments + reposts (totals): 50+25+3+2 = 80 and
    # 25+10+1+0 = 36; the followers file gives 7 and 5 new followers.
    assert rows(pack.frame("social"), *SOCIAL) == [
        ("2026-11-16", "linkedin", None, 80.0, None, None),
        ("2026-11-17", "linkedin", None, 36.0, None, None),
        ("2026-11-16", "linkedin", 7.0, 0.0, None, None),
        ("2026-11-17", "linkedin", 5.0, 0.0, None, None),
    ]
    assert "description row" in dropped_of(pack, "social")[0]


def test_facebook_posts_and_page_insights(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "facebook")
    # Insights: lifetime likes as followers, engaged users as engagements (description row
    # dropped). Posts: 40+6+3 = 49 and "1,200"+0+1 = 1201, one post each; BOM and a
    # two-line caption handled; "09/28/2026 18:12" month-first.
    assert rows(pack.frame("social"), *SOCIAL) == [
        ("2026-11-16", "facebook", 5120.0, 61.0, None, None),
        ("2026-11-22", "facebook", 5131.0, 40.0, None, None),
        ("2026-09-28", "facebook", None, 49.0, 1.0, None),
        ("2026-11-16", "facebook", None, 1201.0, 1.0, None),
    ]
    assert dropped_of(pack, "social")[0].startswith("line 2 ")


def test_linkedin_content_downloaded_as_a_binary_xls_workbook(tmp_path: Path) -> None:
    # The same content file as the CSV above, as LinkedIn's XLS download (Excel 97-2003 binary,
    # its dates date cells): 50+25+3+2 = 80 and 25+10+1+0 = 36 engagements.
    pack = pack_with(tmp_path, "linkedin-xls")
    assert rows(pack.frame("social"), *SOCIAL) == [
        ("2026-11-16", "linkedin", None, 80.0, None, None),
        ("2026-11-17", "linkedin", None, 36.0, None, None),
    ]
    assert "description row" in dropped_of(pack, "social")[0]
