"""Agenda documents kept parsed between starts, as Python keeps compiled modules.

Reading TOML is pure Python: the built-in day takes a few milliseconds to import the parser and
parse, at every start of the console. A parsed document is kept in the cache folder beside the
exact text it came from; it is used again only for that very text (compared whole), so an
edited agenda is always parsed afresh. Only what `marshal` can keep is cached (an agenda with
TOML dates or times written unquoted is simply parsed each time), and anything wrong with the
cache (missing, unreadable, from another version, damaged) just means parsing again: the cache
never changes what an agenda says, nor which problems are reported for it.

The parsed document is kept with a CRC-32 of its bytes, checked before it is used: a flipped bit
in the document (which once changed a title or a name without a word) now means parsing again.
CRC-32 catches every error of up to 32 bits in a row and all but one in 4 billion others, and
costs nothing at start (zlib is loaded already; hashlib would add 3 ms, half of what the cache
saves: 6 ms of parsing the built-in day, plus importing the TOML parser).
"""

from __future__ import annotations

import contextlib
import marshal
import os
import zlib
from pathlib import Path
from typing import Any

from tuneup_tui.fsutil import private_folder
from tuneup_tui.paths import cache_dir

FORMAT = 2
"""Bumped whenever what is kept changes; other versions' files are ignored."""

KEEP = 16
"""At most this many agendas' documents are kept; the least recently written go first."""


def _folder() -> Path:
    return cache_dir() / "agendas"


def _file_for(text: str) -> Path:
    return _folder() / f"{zlib.crc32(text.encode('utf-8')):08x}.marshal"


def cached_document(text: str) -> dict[str, Any] | None:
    """The document parsed from exactly `text` before, or None."""
    try:
        kept = marshal.loads(_file_for(text).read_bytes())
        if not (isinstance(kept, tuple) and len(kept) == 4 and kept[0] == FORMAT
                and kept[1] == text and isinstance(kept[2], bytes)
                and zlib.crc32(kept[2]) == kept[3]):
            return None
        document = marshal.loads(kept[2])
    except (OSError, ValueError, EOFError, TypeError):
        return None
    return document if isinstance(document, dict) else None


def keep_document(text: str, document: dict[str, Any]) -> None:
    """Keep `document`, parsed from `text`, for the next start (quietly, if it can be)."""
    try:
        payload = marshal.dumps(document)
        data = marshal.dumps((FORMAT, text, payload, zlib.crc32(payload)))
    except ValueError:  # holds TOML dates or times: parsed each time
        return
    path = _file_for(text)
    partial = path.with_name(f".{path.name}.{os.getpid()}")
    try:
        private_folder(path.parent)
        # A cached agenda holds the day's names: owner-only, like the agenda's summary.
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(partial, path)  # a reader sees the old file or the new one
        _forget_oldest(path)
    except OSError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)


def _forget_oldest(written: Path) -> None:
    """Keep `written` and the KEEP - 1 most recently written others."""
    others = [p for p in written.parent.glob("*.marshal") if p != written]
    others.sort(key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in others[KEEP - 1:]:
        old.unlink(missing_ok=True)
