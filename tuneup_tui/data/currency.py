"""Money in its currency: which currency a source's money is in, and adding currencies only at
a rate the pack states.

Google Ads reports carry a `Currency code` column and Meta's name it in the spend column's title
(`Amount spent (GBP)`): the paid rows keep it in their `currency` column. A panel adds up money
of one currency as it is. Money in several currencies is added only when datapack.toml states
what each is worth in one of them:

```toml
[currency]
base = "USD"                      # the currency the panels show money in
rates = { EUR = 1.08, GBP = 1.27 }   # base units per one unit of each other currency
```

Without such a rate, a mix is one line saying which currencies met and how to state a rate;
the figures made of that money are not shown (never a sum of euros and pounds).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

CODE = re.compile(r"^[A-Z]{3}$")
SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€", "JPY": "¥"}
"""The sign money is written with; other currencies are written with their code."""
_KEYS = ("base", "rates")


@dataclass(frozen=True)
class Currencies:
    """datapack.toml's `[currency]`: the base currency and the rates into it."""

    base: str | None = None
    rates: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class OneCurrency:
    """Money of one source in one currency, or why it cannot be."""

    frame: pd.DataFrame
    currency: str | None = None
    """The currency every money cell is now in (None when the files do not say)."""
    note: str = ""
    """How currencies were converted ("EUR at 1.08 USD (datapack.toml)")."""
    error: str = ""
    """Currencies that met without a rate, in one line; the money figures are not shown."""


def in_one_currency(frame: pd.DataFrame, money: tuple[str, ...], source: str,
                    stated: Currencies | None) -> OneCurrency:
    """`frame`'s money columns in one currency, converted at the pack's rates when needed."""
    if "currency" not in frame.columns:
        return OneCurrency(frame, stated.base if stated else None)
    codes = frame["currency"].astype("str").str.strip().str.upper()
    codes = codes.where(frame["currency"].notna())
    found = sorted(set(codes.dropna()))
    base = stated.base if stated is not None else None
    if len(found) <= 1 and (not found or base is None or found[0] == base):
        return OneCurrency(frame, found[0] if found else base)
    rates = dict(stated.rates) if stated is not None else {}
    if base is not None:
        rates[base] = 1.0
    missing = [c for c in found if c not in rates]
    unknown = bool(codes.isna().any()) and base is None
    if base is None or missing or unknown:
        what = " and ".join(found) + (" and rows with no currency" if unknown else "")
        need = f" (a rate for {', '.join(missing)})" if base is not None and missing else ""
        return OneCurrency(frame, None, error=(
            f"{source} money is in {what}, with no rate to add them: spend and the figures "
            f"made of it are not shown (state [currency] base and rates in datapack.toml"
            f"{need})"))
    converted = frame.copy()
    factor = codes.fillna(base).map(rates).astype("float64")
    for column in money:
        converted[column] = converted[column] * factor.to_numpy()
    converted["currency"] = base
    used = ", ".join(f"{c} at {rates[c]:g} {base}" for c in found if c != base)
    return OneCurrency(converted, base, note=f"{source} money in {base}: {used} (datapack.toml)")


def format_money(amount: float, currency: str | None = None) -> str:
    """Money as tuneup writes it everywhere: the console's figures and tables, the findings'
    sentences, the text report and the next-steps summary (the CSV and JSON exports keep plain
    numbers). One rule, so a finding quotes the very amount its table shows:

    - cents under 100 ("$48.24", "$0.00"), whole units from 100 up ("$1,235", "$14,617");
    - thousands separated, the sign first ("-$12.30", "-$1,204"; an amount that rounds to zero
      has no sign);
    - the currency's symbol ("$" for USD and when the currency is not known, "£1,204") or its
      code ("CHF 1,204").
    """
    # 99.996 rounds to 100.00: whole units then, as 100 itself is written
    digits = 2 if round(abs(amount), 2) < 100 else 0
    text = f"{abs(amount):,.{digits}f}"
    if abs(amount) > 1e12:  # no budget is this large (an export's 1e308): short, not 309 digits
        text = f"{abs(amount):.3g}"
    negative = amount < 0 and any(c in "123456789" for c in text)
    if currency is None:
        shown = f"${text}"
    else:
        sign = SYMBOLS.get(currency)
        shown = f"{sign}{text}" if sign else f"{currency} {text}"
    return f"-{shown}" if negative else shown


def parse_currency(table: Any, fail: Callable[[str, str], Exception]) -> Currencies:
    """datapack.toml's `[currency]` table, validated."""
    if not isinstance(table, dict):
        raise fail("currency", "expected a table like [currency] with base = \"USD\"")
    for key in table:
        if key not in _KEYS:
            raise fail(f"currency.{key}", f"unknown key; known: {', '.join(_KEYS)}")
    base = table.get("base")
    if not isinstance(base, str) or not CODE.match(base.strip().upper()):
        raise fail("currency.base", "expected a currency code like \"USD\"")
    rates = table.get("rates", {})
    if not isinstance(rates, dict):
        raise fail("currency.rates", "expected a table like { EUR = 1.08 }")
    out: dict[str, float] = {}
    for code, rate in rates.items():
        if not CODE.match(str(code).strip().upper()):
            raise fail(f"currency.rates.{code}", "expected a currency code like EUR")
        if isinstance(rate, bool) or not isinstance(rate, int | float) or not rate > 0:
            raise fail(f"currency.rates.{code}", f"expected a positive number of {base} per "
                                                 f"one {code}")
        out[str(code).strip().upper()] = float(rate)
    return Currencies(base.strip().upper(), out)
