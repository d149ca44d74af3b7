"""The canonical sources of a data pack and their columns (DESIGN.md, "Data pack").

Every source is optional. A source file is `<name>.csv` in the pack folder unless a real
export is recognised or mapped in `datapack.toml`. Column kinds drive parsing: `date` and
`datetime` are parsed to timestamps, `number` and `integer` accept "1,234", "12.5%", "$1,234.56",
`text` stays a string, `flag` reads 1/0/true/false/yes/no.

What `DataPack.frame(source)` hands a panel: date and datetime columns as naive datetime64
(missing: NaT); number and integer columns as float64 (missing: NaN); text as the str dtype,
stripped, with empty cells missing (NA); flags as bool (missing: False). Every schema column is
present, optional ones absent from the file as all-missing, except the reference columns
(`loaded=False`: a lead's email and company, a bad-data reason): files
may carry them and they are checked by name, but no figure reads them, so they are not loaded
(on a million leads, the e-mail addresses alone cost half of the reading time).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ColumnKind = Literal["date", "datetime", "number", "integer", "text", "flag"]


@dataclass(frozen=True)
class Column:
    """One column of a canonical source."""

    name: str
    kind: ColumnKind
    required: bool = True
    loaded: bool = True
    """False for reference columns: accepted in a file, never read (no figure uses them)."""
    distinct: bool = False
    """True for text that differs row by row (a lead's id); other text columns repeat a short
    list of values (reps, statuses, programs), which a big file is read as (see read.py)."""


@dataclass(frozen=True)
class SourceSchema:
    """A canonical source: its name, columns, and the column that dates each row."""

    name: str
    columns: tuple[Column, ...]
    date_column: str | None
    """The column that places a row in a period (None: the source is not dated)."""
    lenient: bool = False
    """A bad row is set aside on its own (one line naming its file and row) and the file's
    other rows are used, rather than the whole file: a plan typed by hand (targets) is read
    row by row; `DataPack.row_places` says where each row of its frame stands."""

    @property
    def required(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.required)

    @property
    def optional(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if not c.required)

    @property
    def loaded(self) -> tuple[Column, ...]:
        """The columns a frame of this source holds (reference columns left out)."""
        return tuple(c for c in self.columns if c.loaded)

    def column(self, name: str) -> Column | None:
        for c in self.columns:
            if c.name == name:
                return c
        return None


def _req(name: str, kind: ColumnKind) -> Column:
    return Column(name, kind, True)


def _opt(name: str, kind: ColumnKind) -> Column:
    return Column(name, kind, False)


def _ref(name: str, kind: ColumnKind) -> Column:
    return Column(name, kind, False, loaded=False)


def _id(name: str) -> Column:
    return Column(name, "text", True, distinct=True)


SOURCES: dict[str, SourceSchema] = {
    s.name: s
    for s in (
        SourceSchema(
            "traffic",
            (
                _req("date", "date"),
                _req("source", "text"),
                _req("medium", "text"),
                _req("sessions", "integer"),
                _req("goal_completions", "integer"),
                _opt("users", "integer"),
                _opt("channel", "text"),
            ),
            "date",
        ),
        SourceSchema(
            "social",
            (
                _req("date", "date"),
                _req("network", "text"),
                _req("followers", "integer"),
                _req("engagements", "integer"),
                _opt("posts", "integer"),
                _opt("video_views", "integer"),
                _opt("community_members", "integer"),
            ),
            "date",
        ),
        SourceSchema(
            "paid",
            (
                _req("date", "date"),
                _req("program", "text"),
                _req("channel", "text"),
                _req("site", "text"),
                _req("spend", "number"),
                _req("impressions", "integer"),
                _req("clicks", "integer"),
                _req("names", "integer"),
                _opt("currency", "text"),
            ),
            "date",
        ),
        SourceSchema(
            "pages_404",
            (
                _req("date", "date"),
                _req("url", "text"),
                _req("hits", "integer"),
                _opt("referrer", "text"),
            ),
            "date",
        ),
        SourceSchema(
            "keywords",
            (
                _req("date", "date"),
                _req("keyword", "text"),
                _req("position", "number"),
                _opt("url", "text"),
                _opt("clicks", "integer"),
                _opt("impressions", "integer"),
            ),
            "date",
        ),
        SourceSchema(
            "seo",
            (_req("date", "date"), _req("metric", "text"), _req("value", "number")),
            "date",
        ),
        SourceSchema(
            "calendar",
            (
                _req("start", "date"),
                _req("end", "date"),
                _req("name", "text"),
                _req("kind", "text"),
                _req("owner", "text"),
                _opt("expected_sessions", "number"),
                _opt("expected_leads", "number"),
                _opt("budget", "number"),
            ),
            "start",
        ),
        SourceSchema(
            "leads",
            (
                _id("lead_id"),
                _req("created_at", "datetime"),
                _req("program", "text"),
                _req("score", "number"),
                _req("status", "text"),
                _req("sent_to_sales_at", "datetime"),
                _req("territory", "text"),
                _ref("email", "text"),
                _ref("company", "text"),
            ),
            "created_at",
        ),
        SourceSchema("database", (_req("date", "date"), _req("contacts", "integer")), "date"),
        SourceSchema(
            "emails",
            (
                _req("date", "date"),
                _req("campaign", "text"),
                _req("sent", "integer"),
                _req("delivered", "integer"),
                _req("opens", "integer"),
                _req("clicks", "integer"),
                _req("unsubscribes", "integer"),
                _req("bounces", "integer"),
                _opt("kind", "text"),
            ),
            "date",
        ),
        SourceSchema(
            "crm",
            (
                _id("lead_id"),
                _req("owner", "text"),
                _req("territory", "text"),
                _req("status", "text"),
                _req("first_touch_at", "datetime"),
                _id("opportunity_id"),
                _req("bad_data", "flag"),
                _ref("bad_data_reason", "text"),
            ),
            None,
        ),
        SourceSchema("territories", (_req("territory", "text"), _req("rep", "text")), None),
        SourceSchema(
            "activities",
            (
                _req("date", "datetime"),
                _req("rep", "text"),
                _req("type", "text"),
                _id("lead_id"),
                _opt("outcome", "text"),
            ),
            "date",
        ),
        SourceSchema(
            "opportunities",
            (
                _id("opportunity_id"),
                _id("lead_id"),
                _req("created_at", "datetime"),
                _req("stage", "text"),
                _req("amount", "number"),
                _req("closed_at", "datetime"),
                _opt("owner", "text"),
            ),
            "created_at",
        ),
        SourceSchema(
            "tactics",
            (
                _req("tactic", "text"),
                _req("cost", "number"),
                _req("internal_hours", "number"),
                _req("hourly_rate", "number"),
                _opt("start", "date"),
                _opt("end", "date"),
                _opt("budget", "number"),
            ),
            None,
        ),
        SourceSchema(
            "targets",
            (
                _req("period", "text"),
                _req("figure", "text"),
                _req("target", "number"),
                _opt("tactic", "text"),
            ),
            None,
            lenient=True,
        ),
    )
}

SOURCE_NAMES: tuple[str, ...] = tuple(SOURCES)
