"""The short wordings a narrow panel table shows for the catalogue's long labels: every label
that would be cut has one, it fits the 13 characters 80 columns leave, and no two labels (nor a
short wording and another figure's label) read alike."""

from __future__ import annotations

from tuneup_tui.metrics.catalogue import figure_short
from tuneup_tui.metrics.catalogue_entries import PANEL_FIGURES
from tuneup_tui.metrics.figure_shorts import SHORTS

WIDTH = 13
"""The Figure column's width at 80x24 (the panel table keeps it at least this wide)."""

LABELS = {info.label for figures in PANEL_FIGURES.values() for info in figures.values()}


def test_every_label_too_long_for_a_narrow_column_has_a_short_wording() -> None:
    long = {label for label in LABELS if len(label) > WIDTH}
    assert long == set(SHORTS), (sorted(long - set(SHORTS)), sorted(set(SHORTS) - long))


def test_a_short_wording_fits_and_is_plain_text() -> None:
    for label, short in SHORTS.items():
        assert 0 < len(short) <= WIDTH, (label, short)
        assert short == short.strip() and "…" not in short and "|" not in short, (label, short)
        assert not short.endswith("."), (label, short)
        assert "[" not in short, (label, short)  # nothing a console could take for markup


def test_no_two_labels_read_alike_once_short() -> None:
    seen: dict[str, str] = {}
    others = {label.lower(): label for label in LABELS}
    for label, short in SHORTS.items():
        assert short.lower() not in seen, (label, seen.get(short.lower()), short)
        seen[short.lower()] = label
        # nor does a short wording read as another figure's label
        assert others.get(short.lower(), label) == label, (label, short)


def test_a_figure_two_panels_share_has_one_short_wording() -> None:
    # keyed by label: "Leads sent to sales" in the funnel, traffic and lead scoring panels
    shorts = {figure_short(panel, key) for panel, key in
              (("funnel", "sent_to_sales"), ("traffic", "leads_sent_to_sales"),
               ("lead_scoring", "leads_sent_to_sales"))}
    assert len(shorts) == 1 and None not in shorts
    assert figure_short("funnel", "sessions") is None  # "Sessions" fits as it is
    assert figure_short("funnel", "no_such_figure") is None
