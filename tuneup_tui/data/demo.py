"""The demo's data: the sample pack for the run's date, generated once and cached.

The demo always shows a full "last week" with a baseline behind it, whatever today's date:
the sample is generated for the as-of date on first use and kept under the cache folder
(`<cache>/sample/<as_of>-s<seed>-v<version>`). It is written to a temporary folder and renamed
into place, so a half-written pack (a crash, two demos started at once) is never used.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from datetime import date
from pathlib import Path

from tuneup_tui import paths
from tuneup_tui.fsutil import private_folder

DEMO_SEED = 7
SAMPLE_VERSION = 2
"""Raised when the sample gains a source (2: the targets), so a pack cached by an earlier
version is not shown without it."""


def demo_pack(as_of: date, *, seed: int = DEMO_SEED) -> Path:
    """The folder of the sample pack for `as_of`, generating it on first use."""
    folder = paths.cache_dir() / "sample" / f"{as_of.isoformat()}-s{seed}-v{SAMPLE_VERSION}"
    if folder.is_dir():
        return folder
    from tuneup_tui.data.sample.generate import generate_sample

    private_folder(folder.parent)
    staging = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", dir=folder.parent))
    try:
        generate_sample(staging, as_of, seed=seed)
        try:
            os.replace(staging, folder)
        except OSError:
            # Another process finished the same pack first: theirs is as good as ours.
            if not folder.is_dir():
                raise
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return folder
