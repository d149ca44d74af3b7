"""Bringing the work area on screen after the first frame, a step a frame, never in one go.

The work area (panel and findings tabs, notes, action items; `work_area.py`) is the costly part
of the main screen: its modules take a while to import and its widgets to build and style.
Done in one go it held the console up for 60 ms and more just after the first frame. So:

1. its modules are imported in a thread (the console keeps drawing and ticking meanwhile);
2. the tabs are mounted, with an empty row below them;
3. a frame later, the notes and the action items join that row;
4. a frame later, everything there is is drawn into it (`_work_ready`).

A key that needs the work area before it is all there (notes, findings) runs the steps left
at once and waits for them, so no key is lost or taken for another. The key's steps (run by
the app) and the frame-by-frame steps (run by the screen) take turns: a step that starts while
another is mounting waits for it, then sees where things stand. This module imports
nothing heavy: the main screen builds on it from the first frame.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING

from textual.containers import Horizontal
from textual.screen import Screen
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from tuneup_tui.ui.screens.work_area import WorkArea

IMPORT_GROUP = "work-area-import"


def _import_work_area() -> None:
    """Import the work area's modules (runs in a thread worker)."""
    import tuneup_tui.ui.screens.work_area  # noqa: F401


class WorkAreaSteps(Screen[None]):
    """The main screen's part in mounting the work area; `MainView` builds on it."""

    def __init__(self) -> None:
        super().__init__()
        self.work: WorkArea | None = None
        """The work area (tabs, notes, action items) once it is all mounted."""
        self._building: WorkArea | None = None
        self._work_started = False
        self._work_wanted = False
        """Asked for before the screen itself was mounted (a dialog's first frame came
        first): started once the screen is."""
        self._drawn = False
        """Whether the screen is mounted (what it is told before is drawn when it is)."""
        self._stepping = asyncio.Lock()
        """Held while a step runs: one step at a time, whoever takes it."""

    @property
    def work_ready(self) -> bool:
        """Whether the work area (tabs, notes, action items) is mounted yet."""
        return self.work is not None

    def start_work_area(self) -> None:
        """Begin bringing the work area on screen; the app asks once the first frame is drawn.
        """
        if self._work_started or self.work is not None:
            return
        if not self._drawn:
            self._work_wanted = True
            return
        self._work_started = True
        self.run_worker(_import_work_area, thread=True, group=IMPORT_GROUP,
                        exit_on_error=False)

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != IMPORT_GROUP:
            return
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            # Imported (or it failed in the thread: the step imports it here and says why).
            await self._work_step()

    async def need_work_area(self) -> WorkArea | None:
        """The work area, all there: the steps left are taken at once (a key needs it).
        None while the screen is not mounted yet or the console is leaving."""
        while self.work is None and self._drawn and self.is_attached:
            if not await self._work_step():
                break
        return self.work

    async def _work_step(self) -> bool:
        """Take the next step once no other is under way; False if none could be taken now."""
        async with self._stepping:
            return await self._next_step()

    async def _next_step(self) -> bool:
        if self.work is not None or not self.is_attached:
            return False
        body = self.query_one("#body", Horizontal)
        if not body.is_mounted:  # not quite there yet: a frame later
            self.call_after_refresh(self._work_step)
            return False
        from tuneup_tui.ui.screens.work_area import WorkArea, add_stylesheet

        work = self._building
        if work is None:
            add_stylesheet(self.app)
            work = self._building = WorkArea(id="main")
            await body.mount(work)
        elif not work.filled:
            await work.fill()
        else:
            if not work.tabs.children:  # the console left while the tabs were being built
                return False
            self.work = work
            self._work_ready()
            return True
        self.call_after_refresh(self._work_step)
        return True

    def _work_ready(self) -> None:
        """Draw everything there is into the work area, now mounted (`MainView`)."""
