"""`datapack.toml`: which files of a pack feed which source, and how to read them.

```toml
period = "2026-W47"                 # optional: for files with no date and no period of their own
date_order = "day-first"            # optional: for files whose preset does not settle it
[sources.traffic]
files = ["ga4-traffic-*.csv"]       # globs inside the pack; several files are stacked
preset = "ga4"                      # optional when the headers say it
columns = { goal_completions = "Key events" }   # canonical = export column
period = "2026-W47"                 # this source's files cover this period (over their own)
date_order = "day-first"            # or "month-first": settles dates like 03/04/2026
[statuses]                          # optional: what the pack's lead statuses mean
rejected = ["Not a fit"]            # accepted, rejected, working, converted, nurture
[currency]                          # optional: money in several currencies (data/currency.py)
base = "USD"
rates = { EUR = 1.08 }              # USD per one EUR
```

Every mistake is one line naming the file and the key path, with the closest known name. A glob
never reaches outside the pack: absolute paths, `..` and links that resolve outside are refused.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tuneup_tui.data.currency import Currencies, parse_currency
from tuneup_tui.data.errors import closest
from tuneup_tui.data.period import Period, parse_period
from tuneup_tui.data.sources import SOURCES

FILE_NAME = "datapack.toml"
DATE_ORDERS = ("day-first", "month-first")
_TOP_KEYS = ("sources", "period", "date_order", "statuses", "currency")
_SOURCE_KEYS = ("files", "preset", "columns", "period", "date_order")


class DatapackError(Exception):
    """A broken datapack.toml, in one line: file, key path, what was expected."""


@dataclass(frozen=True)
class SourceEntry:
    """One `[sources.NAME]` table."""

    source: str
    files: tuple[str, ...]
    preset: str | None = None
    columns: dict[str, str] = field(default_factory=dict)
    period: Period | None = None
    date_order: str | None = None


@dataclass(frozen=True)
class Datapack:
    """A pack's datapack.toml, validated."""

    path: Path
    sources: dict[str, SourceEntry] = field(default_factory=dict)
    period: Period | None = None
    date_order: str | None = None
    statuses: dict[str, tuple[str, ...]] = field(default_factory=dict)
    """`[statuses]`: lead statuses by class (see `tuneup_tui.data.status_map`)."""
    currency: Currencies | None = None
    """`[currency]`: the base currency and the rates into it (see `tuneup_tui.data.currency`)."""


def load_datapack(root: Path) -> Datapack | None:
    """The pack's datapack.toml, or None when there is none; DatapackError when it is broken."""
    path = Path(root) / FILE_NAME
    if not path.is_file():
        return None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as err:
        raise DatapackError(f"{path}: not UTF-8 text") from err
    except OSError as err:
        raise DatapackError(f"{path}: can't read ({err.strerror or err})") from err
    except tomllib.TOMLDecodeError as err:
        raise DatapackError(f"{path}: not valid TOML ({err})") from err
    return _validate(path, data)


def _validate(path: Path, data: dict[str, Any]) -> Datapack:
    def fail(key: str, message: str) -> DatapackError:
        return DatapackError(f"{path}: {key}: {message}")

    for key in data:
        if key not in _TOP_KEYS:
            raise fail(key, f"unknown key{closest(key, _TOP_KEYS)}")
    period = _period(data.get("period"), "period", fail)
    date_order = _date_order(data.get("date_order"), "date_order", fail)
    sources = data.get("sources", {})
    if not isinstance(sources, dict):
        raise fail("sources", "expected tables like [sources.traffic]")
    entries: dict[str, SourceEntry] = {}
    for name, table in sources.items():
        where = f"sources.{name}"
        if name not in SOURCES:
            raise fail(where, f"unknown source{closest(name, SOURCES)}")
        if not isinstance(table, dict):
            raise fail(where, "expected a table with files = [...]")
        entries[name] = _entry(name, table, where, fail)
    from tuneup_tui.data.status_map import parse_statuses

    statuses: dict[str, tuple[str, ...]] = (
        dict(parse_statuses(data["statuses"], fail)) if "statuses" in data else {})
    currency = parse_currency(data["currency"], fail) if "currency" in data else None
    return Datapack(path, entries, period, date_order, statuses, currency)


def _entry(name: str, table: dict[str, Any], where: str, fail: Any) -> SourceEntry:
    from tuneup_tui.data.presets.registry import PRESET_NAMES, preset_named

    for key in table:
        if key not in _SOURCE_KEYS:
            raise fail(f"{where}.{key}", f"unknown key{closest(key, _SOURCE_KEYS)}")
    files = table.get("files")
    if isinstance(files, str):
        files = [files]
    if not isinstance(files, list) or not files or not all(isinstance(f, str) for f in files):
        raise fail(f"{where}.files", "expected a list of file names or globs, like "
                                     "[\"ga4-*.csv\"]")
    for i, pattern in enumerate(files):
        _check_glob(pattern, f"{where}.files[{i}]", fail)
    preset = table.get("preset")
    if preset is not None:
        if not isinstance(preset, str) or preset not in PRESET_NAMES:
            raise fail(f"{where}.preset", f"unknown preset {preset!r}"
                                          f"{closest(str(preset), PRESET_NAMES)}")
        feeds = preset_named(preset).sources
        if preset != "canonical" and name not in feeds:
            raise fail(f"{where}.preset", f"preset {preset!r} feeds {', '.join(feeds)}, "
                                          f"not {name}")
    columns = table.get("columns", {})
    if not isinstance(columns, dict):
        raise fail(f"{where}.columns", "expected a table like { canonical = \"Export column\" }")
    known = [c.name for c in SOURCES[name].columns]
    for canonical, export in columns.items():
        if canonical not in known:
            raise fail(f"{where}.columns.{canonical}",
                       f"{name} has no column {canonical!r}{closest(canonical, known)}")
        if not isinstance(export, str) or not export.strip():
            raise fail(f"{where}.columns.{canonical}", "expected the export's column name")
    return SourceEntry(
        source=name, files=tuple(files), preset=preset, columns=dict(columns),
        period=_period(table.get("period"), f"{where}.period", fail),
        date_order=_date_order(table.get("date_order"), f"{where}.date_order", fail))


def _period(value: Any, key: str, fail: Any) -> Period | None:
    if value is None:
        return None
    try:
        if not isinstance(value, str):
            raise ValueError
        return parse_period(value)
    except ValueError:
        raise fail(key, f"expected a period like \"2026-W47\" or \"2026-11\", "
                        f"found {value!r}") from None


def _date_order(value: Any, key: str, fail: Any) -> str | None:
    if value is None:
        return None
    if value not in DATE_ORDERS:
        raise fail(key, f"expected \"day-first\" or \"month-first\", found {value!r}")
    return str(value)


def _check_glob(pattern: str, key: str, fail: Any) -> None:
    if not pattern.strip():
        raise fail(key, "expected a file name or glob, like \"ga4-*.csv\", found nothing")
    parts = Path(pattern).parts
    if Path(pattern).is_absolute() or pattern.startswith(("/", "\\", "~")) or (
            len(pattern) > 1 and pattern[1] == ":"):
        raise fail(key, f"{pattern!r} is outside the pack: give a path inside it")
    if ".." in parts or ".." in pattern.replace("\\", "/").split("/"):
        raise fail(key, f"{pattern!r} reaches outside the pack ('..'): give a path inside it")


def resolve_files(root: Path, config: Datapack, entry: SourceEntry) -> list[Path]:
    """The files an entry's globs match, sorted; DatapackError if one resolves outside."""
    base = Path(root).resolve()
    found: list[Path] = []
    for i, pattern in enumerate(entry.files):
        for path in sorted(Path(root).glob(pattern)):
            if not path.is_file():
                continue
            real = path.resolve()
            if real != base and base not in real.parents:
                raise DatapackError(f"{config.path}: sources.{entry.source}.files[{i}]: "
                                    f"{path.name} links outside the pack ({real})")
            if path not in found:
                found.append(path)
    return found
