"""The first column of an analytics report: source / medium together, or a channel group.

"google / cpc" gives source "google" and medium "cpc". A channel-group report ("Organic Search",
"Paid Search", ...) has no source or medium: the channel goes to `channel`, and to `source` too
(so each channel is one row of the traffic table) with medium "(channel group)".
"""

from __future__ import annotations

import pandas as pd

from tuneup_tui.data.presets._table import header_key
from tuneup_tui.data.presets._values import constant

CHANNEL_MEDIUM = "(channel group)"


def dimension_kind(name: str) -> str:
    """"source / medium", "channel", "source", "medium" or "" for a dimension header."""
    key = header_key(name)
    if "source / medium" in key or "source/medium" in key:
        return "source / medium"
    if "channel" in key:
        return "channel"
    if key.endswith("source"):
        return "source"
    if key.endswith("medium"):
        return "medium"
    return ""


def split_dimension(raw: pd.DataFrame, name: str, out: dict[str, pd.Series],
                    fixed: set[str], derived: dict[str, str]) -> list[str]:
    """Fill source, medium (and channel) from the dimension column `name`; returns notes."""
    values = raw[name].astype("str").str.strip()
    kind = dimension_kind(name)
    notes: list[str] = []
    if kind == "source / medium":
        derived.update(source=f"{name} (before ' / ')", medium=f"{name} (after ' / ')")
        parts = values.str.split(" / ", n=1, expand=True).reindex(columns=[0, 1])
        source, medium = parts[0].astype("str"), parts[1].astype("str").fillna("(none)")
        _put(out, fixed, "source", source)
        _put(out, fixed, "medium", medium)
    elif kind == "channel":
        derived.update(channel=name, source=name, medium=f"(default {CHANNEL_MEDIUM!r})")
        _put(out, fixed, "channel", values)
        _put(out, fixed, "source", values)
        _put(out, fixed, "medium", constant(raw, CHANNEL_MEDIUM))
        notes.append(f"a channel-group report: source = the channel, medium = "
                     f"{CHANNEL_MEDIUM!r}")
    elif kind == "source":
        derived.update(source=name, medium="(default '(not set)')")
        _put(out, fixed, "source", values)
        _put(out, fixed, "medium", constant(raw, "(not set)"))
        notes.append("a source-only report: medium = '(not set)'")
    elif kind == "medium":
        derived.update(medium=name, source="(default '(not set)')")
        _put(out, fixed, "medium", values)
        _put(out, fixed, "source", constant(raw, "(not set)"))
        notes.append("a medium-only report: source = '(not set)'")
    return notes


def _put(out: dict[str, pd.Series], fixed: set[str], name: str, values: pd.Series) -> None:
    if name not in fixed:
        out[name] = values
