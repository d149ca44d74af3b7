"""Google Search Console: the performance export and the "Not found (404)" page-indexing export.

Performance (a zip of CSVs, often unpacked into its own folder):
- `Queries.csv` (`Top queries,Clicks,Impressions,CTR,Position`) -> keywords: keyword = Top
  queries, position, clicks, impressions. Its rows carry no date: the period is the "Date" row of
  `Filters.csv` beside it when that is a range, else datapack.toml's `period`.
- `Pages.csv` (`Top pages,...`): positions per page, not per query; not used unless datapack.toml
  maps it to keywords (keyword = url = the page).
- `Chart.csv` (`Date,Clicks,Impressions,CTR,Position`) -> seo, long form: metrics
  search_clicks, search_impressions, search_ctr and search_position per date.
- `Filters.csv` (`Filter,Value`) and `Metadata.csv` (`Property,Value`) feed no source.

Page indexing, Not found (404):
- `Table.csv` (`URL,Last crawled`) -> pages_404: url; hits = 1 per URL (the export has no hit
  counts); date = Last crawled, or the period's start when never crawled (1969-12-31).
- `Chart.csv` (`Date,Affected pages`) -> seo metric pages_404.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

import pandas as pd

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.period import Period
from tuneup_tui.data.presets._base import Columns, Located, Options, Preset
from tuneup_tui.data.presets._periods import parse_range
from tuneup_tui.data.presets._table import Record, header_key, read_text, records
from tuneup_tui.data.presets._values import constant

NEVER_CRAWLED = "1969-12-31"
TIME = "re:^time( \\(utc.*\\))?$"
"""The hourly chart's first column: "Time (UTC+03:00)" ("Last 24 hours" exports)."""
CHART_COLUMNS = ("Clicks", "Impressions", "CTR", "Position")
CHART_METRICS = {"clicks": "search_clicks", "impressions": "search_impressions",
                 "ctr": "search_ctr", "position": "search_position"}


def filters_period(folder: Path) -> tuple[Period | None, str]:
    """The period of the `Filters.csv` beside a file, and a note when it gives none."""
    path = next((p for p in folder.iterdir() if p.name.casefold() == "filters.csv"), None) \
        if folder.is_dir() else None
    if path is None:
        return None, ""
    try:
        recs = records(read_text(path, "keywords"))
    except (DataError, ValueError):
        return None, f"{path.name} beside it could not be read"
    for rec in recs:
        if len(rec.cells) >= 2 and header_key(rec.cells[0]) == "date":
            period = parse_range(rec.cells[1])
            if period is None:
                return None, f"{path.name} beside it says Date = {rec.cells[1]!r}, not a range"
            return period, f"period from {path.name}: {rec.cells[1]}"
    return None, ""


class _Performance(Preset):
    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        located = super().locate(recs, path, source)
        period, note = filters_period(path.parent)
        located.period = period
        located.period_note = note
        return located


class Queries(_Performance):
    name = "search-console-queries"
    title = "Search Console performance, queries"
    sources = ("keywords",)
    signature = (("top queries", "query"), ("position",), ("impressions",))
    columns: ClassVar[Columns] = {"keywords": {
        "keyword": ("top queries", "query"),
        "position": ("position",),
        "clicks": ("clicks",),
        "impressions": ("impressions",),
    }}


class Pages(_Performance):
    name = "search-console-pages"
    title = "Search Console performance, pages"
    sources = ("keywords",)
    signature = (("top pages", "page"), ("position",), ("impressions",))
    companion = ("positions per page, not per query: not used (map it to keywords in "
                 "datapack.toml to see pages as keywords)")
    columns: ClassVar[Columns] = {"keywords": {
        "keyword": ("top pages", "page"),
        "url": ("top pages", "page"),
        "position": ("position",),
        "clicks": ("clicks",),
        "impressions": ("impressions",),
    }}


class Chart(_Performance):
    name = "search-console-chart"
    title = "Search Console performance, chart"
    sources = ("seo",)
    signature = (("date", TIME), ("clicks",), ("impressions",), ("ctr",), ("position",))

    def locate(self, recs: list[Record], path: Path, source: str) -> Located:
        located = super().locate(recs, path, source)
        if _time_column(located.header) is not None:
            located.variant = f"{self.title}, hourly ({_time_column(located.header)})"
            located.notes.append("hourly rows added up into days (in the export's time zone)")
        return located

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        # Placeholders: reshape() turns each wide row into one row per metric.
        out["metric"] = out["value"] = constant(raw, "")
        when = _time_column(located.header) or "Date"
        out["date"] = raw[next(h for h in located.header if h == when or header_key(h) == "date")]
        located.derived.update(date=when, metric="(the column's name)",
                               value="Clicks, Impressions, CTR, Position")
        return ["long form: one seo row per date and metric (search_clicks, "
                "search_impressions: daily counts; search_ctr, search_position: the day's)"]

    def reshape(self, frame: pd.DataFrame, raw: pd.DataFrame, located: Located
                ) -> pd.DataFrame:
        return long_chart(frame, raw, list(located.header))


class NotFoundTable(Preset):
    name = "search-console-404"
    title = "Search Console page indexing, Not found (404)"
    sources = ("pages_404",)
    signature = (("url",), ("last crawled",))
    columns: ClassVar[Columns] = {"pages_404": {"url": ("url",)}}

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        notes = ["hits = 1 per URL (the export has no hit counts)"]
        out["hits"] = constant(raw, "1")
        located.derived.update(hits="(1 per URL)", date="Last crawled")
        crawled = next(h for h in located.header if header_key(h) == "last crawled")
        never = raw[crawled].str.strip() == NEVER_CRAWLED
        if "date" not in options.columns:
            crawled_days = raw[crawled].where(~never, None)
            if never.any():
                # Never crawled: still a 404 Google knows of, dated at the period's start, or
                # without a period at the latest crawl of the file.
                latest = crawled_days.dropna().max() if crawled_days.notna().any() else None
                if options.period is None and latest is not None:
                    crawled_days = crawled_days.fillna(latest)
                when = ("the period's start" if options.period is not None or latest is None
                        else f"the latest crawl, {latest}")
                notes.append(f"{int(never.sum())} URL(s) never crawled ({NEVER_CRAWLED}): "
                             f"dated at {when}")
            out["date"] = crawled_days.astype("str")
        return notes


class NotFoundChart(Preset):
    name = "search-console-404-chart"
    title = "Search Console page indexing, Not found (404) chart"
    sources = ("seo",)
    signature = (("date",), ("affected pages",))
    columns: ClassVar[Columns] = {"seo": {
        "date": ("date",), "value": ("affected pages",)}}

    def derive(self, source: str, raw: pd.DataFrame, out: dict[str, pd.Series],
               located: Located, options: Options) -> list[str]:
        out.setdefault("metric", constant(raw, "pages_404"))
        located.derived["metric"] = "(default 'pages_404')"
        return ["metric = 'pages_404' (the affected pages)"]


class Filters(Preset):
    name = "search-console-filters"
    title = "Search Console filters"
    sources = ()
    signature = (("filter",), ("value",))
    companion = "gives the period of the files beside it"


class Metadata(Preset):
    name = "search-console-metadata"
    title = "Search Console metadata"
    sources = ()
    signature = (("property",), ("value",))
    companion = "describes the export; feeds no source"


def long_chart(frame: pd.DataFrame, raw: pd.DataFrame, header: list[str]) -> pd.DataFrame:
    """Chart.csv's wide rows as long seo rows (date, metric, value), lines kept; hourly rows
    (a "Time (UTC+03:00)" column) first added up into one row per day."""
    time = _time_column(header)
    if time is not None:
        raw, header = daily(raw, header, time), ["Date", *CHART_COLUMNS]
    date = next(h for h in header if header_key(h) == "date")
    parts = []
    for name in header:
        metric = CHART_METRICS.get(header_key(name))
        if metric is None:
            continue
        parts.append(pd.DataFrame({"date": raw[date], "metric": metric, "value": raw[name]},
                                  index=raw.index))
    if not parts:
        return frame
    long = pd.concat(parts)
    return long.astype("str")


def daily(raw: pd.DataFrame, header: list[str], time: str) -> pd.DataFrame:
    """Hourly chart rows as one row per day: clicks and impressions added up, CTR = clicks /
    impressions, position weighted by impressions; the index is each day's first line."""
    from tuneup_tui.data.parse import parse_numbers

    named = {header_key(h): h for h in header}
    day = raw[time].astype("str").str.strip().str.slice(0, 10)
    clicks = parse_numbers(raw[named["clicks"]].reset_index(drop=True)).to_numpy()
    shown = parse_numbers(raw[named["impressions"]].reset_index(drop=True)).to_numpy()
    where = parse_numbers(raw[named["position"]].reset_index(drop=True)).to_numpy()
    hours = pd.DataFrame({"day": day.to_numpy(), "line": raw.index.to_numpy(),
                          "clicks": clicks, "impressions": shown,
                          "weighted": where * shown}).fillna({"clicks": 0, "impressions": 0})
    days = hours.groupby("day", sort=True).agg(line=("line", "min"), clicks=("clicks", "sum"),
                                               impressions=("impressions", "sum"),
                                               weighted=("weighted", "sum"))
    seen = days["impressions"].where(days["impressions"] > 0)
    out = pd.DataFrame({
        "Date": days.index.astype("str"),
        "Clicks": days["clicks"].map(_plain),
        "Impressions": days["impressions"].map(_plain),
        "CTR": (days["clicks"] / seen).map(_plain),
        "Position": (days["weighted"] / seen).map(_plain),
    })
    out.index = pd.Index(days["line"].to_numpy(), name="line")
    return out


def _plain(value: float) -> str:
    return "" if pd.isna(value) else repr(float(value))


def _time_column(header: list[str] | tuple[str, ...]) -> str | None:
    """An hourly chart's time column ("Time (UTC+03:00)"), or None."""
    return next((h for h in header if header_key(h).startswith("time")), None)


PRESETS = (Queries(), Pages(), Chart(), NotFoundTable(), NotFoundChart(), Filters(), Metadata())
