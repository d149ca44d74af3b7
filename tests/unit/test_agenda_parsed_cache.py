"""Agendas read before are not parsed again, and the cache never changes what an agenda says."""

from __future__ import annotations

import tomllib
from datetime import time
from pathlib import Path

import pytest

from tests.unit.agenda_texts import MINIMAL
from tuneup_tui.agenda import parsed_cache
from tuneup_tui.agenda.load import AgendaError, load_agenda

DAY = MINIMAL


def _no_parsing(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str) -> object:
        raise AssertionError("parsed again")

    monkeypatch.setattr(tomllib, "loads", refuse)


def _kept(tuneup_home: Path) -> list[Path]:
    return sorted((tuneup_home / "cache" / "agendas").glob("*.marshal"))


def test_an_agenda_read_before_is_not_parsed_again(
        tmp_path: Path, tuneup_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "day.toml"
    path.write_text(DAY, encoding="utf-8")
    first = load_agenda(path)
    assert len(_kept(tuneup_home)) == 1
    _no_parsing(monkeypatch)
    again = load_agenda(path)
    assert again == first
    assert again.sessions[0].start == time(9, 0) and again.sessions[0].panels == ("traffic",)


def test_an_edited_agenda_is_parsed_afresh(tmp_path: Path) -> None:
    path = tmp_path / "day.toml"
    path.write_text(DAY, encoding="utf-8")
    assert load_agenda(path).title == "Day"
    path.write_text(DAY.replace('title = "Day"', 'title = "Evening"'), encoding="utf-8")
    assert load_agenda(path).title == "Evening"


def test_problems_read_the_same_from_the_cache(tmp_path: Path, tuneup_home: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "bad.toml"
    path.write_text(DAY.replace('"09:00"', '"9 o\'clock"'), encoding="utf-8")
    with pytest.raises(AgendaError) as parsed:
        load_agenda(path)
    assert len(_kept(tuneup_home)) == 1  # good TOML, not a good agenda: kept all the same
    _no_parsing(monkeypatch)
    with pytest.raises(AgendaError) as cached:
        load_agenda(path)
    assert cached.value.problems == parsed.value.problems == [
        f"{path}: sessions[1] (Traffic Study).start: expected a time \"HH:MM\" (24-hour, "
        "e.g. \"08:30\"), found \"9 o'clock\" (text)"]


def test_a_syntax_error_is_not_kept(tmp_path: Path, tuneup_home: Path) -> None:
    path = tmp_path / "broken.toml"
    path.write_text(DAY + "start = 08:30\n", encoding="utf-8")
    with pytest.raises(AgendaError, match="line 11, column"):
        load_agenda(path)
    assert _kept(tuneup_home) == []


def test_a_damaged_or_foreign_cache_means_parsing_again(tmp_path: Path,
                                                        tuneup_home: Path) -> None:
    path = tmp_path / "day.toml"
    path.write_text(DAY, encoding="utf-8")
    load_agenda(path)
    (kept,) = _kept(tuneup_home)
    for damage in (b"", b"\x00garbage", kept.read_bytes()[:20]):
        kept.write_bytes(damage)
        assert load_agenda(path).title == "Day"
    # Another text under the same name (the names are checksums): never taken for this one.
    import marshal

    kept.write_bytes(marshal.dumps((parsed_cache.FORMAT, "other", {"agenda": {}})))
    assert load_agenda(path).title == "Day"


def test_unquoted_times_are_parsed_each_time(tuneup_home: Path) -> None:
    parsed_cache.keep_document("x", {"agenda": {"end_of_day": time(16, 0)}})
    assert _kept(tuneup_home) == []
    assert parsed_cache.cached_document("x") is None


def test_only_the_latest_agendas_are_kept(tuneup_home: Path) -> None:
    for i in range(parsed_cache.KEEP + 4):
        parsed_cache.keep_document(f"title = {i}", {"title": i})
    assert len(_kept(tuneup_home)) == parsed_cache.KEEP
    assert parsed_cache.cached_document(f"title = {parsed_cache.KEEP + 3}") == {
        "title": parsed_cache.KEEP + 3}


def test_a_cache_that_cannot_be_written_changes_nothing(
        tmp_path: Path, tuneup_home: Path) -> None:
    (tuneup_home / "cache").write_text("a file where the folder would be", encoding="utf-8")
    path = tmp_path / "day.toml"
    path.write_text(DAY, encoding="utf-8")
    assert load_agenda(path).title == "Day"
    assert load_agenda(path).title == "Day"


def test_a_flipped_bit_in_the_cache_never_changes_the_agenda(
        tmp_path: Path, tuneup_home: Path) -> None:
    import random

    path = tmp_path / "day.toml"
    path.write_text(DAY, encoding="utf-8")
    expected = load_agenda(path)
    kept = _kept(tuneup_home)[0]
    pristine = kept.read_bytes()
    dice = random.Random(20)
    changed = []
    for _ in range(100):
        flipped = bytearray(pristine)
        bit = dice.randrange(len(flipped) * 8)
        flipped[bit // 8] ^= 1 << (bit % 8)
        kept.write_bytes(bytes(flipped))
        if load_agenda(path) != expected:  # nor an AgendaError: the agenda is fine
            changed.append(bit)
    kept.write_bytes(pristine)
    assert changed == []
