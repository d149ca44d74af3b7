"""Reading the user's keymap.toml: ids of the console's keys to new keys, or one line saying
what to fix."""

from __future__ import annotations

from pathlib import Path

import pytest

from tuneup_tui.ui.actions import CONSOLE_ACTIONS, binding_ids, bindings
from tuneup_tui.ui.keymap import KeymapError, keymap_path, load_keymap


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "keymap.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_file_means_the_usual_keys(tmp_path: Path) -> None:
    assert load_keymap(tmp_path / "keymap.toml") == {}


def test_the_file_lives_in_the_config_directory(tuneup_home: Path) -> None:
    assert keymap_path() == tuneup_home / "config" / "keymap.toml"


def test_keys_are_kept_as_textual_names_them(tmp_path: Path) -> None:
    path = write(tmp_path, 'next = "right"\nrecord = "ctrl+r, R"\nhelp_key = "/"\n')
    assert load_keymap(path) == {"next": "right", "record": "ctrl+r,R", "help_key": "slash"}


def test_a_key_can_move_to_one_another_action_left(tmp_path: Path) -> None:
    # Skip takes Next's key once Next has moved away from it.
    path = write(tmp_path, 'next = "x"\nskip = "n"\n')
    assert load_keymap(path) == {"next": "x", "skip": "n"}


@pytest.mark.parametrize(("text", "words"), [
    ('nxet = "x"', "`nxet` is not a key's id"),
    ("next = 3", '`next` should be a key such as "ctrl+n"'),
    ('next = "ctrl+nn"', "`next` should be a key"),
    ('next = "cntrl+n"', "`next` should be a key"),
    ('next = ""', "`next` should be a key"),
    ('next = "s"', "`s` is the key of both `next` and `skip`"),
    ('next = "x"\nskip = "x"', "`x` is the key of both `next` and `skip`"),
    ("next = 'x", "not TOML"),
])
def test_a_bad_entry_is_named_with_the_file(tmp_path: Path, text: str, words: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(KeymapError) as caught:
        load_keymap(path)
    message = str(caught.value)
    assert message.startswith(f"{path}: ") and words in message, message
    assert "\n" not in message and message.endswith("using the usual keys")


def test_every_key_of_the_registry_is_bound_once_with_its_id() -> None:
    made = bindings("screen") + bindings("app") + bindings("actions")
    assert sorted(b.id or "" for b in made) == sorted(binding_ids())
    assert len(binding_ids()) == sum(len(entry.keys) for entry in CONSOLE_ACTIONS)
    # An app binding runs on the app itself.
    assert {b.action for b in bindings("app")} == {"help", "quit"}
