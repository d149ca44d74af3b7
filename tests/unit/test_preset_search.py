"""Search Console (performance, Not found (404)) and Screaming Frog 4xx exports."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.preset_fixtures import notes_of, pack_with, rows
from tuneup_tui.data.errors import DataError


def test_queries_dated_by_the_filters_file_beside_them(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "search-console/performance")
    # Filters.csv "Date,2026-11-16 - 2026-11-22": rows dated 2026-11-16. A query holds a
    # line break inside its quotes. CTR is not a keywords column.
    assert rows(pack.frame("keywords")) == [
        ("2026-11-16", "marketing ops tune up", 2.1, None, 12.0, 36.0),
        ("2026-11-16", "sales ops\nchecklist", 8.75, None, 3.0, 120.0),
        ("2026-11-16", "tuneup console", 31.0, None, 0.0, 14.0),
    ]
    assert "period from Filters.csv" in notes_of(pack, "keywords")
    skipped = " | ".join(pack.discovery().skipped)
    assert "performance/Pages.csv" in skipped and "performance/Filters.csv" in skipped


def test_performance_chart_is_long_form_seo(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "search-console/performance")
    seo = pack.frame("seo").sort_values(["metric", "date"], kind="stable")
    # "8.75%" -> 0.0875; two dates x four metrics = 8 rows.
    assert rows(seo) == [
        ("2026-11-16", "search_clicks", 7.0), ("2026-11-17", "search_clicks", 8.0),
        ("2026-11-16", "search_ctr", 0.0875), ("2026-11-17", "search_ctr", 0.0889),
        ("2026-11-16", "search_impressions", 80.0), ("2026-11-17", "search_impressions", 90.0),
        ("2026-11-16", "search_position", 5.5), ("2026-11-17", "search_position", 5.25),
    ]


def test_pages_mapped_as_keywords(tmp_path: Path) -> None:
    toml = ('[sources.keywords]\nfiles = ["search-console/performance/Pages.csv"]\n'
            'preset = "search-console-pages"\nperiod = "2026-W47"\n')
    pack = pack_with(tmp_path, "search-console/performance", toml=toml)
    assert rows(pack.frame("keywords")) == [
        ("2026-11-16", "https://www.example.com/", 4.2, "https://www.example.com/", 15.0,
         170.0)]


def test_not_found_table_and_chart(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "search-console/not-found")
    # hits = 1 per URL; the never-crawled URL (1969-12-31) is dated at the latest crawl,
    # 2026-11-20, as there is no period.
    assert rows(pack.frame("pages_404")) == [
        ("2026-11-18", "https://www.example.com/old-pricing", 1.0, None),
        ("2026-11-20", "https://www.example.com/ebook-2019", 1.0, None),
        ("2026-11-20", "https://www.example.com/team/jo", 1.0, None),
    ]
    assert "never crawled" in notes_of(pack, "pages_404")
    assert rows(pack.frame("seo")) == [("2026-11-16", "pages_404", 3.0),
                                       ("2026-11-22", "pages_404", 5.0)]


def test_same_named_chart_files_in_two_folders_are_told_apart(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "search-console")
    presets = sorted(f.preset for f in pack.discovery().files["seo"])
    assert presets == ["search-console-404-chart", "search-console-chart"]
    assert len(pack.frame("seo")) == 2 + 8


def test_screaming_frog_needs_the_pack_period(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "screaming-frog")
    with pytest.raises(DataError, match=r"no date column and no period"):
        pack.frame("pages_404")
    dated = pack_with(tmp_path / "b", "screaming-frog", toml='period = "2026-W47"\n')
    # one hit per URL (Inlinks count linking pages, not visits); the 200 row is not a client
    # error.
    assert rows(dated.frame("pages_404")) == [
        ("2026-11-16", "https://www.example.com/old-pricing", 1.0, None),
        ("2026-11-16", "https://www.example.com/team/jo", 1.0, None),
    ]
    assert "status 200: not a client error" in dated.describe()["pages_404"].dropped[0]
