"""Whatever a data file holds, its source gives a frame or one DataError line, never a crash.

Random bytes, canonical files cut short, the right text in the wrong encoding (UTF-16, cp1252),
huge fields and random CSV-ish text under a real header: `DataPack.frame(source)` returns a
frame with every schema column or raises a one-line DataError that the reader meant to raise
(not "could not read (SomeError: ...)", the catch-all for reader bugs); and a panel on such a
pack returns its result (maybe failed), never raises.
"""

from __future__ import annotations

import functools
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tuneup_tui.data.errors import DataError
from tuneup_tui.data.pack import DataPack
from tuneup_tui.data.period import review_period
from tuneup_tui.data.sources import SOURCES
from tuneup_tui.metrics.names import PANEL_NAMES
from tuneup_tui.metrics.registry import run_panel
from tuneup_tui.metrics.settings import panel_settings

AS_OF = date(2026, 11, 23)
FUZZ = settings(max_examples=40, deadline=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FEW = settings(max_examples=8, deadline=None,
               suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
SOURCE_NAMES = sorted(SOURCES)
# Characters that make CSV parsers work: separators, quotes, line ends, signs, units, dates.
CSV_ISH = ',,,"\n\r\t;0123456789-./:%$€ abcxyzE+'
ACCENTED = "Café Müller – “Q4” naïve"


@functools.lru_cache(maxsize=1)
def canonical() -> dict[str, bytes]:
    """The bytes of each canonical file of a tiny sample pack (made once per test process)."""
    from tuneup_tui.data.sample.generate import generate_sample

    with tempfile.TemporaryDirectory() as folder:
        generate_sample(Path(folder), AS_OF, scale=0.05, seed=7)
        return {p.stem: p.read_bytes() for p in Path(folder).glob("*.csv")}


def frame_or_error(source: str, data: bytes) -> pd.DataFrame | None:
    """Read `data` as the pack's only file for `source`; check whatever comes back."""
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / f"{source}.csv").write_bytes(data)
        try:
            df = DataPack.open(Path(folder)).frame(source)
        except DataError as err:
            text = str(err)
            assert text.strip() and "\n" not in text and "\r" not in text, repr(text)
            assert text.startswith(source), text
            assert "could not read (" not in text, f"a reader bug surfaced: {text}"
            return None
    assert isinstance(df, pd.DataFrame)
    assert list(df.columns) == [c.name for c in SOURCES[source].loaded]
    return df


@FUZZ
@given(source=st.sampled_from(SOURCE_NAMES), data=st.binary(max_size=3000))
def test_random_bytes(source: str, data: bytes) -> None:
    frame_or_error(source, data)


@FUZZ
@given(source=st.sampled_from(SOURCE_NAMES), cut=st.floats(0, 1))
def test_truncated_canonical_files(source: str, cut: float) -> None:
    data = canonical()[source]
    frame_or_error(source, data[: int(len(data) * cut)])


@FUZZ
@given(source=st.sampled_from(SOURCE_NAMES),
       encoding=st.sampled_from(["utf-16", "utf-16-le", "utf-16-be", "cp1252", "latin-1"]),
       accented=st.booleans())
def test_wrong_encodings(source: str, encoding: str, accented: bool) -> None:
    text = canonical()[source].decode("utf-8")
    if accented:
        # A text cell a spreadsheet user would type, in the second column of the first row.
        lines = text.splitlines()
        if len(lines) > 1:
            cells = lines[1].split(",")
            cells[min(1, len(cells) - 1)] = ACCENTED
            lines[1] = ",".join(cells)
        text = "\n".join(lines) + "\n"
    frame_or_error(source, text.encode(encoding, errors="replace"))


@FEW
@given(source=st.sampled_from(SOURCE_NAMES), size=st.integers(100_000, 3_000_000),
       quoted=st.booleans())
def test_huge_fields(source: str, size: int, quoted: bool) -> None:
    lines = canonical()[source].decode("utf-8").splitlines()
    width = len(lines[0].split(","))
    field = "x" * size
    if quoted:
        field = '"' + field.replace("x", "x,", 100) + '"'
    lines.insert(1, ",".join([field] * min(width, 2) + [""] * (width - 2)))
    frame_or_error(source, ("\n".join(lines) + "\n").encode("utf-8"))


@FUZZ
@given(source=st.sampled_from(SOURCE_NAMES),
       body=st.text(alphabet=st.sampled_from(CSV_ISH), max_size=600))
def test_random_csv_ish_text_under_a_real_header(source: str, body: str) -> None:
    header = canonical()[source].decode("utf-8").splitlines()[0]
    frame_or_error(source, (header + "\n" + body).encode("utf-8"))


@functools.lru_cache(maxsize=1)
def panels_reading() -> dict[str, tuple[str, ...]]:
    """Which panels read each source, seen by running every panel on the tiny pack once."""
    asked: dict[str, list[str]] = {}
    with tempfile.TemporaryDirectory() as folder:
        for name, content in canonical().items():
            (Path(folder) / f"{name}.csv").write_bytes(content)
        for panel in PANEL_NAMES:
            pack = DataPack.open(Path(folder))
            read = pack.frame

            def spy(source: str, panel: str = panel, read: Any = read) -> pd.DataFrame:
                asked.setdefault(source, []).append(panel)
                return read(source)

            pack.frame = spy  # type: ignore[method-assign]
            run_panel(panel, pack, review_period(AS_OF), panel_settings(None, panel, AS_OF))
    return {source: tuple(dict.fromkeys(panels)) for source, panels in asked.items()}


@FEW
@given(source=st.sampled_from(SOURCE_NAMES), data=st.binary(max_size=400),
       keep=st.floats(0, 1))
def test_panels_never_raise_on_a_broken_source(source: str, data: bytes, keep: float) -> None:
    files = dict(canonical())
    original = files[source]
    # Half the time a canonical file cut short, else random bytes.
    files[source] = original[: int(len(original) * keep)] if keep > 0.5 else data
    period = review_period(AS_OF)
    with tempfile.TemporaryDirectory() as folder:
        for name, content in files.items():
            (Path(folder) / f"{name}.csv").write_bytes(content)
        pack = DataPack.open(Path(folder))
        for name in panels_reading().get(source, ()):
            result = run_panel(name, pack, period, panel_settings(None, name, AS_OF))
            assert result.name == name
            if result.error is not None:
                assert "\n" not in result.error, result.error
