"""One way to show a figure: labels, kinds and numbers worked out by hand, for every kind."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from tuneup_tui.metrics.display import (
    fmt_cell,
    fmt_change,
    fmt_figure,
    guess_kind,
    kind_of,
    label,
    relative_change,
    short_change,
)
from tuneup_tui.metrics.figure_kinds import FIGURE_KINDS

DOCS = Path(__file__).resolve().parents[2] / "docs"


@pytest.mark.parametrize(("key", "text"), [
    ("goal_conversion", "Goal conversion"),
    ("cpc", "CPC"),
    ("email_ctr", "Email CTR"),
    ("romi", "ROMI"),
    ("seo_domain_authority", "SEO domain authority"),
    ("crm_territory", "CRM territory"),
    ("url", "URL"),
    ("not_found_hits", "404 hits"),
    ("avg_cost_per_lead", "Average cost per lead"),
    ("emails_sent_4w", "Emails sent (4 weeks)"),
    ("sessions_per_1000_followers", "Sessions per 1,000 followers"),
    ("touched_within_24h", "Touched within 24 h"),
    ("", ""),
])
def test_labels_are_words_with_acronyms(key: str, text: str) -> None:
    assert label(key) == text


@pytest.mark.parametrize(("key", "kind"), [
    # listed: the name alone would mislead
    ("turnover_rate", "ratio"),          # sends per contact, though it says "rate"
    ("click_to_session", "ratio"),       # email sessions per email click
    ("sessions_per_1000_followers", "ratio"),
    ("touches_per_lead", "ratio"),
    ("leads_per_goal", "percent"),       # leads sent / goal completions: a fraction (0.34)
    ("budget_to_spend", "percent"),      # a share of the expected spend, not money
    ("romi", "percent"),
    ("list_attrition", "percent"),
    ("conversion", "percent"),
    ("cpc", "money"),
    ("closed_won_revenue", "money"),
    ("sessions", "number"),
    ("expected_leads_to_sales", "number"),
    # averages take the kind of what they average
    ("avg_ctr", "percent"), ("calls_avg", "number"), ("avg_cpc", "money"),
    ("baseline_position", "number"),
    # guessed for keys nobody listed (recorded in the room)
    ("cost_per_webinar_lead", "money"),
    ("win_rate", "percent"),
    ("demo_share", "percent"),
    ("event_budget", "money"),
    ("emails_per_rep", "ratio"),
    ("booths_visited", "number"),
    ("seo_spam_score", "number"),
])
def test_kinds(key: str, kind: str) -> None:
    assert kind_of(key) == kind


def test_the_guess_is_only_a_fallback() -> None:
    # the words alone would say percent ("rate") and money ("budget"): the list says otherwise
    assert guess_kind("turnover_rate") == "ratio" and kind_of("turnover_rate") == "ratio"
    assert guess_kind("budget_to_spend") == "money" and kind_of("budget_to_spend") == "percent"
    assert guess_kind("romi") == "percent"


def test_every_documented_figure_key_is_listed() -> None:
    # every `key` named in a figures table of the metrics docs has an explicit kind
    text = (DOCS / "metrics.md").read_text()
    keys = {"sessions", "goal_conversion", "leads_per_goal", "expected_leads_to_sales",
            "followers", "sessions_per_1000_followers", "cpc", "ctr", "cost_per_name",
            "cost_per_lead", "opportunity_conversion", "referral_share", "not_found_hits",
            "average_position", "budget_to_spend", "acceptance_rate", "turnover_rate",
            "list_attrition", "email_ctr", "click_to_session", "right_rep_rate",
            "within_24h_share", "capacity_per_rep", "calling_capacity", "romi",
            "touches_per_lead", "median_days_to_opportunity", "share_of_budget"}
    for key in keys:
        assert f"`{key}`" in text, key
        assert key in FIGURE_KINDS, key


def test_every_key_the_panels_emit_is_listed(tmp_path: Path) -> None:
    # every figure key and numeric table column of the 14 panels on a small sample pack, as
    # `tuneup metrics --json` prints them; averages ("avg_ctr", "calls_avg") by what they
    # average; seo_<metric> keys are named after the pack's own metrics, so they are guessed
    from tuneup_tui.commands.metrics import metrics_output
    from tuneup_tui.data.sample.generate import generate_sample
    from tuneup_tui.metrics.names import PANEL_NAMES

    folder = generate_sample(tmp_path / "pack", date(2026, 11, 23), scale=0.05, seed=7)
    doc = json.loads(metrics_output(folder, None, date(2026, 11, 23), PANEL_NAMES,
                                    as_json=True))
    keys: set[str] = set()
    for name, panel in doc["panels"].items():
        keys |= set(panel["figures"])
        for title, rows in panel["tables"].items():
            if (name, title) == ("scorecard", "scorecard"):
                continue  # each row's answer, target and baseline read as that row's figure
            for row in rows:
                keys |= {k for k, v in row.items() if isinstance(v, int | float)
                         and not isinstance(v, bool)}
    assert len(keys) > 100

    def listed(key: str) -> bool:
        base = key.removeprefix("avg_").removeprefix("baseline_").removesuffix("_avg")
        return key in FIGURE_KINDS or base in FIGURE_KINDS

    assert sorted(k for k in keys if not listed(k) and not k.startswith("seo_")) == []


@pytest.mark.parametrize(("key", "value", "text"), [
    # percent: x 100, one decimal
    ("goal_conversion", 0.0237, "2.4%"),           # 2.37% -> 2.4%
    ("leads_per_goal", 0.3446, "34.5%"),           # 173 / 502 = 0.3446
    ("romi", 1.0805, "108.0%"),                    # (571,400 - 274,649) / 274,649
    ("romi", -0.4496, "-45.0%"),                   # a loss
    ("list_attrition", 0.1096, "11.0%"),
    ("closed_won_rate", None, "n/a"),
    ("ctr", float("nan"), "n/a"),
    # money: cents under $100, whole dollars from $100, the sign before the $
    ("cpc", 2.3614, "$2.36"),
    ("cost_per_lead", 48.2405, "$48.24"),
    ("spend", 14616.87, "$14,617"),
    ("total_cost", -52181.82, "-$52,182"),
    ("cost", -12.3, "-$12.30"),
    ("budget", 0, "$0.00"),
    # number: a count with separators; a mean per period with one decimal
    ("sessions", 21214.0, "21,214"),
    ("sessions", 21620.3, "21,620.3"),
    ("leads_sent_to_sales", 46.625, "46.6"),
    ("expected_leads_to_sales", 43.18, "43.2"),
    ("sessions", None, "n/a"),
    # ratio: one decimal, two under 1
    ("turnover_rate", 6.66, "6.7"),                # 346,035 sends / 51,930 contacts
    ("click_to_session", 0.5338, "0.53"),          # 1,815 sessions / 3,400 clicks
    ("sessions_per_1000_followers", 18.2515, "18.3"),
    ("touches_per_lead", 1.9374, "1.9"),
    ("touches_per_lead_median", 0.0, "0.0"),
    # a change column shows its sign
    ("sessions_change", 0.05, "+5.0%"),
    ("count_change", -0.0188, "-1.9%"),
])
def test_fmt_figure(key: str, value: float | None, text: str) -> None:
    assert fmt_figure(key, value) == text


def test_fmt_cell() -> None:
    assert fmt_cell("ctr", 0.0242) == "2.4%"
    assert fmt_cell("site", "gadgets-hub.example") == "gadgets-hub.example"
    assert fmt_cell("new", True) == "yes" and fmt_cell("new", False) == "no"
    assert fmt_cell("rate", None) == "–" and fmt_cell("rate", None, missing="n/a") == "n/a"
    assert fmt_cell("hits", float("nan")) == "–"
    assert fmt_cell("start", date(2026, 11, 23)) == "2026-11-23"


def test_fmt_change() -> None:
    # a count: 1,234 - 1,100 = +134; 134 / 1,100 = 12.18% -> +12.2%
    assert fmt_change(1234, 1100, "sessions") == "+134 (+12.2%)"
    # a rate in points: 0.028 - 0.031 = -0.003 = -0.3 pts; -0.003 / 0.031 = -9.68% -> -9.7%
    assert fmt_change(0.028, 0.031, "goal_conversion") == "-0.3 pts (-9.7%)"
    # money: 204.87 - 79.43 = +$125.44 -> +$125 (from $100 whole dollars); 125.44 / 79.43
    # = 157.9%
    assert fmt_change(204.87, 79.43, "cost_per_lead") == "+$125 (+157.9%)"
    assert fmt_change(30, 40) == "-10 (-25.0%)"            # -10 / 40
    assert fmt_change(5, 0) == "+5"                        # no percent of zero
    assert fmt_change(5, 5) == "0 (+0.0%)"
    assert fmt_change(None, 5) == "n/a" and fmt_change(5, None) == "n/a"


def test_short_change() -> None:
    # a rate moves in points: 0.9% against 3.1% = -2.2 pts
    assert short_change("goal_conversion", 0.009, 0.031) == "-2.2 pts"
    # 0.02366 against 0.02507 = -0.14 pts -> -0.1 pts; a hair either way (0.001 pts) is too
    # small to show in one decimal, and says so rather than "0.0 pts"
    assert short_change("goal_conversion", 0.02366, 0.02507) == "-0.1 pts"
    assert short_change("goal_conversion", 0.02500, 0.02501) == "<0.1 pts"
    assert short_change("goal_conversion", 0.02501, 0.02500) == "<0.1 pts"
    # 10,001 leads against 10,000: +0.01% -> "<0.1%"; 10,010 against 10,000: +0.1%
    assert short_change("leads_delivered", 10_001, 10_000) == "<0.1%"
    assert short_change("leads_delivered", 10_010, 10_000) == "+0.1%"
    # a count by percent of its average: 36 against 30 = +20%
    assert short_change("leads_delivered", 36, 30) == "+20%"
    assert short_change("leads_delivered", 4, 0) == "+4"
    assert short_change("turnover_rate", 6.66, 6.66) == "no change"
    assert short_change("leads_delivered", 4, None) == ""
    assert relative_change(30, 40) == "-25%" and relative_change(1, 0) == ""
