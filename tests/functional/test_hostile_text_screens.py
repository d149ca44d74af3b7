"""Hostile text on every screen that shows it: markup is drawn as typed and cannot act, control
characters are drawn as symbols and never reach the terminal.

`[@click=app.quit]x` read as markup is a link that quits when clicked, `[red]y[/]` a style;
drawn literally, both show their brackets. What is checked is what the screen draws.
"""

from __future__ import annotations

import asyncio
import csv
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from textual.app import App
from textual.pilot import Pilot

from tests.functional.console_fixtures import DAY_START, console, panels_computed, work_area_shown
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.load import load_agenda
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.store.db import RunStore
from tuneup_tui.ui.attend.app import AttendApp
from tuneup_tui.ui.dialogs.carry_over import CarryOverDialog

CLICK = "[@click=app.quit]x"
RED = "[red]y[/]"
ESCAPES = "\x1b]0;PWNED\x07\x1b[31mz"
ESCAPES_SHOWN = "␛]0;PWNED␇␛[31mz"
SIZE = (160, 50)


def drawn(app: App[object]) -> str:
    """Every line the screen draws now, as plain text (what a terminal would show)."""
    return "\n".join(strip.text for strip in app.screen._compositor.render_strips())


def toasts(app: App[object]) -> str:
    """The text of the toasts on screen."""
    from textual.widgets._toast import Toast

    return "\n".join(toast.render().plain for toast in app.screen.query(Toast))


async def click_on(pilot: Pilot[object], screen: str, text: str) -> None:
    """Click the middle of the first place the screen shows `text`."""
    for y, line in enumerate(screen.splitlines()):
        x = line.find(text)
        if x >= 0:
            await pilot.click(offset=(x + len(text) // 2, y))
            await pilot.pause()
            return
    raise AssertionError(f"{text!r} is not on screen")


def assert_no_controls(text: str) -> None:
    bad = {c for c in text if c != "\n" and (ord(c) < 0x20 or 0x7F <= ord(c) < 0xA0)}
    assert not bad, f"control characters drawn: {sorted(bad)!r}"


def _stored_raw(store: RunStore, sql: str, *params: object) -> None:
    """Write past the store's rules, as a store written before them holds such text."""
    import sqlite3

    with sqlite3.connect(store.path) as conn:
        conn.execute(sql, params)


async def test_action_items_show_literally_and_cannot_act(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    app = console(agenda, agenda_path, None, store, clock)
    # Wide enough for each item's text whole beside its owner (narrower, the text is cut).
    async with app.run_test(size=(200, 50), notifications=True) as pilot:
        await work_area_shown(pilot)
        assert app.live is not None
        run_id = app.live.run.id
        store.add_action(run_id, CLICK, RED, created_by=RED)
        item = store.add_action(run_id, "placeholder", "Dana")
        _stored_raw(store, "UPDATE action_items SET text = ? WHERE id = ?",
                    f"Fix\nit {ESCAPES}", item.id)
        # Typed into the console's own dialog, too.
        await pilot.press("a", *"[b]bold[/b]", "enter", *"[@click=app.quit]Eve", "enter",
                          "enter")
        app.poll_store()
        await pilot.pause()
        # The toasts that said it was added (and that its owner is not on the roster) show the
        # owner as typed too; they go before the rows they cover are read.
        said = toasts(app)
        assert "Action item for [@click=app.quit]Eve added." in said
        assert "[@click=app.quit]Eve is not on the roster" in said
        app.clear_notifications()
        await pilot.pause()
        screen = drawn(app)
        assert_no_controls(screen)
        for shown in (CLICK, RED, f"({RED})", f"Fix␊it {ESCAPES_SHOWN}", "[b]bold[/b]",
                      "[@click=app.quit]Eve"):
            assert shown in screen, shown
        await click_on(pilot, screen, CLICK)
        await click_on(pilot, screen, "[@click=app.quit]Eve")
        assert app.is_running


async def test_carry_over_shows_last_runs_items_literally_and_they_cannot_act(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock,
        tuneup_home: Path) -> None:
    payload = f"[@click=app.screenshot('tuneup.db','{tuneup_home}')]Fix the pricing page[/]"
    first = console(agenda, agenda_path, None, store, clock)
    async with first.run_test(size=SIZE):
        assert first.live is not None
        run_id = first.live.run.id
        store.add_action(run_id, payload, "[red]Dana[/red]")
        store.add_action(run_id, CLICK, f"Priya{ESCAPES}")
        store.end_run(run_id, clock.now())
    clock.advance(minutes=60 * 24 * 7)
    # The new run's console lock (locks/run-2.lock) is the console's own, not the click's.
    before = sorted(p.name for p in tuneup_home.rglob("*") if p.suffix != ".lock")
    nxt = console(agenda, agenda_path, None, store, clock)
    async with nxt.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(nxt.screen, CarryOverDialog)
        screen = drawn(nxt)
        assert_no_controls(screen)
        # Cut to the dialog's columns, brackets and all.
        assert "[@click=app.screenshot('tuneup.…" in screen
        assert "[red]Dana[/…" in screen and CLICK in screen
        assert "Priya]0;PWN…" in screen  # stored without its escape codes
        # Clicking the item's text selects its row; nothing is written and nothing quits.
        await click_on(pilot, screen, "[@click=app.screenshot")
        await click_on(pilot, screen, CLICK)
        assert nxt.is_running
    assert sorted(p.name for p in tuneup_home.rglob("*") if p.suffix != ".lock") == before
    assert not list(tuneup_home.rglob("*.svg"))


HOSTILE_TOPIC = f"{RED} {CLICK}"


def _hostile_agenda(tmp_path: Path, agenda_path: Path) -> Path:
    text = agenda_path.read_text(encoding="utf-8")
    text = text.replace('topic = "Traffic Study"',
                        'topic = "[red]y[/] [@click=app.quit]x \\u001b]0;PWNED\\u0007"', 1)
    assert "PWNED" in text
    path = tmp_path / "hostile.toml"
    path.write_text(text, encoding="utf-8")
    return path


async def test_agenda_topics_show_literally_in_titles_and_dialogs(
        tmp_path: Path, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    path = _hostile_agenda(tmp_path, agenda_path)
    agenda = load_agenda(path)
    app = console(agenda, path, None, store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await work_area_shown(pilot)
        clock.advance(minutes=31)
        await pilot.press("n")
        await pilot.pause()
        screen = drawn(app)
        assert_no_controls(screen)
        topic_shown = f"{HOSTILE_TOPIC} ␛]0;PWNED␇"
        # The header, the card and the notes' border title (the agenda cuts it: "[red]y[/] [@…").
        assert screen.count(HOSTILE_TOPIC) == 3, screen
        assert "[red]y[/] [@" in screen
        assert topic_shown in screen
        assert f"Notes · {HOSTILE_TOPIC}" in screen
        await pilot.press("a")
        await pilot.pause()
        assert f"Add an action item · {topic_shown}" in drawn(app)
        await pilot.press("escape", "r")
        await pilot.pause()
        assert f"Record a figure · {topic_shown}" in drawn(app)
        await pilot.press("escape", "j")
        await pilot.pause()
        assert_no_controls(drawn(app))
        assert topic_shown in drawn(app)
        await pilot.press("escape")
        assert app.is_running


FARM = "[@click=app.quit]farm.example\x1b[2J"
FARM_SHOWN = "[@click=app.quit]farm.example␛[2J"


def _hostile_pack(sample_pack: Path, into: Path) -> Path:
    """The sample pack with its top referring site and a click-farm site renamed to markup and
    escape codes (referrer spam puts any text into a real export)."""
    pack = into / "pack"
    shutil.copytree(sample_pack, pack)
    rows = _read(pack / "traffic.csv")
    referrals = [r for r in rows if r["medium"] == "referral"]
    top = max({r["source"] for r in referrals},
              key=lambda s: sum(int(r["sessions"]) for r in referrals if r["source"] == s))
    for row in rows:
        if row["source"] == top:
            row["source"] = "[@click=app.quit]evil.example\x1b]0;pwned\x07"
    _write(pack / "traffic.csv", rows)
    paid = _read(pack / "paid.csv")
    for row in paid:
        if row["site"] == "clickfarm-network.example":
            row["site"] = FARM
    _write(pack / "paid.csv", paid)
    return pack


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _write(path: Path, rows: list[dict[str, str]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)


async def _go_to(pilot: Pilot[object], agenda: Agenda, panel: str) -> None:
    topic = next(s.topic for s in agenda.sessions if panel in s.panels)
    await pilot.press("j", *topic[:8], "enter")
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.pause()


async def test_hostile_data_shows_literally_in_bars_tables_findings_and_soft_spots(
        tmp_path: Path, sample_pack: Path, agenda: Agenda, agenda_path: Path,
        store: RunStore, clock: FakeClock) -> None:
    pack = _hostile_pack(sample_pack, tmp_path)
    app = console(agenda, agenda_path, pack, store, clock)
    async with app.run_test(size=(160, 120)) as pilot:  # tall: the whole panel on screen
        await panels_computed(pilot)
        assert app.results["referrers"].error is None
        await _go_to(pilot, agenda, "referrers")
        screen = drawn(app)
        assert_no_controls(screen)
        # In the share bars (labels cut to 20 cells) and the table of top referring sites.
        assert "[@click=app.quit]ev… ███" in screen
        assert "[@click=app.quit]evil.example␛]0;pwned␇" in screen
        await click_on(pilot, screen, "[@click=app.quit]ev…")
        assert app.is_running

        await _go_to(pilot, agenda, "paid")
        await pilot.press("t")  # the findings tab
        await pilot.pause()
        screen = drawn(app)
        assert_no_controls(screen)
        assert f"Suspected click farm: {FARM_SHOWN} (Display Network)" in screen
        await pilot.press("f")  # promote: the findings offered as they are
        await pilot.pause()
        assert FARM_SHOWN in drawn(app)
        assert_no_controls(drawn(app))
        await pilot.press("escape")
        await pilot.pause()

        assert app.live is not None
        farm = next(f for f in app.results["paid"].findings if "farm.example" in f.message)
        store.add_soft_spot(app.live.run.id, farm.message, owner=RED, panel="paid",
                            finding_key=farm.key)
        app.main.refresh_store_data()
        await pilot.pause()
        screen = drawn(app)
        assert_no_controls(screen)
        assert f"✓ soft spot ({RED})" in screen
        assert app.is_running


async def test_the_attendee_app_shows_items_and_the_run_literally(tmp_path: Path) -> None:
    from tests.functional.attend_helpers import make_app
    from tests.functional.run_under_way import start_run

    store = RunStore(tmp_path / "tuneup.db")
    try:
        run = start_run(store)
        _stored_raw(store, "UPDATE runs SET title = ? WHERE id = ?", f"{RED}{ESCAPES}", run.id)
        store.add_action(run.id, CLICK, RED, created_by=RED)
        item = store.add_action(run.id, "placeholder", "Dana")
        _stored_raw(store, "UPDATE action_items SET text = ?, owner = ? WHERE id = ?",
                    f"Fix\nit {ESCAPES}", f"Dana{ESCAPES}", item.id)
        app: AttendApp = make_app(store, name=RED)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await pilot.pause()
            screen = drawn(app)
            assert_no_controls(screen)
            assert f"Run {run.id}: {RED}{ESCAPES_SHOWN}" in screen
            for shown in (CLICK, RED, f"Fix␊it {ESCAPES_SHOWN}", f"Dana{ESCAPES_SHOWN}"):
                assert shown in screen, shown
            # My items: the name typed is the owner's, brackets and all.
            assert screen.count(CLICK) == 2
            app.action_add()
            await pilot.pause()
            await pilot.press(*"[b]x[/b]", "tab", "ctrl+u", *"[@click=app.quit]Eve", "enter")
            await pilot.pause()
            assert "Added item 3 for [@click=app.quit]Eve" in toasts(app)
            assert app.is_running
    finally:
        store.close()


MARKUP_PIECES = st.sampled_from([
    "[", "]", "[/]", "[b]", "[@click=app.quit]", "[red]", "[link=x]", "\\[", "[/red]",
    "[@click=app.screenshot('a','b')]", "\x1b", "\x1b[2J", "\x1b]0;t\x07", "\x07", "\x9b",
    "\r", "\n", "\t", "\x00", "\u2028", "Dana", " ", "é", "界",
])
HOSTILE = st.lists(MARKUP_PIECES, min_size=1, max_size=8).map("".join).filter(
    lambda s: s.strip() and any(c.isalpha() or c in "[]" for c in s))


@settings(max_examples=5, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=HOSTILE, owner=HOSTILE)
def test_fuzzed_markup_and_controls_never_act_or_reach_the_terminal(
        text: str, owner: str, agenda: Agenda, agenda_path: Path,
        tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = tmp_path_factory.mktemp("fuzz")
    asyncio.run(_fuzz_round(text, owner, agenda, agenda_path, folder))


async def _fuzz_round(text: str, owner: str, agenda: Agenda, agenda_path: Path,
                      folder: Path) -> None:
    """The console's items table, then the next run's carry-over dialog, with `text` and
    `owner` stored by the rules and as an older store may hold them."""
    from tuneup_tui.textsafe import one_line

    clock = FakeClock(DAY_START)
    store = RunStore(folder / "tuneup.db")
    try:
        app = console(agenda, agenda_path, None, store, clock)
        # Wide enough for the item's first 20 characters (40 cells, all wide) beside an owner
        # as long as an owner is drawn (narrower, an item's text is cut to the room left).
        async with app.run_test(size=(220, 50)) as pilot:
            await work_area_shown(pilot)
            assert app.live is not None
            run_id = app.live.run.id
            store.add_action(run_id, text, owner)
            raw = store.add_action(run_id, "placeholder", "Dana")
            _stored_raw(store, "UPDATE action_items SET text = ?, owner = ? WHERE id = ?",
                        text, owner, raw.id)
            app.poll_store()
            await pilot.pause()
            screen = drawn(app)
            assert_no_controls(screen)
            assert one_line(text)[:20].strip() in screen.replace("␊", " ").replace("␍", " ")
            assert app.is_running
        store.end_run(run_id, clock.now())
        clock.advance(minutes=60 * 24 * 7)
        second = console(agenda, agenda_path, None, store, clock)
        async with second.run_test(size=SIZE) as pilot:
            await pilot.pause()
            assert isinstance(second.screen, CarryOverDialog)
            assert_no_controls(drawn(second))
            assert second.is_running
    finally:
        store.close()


async def test_a_pasted_escape_code_never_lands_in_a_field(
        agenda: Agenda, agenda_path: Path, store: RunStore, clock: FakeClock) -> None:
    from textual import events
    from textual.widgets import Input, TextArea

    app = console(agenda, agenda_path, None, store, clock)
    async with app.run_test(size=SIZE) as pilot:
        await work_area_shown(pilot)
        await pilot.press("a")
        await pilot.pause()
        app.post_message(events.Paste(f"Fix {ESCAPES} it\nsecond line"))
        await pilot.pause()
        assert app.screen.query_one("#text", Input).value == "Fix ]0;PWNED[31mz it"
        assert_no_controls(drawn(app))
        await pilot.press("escape", "ctrl+n")
        await pilot.pause()
        app.post_message(events.Paste(f"one\n\ttwo{ESCAPES}"))
        await pilot.pause()
        assert app.screen.query_one(TextArea).text == "one\n\ttwo]0;PWNED[31mz"
        assert_no_controls(drawn(app))
