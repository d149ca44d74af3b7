"""Fixtures the unit tests share (pytest hands them to the tests that name them)."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from tests.unit.played_day import STORE_CLOCK
from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics.common import first_of_each
from tuneup_tui.metrics.shared import crm_joined, leads_once
from tuneup_tui.store.db import RunStore

CrmJoin = Callable[[DataPack], pd.DataFrame]
DayJson = Callable[[Path], dict[str, str]]


@pytest.fixture
def plain_crm_join() -> CrmJoin:
    """The reference the panels' shared CRM join must equal: each lead once (its first row in
    file order) left-merged with its lead id's first CRM row (`crm_*` columns, `in_crm`; a
    lead without one gets missing values and `crm_bad_data` False)."""
    def join(pack: DataPack) -> pd.DataFrame:
        leads = first_of_each(pack.frame("leads"), "lead_id")
        crm = pack.frame("crm")
        first = (crm[crm["lead_id"].notna()].drop_duplicates("lead_id", keep="first")
                 .set_index("lead_id").add_prefix("crm_"))
        out = leads.merge(first, left_on="lead_id", right_index=True, how="left")
        out.index = leads.index  # a left join on unique keys keeps the leads' order
        out["in_crm"] = out["lead_id"].isin(first.index).fillna(False).astype(bool)
        out["crm_bad_data"] = out["crm_bad_data"].fillna(False).astype(bool)
        return out

    return join


@pytest.fixture
def whole_crm_join() -> CrmJoin:
    """The panels' shared CRM join (`crm_joined`) over every lead of `leads_once`."""
    def join(pack: DataPack) -> pd.DataFrame:
        return crm_joined(pack, np.ones(len(leads_once(pack)), dtype=bool))

    return join


@pytest.fixture
def day_json() -> DayJson:
    """Every registered panel of the pack in a folder, as-of 2026-11-23 with the default
    settings, each as its strict JSON text (keys sorted): for comparing two ways of reading
    the same pack figure for figure."""
    from tuneup_tui.metrics.day import compute_day
    from tuneup_tui.metrics.names import PANEL_NAMES
    from tuneup_tui.metrics.result import strict_json
    from tuneup_tui.metrics.settings import DaySettings

    def day(folder: Path) -> dict[str, str]:
        results = compute_day(DataPack.open(folder), date(2026, 11, 23), DaySettings(),
                              PANEL_NAMES)
        return {name: json.dumps(strict_json(r.to_json()), sort_keys=True)
                for name, r in results.items()}

    return day


@pytest.fixture
def played_store(tmp_path: Path) -> Iterator[RunStore]:
    """An empty store on the played day's clock (tests/unit/played_day.py), set to 09:00 on
    2026-11-16."""
    STORE_CLOCK.set(datetime(2026, 11, 16, 9, 0))
    opened = RunStore(tmp_path / "tuneup.db", now=STORE_CLOCK.now)
    yield opened
    opened.close()
