"""The attendee app (`tuneup attend`, and `tuneup serve` in a browser).

A small window on the run in progress: which session the room is in, the attendee's own action
items and everyone's, a dialog to add one, and enter on an item of one's own to fix it (`c`
closes it: `edit_item.py`). It polls the store's `data_version` twice a
second (a cheap pragma) and redraws only when another process committed something. Its writes
go through a `WriteBehind`, as the console's do: a store another process holds busy never
freezes the app, and an item added meanwhile lands as soon as the store frees.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import ClassVar
from urllib.parse import quote

from rich.text import Text
from textual import events, on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import DataTable, Label, Static

from tuneup_tui.agenda.room import current_session
from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.store.db import RunStore, StoreError
from tuneup_tui.store.item_form import ITEM_COLUMNS, item_cells
from tuneup_tui.store.models import Run
from tuneup_tui.store.snapshot import RunSnapshot, snapshot_of
from tuneup_tui.store.write_behind import WriteBehind
from tuneup_tui.textsafe import one_line
from tuneup_tui.ui.attend import edit_item
from tuneup_tui.ui.attend.add_item import AddActionScreen, NewAction
from tuneup_tui.ui.attend.name import NameScreen
from tuneup_tui.ui.literal import literal_line, plain_paste, say
from tuneup_tui.ui.widgets.keys_footer import KeysFooter

POLL_SECONDS = 0.5
SESSION_SECONDS = 5.0
"""How often the current session is worked out again when nothing was committed (the timer
moves sessions on by itself in follow-the-clock runs)."""


class AttendFooter(KeysFooter):
    """The footer, drawn while the app does not have the focus too. A browser tab starts
    unfocused, and Textual's footer waits for the focus before listing the keys: on a phone the
    page showed no Add key until it was tapped."""

    WAIT_FOR_FOCUS = False


class AttendApp(App[None]):
    """The attendee's view of one run."""

    CSS_PATH = "attend.tcss"
    TITLE = "tuneup attend"
    ENABLE_COMMAND_PALETTE = False
    """An attendee needs four keys; the palette would add screenshots and themes, which write
    files on the facilitator's machine when the app is served to a browser."""
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "add", "Add item", id="attend.add"),
        Binding("c", "close_item", "Close mine", id="attend.close"),
        Binding("n", "name", "Name", id="attend.name"),
        Binding("r", "refresh", "Refresh", id="attend.refresh"),
    ]
    """ctrl+q quits too (Textual's own key, left out of the footer: a phone's footer has room
    for little more than these)."""

    def __init__(self, store: RunStore, *, run_id: int | None = None, name: str = "",
                 page_url: str = "",
                 today: Callable[[], date] = date.today,
                 now: Callable[[], datetime] = datetime.now,
                 poll_seconds: float = POLL_SECONDS) -> None:
        super().__init__()
        self.store = store
        self.writes = WriteBehind(store)
        """The app's writes: made at once, or behind a busy store without freezing a key."""
        self.fixed_run_id = run_id
        """The run asked for with --run; None follows the run in progress."""
        self.attendee = one_line(name)
        self.page_url = page_url
        """The served page's address (with its join code); empty in a terminal."""
        self._asked_name = bool(self.attendee)
        self.today = today
        self.now = now
        self.poll_seconds = poll_seconds
        self.the_run: Run | None = None
        self.snapshot = RunSnapshot()
        self.session: str | None = None
        self._seen_version: int | None = None
        self._snapshot_source: str | None = None
        self._rows_shown: dict[str, list[tuple[str, ...]]] = {}
        self._lines_shown: dict[str, str] = {}
        self._read_snapshot = RunSnapshot()
        self._session_checked = 0.0

    async def on_event(self, event: events.Event) -> None:
        await super().on_event(plain_paste(event))

    def compose(self) -> ComposeResult:
        yield Static(self.TITLE, id="title")
        yield Static("", id="run-line")
        yield Static("", id="session-line")
        yield Static("", id="me-line")
        yield Label("My action items", classes="heading")
        yield DataTable(id="mine", cursor_type="row", zebra_stripes=True)
        yield Label("Everyone's action items", classes="heading")
        yield DataTable(id="everyone", cursor_type="row", zebra_stripes=True)
        yield AttendFooter()

    def on_mount(self) -> None:
        for table_id in ("#mine", "#everyone"):
            self.query_one(table_id, DataTable).add_columns(*ITEM_COLUMNS)
        self.query_one("#mine", DataTable).focus()
        self.action_refresh()
        self.set_interval(self.poll_seconds, self.poll)

    def on_unmount(self) -> None:
        self.writes.close()  # what waits for a busy store lands before the app ends

    def poll(self) -> None:
        """Redraw when another process committed; recheck the session now and then."""
        while self.writes.failures:
            say(self, f"Not saved: {self.writes.failures.popleft()}", severity="error",
                timeout=20)
        try:
            version = self.store.data_version()
        except StoreError as err:
            say(self, str(err), severity="error")
            return
        if version != self._seen_version:
            self.action_refresh()
        elif self._elapsed_since_session_check() >= SESSION_SECONDS:
            self._show_session()

    def action_refresh(self) -> None:
        try:
            self._seen_version = self.store.data_version()
            self.the_run = self._find_run()
            self.snapshot = self._snapshot(self.the_run)
            items = self.store.actions(self.the_run.id) if self.the_run else []
        except StoreError as err:
            say(self, str(err), severity="error")
            return
        if self.attendee and (known := self.snapshot.person(self.attendee)):
            self.attendee = known
        self._show_run()
        self._show_session()
        self._show_me()
        self._fill(self.query_one("#everyone", DataTable), items)
        me = self.attendee.casefold()
        mine = [i for i in items if me and i.owner.casefold() == me]
        self._fill(self.query_one("#mine", DataTable), mine)

    def deliver_screenshot(self, filename: str | None = None, path: str | None = None,
                           time_format: str | None = None) -> str | None:
        """The palette's Screenshot, saved under the data folder (see ui/screenshot.py)."""
        from tuneup_tui.ui.screenshot import screenshot_into

        return screenshot_into(super().deliver_screenshot, self, None)

    def action_add(self) -> None:
        if self.the_run is None:
            self.notify("No run in progress yet: items can be added once the day starts.",
                        severity="warning")
            return
        today = self.today()
        screen = AddActionScreen(roster=self.snapshot.roster, topics=self.snapshot.topics,
                                 owner=self.attendee, due=today + timedelta(days=7),
                                 session=self.session, today=today)
        self.push_screen(screen, self._added)

    @on(DataTable.RowSelected)
    def item_chosen(self, event: DataTable.RowSelected) -> None:
        """Enter on an item: fix it, when it is one's own."""
        event.stop()
        if event.row_key.value is not None:
            edit_item.open_item(self, int(event.row_key.value))

    def action_close_item(self) -> None:
        """`c`: close the highlighted item of one's own as done."""
        table = self.focused if isinstance(self.focused, DataTable) else self.query_one(
            "#mine", DataTable)
        if table.row_count == 0:
            self.notify("No item to close.", severity="warning")
            return
        key = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        if key is not None:
            edit_item.close_item(self, int(key))

    def action_name(self) -> None:
        """Ask who the attendee is (the roster first)."""
        self._asked_name = True
        self.push_screen(NameScreen(self.snapshot.roster, self.attendee), self._named)

    def _named(self, name: str | None) -> None:
        if not name:
            return
        self.attendee = self.snapshot.person(name) or one_line(name)
        if self.page_url:
            # Served: the name goes into the page's address, so a reload or a bookmark keeps
            # it (the page opens again with a fresh app that knows it).
            self.open_url(f"{self.page_url}?name={quote(self.attendee)}", new_tab=False)
        self.action_refresh()

    def _ask_name_once(self) -> None:
        """The first time the run (and so its roster) is known and the name is not."""
        if self._asked_name or self.the_run is None:
            return
        self._asked_name = True
        self.call_later(self.action_name)

    def _added(self, item: NewAction | None) -> None:
        if item is None or self.the_run is None:
            return
        try:
            saved = self.writes.save(RunStore.add_action, self.the_run.id, item.text,
                                     item.owner, due=item.due, session=item.session,
                                     created_by=self.attendee or "attendee")
        except StoreError as err:
            say(self, str(err), severity="error")
            return
        if saved is None:
            say(self, f"Item for {item.owner} kept: the store is busy, it is saved as soon as "
                "it frees.", severity="warning")
            return
        note = "" if self.snapshot.person(saved.owner) or not self.snapshot.roster else (
            f" ({saved.owner} is not on the roster)")
        say(self, f"Added item {saved.id} for {saved.owner}{note}.")
        self.action_refresh()

    def _show_me(self) -> None:
        line = (f"You: {self.attendee} (n: change)" if self.attendee
                else "You: not named yet (n: pick your name)")
        self._line("#me-line", line)
        self._ask_name_once()

    def _line(self, widget_id: str, text: str) -> None:
        """Show `text` in a one-line Static, literally; nothing is redrawn when it is shown."""
        if self._lines_shown.get(widget_id) != text:
            self._lines_shown[widget_id] = text
            self.query_one(widget_id, Static).update(literal_line(text, width=None))

    def _snapshot(self, run: Run | None) -> RunSnapshot:
        """The run's roster and topics, read again only when its agenda is another."""
        source = run.agenda_toml if run is not None else None
        if source != self._snapshot_source:
            self._snapshot_source = source
            self._read_snapshot = snapshot_of(run) if run is not None else RunSnapshot()
        return self._read_snapshot

    def _find_run(self) -> Run | None:
        if self.fixed_run_id is not None:
            return self.store.get_run(self.fixed_run_id)
        return self.store.current_run()

    def _show_run(self) -> None:
        if self.the_run is None:
            self._line("#run-line",
                       "No run in progress yet; this page follows the day once it starts.")
            return
        run = self.the_run
        state = "ended" if run.finished else "in progress"
        self._line("#run-line", f"Run {run.id}: {run.title} ({run.as_of.isoformat()}, {state})")

    def _show_session(self) -> None:
        self._session_checked = self._monotonic()
        if self.the_run is None:
            self.session = None
        else:
            try:
                events = self.store.events(self.the_run.id)
            except StoreError:
                events = []
            self.session = current_session(self.the_run, events, now=self.now())
        self._line("#session-line",
                   f"Now: {self.session}" if self.session else "Now: no session running")

    def _fill(self, table: DataTable[str | Text], items: list[ActionItem]) -> None:
        """Show `items`: nothing is redrawn when they are what is shown, and only the new rows
        are added when items were only added (as when thirty attendees add theirs, and every
        app on the machine refreshes after every one)."""
        rows = [item_cells(i) for i in items]
        shown = self._rows_shown.get(str(table.id), [])
        if rows == shown:
            return
        if rows[:len(shown)] != shown:
            table.clear()
            shown = []
        for row in rows[len(shown):]:
            # What attendees typed is drawn as it is: Text cells, never markup.
            table.add_row(row[0], literal_line(row[1]), row[2], row[3], literal_line(row[4]),
                          literal_line(row[5]), key=row[0])
        self._rows_shown[str(table.id)] = rows

    def _elapsed_since_session_check(self) -> float:
        return self._monotonic() - self._session_checked

    @staticmethod
    def _monotonic() -> float:
        import time

        return time.monotonic()
