"""actions.ics: RFC 5545 line ends, folding at 75 octets, escaping, stable UIDs, parse-back."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from tests.unit.report_fixtures import action, small_summary
from tuneup_tui.report.ics import escape_text, fold, render_actions_ics


def _unfold(text: str) -> list[str]:
    return text.replace("\r\n ", "").split("\r\n")


def _unescape(value: str) -> str:
    out, i = [], 0
    while i < len(value):
        if value[i] == "\\" and i + 1 < len(value):
            out.append("\n" if value[i + 1] in "nN" else value[i + 1])
            i += 2
        else:
            out.append(value[i])
            i += 1
    return "".join(out)


def _events(text: str) -> list[dict[str, str]]:
    events: list[dict[str, str]] = []
    for line in _unfold(text):
        if line == "BEGIN:VEVENT":
            events.append({})
        elif events and ":" in line and line != "END:VEVENT":
            key, value = line.split(":", 1)
            events[-1][key] = value
    return events


def test_one_all_day_event_per_dated_item() -> None:
    text = render_actions_ics(small_summary())
    assert text is not None
    assert text.startswith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    assert "\n" not in text.replace("\r\n", "")  # every line ends in CRLF
    events = _events(text)
    # items 1 (due 2026-11-27) and 2 (due 2026-11-25), soonest first; item 3 has no date
    assert [e["DTSTART;VALUE=DATE"] for e in events] == ["20261125", "20261127"]
    assert [e["DTEND;VALUE=DATE"] for e in events] == ["20261126", "20261128"]
    assert [e["UID"] for e in events] == ["tuneup-action-2-run-7@tuneup",
                                          "tuneup-action-1-run-7@tuneup"]
    assert _unescape(events[1]["SUMMARY"]) == "Dana: Fix UTM tags | newsletter links"
    # stable: writing again gives the same text
    assert render_actions_ics(small_summary()) == text


def test_lines_fold_at_75_octets_and_parse_back() -> None:
    long_text = "Ünïcödé, semicolons; commas, a back\\slash and\na new line " + "é" * 80
    summary = replace(small_summary(), actions=(
        action(5, long_text, "Dana", date(2026, 12, 1), "Paid; Programs, West"),))
    text = render_actions_ics(summary)
    assert text is not None
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    event = _events(text)[0]
    assert _unescape(event["SUMMARY"]) == "Dana: " + long_text
    assert "SUMMARY:Dana: Ünïcödé\\, semicolons\\; commas\\, a back\\\\slash and\\na new" \
        in "".join(_unfold(text))
    assert "Session: Paid; Programs, West." in _unescape(event["DESCRIPTION"])


def test_fold_never_splits_a_character() -> None:
    line = "SUMMARY:" + "€" * 40  # 8 + 120 octets
    folded = fold(line)
    parts = folded.split("\r\n")
    assert parts[0].encode("utf-8") == ("SUMMARY:" + "€" * 22).encode("utf-8")  # 8 + 66 = 74
    assert all(len(p.encode("utf-8")) <= 75 for p in parts)
    assert all(p.startswith(" ") for p in parts[1:])
    assert folded.replace("\r\n ", "") == line


def test_escape_text() -> None:
    assert escape_text("a,b;c\\d\r\ne\nf") == "a\\,b\\;c\\\\d\\ne\\nf"


def test_no_dated_items_no_calendar() -> None:
    summary = replace(small_summary(), actions=(action(1, "x", "Dana", None, None),))
    assert render_actions_ics(summary) is None
    dropped = replace(small_summary(), actions=(
        action(1, "x", "Dana", date(2026, 12, 1), None, status="dropped"),))
    assert render_actions_ics(dropped) is None
