"""The console watching the store: an attendee's change is read once per poll, and only when
the store changed (one poll once read the recorded figures three times)."""

from __future__ import annotations

from pathlib import Path

from tests.functional.console_fixtures import console, work_area_shown
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.widgets.actions_table import ActionsTable


async def test_a_poll_reads_the_store_once_per_change(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        tmp_path: Path) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    reads: list[str] = []
    for name in ("figures", "actions", "soft_spots", "notes"):
        real = getattr(store, name)

        def counted(*args: object, _real: object = real, _name: str = name,
                    **kwargs: object) -> object:
            reads.append(_name)
            return _real(*args, **kwargs)  # type: ignore[operator]

        setattr(store, name, counted)
    async with app.run_test(size=(120, 36)) as pilot:
        await work_area_shown(pilot)
        await pilot.pause()
        assert app.live is not None
        reads.clear()
        app.poll_store()
        await pilot.pause()
        assert reads == []  # nothing changed: nothing read
        attendee = RunStore(tmp_path / "tuneup.db")  # `tuneup log` in another terminal
        try:
            attendee.add_action(app.live.run.id, "Check the CRM sync", "Priya")
            attendee.record_figure(app.live.run.id, "expected_leads_to_sales", 41)
        finally:
            attendee.close()
        app.poll_store()
        await pilot.pause()
        assert sorted(reads) == ["actions", "figures", "notes", "soft_spots"]  # each once
        table = app.screen.query_one(ActionsTable)
        assert "Check the CRM sync" in table.render_line(1).text
        reads.clear()
        app.poll_store()
        assert reads == []
