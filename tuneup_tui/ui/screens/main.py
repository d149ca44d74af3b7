"""The main screen: the facilitator's view of the day and every key of the day.

Each key is a binding with an id (so a user's keymap can move it); the bindings, the command
palette and the help screen are all made from `tuneup_tui.ui.actions`.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual.binding import BindingType

from tuneup_tui.agenda.clock import ScaledClock
from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.ui.actions import bindings
from tuneup_tui.ui.literal import say
from tuneup_tui.ui.screens.main_view import MainView
from tuneup_tui.ui.widgets.actions_table import ActionsTable

# The dialogs are imported when they are opened, and the work area (tabs, notes) once the
# first frame is on screen: importing them all up front delayed the first frame.
if TYPE_CHECKING:
    from tuneup_tui.agenda.schedule import ScheduleStatus
    from tuneup_tui.ui.dialogs.add_action import ActionDraft
    from tuneup_tui.ui.dialogs.edit_action import ActionEdit
    from tuneup_tui.ui.dialogs.promote import SoftSpotDraft
    from tuneup_tui.ui.dialogs.record_figure import FigureDraft


DAY_MOVES = frozenset({"next_session", "previous_session", "pause", "extend", "skip",
                       "compress"})
"""The keys that move the day along: nothing to move once it is over."""


class MainScreen(MainView):
    """The facilitator's screen."""

    AUTO_FOCUS = ""
    """Nothing has focus at first, so every key of the day works at once."""

    BINDINGS: ClassVar[list[BindingType]] = list(bindings("screen"))
    """The keys of the day, from the console's one list of actions."""

    def on_screen_suspend(self) -> None:
        """A dialog is over the day: a rehearsal's clock waits for the answer."""
        clock = self.tuneup.clock
        if isinstance(clock, ScaledClock):
            clock.hold()

    def on_screen_resume(self) -> None:
        clock = self.tuneup.clock
        if isinstance(clock, ScaledClock):
            clock.release()

    @property
    def footer_hidden(self) -> frozenset[str]:
        """The actions the footer leaves out: once the day is over, those that move it (their
        keys still say why nothing happens)."""
        return DAY_MOVES if self.status is not None and self.status.finished else frozenset()

    def show_status(self, status: ScheduleStatus) -> None:
        was_over = self.status is not None and self.status.finished
        super().show_status(status)
        if status.finished != was_over:  # the footer's keys change with the day's end
            self.refresh_bindings()

    def _act(self, name: str, *args: object) -> bool:
        """Run a schedule action, then redraw at once (the next tick would be later)."""
        live = self.live
        if live is None:
            return False
        done = self._safely(getattr(live, name), *args)
        self.tuneup.tick()
        return done

    def _safely(self, do: Callable[..., object], *args: object) -> bool:
        """Do `do`; a refusal (no next session, already paused) or a store that can't be
        written is said in a notification, never a crash."""
        try:
            do(*args)
        except ValueError as err:
            say(self, str(err), severity="warning")
            return False
        except StoreError as err:
            say(self, f"Not saved: {err}", severity="error", timeout=20)
            return False
        return True

    def action_next_session(self) -> None:
        self._act("next")

    def action_previous_session(self) -> None:
        self._act("previous")

    def action_pause(self) -> None:
        self._act("toggle_pause")

    def action_extend(self) -> None:
        self._act("extend")

    def action_skip(self) -> None:
        self._act("skip")

    def action_compress(self) -> None:
        live = self.live
        if live is None:
            return
        status = live.status()
        if status.finished:  # no plan to offer: nothing is left
            self.notify(f"The day ended at {status.projected_end:%H:%M}: nothing is left to "
                        "compress.", severity="warning")
            return
        try:
            plan = live.preview_compress()
        except ValueError as err:
            say(self, str(err), severity="warning")
            return
        from tuneup_tui.ui.dialogs.confirm_compress import ConfirmCompressDialog

        self.app.push_screen(ConfirmCompressDialog(plan, live.status()), self._compress)

    def _compress(self, confirmed: bool | None) -> None:
        if confirmed and self._act("compress") and self.status is not None:
            self.notify(f"Compressed: the day now ends at {self.status.projected_end:%H:%M}.")

    def action_jump(self) -> None:
        if self.status is not None:
            from tuneup_tui.ui.dialogs.jump import JumpDialog

            self.app.push_screen(JumpDialog(self.status), self._jump)

    def _jump(self, index: int | None) -> None:
        if index is not None:
            self._act("jump", index)

    def action_add_action(self) -> None:
        live = self.live
        if live is None:
            return
        from tuneup_tui.ui.dialogs.add_action import AddActionDialog

        session = self._session(self.shown)
        self.app.push_screen(AddActionDialog(live.agenda.roster, live.run.as_of,
                                             session.topic if session else None),
                             self._add_action)

    def _add_action(self, draft: ActionDraft | None) -> None:
        live = self.live
        if draft is None or live is None:
            return
        session = self._session(self.shown)
        if self._safely(partial(live.writes.save, RunStore.add_action, live.run.id, draft.text,
                                draft.owner, due=draft.due,
                                session=session.topic if session else None)):
            say(self, f"Action item for {draft.owner} added.")
            self._warn_off_roster(draft.owner)
        self.refresh_store_data()

    def on_actions_table_opened(self, event: ActionsTable.Opened) -> None:
        """Enter on an action item: fix it (or delete it) in its dialog."""
        event.stop()
        live = self.live
        if live is None:
            return
        try:
            item = live.store.action(event.item_id)
        except StoreError as err:  # deleted meanwhile, from another terminal
            say(self, str(err), severity="warning")
            self.refresh_store_data()
            return
        from tuneup_tui.ui.dialogs.edit_action import EditActionDialog

        self.app.push_screen(EditActionDialog(item, live.agenda.roster, live.run.as_of),
                             partial(self._edit_action, item.id))

    def _edit_action(self, item_id: int, edit: ActionEdit | None) -> None:
        live = self.live
        if edit is None or live is None:
            return
        if edit.delete:
            if self._safely(partial(live.writes.save, RunStore.delete_action, item_id,
                                    by="facilitator")):
                say(self, "Action item deleted.")
        elif self._safely(partial(live.writes.save, RunStore.update_action, item_id,
                                  text=edit.text, owner=edit.owner, due=edit.due,
                                  clear_due=edit.due is None, status=edit.status,
                                  by="facilitator")):
            say(self, f"Action item for {edit.owner} saved.")
        self.refresh_store_data()

    def action_record(self) -> None:
        live = self.live
        if live is None:
            return
        session = self._session(self.shown)
        done = {f.name for f in live.store.figures(live.run.id)}
        wanted = list(session.record) if session else []
        names = wanted + [n for a in live.agenda.sessions for n in a.record]
        default = next((n for n in wanted if n not in done), wanted[0] if wanted else None)
        from tuneup_tui.ui.dialogs.record_figure import RecordFigureDialog

        self.app.push_screen(
            RecordFigureDialog(names, default, session.topic if session else None,
                               here=wanted),
            self._record)

    def _record(self, draft: FigureDraft | None) -> None:
        from tuneup_tui.ui.format import fmt_figure, label

        live = self.live
        if draft is None or live is None:
            return
        session = self._session(self.shown)
        if self._safely(partial(live.writes.save, RunStore.record_figure, live.run.id,
                                draft.name, draft.value, unit=draft.unit,
                                session=session.topic if session else None)):
            say(self, f"Recorded {label(draft.name)}: {fmt_figure(draft.name, draft.value)}.")
        self.refresh_store_data()

    def _warn_off_roster(self, owner: str) -> None:
        """Say that `owner` is not on the roster (added anyway: guests own items too), as
        `tuneup log` does."""
        live = self.live
        roster = live.agenda.roster if live else ()
        if roster and owner.casefold() not in {p.casefold() for p in roster}:
            say(self, f"{owner} is not on the roster ({', '.join(roster)}); added anyway.",
                severity="warning", timeout=10)

    def action_promote(self) -> None:
        live = self.live
        session = self._session(self.shown)
        if live is None or session is None:
            return
        from tuneup_tui.ui.dialogs.promote import PromoteDialog

        self.app.push_screen(PromoteDialog(self._findings(session), live.agenda.roster),
                             self._promote)

    def _promote(self, draft: SoftSpotDraft | None) -> None:
        live = self.live
        if draft is None or live is None:
            return
        session = self._session(self.shown)
        saved = self._safely(partial(
            live.writes.save, RunStore.add_soft_spot, live.run.id, draft.text,
            severity=draft.severity, session=session.topic if session else None,
            owner=draft.owner, panel=draft.panel, finding_key=draft.finding_key,
            figures=draft.figures))
        self.refresh_store_data()
        if saved:
            say(self, "Soft spot recorded" + (f" for {draft.owner}." if draft.owner else "."))
            if draft.owner:
                self._warn_off_roster(draft.owner)

    async def action_switch_tab(self) -> None:
        work = await self.need_work_area()
        if work is None:
            return
        tabs = work.tabs
        tabs.active = "tab-findings" if tabs.active == "tab-panel" else "tab-panel"

    async def action_focus_notes(self) -> None:
        work = await self.need_work_area()
        if work is not None:
            work.notes.focus()

    def action_leave_notes(self) -> None:
        if self.work is not None and self.focused is self.work.notes:
            self.save_notes()
            self.set_focus(None)
