"""Money in its currency: a GBP Google Ads account shown in pounds, a GBP and a EUR account never
added without a rate, and added at the rate datapack.toml states. Figures worked out by hand from
the fixture rows (tests/fixtures/exports/real/currency-*)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.unit.real_fixtures import case, inspect, panel
from tuneup_tui import cli

AS_OF = "2026-07-06"  # the review week is 2026-06-29..2026-07-05


def test_a_gbp_account_is_shown_in_pounds(tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "currency-gbp")
    paid = panel(root, "paid", AS_OF, capsys)
    # Currency code GBP: 240.00 over 120 clicks, 6 conversions
    assert paid["currency"] == "GBP"
    assert paid["figures"]["spend"] == 240.0
    assert paid["figures"]["cpc"] == pytest.approx(2.0)
    assert cli.main(["metrics", "--data", str(root), "--as-of", AS_OF, "--panel", "paid"]) == 0
    out = capsys.readouterr().out
    assert "   Paid spend                        £240" in out
    assert "$" not in out


def test_gbp_and_eur_are_not_added_without_a_rate(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "currency-mix")
    paid = panel(root, "paid", AS_OF, capsys)
    figures = paid["figures"]
    assert figures["spend"] is None and figures["cpc"] is None
    assert figures["cost_per_name"] is None
    # the counts stand: 3,000 + 12,000 impressions, 120 + 60 clicks, 6 + 4 names
    assert (figures["impressions"], figures["clicks"], figures["names"]) == (15000, 180, 10)
    assert figures["ctr"] == pytest.approx(180 / 15000)
    assert paid["notes"][0] == (
        "paid money is in EUR and GBP, with no rate to add them: spend and the figures made of "
        "it are not shown (state [currency] base and rates in datapack.toml)")
    assert all(row["spend"] is None for row in paid["tables"]["programs"])
    out = inspect(root, capsys)
    assert ("  paid: 2 rows, 2026-06-29..2026-07-05; paid money is in EUR and GBP, with no rate "
            "to add them") in out


def test_a_stated_rate_adds_them_in_the_base_currency(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "currency-rate")
    paid = panel(root, "paid", AS_OF, capsys)
    # base GBP, EUR at 0.85: 240.00 + 100.00 x 0.85 = 325.00 over 180 clicks and 10 names
    assert paid["currency"] == "GBP"
    assert paid["figures"]["spend"] == pytest.approx(325.0)
    assert paid["figures"]["cpc"] == pytest.approx(325 / 180)
    assert paid["figures"]["cost_per_name"] == pytest.approx(32.5)
    assert "paid money in GBP: EUR at 0.85 GBP (datapack.toml)" in paid["notes"]


def test_a_rate_missing_for_one_currency_names_it(tmp_path: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    root = case(tmp_path, "currency-rate")
    (root / "datapack.toml").write_text('[currency]\nbase = "USD"\nrates = { EUR = 1.1 }\n',
                                        encoding="utf-8")
    paid = panel(root, "paid", AS_OF, capsys)
    assert paid["figures"]["spend"] is None
    assert paid["notes"][0].endswith("(state [currency] base and rates in datapack.toml (a "
                                     "rate for GBP))")


@pytest.mark.parametrize(("toml", "message"), [
    ('[currency]\nrates = { EUR = 1.1 }\n', "currency.base: expected a currency code"),
    ('[currency]\nbase = "USD"\nrates = { EUR = 0 }\n',
     "currency.rates.EUR: expected a positive number of USD per one EUR"),
    ('[currency]\nbase = "USD"\nrate = 1\n', "currency.rate: unknown key"),
])
def test_a_broken_currency_table_is_one_line(tmp_path: Path, toml: str, message: str) -> None:
    from tuneup_tui.data.datapack_toml import DatapackError, load_datapack

    (tmp_path / "datapack.toml").write_text(toml, encoding="utf-8")
    with pytest.raises(DatapackError, match=message.replace("[", r"\[")):
        load_datapack(tmp_path)
