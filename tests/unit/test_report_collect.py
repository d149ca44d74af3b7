"""collect_summary on a real store: a scripted run replayed through the schedule engine."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from tests.unit.played_day import AGENDA, STORE_CLOCK, play_day
from tuneup_tui.agenda.clock import FakeClock
from tuneup_tui.agenda.load import loads_agenda
from tuneup_tui.agenda.schedule import Schedule
from tuneup_tui.report.collect import collect_summary
from tuneup_tui.report.markdown import render_markdown
from tuneup_tui.store.db import RunStore, StoreError


@pytest.fixture
def store(played_store: RunStore) -> RunStore:
    return played_store


def test_summary_of_a_played_day(store: RunStore) -> None:
    first = play_day(store, date(2026, 11, 16))
    old = store.add_action(first.id, "Recycle stale leads", "Priya", due=date(2026, 11, 20))
    kept = store.add_action(first.id, "Tag the newsletter", "Dana")
    store.add_action(first.id, "Left alone", "Dana")
    closed = store.add_action(first.id, "Close me at the next run", "Priya")
    done_then = store.add_action(first.id, "Done the same day", "Priya")
    store.update_action(done_then.id, status="done")
    store.record_figure(first.id, "expected_leads_to_sales", 38)
    store.save_panel_figures(first.id, "traffic", {"sessions": 1200})

    run = play_day(store, date(2026, 11, 23))
    STORE_CLOCK.set(datetime(2026, 11, 23, 8, 58))  # the next run opens: one item is closed
    store.update_action(closed.id, status="done")
    store.add_action(run.id, old.text, "Dana", due=date(2026, 12, 4), carried_from=old.id)
    store.add_action(run.id, kept.text, "Dana", carried_from=kept.id)
    store.add_action(run.id, "Find the missing leads", "Priya", due=date(2026, 11, 25),
                     session="Paid Programs")
    store.add_soft_spot(run.id, "bing converts badly", severity="high",
                        session="Traffic Study", owner="Dana")
    store.record_figure(run.id, "expected_leads_to_sales", 41, session="Traffic Study")
    store.record_figure(run.id, "cost_per_lead", 52.5, unit="$")
    store.save_panel_figures(run.id, "traffic", {"sessions": 1234})

    s = collect_summary(store, run.id)
    assert (s.run_id, s.previous_run_id, s.title) == (run.id, first.id, "Small Tune Up")
    assert s.attendees == ("Dana", "Priya")  # "everyone" is not a person
    assert s.period is not None and s.period.label == "2026-W47"
    assert [(f.name, f.value, f.previous) for f in s.figures] == [
        ("expected_leads_to_sales", 41, 38), ("cost_per_lead", 52.5, None)]
    assert [(p.panel, [(f.name, f.value, f.previous) for f in p.figures]) for p in s.panels] \
        == [("traffic", [("sessions", 1234, 1200)])]
    day = s.day_run
    assert day is not None
    # 09:00-09:45 is 45 minutes against 30; Paid Programs skipped; ended 10:15 against 10:30
    assert [r.status for r in day.rows] == ["done", "skipped", "done"]
    assert [r.topic for r in day.overruns] == ["Traffic Study"]
    assert [r.topic for r in day.skipped] == ["Paid Programs"]
    assert day.end_drift_minutes == -15 and not day.projected
    assert [(c.text, c.previous_owner, c.owner, c.outcome) for c in s.carried] == [
        ("Recycle stale leads", "Priya", "Dana", "re-owned"),
        ("Tag the newsletter", "Dana", "Dana", "kept"),
        ("Left alone", "Dana", "Dana", "not carried"),
        ("Close me at the next run", "Priya", "Priya", "closed"),
    ]  # "Done the same day" was closed in its own run: not a carried item
    assert [p.cadence for p in s.cadence] == ["month", "week"]
    assert all(p.minutes == m for p, m in zip(s.cadence, (210, 30), strict=True))
    text = render_markdown(s)
    assert "| Traffic Study | 09:00 | 09:00 | 30 | 45 | +15 | done |" in text
    assert "ended at 10:15, 15 minutes early" in text


def test_first_run_and_unknown_run(store: RunStore) -> None:
    run = play_day(store, date(2026, 11, 23))
    s = collect_summary(store, run.id)
    assert s.previous_run_id is None and s.carried == () and s.figures == ()
    with pytest.raises(StoreError, match="no run 99"):
        collect_summary(store, 99)


def test_a_day_still_running_shows_its_projected_end(store: RunStore) -> None:
    day = date(2026, 11, 23)
    anchor = datetime(2026, 11, 23, 9, 0)
    run = store.create_run(title="Small Tune Up", series="small", cadence="day",
                           agenda_toml=AGENDA, as_of=day, data_dir=None, mode="facilitator",
                           speed=1.0, anchor=anchor, started_at=anchor)
    clock = FakeClock(anchor)
    schedule = Schedule(loads_agenda(AGENDA, "test"), clock, anchor=anchor)
    action = schedule.start()
    store.add_event(run.id, action.kind, action.at, action.payload)
    clock.advance(minutes=40)  # Traffic Study 10 minutes over at its last action ...
    action = schedule.extend(10)
    store.add_event(run.id, action.kind, action.at, action.payload)
    s = collect_summary(store, run.id)
    assert s.day_run is not None and s.day_run.projected and s.day_run.extensions == 1
    # stopped at the last action (09:40), extended to 40 minutes: 09:40 + 30 + 30 = 10:40
    assert "is projected to end at 10:40, 10 minutes late" in render_markdown(s)


QUESTIONED = AGENDA.replace('panel = "traffic"\n', 'panel = "traffic"\nquestions = ["Which '
                            'sources convert below average?", "What do we expect?"]\n')


def test_notes_questions_and_figures_reach_the_summary_session_by_session(
        store: RunStore) -> None:
    from tuneup_tui.store.note_text import compose_note

    run = store.create_run(title="Small Tune Up", series="small", cadence="day",
                           agenda_toml=QUESTIONED, as_of=date(2026, 11, 23), data_dir=None,
                           mode="facilitator", speed=1.0, anchor=datetime(2026, 11, 23, 9),
                           started_at=datetime(2026, 11, 23, 9))
    questions = ["Which sources convert below average?", "What do we expect?"]
    store.save_note(run.id, "Traffic Study",
                    compose_note("bing is low\nDecision: pause bing", questions, {0}))
    store.save_note(run.id, "Site Health", "404s on /pricing")
    store.record_figure(run.id, "expected_leads_to_sales", 41, session="Traffic Study")
    store.record_figure(run.id, "cost_per_lead", 52.5, unit="$")  # in no session
    s = collect_summary(store, run.id)
    traffic, site, elsewhere = s.sessions  # Paid Programs: nothing noted, asked or recorded
    assert (traffic.topic, traffic.who, traffic.start) == ("Traffic Study", "Webmaster",
                                                           "09:00")
    assert traffic.notes == "bing is low\nDecision: pause bing"
    assert traffic.questions == (("Which sources convert below average?", True),
                                 ("What do we expect?", False))
    assert [f.name for f in traffic.figures] == ["expected_leads_to_sales"]
    assert (site.topic, site.notes, site.questions, site.figures) == (
        "Site Health", "404s on /pricing", (), ())
    assert elsewhere.topic == "" and [f.name for f in elsewhere.figures] == ["cost_per_lead"]
    assert s.decisions() == [("Traffic Study", "pause bing")]
    text = render_markdown(s)
    assert "- [x] Which sources convert below average?\n- [ ] What do we expect?" in text
    assert "### Outside the sessions" in text


def test_a_deleted_item_leaves_the_summary_the_csv_and_the_calendar(
        store: RunStore, tmp_path: Path) -> None:
    from tuneup_tui.report.write import write_summary

    run = play_day(store, date(2026, 11, 23))
    store.add_action(run.id, "Fix the 404s", "Dana", due=date(2026, 11, 27))
    junk = store.add_action(run.id, "xjunkx", "Dana", due=date(2026, 11, 27))
    store.delete_action(junk.id, by="Maya")
    write_summary(collect_summary(store, run.id), tmp_path)
    for name in ("summary.md", "summary.txt", "summary.html", "summary.json", "actions.csv",
                 "actions.ics"):
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert "Fix the 404s" in text and "xjunkx" not in text, name


def test_a_rehearsal_between_two_days_is_not_compared_with(store: RunStore) -> None:
    first = play_day(store, date(2026, 11, 16))
    store.record_figure(first.id, "expected_leads_to_sales", 38)
    rehearsal = store.create_run(title="Small Tune Up", series="small", cadence="day",
                                 agenda_toml=AGENDA, as_of=date(2026, 11, 20), data_dir=None,
                                 mode="facilitator", speed=60,
                                 anchor=datetime(2026, 11, 20, 19),
                                 started_at=datetime(2026, 11, 20, 19))
    store.record_figure(rehearsal.id, "expected_leads_to_sales", 99)
    run = play_day(store, date(2026, 11, 23))
    store.record_figure(run.id, "expected_leads_to_sales", 41)
    s = collect_summary(store, run.id)
    assert s.previous_run_id == first.id
    assert [(f.value, f.previous) for f in s.figures] == [(41, 38)]
    asked = collect_summary(store, run.id, compare_with=rehearsal.id)
    assert asked.previous_run_id == rehearsal.id
    assert [(f.value, f.previous) for f in asked.figures] == [(41, 99)]
