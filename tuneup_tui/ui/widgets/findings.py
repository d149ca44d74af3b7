"""The findings of the current session's panels: candidate soft spots, most severe first."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from tuneup_tui.textsafe import visible, visible_line

if TYPE_CHECKING:
    from tuneup_tui.metrics.result import Finding

SEVERITY_STYLE = {"high": "bold white on red", "medium": "bold black on yellow",
                  "low": "black on grey70"}


class FindingsList(Static):
    """Findings as lines; those already promoted say to whom."""

    _shown: tuple[object, ...] | None = None

    def show(self, findings: Sequence[Finding], promoted: Mapping[str, str | None],
             *, pending: bool = False) -> None:
        """`promoted` maps a finding key to the owner of its soft spot."""
        # Unchanged findings are not drawn again: the store's every change asks for them.
        shown = (tuple(findings), tuple(sorted(promoted.items(), key=str)), pending)
        if shown == self._shown:
            return
        self._shown = shown
        if not findings:
            self.update(Text("Computing…" if pending else "No findings for this session.",
                             style="italic"))
            return
        text = Text()
        for i, finding in enumerate(findings):
            if i:
                text.append("\n\n")
            style = SEVERITY_STYLE.get(finding.severity, "")
            text.append(f" {visible_line(finding.severity.upper())} ", style=style)
            text.append(f" {visible(finding.message)}")
            # a fact several panels see is promoted once, under its identity
            mark = finding.identity if finding.identity in promoted else finding.key
            if mark in promoted:
                owner = promoted[mark]
                text.append(f"  ✓ soft spot{f' ({visible_line(owner)})' if owner else ''}",
                        style="bold green")
        self.update(text)
