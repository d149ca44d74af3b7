"""The user's own keys: `keymap.toml` in the config directory gives a binding id another key.

    next = "right"
    quit = "x"
    record = "ctrl+r,r"

A file that can't be read, names an id the console does not have, names a key that does not
exist, or gives one key to two actions is left out whole: the console starts with its usual keys
and says, in one line, which file and which entry to fix.
"""

from __future__ import annotations

from pathlib import Path

from textual.keys import Keys, _normalize_key_list, format_key

from tuneup_tui.paths import config_dir
from tuneup_tui.ui.actions import binding_ids

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})
NAMED_KEYS = frozenset(key.value for key in Keys) | {"space"}


class KeymapError(ValueError):
    """A keymap file the console can't use; the message is the line to show."""


def keymap_path() -> Path:
    return config_dir() / "keymap.toml"


def load_keymap(path: Path | None = None) -> dict[str, str]:
    """The binding ids the user remapped, with their keys (normalised as Textual keeps them);
    {} when there is no file. Raises KeymapError naming the file and the entry."""
    path = keymap_path() if path is None else path
    if not path.exists():
        return {}
    import tomllib

    try:
        entries = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise KeymapError(f"{path}: can't be read ({err}); using the usual keys") from None
    except tomllib.TOMLDecodeError as err:
        raise KeymapError(f"{path}: not TOML ({err}); using the usual keys") from None
    defaults = binding_ids()
    keymap: dict[str, str] = {}
    for binding_id, keys in entries.items():
        if binding_id not in defaults:
            raise KeymapError(f"{path}: `{binding_id}` is not a key's id (the ids: "
                              f"{', '.join(defaults)}); using the usual keys")
        if not isinstance(keys, str) or not all(_is_key(k.strip()) for k in keys.split(",")):
            raise KeymapError(f"{path}: `{binding_id}` should be a key such as \"ctrl+n\" or "
                              f"\"x,f2\", not {keys!r}; using the usual keys")
        keymap[binding_id] = _normalize_key_list(keys)
    _refuse_shared_keys(path, {**{i: _normalize_key_list(k) for i, k in defaults.items()},
                               **keymap})
    return keymap


def _is_key(key: str) -> bool:
    *modifiers, name = key.split("+")
    if not name or any(modifier not in MODIFIERS for modifier in modifiers):
        return False
    if len(name) == 1:
        return name.isprintable() and not name.isspace()
    # A named key ("f2", "escape") or a character by its name ("question_mark").
    return name in NAMED_KEYS or len(format_key(name)) == 1


def _refuse_shared_keys(path: Path, keys_by_id: dict[str, str]) -> None:
    """Two actions on one key would leave one of them unreachable."""
    owner: dict[str, str] = {}
    for binding_id, keys in keys_by_id.items():
        for key in keys.split(","):
            if key in owner:
                raise KeymapError(f"{path}: `{key}` is the key of both `{owner[key]}` and "
                                  f"`{binding_id}`; using the usual keys")
            owner[key] = binding_id
