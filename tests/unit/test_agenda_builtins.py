"""The built-in agendas: the one-day agenda is the seed table exactly, the monthly and weekly
ones are its shorter forms, and all of them are found from a checkout and from a wheel."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from datetime import time
from pathlib import Path

import platformdirs
import pytest

from tuneup_tui.agenda.builtins import builtin_agendas, resolve_agenda
from tuneup_tui.agenda.load import AgendaError, agenda_warnings, load_agenda
from tuneup_tui.agenda.model import Agenda, format_hhmm
from tuneup_tui.metrics.names import PANEL_NAMES

# The seed table of DESIGN.md, copied by hand: start, topic, who, what the session does.
SEED = [
    ("08:00", "Sales and Buying Cycle Overview", "Front Line Sales Manager",
     "Map the steps a customer goes through when buying; through the day, see how measurements "
     "map to this process."),
    ("08:30", "Traffic Study", "Webmaster or marketer",
     "Site statistics by source and goal conversion; traffic makeup and conversion rates "
     "against averages; record expected leads to sales based on goal conversion rates."),
    ("09:00", "Social Media", "Social Media marketer",
     "Social statistics matched against site traffic, YouTube and community stats included: do "
     "followers translate into traffic?"),
    ("09:30", "Paid Programs", "Marketing Programs",
     "PPC spend, cost per click, traffic by site; other paid programs (pay-per-lead, webinar); "
     "record cost per name, cost per lead, opportunity conversion rates; look for click farms, "
     "leads that don't convert, poor spending."),
    ("10:00", "Referring Sites", "PR/Marketing",
     "Top referring sites; which can be influenced through program spending, focused attention "
     "and other means."),
    ("10:30", "Site Health", "Webmaster",
     "Site health for the week: 404 errors, SEO (Moz) rankings, keyword rankings."),
    ("11:00", "Calendar", "Marketing",
     "The marketing calendar for the coming weeks against the morning's traffic study: "
     "nurturing campaigns, product launches, industry events."),
    ("12:00", "Lunch", "", ""),
    ("12:01", "Lead Scoring", "Marketing Admin",
     "Lead scoring methods; agreement with sales and with the sales cycle; how many leads went "
     "to sales last week."),
    ("13:00", "Nurturing", "Marketing Ops",
     "Nurturing process; database size and the last four weeks of emails sent, to calculate "
     "turnover rate; click-through rates validated against traffic."),
    ("14:00", "Leads to Sales", "Sales Ops",
     "Total leads delivered to sales last week, territory assignments; can the reps find them? "
     "If marketing says 1,000 leads went to sales, can the sales manager find all 1,000 "
     "assigned to the right reps?"),
    ("15:00", "Sales Follow Up", "Sales Ops",
     "Status of all leads sent last week; opportunity create rate, bad data rate; calls and "
     "emails by rep against averages; the team's weekly calling capacity."),
    ("16:00", "End of Day", "All",
     "Summarize next steps; decide how to repeat this monthly, then weekly, in shorter and "
     "shorter periods."),
]

PANELS = {
    "Sales and Buying Cycle Overview": ("funnel",),
    "Traffic Study": ("traffic",),
    "Social Media": ("social",),
    "Paid Programs": ("paid",),
    "Referring Sites": ("referrers",),
    "Site Health": ("site_health",),
    "Calendar": ("calendar", "budget_pacing"),
    "Lunch": (),
    "Lead Scoring": ("lead_scoring",),
    "Nurturing": ("nurturing", "lifecycle"),
    "Leads to Sales": ("handoff",),
    "Sales Follow Up": ("follow_up", "service_level"),
    "End of Day": ("scorecard", "romi", "tactic_economics", "funnel"),
}

RECORDED = {
    "Traffic Study": ("expected_leads_to_sales",),
    "Paid Programs": ("cost_per_name", "cost_per_lead", "opportunity_conversion_rate"),
    "Lead Scoring": ("leads_sent_to_sales",),
    "Nurturing": ("turnover_rate", "database_size"),
    "Leads to Sales": ("leads_delivered", "leads_found_in_crm"),
    "Sales Follow Up": ("opportunity_create_rate", "bad_data_rate", "weekly_calling_capacity"),
    "Social Media": ("social_referral_sessions",),
    "Site Health": ("pages_404",),
}


@pytest.fixture(scope="module")
def one_day() -> Agenda:
    return load_agenda(builtin_agendas()["one-day-tuneup"])


def test_builtins_are_the_three_agendas(repo_root: Path) -> None:
    found = builtin_agendas()
    assert list(found) == ["monthly-tuneup", "one-day-tuneup", "weekly-tuneup"]
    assert found["one-day-tuneup"] == repo_root / "agendas" / "one-day-tuneup.toml"


def test_one_day_is_the_seed_table(one_day: Agenda) -> None:
    rows = [(format_hhmm(s.start), s.topic, s.who, s.description) for s in one_day.sessions]
    assert rows == SEED


def test_one_day_frame(one_day: Agenda) -> None:
    assert one_day.title == "One Day Sales and Marketing Operations Tune Up"
    assert (one_day.series, one_day.cadence, one_day.period) == ("ops-tuneup", "day", "week")
    assert one_day.baseline_periods == 8
    assert one_day.end_of_day == time(16, 0)
    # End of Day starts at end_of_day: a zero-length closing session. Lunch is 12:00-12:01.
    assert one_day.session_length(12) == 0
    assert one_day.session_length(7) == 1
    assert one_day.session_length(8) == 59  # 12:01 -> 13:00


def test_one_day_panels_and_figures(one_day: Agenda) -> None:
    assert {s.topic: s.panels for s in one_day.sessions} == PANELS
    for topic, record in RECORDED.items():
        assert one_day.sessions[one_day.session_index(topic) or 0].record == record, topic
    assert one_day.panels.get("lead_scoring", {}) == {"threshold": 60}
    assert one_day.panels.get("lifecycle", {}) == {"lifetime_days": 90}


def test_one_day_questions_and_roles(one_day: Agenda) -> None:
    for session in one_day.sessions:
        if session.topic == "Lunch":
            assert (session.questions, session.record, session.panels) == ((), (), ())
        else:
            assert 3 <= len(session.questions) <= 6, session.topic
            assert all(q.endswith("?") for q in session.questions), session.topic
            assert session.record, session.topic
    used = {s.who for s in one_day.sessions if s.who}
    assert {r.role for r in one_day.roles} == used
    assert one_day.people_for("Sales Ops") == ("Priya",)
    assert one_day.people_for("Webmaster") == ("Dana",)
    assert agenda_warnings(one_day) == []


def test_one_day_file_tells_the_team_to_replace_the_names(repo_root: Path) -> None:
    text = (repo_root / "agendas" / "one-day-tuneup.toml").read_text(encoding="utf-8")
    assert "REPLACE THESE EXAMPLE NAMES" in text


def test_monthly_is_three_and_a_half_hours_with_every_panel() -> None:
    monthly = load_agenda(builtin_agendas()["monthly-tuneup"])
    assert (monthly.series, monthly.cadence, monthly.period) == ("ops-tuneup", "month", "month")
    assert monthly.baseline_periods == 3
    # 09:00 to 12:30 = 3 h 30 min = 210 minutes.
    assert (monthly.sessions[0].start, monthly.end_of_day) == (time(9, 0), time(12, 30))
    assert sum(monthly.session_length(i) for i in range(len(monthly.sessions))) == 210
    assert len(monthly.sessions) < 13
    assert {p for s in monthly.sessions for p in s.panels} == set(PANEL_NAMES)
    assert agenda_warnings(monthly) == []


def test_weekly_is_a_thirty_minute_monday_review() -> None:
    weekly = load_agenda(builtin_agendas()["weekly-tuneup"])
    assert (weekly.series, weekly.cadence, weekly.period) == ("ops-tuneup", "week", "week")
    assert weekly.baseline_periods == 8
    # 09:00 to 09:30 = 30 minutes, in 4 or 5 sessions.
    assert (weekly.sessions[0].start, weekly.end_of_day) == (time(9, 0), time(9, 30))
    assert 4 <= len(weekly.sessions) <= 5
    assert agenda_warnings(weekly) == []


def test_resolve_agenda(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    builtins = builtin_agendas()
    assert resolve_agenda(None) == builtins["one-day-tuneup"]
    assert resolve_agenda("weekly-tuneup") == builtins["weekly-tuneup"]
    assert resolve_agenda("weekly-tuneup.toml") == builtins["weekly-tuneup"]
    mine = tmp_path / "mine.toml"
    mine.write_text("", encoding="utf-8")
    assert resolve_agenda(str(mine)) == mine
    # A file in the current folder named like a built-in wins over the built-in.
    monkeypatch.chdir(tmp_path)
    (tmp_path / "weekly-tuneup.toml").write_text("", encoding="utf-8")
    assert resolve_agenda("weekly-tuneup.toml") == Path("weekly-tuneup.toml")
    with pytest.raises(AgendaError) as err:
        resolve_agenda("sub/none.toml")
    assert str(err.value) == "sub/none.toml: no such file"


def test_wheel_carries_the_builtins(repo_root: Path, tmp_path: Path) -> None:
    from hatchling.builders.wheel import WheelBuilder

    built = list(WheelBuilder(str(repo_root)).build(directory=str(tmp_path / "dist"),
                                                    versions=["standard"]))
    assert len(built) == 1
    with zipfile.ZipFile(built[0]) as wheel:
        names = set(wheel.namelist())
        wheel.extractall(tmp_path / "site")
    for name in ("one-day-tuneup", "monthly-tuneup", "weekly-tuneup"):
        assert f"tuneup_tui/agendas/{name}.toml" in names
    # From the unpacked wheel alone (no site-packages, so not this checkout; platformdirs, a
    # dependency, from where it is installed), the built-ins are found inside the package.
    code = ("from tuneup_tui.agenda.builtins import builtin_agendas, resolve_agenda\n"
            "from tuneup_tui.agenda.load import load_agenda\n"
            "print(resolve_agenda(None))\n"
            "print(len(load_agenda(resolve_agenda('weekly-tuneup')).sessions))\n")
    result = subprocess.run([sys.executable, "-S", "-c", code], cwd=tmp_path,
                            env={"PYTHONPATH": os.pathsep.join((str(tmp_path / "site"), str(
                                Path(platformdirs.__file__).parent.parent))),
                                 "TUNEUP_HOME": os.environ["TUNEUP_HOME"]},
                            capture_output=True,
                            text=True, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        str(tmp_path / "site" / "tuneup_tui" / "agendas" / "one-day-tuneup.toml"), "5"]
