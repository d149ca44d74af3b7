"""The plain attendee page's HTML: text from people shown as typed, never as markup."""

from __future__ import annotations

from tuneup_tui.web.forms import Typed, clean_name
from tuneup_tui.web.render import esc


def test_text_is_escaped_and_control_characters_show_as_symbols() -> None:
    assert esc("<script>alert('x')</script>") == (
        "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;")
    assert esc('[red]x[/] & "q"') == "[red]x[/] &amp; &quot;q&quot;"
    assert esc("a\x1b[2Jb\x07c\nd\te") == "a␛[2Jb␇c␊d e"
    assert esc("\x9b31m") == "\ufffd31m"


def test_names_are_cleaned_and_bounded() -> None:
    assert clean_name("  Priya\t K \x1b[2J\x07") == "Priya K [2J"
    assert clean_name("x" * 500) == "x" * 60


def test_a_field_past_its_limit_is_one_line() -> None:
    assert Typed({"text": "x" * 2000, "owner": "y" * 60}).too_long() is None
    assert Typed({"owner": "y" * 61}).too_long() == (
        "The owner's name is 61 characters long; at most 60 are taken.")
    assert Typed({"due": "1" * 41}).too_long() == (
        "The due date is 41 characters long; at most 40 are taken.")
