"""Whatever the file holds, loading gives an Agenda or an AgendaError whose problems are each one
line naming the file: never another exception."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path
from typing import Any

import tomli_w
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.unit.agenda_strategies import toml_values
from tuneup_tui.agenda.builtins import builtin_agendas
from tuneup_tui.agenda.load import AgendaError, agenda_warnings, load_agenda, loads_agenda
from tuneup_tui.agenda.model import Agenda

FUZZ = settings(max_examples=200, deadline=None)
BUILTIN_TEXTS = {name: path.read_text(encoding="utf-8")
                 for name, path in builtin_agendas().items()}
BUILTIN_DOCS = {name: tomllib.loads(text) for name, text in BUILTIN_TEXTS.items()}


def _load_is_clean(text: str, source: str = "fuzz.toml") -> Agenda | None:
    try:
        agenda = loads_agenda(text, source)
    except AgendaError as err:
        _assert_one_line_problems(err, source)
        return None
    for warning in agenda_warnings(agenda, source):
        assert len(warning.splitlines()) == 1
    return agenda


def _assert_one_line_problems(err: AgendaError, source: str) -> None:
    assert err.problems
    assert str(err) == err.problems[0]
    for problem in err.problems:
        assert len(problem.splitlines()) == 1, problem
        assert problem.startswith(f"{source}: "), problem


@given(st.dictionaries(st.text(max_size=12), toml_values(), max_size=6))
@FUZZ
def test_any_toml_document(doc: dict[str, Any]) -> None:
    _load_is_clean(tomli_w.dumps(doc))


# Places in a built-in's document: any key of the top level, of [agenda], of a session or
# role, or of a panel's settings, whatever earlier mutations left there.
def _targets(doc: dict[str, Any]) -> list[tuple[dict[str, Any], str]]:
    tables: list[dict[str, Any]] = [doc]
    for value in doc.values():
        items = value if isinstance(value, list) else [value]
        tables += [t for t in items if isinstance(t, dict)]
        if isinstance(value, dict):
            tables += [t for t in value.values() if isinstance(t, dict)]
    return [(table, key) for table in tables for key in table]


@given(st.sampled_from(sorted(BUILTIN_DOCS)), st.data())
@FUZZ
def test_mutated_builtins(name: str, data: st.DataObject) -> None:
    doc = copy.deepcopy(BUILTIN_DOCS[name])
    for _ in range(data.draw(st.integers(1, 4))):
        places = _targets(doc)
        if not places:
            break
        table, key = data.draw(st.sampled_from(places))
        action = data.draw(st.sampled_from(["delete", "replace", "add", "swap"]))
        if action == "delete":
            del table[key]
        elif action == "replace":
            table[key] = data.draw(toml_values())
        elif action == "add":
            table[data.draw(st.text(max_size=10))] = data.draw(toml_values())
        elif isinstance(table.get(key), str):
            # Plausible slips: a time without its leading zero, a different case, a typo.
            table[key] = data.draw(st.sampled_from(
                [table[key].upper(), table[key][1:], "9:00", "24:00", "none", "trafic"]))
    _load_is_clean(tomli_w.dumps(doc))


@given(st.sampled_from(sorted(BUILTIN_TEXTS)), st.data())
@FUZZ
def test_edited_builtin_texts(name: str, data: st.DataObject) -> None:
    text = BUILTIN_TEXTS[name]
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        cut = data.draw(st.integers(0, 8))
        insert = data.draw(st.sampled_from(
            ["", "\n", "=", "[", "]", '"', "[[sessions]]\n", "\x00", "\u2028", "08:00", "#"])
            | st.text(max_size=4))
        text = text[:at] + insert + text[at + cut:]
    _load_is_clean(text)


@given(st.binary(max_size=200))
@settings(max_examples=100, deadline=None)
def test_any_bytes_in_a_file(tmp_path_factory: Any, raw: bytes) -> None:
    path = Path(tmp_path_factory.mktemp("fuzz")) / "agenda.toml"
    path.write_bytes(raw)
    try:
        load_agenda(path)
    except AgendaError as err:
        _assert_one_line_problems(err, str(path))
