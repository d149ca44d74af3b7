"""HubSpot contacts export -> leads.

`hubspot-crm-exports-all-contacts-2026-11-23.csv`, every field quoted. Mapping: lead_id = Record
ID; created_at = Create Date ("2026-11-16 09:05"); program = Original Source; score = HubSpot
Score; status = Lead Status; sent_to_sales_at = "Became a Sales Qualified Lead Date"; territory
= State/Region; email = Email; company = Associated Company (or Company Name). The default view
lacks Original Source, HubSpot Score, the SQL date and State/Region: program is then "HubSpot"
and the others are missing, each with a note (export "All properties", or map them in
datapack.toml).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import ClassVar

from tuneup_tui.data.presets._base import Columns, Located, Preset
from tuneup_tui.data.presets._table import Record


class HubSpotContacts(Preset):
    name = "hubspot-contacts"
    title = "HubSpot contacts export"
    sources = ("leads",)
    signature = (("record id",), ("create date",), ("email", "first name", "contact owner"))
    columns: ClassVar[Columns] = {"leads": {
        "lead_id": ("record id",),
        "created_at": ("create date",),
        "program": ("original source", "original traffic source"),
        "score": ("hubspot score",),
        "status": ("lead status",),
        "sent_to_sales_at": ("became a sales qualified lead date",),
        "territory": ("state/region", "state", "territory"),
        "email": ("email",),
        "company": ("associated company", "company name"),
    }}

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        located = super().locate(recs, path, source)
        keys = {h.casefold() for h in located.header}
        located.variant = self.title + (", all properties" if "hubspot score" in keys
                                        else ", default view")
        return located

    def defaults(self, source: str) -> Mapping[str, tuple[str, str]]:
        return {
            "program": ("HubSpot", "no Original Source column: program = 'HubSpot' (export "
                                   "all properties, or map one in datapack.toml)"),
            "score": ("", "no HubSpot Score column: score missing"),
            "status": ("", "no Lead Status column: status missing"),
            "sent_to_sales_at": ("", "no 'Became a Sales Qualified Lead Date' column: no lead "
                                     "counts as sent to sales (map the column in "
                                     "datapack.toml)"),
            "territory": ("", "no State/Region column: territory missing"),
        }


PRESETS = (HubSpotContacts(),)
