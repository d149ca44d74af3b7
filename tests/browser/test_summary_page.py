"""A written summary.html opened in headless Chromium: it draws, and asks nothing of any other
machine (no font, script, style or image from elsewhere), even with an item that tries."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from tests.functional.summary_runs import make_run
from tuneup_tui import cli
from tuneup_tui.paths import run_dir
from tuneup_tui.store.db import RunStore

from .conftest import Watched


def test_the_summary_page_asks_nothing_from_outside(watched: Callable[..., Watched],
                                                    tmp_path: Path) -> None:
    from tuneup_tui.data.sample.generate import generate_sample

    run_id = make_run(spots={"Traffic Study": 1})
    with RunStore.open_default() as store:
        store.add_action(run_id, '<img src="http://example.com/x.png"> Fix the pricing page',
                         "Priya", due=date(2026, 11, 30), session="Traffic Study")
    pack = generate_sample(tmp_path / "pack", date(2026, 11, 23), scale=0.1, seed=7)
    assert cli.main(["summary", str(run_id), "--data", str(pack), "--format", "html"]) == 0
    page = run_dir(run_id) / "summary.html"
    seen = watched(viewport={"width": 1200, "height": 900})
    seen.page.goto(page.as_uri(), wait_until="load")
    seen.page.wait_for_timeout(500)  # anything the page would fetch late
    body = seen.page.inner_text("body")
    assert '<img src="http://example.com/x.png"> Fix the pricing page' in body
    assert seen.outside == []
    assert seen.requests and all(url.startswith("file://") for url in seen.requests)


def test_the_watch_sees_a_request_that_would_leave(watched: Callable[..., Watched],
                                                  tmp_path: Path) -> None:
    page = tmp_path / "leaky.html"
    page.write_text('<html><body><img src="http://example.com/x.png">'
                    '<link rel="stylesheet" href="https://fonts.googleapis.com/css"></body>'
                    "</html>", encoding="utf-8")
    seen = watched()
    seen.page.goto(page.as_uri(), wait_until="load")
    assert sorted(seen.outside) == ["http://example.com/x.png",
                                    "https://fonts.googleapis.com/css"]
