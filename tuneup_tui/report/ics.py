"""The action items' due dates as an iCalendar file (RFC 5545) for any calendar app.

One all-day VEVENT per action item with a due date (calendar apps such as Google Calendar and
Outlook show events but ignore VTODO). Dropped items are left out. Lines end in CRLF, are
folded at 75 octets, and text values escape backslashes, commas, semicolons and line breaks.
UIDs are built from the item and run ids, so writing the summary again updates the same
events instead of adding copies.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, date, datetime, timedelta

from tuneup_tui.report.actions_csv import describe
from tuneup_tui.report.model import Summary
from tuneup_tui.store.day_record import ActionItem
from tuneup_tui.textsafe import multi_line

PRODID = "-//tuneup//Tune Up next steps//EN"
MAX_OCTETS = 75


def render_actions_ics(summary: Summary) -> str | None:
    """The calendar text, or None when no action item has a due date (a calendar must hold at
    least one component)."""
    label = f"{summary.run_id}, " if summary.run_id is not None else ""
    label += f"{summary.title}, {summary.day.isoformat()}"
    return actions_ics(summary.actions, run_id=summary.run_id, run_label=label)


def actions_ics(items: Iterable[ActionItem], *, run_id: int | None = None,
                run_label: str = "") -> str | None:
    """VCALENDAR text with one all-day VEVENT per dated, not dropped, action item."""
    dated = [i for i in items if i.due is not None and i.status != "dropped"]
    if not dated:
        return None
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{PRODID}", "CALSCALE:GREGORIAN",
             "METHOD:PUBLISH"]
    for item in sorted(dated, key=lambda i: (i.due, i.id)):
        lines += _event(item, run_id, run_label)
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _event(item: ActionItem, run_id: int | None, run_label: str) -> list[str]:
    assert item.due is not None
    uid = f"tuneup-action-{item.id}" + (f"-run-{run_id}" if run_id is not None else "")
    stamp = _utc(item.updated_at)
    description = f"Owner: {item.owner}\n{describe(item, run_label)}"
    return [
        "BEGIN:VEVENT",
        f"UID:{escape_text(uid)}@tuneup",
        f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}",
        f"DTSTART;VALUE=DATE:{item.due:%Y%m%d}",
        *_day_end(item.due),
        f"SUMMARY:{escape_text(f'{item.owner}: {item.text}' if item.owner else item.text)}",
        f"DESCRIPTION:{escape_text(description)}",
        "STATUS:CONFIRMED",
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
    ]


def _day_end(due: date) -> list[str]:
    """DTEND, the day after `due`; none for the calendar's last day (an item stored before due
    dates had a horizon): an all-day DTSTART alone lasts that one day (RFC 5545, 3.6.1)."""
    if due == date.max:
        return []
    return [f"DTEND;VALUE=DATE:{due + timedelta(days=1):%Y%m%d}"]


def escape_text(text: str) -> str:
    """An RFC 5545 TEXT value: backslash, semicolon, comma escaped; line breaks as \\n; no
    other control character but tab (the RFC allows none in a value)."""
    text = multi_line(text).replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return text.replace("\n", "\\n")


def fold(line: str) -> str:
    """Fold a content line at 75 octets (UTF-8), never inside a character; continuation lines
    start with one space, which counts toward their 75."""
    data = line.encode("utf-8")
    if len(data) <= MAX_OCTETS:
        return line
    pieces: list[str] = []
    current = ""
    size = 0
    limit = MAX_OCTETS
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            pieces.append(current)
            current, size, limit = "", 0, MAX_OCTETS - 1
        current += ch
        size += n
    pieces.append(current)
    return "\r\n ".join(pieces)


def _utc(moment: datetime) -> datetime:
    # store times are naive local time, and astimezone() takes a naive time as local
    return moment.astimezone(UTC)
