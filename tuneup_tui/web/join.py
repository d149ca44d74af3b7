"""The attendee page's join code and the address to share.

Each run has its own secret join code, kept in the run's folder (readable by its owner only).
The page's address carries it: `http://HOST:PORT/j/CODE/`; a request without it is refused.
While `tuneup serve` runs it also leaves the address it serves in `serve.json` beside the code,
so the console's help can show attendees where to go; the file names the serving process, and
is taken as stale once that process is gone.
"""

from __future__ import annotations

import json
import os
import secrets
from pathlib import Path
from urllib.parse import quote

from tuneup_tui import paths
from tuneup_tui.fsutil import atomic_write_text

CODE_FILE = "join-code"
SERVED_FILE = "serve.json"
PAGE_ENV = "TUNEUP_ATTEND_PAGE"
"""Tells each attendee app the page's address (with the code), so it can put the attendee's
name in it; passed in the environment, which other users cannot read, never on the command
line, which they can."""
CODE_BYTES = 12
"""Random bytes in a code: 16 URL-safe characters, 96 bits, far past guessing over HTTP."""


def _folder(run_id: int) -> Path:
    folder = paths.run_dir(run_id)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    return folder


def join_code(run_id: int, *, new: bool = False) -> str:
    """The run's join code: made on first use, or made again (the old one stops working) when
    `new`."""
    path = _folder(run_id) / CODE_FILE
    if not new:
        try:
            code = path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            code = ""
        if is_code(code):
            return code
    code = secrets.token_urlsafe(CODE_BYTES)
    atomic_write_text(path, code + "\n", mode=0o600)
    return code


def is_code(text: str) -> bool:
    """Whether `text` has the shape of a join code (a damaged file makes a new one)."""
    return len(text) >= 16 and all(c.isalnum() or c in "-_" for c in text)


def page_path(code: str) -> str:
    """The path of the page (and prefix of everything it loads) for `code`."""
    return f"/j/{code}/"


def page_url(base_url: str, code: str, name: str = "") -> str:
    """The address to share: `base_url` (scheme, host, port) with the code, and the attendee's
    name when one is known."""
    url = base_url.rstrip("/") + page_path(code)
    return f"{url}?name={quote(name)}" if name else url


def write_served(run_id: int, url: str) -> Path:
    """Note that this process serves run `run_id`'s page at `url` (for the console's help)."""
    path = _folder(run_id) / SERVED_FILE
    atomic_write_text(path, json.dumps({"url": url, "pid": os.getpid()}) + "\n", mode=0o600)
    return path


def clear_served(run_id: int) -> None:
    """Forget the served address, if this process wrote it."""
    path = paths.run_dir(run_id) / SERVED_FILE
    try:
        if json.loads(path.read_text(encoding="utf-8")).get("pid") == os.getpid():
            path.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def served_url(run_id: int) -> str | None:
    """The address run `run_id`'s page is served at now, or None when no `tuneup serve` for it
    is running."""
    path = paths.run_dir(run_id) / SERVED_FILE
    try:
        served = json.loads(path.read_text(encoding="utf-8"))
        url, pid = served["url"], served["pid"]
    except (OSError, ValueError, KeyError, TypeError):
        return None
    if not isinstance(url, str) or not isinstance(pid, int) or not _alive(pid):
        return None
    return url


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return pid > 0
    return pid > 0
