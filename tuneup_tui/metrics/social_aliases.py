"""Which traffic sources are a social network: the one alias table the panels share.

Social referral traffic is the traffic rows whose source is a known alias of the network
(DESIGN.md, "Data pack"), leaving out paid mediums (a "linkedin / cpc" row is an ad, which the
Paid Programs session looks at). Sources are compared case-insensitively; an agenda can add aliases
with `[panels.social] aliases = { community = ["forum.example.com"] }`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

NETWORK_ALIASES: dict[str, tuple[str, ...]] = {
    "facebook": ("facebook.com", "www.facebook.com", "l.facebook.com", "m.facebook.com",
                 "lm.facebook.com", "fb.com", "facebook"),
    "linkedin": ("linkedin.com", "www.linkedin.com", "lnkd.in", "linkedin"),
    "youtube": ("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be", "youtube"),
    "x": ("t.co", "x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com", "twitter"),
    "instagram": ("instagram.com", "www.instagram.com", "l.instagram.com", "instagram"),
    "reddit": ("reddit.com", "www.reddit.com", "old.reddit.com", "out.reddit.com", "reddit"),
}
"""Canonical network name -> the traffic sources that are its referrals."""

NETWORK_NAMES: dict[str, str] = {
    "twitter": "x",
    "x (twitter)": "x",
    "x/twitter": "x",
    "fb": "facebook",
    "yt": "youtube",
    "ig": "instagram",
}
"""Other spellings of a network name in the social export -> the canonical name."""


PAID_MEDIUMS: frozenset[str] = frozenset({
    "cpc", "ppc", "cpm", "cpv", "cpa", "paid", "paidsocial", "paid_social", "paid-social",
    "paid social", "display", "banner",
})
"""Mediums of paid traffic: ads on a network are paid programs, not its referrals."""


def is_paid_medium(medium: str) -> bool:
    """Whether a traffic medium is paid ("cpc", "paid_social", ...), ignoring case."""
    return medium.strip().casefold() in PAID_MEDIUMS


def canonical_network(name: str) -> str:
    """The canonical name of a network as the social export spells it ("Twitter" -> "x")."""
    key = name.strip().casefold()
    return NETWORK_NAMES.get(key, key)


def alias_table(extra: Mapping[str, Any] | None = None) -> dict[str, tuple[str, ...]]:
    """The alias table, with an agenda's extra aliases (network -> list of sources) added."""
    table = dict(NETWORK_ALIASES)
    for network, sources in (extra or {}).items():
        names: Sequence[str] = [sources] if isinstance(sources, str) else list(sources)
        key = canonical_network(str(network))
        table[key] = (*table.get(key, ()), *(str(s).strip().casefold() for s in names))
    return table


def network_of_source(source: str, table: Mapping[str, Sequence[str]] | None = None
                      ) -> str | None:
    """The network a traffic source refers from ("lnkd.in" -> "linkedin"), or None."""
    key = source.strip().casefold()
    for network, aliases in (table or NETWORK_ALIASES).items():
        if key in aliases:
            return network
    return None
