"""Site health panel on a hand-made pack: period 2026-11-16..22, baseline W45 + W46."""

from __future__ import annotations

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.metrics.registry import run_panel

PAGES = [
    # /a: new, 100 + 20 = 120 hits -> high (>= 100)
    {"date": "2026-11-17", "url": "/a", "hits": 100, "referrer": "x.com"},
    {"date": "2026-11-18", "url": "/a", "hits": 20},
    # /b: seen in the baseline (3 hits in W46), 7 now -> not new
    {"date": "2026-11-17", "url": "/b", "hits": 7},
    {"date": "2026-11-10", "url": "/b", "hits": 3},
    # /c: new, 30 hits -> medium (>= 25); /d: new, 4 hits -> under 5, no finding
    {"date": "2026-11-19", "url": "/c", "hits": 30},
    {"date": "2026-11-19", "url": "/d", "hits": 4},
]

KEYWORDS = [
    # crm: 5 at the end of the baseline, 6 then 12 in the period -> 12, move -7 (off page 1)
    {"date": "2026-11-08", "keyword": "crm", "position": 4},
    {"date": "2026-11-15", "keyword": "crm", "position": 5},
    {"date": "2026-11-17", "keyword": "crm", "position": 6, "clicks": 3},
    {"date": "2026-11-22", "keyword": "crm", "position": 12, "clicks": 5},
    # ops: 6 -> 2, a gain of 4; cloud: 10 -> 8, a move of 2 (under 3)
    {"date": "2026-11-15", "keyword": "ops", "position": 6},
    {"date": "2026-11-22", "keyword": "ops", "position": 2},
    {"date": "2026-11-09", "keyword": "cloud", "position": 10},
    {"date": "2026-11-20", "keyword": "cloud", "position": 8},
]

SEO = [
    {"date": "2026-11-01", "metric": "Domain Authority", "value": 40},
    {"date": "2026-11-12", "metric": "Domain Authority", "value": 41},
    {"date": "2026-11-20", "metric": "Domain Authority", "value": 42},
]


def _run(**options: object):
    pack = pack_of(pages_404=PAGES, keywords=KEYWORDS, seo=SEO)
    return run_panel("site_health", pack, period(), settings(**options))


def test_404_figures_and_table() -> None:
    r = _run()
    assert r.error is None
    f, b = r.figures, r.baseline_figures
    assert f["not_found_hits"] == pytest.approx(161)  # 120 + 7 + 30 + 4
    assert f["not_found_pages"] == pytest.approx(4)
    assert f["new_not_found_pages"] == pytest.approx(3)  # /a, /c, /d
    # the 404 log starts on 11-10: W45 (11-02..08) lies before it and is left out, so the
    # averages are W46's alone
    assert r.baseline_coverage["pages_404"] == (2, 1)
    assert b["not_found_hits"] == pytest.approx(3)       # 3 / 1
    assert b["not_found_pages"] == pytest.approx(1)      # W46 1 page / 1
    rows = {row["url"]: row for row in r.tables["pages_404"].rows}
    assert rows["/a"]["hits"] == pytest.approx(120) and rows["/a"]["new"] is True
    assert rows["/a"]["top_referrer"] == "x.com"
    assert rows["/b"]["new"] is False and rows["/b"]["avg_hits"] == pytest.approx(3)  # 3 / 1


def test_404_findings() -> None:
    found = {f.key: f for f in _run().findings if "404" in f.key or "not_found" in f.key}
    assert set(found) == {"new_404:/a", "new_404:/c", "not_found_rising"}
    assert found["new_404:/a"].severity == "high"
    assert found["new_404:/a"].message == (
        "New 404: /a was hit 120 times last week (mostly from x.com).")
    assert found["new_404:/c"].severity == "medium"
    keys = {f.key for f in _run(new_404_min_hits=4).findings}
    assert "new_404:/d" in keys  # 4 hits >= 4
    low = {f.key: f for f in _run(new_404_min_hits=4).findings}["new_404:/d"]
    assert low.severity == "low"


def test_keywords() -> None:
    r = _run()
    f, b = r.figures, r.baseline_figures
    assert f["keywords_tracked"] == pytest.approx(3)
    assert f["average_position"] == pytest.approx((12 + 2 + 8) / 3)
    assert f["keyword_gains"] == pytest.approx(1)
    assert f["keyword_losses"] == pytest.approx(1)
    # a count: mean per period; W45 has crm (11-08), W46 crm, ops, cloud -> (1 + 3) / 2
    # (positions are a snapshot: W45's one on its Sunday is a whole week's)
    assert r.baseline_coverage["keywords"] == (2, 2)
    assert b["keywords_tracked"] == pytest.approx(2)
    assert b["average_position"] == pytest.approx((5 + 6 + 10) / 3)
    rows = {row["keyword"]: row for row in r.tables["keywords"].rows}
    assert rows["crm"]["position"] == 12 and rows["crm"]["baseline_position"] == 5
    assert rows["crm"]["move"] == pytest.approx(-7)
    assert rows["crm"]["clicks"] == pytest.approx(8)  # 3 + 5
    assert rows["ops"]["move"] == pytest.approx(4)
    assert rows["cloud"]["clicks"] is None  # no clicks column values: n/a
    loss = {f.key: f for f in r.findings}["keyword_loss:crm"]
    assert loss.severity == "high"  # from page 1 (5) to page 2 (12)
    assert loss.message == "\"crm\" fell from position 5 to 12 last week."
    assert "keyword_loss:crm" in {f.key for f in _run(position_move=7).findings}
    assert "keyword_loss:crm" not in {f.key for f in _run(position_move=8).findings}


def test_seo() -> None:
    r = _run()
    assert r.figures["seo_domain_authority"] == pytest.approx(42)
    assert r.baseline_figures["seo_domain_authority"] == pytest.approx(41)
    row = r.tables["seo"].rows[0]
    assert row["change"] == pytest.approx(1 / 41)
    # end of W45 (11-08): 40; end of W46: 41; period: 42
    assert r.series["seo_domain_authority"].values == pytest.approx((40, 41, 42))


def test_each_source_optional() -> None:
    r = run_panel("site_health", pack_of(seo=SEO), period(), settings())
    assert r.error is None
    assert "seo" in r.tables and "pages_404" not in r.tables
    assert any("pages_404" in n for n in r.notes) and any("keywords" in n for n in r.notes)


def test_all_sources_missing_is_the_panels_error() -> None:
    r = run_panel("site_health", pack_of(traffic=[]), period(), settings())
    assert r.error is not None and "site health" in r.error
