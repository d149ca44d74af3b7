"""Record a figure ("expected leads to sales: 41"): a name, completing from the figures the
session records (then the rest of the day's), by their labels, and a number.

A rate is kept as a fraction (DESIGN.md) but typed as people say it: "29" and "29%" are both
29%; the dialog says how it reads the number as it is typed, and refuses a rate no one can mean
("2900" typed for a conversion rate).
"""

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
from tuneup_tui.ui.format import fmt_figure, kind_of, label
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


MAX_PLAIN_PERCENT = 100
"""The largest number typed without "%" that is taken as a rate: beyond it ("2900"), the
number was meant for another figure or has a slip in it. A rate past 100% (a ROMI of 240%)
is typed with its "%"."""


def read_value(name: str, text: str) -> tuple[float, str]:
    """A typed number, and what to say of how it was read: "41", "1,234", "$12.50"; for a rate,
    "29" or "29%" (kept as the fraction 0.29; the first is said to be read as 29%). Raises
    ValueError for what cannot be meant."""
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
    if kind_of(name) != "percent":
        return value, ""
    typed = text.strip()
    if not percent and abs(value) > MAX_PLAIN_PERCENT:
        raise ValueError(f"{label(name)} is a rate, typed as a percentage: {typed} would be "
                         f"{typed}%. A rate above 100% is typed with its % sign.")
    fraction = value / 100
    if percent:
        return fraction, ""
    return fraction, f"{typed} is read as {fmt_figure(name, fraction)} (a rate is typed as a " \
                     "percentage)"


def parse_value(name: str, text: str) -> float:
    """A typed number as it is kept (see `read_value`)."""
    return read_value(name, text)[0]


class RecordFigureDialog(FormDialog[FigureDraft | None]):
    """The record-a-figure form."""

    FIELDS = ("name", "value")

    def __init__(self, suggestions: Sequence[str], default: str | None, session: str | None,
                 *, here: Sequence[str] = ()) -> None:
        super().__init__()
        self.here = tuple(dict.fromkeys(here))
        """The figures this session records, offered first."""
        self.suggestions = tuple(dict.fromkeys([*self.here, *suggestions]))
        self.labels = {label(key).casefold(): key for key in reversed(self.suggestions)}
        """Figure keys by their labels (the session's own win a shared label)."""
        self.default = default
        self.session = session

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            where = f" · {self.session}" if self.session else ""
            yield Static(literal_line(f"Record a figure{where}"), classes="dialog-title")
            if self.here:
                wanted = ", ".join(label(s) for s in self.here)
                yield Static(literal(f"This session records: {wanted}"), classes="field-label")
            yield Label("Figure", classes="field-label")
            yield Input(label(self.default) if self.default else "", id="name",
                        placeholder="Expected leads to sales",
                        suggester=SuggestFromList([label(s) for s in self.suggestions],
                                                  case_sensitive=False))
            yield Label("Value (a rate as a percentage: 29 or 29%)", classes="field-label")
            yield Input(id="value", placeholder="41")
            yield Static("", id="reading", classes="field-label")
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Record", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    def on_mount(self) -> None:
        self.query_one("#value" if self.default else "#name", Input).focus()

    def figure_name(self) -> str:
        """The figure key for what is typed: an offered figure by its label, else a new key."""
        typed = self.query_one("#name", Input).value.strip()
        return self.labels.get(typed.casefold()) or figure_key(typed)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Say how the value reads for the figure named, as it is typed."""
        reading = self.query_one("#reading", Static)
        name, raw = self.figure_name(), self.query_one("#value", Input).value
        if not name or not raw.strip():
            reading.update("")
            return
        try:
            _, how = read_value(name, raw)
        except ValueError:
            how = ""
        reading.update(literal(how))

    def save(self) -> None:
        error = self.query_one("#error", Static)
        name = self.figure_name()
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
