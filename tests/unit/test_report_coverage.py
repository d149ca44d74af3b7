"""The summary says when a panel's baseline lacked data for some periods, in every format."""

from __future__ import annotations

import json
from dataclasses import replace

from tests.unit.report_fixtures import small_summary
from tuneup_tui.report.html import render_html
from tuneup_tui.report.json_out import render_json
from tuneup_tui.report.markdown import render_markdown
from tuneup_tui.report.plain import render_text

LINE = "baseline: 2 of 3 months have data"


def _summary(coverage: str | None):
    s = small_summary()
    return replace(s, panels=tuple(replace(p, coverage=coverage) for p in s.panels))


def test_the_line_is_in_every_format() -> None:
    s = _summary(LINE)
    assert LINE in render_markdown(s)
    assert f'<p class="coverage">{LINE}</p>' in render_html(s)
    assert f"  {LINE}" in render_text(s)
    assert json.loads(render_json(s))["panels"]["traffic"]["baseline_coverage"] == LINE


def test_no_line_when_every_period_had_data() -> None:
    s = _summary(None)
    assert "have data" not in render_markdown(s)
    assert "have data" not in render_html(s) and "have data" not in render_text(s)
    assert json.loads(render_json(s))["panels"]["traffic"]["baseline_coverage"] is None
