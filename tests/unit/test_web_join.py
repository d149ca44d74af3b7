"""The join code, the served address left for the console, and the names the page answers to."""

from __future__ import annotations

import json
import os
import socket
import stat

import pytest

from tuneup_tui import paths
from tuneup_tui.web import hosts, join


def test_a_run_keeps_its_code_until_a_new_one_is_asked_for() -> None:
    first = join.join_code(3)
    assert join.is_code(first) and len(first) == 16
    assert join.join_code(3) == first
    assert join.join_code(4) != first  # each run its own
    new = join.join_code(3, new=True)
    assert new != first and join.join_code(3) == new
    path = paths.run_dir(3) / "join-code"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_a_damaged_code_file_gets_a_new_code() -> None:
    path = paths.run_dir(5) / "join-code"
    path.parent.mkdir(parents=True)
    path.write_text("short\n")
    code = join.join_code(5)
    assert code != "short" and join.is_code(code)


def test_the_address_carries_the_code_and_the_name() -> None:
    assert join.page_url("http://127.0.0.1:8000", "c" * 16) == (
        "http://127.0.0.1:8000/j/cccccccccccccccc/")
    assert join.page_url("http://h:1/", "c" * 16, "Priya K") == (
        "http://h:1/j/cccccccccccccccc/?name=Priya%20K")


def test_the_served_address_is_offered_while_its_server_lives() -> None:
    assert join.served_url(2) is None
    join.write_served(2, "http://127.0.0.1:8000/j/x/")
    assert join.served_url(2) == "http://127.0.0.1:8000/j/x/"
    join.clear_served(2)
    assert join.served_url(2) is None
    # A server killed without clearing: its process is gone, the address is not offered.
    path = paths.run_dir(2) / "serve.json"
    path.write_text(json.dumps({"url": "http://x/", "pid": 2**22 + 12345}))
    assert join.served_url(2) is None
    path.write_text("{not json")
    assert join.served_url(2) is None
    path.write_text(json.dumps({"url": "http://x/", "pid": os.getpid()}))
    assert join.served_url(2) == "http://x/"


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.0.1.1", True), ("localhost", True), ("::1", True),
    ("[::1]", True), ("0.0.0.0", False), ("192.168.1.20", False), ("::", False),
    ("tuneup.local", False),
])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert hosts.is_loopback(host) is loopback


def test_names_answered_to_on_loopback() -> None:
    assert hosts.allowed_hosts("127.0.0.1", 8000, "http://127.0.0.1:8000") == {
        "127.0.0.1:8000", "localhost:8000", "[::1]:8000"}


def test_names_answered_to_on_the_network(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hosts, "lan_address", lambda: "192.168.1.20")
    monkeypatch.setattr(socket, "gethostname", lambda: "Maya-Laptop")
    assert hosts.base_url("0.0.0.0", 8000) == "http://192.168.1.20:8000"
    allowed = hosts.allowed_hosts("0.0.0.0", 8000, "http://192.168.1.20:8000")
    assert allowed == {"127.0.0.1:8000", "localhost:8000", "[::1]:8000",
                       "192.168.1.20:8000", "maya-laptop:8000", "maya-laptop.local:8000"}
    # A proxy's address given with --public-url is answered to, with its default port too.
    allowed = hosts.allowed_hosts("192.168.1.20", 8000, "https://tuneup.example.com")
    assert allowed == {"192.168.1.20:8000", "tuneup.example.com:443", "tuneup.example.com"}
    monkeypatch.setattr(hosts, "lan_address", lambda: None)
    assert hosts.base_url("::", 8000) == "http://Maya-Laptop:8000"
    assert hosts.base_url("::1", 8000) == "http://[::1]:8000"
