"""A small list of public holidays per country, to flag the coming weeks that hold one.

Built in: "US" (federal holidays and the day after Thanksgiving) and "GB" (England and Wales
bank holidays). A holiday on a weekend is listed on its own date (the observed weekday is left
to the pack's own list). An agenda adds its own days with the panel option `holidays`
(["2026-12-24", "2026-12-31 Office closed"]: a date, then an optional name). Nothing here
imports pandas.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, timedelta

COUNTRIES = ("US", "GB")


def holidays(country: str, years: Iterable[int], extra: Iterable[str] = ()) -> dict[date, str]:
    """Date -> name for `country` ("US", "GB"; anything else: none built in) in `years`, with
    the `extra` days ("YYYY-MM-DD [name]"). Raises ValueError on an unreadable extra day."""
    out: dict[date, str] = {}
    for year in years:
        if country.upper() == "US":
            out.update(_us(year))
        elif country.upper() in ("GB", "UK"):
            out.update(_gb(year))
    for item in extra:
        day, _, name = str(item).strip().partition(" ")
        out[date.fromisoformat(day)] = name.strip() or "Holiday"
    return out


def _nth(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` (0 Monday) of a month; n = -1 the last."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = (date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1))
    return last - timedelta(days=(last.weekday() - weekday) % 7)


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    ell = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * ell) // 433
    month = (h + ell - 7 * m + 90) // 25
    return date(year, month, (h + ell - 7 * m + 33 * month + 19) % 32)


def _us(year: int) -> dict[date, str]:
    thanksgiving = _nth(year, 11, 3, 4)
    return {
        date(year, 1, 1): "New Year's Day",
        _nth(year, 1, 0, 3): "Martin Luther King Jr. Day",
        _nth(year, 2, 0, 3): "Presidents' Day",
        _nth(year, 5, 0, -1): "Memorial Day",
        date(year, 6, 19): "Juneteenth",
        date(year, 7, 4): "Independence Day",
        _nth(year, 9, 0, 1): "Labor Day",
        _nth(year, 10, 0, 2): "Columbus Day",
        date(year, 11, 11): "Veterans Day",
        thanksgiving: "Thanksgiving",
        thanksgiving + timedelta(days=1): "Day after Thanksgiving",
        date(year, 12, 25): "Christmas Day",
    }


def _gb(year: int) -> dict[date, str]:
    easter = _easter(year)
    return {
        date(year, 1, 1): "New Year's Day",
        easter - timedelta(days=2): "Good Friday",
        easter + timedelta(days=1): "Easter Monday",
        _nth(year, 5, 0, 1): "Early May bank holiday",
        _nth(year, 5, 0, -1): "Spring bank holiday",
        _nth(year, 8, 0, -1): "Summer bank holiday",
        date(year, 12, 25): "Christmas Day",
        date(year, 12, 26): "Boxing Day",
    }
