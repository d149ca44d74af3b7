"""Salesforce report exports: leads, leads as crm, opportunities, activities; the footer."""

from __future__ import annotations

from pathlib import Path

from tests.unit.preset_fixtures import dropped_of, notes_of, pack_with, rows
from tuneup_tui.data.presets.registry import read_source

LEADS = "salesforce/leads/report1764062400001.csv"


def test_leads_report(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, LEADS)
    # US dates with times; "1,020" -> 1020; an empty Date Sent to Sales -> not sent.
    assert rows(pack.frame("leads")) == [
        ("00Q5g00000AbCdE", "2026-11-16 09:05:00", "Webinar", 72.0, "Working",
         "2026-11-17 14:30:00", "CA"),
        ("00Q5g00000AbCdF", "2026-11-18 11:00:00", "Brand - Search", 45.0, "Open", None,
         "NY"),
        ("00Q5g00000AbCdG", "2026-11-20 16:45:00", "Webinar", 1020.0, "Qualified",
         "2026-11-21 08:00:00", "TX"),
    ]
    # Email and Company are found (reference columns: mapped, then not loaded).
    raw = read_source(pack.discovery().files["leads"][0])
    assert rows(raw.frame, "email", "company") == [
        ("ana@acme.example", "Acme, Inc."), ("bo@globex.example", "Globex"),
        ("cy@initech.example", "Initech")]
    dropped = dropped_of(pack, "leads")
    assert dropped == [
        "line 6 'Grand Totals (3 records)': Salesforce grand totals line",
        "line 8 'Confidential Information - Do Not Distribute': Salesforce footer",
        "line 9 'Copyright (c) 2000-2026 salesforce.com, inc. All rights rese': "
        "Salesforce copyright footer",
    ]


def test_leads_report_mapped_as_crm(tmp_path: Path) -> None:
    toml = ('[sources.crm]\nfiles = ["salesforce/leads/*.csv"]\npreset = "salesforce-leads"\n'
            '[sources.leads]\nfiles = ["salesforce/leads/*.csv"]\n')
    pack = pack_with(tmp_path, LEADS, toml=toml)
    # Lead Owner -> owner (empty: NA), Converted Opportunity ID, Bad Data 1/0 -> flag;
    # no First Touch column: missing, with a note.
    assert rows(pack.frame("crm"), "lead_id", "owner", "territory", "status",
                "first_touch_at", "opportunity_id", "bad_data") == [
        ("00Q5g00000AbCdE", "Priya Shah", "CA", "Working", None, "006AAA", False),
        ("00Q5g00000AbCdF", None, "NY", "Open", None, None, True),
        ("00Q5g00000AbCdG", "Sam Reed", "TX", "Qualified", None, None, False),
    ]
    assert "first touch missing" in notes_of(pack, "crm")
    assert len(pack.frame("leads")) == 3


def test_opportunities_day_first_and_closed_at_only_for_closed_stages(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "salesforce/opportunities/report1764062400002.csv")
    # "20/12/2026" settles day-first for the whole file; the open Proposal's Close Date is a
    # forecast, so closed_at is missing there; "$3,000.00" -> 3000.
    assert rows(pack.frame("opportunities")) == [
        ("006AAA", "00Q5g00000AbCdE", "2026-11-17", "Proposal", 12500.0, None, "Priya Shah"),
        ("006BBB", "00Q5g00000AbCdG", "2026-11-19", "Closed Won", 3000.0, "2026-11-21",
         "Sam Reed"),
    ]
    assert "dates read day-first (column 'Close Date' has '20/12/2026')" in notes_of(
        pack, "opportunities")
    assert "Copyright ©" in dropped_of(pack, "opportunities")[-1]


def test_activities_types_lowercased_and_ambiguous_dates_said(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "salesforce/activities/report1764062400003.csv")
    # "11/12/2026" can't be settled by the data: read month-first (Nov 12) and said.
    assert rows(pack.frame("activities")) == [
        ("2026-11-12", "Priya Shah", "call", "00Q5g00000AbCdE"),
        ("2026-11-12", "Priya Shah", "email", "00Q5g00000AbCdE"),
        ("2026-10-11", "Sam Reed", "meeting", "00Q5g00000AbCdG"),
    ]
    raw = read_source(pack.discovery().files["activities"][0])
    assert rows(raw.frame, "outcome") == [("Left voicemail",), ("",), ("Held",)]  # raw text
    assert "read month-first" in notes_of(pack, "activities")
    # The second activity's subject holds a line break: the footer lines still count right.
    assert dropped_of(pack, "activities")[0].startswith("line 7 ")


def test_activities_day_first_from_datapack_toml(tmp_path: Path) -> None:
    toml = '[sources.activities]\nfiles = ["salesforce/*/report*3.csv"]\ndate_order = "day-first"\n'
    pack = pack_with(tmp_path, "salesforce/activities/report1764062400003.csv", toml=toml)
    # day-first: 11/12/2026 is 11 December, 10/11/2026 is 10 November.
    assert rows(pack.frame("activities"), "date") == [
        ("2026-12-11",), ("2026-12-11",), ("2026-11-10",)]
    assert "read month-first" not in notes_of(pack, "activities")
