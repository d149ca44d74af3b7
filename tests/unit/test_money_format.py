"""One way to write money, worked by hand: cents under 100, whole units from 100 up, the sign
first, the currency's symbol or code; a finding's sentence and a table cell agree."""

from __future__ import annotations

import pytest

from tuneup_tui.data.currency import format_money
from tuneup_tui.metrics.common import money
from tuneup_tui.metrics.display import fmt_cell, fmt_figure


@pytest.mark.parametrize(("amount", "currency", "written"), [
    (0, None, "$0.00"),
    (2.3614, None, "$2.36"),
    (48.2405, None, "$48.24"),
    (99.99, None, "$99.99"),
    (99.996, None, "$100"),        # rounds to 100.00: whole units, as 100 is written
    (100, None, "$100"),
    (1234.5, None, "$1,234"),      # 1234.5 rounds half to even: 1,234
    (1235.5, None, "$1,236"),
    (14617.2, "USD", "$14,617"),
    (-12.3, None, "-$12.30"),
    (-1204, None, "-$1,204"),
    (-0.004, None, "$0.00"),       # rounds to zero: no sign
    (1204, "GBP", "£1,204"),
    (52.5, "EUR", "€52.50"),
    (1204, "CHF", "CHF 1,204"),
])
def test_money_is_written_one_way(amount: float, currency: str | None, written: str) -> None:
    assert format_money(amount, currency) == written


@pytest.mark.parametrize("amount", [3000.0, 2500.0, 48.2405, 0.5, -20.0, 123456.78])
def test_a_sentence_quotes_the_amount_its_table_shows(amount: float) -> None:
    assert money(amount) == fmt_cell("cost", amount) == fmt_figure("cost", amount)
    assert money(amount, "GBP") == fmt_cell("cost", amount, currency="GBP")


def test_an_unknown_amount_in_a_sentence_is_n_a() -> None:
    assert money(None) == "n/a" and money(float("nan")) == "n/a"
