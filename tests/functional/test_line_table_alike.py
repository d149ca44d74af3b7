"""A narrow table never shows two rows that read alike: a row whose cut-off name would read like
another's is cut in the middle instead, keeping its last word; a scorecard question shows its
few words of its own."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from tuneup_tui.ui.widgets.line_table import Fitted, LineTable, _middle_cut

NAMES = ["Sessions", "Leads created", "Leads created per goal completion",
         "Opportunities created", "Opportunities per lead"]


class NarrowApp(App[None]):
    def compose(self) -> ComposeResult:
        table = LineTable(["Figure", "Period"], fit=0, fit_min=8, id="figures")
        table.styles.width = 24
        table.set_rows([(name, [name, "1,234"]) for name in NAMES])
        yield table


def test_the_middle_cut_keeps_the_start_and_the_last_word() -> None:
    assert _middle_cut("Opportunities created", 13) == "Oppor…created"
    # a last word too long to leave four characters of the start: the last characters
    assert _middle_cut("Leads created per goal completion", 13) == "Leads…letion"
    assert len(_middle_cut("Opportunities per lead", 14)) == 14


async def test_rows_that_would_read_alike_are_cut_in_the_middle() -> None:
    app = NarrowApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(LineTable)
        width = table._widths[0]
        assert 12 <= width < 21  # cut: the longest name has 33 characters
        names = [table.render_line(y).text[1:1 + width].rstrip() for y in range(1, 6)]
        assert len(set(names)) == 5, names
        # the row that fits stays whole; the other "Leads create…" keeps its start and end
        assert names[1] == "Leads created"
        assert names[2].startswith("Leads") and "…" in names[2] and not names[2].endswith("…")
        # "Opportunities created" and "Opportunities per lead" share their first characters
        assert names[3].endswith("created") and names[4].endswith("lead")
        assert names[0] == "Sessions"


async def test_a_scorecard_question_shows_its_own_few_words_when_narrow() -> None:
    class ScorecardApp(App[None]):
        def compose(self) -> ComposeResult:
            table = LineTable(["Question", "Answer"], fit=0, fit_min=8)
            table.styles.width = 24
            table.set_rows([
                ("a", [Fitted(Text("Leads sent to sales"), Text("Leads sent")), "173"]),
                ("b", [Fitted(Text("Leads sent against the Traffic Study's expectation"),
                              Text("Sent vs exp")), "173"])])
            yield table

    app = ScorecardApp()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(LineTable)
        lines = [table.render_line(y).text for y in (1, 2)]
        assert lines[0].startswith(" Leads sent ") and lines[1].startswith(" Sent vs exp")
        assert str(table.get_row_at(0)[0]) == "Leads sent to sales"  # the cell keeps it whole


async def test_rows_whose_middle_cut_still_reads_alike_keep_their_start() -> None:
    class SameEnds(App[None]):
        def compose(self) -> ComposeResult:
            table = LineTable(["Action", "Owner"], fit=0, fit_min=8)
            table.styles.width = 24
            table.set_rows([(n, [n, "Dana"]) for n in (
                "Fix the pricing page form (Dana)", "Fix the pricing page links (Dana)")])
            yield table

    app = SameEnds()
    async with app.run_test(size=(40, 10)) as pilot:
        await pilot.pause()
        table = app.query_one(LineTable)
        width = table._widths[0]
        names = [table.render_line(y).text[1:1 + width].rstrip() for y in (1, 2)]
        # cut in the middle both would read "Fix t…(Dana)": the start is kept instead
        assert all(n.startswith("Fix the pri") and n.endswith("…") for n in names), names
