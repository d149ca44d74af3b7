"""How the summary writes numbers, changes and user text."""

from __future__ import annotations

from datetime import date

import pytest

from tuneup_tui.report.text import fmt_change, fmt_day, fmt_number, fmt_value, md_escape


@pytest.mark.parametrize("value,text", [
    (1234, "1,234"), (1234.0, "1,234"), (1234.5, "1,234.5"), (13823.17, "13,823.17"),
    (0.031, "0.031"), (0.03125, "0.0312"), (0.5, "0.5"), (0, "0"), (-0.022, "-0.022"),
    (None, "n/a"), (float("nan"), "n/a"),
])
def test_fmt_number(value: float | None, text: str) -> None:
    assert fmt_number(value) == text


def test_fmt_change() -> None:
    assert fmt_change(41, 38) == "+3 (+7.9%)"        # 3 / 38 = 7.89%
    assert fmt_change(30, 40) == "-10 (-25.0%)"      # -10 / 40
    assert fmt_change(5, 0) == "+5"                  # no percent of zero
    assert fmt_change(5, 5) == "0 (+0.0%)"
    assert fmt_change(None, 5) == "n/a" and fmt_change(5, None) == "n/a"


def test_fmt_change_in_the_figure_s_terms() -> None:
    # a rate moves in points: 0.028 - 0.031 = -0.003 = -0.3 points; -0.003 / 0.031 = -9.7%
    assert fmt_change(0.028, 0.031, "goal_conversion") == "-0.3 pts (-9.7%)"
    # money keeps its sign first: 80 - 100 = -$20.00 (under $100: cents); -20 / 100 = -20%
    assert fmt_change(80, 100, "cost_per_lead") == "-$20.00 (-20.0%)"


def test_values_days_and_escaping() -> None:
    # a recorded figure typed with "$" is money: 52.5 -> $52.50; a typed "%" stays as typed
    assert fmt_value(52.5, "$") == "$52.50" and fmt_value(12, "%") == "12%"
    # without a unit its name says how it reads: 0.0237 -> 2.4%; 41 leads -> 41
    assert fmt_value(0.0237, "", "goal_conversion") == "2.4%"
    assert fmt_value(41, "", "expected_leads_to_sales") == "41"
    assert fmt_value(3, "leads") == "3 leads"
    assert fmt_day(date(2026, 11, 27)) == "Fri 2026-11-27" and fmt_day(None) == ""
    assert md_escape("a|b_c*d`e[f]g<h>i~j\\k") == "a\\|b\\_c\\*d\\`e\\[f\\]g\\<h\\>i\\~j\\\\k"
    assert md_escape("two\nlines\r\n here") == "two lines here"
