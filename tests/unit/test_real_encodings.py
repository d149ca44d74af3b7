"""Encodings as the tools write them: a legacy Facebook export in Windows-1252 with city names in
its header, Google Ads saved as Excel's UTF-16 "Unicode text", GA4 with a UTF-8 byte-order mark.
Figures worked out by hand from the fixture rows (tests/fixtures/exports/real/encodings)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.real_fixtures import case, inspect, panel

AS_OF = "2026-07-06"  # the review week is 2026-06-29..2026-07-05


def test_each_encoding_gives_its_figures(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "encodings")
    social = panel(root, "social", AS_OF, capsys)
    # Facebook (cp1252): engaged users 40 + 35 + 25; the latest lifetime likes 1,210
    assert social["figures"]["engagements"] == 100
    assert social["figures"]["followers"] == 1210
    paid = panel(root, "paid", AS_OF, capsys)
    # Google Ads (UTF-16, tabs): 120.00 over 80 clicks of 2,000 impressions
    assert (paid["figures"]["spend"], paid["figures"]["clicks"]) == (120.0, 80)
    assert paid["figures"]["cpc"] == pytest.approx(1.5)
    traffic = panel(root, "traffic", AS_OF, capsys)
    # GA4 (UTF-8 with a BOM): 90 sessions, 3 key events
    assert (traffic["figures"]["sessions"], traffic["figures"]["goal_completions"]) == (90, 3)


def test_windows_1252_is_noted_in_data_inspect(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    out = inspect(case(tmp_path, "encodings"), capsys)
    assert ("  note: not UTF-8 (byte 0xfc in the header line): read as Windows-1252 (cp1252), "
            "the legacy Windows encoding; check accented names\n") in out
    assert out.count("Windows-1252") == 1  # the UTF-8 and UTF-16 files need no note
