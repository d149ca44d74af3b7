"""`tuneup store`: the run store itself. `push` copies this machine's runs into a shared store,
`use` makes a store the one every command uses (written to the config file), `check` reports the
store file's health without changing it (exit code 2, the trouble in one line, when it is not
healthy)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from tuneup_tui.commands.errors import CliError


def register(sub: Any) -> None:
    store = sub.add_parser("store", help="the run store: move it to a shared store",
                           description="The run store: copy it into a shared (PostgreSQL) "
                                       "store, and choose the store every command uses.")
    actions = store.add_subparsers(dest="store_command", metavar="ACTION", required=True)
    push = actions.add_parser(
        "push", help="copy this machine's runs into a shared store",
        description="Copy every run of this machine's store file (notes, action items, soft "
                    "spots, figures, timings) into a shared store. Safe to repeat: nothing is "
                    "copied twice.")
    push.add_argument("url", metavar="URL", help="the shared store, postgresql://...")
    push.set_defaults(func=run_push)
    use = actions.add_parser(
        "use", help="make every command use this store (the config file's store setting)",
        description="Set the store every tuneup command uses on this machine: a shared store "
                    "(postgresql://...), or `local` for this machine's file.")
    use.add_argument("url", metavar="URL", help="postgresql://... or local")
    use.set_defaults(func=run_use)
    check = actions.add_parser(
        "check", help="check the store file (read-only) and list the copies kept of it",
        description="Check the store file without changing it: that it is an SQLite file, "
                    "whole (SQLite's integrity check), at a schema this tuneup knows; and list "
                    "the copies kept before migrations.")
    check.add_argument("--path", type=Path, metavar="FILE",
                       help="the store file to check (default: this machine's store file)")
    check.set_defaults(func=run_check)


def run_check(args: argparse.Namespace) -> int:
    from tuneup_tui import paths
    from tuneup_tui.store.checkup import check_store

    path: Path = args.path or paths.store_path()
    report = check_store(path)
    for line in report.lines:
        print(line)
    if report.trouble is not None:
        raise CliError(report.trouble)
    return 0


def run_push(args: argparse.Namespace) -> int:
    from tuneup_tui import paths
    from tuneup_tui.store.db import StoreError
    from tuneup_tui.store.pg import shown
    from tuneup_tui.store.push import push_history

    url = _shared_url(args.url)
    local = paths.store_path()
    if not local.exists():
        raise CliError(f"no store file at {local} to copy; nothing was sent")
    try:
        sent = push_history(local, url)
    except StoreError as err:
        raise CliError(str(err)) from None
    print(f"copied to {shown(url)}: {sent['runs']} runs, {sent['action_items']} action items, "
          f"{sent['notes']} notes, {sent['soft_spots']} soft spots, "
          f"{sent['recorded_figures']} recorded figures")
    print(f"next: `tuneup store use {shown(url)}` makes it the store of every command here")
    return 0


def run_use(args: argparse.Namespace) -> int:
    from tuneup_tui import paths
    from tuneup_tui.store.db import RunStore, StoreError
    from tuneup_tui.store.pg import shown

    if args.url.strip().lower() == "local":
        _write_setting(None)
        print(f"the store is this machine's file again: {paths.store_path()}")
        return 0
    url = _shared_url(args.url)
    try:
        RunStore(url).close()  # reachable, and at a schema this tuneup knows
    except StoreError as err:
        raise CliError(f"{err}; the store setting was not changed") from None
    _write_setting(url)
    print(f"every tuneup command here now uses {shown(url)} "
          f"(config: {paths.config_dir() / 'config.toml'})")
    return 0


def _shared_url(text: str) -> str:
    from tuneup_tui import paths

    url = text.strip()
    if not paths.is_shared_address(url):
        raise CliError(f"expected a shared store address postgresql://..., got {text!r}")
    return url


def _write_setting(url: str | None) -> None:
    """Set (or remove) `store` in the config file, keeping its other settings."""
    import tomllib

    import tomli_w

    from tuneup_tui import paths

    config = paths.config_dir() / "config.toml"
    settings: dict[str, Any] = {}
    if config.exists():
        try:
            settings = tomllib.loads(config.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError) as err:
            raise CliError(f"{config}: cannot read it ({err}); the store setting was not "
                           "changed") from None
    if url is None:
        settings.pop("store", None)
    else:
        settings["store"] = url
    config.parent.mkdir(parents=True, exist_ok=True)
    # The address may hold a password: the file is readable by its owner only.
    config.touch(mode=0o600, exist_ok=True)
    config.write_text(tomli_w.dumps(settings), encoding="utf-8")
