"""The main screen's dialogs and what their answers change: an action item added or edited, a
figure recorded, a finding promoted, the day compressed or jumped.

Every change goes through the run's front door (`run/live.py`); a refusal (no next session,
already paused) or a store that can't be written is said in a notification, never a crash.
The dialogs are imported when they are opened: importing them up front delayed the first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from tuneup_tui.store.db import StoreError
from tuneup_tui.ui.literal import say

if TYPE_CHECKING:
    from tuneup_tui.metrics.result import Finding
    from tuneup_tui.run.live import LiveRun
    from tuneup_tui.ui.dialogs.add_action import ActionDraft
    from tuneup_tui.ui.dialogs.edit_action import ActionEdit
    from tuneup_tui.ui.dialogs.promote import SoftSpotDraft
    from tuneup_tui.ui.dialogs.record_figure import FigureDraft
    from tuneup_tui.ui.screens.main import MainScreen


class DayForms:
    """Opens the screen's dialogs and saves their answers through the run."""

    def __init__(self, screen: MainScreen) -> None:
        self._screen = screen

    @property
    def _live(self) -> LiveRun | None:
        return self._screen.live

    def _topic(self) -> str | None:
        session = self._screen.session_shown()
        return session.topic if session else None

    def safely(self, do: Callable[..., object], *args: object) -> bool:
        """Do `do`; a refusal or an unwritable store is said, and False returned."""
        try:
            do(*args)
        except ValueError as err:
            say(self._screen, str(err), severity="warning")
            return False
        except StoreError as err:
            say(self._screen, f"Not saved: {err}", severity="error", timeout=20)
            return False
        return True

    # the schedule

    def compress(self) -> None:
        live = self._live
        if live is None:
            return
        status = live.status()
        if status.finished:  # no plan to offer: nothing is left
            self._screen.notify(f"The day ended at {status.projected_end:%H:%M}: nothing is "
                                "left to compress.", severity="warning")
            return
        try:
            plan = live.preview_compress()
        except ValueError as err:
            say(self._screen, str(err), severity="warning")
            return
        from tuneup_tui.ui.dialogs.confirm_compress import ConfirmCompressDialog

        self._screen.app.push_screen(ConfirmCompressDialog(plan, live.status()),
                                     self._compressed)

    def _compressed(self, confirmed: bool | None) -> None:
        screen = self._screen
        if confirmed and screen.act("compress") and screen.status is not None:
            screen.notify(f"Compressed: the day now ends at {screen.status.projected_end:%H:%M}.")

    def jump(self) -> None:
        if self._screen.status is not None:
            from tuneup_tui.ui.dialogs.jump import JumpDialog

            self._screen.app.push_screen(JumpDialog(self._screen.status), self._jumped)

    def _jumped(self, index: int | None) -> None:
        if index is not None:
            self._screen.act("jump", index)

    # action items

    def add_action(self) -> None:
        live = self._live
        if live is None:
            return
        from tuneup_tui.ui.dialogs.add_action import AddActionDialog

        self._screen.app.push_screen(
            AddActionDialog(live.agenda.roster, live.run.as_of, self._topic()), self.add)

    def add(self, draft: ActionDraft | None) -> None:
        """Save the action item the dialog gave (nothing when it was cancelled)."""
        live = self._live
        if draft is None or live is None:
            return
        if self.safely(partial(live.add_action, draft.text, draft.owner, due=draft.due,
                               session=self._topic())):
            say(self._screen, f"Action item for {draft.owner} added.")
            self._warn_off_roster(live, draft.owner)
        self._screen.draw_records()

    def edit_action(self, item_id: int) -> None:
        """Open the item (or say it is gone: deleted from another terminal)."""
        live = self._live
        if live is None:
            return
        try:
            item = live.action(item_id)
        except StoreError as err:
            say(self._screen, str(err), severity="warning")
            self._screen.refresh_store_data()
            return
        from tuneup_tui.ui.dialogs.edit_action import EditActionDialog

        self._screen.app.push_screen(EditActionDialog(item, live.agenda.roster, live.run.as_of),
                                     partial(self._edited, item.id))

    def _edited(self, item_id: int, edit: ActionEdit | None) -> None:
        live = self._live
        if edit is None or live is None:
            return
        if edit.delete:
            if self.safely(partial(live.delete_action, item_id)):
                say(self._screen, "Action item deleted.")
        elif self.safely(partial(live.update_action, item_id, text=edit.text,
                                 owner=edit.owner, due=edit.due, status=edit.status)):
            say(self._screen, f"Action item for {edit.owner} saved.")
        self._screen.draw_records()

    # figures and soft spots

    def record(self) -> None:
        live = self._live
        if live is None:
            return
        session = self._screen.session_shown()
        done = {f.name for f in live.records().figures}
        wanted = list(session.record) if session else []
        names = wanted + [n for a in live.agenda.sessions for n in a.record]
        default = next((n for n in wanted if n not in done), wanted[0] if wanted else None)
        from tuneup_tui.ui.dialogs.record_figure import RecordFigureDialog

        self._screen.app.push_screen(
            RecordFigureDialog(names, default, self._topic(), here=wanted), self._recorded)

    def _recorded(self, draft: FigureDraft | None) -> None:
        from tuneup_tui.ui.format import fmt_figure, label

        live = self._live
        if draft is None or live is None:
            return
        if self.safely(partial(live.record_figure, draft.name, draft.value, unit=draft.unit,
                               session=self._topic())):
            say(self._screen,
                f"Recorded {label(draft.name)}: {fmt_figure(draft.name, draft.value)}.")
        self._screen.draw_records()

    def promote(self, findings: list[Finding]) -> None:
        live = self._live
        if live is None:
            return
        from tuneup_tui.ui.dialogs.promote import PromoteDialog

        self._screen.app.push_screen(PromoteDialog(findings, live.agenda.roster),
                                     self._promoted)

    def _promoted(self, draft: SoftSpotDraft | None) -> None:
        live = self._live
        if draft is None or live is None:
            return
        saved = self.safely(partial(
            live.add_soft_spot, draft.text, severity=draft.severity, session=self._topic(),
            owner=draft.owner, panel=draft.panel, finding_key=draft.finding_key,
            figures=draft.figures))
        self._screen.draw_records()
        if saved:
            say(self._screen,
                "Soft spot recorded" + (f" for {draft.owner}." if draft.owner else "."))
            if draft.owner:
                self._warn_off_roster(live, draft.owner)

    def _warn_off_roster(self, live: LiveRun, owner: str) -> None:
        """Say that `owner` is not on the roster (added anyway: guests own items too), as
        `tuneup log` does."""
        roster = live.agenda.roster
        if roster and owner.casefold() not in {p.casefold() for p in roster}:
            say(self._screen, f"{owner} is not on the roster ({', '.join(roster)}); added "
                "anyway.", severity="warning", timeout=10)
