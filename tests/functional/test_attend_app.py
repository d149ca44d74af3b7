"""The attendee app, driven with Textual's pilot: what it shows, adding an item, live refresh."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import DataTable, Input, Label
from textual.widgets._footer import FooterKey

from tests.functional.attend_helpers import make_app, open_add_dialog, rows, text
from tests.functional.run_under_way import start_run
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.attend.add_item import AddActionScreen
from tuneup_tui.ui.attend.name import NameScreen


async def test_shows_the_run_the_session_and_my_items(store: RunStore) -> None:
    run = start_run(store)
    store.add_action(run.id, "Fix the 404s", "Dana", due=date(2026, 12, 1))
    store.add_action(run.id, "Find the leads", "Priya")
    app = make_app(store, name="dana")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert text(app, "#run-line") == f"Run {run.id}: Tune Up (2026-11-23, in progress)"
        assert text(app, "#session-line") == "Now: Site Health"
        assert rows(app, "#mine") == [["1", "Dana", "2026-12-01", "open", "-", "Fix the 404s"]]
        assert [r[1] for r in rows(app, "#everyone")] == ["Dana", "Priya"]


async def test_adding_an_item_with_the_dialog(store: RunStore) -> None:
    run = start_run(store)
    app = make_app(store, name="Priya")
    async with app.run_test(size=(110, 40)) as pilot:
        dialog = await open_add_dialog(pilot)
        # Defaults: the attendee owns it, due a week from today, from the current session.
        assert dialog.query_one("#add-owner", Input).value == "Priya"
        assert dialog.query_one("#add-due", Input).value == "2026-11-30"
        assert dialog.query_one("#add-session", Input).value == "Site Health"
        await pilot.press(*"Recheck the 404 list")
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, AddActionScreen)
        [item] = store.actions(run.id)
        assert (item.text, item.owner, item.due, item.session, item.created_by) == (
            "Recheck the 404 list", "Priya", date(2026, 11, 30), "Site Health", "Priya")
        assert rows(app, "#mine") == [
            ["1", "Priya", "2026-11-30", "open", "Site Health", "Recheck the 404 list"]]


async def test_the_dialog_refuses_bad_input_and_keeps_it(store: RunStore) -> None:
    run = start_run(store)
    app = make_app(store, name="Priya")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#add-text", Input).value = "Fix it"
        due = dialog.query_one("#add-due", Input)
        due.value = "12/1"
        await pilot.click("#add-ok")
        await pilot.pause()
        assert app.screen is dialog
        assert text(dialog, "#add-error") == (
            "Due date '12/1': expected a date like 2026-12-04, +N days, a weekday, today or "
            "tomorrow.")
        # Enter in any field submits too.
        due.value = "2026-11-01"
        due.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert text(dialog, "#add-error") == (
            "Due date 2026-11-01 is in the past (today is 2026-11-23).")
        due.value = ""
        session = dialog.query_one("#add-session", Input)
        session.value = "Lunch"
        session.focus()
        await pilot.press("enter")
        await pilot.pause()
        assert text(dialog, "#add-error") == (
            "No session 'Lunch'; sessions: Traffic Study, Site Health.")
        dialog.query_one("#add-text", Input).value = " "
        await pilot.press("enter")
        await pilot.pause()
        assert text(dialog, "#add-error") == "Say what needs doing."
        assert store.actions(run.id) == []
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is not dialog
        assert store.actions(run.id) == []


async def test_owner_completes_from_the_roster(store: RunStore) -> None:
    run = start_run(store)
    app = make_app(store)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)
        await pilot.press("escape")  # not now: the items are still there to add
        await pilot.press("a")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#add-text", Input).value = "Map the buying steps"
        owner = dialog.query_one("#add-owner", Input)
        owner.focus()
        await pilot.press(*"pri")
        await pilot.pause()
        await pilot.press("right")  # accept the suggestion
        assert owner.value == "Priya"
        await pilot.click("#add-ok")
        await pilot.pause()
        [item] = store.actions(run.id)
        assert (item.owner, item.created_by) == ("Priya", "attendee")


async def test_items_added_elsewhere_appear(store: RunStore, tmp_path: Path) -> None:
    run = start_run(store)
    app = make_app(store, name="Dana")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert rows(app, "#everyone") == []
        with RunStore(tmp_path / "tuneup.db") as other:  # another terminal's `tuneup log`
            other.add_action(run.id, "Fix the 404s", "Dana")
        for _ in range(40):
            await pilot.pause(0.05)
            if rows(app, "#mine"):
                break
        assert [r[5] for r in rows(app, "#mine")] == ["Fix the 404s"]


async def test_waits_for_a_run_to_start(store: RunStore) -> None:
    app = make_app(store)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert "No run in progress yet" in text(app, "#run-line")
        await pilot.press("a")
        await pilot.pause()
        assert not isinstance(app.screen, AddActionScreen)


async def test_starts_on_the_item_list_so_the_first_key_is_a_key(store: RunStore) -> None:
    run = start_run(store)
    app = make_app(store, name="Priya")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert app.focused is app.query_one("#mine", DataTable)
        assert not isinstance(app.screen, NameScreen)  # the name is known: never asked
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, AddActionScreen)
        assert store.actions(run.id) == []


async def test_the_add_form_labels_its_fields(store: RunStore) -> None:
    start_run(store)
    app = make_app(store, name="Priya")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.press("a")
        await pilot.pause()
        labels = [str(label.render()) for label in app.screen.query(".field-label")
                  if isinstance(label, Label)]
        assert labels == ["Text", "Owner", "Due", "Session"]


async def test_the_name_is_asked_once_when_not_known(store: RunStore) -> None:
    run = start_run(store)
    app = make_app(store)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, NameScreen)
        await pilot.press("down", "enter")  # Dana, then Priya
        await pilot.pause()
        assert not isinstance(app.screen, NameScreen)
        assert app.attendee == "Priya"
        assert text(app, "#me-line") == "You: Priya (n: change)"
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#add-text", Input).value = "Map the buying steps"
        await pilot.press("enter")
        await pilot.pause()
        [item] = store.actions(run.id)
        assert (item.owner, item.created_by) == ("Priya", "Priya")
        await pilot.pause(0.2)
        assert not isinstance(app.screen, NameScreen)  # once


async def test_a_typed_name_takes_the_rosters_spelling(store: RunStore) -> None:
    start_run(store)
    app = make_app(store)
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        app.screen.query_one("#name-typed", Input).focus()
        await pilot.press(*"dana", "enter")
        await pilot.pause()
        assert app.attendee == "Dana"
        await pilot.press("n")  # a guest, after all
        await pilot.pause()
        app.screen.query_one("#name-typed", Input).focus()
        await pilot.press(*"Zed", "enter")
        await pilot.pause()
        assert app.attendee == "Zed"


async def test_a_name_from_the_command_line_takes_the_rosters_spelling(
        store: RunStore) -> None:
    run = start_run(store)
    app = make_app(store, name="  priya ")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        assert app.attendee == "Priya"
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#add-text", Input).value = "Find the leads"
        await pilot.press("enter")
        await pilot.pause()
        [item] = store.actions(run.id)
        assert item.created_by == "Priya"


async def test_served_the_picked_name_goes_into_the_pages_address(store: RunStore) -> None:
    start_run(store)
    app = make_app(store, page_url="http://127.0.0.1:8000/j/abcdefghijklmnop/")
    opened: list[tuple[str, bool]] = []
    app.open_url = lambda url, *, new_tab=True: opened.append((url, new_tab))  # type: ignore
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        await pilot.press("down", "enter")
        await pilot.pause()
    assert opened == [("http://127.0.0.1:8000/j/abcdefghijklmnop/?name=Priya", False)]


async def test_a_changed_item_is_shown_changed(store: RunStore, tmp_path: Path) -> None:
    run = start_run(store)
    first = store.add_action(run.id, "Fix the 404s", "Dana")
    app = make_app(store, name="Dana")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        with RunStore(tmp_path / "tuneup.db") as other:
            other.add_action(run.id, "Find the leads", "Priya")  # only added: rows appended
            other.update_action(first.id, status="done")  # changed: shown again
        for _ in range(40):
            await pilot.pause(0.05)
            if len(rows(app, "#everyone")) == 2 and rows(app, "#everyone")[0][3] == "done":
                break
        assert [(r[0], r[3], r[5]) for r in rows(app, "#everyone")] == [
            ("1", "done", "Fix the 404s"), ("2", "open", "Find the leads")]
        assert [r[3] for r in rows(app, "#mine")] == ["done"]


async def test_the_footer_lists_the_keys_and_stays_put_under_the_add_dialog(
        store: RunStore) -> None:
    start_run(store)
    app = make_app(store, name="Priya")
    async with app.run_test(size=(110, 40)) as pilot:
        await pilot.pause()
        # listed without the app having the focus (a browser tab starts unfocused)
        keys = list(app.screen.query(FooterKey))
        assert {"add", "close_item", "name", "refresh"} <= {k.action for k in keys}
        await open_add_dialog(pilot)
        await pilot.pause()
        assert list(app.screen_stack[0].query(FooterKey)) == keys  # not drawn again under it
        await pilot.press("escape")
        await pilot.pause()
        assert list(app.screen.query(FooterKey)) == keys
