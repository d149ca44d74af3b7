"""What several panels work out from the same sources, built once per pack and shared.

Seven panels count leads, five join them to their CRM row, two count activities by rep. On a
pack of a million leads each of those steps costs about as much as a small panel, so each is
built on first use, kept on the pack (`DataPack.derived`) and handed to every later panel as it
is. The results are the very frames the panels built for themselves before: the same rows, in
the same order, with the same index. They are shared, so a panel never changes them in place
(pandas' copy-on-write makes `assign` and friends safe).
"""

from __future__ import annotations

import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.metrics._sales import with_crm
from tuneup_tui.metrics.common import first_of_each


def leads_once(pack: DataPack) -> pd.DataFrame:
    """The leads, each lead_id once (its first row in file order; rows without an id kept)."""
    return pack.derived(("leads", "one_per_lead"),
                        lambda: first_of_each(pack.frame("leads"), "lead_id"))


def opportunities_once(pack: DataPack) -> pd.DataFrame:
    """The opportunities, each opportunity_id once (its first row in file order)."""
    return pack.derived(("opportunities", "one_per_opportunity"),
                        lambda: first_of_each(pack.frame("opportunities"), "opportunity_id"))


def leads_with_crm(pack: DataPack) -> pd.DataFrame:
    """`leads_once` with each lead's first CRM row (columns `crm_*`, and `in_crm`)."""
    return pack.derived(("leads", "with_crm"),
                        lambda: with_crm(leads_once(pack), pack.frame("crm")))
