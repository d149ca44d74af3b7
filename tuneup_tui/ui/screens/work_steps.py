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
nothing heavy: the main screen holds a `WorkAreaSteps` from the first frame.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import TYPE_CHECKING

from textual.containers import Horizontal
from textual.worker import Worker, WorkerState

if TYPE_CHECKING:
    from textual.screen import Screen

    from tuneup_tui.ui.screens.work_area import WorkArea

IMPORT_GROUP = "work-area-import"


def _import_work_area() -> None:
    """Import the work area's modules (runs in a thread worker)."""
    import tuneup_tui.ui.screens.work_area  # noqa: F401


class WorkAreaSteps:
    """Brings the work area onto a screen's `#body`, a step a frame; `ready` is called once
    it is all there."""

    def __init__(self, screen: Screen[None], ready: Callable[[], None]) -> None:
        self._screen = screen
        self._ready = ready
        self.work: WorkArea | None = None
        """The work area (tabs, notes, action items) once it is all mounted."""
        self._building: WorkArea | None = None
        self._started = False
        self._stepping = asyncio.Lock()
        """Held while a step runs: one step at a time, whoever takes it."""

    def start(self) -> None:
        """Begin: import the work area's modules in a thread (the steps follow)."""
        if self._started or self.work is not None:
            return
        self._started = True
        self._screen.run_worker(_import_work_area, thread=True, group=IMPORT_GROUP,
                                exit_on_error=False)

    async def worker_changed(self, event: Worker.StateChanged) -> None:
        """The screen's worker news: the import done (or failed), the steps begin."""
        if event.worker.group != IMPORT_GROUP:
            return
        if event.state in (WorkerState.SUCCESS, WorkerState.ERROR):
            # Imported (or it failed in the thread: the step imports it here and says why).
            await self.step()

    async def all_now(self, drawn: bool) -> WorkArea | None:
        """The work area, all there: the steps left are taken at once (a key needs it).
        None while the screen is not mounted yet (`drawn`) or the console is leaving."""
        while self.work is None and drawn and self._screen.is_attached:
            if not await self.step():
                break
        return self.work

    async def step(self) -> bool:
        """Take the next step once no other is under way; False if none could be taken now."""
        async with self._stepping:
            return await self._next_step()

    async def _next_step(self) -> bool:
        screen = self._screen
        if self.work is not None or not screen.is_attached:
            return False
        body = screen.query_one("#body", Horizontal)
        if not body.is_mounted:  # not quite there yet: a frame later
            screen.call_after_refresh(self.step)
            return False
        from tuneup_tui.ui.screens.work_area import WorkArea, add_stylesheet

        work = self._building
        if work is None:
            add_stylesheet(screen.app)
            work = self._building = WorkArea(id="main")
            await body.mount(work)
        elif not work.filled:
            await work.fill()
        else:
            if not work.tabs.children:  # the console left while the tabs were being built
                return False
            self.work = work
            self._ready()
            return True
        screen.call_after_refresh(self.step)
        return True
