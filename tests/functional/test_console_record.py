"""Recording a figure as people type it (a rate as a percentage), and owners outside the
roster, in the console."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, Static

from tests.functional.console_fixtures import console
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.store.snapshot import snapshot_of
from tuneup_tui.ui.app import TuneupApp
from tuneup_tui.ui.dialogs.record_figure import RecordFigureDialog, read_value


def test_a_rate_is_typed_as_a_percentage() -> None:
    rate = "opportunity_conversion_rate"
    assert read_value(rate, "29") == (pytest.approx(0.29),
                                      "29 is read as 29.0% (a rate is typed as a percentage)")
    assert read_value(rate, "29%") == (pytest.approx(0.29), "")
    assert read_value(rate, "0.5") == (pytest.approx(0.005),
                                       "0.5 is read as 0.5% (a rate is typed as a percentage)")
    assert read_value(rate, "100")[0] == pytest.approx(1.0)
    assert read_value("romi", "240%")[0] == pytest.approx(2.4)  # past 100%, with its sign
    assert read_value("expected_leads_to_sales", "41") == (41, "")
    assert read_value("cost_per_lead", "$1,204.50") == (1204.5, "")


@pytest.mark.parametrize("typed", ["2900", "101", "-250", "nan", "inf"])
def test_a_rate_no_one_can_mean_is_refused(typed: str) -> None:
    with pytest.raises(ValueError, match=r"rate|expected a (finite )?number"):
        read_value("opportunity_conversion_rate", typed)


def test_everyone_is_not_a_person_on_the_roster(agenda: Agenda) -> None:
    assert "everyone" in agenda.people_for("All")  # the role the room holds
    assert "everyone" not in agenda.roster
    assert agenda.roster == ("Sam", "Dana", "Leo", "Ravi", "Jo", "Maya", "Chris", "Priya")


async def _to_paid_programs(pilot: Pilot[None], app: TuneupApp) -> None:
    await pilot.press("j", *"paid", "enter")
    await pilot.pause()
    assert app.live is not None and app.live.status().current == 3


async def test_recording_a_rate_says_how_it_reads_and_confirms_the_save(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await _to_paid_programs(pilot, app)
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, RecordFigureDialog)
        texts = [str(s.render()) for s in dialog.query(Static)]
        assert ("This session records: Cost per name, Cost per lead, Opportunity conversion "
                "rate") in texts
        name = dialog.query_one("#name", Input)
        assert name.value == "Cost per name"  # by its label, the session's first to record
        name.value = "opportunity conversion rate"
        dialog.query_one("#value", Input).value = "29"
        await pilot.pause()
        assert str(dialog.query_one("#reading", Static).render()) == (
            "29 is read as 29.0% (a rate is typed as a percentage)")
        await pilot.click("#save")
        await pilot.pause()
        assert not isinstance(app.screen, RecordFigureDialog)
        assert app.live is not None
        (figure,) = store.figures(app.live.run.id)
        assert figure.name == "opportunity_conversion_rate"
        assert figure.value == pytest.approx(0.29)
        assert figure.session == "Paid Programs"
        assert "Recorded Opportunity conversion rate: 29.0%." in [
            n.message for n in app._notifications]

        # 2900 for a rate: refused in the dialog, nothing saved.
        await pilot.press("r")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#name", Input).value = "Opportunity conversion rate"
        dialog.query_one("#value", Input).value = "2900"
        await pilot.click("#save")
        await pilot.pause()
        assert isinstance(app.screen, RecordFigureDialog)
        assert "2900 would be 2900%" in str(app.screen.query_one("#error", Static).render())
        assert len(store.figures(app.live.run.id)) == 1


async def test_an_owner_outside_the_roster_is_warned_about_as_tuneup_log_does(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=(120, 36), notifications=True) as pilot:
        await pilot.pause()
        await pilot.press("a", *"Fix the form", "enter", *"Alex", "enter", "enter")
        await pilot.pause()
        assert app.live is not None
        (item,) = store.actions(app.live.run.id)
        assert item.owner == "Alex"
        messages = [n.message for n in app._notifications]
        assert ("Alex is not on the roster (Sam, Dana, Leo, Ravi, Jo, Maya, Chris, Priya); "
                "added anyway.") in messages
        # tuneup log reads the roster from the run's snapshot: "everyone" is not on it there
        # either.
        roster = snapshot_of(store.get_run(app.live.run.id)).roster
        assert roster == ("Sam", "Dana", "Leo", "Ravi", "Jo", "Maya", "Chris", "Priya")
        app._notifications.clear()
        await pilot.press("a", *"Call Maria", "enter", *"dana", "enter", "enter")
        await pilot.pause()
        assert not [n for n in app._notifications if "roster" in n.message]
