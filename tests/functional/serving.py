"""A `tuneup serve` in a child process, for tests that talk to it over HTTP or in a browser."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
from dataclasses import dataclass


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Served:
    """A running `tuneup serve`, the address it printed, and everything it printed."""

    process: subprocess.Popen[str]
    url: str
    port: int
    output: list[str]


def start_serving(*args: str, timeout: float = 20) -> Served:
    """`tuneup serve ARGS` on a free port; returns once it printed the address to share."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "tuneup_tui", "serve", "--port", str(port), *args],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=os.environ.copy())
    output: list[str] = []
    threading.Thread(target=_drain, args=(process, output), daemon=True).start()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and process.poll() is None:
        for line in list(output):
            if "share this address:" in line:
                url = line.split("share this address:", 1)[1].strip()
                return Served(process, url, port, output)
        time.sleep(0.05)
    stop(process)
    raise AssertionError(f"tuneup serve printed no address: {''.join(output)!r}")


def _drain(process: subprocess.Popen[str], output: list[str]) -> None:
    assert process.stdout is not None
    for line in process.stdout:
        output.append(line)


def stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)

