"""The lead status map: defaults, a pack's own entries, acceptance counting rejections."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.panel_fixtures import pack_of, period, settings
from tuneup_tui.data.datapack_toml import DatapackError, load_datapack
from tuneup_tui.data.status_map import StatusMap, status_key
from tuneup_tui.metrics.lead_scoring import compute


def test_defaults_cover_salesforce_and_hubspot() -> None:
    m = StatusMap.with_overrides()
    for status in ("Unqualified", "Disqualified", "Closed - Not Converted", "Bad Data", "Junk",
                   "CLOSED_NOT_CONVERTED", " unqualified "):
        assert m.class_of(status) == "rejected", status
    assert m.class_of("Working - Contacted") == "working"
    assert m.class_of("Closed - Converted") == "converted"
    assert m.class_of("BAD_TIMING") == "nurture"
    assert m.class_of("Nurturing") == "nurture"
    assert m.class_of("Open - Not Contacted") == "accepted"
    assert m.class_of("Something else") is None and m.class_of(None) is None
    assert status_key("Closed - Not Converted") == "closednotconverted"


def test_a_pack_overrides_and_adds() -> None:
    m = StatusMap.with_overrides({"rejected": ("Not a fit", "New"), "nurture": ("Later",)})
    assert m.class_of("not a fit") == "rejected"
    assert m.class_of("New") == "rejected"      # moved from accepted
    assert m.class_of("Later") == "nurture"
    assert m.class_of("Unqualified") == "rejected"  # the defaults stay


def test_datapack_toml_statuses(tmp_path: Path) -> None:
    (tmp_path / "datapack.toml").write_text(
        '[statuses]\nrejected = ["Not a fit"]\nnurture = "Later"\n', encoding="utf-8")
    config = load_datapack(tmp_path)
    assert config is not None
    assert config.statuses == {"rejected": ("Not a fit",), "nurture": ("Later",)}


@pytest.mark.parametrize(("text", "where"), [
    ('[statuses]\nrejectd = ["x"]\n', "statuses.rejectd: unknown class; closest: 'rejected'"),
    ('[statuses]\nrejected = [1]\n', "statuses.rejected: expected a list of statuses"),
    ('statuses = 3\n', "statuses: expected a table"),
])
def test_datapack_toml_statuses_errors(tmp_path: Path, text: str, where: str) -> None:
    (tmp_path / "datapack.toml").write_text(text, encoding="utf-8")
    with pytest.raises(DatapackError) as err:
        load_datapack(tmp_path)
    assert where in str(err.value) and "datapack.toml" in str(err.value)


def _lead(lead_id: str) -> dict:
    return {"lead_id": lead_id, "created_at": "2026-11-16", "program": "Web", "score": 80,
            "status": "Qualified", "sent_to_sales_at": "2026-11-17", "territory": "East"}


def _crm(lead_id: str, status: str) -> dict:
    return {"lead_id": lead_id, "owner": "Alex Kim", "territory": "East", "status": status,
            "first_touch_at": None, "opportunity_id": None, "bad_data": False}


def test_acceptance_counts_rejected_leads_as_not_accepted() -> None:
    # 5 sent: Working and New accepted; Unqualified and Closed - Not Converted rejected;
    # L5 not in the CRM -> accepted 2 of 5
    leads = [_lead(f"L{i}") for i in range(1, 6)]
    crm = [_crm("L1", "Working"), _crm("L2", "New"), _crm("L3", "Unqualified"),
           _crm("L4", "Closed - Not Converted")]
    r = compute(pack_of(leads=leads, crm=crm), period(), settings())
    assert r.figures["sales_accepted"] == 2
    assert r.figures["acceptance_rate"] == pytest.approx(2 / 5)
