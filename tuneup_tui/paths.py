"""Where tuneup keeps things at run time.

The run store, run summaries and the cached sample pack live under platformdirs' user
directories. `TUNEUP_HOME` overrides the root so tests (and anyone who wants a portable
install) keep everything in one folder.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP_NAME = "tuneup"


def data_dir() -> Path:
    """The root of the run store and the run summaries."""
    home = os.environ.get("TUNEUP_HOME")
    if home:
        return Path(home) / "data"
    return Path(platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    """Where `config.toml` is read from."""
    home = os.environ.get("TUNEUP_HOME")
    if home:
        return Path(home) / "config"
    return Path(platformdirs.user_config_dir(APP_NAME))


def cache_dir() -> Path:
    """Where generated sample packs are cached."""
    home = os.environ.get("TUNEUP_HOME")
    if home:
        return Path(home) / "cache"
    return Path(platformdirs.user_cache_dir(APP_NAME))


def store_path() -> Path:
    """The SQLite run store."""
    return data_dir() / "tuneup.db"


def run_dir(run_id: int | str) -> Path:
    """The folder a run's summary files are written to."""
    return data_dir() / "runs" / str(run_id)
