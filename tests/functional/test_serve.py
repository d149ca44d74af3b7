"""`tuneup serve`: the run and the code checked before anything listens, the address printed,
and a real server that refuses what it must."""

from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
import urllib.error
import urllib.request
from typing import Any

import pytest

from tests.functional.cli_runs import start_run
from tuneup_tui import paths
from tuneup_tui.cli import main
from tuneup_tui.web import hosts, join, server


@pytest.fixture
def fake_run(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    """Replaces the serving loop: records what would be served, announces, returns."""
    made: list[dict[str, Any]] = []

    def run(served: server.AttendeeServer, host: str, port: int, *, ready: Any = None) -> None:
        made.append({"page": served.page, "host": host, "port": port})
        if ready is not None:
            ready()

    monkeypatch.setattr(server, "run", run)
    return made


def test_serves_the_run_in_progress_on_loopback(fake_run: list[dict[str, Any]],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    run = start_run()
    assert main(["serve"]) == 0
    [made] = fake_run
    page = made["page"]
    assert (made["host"], made["port"], page.run_id) == ("127.0.0.1", 8000, run.id)
    assert page.command == [sys.executable, "-m", "tuneup_tui", "attend", "--run", str(run.id)]
    assert page.max_attendees == 40
    assert "127.0.0.1:8000" in page.hosts and "localhost:8000" in page.hosts
    out, err = capsys.readouterr()
    code = join.join_code(run.id)
    assert f"  share this address: http://127.0.0.1:8000/j/{code}/\n" in out
    assert (f"  the attendee app with keys: http://127.0.0.1:8000/j/{code}/terminal/ (up to 40 "
            "at once)\n") in out
    assert "browsers at once" not in out
    assert err == ""
    # The code is the run's, kept for its owner only, and the same next time.
    assert stat.S_IMODE((paths.run_dir(run.id) / "join-code").stat().st_mode) == 0o600
    assert main(["serve"]) == 0
    assert fake_run[1]["page"].code == code


def test_a_new_code_replaces_the_old(fake_run: list[dict[str, Any]]) -> None:
    run = start_run()
    old = join.join_code(run.id)
    assert main(["serve", "--new-code"]) == 0
    new = fake_run[0]["page"].code
    assert new != old and new == join.join_code(run.id) and join.is_code(new)


def test_on_the_network_the_address_to_share_is_printed_with_a_warning(
        fake_run: list[dict[str, Any]], capsys: pytest.CaptureFixture[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(hosts, "lan_address", lambda: "192.168.1.20")
    run = start_run()
    assert main(["serve", "--host", "0.0.0.0", "--port", "8123",
                 "--max-attendees", "12"]) == 0
    page = fake_run[0]["page"]
    assert page.base_url == "http://192.168.1.20:8123"
    assert page.max_attendees == 12
    assert {"192.168.1.20:8123", "127.0.0.1:8123"} <= page.hosts
    out, err = capsys.readouterr()
    assert f"share this address: http://192.168.1.20:8123/j/{page.code}/" in out
    assert err.startswith("tuneup: warning: serving on 0.0.0.0: anyone who has the address")
    assert run.id == page.run_id


@pytest.mark.parametrize(("argv", "message"), [
    (["--port", "70000"], "--port: expected a port from 1 to 65535, got 70000"),
    (["--run", "99"], "no run 99; see `tuneup runs`"),
    (["--max-attendees", "0"], "--max-attendees: expected 1 to 1000, got 0"),
    (["--public-url", "192.168.1.20"],
     "--public-url: expected an address like http://192.168.1.20:8000, got '192.168.1.20'"),
])
def test_bad_choices_are_refused_before_serving(argv: list[str], message: str,
                                                fake_run: list[dict[str, Any]],
                                                capsys: pytest.CaptureFixture[str]) -> None:
    start_run()
    assert main(["serve", *argv]) == 2
    assert capsys.readouterr().err == f"tuneup: {message}\n"
    assert fake_run == []


def test_without_a_run_in_progress_nothing_is_served(fake_run: list[dict[str, Any]],
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve"]) == 2
    assert capsys.readouterr().err == "tuneup: no run in progress; start one with `tuneup run`\n"
    start_run(ended=True)
    assert main(["serve"]) == 2
    assert fake_run == []


def test_attend_refuses_an_unknown_run(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["attend", "--run", "3"]) == 2
    assert capsys.readouterr().err.strip() == "tuneup: no run 3; see `tuneup runs`"


def _get(url: str, headers: dict[str, str] | None = None) -> tuple[int, str]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=5) as reply:
            return int(reply.status), reply.read().decode("utf-8")
    except urllib.error.HTTPError as err:
        return int(err.code), err.read().decode("utf-8")


@pytest.mark.slow
def test_a_real_server_serves_the_code_and_refuses_the_rest() -> None:
    from .serving import start_serving, stop

    run = start_run()
    served = start_serving()
    try:
        status, body = _get(served.url)
        assert status == 200
        assert f"Run {run.id}: Tune Up (" in body and "<h2>Add an action item</h2>" in body
        assert "http" not in body
        status, body = _get(served.url + "terminal/")
        assert status == 200
        code = join.join_code(run.id)
        assert (f'data-session-websocket-url="ws://127.0.0.1:{served.port}/j/{code}/terminal/ws"'
                in body)
        assert "googleapis" not in body and "https:" not in body
        assert join.served_url(run.id) == served.url
        base = f"http://127.0.0.1:{served.port}"
        for path in ("/", "/static/", "/static/js/textual.js", f"/j/{code[:-1]}/", "/j//"):
            assert _get(base + path) == (403, "403: Forbidden\n"), path
        for url in (served.url, served.url + "terminal/"):
            assert _get(url, {"Origin": "http://evil.example"})[0] == 403
            assert _get(url, {"Host": "evil.example:80"})[0] == 403
    finally:
        stop(served.process)
    assert join.served_url(run.id) is None  # the console's help no longer offers it


def test_a_port_in_use_is_one_line() -> None:
    import socket

    start_run()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = subprocess.run([sys.executable, "-m", "tuneup_tui", "serve", "--port",
                                 str(port)], capture_output=True, text=True, timeout=30,
                                env=os.environ.copy())
    assert result.returncode == 2
    assert result.stderr.startswith(f"tuneup: cannot listen on 127.0.0.1 port {port}: ")
    assert result.stderr.count("\n") == 1 and result.stdout == ""


def test_sigterm_stops_the_server(tmp_path: Any) -> None:
    from .serving import start_serving

    start_run()
    served = start_serving()
    served.process.send_signal(signal.SIGTERM)
    started = time.monotonic()
    assert served.process.wait(timeout=10) == 0
    assert time.monotonic() - started < 10


@pytest.mark.slow
def test_a_real_server_takes_an_item_from_the_plain_page() -> None:
    from urllib.parse import urlencode

    from .cli_runs import stored_actions
    from .serving import start_serving, stop

    run = start_run()
    served = start_serving()
    origin = f"http://127.0.0.1:{served.port}"
    form = urlencode({"name": "priya", "text": "Recheck the 404 list", "owner": "Priya",
                      "due": "+7", "session": ""}).encode()

    class NoRedirect(urllib.request.HTTPRedirectHandler):
        def redirect_request(self, *args: Any, **kwargs: Any) -> None:
            return None

    opener = urllib.request.build_opener(NoRedirect)

    def post(headers: dict[str, str]) -> tuple[int, str]:
        request = urllib.request.Request(served.url + "add", data=form, headers=headers)
        try:
            with opener.open(request, timeout=10) as reply:
                return int(reply.status), reply.headers.get("Location", "")
        except urllib.error.HTTPError as err:
            return int(err.code), err.headers.get("Location", "")

    try:
        assert post({})[0] == 403  # no Origin: not from this page
        assert post({"Origin": "http://evil.example"})[0] == 403
        assert stored_actions() == []
        status, location = post({"Origin": origin})
        [item] = stored_actions()
        assert (status, location) == (303, f"{served.url.removeprefix(origin)}?name=Priya"
                                           f"&said=added-{item.id}")
        assert (item.run_id, item.text, item.owner, item.created_by) == (
            run.id, "Recheck the 404 list", "Priya", "Priya")
        status, page = _get(served.url + f"?name=Priya&said=added-{item.id}")
        assert status == 200 and f"Added item {item.id} for Priya." in page
    finally:
        stop(served.process)
