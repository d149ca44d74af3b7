"""Implausible numbers in an export (negative spend or clicks, 1e308) are said in `data inspect`."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from tuneup_tui.data.inspect import inspect_pack
from tuneup_tui.data.plausible import implausible_values

PAID = ("date,program,channel,site,spend,impressions,clicks,names\n"
        "2026-11-16,Bing Search,search,bing.com,-500,3224,134,2\n"
        "2026-11-17,Bing Search,search,bing.com,1e308,3224,134,2\n"
        "2026-11-18,Bing Search,search,bing.com,40,3224,-4,2\n"
        "2026-11-19,Bing Search,search,bing.com,12.5,3224,134,2\n")


def test_inspect_notes_each_column_with_implausible_values(tmp_path: Path) -> None:
    (tmp_path / "paid.csv").write_text(PAID, encoding="utf-8")
    notes = inspect_pack(tmp_path).files[0].notes
    assert "spend: 1 beyond 1e+12 (e.g. 1e+308), 1 negative (e.g. -500); check the export" \
        in notes
    assert "clicks: 1 negative (e.g. -4); check the export" in notes
    assert not any(n.startswith(("impressions", "names")) for n in notes)


def test_plausible_values_and_meant_negatives_pass() -> None:
    paid = pd.DataFrame({"spend": [12.5, 0.0, np.nan], "clicks": [3.0, 0.0, 1.0]})
    assert implausible_values(paid, "paid") == []
    leads = pd.DataFrame({"score": [-20.0, 55.0]})
    assert implausible_values(leads, "leads") == []  # negative scoring is a method
    assert implausible_values(pd.DataFrame({"sessions": [np.inf]}), "traffic") == [
        "sessions: 1 infinite; check the export"]


def test_a_panel_reading_implausible_values_names_the_file_row_column_and_value(
        tmp_path: Path) -> None:
    from datetime import date

    from tuneup_tui.data.pack import DataPack
    from tuneup_tui.data.period import review_period
    from tuneup_tui.metrics.registry import run_panel
    from tuneup_tui.metrics.settings import PanelSettings

    (tmp_path / "paid.csv").write_text(PAID, encoding="utf-8")
    paid = tmp_path / "paid.csv"
    as_of = date(2026, 11, 23)
    result = run_panel("paid", DataPack.open(tmp_path), review_period(as_of, "week"),
                       PanelSettings(as_of=as_of))
    # Rows count the file's lines: the header is line 1, the -500 spend is on line 2.
    assert (f"paid ({paid}) row 2, column 'spend': -500 is negative (1 more in the column);"
            " check the export") in result.notes
    assert f"paid ({paid}) row 4, column 'clicks': -4 is negative; check the export" \
        in result.notes


def test_an_implausibly_large_figure_is_written_short() -> None:
    from tuneup_tui.metrics.display import fmt_kind

    assert fmt_kind("number", 1e308) == "1e+308"  # not 309 digits across the panel
    assert fmt_kind("money", -2.5e13) == "-$2.5e+13"
    assert fmt_kind("number", 999e9) == "999,000,000,000"  # up to a trillion as ever
