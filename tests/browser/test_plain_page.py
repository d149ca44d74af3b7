"""The plain attendee page in headless Chromium: an item added in one tab lands in the store
and shows in another tab's table without a reload, while what that tab is typing stays; the
page's own script runs under its policy; nothing leaves the machine."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tests.functional.cli_runs import stored_actions
from tests.functional.serving import Served

from .conftest import Watched


def _open(watched: Callable[..., Watched], url: str, **options: Any) -> tuple[Watched, list[str]]:
    """The page at `url`, and the console messages it logs (a refused script would say so)."""
    seen = watched(**options)
    logged: list[str] = []
    seen.page.on("console", lambda message: logged.append(f"{message.type}: {message.text}"))
    seen.page.on("pageerror", lambda error: logged.append(f"error: {error}"))
    seen.page.goto(url)
    seen.page.wait_for_selector("#live:not([hidden])")  # the script is running
    return seen, logged


def test_an_item_added_in_one_tab_shows_in_the_other_without_a_reload(
        served: Served, watched: Callable[..., Watched]) -> None:
    dana, dana_log = _open(watched, served.url + "?name=dana",
                           viewport={"width": 390, "height": 844}, is_mobile=True,
                           has_touch=True)
    priya, priya_log = _open(watched, served.url + "?name=Priya",
                             viewport={"width": 1280, "height": 800})
    # Dana starts typing an item of her own; the page must leave it alone.
    dana.page.evaluate("window.notReloaded = true")
    dana.page.fill("#field-text", "Half-typed: call the")
    priya.page.fill("#field-text", "Recheck the 404 list <today>")
    priya.page.fill("#field-owner", "dana")
    priya.page.fill("#field-due", "+3")
    priya.page.click("#add button[type=submit]")
    priya.page.wait_for_selector("#said")
    [item] = stored_actions()
    assert (item.text, item.owner, item.created_by) == ("Recheck the 404 list <today>", "Dana",
                                                        "Priya")
    assert priya.page.text_content("#said") == f"Added item {item.id} for Dana."
    assert priya.page.input_value("#field-text") == ""  # a fresh form after the redirect
    # In Dana's tab, within a few polls: in both of her tables (she owns it), no reload.
    dana.page.wait_for_selector(f"#everyone-{item.id}", timeout=10_000)
    dana.page.wait_for_selector(f"#mine-{item.id}", timeout=5_000)
    row = dana.page.text_content(f"#everyone-{item.id} td.text")
    assert row == "Recheck the 404 list <today>"
    assert dana.page.evaluate("window.notReloaded") is True
    assert dana.page.input_value("#field-text") == "Half-typed: call the"
    # Dana closes it from her phone: a form post, back on the page with one line.
    dana.page.click(f"#mine-{item.id} button")
    dana.page.wait_for_selector("#said")
    assert dana.page.text_content("#said") == f"Item {item.id} closed as done."
    assert stored_actions()[0].status == "done"
    assert dana.outside == [] and priya.outside == []
    assert all(url.startswith(f"http://127.0.0.1:{served.port}/")
               for url in dana.requests + priya.requests)
    assert not [line for line in dana_log + priya_log if "error" in line.lower()]


def test_on_a_phone_the_add_form_comes_first_and_fits(served: Served,
                                                      watched: Callable[..., Watched]) -> None:
    phone, _ = _open(watched, served.url + "?name=Priya", viewport={"width": 390, "height": 844},
                     is_mobile=True, has_touch=True)
    add = phone.page.locator("#add").bounding_box()
    mine = phone.page.locator("#mine").bounding_box()
    assert add is not None and mine is not None and add["y"] < mine["y"]
    assert phone.page.evaluate("document.documentElement.scrollWidth") <= 390
    laptop, _ = _open(watched, served.url + "?name=Priya",
                      viewport={"width": 1280, "height": 800})
    add = laptop.page.locator("#add").bounding_box()
    mine = laptop.page.locator("#mine").bounding_box()
    assert add is not None and mine is not None and add["x"] < mine["x"]  # side by side


def test_a_refused_item_comes_back_with_what_was_typed(served: Served,
                                                       watched: Callable[..., Watched]) -> None:
    tab, _ = _open(watched, served.url + "?name=Priya")
    tab.page.fill("#field-text", "Fix the redirects")
    tab.page.fill("#field-due", "12/1")
    tab.page.click("#add button[type=submit]")
    tab.page.wait_for_selector("#said")
    assert tab.page.text_content("#said") == (
        "Due date '12/1': expected a date like 2026-12-04, +N days, a weekday, today or "
        "tomorrow.")
    assert tab.page.input_value("#field-text") == "Fix the redirects"
    assert tab.page.input_value("#field-due") == "12/1"
    assert stored_actions() == []
