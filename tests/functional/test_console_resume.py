"""Quit and resume with nothing lost; attendees' items appear; the day's end writes the summary;
the next run of the series opens with last run's open items."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from tests.functional.console_fixtures import (
    AS_OF,
    console,
    panels_computed,
    screen_text,
    work_area_shown,
)
from tuneup_tui.agenda.clock import FakeClock, ScaledClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.data.period import review_period
from tuneup_tui.paths import run_dir
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.app import make_app
from tuneup_tui.ui.dialogs.carry_over import CarryOverDialog
from tuneup_tui.ui.dialogs.resume_offer import ResumeOfferDialog
from tuneup_tui.ui.widgets.actions_table import ActionsTable
from tuneup_tui.ui.widgets.notes import NotesEditor
from tuneup_tui.ui.widgets.questions import QuestionList


async def test_quit_and_resume_loses_nothing(agenda: Agenda, agenda_path: Path,
                                             store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        assert app.live is not None
        run_id = app.live.run.id
        clock.advance(minutes=31)  # 08:31: on to the Traffic Study (started 08:31)
        await pilot.press("n")
        await pilot.press("r", *"41", "enter")
        await pilot.press("a", *"Fix it", "enter", *"Dana", "enter", "enter")
        await pilot.press("ctrl+n", *"hello", "escape")
        app.screen.query_one(QuestionList).focus()
        await pilot.press("down", "enter")  # the second question is answered
        assert store.notes(run_id)["Traffic Study"].text.endswith(
            "Questions covered:\n- [x] " + agenda.sessions[1].questions[1])
        clock.advance(minutes=10)  # 08:41: 20 minutes left of 30 (08:31-09:01)
        await pilot.press("space")  # paused at 08:41
        await pilot.press("q")
    before = app.live.status()
    assert before.paused and before.current == 1

    clock.advance(minutes=5)  # the console is away for 5 minutes, still paused
    again = console(agenda, agenda_path, None, store, clock,
                    resume_run=store.get_run(run_id))
    async with again.run_test(size=(120, 36)) as pilot:
        await work_area_shown(pilot)
        assert again.live is not None and again.live.run.id == run_id
        status = again.live.status()
        assert (status.current, status.paused) == (1, True)
        # Paused at 20:00 left, and a pause keeps it there.
        assert status.remaining == timedelta(minutes=20)
        assert "Traffic Study (2/13) · 20:00 left" in screen_text(again, "#header")
        assert again.screen.query_one(NotesEditor).text == "hello"
        assert again.screen.query_one(QuestionList).checked == {1}
        assert "Expected leads to sales: 41 (Traffic Study)" in screen_text(again, "#recorded")
        assert again.screen.query_one(ActionsTable).row_count == 1
        # No second run was made.
        assert [r.id for r in store.runs()] == [run_id]


async def test_an_unfinished_run_is_offered_at_start(agenda: Agenda, agenda_path: Path,
                                                     store: RunStore, clock: FakeClock) -> None:
    first = console(agenda, agenda_path, None, store, clock)
    async with first.run_test(size=(120, 36)) as pilot:
        await pilot.press("q")
    assert first.live is not None
    offered = console(agenda, agenda_path, None, store, clock, offer_resume=True)
    async with offered.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(offered.screen, ResumeOfferDialog)
        await pilot.press("enter")  # Resume has the focus
        await pilot.pause()
        assert offered.live is not None and offered.live.run.id == first.live.run.id


async def test_resumed_on_the_question_the_run_keeps_its_data_date_and_speed(
        agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
        clock: FakeClock) -> None:
    # A run on the exports folder, left unfinished; a week later a plain `tuneup run` (no
    # --data, that day's date) is asked about it and resumes it.
    first = console(agenda, agenda_path, sample_pack, store, clock)
    async with first.run_test(size=(120, 36)) as pilot:
        await pilot.press("q")
    assert first.live is not None
    later = AS_OF + timedelta(days=8)
    offered = make_app(agenda, agenda_path, None, later, store, clock, offer_resume=True,
                       tick_seconds=3600, poll_seconds=3600)
    async with offered.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(offered.screen, ResumeOfferDialog)
        assert offered.panels_worker is None  # the panels wait for the answer
        await pilot.press("enter")  # Resume
        await panels_computed(pilot)
        assert offered.live is not None and offered.live.run.id == first.live.run.id
        assert offered.config.data_dir == sample_pack and offered.config.as_of == AS_OF
        assert offered.clock is clock  # at the speed it ran (1x): the same clock
        assert offered.results and all(r.error is None for r in offered.results.values())
        # The run's own review week, not the later day's.
        assert offered.results["traffic"].period == review_period(AS_OF, agenda.period)
        assert review_period(AS_OF, agenda.period) != review_period(later, agenda.period)


async def test_a_rehearsal_resumed_on_the_question_runs_at_its_speed(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    rehearsal = console(agenda, agenda_path, None, store, clock, speed=60.0)
    async with rehearsal.run_test(size=(120, 36)) as pilot:
        await pilot.press("q")
    offered = console(agenda, agenda_path, None, store, clock, offer_resume=True)
    async with offered.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        await pilot.press("enter")  # Resume
        await pilot.pause()
        assert isinstance(offered.clock, ScaledClock) and offered.clock.speed == 60.0
        assert offered.live is not None and offered.live.clock is offered.clock
        assert offered.config.speed == 60.0


async def test_attendees_items_appear_and_the_day_ends_with_a_summary(
        agenda: Agenda, agenda_path: Path, sample_pack: Path, store: RunStore,
        clock: FakeClock, tmp_path: Path) -> None:
    app = console(agenda, agenda_path, sample_pack, store, clock)
    async with app.run_test(size=(120, 36)) as pilot:
        await panels_computed(pilot)
        assert app.live is not None
        run_id = app.live.run.id
        # An attendee logs an item from another process (another connection).
        other = RunStore(store.path)
        other.add_action(run_id, "Check the CRM sync", "Priya", created_by="Priya")
        other.close()
        app.poll_store()
        await pilot.pause()
        assert app.screen.query_one(ActionsTable).row_count == 1

        # End of Day starts: the summary is written and its folder shown.
        await pilot.press("j", "end", "enter")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.summary_folder == run_dir(run_id)
        assert (run_dir(run_id) / "summary.md").is_file()
        assert "Check the CRM sync" in (run_dir(run_id) / "summary.md").read_text()
        # Moving past the last session ends the day and the run.
        await pilot.press("n")
        await app.workers.wait_for_complete()
        assert store.get_run(run_id).finished

    # The next run of the series opens with last run's open item: keep it with a new owner.
    clock.advance(minutes=60 * 24 * 7)
    nxt = console(agenda, agenda_path, None, store, clock)
    async with nxt.run_test(size=(120, 36)) as pilot:
        await pilot.pause()
        assert isinstance(nxt.screen, CarryOverDialog)
        # Each figure can be shown against the last run: its panel figures were saved.
        assert nxt.last_run_figures["funnel"]["sessions"] == (
            app.results["funnel"].figures["sessions"])
        await pilot.press("o", *"Dana", "enter", "enter")
        await pilot.pause()
        assert nxt.live is not None
        (item,) = store.actions(nxt.live.run.id)
        assert (item.text, item.owner) == ("Check the CRM sync", "Dana")
        assert item.carried_from is not None
