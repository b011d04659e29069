"""Writing files without ever losing what the user wrote.

Rewriting a file in place (``write_atomic``): the new content goes to a
temporary file in the same folder, is flushed and fsynced, gets the
original's permissions, owner and group, and then atomically replaces the
original (``os.replace``); a crash at any point leaves either the old file or
the new one, never half of either. A symbolic link is followed and its target
rewritten (the link stays a link). A file with other hard links is refused
(replacing it would split the links). A file that changed since it was read
(size, modification time or content) is not overwritten: it is compared just
before the replace, and the replaced original is checked again just after it,
so an edit that lands in between is put back rather than lost.

Writing a file of ours (a report: ``write_new``) goes the same safe way, but
only to a regular file or a new name: never over a device, a pipe, a folder
or one of the run's own inputs (``check_output_path``).

Temporary files are named ``.<name>.plainspeak-<pid>-<random>.tmp``; one left
by a run that was killed (its process is gone) is removed the next time
plainspeak writes beside it.
"""

from __future__ import annotations

import errno
import hashlib
import os
import re
import shutil
import stat
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import PlainspeakError
from .inputs import Snapshot


class WriteError(PlainspeakError):
    """A file could not be written; the original is untouched."""


@dataclass
class WriteResult:
    """Notes for the user about a write that succeeded (owner not kept, a stale
    temporary file removed); the caller prints them."""

    notes: list[str] = field(default_factory=list)


def write_atomic(path: str | Path, data: bytes, *, expected: Snapshot | None = None, backup: str | None = None) -> WriteResult:
    """Replace ``path``'s content with ``data``, keeping its permissions, owner and group.

    ``expected`` is the file as it was read: if it differs now, nothing is
    written. ``backup`` keeps a copy of the original as ``path + backup``
    (``--backup .orig``); an existing backup is never overwritten.
    """
    target = Path(os.path.realpath(path))
    try:
        info = target.stat()
    except FileNotFoundError:
        raise WriteError(f"{path}: the file is gone; nothing written") from None
    except OSError as err:
        raise WriteError(f"{path}: cannot check the file: {err.strerror or err}; not changed") from None
    if not stat.S_ISREG(info.st_mode):
        raise WriteError(f"{path}: is not a regular file; not changed")
    if info.st_nlink > 1:
        raise WriteError(
            f"{path}: has {info.st_nlink} hard links, which replacing it would split; not changed "
            "(fix a copy, or use --diff and apply the changes yourself)"
        )
    if expected is not None and (info.st_size, info.st_mtime_ns) != (expected.size, expected.mtime_ns):
        raise WriteError(f"{path}: changed on disk since it was read; not overwritten (run again)")
    # The permission bits say what the owner meant, even when we could write anyway (as root).
    if not os.access(target, os.W_OK) or not info.st_mode & stat.S_IWUSR:
        raise WriteError(f"{path}: is read-only; not changed")
    folder = target.parent.stat()
    if not os.access(target.parent, os.W_OK | os.X_OK) or not folder.st_mode & stat.S_IWUSR:
        raise WriteError(f"{path}: its folder is read-only, so it cannot be replaced safely; not changed")
    backup_path = Path(str(target) + backup) if backup else None
    if backup_path is not None and os.path.lexists(backup_path):
        raise WriteError(f"{path}: the backup {path}{backup} already exists; not overwritten, file not changed")
    result = WriteResult(_clean_stale_temporaries(target))
    try:
        with open(target, "rb") as original, _temporary(target, data, info, result) as tmp_name:
            _verify_unchanged(path, original, expected)
            if backup_path is not None:
                _copy_backup(target, backup_path)
            _replace(tmp_name, target)
            _fsync_dir(target.parent)
            _check_after_replace(path, target, original, info)  # after the fsync: a wider net
    except PermissionError:
        raise WriteError(f"{path}: permission denied writing in {target.parent}; not changed") from None
    except WriteError:
        raise
    except OSError as err:
        raise WriteError(f"{path}: cannot write: {err.strerror or err}; the original is unchanged") from None
    return result


def _verify_unchanged(path: str | Path, original, expected: Snapshot | None) -> None:
    """Just before the replace: the file on disk is still the one that was read."""
    if expected is None:
        return
    now = os.fstat(original.fileno())
    if (now.st_size, now.st_mtime_ns) != (expected.size, expected.mtime_ns) or _hash(original) != expected.sha256:
        raise WriteError(f"{path}: changed on disk since it was read; not overwritten (run again)")


def _check_after_replace(path, target: Path, original, info: os.stat_result) -> None:
    """Just after the replace: if a program that had the old file open wrote to it
    in the moment between the check and the replace, put its version back."""
    now = os.fstat(original.fileno())
    if (now.st_size, now.st_mtime_ns) == (info.st_size, info.st_mtime_ns):
        return
    original.seek(0)
    edited = original.read()
    with _temporary(target, edited, now, WriteResult()) as tmp_name:
        _replace(tmp_name, target)
    raise WriteError(
        f"{path}: changed on disk while it was being rewritten; the changed file was kept, not overwritten (run again)"
    )


def _hash(stream) -> str:
    stream.seek(0)
    digest = hashlib.sha256()
    for block in iter(lambda: stream.read(1 << 20), b""):
        digest.update(block)
    return digest.hexdigest()


def _copy_backup(target: Path, backup_path: Path) -> None:
    """Copy the original to a new file (never through a link, never over a file)."""
    fd = os.open(backup_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with open(target, "rb") as src, os.fdopen(fd, "wb") as dst:
            fd = -1
            shutil.copyfileobj(src, dst)
            dst.flush()
            os.fsync(dst.fileno())
        shutil.copystat(target, backup_path)
        _keep_owner(backup_path, os.stat(target), WriteResult())
    finally:
        if fd >= 0:
            os.close(fd)


TEMP_PREFIX = "plainspeak-"
TEMP_SUFFIX = ".tmp"


@contextmanager
def _temporary(target: Path, data: bytes, info: os.stat_result | None, result: WriteResult) -> Iterator[str]:
    """A fsynced temporary file with ``data`` beside ``target``, with ``info``'s
    permissions, owner and group; removed unless the block moved it into place."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as tmp:
            tmp.write(data)
            tmp.flush()
            os.fsync(tmp.fileno())
        os.chmod(name, stat.S_IMODE(info.st_mode) if info is not None else _new_file_mode())
        if info is not None:
            _keep_owner(Path(name), info, result)
        yield name
    finally:
        if os.path.lexists(name):
            with suppress(OSError):
                os.unlink(name)


def _keep_owner(path: Path, info: os.stat_result, result: WriteResult) -> None:
    """Give ``path`` the owner and group in ``info`` where this process may; say so where it may not."""
    if not hasattr(os, "chown"):  # pragma: no cover - Windows
        return
    for uid in (info.st_uid, -1):  # a user who may not give a file away may still give it to a group of theirs
        try:
            os.chown(path, uid, info.st_gid)
            break
        except OSError:
            continue
    now = os.stat(path)
    lost = [what for what, mine, theirs in (("owner", now.st_uid, info.st_uid), ("group", now.st_gid, info.st_gid))
            if mine != theirs]
    if lost:
        result.notes.append(
            f"{target_name(path)}: its {' and '.join(lost)} could not be kept (only its owner or root may); "
            "check who can read it now"
        )


def target_name(tmp: Path) -> str:
    """The file a temporary file of ours stands in for."""
    match = _TEMP_NAME.match(tmp.name)
    return str(tmp.with_name(match.group(1))) if match else str(tmp)


_TEMP_NAME = re.compile(r"^\.(.+)\." + re.escape(TEMP_PREFIX) + r"(\d+)-[^.]*" + re.escape(TEMP_SUFFIX) + "$")


def _clean_stale_temporaries(target: Path) -> list[str]:
    """Remove temporary files for ``target`` left by a plainspeak run that was
    killed mid-write (its process is gone); say what was removed."""
    return clean_stale_temporaries(target.parent, only=target.name)


def clean_stale_temporaries(folder: Path, *, only: str | None = None) -> list[str]:
    """Remove the temporary files in ``folder`` (for the file ``only``, or for any)
    that a plainspeak run killed mid-write left behind; one note per file removed."""
    notes: list[str] = []
    prefix = f".{only}.{TEMP_PREFIX}" if only is not None else "."
    try:
        names = [n for n in os.listdir(folder) if n.startswith(prefix) and n.endswith(TEMP_SUFFIX)]
    except OSError:
        return notes
    for name in names:
        match = _TEMP_NAME.match(name)
        if not match or (only is not None and match.group(1) != only) or _alive(int(match.group(2))):
            continue
        try:
            os.unlink(folder / name)
            notes.append(f"{folder / match.group(1)}: removed {name}, a temporary file left by an interrupted run")
        except OSError:
            pass
    return notes


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, ValueError):
        return True
    return True


def _new_file_mode() -> int:
    """0o666 less the umask, as any program creating a file would give it."""
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


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


def check_output_path(
    path: str | Path, inputs: Iterable[str | Path] = (), *, read_suffixes: tuple[str, ...] = ()
) -> Path:
    """The file a report or output may be written to, or a WriteError saying why not.

    A symbolic link is followed to its target. The target must be a regular
    file or a new name in an existing folder, and not one of ``inputs`` (the
    paths this run reads), nor a file with one of ``read_suffixes`` inside an
    input folder (the next run would read it as a draft), so a report never
    replaces a device, a pipe, a folder or a submission.
    """
    try:
        info: os.stat_result | None = os.stat(path)  # through any links: /dev/stdout is the pipe it names
    except FileNotFoundError:
        info = None  # a new name, or a link to one
    except OSError as err:
        if err.errno == errno.ELOOP:
            raise WriteError(f"{path}: symbolic link loop; nothing written") from None
        raise WriteError(f"{path}: cannot check the file: {err.strerror or err}; nothing written") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        kind = "a folder" if stat.S_ISDIR(info.st_mode) else "a device, pipe or socket, not a regular file"
        raise WriteError(f"{path}: is {kind}; choose a file name (nothing written)")
    target = Path(os.path.realpath(path))
    if not target.parent.is_dir():
        raise WriteError(f"{path}: the folder {target.parent} does not exist; nothing written")
    paths = [Path(item) for item in inputs]
    if any(_same_file(info, other) for other in paths):
        raise WriteError(f"{path}: is one of this run's inputs; choose another name (nothing written)")
    for item in paths:
        if read_suffixes and target.name.lower().endswith(read_suffixes) and item.is_dir():
            folder = Path(os.path.realpath(item))
            if folder == target.parent or folder in target.parents:
                raise WriteError(
                    f"{path}: is inside {item}, where it would be read as a draft next time; "
                    "choose another name or folder (nothing written)"
                )
    return target


def _same_file(info: os.stat_result | None, other: Path) -> bool:
    if info is None:
        return False
    try:
        other_info = other.stat()
    except OSError:
        return False
    return (info.st_dev, info.st_ino) == (other_info.st_dev, other_info.st_ino)


def write_new(
    path: str | Path, data: bytes, *, inputs: Iterable[str | Path] = (), read_suffixes: tuple[str, ...] = ()
) -> WriteResult:
    """Write a file of ours (a report) atomically; an existing regular file is
    replaced with its permissions, owner and group kept. See check_output_path."""
    target = check_output_path(path, inputs, read_suffixes=read_suffixes)
    try:
        info = target.stat()
    except FileNotFoundError:
        info = None
    result = WriteResult(_clean_stale_temporaries(target))
    try:
        with _temporary(target, data, info, result) as tmp_name:
            _replace(tmp_name, target)
        _fsync_dir(target.parent)
    except PermissionError:
        raise WriteError(f"{path}: permission denied writing in {target.parent}; nothing written") from None
    except OSError as err:
        raise WriteError(f"{path}: cannot write: {err.strerror or err}") from None
    return result


class AtomicOutput:
    """A text stream for a report that may be long (--output-file): written to a
    temporary file beside the target and moved into place when the run
    completes, so a failed or interrupted run leaves the old file (or none).
    The path is checked first, as for write_new."""

    def __init__(
        self, path: str | Path, *, inputs: Iterable[str | Path] = (), read_suffixes: tuple[str, ...] = ()
    ) -> None:
        self.path = path
        self.target = check_output_path(path, inputs, read_suffixes=read_suffixes)
        try:
            self.info: os.stat_result | None = self.target.stat()
        except FileNotFoundError:
            self.info = None
        self._tmp: str | None = None

    def __enter__(self):
        _clean_stale_temporaries(self.target)
        try:
            fd, self._tmp = tempfile.mkstemp(
                dir=self.target.parent, prefix=f".{self.target.name}.{TEMP_PREFIX}{os.getpid()}-", suffix=TEMP_SUFFIX
            )
        except OSError as err:
            raise WriteError(f"{self.path}: cannot write: {err.strerror or err}; nothing written") from None
        self._stream = os.fdopen(fd, "w", encoding="utf-8", newline="")
        return self._stream

    def __exit__(self, kind, error, trace) -> None:
        tmp = self._tmp
        assert tmp is not None
        try:
            if kind is None:
                self._stream.flush()
                os.fsync(self._stream.fileno())
            self._stream.close()
            if kind is None:
                os.chmod(tmp, stat.S_IMODE(self.info.st_mode) if self.info is not None else _new_file_mode())
                if self.info is not None:
                    _keep_owner(Path(tmp), self.info, WriteResult())
                _replace(tmp, self.target)
                _fsync_dir(self.target.parent)
        except OSError as err:
            if kind is None:
                raise WriteError(f"{self.path}: cannot write: {err.strerror or err}; nothing written") from None
        finally:
            if os.path.lexists(tmp):
                with suppress(OSError):
                    os.unlink(tmp)
