"""The programme mix behind cost per lead and cost per name, worked out by hand."""

from __future__ import annotations

import pytest

from tests.unit.cross_check_fixtures import paid_run as _run
from tuneup_tui.metrics.paid_mix import MixInput, mix_line, programme_mix


def test_a_new_programme_has_no_weight_and_moves_the_raw_figure() -> None:
    # A: $100 for 10 leads ($10), 30 in the baseline; B: $200 for 10 ($20), 10 before;
    # C: new, $10 for 20 ($0.50), none before
    mix = programme_mix([MixInput("A", 100, 10, 30), MixInput("B", 200, 10, 10),
                         MixInput("C", 10, 20, 0)])
    assert mix.raw == pytest.approx(310 / 40)                 # 7.75
    # weights 30/40 and 10/40 over the programmes with leads now; C's 0
    assert mix.adjusted == pytest.approx(0.75 * 10 + 0.25 * 20)  # 12.50
    a, b, c = mix.rows
    assert (a["share"], a["baseline_share"], a["weight"]) == pytest.approx((0.25, 0.75, 0.75))
    assert c["weight"] == 0 and c["mix"] == "new"
    # effects: (share - weight) x (cost - 12.5)
    assert a["effect"] == pytest.approx((0.25 - 0.75) * (10 - 12.5))   # +1.25
    assert b["effect"] == pytest.approx(0)
    assert c["effect"] == pytest.approx(0.5 * (0.5 - 12.5))            # -6.00
    assert a["effect"] + b["effect"] + c["effect"] == pytest.approx(7.75 - 12.5)
    assert mix.mover == "C" and mix.new == ("C",) and mix.missing == ()
    assert [r["program"] for r in mix.by_effect()] == ["C", "A", "B"]


def test_a_missing_programme_spreads_its_baseline_share_over_the_others() -> None:
    # A: $100, 10 leads, 20 before; B: $50 and no leads now, 20 before; C: $60, 20 leads, 10
    mix = programme_mix([MixInput("A", 100, 10, 20), MixInput("B", 50, 0, 20),
                         MixInput("C", 60, 20, 10)])
    assert mix.raw == pytest.approx(210 / 30)                 # B's spend counts: 7.00
    # weights 20/30 and 10/30 (B's share spread); costs $10 and $3
    assert mix.adjusted == pytest.approx(20 / 3 + 1)          # 7.67
    a, b, c = mix.rows
    assert b["mix"] == "missing" and b["cost"] is None and b["effect"] is None
    assert b["baseline_share"] == pytest.approx(0.4)
    assert a["effect"] == pytest.approx((1 / 3 - 2 / 3) * (10 - 23 / 3))
    assert c["effect"] == pytest.approx((2 / 3 - 1 / 3) * (3 - 23 / 3))
    # the effects add up to the raw figure without B's spend ($160 / 30) minus the adjusted
    assert a["effect"] + c["effect"] == pytest.approx(160 / 30 - 23 / 3)
    assert mix.mover == "C" and mix.missing == ("B",)


def test_no_leads_or_no_baseline_share_is_na() -> None:
    none = programme_mix([MixInput("A", 100, 0, 5)])
    assert none.raw is None and none.adjusted is None and none.mover is None
    only_new = programme_mix([MixInput("A", 100, 4, 0), MixInput("B", 10, 0, 0)])
    assert only_new.raw == pytest.approx(27.5) and only_new.adjusted is None
    assert only_new.new == ("A",)
    assert mix_line("Cost per lead", "lead", only_new, 20.0) == (
        "Cost per lead $27.50 (+38% on the baseline's $20.00); at the baseline's programme mix"
        " n/a (no programme of the period had leads in the baseline). New this period (left "
        "out of the mix-adjusted figure): A.")
    assert programme_mix([]).raw is None


def test_the_same_mix_changes_nothing() -> None:
    mix = programme_mix([MixInput("A", 100, 10, 20), MixInput("B", 60, 20, 40)])
    assert mix.adjusted == pytest.approx(mix.raw)
    assert mix.mover is None


def test_the_line_names_the_programme_that_moved_it() -> None:
    mix = programme_mix([MixInput("A", 100, 10, 30), MixInput("B", 200, 10, 10),
                         MixInput("C", 10, 20, 0)])
    assert mix_line("Cost per lead", "lead", mix, 10.0) == (
        "Cost per lead $7.75 (-22% on the baseline's $10.00); at the baseline's programme mix "
        "$12.50 (+25%). C moved it most: 50% of leads against 0% in the baseline, at $0.50 a "
        "lead. New this period (left out of the mix-adjusted figure): C.")


def test_the_paid_panel_shows_both_headlines() -> None:
    r = _run()
    f, b = r.figures, r.baseline_figures
    keys = list(f)
    assert keys.index("cost_per_lead_mix_adjusted") == keys.index("cost_per_lead") + 1
    # leads: Search 5 now ($500), 10 before; Display none now ($500), 12 before: missing,
    # so Search alone carries the weight: $500 / 5
    assert f["cost_per_lead"] == pytest.approx(200)
    assert f["cost_per_lead_mix_adjusted"] == pytest.approx(100)
    assert b["cost_per_lead_mix_adjusted"] == b["cost_per_lead"]
    # names: Search 25 ($20), Display 12 ($41.67); before 20 and 10: weights 2/3 and 1/3
    assert f["cost_per_name_mix_adjusted"] == pytest.approx(2 / 3 * 20 + 1 / 3 * 500 / 12)
    names = {row["program"]: row for row in r.tables["name_mix"].rows}
    assert names["Display"]["effect"] == pytest.approx((12 / 37 - 1 / 3) * (500 / 12 - 245 / 9))
    leads = {row["program"]: row for row in r.tables["lead_mix"].rows}
    assert leads["Display"]["mix"] == "missing"
    assert any(n.startswith("Cost per name $27.03") and "Display moved it most" in n
               for n in r.notes)
    assert any("No leads this period: Display." in n for n in r.notes)
