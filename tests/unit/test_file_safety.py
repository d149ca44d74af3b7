"""Files holding the room's words are owner-only and follow the umask; special files are
neither read nor replaced."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tuneup_tui.agenda.load import AgendaError, load_agenda
from tuneup_tui.fsutil import FileRefused, atomic_write_text, check_readable_file


@pytest.fixture
def umask_077() -> Iterator[None]:
    old = os.umask(0o077)
    yield
    os.umask(old)


def test_summary_files_are_owner_only_under_the_usual_umask(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        atomic_write_text(tmp_path / "runs" / "3" / "summary.md", "# Notes")
    finally:
        os.umask(old)
    assert (tmp_path / "runs" / "3" / "summary.md").stat().st_mode & 0o777 == 0o600
    assert (tmp_path / "runs" / "3").stat().st_mode & 0o777 == 0o700
    assert (tmp_path / "runs").stat().st_mode & 0o777 == 0o700


def test_a_stricter_umask_is_followed(tmp_path: Path) -> None:
    old = os.umask(0o277)
    try:
        atomic_write_text(tmp_path / "summary.md", "# Notes")
    finally:
        os.umask(old)
    assert (tmp_path / "summary.md").stat().st_mode & 0o777 == 0o400


def test_copied_agenda_is_owner_only(tmp_path: Path, umask_077: None) -> None:
    result = subprocess.run([sys.executable, "-m", "tuneup_tui", "agenda", "copy",
                             "one-day-tuneup", str(tmp_path / "mine.toml")],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "mine.toml").stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("command", [
    ["agenda", "copy", "one-day-tuneup", "{target}", "--force"],
    ["agenda", "derive", "--from", "one-day-tuneup", "--cadence", "week", "--out", "{target}",
     "--force"],
])
def test_force_never_replaces_a_special_file(tmp_path: Path, command: list[str]) -> None:
    target = tmp_path / "pipe.toml"
    os.mkfifo(target)
    words = [w.replace("{target}", str(target)) for w in command]
    result = subprocess.run([sys.executable, "-m", "tuneup_tui", *words],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "not a regular file" in result.stderr
    assert result.stderr.count("\n") == 1
    assert target.is_fifo()


def test_a_fifo_given_as_an_agenda_is_refused_not_waited_on(tmp_path: Path) -> None:
    fifo = tmp_path / "agenda.toml"
    os.mkfifo(fifo)
    with pytest.raises(AgendaError, match="named pipe"):
        load_agenda(fifo)
    result = subprocess.run([sys.executable, "-m", "tuneup_tui", "agenda", "check", str(fifo)],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "named pipe (FIFO), not a regular file" in result.stderr


def test_a_file_past_the_cap_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "traffic.csv"
    with big.open("wb") as handle:
        handle.truncate(3 * 1024**2)  # sparse: nothing is written
    with pytest.raises(FileRefused, match=r"3\.0 MB; files up to 2\.0 MB"):
        check_readable_file(big, 2 * 1024**2)
    check_readable_file(big, 4 * 1024**2)


def test_an_export_that_is_a_fifo_is_refused(tmp_path: Path) -> None:
    from tuneup_tui.data.errors import DataError
    from tuneup_tui.data.read import read_canonical_csv

    fifo = tmp_path / "traffic.csv"
    os.mkfifo(fifo)
    with pytest.raises(DataError, match="not a regular file"):
        read_canonical_csv(fifo, "traffic")
