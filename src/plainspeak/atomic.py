"""Writing a file in place without ever losing what the user wrote.

The new content goes to a temporary file in the same folder, is flushed and
fsynced, gets the original's permissions, and then atomically replaces the
original (``os.replace``); a crash at any point leaves either the old file or
the new one, never half of either. A symbolic link is followed and its target
rewritten (the link stays a link). A file that changed on disk since it was
read is not overwritten.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import PlainspeakError


class WriteError(PlainspeakError):
    """A file could not be rewritten; the original is untouched."""


def write_atomic(path: Path, data: bytes, *, expected: tuple[int, int] | None = None, backup: str | None = None) -> None:
    """Replace ``path``'s content with ``data``.

    ``expected`` is the (size, mtime_ns) seen when the file was read: if the
    file differs now, nothing is written. ``backup`` keeps a copy of the
    original as ``path + backup`` (``--backup .orig``).
    """
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except FileNotFoundError:
        raise WriteError(f"{path}: the file is gone; nothing written") from None
    if expected is not None and (info.st_size, info.st_mtime_ns) != expected:
        raise WriteError(f"{path}: changed on disk since it was read; not overwritten (run again)")
    # The permission bits say what the owner meant, even when we could write anyway (as root).
    if not os.access(target, os.W_OK) or not info.st_mode & stat.S_IWUSR:
        raise WriteError(f"{path}: is read-only; not changed")
    folder = target.parent.stat()
    if not os.access(target.parent, os.W_OK | os.X_OK) or not folder.st_mode & stat.S_IWUSR:
        raise WriteError(f"{path}: its folder is read-only, so it cannot be replaced safely; not changed")
    backup_path = Path(str(path) + backup) if backup else None
    if backup_path is not None and backup_path.exists():
        raise WriteError(f"{path}: the backup {backup_path} already exists; not overwritten, file not changed")
    try:
        with _temporary(target, data, stat.S_IMODE(info.st_mode)) as tmp_name:
            if backup_path is not None:
                shutil.copy2(target, backup_path)
            _replace(tmp_name, target)
        _fsync_dir(target.parent)
    except PermissionError:
        raise WriteError(f"{path}: permission denied writing in {target.parent}; not changed") from None
    except OSError as err:
        raise WriteError(f"{path}: cannot write: {err.strerror or err}; the original is unchanged") from None


@contextmanager
def _temporary(target: Path, data: bytes, mode: int):
    """A fsynced temporary file with ``data`` beside ``target``; removed unless the
    block moved it into place."""
    tmp = tempfile.NamedTemporaryFile(dir=target.parent, prefix=f".{target.name}.", suffix=".plainspeak", delete=False)
    try:
        with tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(tmp.name, mode)
        yield tmp.name
    finally:
        if os.path.exists(tmp.name):
            try:
                os.unlink(tmp.name)
            except OSError:
                pass


def _replace(source: str, target: Path) -> None:
    os.replace(source, target)  # atomic on POSIX and Windows; a seam for failure tests


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:  # pragma: no cover - platforms without directory fds
        return
    try:
        os.fsync(fd)
    except OSError:  # pragma: no cover
        pass
    finally:
        os.close(fd)


def write_new(path: str | Path, data: bytes) -> None:
    """Write a file of ours (a report) atomically, replacing any old one."""
    target = Path(os.path.abspath(path))
    try:
        with _temporary(target, data, 0o644) as tmp_name:
            os.replace(tmp_name, target)
    except FileNotFoundError:
        raise WriteError(f"{path}: the folder does not exist") from None
    except OSError as err:
        raise WriteError(f"{path}: cannot write: {err.strerror or err}") from None
