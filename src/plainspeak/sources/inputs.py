"""Finding inputs (files, folders, stdin) and reading them into text, safely.

Every way an input can be unusable becomes an :class:`InputError` with a
one-line reason and, where it helps, a hint.
"""

from __future__ import annotations

import codecs
import errno
import hashlib
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..errors import InputError
from ..suffixes import DOCUMENT_SUFFIXES, FOLDER_SUFFIXES

if TYPE_CHECKING:
    from ..documents.model import Document
    from .windows import Windowed

AUTO = "auto"  # the default encoding: UTF-8 (or a BOM's), else detected
STDIN = "-"
_SNIFF_BYTES = 8192


@dataclass(frozen=True)
class Source:
    """One input: ``name`` is what reports call it (a path, ``-`` for stdin, or a
    student's name for a submission in a learning platform's export)."""

    name: str
    path: Path | None = None  # None for stdin; the export for a submission in one
    # A submission inside an export: its file name (whose suffix says how to read
    # it) and its bytes, read when the export was opened.
    member: str | None = None
    data: bytes | None = field(default=None, repr=False, compare=False)

    @property
    def is_stdin(self) -> bool:
        return self.path is None

    @property
    def in_export(self) -> bool:
        return self.member is not None


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
    encoding: str | None = "utf-8"  # the codec it was decoded with, to encode it back the same (None: a document)
    snapshot: Snapshot | None = None  # the file as read, to notice later changes (None for stdin)
    document: Document | None = None  # for a .docx, .pdf, .html ...: the blocks the text came from
    detected: bool = False  # the encoding was guessed (the text was not UTF-8), not given
    # a huge UTF-8 file read in windows by check (sources/windows.py); ``text`` is then empty
    windowed: Windowed | None = None

    @property
    def format(self) -> str:
        return self.document.format if self.document is not None else "text"


def discover(paths: Iterable[str], *, stdin_name: str = STDIN,
             suffixes: Iterable[str] | None = None) -> Iterator[Source | InputError]:
    """Expand paths into sources in a stable order; errors are yielded, not raised.

    Folders are searched recursively for the files plainspeak reads (``suffixes``,
    by default FOLDER_SUFFIXES), sorted by path, skipping hidden files and
    folders; a subfolder that cannot be read is reported. A path given
    explicitly is checked whatever its suffix.
    """
    wanted = FOLDER_SUFFIXES if suffixes is None else tuple(s.lower() for s in suffixes)
    seen: set[Path] = set()
    for raw in paths:
        if raw == STDIN:
            yield Source(stdin_name)
            continue
        path = Path(raw)
        problem = _path_problem(path)
        if problem is not None:
            yield InputError(raw, problem)
        elif _is_export(path):
            yield from _export_sources(path, raw)
        elif path.is_dir():
            found = False
            for file in _walk(path, wanted):
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
                yield InputError(raw, f"no {_suffix_list(wanted)} files in this folder")
        else:
            key = path.resolve()
            if key not in seen:
                seen.add(key)
                yield Source(raw, path)


def is_our_output(filename: str) -> bool:
    """An annotated copy plainspeak wrote (NAME.annotated.docx or .html): never read back
    as a draft when its folder is searched."""
    return ".annotated." in filename.lower() and filename.lower().endswith((".annotated.docx", ".annotated.html"))


def _is_export(path: Path) -> bool:
    """A learning platform's submissions export: a .zip file, or a folder laid out as one."""
    if path.is_file():
        return path.suffix.lower() == ".zip"
    if not path.is_dir():
        return False
    from ..documents.lms import is_export

    return is_export(path)


def _export_sources(path: Path, raw: str) -> Iterator[Source | InputError]:
    """One source per submission in an export, named by the student as the export
    names them (with the file name when a student handed in more than one)."""
    from ..documents.lms import iter_submissions

    try:
        submissions = list(iter_submissions(path))
    except InputError as err:
        yield InputError(raw, err.reason)
        return
    per_student: dict[str, int] = {}
    for item in submissions:
        per_student[item.student] = per_student.get(item.student, 0) + 1
    if not submissions:
        yield InputError(raw, "is not a Moodle or Canvas submissions export with files plainspeak reads; "
                              "unpack it and check the folder")
    for item in submissions:
        name = item.student if per_student[item.student] == 1 else f"{item.student} ({item.filename})"
        if item.error is not None:
            yield InputError(name, item.error.reason)
        else:
            yield Source(name, path, item.filename, item.data)


def _suffix_list(suffixes: tuple[str, ...]) -> str:
    shown = [s for s in suffixes if s != ".doc"] or list(suffixes)
    return shown[0] if len(shown) == 1 else ", ".join(shown[:-1]) + " or " + shown[-1]


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


def _walk(root: Path, suffixes: tuple[str, ...]) -> list[Path | InputError]:
    """Files with these suffixes under ``root``, sorted by path ("a.txt" < "b/z.md" < "c.txt"),
    and an error for each subfolder that could not be read."""
    found: list[Path | InputError] = []

    def unreadable(err: OSError) -> None:
        name = err.filename or str(root)
        found.append(InputError(str(name), f"folder cannot be read ({err.strerror or err}); its files were skipped"))

    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath) / n for n in filenames
                     if not n.startswith(".") and n.lower().endswith(suffixes) and not is_our_output(n))

    def order(item: Path | InputError) -> tuple[str, ...]:
        return Path(item.name).parts if isinstance(item, InputError) else item.parts

    return sorted(found, key=order)


def read_source(source: Source, *, encoding: str = AUTO, max_bytes: int, stdin: BinaryIO | None = None,
                windowed: bool = False) -> SourceText:
    """Read one source: a document through its reader (by suffix), anything else
    as text; raises InputError with a clear reason. ``windowed`` (check): a huge
    UTF-8 text file is not read here but in windows as it is analysed."""
    snapshot = None
    if source.is_stdin:
        if stdin is None and sys.stdin is None:
            raise InputError(source.name, "standard input is closed")
        stream = stdin if stdin is not None else sys.stdin.buffer
        data = _read_limited(stream, max_bytes, source.name)
    elif source.member is not None:  # a submission in an export: already read
        data = source.data or b""
        if len(data) > max_bytes:
            raise InputError(source.name, f"is {_human(len(data))}, over the {_human(max_bytes)} limit (raise it with --max-bytes)")
        suffix = Path(source.member).suffix.lower()
        if suffix == ".doc" or suffix in DOCUMENT_SUFFIXES:
            from ..documents import read_document

            document = read_document(data, name=source.name, suffix=suffix)
            return SourceText(source, document.text, None, None, document)
    else:
        assert source.path is not None
        suffix = source.path.suffix.lower()
        if suffix == ".doc" or suffix in DOCUMENT_SUFFIXES:
            from ..documents import read_document

            data, snapshot = _read_file(source, max_bytes)
            document = read_document(data, name=source.name, suffix=suffix)
            return SourceText(source, document.text, None, snapshot, document)
        if windowed and encoding.lower() in (AUTO, "utf-8", "utf8"):
            huge = _windowed(source, max_bytes)
            if huge is not None:
                return SourceText(source, "", "utf-8", windowed=huge)
        data, snapshot = _read_file(source, max_bytes)
    decoded = decode(data, source, encoding=encoding)
    return replace(decoded, snapshot=snapshot)


@dataclass(frozen=True)
class RecordSpec:
    """Read inputs as record streams (CSV or JSON Lines): each row's ``column`` is one text."""

    column: str
    id_column: str | None = None


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
    encoding: str | Callable[[Source], str] = AUTO,
    max_bytes: int | Callable[[Source], int],
    stdin: BinaryIO | None = None,
    suffixes: Iterable[str] | None = None,
    records: RecordSpec | None = None,
    windowed: bool = False,
) -> Iterator[Input]:
    """The one way every command reads drafts: paths found (folders searched for
    ``suffixes``) and read one at a time, in order; an input that cannot be read
    comes with its error, and the others still come. ``encoding`` and
    ``max_bytes`` may depend on the input (its configuration file), hence the
    callables. With ``records``, each input is
    a record stream and each of its rows is one input, read as they come.
    ``windowed``: a huge UTF-8 text file is read in windows (check only)."""
    for item in discover(paths, stdin_name=stdin_name, suffixes=suffixes):
        if isinstance(item, InputError):
            yield Input(Source(item.name, Path(item.name)), error=item)
            continue
        if records is not None:
            limit = max_bytes(item) if callable(max_bytes) else max_bytes
            yield from _record_inputs(item, records, limit, stdin)
            continue
        try:
            codec = encoding(item) if callable(encoding) else encoding
            limit = max_bytes(item) if callable(max_bytes) else max_bytes
            yield Input(item, text=read_source(item, encoding=codec, max_bytes=limit, stdin=stdin, windowed=windowed))
        except InputError as err:
            yield Input(item, error=err)


def _record_inputs(source: Source, spec: RecordSpec, max_bytes: int, stdin: BinaryIO | None) -> Iterator[Input]:
    """One input per row of a record stream, named ``FILE[id]``; a row that is empty,
    too long or broken is an input with its error, and the rows after it still come."""
    from .records import iter_records

    try:
        if source.is_stdin:
            if stdin is None and sys.stdin is None:
                raise InputError(source.name, "standard input is closed")
            stream = stdin if stdin is not None else sys.stdin.buffer
            rows = iter_records(stream, source.name, column=spec.column, id_column=spec.id_column, max_chars=max_bytes)
            yield from _rows(source, rows)
            return
        assert source.path is not None
        if source.path.is_dir():
            raise InputError(source.name, "is a folder; --records reads CSV or JSON Lines files")
        with open(source.path, "rb") as fh:
            rows = iter_records(fh, source.name, column=spec.column, id_column=spec.id_column, max_chars=max_bytes)
            yield from _rows(source, rows)
    except InputError as err:
        yield Input(source, error=err)
    except PermissionError:
        yield Input(source, error=InputError(source.name, "permission denied"))
    except OSError as err:
        yield Input(source, error=InputError(source.name, f"cannot read: {err.strerror or err}"))


def _rows(source: Source, rows) -> Iterator[Input]:
    from ..documents.model import Block, Document

    for row in rows:
        named = Source(f"{source.name}[{row.id}]", source.path)
        if row.error is not None or row.text is None:
            yield Input(named, error=InputError(named.name, f"{row.error or 'has no text'} (line {row.line})"))
            continue
        document = Document(row.text, (Block(0, len(row.text), f"line {row.line}"),), "record")
        yield Input(named, text=SourceText(named, row.text, None, None, document))


def _windowed(source: Source, max_bytes: int) -> Windowed | None:
    from .windows import WINDOWED_BYTES, windowed

    path = source.path
    assert path is not None
    try:
        size = path.stat().st_size if path.is_file() else 0
    except OSError:
        return None  # read whole, for the usual error
    if size <= WINDOWED_BYTES or size > max_bytes:
        return None
    return windowed(path, source.name, size)


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


def decode(data: bytes, source: Source, *, encoding: str = AUTO) -> SourceText:
    """Decode bytes, refusing binary data, bad encodings and empty text.

    ``auto`` (the default) reads UTF-8, or UTF-16/32 with a byte-order mark,
    and otherwise guesses the encoding (text from Windows tools is often
    cp1252); a named encoding is used as given. A UTF-8 byte-order mark stays
    in the text (as U+FEFF), so offsets count it.
    """
    name = source.name
    if encoding == AUTO:
        return _decode_auto(data, source)
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
    if _BLANK.fullmatch(text):  # not text.strip(), which copies a long text to test it
        raise InputError(name, "is empty" if not data else "has no text (only white space)")
    return SourceText(source, text, "utf-8" if codec == "utf-8-sig" else codec)  # the BOM is in the text


_BLANK = re.compile(r"[\s\ufeff]*")
_BOMS = ((b"\x00\x00\xfe\xff", "utf-32"), (b"\xff\xfe\x00\x00", "utf-32"), (b"\xef\xbb\xbf", "utf-8"),
         (b"\xfe\xff", "utf-16"), (b"\xff\xfe", "utf-16"))


def _decode_auto(data: bytes, source: Source) -> SourceText:
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return decode(data, source, encoding=codec)
    if b"\x00" in data[:_SNIFF_BYTES]:
        return decode(data, source, encoding="utf-8")  # refused as binary, with its message
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    else:
        return decode(data, source, encoding="utf-8")
    guessed = guess_encoding(data)
    if guessed is None:
        raise InputError(source.name, "is not UTF-8 text and its encoding could not be recognised (pass --encoding, e.g. --encoding cp1252)")
    return replace(decode(data, source, encoding=guessed), detected=True)


# Single-byte Western encodings that read the same bytes the same way far more often
# than not; among equally likely guesses, Windows' own (cp1252) is the one people have.
_PREFERRED = "cp1252"


def guess_encoding(data: bytes) -> str | None:
    """The most likely encoding of bytes that are not UTF-8: cp1252 (Windows' Western
    code page, what writers here have) when it reads them as mostly-ASCII text, else
    charset-normalizer's guess, still preferring cp1252 where it reads the same or
    as well (on short texts the detector cannot tell Windows' Western and Central
    European code pages apart, and guesses exotic ones)."""
    sample = data[:65536]
    try:
        data.decode(_PREFERRED)
        western: str | None = sample.decode(_PREFERRED)
    except UnicodeDecodeError:
        western = None
    if western is not None:
        # English or another Western language with a few accented letters and curly quotes is
        # mostly ASCII; text in another script read as cp1252 is mostly accented gibberish.
        letters = sum(c.isalpha() for c in western)
        foreign = sum(not c.isascii() for c in western)
        if letters and foreign <= 0.3 * letters:
            return _PREFERRED
    import charset_normalizer

    matches = charset_normalizer.from_bytes(sample)
    best = matches.best()
    if best is None:
        return _PREFERRED if western is not None else None
    if western is not None and (western == str(best) or any(
            m.encoding == _PREFERRED and m.chaos <= best.chaos + 0.01 for m in matches)):
        return _PREFERRED
    return text_codec(best.encoding)


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
