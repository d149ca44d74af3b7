"""Social Media panel: followers and engagement per network, matched against site traffic.

Referral sessions of a network are the traffic rows whose source is one of its aliases
(metrics/social_aliases.py). Followers are a level, not a count: the period's figure is the
latest value on or before the period's end, and growth is that minus the latest on or before the
previous period's end. The question the room asks: do followers translate into traffic?
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import Baseline, Period
from tuneup_tui.metrics.codes import factorize_text, lookup
from tuneup_tui.metrics.common import (
    baseline_phrase,
    in_baseline,
    in_period,
    is_below,
    mean_per_period,
    num,
    optional_frame,
    period_phrase,
    total,
)
from tuneup_tui.metrics.coverage import source_baseline
from tuneup_tui.metrics.result import Finding, PanelResult, PanelSettings, Series, Table, ratio
from tuneup_tui.metrics.significance import count_evidence, tested_finding
from tuneup_tui.metrics.social_aliases import alias_table, canonical_network, network_of_source
from tuneup_tui.metrics.social_levels import followers_at, growth_of, mean_growth

NAME = "social"
TITLE = "Social media against site traffic"

TABLE_COLUMNS = ("network", "followers", "follower_growth", "avg_follower_growth",
                 "engagements", "avg_engagements", "posts", "video_views", "referral_sessions",
                 "avg_referral_sessions", "sessions_per_1000_followers",
                 "avg_sessions_per_1000_followers")
COUNTS = ("engagements", "posts", "video_views")


def compute(pack: DataPack, period: Period, settings: PanelSettings) -> PanelResult:
    """Per network and in total: followers, growth, engagement, referral sessions."""
    baseline = period.baseline(settings.baseline_periods)
    social = pack.frame("social").copy()
    social["network"] = social["network"].map(
        lambda v: canonical_network(v) if isinstance(v, str) else v).astype("str")
    social = social[social["network"].notna()]
    notes: list[str] = []
    traffic = optional_frame(pack, "traffic", notes)
    if traffic is not None:
        table = alias_table(settings.option("aliases", {}))
        traffic = traffic.copy()
        # DESIGN: social referral traffic = traffic rows whose source is a known alias of the
        # network, whatever their medium
        # each distinct source looked up once: a year of daily rows repeats a few hundred
        codes, sources = factorize_text(traffic["source"])
        found = np.array([network_of_source(str(v), table) for v in sources], dtype=object)
        # typed as `map` types it: text when any source is a network's, else object
        traffic["network"] = pd.Series(lookup(found, codes, None), index=traffic.index,
                                       dtype="str" if len(codes) == 0 else None)
        traffic = traffic[traffic["network"].notna()]
    else:
        notes.append("referral sessions need the traffic source")

    # a network that refers traffic but is missing from the social export still has a row:
    # its sessions count in the social referral total, its followers are n/a
    referring: set[str] = set()
    if traffic is not None:
        seen = pd.concat([in_baseline(traffic, "date", baseline),
                          in_period(traffic, "date", period)])
        referring = {str(n) for n in seen["network"]}
    networks = sorted(set(social["network"]) | referring)
    # each count averages over the baseline periods its own source has data for
    coverage: dict[str, tuple[int, int]] = {}
    own = (source_baseline(pack, "social", baseline, coverage),
           source_baseline(pack, "traffic", baseline, coverage) if traffic is not None
           else baseline)
    rows = [_network_row(social, traffic, n, period, own) for n in networks]
    figures, baseline_figures = _totals(rows, social, baseline)
    return PanelResult(
        name=NAME, title=TITLE, period=period, baseline=baseline, baseline_coverage=coverage,
        figures=figures, baseline_figures=baseline_figures,
        tables={"networks": Table("Social networks against referral traffic", TABLE_COLUMNS,
                                  tuple(rows))},
        series=_series(social, traffic, period, baseline),
        findings=tuple(_findings(rows, period, own[1], settings)),
        notes=tuple(notes),
    )


def _network_row(social: pd.DataFrame, traffic: pd.DataFrame | None, network: str,
                 period: Period, baselines: tuple[Baseline, Baseline]) -> dict:
    """A network's figures; `baselines` are the social export's and the traffic's covered
    baselines."""
    baseline, traffic_baseline = baselines
    rows = social[social["network"] == network]
    now, base = in_period(rows, "date", period), in_baseline(rows, "date", baseline)
    followers = followers_at(rows, period.end)
    row: dict = {
        "network": network,
        "followers": followers,
        "follower_growth": growth_of(rows, period),
        "avg_follower_growth": mean_growth(rows, baseline),
    }
    for col in COUNTS:
        # a network only seen in the traffic has no social figures: n/a, not zero
        row[col] = total(now, col) if len(rows) else None
        row[f"avg_{col}"] = mean_per_period(total(base, col), baseline) if len(rows) else None
    row["referral_sessions"] = row["avg_referral_sessions"] = None
    row["sessions_per_1000_followers"] = row["avg_sessions_per_1000_followers"] = None
    if traffic is not None:
        visits = traffic[traffic["network"] == network]
        sessions = total(in_period(visits, "date", period), "sessions")
        base_sessions = total(in_baseline(visits, "date", traffic_baseline), "sessions")
        row["referral_sessions"] = sessions
        row["avg_referral_sessions"] = mean_per_period(base_sessions, traffic_baseline)
        row["sessions_per_1000_followers"] = _per_thousand(sessions, followers)
        base_followers = _mean_level(rows, baseline)
        row["avg_sessions_per_1000_followers"] = _per_thousand(
            row["avg_referral_sessions"], base_followers)
    return row


def _per_thousand(sessions: float | None, followers: float | None) -> float | None:
    per = ratio(sessions, followers)
    return None if per is None else per * 1000


def _mean_level(rows: pd.DataFrame, baseline: Baseline) -> float | None:
    """Followers at the end of each baseline period, averaged over the periods that have one."""
    levels = [v for p in baseline.periods if (v := followers_at(rows, p.end)) is not None]
    return sum(levels) / len(levels) if levels else None


def _totals(rows: list[dict], social: pd.DataFrame, baseline: Baseline
            ) -> tuple[dict[str, float | None], dict[str, float | None]]:
    """Sums over the networks; the baseline's followers are the mean end-of-period level."""
    def add(key: str) -> float | None:
        values = [r[key] for r in rows if r[key] is not None]
        return float(sum(values)) if values else None

    keys = ("followers", "follower_growth", *COUNTS, "referral_sessions")
    figures = {k: add(k) for k in keys}
    base = {k: add(f"avg_{k}") for k in keys if k != "followers"}
    levels = [_mean_level(social[social["network"] == r["network"]], baseline) for r in rows]
    known = [v for v in levels if v is not None]
    base["followers"] = float(sum(known)) if known else None
    figures["sessions_per_1000_followers"] = _per_thousand(figures["referral_sessions"],
                                                           figures["followers"])
    base["sessions_per_1000_followers"] = _per_thousand(base["referral_sessions"],
                                                        base["followers"])
    return figures, {k: base[k] for k in figures}


def _findings(rows: list[dict], period: Period, baseline: Baseline,
              settings: PanelSettings) -> list[Finding]:
    below_share = float(settings.option("below_share", 0.25))
    min_sessions = float(settings.option("min_sessions", 50))
    when, over = period_phrase(period), baseline_phrase(baseline)
    found: list[Finding] = []
    for row in rows:
        growth, avg = row["follower_growth"], row["avg_referral_sessions"]
        sessions = row["referral_sessions"]
        if growth is None or growth <= 0 or avg is None or avg < min_sessions:
            continue
        if is_below(sessions, avg, below_share):
            net = row["network"]
            evidence = count_evidence(sessions or 0, avg * len(baseline), len(baseline))
            quiet = tested_finding(
                NAME, f"followers_not_traffic:{net}",
                f"{net} gained {num(growth)} followers {when} but referred "
                f"{num(sessions)} sessions against {num(avg)} on average {over}.",
                evidence, fact=f"referral_drop:{net}",
                follower_growth=growth, referral_sessions=sessions,
                avg_referral_sessions=avg)
            if quiet is not None:
                found.append(quiet)
    return found


def _series(social: pd.DataFrame, traffic: pd.DataFrame | None, period: Period,
            baseline: Baseline) -> dict[str, Series]:
    periods = [*baseline.periods, period]
    labels = tuple(p.label for p in periods)
    networks = sorted(set(social["network"]))
    rows_of = {n: social[social["network"] == n] for n in networks}  # cut once, read per period
    followers = []
    for p in periods:
        levels = [followers_at(rows_of[n], p.end) for n in networks]
        known = [v for v in levels if v is not None]
        followers.append(float(sum(known)) if known else None)
    out = {"followers": Series("Followers at the end of each period", labels,
                               tuple(followers), "trend")}
    if traffic is not None:
        sessions = tuple(total(in_period(traffic, "date", p), "sessions") for p in periods)
        out["referral_sessions"] = Series("Social referral sessions per period", labels,
                                          sessions, "trend")
    return out
