"""What the panels share, built once per pack: each lead once, leads with their CRM row, each
row's lead by position, and names folded per distinct value. Every expectation is worked out by
hand from the rows below."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from tests.unit.panel_fixtures import pack_of
from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics._sales import first_spelling, fold, folded_in
from tuneup_tui.metrics.lead_scoring import band_labels, band_of
from tuneup_tui.metrics.shared import first_rows, lead_rows, leads_once

CrmJoin = Callable[[DataPack], pd.DataFrame]


def lead(lead_id: str | None, program: str = "Webinar") -> dict:
    return {"lead_id": lead_id, "created_at": "2026-11-17", "program": program, "score": 50,
            "status": "Open", "sent_to_sales_at": None, "territory": "East"}


def crm_row(lead_id: str | None, owner: str | None, bad: bool = False) -> dict:
    return {"lead_id": lead_id, "owner": owner, "territory": "East", "status": "Working",
            "first_touch_at": None, "opportunity_id": None, "bad_data": bad}


# leads_once keeps L-2, L-1 and both rows without an id, in file order (the second L-2 goes)
LEADS = [lead("L-2"), lead("L-1"), lead("L-2", "Paid"), lead(None), lead(None)]
CRM = [crm_row("L-1", "Ann"), crm_row("L-3", "Bo"), crm_row("L-1", "Cy"), crm_row(None, "Di"),
       crm_row("L-2", None, bad=True)]


def test_each_lead_once_in_file_order_and_built_once() -> None:
    pack = pack_of(leads=LEADS, crm=CRM)
    once = leads_once(pack)
    assert list(once["lead_id"].fillna("-")) == ["L-2", "L-1", "-", "-"]
    assert list(once["program"]) == ["Webinar"] * 4  # L-2's first row, not its "Paid" one
    assert leads_once(pack) is once


def test_leads_with_their_first_crm_row(whole_crm_join: CrmJoin) -> None:
    joined = whole_crm_join(pack_of(leads=LEADS, crm=CRM))
    # L-2: its one CRM row (no owner, bad data); L-1: the first of its two rows (Ann, not Cy);
    # the leads without an id are in no CRM row (the CRM row without an id matches nothing)
    assert list(joined["in_crm"]) == [True, True, False, False]
    assert list(joined["crm_owner"].fillna("-")) == ["-", "Ann", "-", "-"]
    assert list(joined["crm_bad_data"]) == [True, False, False, False]
    assert joined["crm_bad_data"].dtype == bool


def test_each_rows_lead_by_position() -> None:
    pack = pack_of(leads=LEADS, crm=CRM)
    crm = pack.frame("crm")
    # CRM rows: L-1 is leads_once row 1, L-3 is no lead, L-1 again, no id, L-2 is row 0
    positions = lead_rows(pack, "crm", crm)
    assert positions.tolist() == [1, -1, 1, -1, 0]
    # the first CRM row of each of the 4 leads: lead 0 (L-2) row 4, lead 1 (L-1) row 0
    assert first_rows(positions, np.arange(5), 4).tolist() == [4, 0, -1, -1]
    # in reverse order L-1's "first" row is row 2
    assert first_rows(positions, np.arange(5)[::-1], 4).tolist() == [4, 2, -1, -1]


def test_names_folded_per_distinct_value() -> None:
    names = pd.Series([" Webinar", "webinar ", None, "Paid", "WEBINAR"], dtype="str")
    assert list(fold(names).fillna("-")) == ["webinar", "webinar", "-", "paid", "webinar"]
    # the first spelling as written, spaces included
    assert list(first_spelling(names).fillna("-")) == [" Webinar", " Webinar", "-", "Paid",
                                                        " Webinar"]
    assert list(folded_in(names, ["WEBINAR "])) == [True, True, False, False, True]


def test_score_bands_by_the_last_edge_reached() -> None:
    edges = [0.0, 40.0, 60.0, 80.0]
    labels = band_labels(edges, 100)  # 0-39, 40-59, 60-79, 80-100
    scores = pd.Series([np.nan, -5, 40, 59.9, 100, 130])
    # no score; under the lowest edge counts in the lowest band; over the top in the last
    assert list(band_of(scores, edges, labels)) == ["no score", "0-39", "40-59", "40-59",
                                                    "80-100", "80-100"]


def test_derived_is_built_once_and_a_failed_build_is_not_kept() -> None:
    pack = DataPack.from_frames({})
    calls: list[int] = []

    def build() -> int:
        calls.append(1)
        return len(calls)

    assert pack.derived("k", build) == 1
    assert pack.derived("k", build) == 1
    assert calls == [1]

    def broken() -> int:
        raise ValueError("no")

    with pytest.raises(ValueError):
        pack.derived("other", broken)
    assert pack.derived("other", build) == 2


def test_the_shared_join_is_the_plain_join(plain_crm_join: CrmJoin,
                                           whole_crm_join: CrmJoin) -> None:
    # the fast join (by position, built once) gives the very frame of the plain merge
    pack = pack_of(leads=LEADS, crm=CRM)
    pd.testing.assert_frame_equal(whole_crm_join(pack), plain_crm_join(pack), check_exact=True)
