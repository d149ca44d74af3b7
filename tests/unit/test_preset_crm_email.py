"""HubSpot contacts exports as leads; Mailchimp campaigns exports as emails."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.preset_fixtures import notes_of, pack_with, rows
from tuneup_tui.data.errors import DataError
from tuneup_tui.data.presets.registry import read_source

HUBSPOT = "hubspot-crm-exports-all-contacts-2026-11-23.csv"


def test_hubspot_all_properties(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, f"hubspot/all/{HUBSPOT}")
    # Record ID, Create Date, Original Source, HubSpot Score, Lead Status, the SQL date,
    # State/Region, Email, Associated Company.
    assert rows(pack.frame("leads")) == [
        ("51", "2026-11-16 09:05:00", "Paid Search", 72.0, "IN_PROGRESS",
         "2026-11-17 14:30:00", "CA"),
        ("52", "2026-11-18 11:00:00", "Organic Search", None, "NEW", None, "NY"),
    ]
    raw = read_source(pack.discovery().files["leads"][0])
    assert rows(raw.frame, "email", "company") == [
        ("ana@acme.example", "Acme"), ("bo@globex.example", "Globex")]
    assert read_source(pack.discovery().files["leads"][0]).variant == (
        "HubSpot contacts export, all properties")


def test_hubspot_default_view_fills_defaults_with_notes(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, f"hubspot/default/{HUBSPOT}")
    assert rows(pack.frame("leads")) == [
        ("51", "2026-11-16 09:05:00", "HubSpot", None, "IN_PROGRESS", None, None),
    ]
    notes = notes_of(pack, "leads")
    assert "program = 'HubSpot'" in notes and "no HubSpot Score column" in notes
    assert "Became a Sales Qualified Lead Date" in notes


def test_mailchimp_campaigns(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "mailchimp/campaigns.csv")
    # "Nov 17, 2026 09:30 am" -> 2026-11-17; "1,750" -> 1750; Total Bounces 38 and 20.
    assert rows(pack.frame("emails")) == [
        ("2026-11-17", "November nurture #3", 1750.0, 1712.0, 476.0, 95.0, 6.0, 38.0, None),
        ("2026-11-19", "Webinar invite", 900.0, 880.0, 301.0, 44.0, 2.0, 20.0, None),
    ]


def test_mailchimp_bounces_from_hard_and_soft(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "mailchimp/no-total/campaigns.csv")
    # No Total Bounces: Soft 12 + Hard 8 = 20.
    assert rows(pack.frame("emails"), "bounces") == [(20.0,)]
    assert "bounces = Hard Bounces + Soft Bounces" in notes_of(pack, "emails")


def test_mailchimp_single_campaign_report_is_named_not_read(tmp_path: Path) -> None:
    pack = pack_with(tmp_path, "mailchimp/report/campaign-report.csv")
    unplaced = pack.discovery().unplaced
    assert len(unplaced) == 1
    assert "Mailchimp single-campaign report" in unplaced[0] and "not a table" in unplaced[0]
    toml = '[sources.emails]\nfiles = ["mailchimp/report/*.csv"]\n'
    mapped = pack_with(tmp_path / "b", "mailchimp/report/campaign-report.csv", toml=toml)
    with pytest.raises(DataError, match=r"single-campaign report: key/value lines"):
        mapped.frame("emails")
