"""The run store in PostgreSQL: a connection that speaks the few calls the store makes of sqlite3.

The store's SQL is written once, with sqlite3's `?` and `:name` placeholders; here they become
psycopg's, and a row reads by name and by position as `sqlite3.Row` does. Every write
transaction first bumps the one row of `store_changes`: that row lock makes writers take turns
(as SQLite's BEGIN IMMEDIATE does) and its counter is the cheap "anything new?" signal the
console polls.

psycopg is imported only here, and only when a store address is a PostgreSQL one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from decimal import Decimal
from functools import lru_cache
from typing import Any, TypeVar
from urllib.parse import urlsplit, urlunsplit

from tuneup_tui.store.errors import StoreError

T = TypeVar("T")

CONNECT_SECONDS = 5
"""How long opening a connection may take before the shared store counts as unreachable."""

CHANGES_TABLE = "CREATE TABLE IF NOT EXISTS store_changes (id INTEGER PRIMARY KEY, counter BIGINT)"


def shown(url: str) -> str:
    """The address without its password, fit for messages and the console's header."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@", 1)
    return urlunsplit(parts._replace(netloc=netloc))


class Row(dict[str, Any]):
    """A result row read by column name or by position."""

    def __getitem__(self, key: str | int) -> Any:
        if isinstance(key, int):
            return list(self.values())[key]
        return super().__getitem__(key)


class Cursor:
    """What a statement gave back: its rows, and the id of a row it inserted."""

    def __init__(self, rows: list[Row]) -> None:
        self._rows = rows
        self.lastrowid: int | None = rows[0].get("id") if rows else None

    def fetchone(self) -> Row | None:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[Row]:
        return self._rows

    def __iter__(self) -> Iterator[Row]:
        return iter(self._rows)


class PgConnection:
    """One psycopg connection in autocommit mode; `write` runs a body in one transaction."""

    def __init__(self, url: str) -> None:
        self.url = url
        self._raw: Any = None
        self._transaction = False
        self._open()

    @property
    def in_transaction(self) -> bool:
        return self._transaction

    def execute(self, sql: str, params: Sequence[Any] | Mapping[str, Any] = ()) -> Cursor:
        # Without parameters psycopg sends the text as it is: nothing to translate.
        text = _translate(sql, isinstance(params, Mapping)) if params else sql
        if _inserts_with_id(text):
            text += " RETURNING *"
        with self._errors():
            cur = self._raw.execute(text, params or None)
            return Cursor(cur.fetchall() if cur.description else [])

    def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> None:
        batch = list(seq)
        if not batch:
            return
        with self._errors():
            self._raw.cursor().executemany(_translate(sql, isinstance(batch[0], Mapping)), batch)

    def write(self, body: Callable[[PgConnection], T]) -> T:
        """Run `body` in one transaction, committed when it returns, rolled back if it raises."""
        if self._raw is None or self._raw.closed or self._raw.broken:
            self._open()
        with self._errors(), self._raw.transaction():
            self._transaction = True
            try:
                self._raw.execute("UPDATE store_changes SET counter = counter + 1 WHERE id = 1")
                return body(self)
            finally:
                self._transaction = False

    def close(self) -> None:
        if self._raw is not None:
            self._raw.close()

    def _open(self) -> None:
        try:
            import psycopg
        except ImportError as err:
            raise StoreError(f"the shared store {shown(self.url)} needs PostgreSQL's driver: "
                             "pip install 'tuneup-tui[postgres]'") from err

        try:
            self._raw = psycopg.connect(self.url, autocommit=True, row_factory=_row_factory,
                                        connect_timeout=CONNECT_SECONDS)
        except psycopg.Error as err:
            raise StoreError(f"cannot reach the shared store {shown(self.url)}: "
                             f"{_one_line(err)}") from err
        self._raw.adapters.register_loader("numeric", _number_loader())
        self._raw.adapters.register_dumper(float, _float_dumper())
        self._raw.execute(CHANGES_TABLE)
        self._raw.execute("INSERT INTO store_changes (id, counter) VALUES (1, 0)"
                          " ON CONFLICT (id) DO NOTHING")

    def _errors(self) -> Any:
        return _Translated(self)


class _Translated:
    """Turn psycopg's errors into the store's: one line, naming the shared store."""

    def __init__(self, conn: PgConnection) -> None:
        self.conn = conn

    def __enter__(self) -> None:
        if self.conn._raw is None or self.conn._raw.closed or self.conn._raw.broken:
            self.conn._open()

    def __exit__(self, kind: type[BaseException] | None, err: BaseException | None,
                 tb: object) -> None:
        import psycopg

        if isinstance(err, psycopg.OperationalError):
            raise StoreError(f"the shared store {shown(self.conn.url)} did not answer: "
                             f"{_one_line(err)}") from err
        if isinstance(err, psycopg.Error) and not isinstance(err, StoreError):
            raise StoreError(f"the shared store {shown(self.conn.url)}: {_one_line(err)}") from err


def _row_factory(cursor: Any) -> Callable[[Sequence[Any]], Row]:
    names = [column.name for column in cursor.description or ()]
    return lambda values: Row(zip(names, values, strict=True))


def _float_dumper() -> Any:
    """A float sent as the NUMERIC text Python writes ("3.0"), so a float reads back a float."""
    from psycopg._oids import NUMERIC_OID
    from psycopg.types.numeric import FloatDumper

    class FloatAsNumeric(FloatDumper):
        oid = NUMERIC_OID

    return FloatAsNumeric


@lru_cache(maxsize=1)
def _number_loader() -> Any:
    """NUMERIC as the int or float it was written as (a column of any number, as in SQLite).

    Built on first use: psycopg is imported only once a store is a shared one, so a console
    without the `postgres` extra installed never needs it."""
    from psycopg.types.numeric import NumericLoader

    class NumberLoader(NumericLoader):
        def load(self, data: Any) -> int | float | None:  # type: ignore[override]
            value: Decimal = super().load(data)
            if value.is_nan():
                return None
            text = str(value)
            return int(value) if "." not in text and "E" not in text else float(value)

    return NumberLoader


_PLACEHOLDER = re.compile(r"\?|(?<!:):([A-Za-z_]\w*)|%")


@lru_cache(maxsize=256)
def _translate(sql: str, named: bool) -> str:
    """`?` -> `%s`, `:name` -> `%(name)s`, a literal `%` -> `%%`."""

    def swap(match: re.Match[str]) -> str:
        token = match.group(0)
        if token == "%":
            return "%%"
        if token == "?":
            return "%s"
        return f"%({match.group(1)})s" if named else token

    return _PLACEHOLDER.sub(swap, sql)


_INSERT = re.compile(r"^\s*INSERT\s+INTO\s+(\w+)", re.IGNORECASE)


def _inserts_with_id(sql: str) -> bool:
    """An INSERT into a table whose rows have an id, and not already RETURNING something: it
    returns the row, so that `lastrowid` is there as sqlite3 gives it."""
    from tuneup_tui.store.schema import ID_TABLES

    match = _INSERT.match(sql)
    return bool(match and match.group(1).lower() in ID_TABLES and "RETURNING" not in sql.upper())


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__
