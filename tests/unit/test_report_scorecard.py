"""The scorecard is the first section of every summary (Markdown, HTML, text), its statuses
coloured in the HTML, and a summary without one says why."""

from __future__ import annotations

import json
import re
from dataclasses import replace

from tests.unit.panel_fixtures import pack_of, period, settings
from tests.unit.report_fixtures import small_summary
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.report.collect import _scorecard
from tuneup_tui.report.html import render_html
from tuneup_tui.report.json_out import summary_to_json
from tuneup_tui.report.markdown import render_markdown
from tuneup_tui.report.plain import render_text


def test_the_scorecard_comes_first_in_every_format() -> None:
    summary = small_summary()
    md = render_markdown(summary)
    assert re.findall(r"^## (.+)$", md, re.M)[0] == "Scorecard"
    html = render_html(summary)
    assert re.findall(r"<h2>(.+?)</h2>", html)[0] == "Scorecard"
    assert '<span class="bad">off track</span>' in html
    assert '<span class="risk">at risk</span>' in html
    text = render_text(summary)
    assert text.split("\n\n")[2].startswith("SCORECARD\n")  # after the title and headline


def test_a_summary_without_a_scorecard_says_why() -> None:
    summary = replace(small_summary(), scorecard=(),
                      scorecard_missing="no data folder was read for this summary")
    assert "## Scorecard\n\nNot computed: no data folder was read for this summary." in \
        render_markdown(summary)
    assert "SCORECARD\nNot computed: no data folder was read" in render_text(summary)
    assert _scorecard({})[1] is not None and "no data folder" in (_scorecard({})[1] or "")


def test_the_summary_takes_the_rows_the_panel_computed() -> None:
    traffic = [{"date": "2026-11-17", "source": "g", "medium": "organic", "sessions": 700,
                "goal_completions": 14}]
    targets = [{"period": "2026-W47", "figure": "traffic.sessions", "target": 800}]
    result = run_panel("scorecard", pack_of(traffic=traffic, targets=targets), period(),
                       settings())
    lines, missing, values = _scorecard({"scorecard": result})
    assert missing is None
    first = lines[0]
    # 700 sessions against 800: 100 short, over the 80 margin: off track
    assert (first.question, first.answer, first.target, first.status) == (
        "Sessions on the site", "700", "800", "off track")
    # summary.json keeps the same row with plain numbers
    row = values[0]
    assert (row["key"], row["answer"], row["target"], row["against"], row["status"],
            row["figure"], row["tactic"]) == ("sessions", 700, 800, "target", "off track",
                                              "traffic.sessions", None)
    written = summary_to_json(replace(small_summary(), scorecard=lines,
                                      scorecard_values=values))
    assert written["scorecard"]["missing"] is None
    assert written["scorecard"]["rows"][0]["answer"] == 700
    assert json.loads(json.dumps(written))["scorecard"] == written["scorecard"]


def test_summary_json_says_why_there_is_no_scorecard() -> None:
    written = summary_to_json(replace(small_summary(), scorecard=(), scorecard_values=(),
                                      scorecard_missing="no data folder was read"))
    assert written["scorecard"] == {"rows": [], "missing": "no data folder was read"}
