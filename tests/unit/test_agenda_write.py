"""Writing agendas: load -> write -> load gives an equal agenda, for the built-ins and for any
agenda the format allows."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings

from tests.unit.agenda_strategies import agendas
from tuneup_tui.agenda.builtins import builtin_agendas
from tuneup_tui.agenda.load import load_agenda, loads_agenda
from tuneup_tui.agenda.model import Agenda
from tuneup_tui.agenda.write import dumps_agenda, write_agenda


@pytest.mark.parametrize("name", sorted(builtin_agendas()))
def test_builtin_round_trip(name: str, tmp_path: Path) -> None:
    agenda = load_agenda(builtin_agendas()[name])
    out = tmp_path / f"{name}.toml"
    write_agenda(agenda, out)
    assert load_agenda(out) == agenda
    assert out.read_text(encoding="utf-8") == dumps_agenda(agenda)


@given(agendas())
@settings(max_examples=200, deadline=None)
def test_any_agenda_round_trips(agenda: Agenda) -> None:
    assert loads_agenda(dumps_agenda(agenda), "generated.toml") == agenda


def test_written_shape_is_the_hand_written_shape() -> None:
    agenda = load_agenda(builtin_agendas()["one-day-tuneup"])
    doc = tomllib.loads(dumps_agenda(agenda))
    assert list(doc) == ["agenda", "roles", "sessions", "panels"]
    assert doc["agenda"]["end_of_day"] == "16:00"
    lunch, nurturing, traffic = doc["sessions"][7], doc["sessions"][9], doc["sessions"][1]
    # A break leaves out what it doesn't have; one panel is a name, several a list.
    assert lunch == {"start": "12:00", "topic": "Lunch"}
    assert traffic["panel"] == "traffic"
    assert nurturing["panel"] == ["nurturing", "lifecycle"]
    assert doc["panels"] == {"lead_scoring": {"threshold": 60}, "lifecycle": {"lifetime_days": 90}}


def test_header_is_written_as_comments(tmp_path: Path) -> None:
    agenda = load_agenda(builtin_agendas()["weekly-tuneup"])
    text = dumps_agenda(agenda, header="Derived from one-day-tuneup\n\nEdit freely.")
    assert text.startswith("# Derived from one-day-tuneup\n#\n# Edit freely.\n\n[agenda]\n")
    assert loads_agenda(text, "x.toml") == agenda


def test_write_replaces_the_file_whole(tmp_path: Path) -> None:
    out = tmp_path / "sub" / "agenda.toml"
    out.parent.mkdir()
    out.write_text("old and much longer text " * 100, encoding="utf-8")
    agenda = load_agenda(builtin_agendas()["weekly-tuneup"])
    write_agenda(agenda, out)
    assert load_agenda(out) == agenda
    assert [p.name for p in out.parent.iterdir()] == ["agenda.toml"]  # no temp file left
