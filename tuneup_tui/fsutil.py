"""Small file-system helpers shared by the core layers."""

from __future__ import annotations

import errno
import os
from pathlib import Path

PRIVATE_FILE = 0o600
"""The mode of a file holding the room's words (a summary, a copied or derived agenda), before
the user's umask takes away what it takes away: never more than the owner."""


def atomic_write_text(path: Path, text: str, *, mode: int = PRIVATE_FILE) -> None:
    """Write `text` to `path` so that a reader sees the old file or the new one, never half.

    The text goes to a temporary file in the same folder, is flushed to disk, then renamed over
    the target.
    """
    atomic_write_bytes(path, text.encode("utf-8"), mode=mode)


def atomic_write_bytes(path: Path, data: bytes, *, mode: int = PRIVATE_FILE) -> None:
    """Write `data` to `path` atomically (temp file in the same folder, fsync, rename); its
    mode is `mode` less the user's umask, and a missing folder is made owner-only."""
    import tempfile

    private_folder(path.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode & ~current_umask())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back at once)."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


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


MAX_AGENDA_BYTES = 4 * 1024**2
"""An agenda is a few KB of TOML; anything past 4 MB is not one."""
MAX_EXPORT_BYTES = 2 * 1024**3
"""An export is read whole into memory (pandas' C parser wants it whole), so one file is capped
at 2 GB: a year of a large site's daily rows is a few hundred MB."""


class FileRefused(OSError):
    """A file that is not read: not a regular file (a FIFO would wait forever, a device never
    ends), or larger than the cap for its kind. `strerror` says which, in the user's words."""


def check_readable_file(path: Path, limit: int) -> None:
    """FileRefused unless `path` is a regular file of at most `limit` bytes (checked with
    stat, which never waits on a FIFO); the OSError of stat itself (no such file) as it is."""
    import stat

    info = os.stat(path)
    if stat.S_ISDIR(info.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if not stat.S_ISREG(info.st_mode):
        kind = "a named pipe (FIFO)" if stat.S_ISFIFO(info.st_mode) else "a device or socket"
        raise FileRefused(0, f"is {kind}, not a regular file", str(path))
    if info.st_size > limit:
        raise FileRefused(0, f"is {_size(info.st_size)}; files up to {_size(limit)} are read",
                          str(path))


def refuse_special_target(path: Path) -> None:
    """FileRefused when `path` exists and is not a regular file: `--force` replaces a file, never
    a device, a FIFO or a socket (a rename over /dev/null would replace the device node)."""
    import stat

    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    if not stat.S_ISREG(info.st_mode):
        raise FileRefused(0, "exists and is not a regular file; give a file name to write",
                          str(path))


def _size(count: int) -> str:
    for unit, size in (("GB", 1024**3), ("MB", 1024**2), ("KB", 1024)):
        if count >= size:
            return f"{count / size:.1f} {unit}"
    return f"{count} bytes"
