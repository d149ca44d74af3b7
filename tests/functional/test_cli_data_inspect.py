"""`tuneup data inspect DIR` as a user runs it: what each file was taken as, exit codes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tuneup_tui.cli import main

EXPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "exports"


def _pack(tmp_path: Path, *parts: str) -> Path:
    root = tmp_path / "exports"
    root.mkdir()
    for part in parts:
        src = EXPORTS / part
        (root / part).parent.mkdir(parents=True, exist_ok=True)
        if src.is_dir():
            shutil.copytree(src, root / part)
        else:
            shutil.copyfile(src, root / part)
    return root


def test_inspect_shows_each_file_and_what_was_dropped(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _pack(tmp_path, "ga4/ga4-traffic-source-medium.csv", "google-ads/Campaign report.csv",
                 "salesforce/leads", "broken/missing-column/ga4.csv")
    assert main(["data", "inspect", str(root)]) == 0
    out = capsys.readouterr().out
    assert ("ga4/ga4-traffic-source-medium.csv\n  taken as: traffic, preset ga4 (GA4 traffic "
            "acquisition, source / medium, no date column)\n  period: 2026-11-16..2026-11-22\n"
            "  rows: 5\n") in out
    assert ("  columns: date <- (the range 2026-11-16..2026-11-22); source <- Session source / "
            "medium (before ' / ')") in out
    assert ("  note: dated by its range 2026-11-16..2026-11-22: used in the review of that "
            "week\n") in out
    assert "  dropped: line 10 'Total: Account': totals row\n" in out
    assert "  dropped: line 6 'Grand Totals (3 records)': Salesforce grand totals line\n" in out
    assert "  dropped: line 8 'Confidential Information - Do Not Distribute': " in out
    assert ("Not placed:\n  broken/missing-column/ga4.csv: closest preset ga4 (GA4 traffic "
            "acquisition), missing column(s) 'key events'\n") in out
    assert "Sources:\n  traffic: 5 rows, 2026-11-16..2026-11-22\n  paid: 3 rows, " in out
    assert "  leads: 3 rows, 2026-11-16..2026-11-20\n" in out


def test_inspect_says_a_sources_trouble_and_still_exits_0(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _pack(tmp_path, "screaming-frog", "mailchimp/campaigns.csv")
    assert main(["data", "inspect", str(root)]) == 0
    out = capsys.readouterr().out
    assert "  error: pages_404 (" in out and "has no date column and no period" in out
    assert "  pages_404: error: pages_404 (" in out
    assert "  emails: 2 rows, 2026-11-17..2026-11-19\n" in out


def test_missing_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["data", "inspect", str(tmp_path / "nope")]) == 2
    assert capsys.readouterr().err == f"tuneup: {tmp_path / 'nope'}: no such data folder\n"


def test_broken_datapack_toml_exits_2_and_names_the_key(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = _pack(tmp_path, "mailchimp/campaigns.csv")
    (root / "datapack.toml").write_text(
        '[sources.emails]\nfiles = ["*.csv"]\npreset = "mailchimp"\n')
    assert main(["data", "inspect", str(root)]) == 2
    captured = capsys.readouterr()
    assert captured.err == (f"tuneup: {root / 'datapack.toml'}: sources.emails.preset: unknown "
                            "preset 'mailchimp'; closest: 'mailchimp-campaigns'\n")
    assert "datapack.toml is broken" in captured.out
    assert "  emails: error: emails (" in captured.out


def test_inspect_shows_what_each_lead_status_means(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = tmp_path / "pack"
    root.mkdir()
    (root / "leads.csv").write_text(
        "lead_id,created_at,program,score,status,sent_to_sales_at,territory\n"
        "L1,2026-11-16,Web,80,Nurturing,,East\nL2,2026-11-16,Web,80,Not a fit,,East\n"
        "L3,2026-11-16,Web,80,Odd one,,East\n", encoding="utf-8")
    (root / "crm.csv").write_text(
        "lead_id,owner,territory,status,first_touch_at,opportunity_id,bad_data\n"
        "L1,Alex,East,Unqualified,,,0\n", encoding="utf-8")
    (root / "datapack.toml").write_text('[statuses]\nrejected = ["Not a fit"]\n',
                                        encoding="utf-8")
    assert main(["data", "inspect", str(root)]) == 0
    out = capsys.readouterr().out
    assert "rejected (datapack.toml): Not a fit" in out
    assert "Nurturing (leads): nurture, 1 rows" in out
    assert "Not a fit (leads): rejected, 1 rows" in out
    assert "Odd one (leads): unmapped (read as not rejected), 1 rows" in out
    assert "Unqualified (crm): rejected, 1 rows" in out
