"""Text made safe to keep and to show: what each rule does to hostile text, worked out by hand."""

from __future__ import annotations

import io
import sys
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tuneup_tui.report.ics import actions_ics, escape_text
from tuneup_tui.store.db import RunStore
from tuneup_tui.textsafe import (
    clip,
    multi_line,
    one_line,
    visible,
    visible_line,
    visible_output,
)

TITLE_AND_WIPE = "\x1b]0;PWNED\x07\x1b[31mred\x1b[0m\x1b[2J"
"""Sets the terminal's title, colours the text red and wipes the screen."""
CLIPBOARD = "\x1b]52;c;ZXZpbA==\x07"
"""OSC 52: writes "evil" to the clipboard."""


def _controls(text: str) -> list[str]:
    return [c for c in text if ord(c) < 0x20 or 0x7F <= ord(c) <= 0x9F]


def test_one_line_drops_controls_and_joins_lines() -> None:
    assert one_line(TITLE_AND_WIPE) == "]0;PWNED[31mred[0m[2J"
    assert one_line("  Fix\nthe\r\n404s\tnow\u2028please \x9b ") == "Fix the 404s now please"
    assert one_line("\x1b\x07") == ""


def test_multi_line_keeps_lines_and_tabs_only() -> None:
    assert multi_line("a\r\nb\rc\u2029d\te\x1b[2J\x00") == "a\nb\nc\nd\te[2J"


def test_visible_shows_each_control_as_one_symbol() -> None:
    assert visible(TITLE_AND_WIPE) == "␛]0;PWNED␇␛[31mred␛[0m␛[2J"
    assert visible("line one\nline\ttwo\r\x7f\x9b") == "line one\nline\ttwo␍␡\ufffd"
    assert visible_line("Fix\nthe\tpage") == "Fix␊the page"
    assert visible_line("x" * 100, 10) == "x" * 9 + "…"


def test_undecodable_bytes_are_kept_out() -> None:
    # An argument with bytes that are not UTF-8 arrives with lone surrogates.
    broken = b"Dana \xff".decode("utf-8", "surrogateescape")
    assert one_line(broken) == "Dana \ufffd"
    assert visible(broken) == "Dana \ufffd"


def test_clip() -> None:
    assert clip("Dana", 4) == "Dana"
    assert clip("Dana Scully", 4) == "Dan…"
    assert clip("Dana", 0) == ""


@given(st.text())
def test_showing_keeps_no_control_but_newline_and_tab(text: str) -> None:
    assert set(_controls(visible(text))) <= {"\n", "\t"}
    assert _controls(visible_line(text)) == []
    assert len(visible_line(text)) == len(text)  # one symbol for one character
    assert _controls(one_line(text)) == []
    assert set(_controls(multi_line(text))) <= {"\n", "\t"}


def test_visible_output_shows_what_commands_print() -> None:
    out, err = io.StringIO(), io.StringIO()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out, err
    try:
        with visible_output():
            print(TITLE_AND_WIPE)
            print(CLIPBOARD, file=sys.stderr)
    finally:
        sys.stdout, sys.stderr = saved
    assert out.getvalue() == "␛]0;PWNED␇␛[31mred␛[0m␛[2J\n"
    assert err.getvalue() == "␛]52;c;ZXZpbA==␇\n"


@pytest.fixture
def store(tmp_path: Path) -> Iterator[RunStore]:
    opened = RunStore(tmp_path / "tuneup.db")
    now = datetime(2026, 11, 23, 8, 0)
    opened.create_run(title="Tune Up", series="s", cadence="day", agenda_toml="",
                      as_of=now.date(), data_dir=None, mode="facilitator", speed=1, anchor=now,
                      started_at=now)
    yield opened
    opened.close()


def test_the_store_keeps_one_line_fields_without_controls(store: RunStore) -> None:
    item = store.add_action(1, f"Fix\nthe 404s{TITLE_AND_WIPE}", "\x1b[31mDana\tScully",
                            created_by="Pri\x07ya")
    assert (item.text, item.owner, item.created_by) == (
        "Fix the 404s]0;PWNED[31mred[0m[2J", "[31mDana Scully", "Priya")
    changed = store.update_action(item.id, text="Call\r\nMaria\x1b", owner=CLIPBOARD)
    assert (changed.text, changed.owner) == ("Call Maria", "]52;c;ZXZpbA==")
    spot = store.add_soft_spot(1, "Bing\ncpc\x1b[2J", owner="Dana\x07")
    assert (spot.text, spot.owner) == ("Bing cpc[2J", "Dana")
    figure = store.record_figure(1, "leads\x1b[2J", 41, unit="%\x07")
    assert (figure.name, figure.unit) == ("leads[2J", "%")


def test_a_text_of_only_controls_is_no_text(store: RunStore) -> None:
    from tuneup_tui.store.errors import StoreError

    with pytest.raises(StoreError, match="needs its text"):
        store.add_action(1, "\x1b\x07\n", "Dana")


def test_notes_keep_their_lines_and_tabs(store: RunStore) -> None:
    note = store.save_note(1, "Traffic Study", "One\r\n\tTwo\x1b]0;x\x07\nThree")
    assert note.text == "One\n\tTwo]0;x\nThree"


def test_calendar_lines_carry_no_control_characters(store: RunStore) -> None:
    item = store.add_action(1, "Fix the 404s", "Dana", due=date(2026, 12, 1))
    # An item stored before control characters were kept out.
    hostile = replace(item, text=f"Fix{TITLE_AND_WIPE}\x0c\x85")
    ics = actions_ics([hostile], run_id=1)
    assert ics is not None
    for line in ics.split("\r\n"):
        assert _controls(line) == [], line
    assert "SUMMARY:Dana: Fix]0\\;PWNED[31mred[0m[2J" in ics.replace("\r\n ", "")
    assert escape_text("a\tb\nc") == "a\tb\\nc"


def test_a_summary_line_shows_escape_codes_as_symbols() -> None:
    from tuneup_tui.report.text import md_escape

    assert md_escape(f"Fix{TITLE_AND_WIPE}\nnow") == (
        "Fix␛\\]0;PWNED␇␛\\[31mred␛\\[0m␛\\[2J now")
