"""Which traffic sources are a social network: the one alias table the panels share.

Social referral traffic is the traffic rows whose source is a known alias of the network
(DESIGN.md, "Data pack"), whatever their medium. The aliases are the networks' referring
domains, as analytics reports them (facebook.com, l.facebook.com, lnkd.in, t.co, ...); a source
also matches as a subdomain of one ("business.facebook.com"). Sources are compared ignoring case
and surrounding spaces; an agenda can add aliases with
`[panels.social] aliases = { community = ["forum.example.com"] }` (a bare tag such as "linkedin"
only when added there: "linkedin / cpc" is usually a LinkedIn ad, a paid program).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

NETWORK_ALIASES: dict[str, tuple[str, ...]] = {
    "facebook": ("facebook.com", "www.facebook.com", "l.facebook.com", "m.facebook.com",
                 "lm.facebook.com", "fb.com", "fb.me"),
    "linkedin": ("linkedin.com", "www.linkedin.com", "lnkd.in"),
    "youtube": ("youtube.com", "www.youtube.com", "m.youtube.com", "youtu.be"),
    "x": ("t.co", "x.com", "twitter.com", "www.twitter.com", "mobile.twitter.com"),
    "instagram": ("instagram.com", "www.instagram.com", "l.instagram.com"),
    "reddit": ("reddit.com", "www.reddit.com", "old.reddit.com", "out.reddit.com"),
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
    """The network a traffic source refers from ("lnkd.in" -> "linkedin"), or None.

    A source is an alias, or a subdomain of an alias that is a domain ("business.facebook.com").
    """
    key = source.strip().casefold()
    aliases = table or NETWORK_ALIASES
    for network, names in aliases.items():
        if key in names:
            return network
    for network, names in aliases.items():
        if any("." in name and key.endswith("." + name) for name in names):
            return network
    return None
