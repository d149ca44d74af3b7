"""Five attendees log action items with `tuneup log` while the console runs and writes too:
every item lands, none is lost, nobody sees "database is locked", and the console shows them.

The console is the real one (headless, `run_test`), polling the store's data_version as it does
in the room (every 0.1 s here). While five `python -m tuneup_tui log` streams run in other
processes, the facilitator adds items and saves notes through the console's own paths.
"""

from __future__ import annotations

import asyncio
import os
import sys
from datetime import date, datetime

from tuneup_tui.agenda.builtins import resolve_agenda
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.load import load_agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.app import make_app
from tuneup_tui.ui.dialogs.add_action import ActionDraft
from tuneup_tui.ui.widgets.actions_table import ActionsTable

AS_OF = date(2026, 11, 23)
ATTENDEES = 5
ITEMS_EACH = 3


async def _attendee(n: int) -> list[tuple[int, str, str]]:
    """One attendee logging ITEMS_EACH items, one `tuneup log` after another."""
    outcomes = []
    for i in range(ITEMS_EACH):
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "tuneup_tui", "log", f"attendee {n} item {i}",
            "--owner", "Dana", "--by", f"attendee{n}", "--session", "Traffic Study",
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE,
            env=os.environ.copy())
        out, err = await proc.communicate()
        outcomes.append((proc.returncode or 0, out.decode(), err.decode()))
    return outcomes


async def test_five_attendees_log_while_the_console_writes() -> None:
    path = resolve_agenda(None)
    agenda = load_agenda(path)
    clock = FakeClock(datetime(2026, 11, 23, 8, 30))
    store = RunStore.open_default()
    app = make_app(agenda, path, None, AS_OF, store, clock, offer_resume=False,
                   tick_seconds=0.1, poll_seconds=0.1)
    try:
        async with app.run_test(size=(160, 48)) as pilot:
            assert app.live is not None
            run_id = app.live.run.id
            loggers = asyncio.gather(*(_attendee(n) for n in range(ATTENDEES)))
            mine = 0
            while not loggers.done():
                # The facilitator keeps working: an item and the notes, through the console.
                mine += 1
                app.main.forms.add(ActionDraft(f"facilitator item {mine}", "Sam", None))
                await pilot.press("ctrl+n", "x", "escape")
                await asyncio.sleep(0.05)
            results = await loggers
            # The console's poll sees what the attendees committed.
            table = app.screen.query_one(ActionsTable)
            expected = ATTENDEES * ITEMS_EACH + mine
            for _ in range(100):  # up to 5 s on a busy machine
                if table.row_count == expected:
                    break
                await pilot.pause(0.05)
            assert table.row_count == expected
    finally:
        store.close()

    for outcomes in results:
        for code, out, err in outcomes:
            text = (out + err).lower()
            assert "locked" not in text and "busy" not in text, text
            assert code == 0, err
            assert out.startswith("action item "), out
    with RunStore.open_default() as check:
        items = check.actions(run_id)
        logged = sorted(i.text for i in items if i.created_by.startswith("attendee"))
        assert logged == sorted(f"attendee {n} item {i}" for n in range(ATTENDEES)
                                for i in range(ITEMS_EACH))
        assert [i.text for i in items if i.created_by == "facilitator"] == [
            f"facilitator item {k}" for k in range(1, mine + 1)]
        assert len({i.id for i in items}) == len(items)
