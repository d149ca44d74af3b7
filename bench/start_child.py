"""The child process the start benchmark times: `python -m bench.start_child demo|bare`.

`demo` runs `tuneup demo` through the real command line; `bare` runs a bare Textual app with the
console's header and a footer. Both run headless, and print FIRST-FRAME (and whether pandas was
loaded by then) the moment after their first screen refresh, then leave at once (what happens
after the first frame is not timed).
"""

from __future__ import annotations

import os
import sys
from typing import Any

MARKER = "FIRST-FRAME"


def main(which: str) -> None:
    from textual.app import App

    original = App.run

    def run_headless(self: Any, *args: Any, **kwargs: Any) -> Any:
        # The same first-frame probe for both apps: an auto pilot starts once the app is ready
        # (composed and mounted), and asks to be called after the next refresh.
        async def probe(pilot: Any) -> None:
            pilot.app.call_after_refresh(_first_frame)

        kwargs.update(headless=True, auto_pilot=probe)
        return original(self, *args, **kwargs)

    App.run = run_headless  # type: ignore[method-assign]
    if which == "demo":
        from tuneup_tui.cli import main as tuneup

        tuneup(["demo"])
    else:
        _bare().run()


def _bare() -> Any:
    from textual.app import App, ComposeResult
    from textual.widgets import Footer

    from tuneup_tui.ui.widgets.header_bar import HeaderBar

    class BareApp(App[None]):
        def compose(self) -> ComposeResult:
            yield HeaderBar("One Day Sales and Marketing Operations Tune Up")
            yield Footer()

    return BareApp()


def _first_frame() -> None:
    # Whether pandas was already loaded (the console promises a first frame before pandas).
    sys.stdout.write(f"{MARKER} pandas={int('pandas' in sys.modules)}\n")
    sys.stdout.flush()
    # Leave now: shutting down (and the demo's panel worker) is not part of the figure.
    os._exit(0)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "bare")
