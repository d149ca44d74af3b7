"""Small file-system helpers shared by the core layers."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def atomic_write_text(path: Path, text: str, *, mode: int = 0o644) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never half.

    The text goes to a temporary file in the same folder, is flushed to disk, then renamed over
    the target.
    """
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = 0o644) -> None:
    """Write `data` to `path` atomically (temp file in the same folder, fsync, rename)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def private_folder(folder: Path) -> Path:
    """Create `folder` (and any missing parent) readable by its owner only (0700); a folder that
    already exists is left as it is: its owner chose its mode."""
    missing: list[Path] = []
    current = Path(folder)
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for created in reversed(missing):
        created.mkdir(mode=0o700, exist_ok=True)
        # mkdir's mode is filtered by the umask, which can only remove bits: 0700 or less.
    return folder
