"""What a CSV file's raw bytes say before (or while) pandas parses it: its lines, its
delimiters and whether some cell may carry spaces around it.

One pass of numpy over the bytes, in slices of a few megabytes so the work stays in the CPU's
cache. numpy leaves the interpreter free while it counts, so for a big file the reader runs the
census in a second thread while pandas' parser reads the same bytes (`start_census`).
"""

from __future__ import annotations

import os
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

SLICE = 1 << 22
"""Bytes looked at a time (4 MiB)."""
BACKGROUND_FROM = 1 << 20
"""Files of this many bytes or more are counted in the background while pandas parses them."""

_pool: ThreadPoolExecutor | None = None


def _forget_pool() -> None:
    # A forked child has none of the parent's threads: it starts its own pool when it needs one.
    global _pool
    _pool = None


os.register_at_fork(after_in_child=_forget_pool)


@dataclass(frozen=True, slots=True)
class Census:
    """The counts of one file's bytes."""

    lines: int
    """The lines of the file, header included: line ends up to the content's end, plus one
    (blank lines and spaces at the very end do not count)."""
    delimiters: int
    """The delimiters up to the content's end (inside quotes too)."""
    padded: bool
    """Whether some cell may end (or, inside quotes, start) with a space or a tab. Leading
    spaces of unquoted cells are dropped by the parser; what is left to look at is the byte
    before each delimiter and line end."""
    quoted: bool
    """Whether the file holds a double quote anywhere."""

    def plain(self, width: int) -> bool:
        """Whether every line holds exactly `width` fields, by the counts alone.

        Only for files with no quotes: then a line's fields are its delimiters plus one, and
        the file's lines (blank lines count, with no delimiter) hold (width - 1) delimiters
        each exactly when no line has more or fewer, short of a line with a field too many and
        another with one too few (the columns' own checks then catch the shifted values,
        nearly always).
        """
        return not self.quoted and self.delimiters == (width - 1) * self.lines


def start_census(data: bytes, delimiter: str, quoted: bool | None = None) -> Future[Census]:
    """The census of `data`, counted in the background for a big file (at once for a small
    one); `quoted` as in `census`."""
    if len(data) < BACKGROUND_FROM:
        done: Future[Census] = Future()
        done.set_result(census(data, delimiter, quoted))
        return done
    global _pool
    if _pool is None:
        _pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="tuneup-census")
    return _pool.submit(census, data, delimiter, quoted)


def census(data: bytes, delimiter: str, quoted: bool | None = None) -> Census:
    """Count `data`'s lines and delimiters and look for padded cells, in one pass.

    `quoted`, whether `data` holds a double quote, when the caller has looked already (it is
    looked for here otherwise)."""
    if quoted is None:
        quoted = b'"' in data
    padded = quoted and any(pair in data for pair in (b'" ', b'"\t', b' "', b'\t"'))
    raw = np.frombuffer(data, dtype=np.uint8)
    end = content_end(data)
    separator = ord(delimiter)
    crlf: bool | None = None  # looked for only once a blank byte is met
    lines = delimiters = 0
    for start in range(0, len(raw), SLICE):
        here = raw[start: start + SLICE]
        line_ends = here == 10
        separators = here == separator
        counted = max(0, min(len(here), end - start))
        if counted:
            lines += int(np.count_nonzero(line_ends[:counted]))
            delimiters += int(np.count_nonzero(separators[:counted]))
        if padded or start + len(here) < 2:
            continue
        # The byte before each byte of this slice (the first byte of the file has none).
        skip = 1 if start == 0 else 0
        before = raw[start - 1 + skip: start - 1 + len(here)]
        blank = (before == 32) | (before == 9) if delimiter != "\t" else before == 32
        if not blank.any():
            continue
        ends = line_ends[skip:] | separators[skip:]
        if crlf is None:
            crlf = b"\r" in data
        if crlf:
            ends |= here[skip:] == 13
        padded = bool((blank & ends).any())
    padded = padded or data.endswith((b" ", b"\t"))
    return Census(lines=lines + 1, delimiters=delimiters, padded=padded, quoted=quoted)


def content_end(data: bytes) -> int:
    """Where the file's content ends: blank lines and spaces at the very end do not count."""
    end = len(data)
    while end and data[end - 1] in b"\r\n \t":
        end -= 1
    return end
