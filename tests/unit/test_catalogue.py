"""The catalogue of figures: one label one definition, units that read as the display writes
them, docs/metrics.md printing exactly the catalogue, changes judged better or worse."""

from __future__ import annotations

from pathlib import Path

from tuneup_tui.metrics.catalogue import UNITS, figure_info, figure_label, verdict
from tuneup_tui.metrics.catalogue_doc import END, START, catalogue_markdown
from tuneup_tui.metrics.catalogue_entries import PANEL_FIGURES
from tuneup_tui.metrics.display import fmt_figure, kind_of, short_change

DOCS = Path(__file__).resolve().parents[2] / "docs" / "metrics.md"


def test_one_label_one_definition() -> None:
    by_label: dict[str, object] = {}
    for panel, figures in PANEL_FIGURES.items():
        for key, info in figures.items():
            other = by_label.setdefault(info.label.lower(), info)
            assert other == info, (panel, key, info.label)


def test_units_and_rates_say_what_they_divide() -> None:
    for panel, figures in PANEL_FIGURES.items():
        for key, info in figures.items():
            assert info.unit in UNITS and info.better in ("up", "down", "neither")
            if info.unit == "rate":
                assert info.numerator and info.denominator, (panel, key)
            if info.percent:
                assert info.unit == "ratio", (panel, key)


def test_the_catalogue_unit_decides_how_a_figure_reads() -> None:
    # leads created per goal completion is a ratio (0.65), not a rate (65%)
    assert kind_of("leads_rate", "funnel") == "ratio"
    assert fmt_figure("leads_rate", 0.6514, "funnel") == "0.65"
    # ROMI can pass 100%: a ratio still shown as a percentage
    assert fmt_figure("romi", 1.08, "romi") == "108.0%"
    assert fmt_figure("acceptance_rate", 0.86, "lead_scoring") == "86.0%"
    # a key the catalogue does not know keeps its listed kind
    assert kind_of("ctr") == "percent"


def test_seo_metrics_named_by_the_pack() -> None:
    spam = figure_info("site_health", "seo_spam_score")
    authority = figure_info("site_health", "seo_domain_authority")
    unknown = figure_info("site_health", "seo_trust_flow")
    assert spam is not None and spam.better == "down" and spam.unit == "score"
    assert authority is not None and authority.better == "up"
    assert unknown is not None and unknown.better == "neither"
    assert figure_info("traffic", "seo_spam_score") is None


def test_better_or_worse_not_up_or_down() -> None:
    # cost per lead down 49% is good news; 404 hits up 295% bad news
    assert verdict("paid", "cost_per_lead", 48.24, 95.52) == "better"
    assert verdict("site_health", "not_found_hits", 520, 131.6) == "worse"
    assert verdict("traffic", "sessions", 120, 100) == "better"
    # spend is good neither way; an unknown figure is not judged
    assert verdict("paid", "spend", 200, 100) == "neither"
    assert verdict("traffic", "my_own_figure", 2, 1) == "neither"
    # a move too small to show is no news; an unknown number has no verdict
    assert verdict("traffic", "goal_conversion", 0.02501, 0.02500) == "same"
    assert verdict("traffic", "sessions", None, 100) is None


def test_a_young_cohort_against_older_ones_is_not_judged() -> None:
    # Last week's opportunities against the baseline's, weeks older: 0.0% against 36.8% at
    # Proposal is the age of the cohort, not bad news; the opportunity step (days) is judged.
    assert verdict("funnel", "proposals_rate", 0.0, 0.368) == "neither"
    assert verdict("funnel", "closed_won_rate", 0.2, 0.429) == "neither"
    assert verdict("funnel", "proposals", 0, 1) == "neither"
    assert verdict("funnel", "opportunities_rate", 0.192, 0.241) == "worse"
    assert verdict("funnel", "closed_won", 1, 1.5) == "worse"  # closed in the period: by date


def test_a_small_change_reads_as_a_change() -> None:
    # 100.4 against 100 is +0.4%, not "0%"
    assert short_change("sessions", 100.4, 100, "traffic") == "+0.4%"
    assert short_change("sessions", 97.5, 100, "traffic") == "-2.5%"
    assert short_change("sessions", 150, 100, "traffic") == "+50%"
    # 100.04 against 100 is +0.04%: too small for one decimal, said so rather than "0%"
    assert short_change("sessions", 100.04, 100, "traffic") == "<0.1%"


def test_labels_for_the_panels_and_unknown_keys() -> None:
    assert figure_label("social", "referral_sessions") == "Social referral sessions"
    assert figure_label("referrers", "referral_sessions") == "Referral sessions"
    assert figure_label("traffic", "leads_sent_to_sales") == "Leads sent to sales"
    assert figure_label("funnel", "sent_to_sales_rate") != "Leads sent to sales"
    assert figure_label("traffic", "my_own_figure") == "My own figure"


def test_docs_print_the_catalogue() -> None:
    page = DOCS.read_text(encoding="utf-8")
    printed = page.split(START, 1)[1].split(END, 1)[0].strip()
    # rewrite with: python -m tuneup_tui.metrics.catalogue_doc docs/metrics.md
    assert printed == catalogue_markdown().strip()
