"""Salesforce report exports (CSV): leads, opportunities, activities.

Every field is quoted; after the rows come a blank line, `"Grand Totals (5700 records)"`, a
blank line, `"Confidential Information - Do Not Distribute"` and the copyright line: all
dropped and said. Labels are the org's own; the common English ones are recognised, others are
mapped in datapack.toml. Dates follow the user's locale (11/16/2026 or 16/11/2026, "11/16/2026
9:05 AM"): settled by the data, else by `date_order`, else month-first with a note. Checkboxes
are 1 and 0.

- Leads report -> leads (and -> crm when datapack.toml maps it there: a leads report with the
  owner is the CRM's view of the leads).
- Opportunities report -> opportunities; Close Date becomes closed_at only for Closed stages
  (an open opportunity's close date is a forecast).
- Activities report -> activities; Type (Call, Email, Meeting) lower-cased.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.presets._base import Candidates, Columns, Located, Options, Preset, find
from tuneup_tui.data.presets._table import Record

LEAD_ID: Candidates = ("lead id", "lead id (18)", "id", "record id")
CREATED: Candidates = ("created date", "create date", "created")
TERRITORY: Candidates = ("territory", "state/province", "state", "region", "country")
_FOOTERS = (
    (re.compile(r"^grand totals?\b", re.I), "Salesforce grand totals line"),
    (re.compile(r"^confidential information", re.I), "Salesforce footer"),
    (re.compile(r"^(copyright|\(c\)|©)", re.I), "Salesforce copyright footer"),
)
RATINGS = {"hot": "3", "warm": "2", "cold": "1"}


class SalesforceReport(Preset):
    """What the three Salesforce reports share: the footer."""

    def after_table(self, rest: Sequence[Record], located: Located) -> None:
        for rec in rest:
            if rec.blank:
                continue
            text = rec.text.strip().strip('"')
            reason = next((why for pattern, why in _FOOTERS if pattern.search(text)),
                          "after the table (a blank line ends it)")
            located.dropped.append(f"line {rec.line} {text[:60]!r}: {reason}")

    def drop_reason(self, row: Mapping[str, str], rec: Record, header: Sequence[str]) -> str:
        text = rec.text.strip().strip('"')
        if len(rec.filled) == 1 and any(p.search(text) for p, _ in _FOOTERS):
            return "Salesforce footer"
        return ""


class SalesforceLeads(SalesforceReport):
    name = "salesforce-leads"
    title = "Salesforce leads report"
    sources = ("leads", "crm")
    signature = (("lead status",), ("lead source", "lead owner"), CREATED)
    columns: ClassVar[Columns] = {
        "leads": {
            "lead_id": LEAD_ID,
            "created_at": CREATED,
            "program": ("lead source",),
            "score": ("lead score", "score"),
            "status": ("lead status", "status"),
            "sent_to_sales_at": ("date sent to sales", "sent to sales date", "mql date",
                                 "date sent to sales (mql)"),
            "territory": TERRITORY,
            "email": ("email",),
            "company": ("company / account", "company"),
        },
        "crm": {
            "lead_id": LEAD_ID,
            "owner": ("lead owner", "owner"),
            "territory": TERRITORY,
            "status": ("lead status", "status"),
            "first_touch_at": ("first touch", "first touch date", "first activity date",
                               "first call date"),
            "opportunity_id": ("converted opportunity id", "opportunity id"),
            "bad_data": ("bad data", "invalid"),
            "bad_data_reason": ("bad data reason",),
        },
    }

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        if source != "leads" or "score" in out:
            return []
        rating = find(located.header, ("rating",))
        if rating is None:
            return []
        out["score"] = raw[rating].str.strip().str.casefold().map(RATINGS).astype("str")
        located.derived["score"] = f"{rating} (Hot 3, Warm 2, Cold 1)"
        return ["score from Rating: Hot = 3, Warm = 2, Cold = 1 (others missing)"]

    def defaults(self, source: str) -> Mapping[str, tuple[str, str]]:
        if source == "leads":
            return {
                "score": ("", "no Lead Score column: score missing (map one in datapack.toml)"),
                "sent_to_sales_at": ("", "no 'Date Sent to Sales' or 'MQL Date' column: no "
                                         "lead counts as sent to sales (map the column in "
                                         "datapack.toml)"),
                "territory": ("", "no State/Province or Territory column: territory missing"),
            }
        return {
            "first_touch_at": ("", "no First Touch column: first touch missing"),
            "opportunity_id": ("", "no Converted Opportunity ID column: no opportunities"),
            "bad_data": ("0", "no Bad Data column: bad_data = 0 for every lead"),
            "territory": ("", "no State/Province or Territory column: territory missing"),
        }


class SalesforceOpportunities(SalesforceReport):
    name = "salesforce-opportunities"
    title = "Salesforce opportunities report"
    sources = ("opportunities",)
    signature = (("stage",), ("amount",), ("close date",), ("opportunity name", "opportunity id"))
    columns: ClassVar[Columns] = {"opportunities": {
        "opportunity_id": ("opportunity id", "opportunity id (18)", "opportunity name"),
        "lead_id": ("lead id", "converted lead id", "original lead id"),
        "created_at": CREATED,
        "stage": ("stage",),
        "amount": ("amount",),
        "owner": ("opportunity owner", "owner"),
    }}

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        notes = []
        close = find(located.header, ("close date",))
        if "closed_at" not in out and close is not None:
            closed = out["stage"].str.strip().str.casefold().str.startswith("closed")
            out["closed_at"] = raw[close].where(closed.fillna(False), None).astype("str")
            located.derived["closed_at"] = f"{close} (Closed stages only)"
            notes.append("closed_at = Close Date for Closed stages only (an open one's close "
                         "date is a forecast)")
        if find(located.header, ("opportunity id", "opportunity id (18)")) is None:
            notes.append("no Opportunity ID column: the opportunity name is its id")
        return notes

    def defaults(self, source: str) -> Mapping[str, tuple[str, str]]:
        return {"lead_id": ("", "no Lead ID column: opportunities not linked to leads (map "
                                "one in datapack.toml)")}


class SalesforceActivities(SalesforceReport):
    name = "salesforce-activities"
    title = "Salesforce activities report"
    sources = ("activities",)
    signature = (("assigned", "assigned to"), ("type", "task subtype"),
                 ("date", "due date", "activity date"))
    columns: ClassVar[Columns] = {"activities": {
        "date": ("date", "activity date", "due date", "created date"),
        "rep": ("assigned", "assigned to"),
        "lead_id": ("lead id", "related to id", "related to", "name"),
        "outcome": ("call result", "outcome"),
    }}

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        kind = find(located.header, ("type", "task subtype"))
        if "type" in out or kind is None:
            return []
        out["type"] = raw[kind].str.strip().str.casefold().astype("str")
        located.derived["type"] = f"{kind} (lower-cased)"
        return []


PRESETS = (SalesforceLeads(), SalesforceOpportunities(), SalesforceActivities())
