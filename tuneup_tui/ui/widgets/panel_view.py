"""The metrics panel of the current session: headline figures against the baseline (and the
previous run) with arrows, weekly trends as sparklines, shares as bars, the panel's tables.

While the panels are computing it shows a loading indicator; a panel that failed shows its
error line in place.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widget import Widget
from textual.widgets import LoadingIndicator, Sparkline, Static

from tuneup_tui.metrics.coverage_line import coverage_line
from tuneup_tui.metrics.figure_shorts import SHORTS
from tuneup_tui.metrics.recorded_checks import SHOWN_AS
from tuneup_tui.metrics.scorecard_view import scorecard_notes
from tuneup_tui.store.day_record import RecordedFigure
from tuneup_tui.textsafe import visible_line
from tuneup_tui.ui.format import (
    change,
    change_style,
    figure_label,
    figure_short,
    fmt_cell,
    fmt_figure,
    label,
    number,
)
from tuneup_tui.ui.literal import literal, literal_line
from tuneup_tui.ui.widgets.bars import share_bars
from tuneup_tui.ui.widgets.line_table import Fitted, LineTable

if TYPE_CHECKING:
    from tuneup_tui.metrics.result import PanelResult, Series, Table

MAX_TABLE_ROWS = 30
"""Longer tables are cut (the summary and `tuneup metrics` have them whole)."""

RELATED: dict[str, tuple[str, ...]] = {
    "leads_delivered": ("expected_leads_to_sales", "leads_sent_to_sales"),
    "found": ("leads_found_in_crm",),
    "opportunity_create_rate": ("opportunity_conversion_rate",),
}
"""Recorded figures shown beside a panel figure they are to be held against: the expected
leads to sales recorded in the Traffic Study stand beside the leads actually delivered."""


def related_names(figures: Sequence[str]) -> set[str]:
    """The recorded-figure names a panel with `figures` uses: its own and the related ones."""
    names = set(figures)
    for name in figures:
        names.update(RELATED.get(name, ()))
    return names


MOUNT_STEP = 2
"""Widgets mounted per frame when a panel is drawn: a whole panel (tables, sparklines, bars)
laid out and rendered in one go held the console up for 40 ms and more, and so did four at a
time (a table and a sparkline in one frame). Two is a caption and what it captions."""


class PanelView(VerticalScroll):
    """One session's panels, drawn from their PanelResults."""

    _drawing = 0
    """Counts the redraws, so the steps of an earlier one stop when a newer one starts."""

    def show(
        self,
        names: Sequence[str],
        results: Mapping[str, PanelResult],
        *,
        recorded: Mapping[str, RecordedFigure] | None = None,
        last_run: Mapping[str, Mapping[str, float | int | None]] | None = None,
    ) -> None:
        """Rebuild for the panels `names`; those not in `results` yet show as loading."""
        self.remove_children()
        widgets: list[Widget] = []
        if not names:
            widgets.append(Static("No metrics panel in this session.", classes="panel-empty"))
        for name in names:
            result = results.get(name)
            if result is None:
                widgets.append(Static(literal_line(f"Computing {name}…"), classes="panel-title"))
                widgets.append(LoadingIndicator(classes="panel-loading"))
                continue
            widgets.extend(_panel_widgets(result, recorded or {}, (last_run or {}).get(name)))
        self._drawing += 1
        self._mount_in_steps(widgets, self._drawing)

    def _mount_in_steps(self, widgets: list[Widget], drawing: int) -> None:
        """Mount the first few widgets now (the panel's title and figures) and the rest a
        few at a time, each step after the previous one is on screen."""
        if drawing != self._drawing or not self.is_attached:
            return
        self.mount_all(widgets[:MOUNT_STEP])
        if len(widgets) > MOUNT_STEP:
            self.call_after_refresh(self._mount_in_steps, widgets[MOUNT_STEP:], drawing)


def _panel_widgets(result: PanelResult, recorded: Mapping[str, RecordedFigure],
                   last_run: Mapping[str, float | int | None] | None) -> list[Widget]:
    # Titles, errors and notes can quote a data file (a file name, a value): drawn as they are.
    title = Text(visible_line(result.title), style="bold")
    period = result.period
    title.append(f"  {period.label} ({period.start:%d %b}–{period.end:%d %b})", style="dim")
    if len(result.baseline):
        title.append(f" vs mean of {len(result.baseline)} before", style="dim")
    out: list[Widget] = [Static(title, classes="panel-title")]
    covered = coverage_line(result.baseline_coverage, period.kind)
    if covered and not result.error:
        out.append(Static(literal(covered, "dim italic"), classes="panel-note"))
    if result.error:
        out.append(Static(literal(result.error), classes="panel-error"))
        return out
    if result.name == "scorecard":
        # the questions in one table: each row's figure, target and status (its notes after)
        from tuneup_tui.ui.widgets.scorecard_table import EXPECTED_NOTE, scorecard_table

        out.append(scorecard_table(result, recorded))
        notes = [EXPECTED_NOTE, *scorecard_notes(result), *result.notes]
        out.extend(Static(literal(note, "dim italic"), classes="panel-note") for note in notes)
        return out
    if result.figures:
        out.append(_figures_table(result, recorded, last_run))
    trends = [s for s in result.series.values() if s.kind == "trend"]
    shares = [s for s in result.series.values() if s.kind == "share"]
    for series in trends:
        out.extend(_trend(series))
    for series in shares:
        out.append(Static(literal_line(series.title, "bold"), classes="chart-title"))
        out.append(Static(share_bars(series.labels, series.values), classes="share-bars"))
    for table in result.tables.values():
        out.append(Static(literal_line(table.title, "bold"), classes="table-title"))
        out.append(_data_table(table, result.currency))
    for note in result.notes:
        out.append(Static(literal(note, "dim italic"), classes="panel-note"))
    return out


def _figures_table(result: PanelResult, recorded: Mapping[str, RecordedFigure],
                   last_run: Mapping[str, float | int | None] | None) -> LineTable:
    columns = ["Figure", "Period", "Average", "Change"]
    with_last = bool(last_run)
    if with_last:
        columns.append("Last run")
    rows: list[tuple[Hashable, Sequence[Text | str | Fitted]]] = []
    panel = result.name
    for name, value in result.figures.items():
        base = result.baseline_figures.get(name)
        arrow, delta = change(name, value, base, panel, result.currency)
        short = figure_short(panel, name)
        title = figure_label(panel, name)
        row: list[Text | str | Fitted] = [
            Fitted(title, short) if short else title,
            fmt_figure(name, value, panel, result.currency),
            fmt_figure(name, base, panel, result.currency),
            Text(f"{arrow} {delta}".strip(), style=change_style(panel, name, value, base)),
        ]
        if with_last and last_run is not None:
            prev = last_run.get(name)
            arrow2, delta2 = change(name, value, prev, panel)
            row.append(Text(f"{fmt_figure(name, prev, panel)} {arrow2} {delta2}".strip(),
                            style=change_style(panel, name, value, prev))
                       if number(prev) is not None else "–")
        rows.append((name, row))
        for other in (name, *RELATED.get(name, ())):
            mine = recorded.get(other)
            # a recorded figure the panel shows as a figure of its own is not shown twice
            if mine is None or SHOWN_AS.get(other) in result.figures:
                continue
            where = f" ({visible_line(mine.session)})" if mine.session else ""
            caption = "  recorded" if other == name else f"  {label(other).lower()}"
            # Narrow, the caption is the related figure's short wording (the session goes),
            # indented by one space so a 13-character wording still fits.
            brief = " recorded" if other == name else f" {SHORTS.get(label(other), caption[2:])}"
            note = Fitted(Text(f"{caption}{where}", style="italic bold"),
                          Text(brief, style="italic bold"))
            extra: list[Text | str | Fitted] = [note,
                                                Text(fmt_figure(other, mine.value), style="bold")]
            extra += [""] * (len(columns) - 2)
            rows.append(((name, "recorded", other), extra))
    # The figure's name is cut before its Average and Change are pushed out of view.
    table = LineTable(columns, cursor=True, fit=0, fit_min=14, classes="figures")
    table.set_rows(rows)
    return table


def _trend(series: Series) -> list[Widget]:
    values = [number(v) for v in series.values]
    present = [v for v in values if v is not None]
    caption = Text(visible_line(series.title), style="bold")
    if present and series.labels:
        caption.append(visible_line(f"  {series.labels[0]} → {series.labels[-1]}"), style="dim")
        caption.append(f"  last {fmt_figure(series.title, values[-1])}")
    data = [v if v is not None else 0.0 for v in values]
    return [Static(caption, classes="chart-title"), Sparkline(data, classes="trend")]


def _data_table(table: Table, currency: str | None = None) -> LineTable:
    rows: list[tuple[Hashable, Sequence[Text | str]]] = [
        (i, [fmt_cell(c, row.get(c), currency=currency) for c in table.columns])
        for i, row in enumerate(table.rows[:MAX_TABLE_ROWS])]
    if len(table.rows) > MAX_TABLE_ROWS:
        more = f"… {len(table.rows) - MAX_TABLE_ROWS} more"
        rows.append(("more", [more, *([""] * (len(table.columns) - 1))]))
    view = LineTable([label(c) for c in table.columns], cursor=True, classes="panel-table")
    view.set_rows(rows)
    return view
