"""The HTML summary: self-contained, user text escaped, small SVG charts."""

from __future__ import annotations

import re
from dataclasses import replace
from html.parser import HTMLParser

from tests.unit.report_fixtures import action, small_summary
from tuneup_tui.report.html import render_html
from tuneup_tui.report.model import SessionRecord


class _Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_page_has_charts_and_no_network_or_scripts() -> None:
    page = render_html(small_summary())
    assert page.startswith("<!DOCTYPE html>")
    assert "<svg" in page and "<style>" in page
    assert not re.search(r"https?:", page)
    assert "<script" not in page and "<link" not in page and "<img" not in page


def test_user_text_is_escaped() -> None:
    evil = '<script>alert("x")</script> & <b>bold</b>'
    summary = replace(small_summary(), actions=(action(1, evil, "<Dana>", None, None),))
    page = render_html(summary)
    assert "<script>" not in page and "<b>bold" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    assert "&lt;Dana&gt;" in page
    parser = _Collect()
    parser.feed(page)
    assert "script" not in parser.tags
    assert evil in "".join(parser.text)  # the browser shows exactly what was typed


def test_page_holds_every_section_and_item() -> None:
    parser = _Collect()
    parser.feed(render_html(small_summary()))
    text = "".join(parser.text)
    for words in ("Action items", "Fix UTM tags | newsletter links", "Check *bing* cpc bids",
                  "Soft spots", "Recorded figures", "Key figures by panel", "How the day ran",
                  "Carried over from run 6", "Recycle stale leads", "Proposed cadence",
                  "Weekly: 30 minutes", "+134 (+12.2%)", "ended at 10:15, 15 minutes early"):
        assert words in text
    # three SVG charts: planned against actual, panel changes, recorded figure changes
    assert parser.tags.count("svg") == 3


def test_figures_show_labels_and_values_as_the_room_reads_them() -> None:
    parser = _Collect()
    parser.feed(render_html(small_summary()))
    text = "".join(parser.text)
    # goal_conversion_rate 0.028 against 0.031: 2.8%, 3.1%, -0.003 = -0.3 points,
    # -0.003 / 0.031 = -9.7%; the cost per lead recorded in "$" 52.5 -> $52.50
    for words in ("Goal conversion rate", "2.8%", "3.1%", "-0.3 pts (-9.7%)",
                  "Expected leads to sales", "Cost per lead", "$52.50",
                  "Rate: 0.9%; Average: 3.1%"):
        assert words in text, words
    assert "goal_conversion_rate" not in text and "0.028" not in text


def test_the_page_opens_with_soft_spots_and_holds_the_record_of_each_session() -> None:
    page = render_html(small_summary())
    order = ["<h2>Soft spots", "<h2>Decisions", "<h2>Action items", "<h2>Session by session",
             "<h2>Key figures by panel"]
    assert [page.index(h) for h in order] == sorted(page.index(h) for h in order)
    parser = _Collect()
    parser.feed(page)
    text = "".join(parser.text)
    for words in ("Dana" "Fri 2026-11-27",  # the soft spot's owner, then when its fix is due
                  "pause bing cpc until the UTM tags are fixed (Traffic Study)",
                  "09:00 Traffic Study (Webmaster)",
                  "bing / cpc: the tags on the newsletter links are wrong.",
                  "☑ covered: Which sources convert below their average?",
                  "☐ not covered: How many leads do we expect to send to sales?",
                  "09:30 Paid Programs (Marketing Programs)", "No notes.",
                  "☐ not covered: Any click farms?", "Cost per lead$52.50"):
        assert words in text, words


def test_notes_are_escaped_and_keep_their_lines() -> None:
    record = SessionRecord("Site Health", notes="<b>404s</b> on /pricing\nDecision: fix & check")
    page = render_html(replace(small_summary(), sessions=(record,)))
    assert "<blockquote>&lt;b&gt;404s&lt;/b&gt; on /pricing\nDecision: fix &amp; check" \
           "</blockquote>" in page
    assert "<li>fix &amp; check <span" in page
