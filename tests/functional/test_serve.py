"""`tuneup serve`: the attendee app for browsers, on this machine unless asked otherwise."""

from __future__ import annotations

import os
import shlex
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from typing import Any, ClassVar

import pytest

from tuneup_tui.cli import main
from tuneup_tui.commands import attend


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_answers_with_the_page(tuneup_home: Any) -> None:
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tuneup_tui", "serve", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env=os.environ.copy())
    try:
        body, status = "", 0
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as reply:
                    status, body = reply.status, reply.read().decode("utf-8")
                break
            except (urllib.error.URLError, ConnectionError):
                time.sleep(0.1)
        assert status == 200
        assert "<html" in body.lower()
        assert f"ws://127.0.0.1:{port}/ws" in body  # the page's websocket is on loopback
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            _, err = proc.communicate(timeout=5)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate(timeout=5)
    assert "warning" not in err


class FakeServer:
    made: ClassVar[list[dict[str, Any]]] = []

    def __init__(self, command: str, **kwargs: Any) -> None:
        FakeServer.made.append({"command": command, **kwargs})

    def serve(self) -> None:
        pass


@pytest.fixture
def fake_server(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    import textual_serve.server

    FakeServer.made = []
    monkeypatch.setattr(textual_serve.server, "Server", FakeServer)
    return FakeServer.made


def test_defaults_to_loopback_without_warning(fake_server: list[dict[str, Any]],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve"]) == 0
    [made] = fake_server
    assert (made["host"], made["port"]) == ("127.0.0.1", 8000)
    assert shlex.split(made["command"]) == [sys.executable, "-m", "tuneup_tui", "attend"]
    assert "warning" not in capsys.readouterr().err


def test_a_non_loopback_host_is_warned_about(fake_server: list[dict[str, Any]],
                                             capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123", "--run", "4"]) == 0
    [made] = fake_server
    assert made["host"] == "0.0.0.0"
    # Browsers elsewhere reach the page by this machine's name, not by 0.0.0.0.
    assert made["public_url"] == f"http://{socket.gethostname()}:8123"
    assert shlex.split(made["command"])[-2:] == ["--run", "4"]
    err = capsys.readouterr().err
    assert err.startswith("tuneup: warning: serving on 0.0.0.0: anyone who can reach")


def test_a_bad_port_is_refused(fake_server: list[dict[str, Any]],
                               capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--port", "70000"]) == 2
    assert capsys.readouterr().err.strip() == (
        "tuneup: --port: expected a port from 1 to 65535, got 70000")
    assert fake_server == []


@pytest.mark.parametrize(("host", "loopback"), [
    ("127.0.0.1", True), ("127.0.1.1", True), ("localhost", True), ("::1", True),
    ("0.0.0.0", False), ("192.168.1.20", False), ("::", False), ("tuneup.local", False),
])
def test_is_loopback(host: str, loopback: bool) -> None:
    assert attend.is_loopback(host) is loopback


def test_attend_refuses_an_unknown_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["attend", "--run", "3"]) == 2
    assert capsys.readouterr().err.strip() == "tuneup: no run 3; see `tuneup runs`"
