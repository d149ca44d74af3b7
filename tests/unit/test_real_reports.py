"""Reports that are not what they seem: GA4 pages and events, YouTube's Total row, Screaming
Frog's outbound links, Google Ads video reports, Facebook's legacy post export. Figures worked out
by hand from the fixture rows (tests/fixtures/exports/real)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.real_fixtures import case, inspect, panel

AS_OF = "2026-07-06"  # the review week is 2026-06-29..2026-07-05
NOT_TRAFFIC = ("GA4 report by page, screen or event: counts pages, screens or events, not visits "
               "by source, so it is not traffic: export Traffic acquisition (Session source / "
               "medium) for the traffic panel")


def test_ga4_pages_events_and_page_explorations_are_not_placed_and_traffic_carries_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "ga4-not-traffic")
    out = inspect(root, capsys)
    for name in ("Events_Event_name.csv", "Free_form_1.csv",
                 "Pages_and_screens_Page_path_and_screen_class.csv"):
        assert f"  {name}: {NOT_TRAFFIC}\n" in out
    assert "datapack.toml" not in out
    traffic = panel(root, "traffic", AS_OF, capsys)
    # only the traffic acquisition report: 910 + 240 sessions, 21 + 4 key events
    assert traffic["error"] is None
    assert traffic["figures"]["sessions"] == 1150
    assert traffic["figures"]["goal_completions"] == 25


def test_youtube_total_row_is_the_channels_figure(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "youtube-total")
    social = panel(root, "social", AS_OF, capsys)
    # Total: 2,000 views and 25 subscribers gained; the videos (1,200 + 330, 15 + 2) leave out
    # deleted and private ones, so they are not added up
    assert social["figures"]["video_views"] == 2000
    assert social["figures"]["followers"] == 25
    assert ("  dropped: lines 3-4: 2 video row(s): the Total row is the channel's figure (it "
            "counts deleted and private videos too)\n") in inspect(root, capsys)


def test_screaming_frog_outbound_links_are_not_the_sites_404s(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "screaming-frog-outbound")
    site = panel(root, "site_health", AS_OF, capsys)
    # example.com's three client errors (www. or not), one hit each whatever their Inlinks
    # (57, 3, 1): twitter.com (2), wa.me and a directory are outbound links
    assert site["figures"]["not_found_pages"] == 3
    assert site["figures"]["not_found_hits"] == 3
    urls = [row["url"] for row in site["tables"]["pages_404"]]
    assert sorted(urls) == ["https://example.com/blog/2019/launch",
                            "https://www.example.com/old-pricing",
                            "https://www.example.com/team/jo"]
    out = inspect(root, capsys)
    assert ("  dropped: 4 row(s) on other hosts than example.com: twitter.com (2), wa.me (1), "
            "biz-directory.example.net (1): outbound link problems, not the site's 404s\n") in out
    assert "  note: hits = 1 per URL: Inlinks counts the pages linking to it, not visits\n" in out


def test_a_crawl_of_many_rows_prints_a_few_lines(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "pack"
    root.mkdir()
    header = '"Address","Content Type","Status Code","Status","Inlinks"\n'
    ok = "".join(f'"https://www.example.com/p{i}","text/html","200","OK","2"\n'
                 for i in range(800))
    gone = "".join(f'"https://www.example.com/gone{i}","text/html","404","Not Found","1"\n'
                   for i in range(47))
    (root / "internal_all.csv").write_text(header + ok + gone, encoding="utf-8")
    (root / "datapack.toml").write_text('period = "2026-W27"\n', encoding="utf-8")
    out = inspect(root, capsys)
    dropped = [line for line in out.splitlines() if line.startswith("  dropped:")]
    # 800 rows with status 200: ten shown, then one line for the other 790
    assert len(dropped) == 11
    assert dropped[-1] == "  dropped: ... and 790 more row(s): status 200: not a client error"
    assert "  rows: 47\n" in out


def test_site_health_names_ten_new_404s_and_counts_the_rest(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "pack"
    root.mkdir()
    # 25 new pages in the week, page i hit 30 - i times (30 down to 6), none before
    rows = "".join(f"2026-07-01,https://www.example.com/gone{i},{30 - i}\n" for i in range(25))
    (root / "pages_404.csv").write_text("date,url,hits\n" + rows, encoding="utf-8")
    site = panel(root, "site_health", AS_OF, capsys)
    new = [f for f in site["findings"] if f["key"].startswith("new_404:")]
    assert len(new) == 11
    assert new[0]["key"] == "new_404:https://www.example.com/gone0"
    # ten named (hits 30 down to 21); the other 15 pages have hits 20 down to 6:
    # (20 + 6) * 15 / 2 = 195
    assert new[-1]["key"] == "new_404:more"
    assert new[-1]["figures"] == {"pages": 15, "hits": 195}


def test_google_ads_video_and_demand_gen_reports_take_interactions(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "google-ads-video")
    paid = panel(root, "paid", AS_OF, capsys)
    figures = paid["figures"]
    # Brand video 180.00 / 48,000 impr. / 3,600 interactions; Demand Gen 220.00 / 22,000 / 440
    assert figures["spend"] == 400.0
    assert figures["impressions"] == 70000
    assert figures["clicks"] == 3600 + 440
    assert figures["cpc"] == pytest.approx(400 / 4040)
    assert figures["ctr"] == pytest.approx(4040 / 70000)
    assert "clicks <- Interactions" in inspect(root, capsys)


def test_google_ads_without_campaign_type_says_where_site_came_from(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = inspect(case(tmp_path, "google-ads-no-type"), capsys)
    assert "channel <- (default 'Google Ads'); site <- (default 'Google Ads');" in out
    assert "site <- Campaign type" not in out


def test_facebook_legacy_post_level_export_is_placed(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "facebook-post-level")
    out = inspect(root, capsys)
    assert ("  taken as: social, preset facebook-posts (Facebook Page Insights post-level "
            "export (legacy))\n") in out
    assert "description row" in out
    social = panel(root, "social", AS_OF, capsys)
    # one post on 1 July, 61 engaged users
    assert social["figures"]["posts"] == 1
    assert social["figures"]["engagements"] == 61


def test_a_facebook_post_export_missing_columns_is_told_the_facebook_preset(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "pack"
    root.mkdir()
    (root / "posts.csv").write_text("Post ID,Permalink,Post Message,Type,Countries,Date\n"
                                    "1_2,https://www.facebook.com/1/posts/2,Hello,Photo,,"
                                    "07/01/2026\n", encoding="utf-8")
    out = inspect(root, capsys)
    assert "  posts.csv: closest preset facebook-posts (Meta Business Suite post export)" in out
