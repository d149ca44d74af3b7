"""Loading agendas: what is accepted, how problems read, and the warnings."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from tests.unit.agenda_texts import MINIMAL
from tuneup_tui.agenda.load import AgendaError, agenda_warnings, load_agenda, loads_agenda


def _problems(text: str) -> list[str]:
    with pytest.raises(AgendaError) as err:
        loads_agenda(text, "a.toml")
    return err.value.problems


def test_minimal_agenda_takes_the_defaults() -> None:
    agenda = loads_agenda(MINIMAL, "a.toml")
    assert (agenda.cadence, agenda.period, agenda.baseline_periods) == ("day", "week", 8)
    assert agenda.sessions[0].panels == ("traffic",)
    assert agenda.sessions[0].panel == "traffic"
    assert (agenda.roles, dict(agenda.panels)) == ((), {})
    # 09:00 -> end_of_day 10:00 is 60 minutes.
    assert agenda.session_length(0) == 60


def test_error_holds_every_problem_and_reads_as_the_first() -> None:
    text = MINIMAL.replace('series = "s"', "series = 3").replace('"09:00"', '"9am"')
    with pytest.raises(AgendaError) as err:
        loads_agenda(text, "a.toml")
    assert err.value.problems == [
        "a.toml: agenda.series: expected a series name as text (runs of one series are "
        'compared), e.g. "ops-tuneup", found 3 (a whole number)',
        'a.toml: sessions[1] (Traffic Study).start: expected a time "HH:MM" (24-hour, e.g. '
        '"08:30"), found "9am" (text)',
    ]
    assert str(err.value) == err.value.problems[0]


@pytest.mark.parametrize("bad", ["24:00", "08:60", "8:30", "08:30:00", " 08:30", "٠٨:٣٠"])
def test_times_must_be_hhmm(bad: str) -> None:
    problems = _problems(MINIMAL.replace('"09:00"', f'"{bad}"'))
    assert problems[0].startswith('a.toml: sessions[1] (Traffic Study).start: expected a time')


def test_a_toml_local_time_without_seconds_is_taken() -> None:
    agenda = loads_agenda(MINIMAL.replace('"09:00"', "09:00:00"), "a.toml")
    assert agenda.sessions[0].start == time(9, 0)
    problems = _problems(MINIMAL.replace('"09:00"', "09:00:30"))
    assert problems == ['a.toml: sessions[1] (Traffic Study).start: expected a time "HH:MM" '
                        '(24-hour, e.g. "08:30"), found 09:00:30 (a time)']


@pytest.mark.parametrize("none", ['"none"', '""', "[]"])
def test_panel_none_means_no_panel(none: str) -> None:
    agenda = loads_agenda(MINIMAL.replace('"traffic"', none), "a.toml")
    assert agenda.sessions[0].panels == ()


def test_a_break_may_leave_who_out_but_not_a_working_session() -> None:
    agenda = loads_agenda(MINIMAL + '\n[[sessions]]\nstart = "09:30"\ntopic = "Lunch"\n', "a")
    assert agenda.sessions[1].who == ""
    problems = _problems(MINIMAL + '\n[[sessions]]\nstart = "09:30"\ntopic = "Lunch"\n'
                         'questions = ["What is for lunch?"]\n')
    assert problems == ["a.toml: sessions[2] (Lunch).who: missing the owner role; only a break "
                        "(no panel, questions or record, like Lunch) may leave who empty"]


def test_byte_order_mark_is_fine(tmp_path: Path) -> None:
    path = tmp_path / "bom.toml"
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode())
    assert load_agenda(path).title == "Day"
    # A byte that is not UTF-8 after the mark is placed counting from the file's first line:
    # line 3 is `series = "s\xff"`, the bad byte its 12th.
    path.write_bytes(b"\xef\xbb\xbf" + MINIMAL.encode().replace(b'"s"', b'"s\xff"'))
    with pytest.raises(AgendaError) as err:
        load_agenda(path)
    assert err.value.problems == [f"{path}: line 3, column 12: not UTF-8 text (byte 0xff); "
                                  "save the agenda as UTF-8"]


def test_problems_stay_one_line_whatever_they_quote() -> None:
    text = MINIMAL.replace('"traffic"', '"traf\\nfic\\u2028x"').replace(
        '"Traffic Study"', '"Traffic\\rStudy"')
    problems = _problems(text)
    assert len(problems) == 1
    assert problems[0].startswith("a.toml: sessions[1] (Traffic\\x0dStudy).panel: unknown panel "
                                  '"traf\\x0afic\\u2028x"; ')


def test_long_topics_are_cut_in_key_paths() -> None:
    topic = "A very long session topic that goes on and on and on"
    problems = _problems(MINIMAL.replace("Traffic Study", topic).replace('"09:00"', '"x"'))
    # The first 39 characters ("A very long session topic that goes on "), the space dropped,
    # and an ellipsis.
    assert problems[0].startswith("a.toml: sessions[1] (A very long session topic that goes on"
                                  "…).start: ")


def test_unknown_top_level_table_suggests() -> None:
    problems = _problems(MINIMAL.replace("[[sessions]]", "[[session]]"))
    assert problems == [
        "a.toml: session: unknown key 'session'; did you mean 'sessions'?",
        "a.toml: sessions: missing: expected at least one [[sessions]] table",
    ]


def test_sessions_as_a_table_is_explained() -> None:
    problems = _problems(MINIMAL.replace("[[sessions]]", "[sessions]"))
    assert problems == ["a.toml: sessions: expected [[sessions]] tables, found a table"]


def test_roles_declared_twice() -> None:
    text = MINIMAL + '\n[[roles]]\nrole = "Webmaster"\n\n[[roles]]\nrole = "webmaster"\n'
    assert _problems(text) == ['a.toml: roles[2] (webmaster).role: "webmaster" is already '
                               "declared as roles[1] (Webmaster)"]


def test_panel_listed_twice_in_a_session() -> None:
    problems = _problems(MINIMAL.replace('"traffic"', '["traffic", "paid", "traffic"]'))
    assert problems == ['a.toml: sessions[1] (Traffic Study).panel[3]: "traffic" is listed twice']


def test_figure_listed_twice_in_a_session() -> None:
    problems = _problems(MINIMAL + 'record = ["pages_404", "pages_404"]\n')
    assert problems == ['a.toml: sessions[1] (Traffic Study).record[2]: "pages_404" is listed '
                        "twice"]


def test_no_who_warnings_without_declared_roles() -> None:
    assert agenda_warnings(loads_agenda(MINIMAL, "a.toml")) == []


def test_warnings() -> None:
    text = (MINIMAL + '\n[[roles]]\nrole = "Web master"\n\n[[roles]]\nrole = "Sales Ops"\n'
            'people = ["Priya"]\n\n[panels.paid]\nx = 1\n\n[panels.traffic]\nx = 2\n')
    agenda = loads_agenda(text, "a.toml")
    assert agenda_warnings(agenda, "a.toml") == [
        "a.toml: sessions[1] (Traffic Study).who: 'Webmaster' is not a declared [[roles]] role; "
        "did you mean 'Web master'?",
        "a.toml: roles[1] (Web master).people: nobody named; action items for this role will "
        "need an owner typed in",
        "a.toml: panels.paid: settings for a panel no session shows",
    ]
    # Without a source, the lines start at the key path.
    assert agenda_warnings(agenda)[2] == "panels.paid: settings for a panel no session shows"


def test_panel_settings_are_kept_as_written() -> None:
    text = MINIMAL + '\n[panels.traffic]\nmin_sessions = 50\nsources = ["google", "bing"]\n'
    agenda = loads_agenda(text, "a.toml")
    assert agenda.panels.get("traffic", {}) == {"min_sessions": 50, "sources": ["google", "bing"]}
    assert agenda.panels.get("paid", {}) == {}
