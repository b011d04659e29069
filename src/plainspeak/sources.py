"""Finding inputs (files, folders, stdin) and reading them into text, safely.

Every way an input can be unusable becomes an :class:`InputError` with a
one-line reason and, where it helps, a hint.
"""

from __future__ import annotations

import codecs
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Iterable, Iterator

from .errors import InputError

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
STDIN = "-"
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Source:
    """One input: ``name`` is what reports call it (a path, or ``-`` for stdin)."""

    name: str
    path: Path | None = None  # None for stdin

    @property
    def is_stdin(self) -> bool:
        return self.path is None


@dataclass(frozen=True)
class SourceText:
    """The decoded text of a source, with what a safe rewrite of it needs."""

    source: Source
    text: str
    encoding: str = "utf-8"  # the codec it was decoded with, to encode it back the same
    stamp: tuple[int, int] | None = None  # (size, mtime_ns) when read, to notice later changes


def discover(paths: Iterable[str], *, stdin_name: str = STDIN) -> Iterator[Source | InputError]:
    """Expand paths into sources in a stable order; errors are yielded, not raised.

    Folders are searched recursively for text files (``.txt``, ``.md``), sorted
    by path, skipping hidden files and folders. A path given explicitly is
    checked whatever its suffix.
    """
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            yield Source(stdin_name)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for file in _walk(path):
                found = True
                try:
                    key = file.resolve()
                except (OSError, RuntimeError):  # a symbolic link loop
                    yield InputError(str(file), "symbolic link loop")
                    continue
                if key not in seen:
                    seen.add(key)
                    yield Source(str(file), file)
            if not found:
                yield InputError(raw, f"no {' or '.join(TEXT_SUFFIXES[:2])} files in this folder")
        elif path.exists():
            try:
                key = path.resolve()
            except (OSError, RuntimeError):
                yield InputError(raw, "symbolic link loop")
                continue
            if key not in seen:
                seen.add(key)
                yield Source(raw, path)
        elif path.is_symlink():
            yield InputError(raw, "broken symbolic link")
        else:
            yield InputError(raw, "no such file or folder")


def _walk(root: Path) -> list[Path]:
    """Text files under ``root``, sorted by path ("a.txt" < "b/z.md" < "c.txt")."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath) / n for n in filenames if not n.startswith(".") and n.lower().endswith(TEXT_SUFFIXES))
    return sorted(found, key=lambda p: p.parts)


def read_source(source: Source, *, encoding: str = "utf-8", max_bytes: int, stdin: BinaryIO | None = None) -> SourceText:
    """Read and decode one source; raises InputError with a clear reason."""
    stamp = None
    if source.is_stdin:
        if stdin is None and sys.stdin is None:
            raise InputError(source.name, "standard input is closed")
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_limited(stream, max_bytes, source.name)
    else:
        data, stamp = _read_file(source, max_bytes)
    decoded = decode(data, source, encoding=encoding)
    return SourceText(source, decoded.text, decoded.encoding, stamp)


def _read_file(source: Source, max_bytes: int) -> tuple[bytes, tuple[int, int]]:
    path = source.path
    assert path is not None
    try:
        if not path.exists():
            raise InputError(source.name, "no such file or folder")
        if path.is_dir():
            raise InputError(source.name, "is a folder, not a file")
        if not path.is_file():
            raise InputError(source.name, "is not a regular file")
        info = path.stat()
        if info.st_size > max_bytes:
            raise InputError(source.name, f"is {_human(info.st_size)}, over the {_human(max_bytes)} limit (raise it with --max-bytes)")
        with open(path, "rb") as fh:
            return _read_limited(fh, max_bytes, source.name), (info.st_size, info.st_mtime_ns)
    except PermissionError:
        raise InputError(source.name, "permission denied") from None
    except OSError as err:
        raise InputError(source.name, f"cannot read: {err.strerror or err}") from None


def _read_limited(stream: BinaryIO, max_bytes: int, name: str) -> bytes:
    data = stream.read(max_bytes + 1)
    if len(data) > max_bytes:
        raise InputError(name, f"is over the {_human(max_bytes)} limit (raise it with --max-bytes)")
    return data


def decode(data: bytes, source: Source, *, encoding: str = "utf-8") -> SourceText:
    """Decode bytes, refusing binary data, bad encodings and empty text.

    A UTF-8 byte-order mark stays in the text (as U+FEFF), so offsets count it.
    """
    name = source.name
    try:
        codec = codecs.lookup(encoding).name  # "UTF_16" -> "utf-16", "utf8" -> "utf-8"
    except LookupError:
        raise InputError(name, f"unknown encoding {encoding!r}") from None
    wide = codec.startswith(("utf-16", "utf-32"))
    if codec in ("utf-16", "utf-32"):
        # Keep the byte order and the BOM: decode with the explicit codec, so the BOM stays
        # in the text (as U+FEFF) and encoding back gives the same bytes.
        size = 2 if codec == "utf-16" else 4
        big = data[:size] in (b"\xfe\xff", b"\x00\x00\xfe\xff")
        codec = f"{codec}-{'be' if big else 'le'}"
    if not wide and b"\x00" in data[:_SNIFF_BYTES]:
        hint = " (if it is UTF-16 text, pass --encoding utf-16)" if data[:2] in (b"\xff\xfe", b"\xfe\xff") else ""
        raise InputError(name, f"looks like a binary file, not text{hint}")
    try:
        text = data.decode("utf-8" if codec == "utf-8-sig" else codec)
    except UnicodeDecodeError as err:
        hint = " (pass --encoding, e.g. --encoding cp1252)" if codec == "utf-8" else ""
        line = data[: err.start].count(b"\n") + 1
        raise InputError(
            name, f"is not valid {encoding} text: byte 0x{data[err.start]:02x} at offset {err.start} (line {line}){hint}"
        ) from None
    if not text.replace("\ufeff", "").strip():
        raise InputError(name, "is empty" if not data else "has no text (only white space)")
    return SourceText(source, text, "utf-8" if codec == "utf-8-sig" else codec)  # the BOM is in the text


def _human(size: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1000 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1000
    return f"{size} GB"  # pragma: no cover
