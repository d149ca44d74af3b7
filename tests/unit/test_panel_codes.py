"""The fast paths the sales panels share: text columns as codes, lead ids looked up in two
tables (leads sent to sales first), the CRM join for a few leads only, and the lifecycle
lists cut before sorting. Every expectation is worked out by hand from the rows below."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from tests.unit import cross_check_fixtures as follow_up_case
from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics.codes import coded, counts_by_key, lookup
from tuneup_tui.metrics.follow_up import compute as follow_up
from tuneup_tui.metrics.lifecycle import compute as lifecycle
from tuneup_tui.metrics.shared import crm_joined, lead_rows


def test_a_column_as_codes() -> None:
    names = pd.Series(["Webinar", None, " webinar", "Paid", "Webinar"], dtype="str")
    col = coded(names)
    # distinct values in order of first appearance; the missing cell is -1
    assert col.codes.tolist() == [0, -1, 1, 2, 0]
    assert col.values.tolist() == ["Webinar", " webinar", "Paid"]
    assert col.folded().tolist() == ["webinar", "webinar", "paid"]
    assert col.is_in(["WEBINAR"]).tolist() == [True, False, True, False, True]


def test_first_spelling_among_the_rows_picked() -> None:
    col = coded(pd.Series(["Webinar", " webinar", "Paid", "paid"], dtype="str"))
    # all rows: "Webinar" comes first, " webinar" is written as it
    assert col.first_spelling().tolist() == ["Webinar", "Webinar", "Paid", "Paid"]
    # from row 1 on, " webinar" is the first spelling, and "paid" is held by row 3 only...
    later = col.take(np.array([False, True, True, True]))
    assert later.in_order() == [1, 2, 3]
    assert later.first_spelling().tolist() == [" webinar", " webinar", "Paid", "Paid"]
    # ...and from row 3 alone, "paid" is its own first spelling
    assert col.take(np.array([3])).first_spelling().tolist()[3] == "paid"


def test_lookup_with_missing() -> None:
    per_value = np.array([10, 20, 30])
    assert lookup(per_value, np.array([2, -1, 0]), -1).tolist() == [30, -1, 10]
    assert lookup(np.array([], dtype=bool), np.array([-1, -1]), False).tolist() == [False, False]


def lead(lead_id: str | None, sent: str | None) -> dict:
    return {"lead_id": lead_id, "created_at": "2026-11-10", "program": "Webinar", "score": 50,
            "status": "Open", "sent_to_sales_at": sent, "territory": "East"}


def crm_row(lead_id: str | None, owner: str | None = "Ann") -> dict:
    return {"lead_id": lead_id, "owner": owner, "territory": "East", "status": "Working",
            "first_touch_at": None, "opportunity_id": None, "bad_data": False}


# leads_once rows: 0 L-1 (sent), 1 L-2 (never sent), 2 no id, 3 L-3 (sent)
LEADS = [lead("L-1", "2026-11-11"), lead("L-2", None), lead(None, "2026-11-11"),
         lead("L-3", "2026-11-12")]


def test_ids_found_among_the_leads_sent_first_then_the_others() -> None:
    # L-3 and L-1 are among the leads sent; L-2 only among the others; L-9 is nobody's; a row
    # without an id names no lead (not even the lead without an id)
    crm = [crm_row("L-3"), crm_row("L-2"), crm_row("L-9"), crm_row(None), crm_row("L-1")]
    pack = pack_of(leads=LEADS, crm=crm)
    assert lead_rows(pack, "crm", pack.frame("crm")).tolist() == [3, 1, -1, -1, 0]


def test_many_rows_naming_few_leads() -> None:
    # more rows than leads: the rows' distinct ids are looked up once each
    touches = [{"date": "2026-11-17", "rep": "Ann", "type": "call", "lead_id": i}
               for i in ("L-3", "L-3", "L-2", None, "l-3", "L-1", "L-3")]
    pack = pack_of(leads=LEADS, activities=touches)
    # "l-3" is not "L-3": ids match exactly
    assert lead_rows(pack, "activities", pack.frame("activities")).tolist() == \
        [3, 3, 1, -1, -1, 0, 3]


def test_no_lead_has_an_id() -> None:
    pack = pack_of(leads=[lead(None, "2026-11-11")], crm=[crm_row("L-1")])
    assert lead_rows(pack, "crm", pack.frame("crm")).tolist() == [-1]


def test_the_crm_join_of_a_few_leads_is_the_join_of_all_cut(
        whole_crm_join: Callable[[DataPack], pd.DataFrame]) -> None:
    # L-1 and L-3 are in the CRM (L-1 twice: its first row, Ann, counts), L-2 is not
    crm = [crm_row("L-1"), crm_row("L-3", None), crm_row("L-1", "Bo")]
    pack = pack_of(leads=LEADS, crm=crm)
    whole = whole_crm_join(pack)
    for picked in ([True, False, True, True], [True, False, False, True], [False] * 4):
        mask = np.array(picked)
        pd.testing.assert_frame_equal(crm_joined(pack, mask), whole[mask], check_exact=True)
    some = crm_joined(pack, np.array([True, True, False, False]))
    assert list(some["crm_owner"].fillna("-")) == ["Ann", "-"]
    assert list(some["in_crm"]) == [True, False]


def old_lead(lead_id: str, created: str, program: str | None = "Paid") -> dict:
    return {"lead_id": lead_id, "created_at": created, "program": program, "score": 70,
            "status": "Open", "sent_to_sales_at": None, "territory": "East"}


def test_past_lifetime_list_cut_at_a_tie() -> None:
    # five leads of 2026-02-01 (L-0..L-4) first in the file, then 49 of 2026-01-05
    # (L-100..L-148), then three of 2026-01-06 in the file order L-7, L-5, L-6: the 50th of
    # the list is the first of those three by id, L-5; all 57 are past
    leads = [old_lead(f"L-{i}", "2026-02-01 09:00") for i in range(5)]
    leads += [old_lead(f"L-{100 + i}", "2026-01-05 09:00") for i in range(49)]
    leads += [old_lead(i, "2026-01-06 09:00") for i in ("L-7", "L-5", "L-6")]
    r = lifecycle(pack_of(leads=leads, opportunities=[]), period(), settings())
    ids = [row["lead_id"] for row in r.tables["past_lifetime"].rows]
    assert r.figures["past_lifetime"] == 57
    assert ids == [f"L-{100 + i}" for i in range(49)] + ["L-5"]


def test_a_program_written_as_no_program_is_one_tactic_with_the_blank_ones() -> None:
    leads = [old_lead("L-1", "2026-11-02", None), old_lead("L-2", "2026-11-02", "(no program)"),
             old_lead("L-3", "2026-11-02", "paid"), old_lead("L-4", "2026-11-03", "Paid")]
    r = lifecycle(pack_of(leads=leads, opportunities=[]), period(), settings())
    # the blank program and "(no program)" both read "(no program)"; "paid" is first spelt
    # "paid", so L-4's "Paid" reads "paid" too
    assert [(row["tactic"], row["leads"]) for row in r.tables["tactics"].rows] == \
        [("(no program)", 2), ("paid", 2)]


def test_follow_up_reads_only_the_baseline_and_the_period() -> None:
    pack = pack_of(leads=follow_up_case.SENT_LEADS, crm=follow_up_case.CRM,
                   territories=follow_up_case.TERRITORIES, activities=follow_up_case.ACTIVITIES)
    # a one-week baseline is W46 (11-09..15): W45's leads and activities are left out
    r = follow_up(pack, period(), settings(baseline_periods=1))
    rows = {row["rep"]: dict(row) for row in r.tables["by_rep"].rows}
    # Alex: 3 calls and 5 emails now; 8 calls and 6 emails in W46. Bea: 6 and 2; 6 and 0
    assert rows["Alex Kim"] == {"rep": "Alex Kim", "calls": 3, "calls_avg": 8.0,
                                "emails": 5, "emails_avg": 6.0}
    assert (rows["Bea Lo"]["calls_avg"], rows["Bea Lo"]["emails_avg"]) == (6.0, 0.0)
    # L-1..L-5 delivered now; L-7, L-8, L-9 in W46 (L-7 flagged bad data, L-9 not in the CRM)
    assert r.figures["leads_delivered"] == 5
    assert r.baseline_figures["leads_delivered"] == 3.0
    assert r.baseline_figures["bad_data_rate"] == 1 / 3
    # no baseline at all: the period alone, averages n/a
    r = follow_up(pack, period(), settings(baseline_periods=0))
    assert (r.figures["calls"], r.figures["leads_delivered"]) == (3 + 6 + 1, 5)
    assert r.baseline_figures["calls"] is None
    assert r.baseline_figures["leads_delivered"] is None


def test_counts_by_key_adds_up_values_that_share_a_key() -> None:
    # "Webinar" and "webinar " fold to one key; code -1 (no value) and an unused value are not
    # counted.
    keys = np.array(["webinar", "webinar", "google ads", "email"], dtype=object)
    codes = np.array([0, 1, 1, -1, 2, 2, 2, 0], dtype=np.intp)
    assert counts_by_key(keys, codes) == {"webinar": 4, "google ads": 3}
    assert counts_by_key(keys, np.array([], dtype=np.intp)) == {}
