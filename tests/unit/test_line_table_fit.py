"""How a line table shares its width: worked out by hand, each column padded by a space on
either side (2 cells)."""

from __future__ import annotations

from tuneup_tui.ui.widgets.line_table import fitted_widths


def test_columns_that_fit_are_left_alone() -> None:
    # 10+2 + 5+2 + 6+2 = 27 cells, in 30.
    assert fitted_widths((10, 5, 6), 30, 0, 4, ()) == (10, 5, 6)


def test_the_fit_column_gives_up_what_the_others_need() -> None:
    # 40 cells: the others take 5+2 + 6+2 = 15, leaving 25 - 2 = 23 for the first.
    assert fitted_widths((30, 5, 6), 40, 0, 4, ()) == (23, 5, 6)


def test_the_fit_column_keeps_its_least_then_an_optional_column_goes() -> None:
    # 30 cells: the first would have 30 - (5+2) - (6+2) - (20+2) - 2 = -9: it keeps 8,
    # still too wide (8+2 + 7 + 8 + 22 = 47), so the last column goes; then the first has
    # 30 - 7 - 8 - 2 = 13.
    assert fitted_widths((30, 5, 6, 20), 30, 0, 8, (3,)) == (13, 5, 6, 0)


def test_a_short_fit_column_is_not_widened_and_no_room_means_no_cut() -> None:
    # 14 cells: the others' 5+2 + 20+2 leave no room; the first stays at its own 3 (not its
    # least of 8), and once the last column goes, 3+2 + 5+2 = 12 fits.
    assert fitted_widths((3, 5, 20), 14, 0, 8, (2,)) == (3, 5, 0)
    assert fitted_widths((30, 5), None, 0, 8, ()) == (30, 5)


def test_at_the_last_the_fit_column_gives_up_its_least() -> None:
    # 30 cells, nothing optional left: the others take 5+2 + 6+2 = 15; the first keeps
    # 30 - 15 - 2 = 13 cells, below its least of 16.
    assert fitted_widths((50, 5, 6, 7), 30, 0, 16, (3,)) == (13, 5, 6, 0)
