"""Finding inputs (files, folders, stdin) and reading them into text, safely.

Every way an input can be unusable becomes an :class:`InputError` with a
one-line reason and, where it helps, a hint.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from ..errors import InputError

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
class Snapshot:
    """What a file was when it was read: enough to notice any later change,
    including a same-size edit whose modification time was put back."""

    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, data: bytes, info: os.stat_result) -> Snapshot:
        return cls(info.st_size, info.st_mtime_ns, hashlib.sha256(data).hexdigest())


@dataclass(frozen=True)
class SourceText:
    """The decoded text of a source, with what a safe rewrite of it needs."""

    source: Source
    text: str
    encoding: str = "utf-8"  # the codec it was decoded with, to encode it back the same
    snapshot: Snapshot | None = None  # the file as read, to notice later changes (None for stdin)


def discover(paths: Iterable[str], *, stdin_name: str = STDIN) -> Iterator[Source | InputError]:
    """Expand paths into sources in a stable order; errors are yielded, not raised.

    Folders are searched recursively for text files (TEXT_SUFFIXES), sorted by
    path, skipping hidden files and folders; a subfolder that cannot be read
    is reported. A path given explicitly is checked whatever its suffix.
    """
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            yield Source(stdin_name)
            continue
        path = Path(raw)
        problem = _path_problem(path)
        if problem is not None:
            yield InputError(raw, problem)
        elif path.is_dir():
            found = False
            for file in _walk(path):
                if isinstance(file, InputError):
                    yield file
                    continue
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
                yield InputError(raw, f"no {_suffix_list()} files in this folder")
        else:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield Source(raw, path)


def _suffix_list() -> str:
    return ", ".join(TEXT_SUFFIXES[:-1]) + " or " + TEXT_SUFFIXES[-1]


def _path_problem(path: Path) -> str | None:
    """Why a named path cannot be an input at all, or None."""
    try:
        os.stat(path)
    except FileNotFoundError:
        return "broken symbolic link" if path.is_symlink() else "no such file or folder"
    except OSError as err:
        if err.errno == errno.ELOOP:
            return "symbolic link loop"
        if err.errno == errno.EACCES:
            return "permission denied"
        return f"cannot read: {err.strerror or err}"
    return None


def _walk(root: Path) -> list[Path | InputError]:
    """Text files under ``root``, sorted by path ("a.txt" < "b/z.md" < "c.txt"),
    and an error for each subfolder that could not be read."""
    found: list[Path | InputError] = []

    def unreadable(err: OSError) -> None:
        name = err.filename or str(root)
        found.append(InputError(str(name), f"folder cannot be read ({err.strerror or err}); its files were skipped"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath) / n for n in filenames if not n.startswith(".") and n.lower().endswith(TEXT_SUFFIXES))

    def order(item: Path | InputError) -> tuple[str, ...]:
        return Path(item.name).parts if isinstance(item, InputError) else item.parts

    return sorted(found, key=order)


def read_source(source: Source, *, encoding: str = "utf-8", max_bytes: int, stdin: BinaryIO | None = None) -> SourceText:
    """Read and decode one source; raises InputError with a clear reason."""
    snapshot = None
    if source.is_stdin:
        if stdin is None and sys.stdin is None:
            raise InputError(source.name, "standard input is closed")
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_limited(stream, max_bytes, source.name)
    else:
        data, snapshot = _read_file(source, max_bytes)
    decoded = decode(data, source, encoding=encoding)
    return SourceText(source, decoded.text, decoded.encoding, snapshot)


@dataclass(frozen=True)
class Input:
    """One input of a run: where it came from, and its text or why it has none."""

    source: Source
    text: SourceText | None = None
    error: InputError | None = None

    @property
    def name(self) -> str:
        return self.source.name


def iter_inputs(
    paths: Iterable[str],
    *,
    stdin_name: str = STDIN,
    encoding: str | Callable[[Source], str] = "utf-8",
    max_bytes: int | Callable[[Source], int],
    stdin: BinaryIO | None = None,
) -> Iterator[Input]:
    """The one way every command reads drafts: paths found (folders searched) and
    read one at a time, in order; an input that cannot be read comes with its
    error, and the others still come. ``encoding`` and ``max_bytes`` may
    depend on the input (its configuration file), hence the callables."""
    for item in discover(paths, stdin_name=stdin_name):
        if isinstance(item, InputError):
            yield Input(Source(item.name, Path(item.name)), error=item)
            continue
        try:
            codec = encoding(item) if callable(encoding) else encoding
            limit = max_bytes(item) if callable(max_bytes) else max_bytes
            yield Input(item, text=read_source(item, encoding=codec, max_bytes=limit, stdin=stdin))
        except InputError as err:
            yield Input(item, error=err)


def _read_file(source: Source, max_bytes: int) -> tuple[bytes, Snapshot]:
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
            data = _read_limited(fh, max_bytes, source.name)
            return data, Snapshot.of(data, os.fstat(fh.fileno()))
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
        codec = text_codec(encoding)
    except LookupError as err:
        raise InputError(name, str(err)) from None
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


# Decodes the ASCII letters, digits, punctuation and line endings every text
# encoding shares; the codecs that don't are not text encodings (see text_codec).
_PROBE = "Aa Zz 09 .,;:!?'\"()-/\\u \r\n\t"


def text_codec(name: str) -> str:
    """The canonical name of a text encoding ("UTF_16" -> "utf-16", "utf8" -> "utf-8").

    Raises LookupError with a reason for names that are unknown or name a
    codec that is not a text encoding: rot13, base64, hex, zlib, punycode,
    unicode_escape, idna and "undefined" turn text into something else, so a
    draft read with them would be analysed, and rewritten, as nonsense.
    """
    try:
        info = codecs.lookup(name)
    except LookupError:
        raise LookupError(f"unknown encoding {name!r}") from None
    codec = info.name
    if getattr(info, "_is_text_encoding", True) and codec not in _NOT_TEXT:
        try:
            if _PROBE.encode(codec).decode(codec) == _PROBE:
                return codec
        except (UnicodeError, ValueError, TypeError):
            pass
    raise LookupError(f"{name!r} is not a text encoding; use one such as utf-8, cp1252, latin-1 or utf-16")


# Codecs that pass the round trip but rewrite what they decode: Python string escapes,
# domain names, punycode.
_NOT_TEXT = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode"})


def _human(size: int) -> str:
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{size:,} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value} GB"  # pragma: no cover
