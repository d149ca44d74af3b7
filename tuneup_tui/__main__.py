"""`python -m tuneup_tui` runs the same command line as `tuneup`."""

from __future__ import annotations

from tuneup_tui.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
