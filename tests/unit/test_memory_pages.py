"""Reading a pack turns off numpy's request for huge memory pages (see data/memory_pages.py),
unless the person chose with NUMPY_MADVISE_HUGEPAGE. Each case runs in its own process, since
the switch is the process's."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

_AFTER_A_READ = """
import pandas as pd
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.memory_pages import _switch
switch = _switch()
before = switch(True)  # on, whatever numpy chose for this kernel
switch(before)
pack = DataPack.from_frames({"traffic": pd.DataFrame({
    "date": ["2026-11-16"], "source": ["google"], "medium": ["organic"], "sessions": [5],
    "goal_completions": [1]})})
pack.frame("traffic")
print(switch(True))  # what the request was after the read
"""


def _request_after_a_read(**env: str) -> str:
    clean = {k: v for k, v in os.environ.items() if k != "NUMPY_MADVISE_HUGEPAGE"}
    done = subprocess.run([sys.executable, "-c", _AFTER_A_READ], env={**clean, **env},
                          capture_output=True, text=True, timeout=120, check=True)
    return done.stdout.strip()


@pytest.mark.skipif(sys.platform != "linux", reason="numpy asks for huge pages on Linux only")
def test_reading_a_pack_turns_the_huge_page_request_off() -> None:
    assert _request_after_a_read() == "False"


def test_a_persons_own_choice_stands() -> None:
    assert _request_after_a_read(NUMPY_MADVISE_HUGEPAGE="1") == "True"
    assert _request_after_a_read(NUMPY_MADVISE_HUGEPAGE="0") == "False"
