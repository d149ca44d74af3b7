"""The parsed-source cache: a reopened pack gives the same tables without parsing its files, and
an entry is never trusted over the file it came from (changed files, a changed reader, damaged
entries: each is read again)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

import tuneup_tui.data.cache_text as cache_text
import tuneup_tui.data.presets.registry as registry
import tuneup_tui.data.source_cache as source_cache
from tuneup_tui.data.pack import DataPack

EXPORTS = Path(__file__).resolve().parents[1] / "fixtures" / "exports"

LEADS = (
    "lead_id,created_at,program,score,status,sent_to_sales_at,territory\n"
    "L1,2026-11-16 09:05:00,Webinar,72,Working,2026-11-17 14:30:00,East\n"
    "L2,2026-11-18,Brand - Search,,Open,,\n"
    "L3,2026-11-20 16:45:00,Webinär ✓,1020.5,Qualified,,West\n"
)
CRM = (
    "lead_id,owner,territory,status,first_touch_at,opportunity_id,bad_data\n"
    "L1,Ana,East,Working,2026-11-17,,no\n"
    "L2,Bo,,Open,,O-1,yes\n"
)


@pytest.fixture
def pack_dir(tmp_path: Path) -> Path:
    root = tmp_path / "pack"
    root.mkdir()
    (root / "leads.csv").write_text(LEADS, encoding="utf-8")
    (root / "crm.csv").write_text(CRM, encoding="utf-8")
    return root


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The files read from disk by a preset or the canonical reader (not from the cache)."""
    seen: list[str] = []
    real = registry.read_source

    def counted(source_file):  # type: ignore[no-untyped-def]
        seen.append(source_file.path.name)
        return real(source_file)

    monkeypatch.setattr(registry, "read_source", counted)
    return seen


def frames(root: Path) -> dict[str, pd.DataFrame]:
    pack = DataPack.open(root)
    out = {s: pack.frame(s) for s in ("leads", "crm")}
    source_cache.wait_for_writes()  # entries are written in a thread of their own
    return out


def entries(home: Path) -> list[Path]:
    return sorted((home / "cache" / "sources").glob("*"))


def test_a_reopened_pack_gives_the_same_tables_without_reading_its_files(
        pack_dir: Path, reads: list[str], tuneup_home: Path) -> None:
    first = frames(pack_dir)
    assert sorted(reads) == ["crm.csv", "leads.csv"]
    assert len(entries(tuneup_home)) == 4  # a manifest and a data file per file
    again = frames(pack_dir)
    assert sorted(reads) == ["crm.csv", "leads.csv"]  # nothing read a second time
    for source in first:
        pd.testing.assert_frame_equal(again[source], first[source])
    leads = again["leads"]
    assert leads["program"].tolist() == ["Webinar", "Brand - Search", "Webinär ✓"]
    assert pd.isna(leads["territory"][1]) and pd.isna(leads["score"][1])
    assert pd.isna(leads["sent_to_sales_at"][1])
    assert leads["created_at"][0] == pd.Timestamp("2026-11-16 09:05")
    assert again["crm"]["bad_data"].tolist() == [False, True]
    assert str(leads["lead_id"].dtype) == "str"


def test_a_reopened_export_keeps_its_period_notes_and_dropped_lines(
        tmp_path: Path, reads: list[str]) -> None:
    root = tmp_path / "pack"
    shutil.copytree(EXPORTS / "ga4", root)
    first = DataPack.open(root)
    frame = first.frame("traffic")
    source_cache.wait_for_writes()
    again = DataPack.open(root)
    count = len(reads)
    pd.testing.assert_frame_equal(again.frame("traffic"), frame)
    assert len(reads) == count
    assert again.notes("traffic") == first.notes("traffic")
    assert [t.period for t in again._tables["traffic"]] == \
        [t.period for t in first._tables["traffic"]]
    assert [t.dropped for t in again._tables["traffic"]] == \
        [t.dropped for t in first._tables["traffic"]]
    assert any(t.period is not None for t in first._tables["traffic"])


def test_a_file_changed_in_place_is_read_again_even_at_the_same_size_and_time(
        pack_dir: Path, reads: list[str]) -> None:
    frames(pack_dir)
    leads = pack_dir / "leads.csv"
    stat = leads.stat()
    leads.write_text(LEADS.replace("Working", "Junkish"), encoding="utf-8")
    os.utime(leads, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert leads.stat().st_size == stat.st_size
    assert frames(pack_dir)["leads"]["status"][0] == "Junkish"
    assert reads.count("leads.csv") == 2 and reads.count("crm.csv") == 1


def test_a_changed_file_replaces_its_entry(pack_dir: Path, reads: list[str],
                                           tuneup_home: Path) -> None:
    frames(pack_dir)
    (pack_dir / "leads.csv").write_text(LEADS + "L4,2026-11-21,Webinar,1,Open,,East\n",
                                        encoding="utf-8")
    assert len(frames(pack_dir)["leads"]) == 4
    assert len(frames(pack_dir)["leads"]) == 4
    assert reads.count("leads.csv") == 2
    assert len(entries(tuneup_home)) == 4  # the old entry was replaced, not kept beside


def test_a_changed_reader_does_not_use_old_entries(pack_dir: Path, reads: list[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    frames(pack_dir)
    monkeypatch.setattr(source_cache, "reader_version", lambda: "another reader")
    frames(pack_dir)
    assert sorted(reads) == ["crm.csv", "crm.csv", "leads.csv", "leads.csv"]


def test_the_reader_version_follows_the_data_layers_source() -> None:
    version = source_cache.reader_version()
    assert len(version) == 24 and version == source_cache.reader_version()


@pytest.mark.parametrize("where", [0, 1, 63, 64, 200, -1])
def test_a_damaged_data_file_is_read_again_and_rebuilt(
        pack_dir: Path, reads: list[str], tuneup_home: Path, where: int) -> None:
    first = frames(pack_dir)
    for data in (p for p in entries(tuneup_home) if p.suffix == ".bin"):
        raw = bytearray(data.read_bytes())
        raw[where] ^= 0xFF
        data.write_bytes(bytes(raw))
    again = frames(pack_dir)
    for source in first:
        pd.testing.assert_frame_equal(again[source], first[source])
    assert sorted(reads) == ["crm.csv", "crm.csv", "leads.csv", "leads.csv"]
    frames(pack_dir)  # the rebuilt entries are good again
    assert len(reads) == 4


@pytest.mark.parametrize("damage", ["truncate", "extend", "empty", "manifest-byte",
                                    "manifest-cut", "manifest-gone", "data-gone"])
def test_a_broken_entry_is_a_miss_never_an_error(
        pack_dir: Path, reads: list[str], tuneup_home: Path, damage: str) -> None:
    first = frames(pack_dir)
    for path in entries(tuneup_home):
        raw = path.read_bytes()
        if path.suffix == ".bin":
            if damage == "truncate":
                path.write_bytes(raw[:len(raw) // 2])
            elif damage == "extend":
                path.write_bytes(raw + b"\0" * 64)
            elif damage == "empty":
                path.write_bytes(b"")
            elif damage == "data-gone":
                path.unlink()
        elif damage == "manifest-byte":
            at = raw.index(b'"rows": ') + 8  # a digit of the row count: still valid JSON
            path.write_bytes(raw[:at] + bytes([raw[at] ^ 1]) + raw[at + 1:])
        elif damage == "manifest-cut":
            path.write_bytes(raw[:-10])
        elif damage == "manifest-gone":
            path.unlink()
    again = frames(pack_dir)
    for source in first:
        pd.testing.assert_frame_equal(again[source], first[source])
    assert len(reads) == 4


def test_an_entry_naming_an_object_array_is_refused(pack_dir: Path, reads: list[str],
                                                     tuneup_home: Path) -> None:
    """Even a well-formed manifest cannot make the cache build Python objects from bytes."""
    first = frames(pack_dir)
    for manifest in (p for p in entries(tuneup_home) if p.suffix == ".json"):
        data = json.loads(manifest.read_text())
        data["columns"][0]["arrays"][0]["dtype"] = "|O"
        data["checksum"] = source_cache._checksum(data)
        manifest.write_text(json.dumps(data))
    again = frames(pack_dir)
    pd.testing.assert_frame_equal(again["leads"], first["leads"])
    assert len(reads) == 4


def test_a_cache_that_cannot_be_written_is_no_error(pack_dir: Path, reads: list[str],
                                                     tuneup_home: Path) -> None:
    (tuneup_home / "cache").write_text("not a folder")
    assert len(frames(pack_dir)["leads"]) == 3
    assert len(frames(pack_dir)["leads"]) == 3
    assert reads.count("leads.csv") == 2


def test_the_cache_is_private_to_its_owner(pack_dir: Path, tuneup_home: Path) -> None:
    frames(pack_dir)
    for path in entries(tuneup_home):
        assert path.stat().st_mode & 0o077 == 0


def _text(codes: np.ndarray, blob: np.ndarray, lengths: np.ndarray) -> pd.Series:
    """A "str" column of an entry back from its three arrays."""
    return cache_text.coded_text(codes, cache_text.coded_values(blob, lengths))


def test_text_holding_a_nul_survives(tmp_path: Path) -> None:
    values = pd.Series(["a\0b", None, "", "c", "a\0b"], dtype="str")
    frame = pd.DataFrame({"text": values})
    columns = source_cache._columns(frame)
    assert columns is not None
    codes, blob, lengths = columns[0][2]
    back = _text(codes, blob, lengths)
    pd.testing.assert_series_equal(back, values, check_names=False)
    assert source_cache._columns(pd.DataFrame({"x": [object()]})) is None
    assert source_cache._columns(pd.DataFrame({"x": np.arange(3)}, index=[3, 4, 5])) is None


def test_ids_are_kept_as_plain_text_and_names_as_codes() -> None:
    ids = pd.Series([f"L{i}" for i in range(50)] + [None, "L3"], dtype="str")
    names = pd.Series((["East", "West", None] * 18)[:52], dtype="str")
    columns = source_cache._columns(pd.DataFrame({"id": ids, "name": names}))
    assert columns is not None
    (_, id_kind, id_parts), (_, name_kind, name_parts) = columns
    assert (id_kind, name_kind) == ("plain", "str")
    pd.testing.assert_series_equal(source_cache._plain_text(*id_parts), ids, check_names=False)
    pd.testing.assert_series_equal(_text(*name_parts), names, check_names=False)



def test_ids_that_repeat_are_kept_as_codes() -> None:
    # 65,536 rows: every 4th is looked at, 16,384 cells. Row i holds value (i // 4) % d, so
    # the sample holds d distinct values and 16,384 - d repeats.
    def column(d: int) -> np.ndarray:
        return np.array([f"L{(i // 4) % d}" for i in range(65_536)], dtype=object)

    # d = 10,000: 6,384 repeats (under half the sample); about 16,384**2 / (2 * 6,384) =
    # 21,025 distinct values are guessed, under a third of the rows (21,845): coded
    assert not cache_text._mostly_different(column(10_000))
    # d = 11,000: 5,384 repeats, 24,930 guessed, over a third: plain
    assert cache_text._mostly_different(column(11_000))
    # every value once: no repeats, plain; one value: all repeats, coded
    assert cache_text._mostly_different(column(65_536))
    assert not cache_text._mostly_different(column(1))
    values = column(10_000)
    kind, parts = cache_text.text_arrays(values) or ("", [])
    assert kind == "str"
    pd.testing.assert_series_equal(_text(*parts), pd.Series(values, dtype="str"))


def test_a_plan_typed_by_hand_keeps_its_rows_set_aside_and_places(
        tmp_path: Path, reads: list[str]) -> None:
    root = tmp_path / "pack"
    root.mkdir()
    (root / "targets.csv").write_text(
        "period,figure,target,tactic\n2026-11,leads,120,\n2026-11,cost_per_lead,lots,Paid\n"
        "2026-W47,sessions,5000,\n", encoding="utf-8")
    first = DataPack.open(root)
    frame = first.frame("targets")
    source_cache.wait_for_writes()
    again = DataPack.open(root)
    pd.testing.assert_frame_equal(again.frame("targets"), frame)
    assert again.row_places("targets") == first.row_places("targets") == (
        "targets.csv row 2", "targets.csv row 4")
    assert again.set_aside("targets") == first.set_aside("targets")
    assert len(first.set_aside("targets")) == 1
    assert reads == ["targets.csv"]  # the second open read the plan from the cache
