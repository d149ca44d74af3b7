"""Where the palette's Screenshot is saved: beside the run's summary, readable by its owner only.

Textual saves to ~/Downloads, which need not exist (a server, a fresh account) and is no place
for a picture of the room's notes. The console saves into the run's folder (`runs/ID/`), the
attendee app into `screenshots/` under the data folder; both are created, owner-only, when
missing. The file name is always made here: a screenshot never overwrites a file.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.app import App

from tuneup_tui import paths
from tuneup_tui.fsutil import private_folder


def screenshot_folder(run_id: int | None) -> Path:
    """The folder a screenshot of run `run_id` (or of no run) goes to, created if missing."""
    folder = paths.run_dir(run_id) if run_id is not None else paths.data_dir() / "screenshots"
    private_folder(folder)
    return folder


def screenshot_into(deliver: Callable[..., str | None], app: App[Any],
                    run_id: int | None) -> str | None:
    """Call Textual's `deliver` (the app's own deliver_screenshot) with our folder and a name it
    makes from the time; a folder that cannot be made is a toast, not a crash."""
    try:
        folder = screenshot_folder(run_id)
    except OSError as err:
        app.notify(f"Screenshot not saved: {err.strerror or err}", title="Screenshot",
                   severity="error")
        return None
    result: str | None = deliver(None, str(folder))
    return result
