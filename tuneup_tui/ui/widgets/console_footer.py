"""The main screen's footer: the keys of the day, with F1 (help) kept at the right end.

On a narrow terminal the keys run past the right edge; help is the one key that must stay in
view, since it lists every other one. Keys with nothing to do (moving the day once it is
over) are left out: the screen names them in `footer_hidden`. Like every footer of the
product, it redraws its keys only while its screen is on top (`keys_footer`).
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.widgets._footer import FooterKey

from tuneup_tui.ui.widgets.keys_footer import KeysFooter

HELP_ACTIONS = frozenset({"help", "app.help"})


class ConsoleFooter(KeysFooter):
    """A footer whose help key is docked at its right end."""

    DEFAULT_CSS: ClassVar[str] = """
    ConsoleFooter FooterKey.-help, ConsoleFooter.-compact FooterKey.-help {
        dock: right;
        margin: 0;
        padding: 0 1;
        border-left: vkey $foreground 20%;
    }
    """

    def compose(self) -> ComposeResult:
        hidden: frozenset[str] = getattr(self.screen, "footer_hidden", frozenset())
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                if widget.action in hidden:
                    continue
                if widget.action in HELP_ACTIONS:
                    widget.add_class("-help")
            yield widget
