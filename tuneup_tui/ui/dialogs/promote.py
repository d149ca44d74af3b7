"""Promote a finding to a soft spot: which finding, in what words, how severe, whose fix."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label, OptionList, Select, Static
from textual.widgets.option_list import Option

from tuneup_tui.textsafe import one_line, visible_line
from tuneup_tui.ui.dialogs.add_action import complete_name
from tuneup_tui.ui.dialogs.base import FormDialog
from tuneup_tui.ui.literal import literal

if TYPE_CHECKING:
    from tuneup_tui.metrics.result import Finding

SEVERITIES = ("high", "medium", "low")


@dataclass(frozen=True)
class SoftSpotDraft:
    """A soft spot as the facilitator confirmed it."""

    text: str
    severity: str
    owner: str | None
    panel: str | None = None
    finding_key: str | None = None
    figures: dict[str, Any] = field(default_factory=dict)


class PromoteDialog(FormDialog[SoftSpotDraft | None]):
    """Pick a finding (or type a soft spot when there is none), then its severity and owner."""

    FIELDS = ("text", "owner")

    def __init__(self, findings: Sequence[Finding], roster: Sequence[str]) -> None:
        super().__init__()
        self.findings = tuple(findings)
        self.roster = tuple(roster)

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static("Promote a finding to a soft spot", classes="dialog-title")
            if self.findings:
                yield OptionList(
                    # "[high]" and the message are shown as they are: a Text, never markup.
                    *(Option(literal(f"[{f.severity}] {visible_line(f.message)}"), id=str(i))
                      for i, f in enumerate(self.findings)),
                    id="findings")
            else:
                yield Static("No findings in this session's panel: describe the soft spot.")
            yield Label("Soft spot", classes="field-label")
            yield Input(id="text", placeholder="bing / cpc converts far below average")
            with Horizontal(classes="dialog-row"):
                with Vertical():
                    yield Label("Severity", classes="field-label")
                    yield Select([(s, s) for s in SEVERITIES], value="medium",
                                 allow_blank=False, id="severity")
                with Vertical():
                    yield Label("Owner of the fix", classes="field-label")
                    yield Input(id="owner", suggester=SuggestFromList(
                        self.roster, case_sensitive=False))
            yield Static("", id="error", classes="dialog-error")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Promote", variant="primary", id="save")
                yield Button("Cancel", id="cancel")

    DEFAULT_CSS = """
    PromoteDialog #findings { height: auto; max-height: 10; }
    PromoteDialog .dialog-row { height: auto; }
    PromoteDialog .dialog-row > Vertical { height: auto; width: 1fr; margin-right: 1; }
    """

    def on_mount(self) -> None:
        if self.findings:
            options = self.query_one(OptionList)
            options.highlighted = 0
            options.focus()
            self._choose(0)
        else:
            self.query_one("#text", Input).focus()

    def _chosen(self) -> Finding | None:
        if not self.findings:
            return None
        index = self.query_one(OptionList).highlighted
        return self.findings[index] if index is not None else None

    def _choose(self, index: int) -> None:
        finding = self.findings[index]
        self.query_one("#text", Input).value = one_line(finding.message)
        self.query_one("#severity", Select).value = finding.severity

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        event.stop()
        self._choose(event.option_index)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self._choose(event.option_index)
        self.query_one("#owner", Input).focus()

    def save(self) -> None:
        text = self.query_one("#text", Input).value.strip()
        if not text:
            self.query_one("#error", Static).update("Say what the soft spot is.")
            self.query_one("#text", Input).focus()
            return
        owner = complete_name(self.query_one("#owner", Input).value, self.roster) or None
        severity = str(self.query_one("#severity", Select).value)
        finding = self._chosen()
        self.dismiss(SoftSpotDraft(
            text=text, severity=severity, owner=owner,
            panel=finding.panel if finding else None,
            finding_key=finding.identity if finding else None,
            figures=dict(finding.figures) if finding else {},
        ))
