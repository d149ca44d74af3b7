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


def store_address() -> str:
    """Where the run store is: `TUNEUP_STORE` (`tuneup --store` sets it), else the config file's
    `store` setting, else the SQLite file. A `postgresql://` address is a shared store."""
    chosen = os.environ.get("TUNEUP_STORE", "").strip() or _configured_store()
    return chosen or str(store_path())


SHARED_SCHEMES = ("postgresql://", "postgres://")
"""The addresses of a shared (PostgreSQL) store; anything else is an SQLite file."""


def is_shared_address(address: object) -> bool:
    """Whether a store address names PostgreSQL (anything else is an SQLite file)."""
    return isinstance(address, str) and address.startswith(SHARED_SCHEMES)


def store_is_shared() -> bool:
    return is_shared_address(store_address())


def store_exists() -> bool:
    """Whether there is a store to read (a shared store always is; a file once created)."""
    return store_is_shared() or Path(store_address()).exists()


def _configured_store() -> str:
    config = config_dir() / "config.toml"
    if not config.exists():
        return ""
    import tomllib

    try:
        value = tomllib.loads(config.read_text(encoding="utf-8")).get("store", "")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return ""
    return value.strip() if isinstance(value, str) else ""


def run_dir(run_id: int | str) -> Path:
    """The folder a run's summary files are written to."""
    return data_dir() / "runs" / str(run_id)
