"""Record a figure ("expected leads to sales: 41"): a name, completing from the session's
`record` list, and a number."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, Static

from tuneup_tui.ui.dialogs.base import FormDialog
from tuneup_tui.ui.format import kind_of, label
from tuneup_tui.ui.literal import literal, literal_line


@dataclass(frozen=True)
class FigureDraft:
    """A figure as typed: its name (a figure key) and its value."""

    name: str
    value: float
    unit: str = ""


def figure_key(text: str) -> str:
    """A typed name as a figure key: "Expected leads to sales" -> "expected_leads_to_sales"."""
    return re.sub(r"[^a-z0-9]+", "_", text.strip().lower()).strip("_")


def parse_value(name: str, text: str) -> float:
    """A typed number: "41", "1,234", "$12.50", "3.1%" (a rate: kept as a fraction)."""
    cleaned = text.strip().replace(",", "").replace("$", "").replace(" ", "")
    percent = cleaned.endswith("%")
    if percent:
        cleaned = cleaned[:-1]
    try:
        value = float(cleaned)
    except ValueError:
        raise ValueError(f"value {text.strip()!r}: expected a number such as 41 or 3.1%"
                         ) from None
    if not math.isfinite(value):
        # float() reads "nan", "inf" and "1e999": no figure a room records.
        raise ValueError(f"value {text.strip()!r}: expected a finite number such as 41 or 3.1%")
    if percent and kind_of(name) == "percent":
        return value / 100
    return value


class RecordFigureDialog(FormDialog[FigureDraft | None]):
    """The record-a-figure form."""

    FIELDS = ("name", "value")

    def __init__(self, suggestions: Sequence[str], default: str | None, session: str | None
                 ) -> None:
        super().__init__()
        self.suggestions = tuple(dict.fromkeys(suggestions))
        self.default = default
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            where = f" · {self.session}" if self.session else ""
            yield Static(literal_line(f"Record a figure{where}"), classes="dialog-title")
            if self.suggestions:
                wanted = ", ".join(label(s) for s in self.suggestions[:4])
                yield Static(literal_line(f"To record here: {wanted}"), classes="field-label")
            yield Label("Figure", classes="field-label")
            yield Input(self.default or "", id="name", placeholder="expected_leads_to_sales",
                        suggester=SuggestFromList(self.suggestions, case_sensitive=False))
            yield Label("Value", classes="field-label")
            yield Input(id="value", placeholder="41")
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Record", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#value" if self.default else "#name", Input).focus()

    def save(self) -> None:
        error = self.query_one("#error", Static)
        name = figure_key(self.query_one("#name", Input).value)
        if not name:
            error.update("Name the figure.")
            self.query_one("#name", Input).focus()
            return
        raw = self.query_one("#value", Input).value
        try:
            value = parse_value(name, raw)
        except ValueError as err:
            error.update(literal(str(err)))
            self.query_one("#value", Input).focus()
            return
        self.dismiss(FigureDraft(name, value))
