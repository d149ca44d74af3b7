"""What a lead's status means: accepted, rejected, working, converted or nurture.

CRMs spell statuses their own way ("Unqualified", "Closed - Not Converted", HubSpot's
"BAD_TIMING"), and acceptance, lifecycle advice and the follow-up table all depend on reading
them alike. Defaults cover the common Salesforce and HubSpot values; a pack adds or changes
them in its datapack.toml:

```toml
[statuses]
rejected = ["Not a fit", "Wrong country"]
nurture = ["Recycled"]
```

A status is matched on its letters and digits only, lower-cased ("Closed - Not Converted",
"closed_not_converted" and "CLOSED-NOT-CONVERTED" are one). A status no class lists is
"unmapped": it is not rejected, and `tuneup data inspect` names it so the pack can map it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from tuneup_tui.data.errors import closest

StatusClass = Literal["accepted", "rejected", "working", "converted", "nurture"]
CLASSES: tuple[StatusClass, ...] = ("accepted", "rejected", "working", "converted", "nurture")

DEFAULTS: dict[StatusClass, tuple[str, ...]] = {
    "accepted": ("Accepted", "Sales Accepted", "SAL", "Qualified", "Sales Qualified", "SQL",
                 "New", "Open", "Open - Not Contacted"),
    "rejected": ("Rejected", "Unqualified", "Disqualified", "Closed - Not Converted",
                 "Bad Data", "Junk", "Spam", "Invalid", "Duplicate", "Not Interested",
                 "Do Not Contact"),
    "working": ("Working", "Working - Contacted", "Contacted", "In Progress",
                "Attempted to Contact", "Attempting Contact", "Connected"),
    "converted": ("Converted", "Closed - Converted", "Open Deal", "Customer"),
    "nurture": ("Nurture", "Nurturing", "Recycled", "Bad Timing", "On Hold",
                "Long-term Nurture"),
}
"""The common Salesforce (Open - Not Contacted, Working - Contacted, Closed - Converted, Closed
- Not Converted) and HubSpot (New, Open, In Progress, Open Deal, Unqualified, Attempted to
Contact, Connected, Bad Timing) lead statuses, and the usual hand-made ones."""


def status_key(status: Any) -> str:
    """A status for matching: its letters and digits, lower-cased; "" for none."""
    if status is None or not isinstance(status, str):
        return ""
    return re.sub(r"[^0-9a-z]", "", status.lower())


@dataclass(frozen=True)
class StatusMap:
    """Status -> class, the defaults with a pack's own entries over them."""

    classes: Mapping[str, StatusClass] = field(default_factory=dict)
    own: Mapping[StatusClass, tuple[str, ...]] = field(default_factory=dict)
    """The pack's `[statuses]` entries, as written (shown by `tuneup data inspect`)."""

    @classmethod
    def with_overrides(cls, own: Mapping[StatusClass, Iterable[str]] | None = None
                       ) -> StatusMap:
        classes: dict[str, StatusClass] = {}
        for name, statuses in DEFAULTS.items():
            classes.update(dict.fromkeys((status_key(s) for s in statuses), name))
        written = {name: tuple(statuses) for name, statuses in (own or {}).items()}
        for name, statuses in written.items():
            classes.update(dict.fromkeys((status_key(s) for s in statuses), name))
        return cls(classes, written)

    def class_of(self, status: Any) -> StatusClass | None:
        """The class of a status, or None when it is blank or no class lists it."""
        return self.classes.get(status_key(status))

    def is_a(self, status: Any, name: StatusClass) -> bool:
        return self.class_of(status) == name


def parse_statuses(value: Any, fail: Any) -> dict[str, tuple[str, ...]]:
    """The `[statuses]` table of a datapack.toml; `fail(key, message)` makes its error."""
    if not isinstance(value, dict):
        raise fail("statuses", "expected a table like rejected = [\"Unqualified\"]")
    out: dict[str, tuple[str, ...]] = {}
    for name, statuses in value.items():
        if name not in CLASSES:
            raise fail(f"statuses.{name}", f"unknown class{closest(name, CLASSES)}")
        if isinstance(statuses, str):
            statuses = [statuses]
        if not isinstance(statuses, list) or not all(
                isinstance(s, str) and status_key(s) for s in statuses):
            raise fail(f"statuses.{name}", "expected a list of statuses, like [\"Junk\"]")
        out[name] = tuple(statuses)
    return out


def describe(status_map: StatusMap, seen: Mapping[tuple[str, str], int]) -> list[str]:
    """Lines for `tuneup data inspect`: the pack's own entries, then each (status, source) seen
    with its class and rows ("Unqualified (crm): rejected, 130 rows"), unmapped ones said so."""
    lines = [f"{name} (datapack.toml): {', '.join(statuses)}"
             for name, statuses in status_map.own.items()]
    for (status, source), count in seen.items():
        found = status_map.class_of(status) or "unmapped (read as not rejected)"
        lines.append(f"{status} ({source}): {found}, {count} rows")
    return lines
