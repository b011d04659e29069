"""Record streams: one text per row of a CSV export, or per line of JSON Lines.

Case-note systems, CRMs and survey tools export many short texts at once; each
row is checked as its own draft and named by its id (or its row number).
Reading streams row by row, so a large export (or one piped in) starts
reporting at once and never sits whole in memory. A row that is empty, too
long or broken is a :class:`Record` with its error and the rows after it still
come; only what makes the whole stream unreadable (no header, no such column,
binary data) is an :class:`InputError`, raised before any record.

Encodings: UTF-8 (with or without a byte-order mark), UTF-16 with one (Excel's
"Unicode text"); when the first 64 KB is not UTF-8, the encoding is detected,
preferring cp1252 (what Excel on Windows writes) wherever it reads the bytes as
well. A stray non-UTF-8 byte in a UTF-8 file is read as cp1252 rather
than stopping the stream.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, BinaryIO

from ..errors import InputError

_HEAD = 65536  # bytes read first, to choose the encoding, format and dialect
_HEAD_LINES = 20  # ... or this many lines, so rows piped in slowly are not held back
_DELIMITERS = (",", ";", "\t")
_MAX_ARRAY = 256 * 1024 * 1024  # a .json array is read whole; a larger one should be JSON Lines
_STRAY = "plainspeak-cp1252"
_FORMATS = {"csv": "csv", "tsv": "csv", "jsonl": "jsonl", "ndjson": "jsonl", "json": "jsonl"}
# A character written as UTF-8 (lead byte and continuation bytes): rare by chance in cp1252 text.
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


@dataclass(frozen=True)
class Record:
    """One row: its id and text, or why it has none; ``line`` is where the row starts (1-based)."""

    id: str
    text: str | None
    error: str | None
    line: int


def iter_records(stream: BinaryIO, name: str, *, column: str, id_column: str | None = None, fmt: str | None = None,
                 max_chars: int = 100_000) -> Iterator[Record]:
    """The records of a CSV or JSON Lines stream, as they are read.

    ``fmt`` ("csv" or "jsonl") is otherwise guessed from the name's suffix, or,
    for standard input and other suffixes, from the first character ("{" or
    "[" is JSON). ``column`` names the CSV column or JSON field holding the text
    (dotted paths reach into objects: "note.text"); ``id_column`` the one naming
    each record (default: "row N" for CSV data rows, "line N" for JSON Lines).
    Raises InputError, before any record, when the stream cannot be read at all.
    """
    head = _read_head(stream)
    encoding, errors = _encoding(head, name)
    fmt = _FORMATS.get(fmt.lower(), fmt) if fmt else _format_of(name, head, encoding)
    if fmt not in ("csv", "jsonl"):
        raise InputError(name, f"unknown record format {fmt!r} (use csv or jsonl)")
    text = io.TextIOWrapper(io.BufferedReader(_Rejoined(head, stream)), encoding=encoding, errors=errors, newline="")
    if fmt == "csv":
        return _csv_records(text, name, _delimiter(head, encoding, name), column, id_column, max_chars)
    return _json_records(text, name, column, id_column, max_chars)


# Reading the stream: a first chunk to decide on, then the rest through the same text decoder.


class _Rejoined(io.RawIOBase):
    """The bytes already read (``head``), then the rest of ``stream``; closing it leaves ``stream`` open."""

    def __init__(self, head: bytes, stream: BinaryIO) -> None:
        self._head = memoryview(head)
        self._stream = stream

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:  # buffer: a writable bytes-like object
        size = len(buffer)
        if self._head.nbytes:
            n = min(size, self._head.nbytes)
            buffer[:n] = self._head[:n]
            self._head = self._head[n:]
            return n
        read1 = getattr(self._stream, "read1", None)
        chunk = read1(size) if read1 is not None else self._stream.read(size)
        buffer[: len(chunk)] = chunk
        return len(chunk)


def _read_head(stream: BinaryIO) -> bytes:
    """Up to 64 KB, or fewer once ``_HEAD_LINES`` lines have come (a slow pipe is not waited on)."""
    read1 = getattr(stream, "read1", None)
    if read1 is None:
        return stream.read(_HEAD) or b""
    parts: list[bytes] = []
    size = 0
    lines = 0
    while size < _HEAD:
        chunk = read1(_HEAD - size)
        if not chunk:
            break
        parts.append(chunk)
        size += len(chunk)
        lines += chunk.count(b"\n")
        if lines >= _HEAD_LINES:
            break
    return b"".join(parts)


def _encoding(head: bytes, name: str) -> tuple[str, str]:
    """The codec and error handler to read the stream with, decided from its first bytes."""
    if head.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig", _STRAY
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16", "replace"
    if b"\x00" in head:
        raise InputError(name, "looks like a binary file, not CSV or JSON Lines (if it is UTF-16 text, save it as UTF-8)")
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
    except UnicodeDecodeError:
        if _UTF8_SEQUENCE.search(head):  # UTF-8 text with a few Windows bytes pasted in
            return "utf-8", _STRAY
        return _guess(head), "replace"
    return "utf-8", _STRAY


def _guess(sample: bytes) -> str:
    """The likely encoding of bytes that are not UTF-8: charset-normalizer's guess, but cp1252
    wherever it reads the bytes as well (on short samples the detector cannot tell
    Windows' Western code page from its neighbours, and the Western one is what people have)."""
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        fits = False
    else:
        fits = True
    try:
        import charset_normalizer
    except ImportError:
        return "cp1252"
    matches = charset_normalizer.from_bytes(sample)
    best = matches.best()
    if best is None or (fits and (sample.decode("cp1252") == str(best)
                                  or any(m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01 for m in matches))):
        return "cp1252"
    return best.encoding


def _stray_byte(err: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 in a UTF-8 stream is read as cp1252."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    return err.object[err.start:err.end].decode("cp1252", "replace"), err.end


codecs.register_error(_STRAY, _stray_byte)


def _format_of(name: str, head: bytes, encoding: str) -> str:
    lowered = name.lower()
    if lowered.endswith((".csv", ".tsv")):
        return "csv"
    if lowered.endswith((".jsonl", ".ndjson", ".json")):
        return "jsonl"
    first = _head_text(head, encoding).lstrip("\ufeff \t\r\n")[:1]
    return "jsonl" if first in ("{", "[") else "csv"


def _head_text(head: bytes, encoding: str) -> str:
    return codecs.getincrementaldecoder(encoding)("replace").decode(head, final=False)


# CSV


def _delimiter(head: bytes, encoding: str, name: str) -> str:
    """Comma, semicolon (Excel where the decimal mark is a comma) or tab: the one the
    header row uses most, outside quotes (headers rarely hold the others)."""
    if name.lower().endswith(".tsv"):
        return "\t"
    text = _head_text(head, encoding).lstrip("\ufeff")
    header: list[str] = []
    inside = False
    for ch in text:
        if ch == '"':
            inside = not inside
        elif not inside and ch in "\r\n":
            if header:
                break
            continue
        elif not inside:
            header.append(ch)
    counts = {d: header.count(d) for d in _DELIMITERS}
    best = max(_DELIMITERS, key=lambda d: counts[d])  # ties: the first, comma
    return best if counts[best] else ","


def _csv_records(text: io.TextIOWrapper, name: str, delimiter: str, column: str, id_column: str | None,
                 max_chars: int) -> Iterator[Record]:
    """Validate the header now (so a wrong column is an error before any record), then stream rows."""
    limit = max(csv.field_size_limit(), 4 * max_chars + 1)
    csv.field_size_limit(limit)  # only ever raised: the module's limit is shared
    reader = csv.reader(text, delimiter=delimiter, quotechar='"', doublequote=True, strict=False)
    try:
        header = next((row for row in reader if row), None)
    except (csv.Error, UnicodeError) as err:
        raise InputError(name, f"cannot be read as CSV (line {reader.line_num}: {err})") from None
    if header is None:
        raise InputError(name, "is empty (a CSV file needs a header row naming its columns)")
    text_at = _column_index(header, column, name)
    id_at = _column_index(header, id_column, name) if id_column is not None else None
    return _csv_rows(reader, name, text_at, id_at, max_chars, limit)


def _csv_rows(reader: Any, name: str, text_at: int, id_at: int | None, max_chars: int, limit: int) -> Iterator[Record]:
    """Data rows as records; ``reader.line_num`` (lines read so far) gives where each row starts."""
    number = 0
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as err:
            if "field larger than field limit" in str(err):
                raise InputError(name, f"has a field over {limit:,} characters starting at line {start} "
                                       "(an unclosed quote?); reading stopped") from None
            raise InputError(name, f"cannot be read as CSV (line {reader.line_num}: {err}); reading stopped") from None
        line, start = start, reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # a blank line, or a row of empty cells (",,," from a spreadsheet)
        number += 1
        ident = row[id_at].strip() if id_at is not None and id_at < len(row) else ""
        value = row[text_at] if text_at < len(row) else ""
        yield _record(ident or f"row {number}", value, line, max_chars)


def _column_index(header: list[str], wanted: str, name: str) -> int:
    """The column named ``wanted``: exactly, else ignoring surrounding spaces, else also case."""
    names = [h.strip() for h in header]
    for key, candidates in ((wanted, header), (wanted.strip(), names),
                            (wanted.strip().casefold(), [n.casefold() for n in names])):
        if key in candidates:
            return candidates.index(key)
    shown = ", ".join(n or "(blank)" for n in names[:20]) + (", ..." if len(names) > 20 else "")
    raise InputError(name, f"has no column {wanted!r} (its columns: {shown})")


def _record(ident: str, value: str, line: int, max_chars: int) -> Record:
    if not value.strip():
        return Record(ident, None, "is empty", line)
    if len(value) > max_chars:
        return Record(ident, None, f"is {len(value):,} characters, over the limit of {max_chars:,}", line)
    return Record(ident, value, None, line)


# JSON Lines


def _json_records(text: io.TextIOWrapper, name: str, column: str, id_column: str | None, max_chars: int) -> Iterator[Record]:
    """Look at the first line now (a pretty-printed document is an error, an array is read whole), then stream."""
    limit = 4 * max_chars + 4096
    number = 0
    first = ""
    while not first.strip():
        first, too_long = _read_line(text, limit)
        number += 1
        if not first:
            raise InputError(name, "is empty")
        if too_long:
            break
    stripped = first.strip().lstrip("\ufeff")
    if stripped == "{":
        raise InputError(name, "is not JSON Lines: it is JSON spread over many lines; write one object per line")
    if stripped.startswith("["):
        return _json_array(first + _read_rest(text, name), name, column, id_column, max_chars)
    return _json_lines(text, first, number, column, id_column, max_chars, limit)


def _json_lines(text: io.TextIOWrapper, first: str, number: int, column: str, id_column: str | None, max_chars: int,
                limit: int) -> Iterator[Record]:
    line, too_long = first, len(first) >= limit and not first.endswith(("\n", "\r"))
    while line:
        if too_long:
            _skip_line(text)
            yield Record(f"line {number}", None, f"is a line of over {limit:,} characters, over the limit", number)
        elif line.strip():
            yield _json_record(line, number, column, id_column, max_chars)
        line, too_long = _read_line(text, limit)
        number += 1


def _read_line(text: io.TextIOWrapper, limit: int) -> tuple[str, bool]:
    """One line (its end included), reading no more than ``limit`` characters; and whether it was cut."""
    line = text.readline(limit)
    return line, len(line) >= limit and not line.endswith(("\n", "\r"))


def _skip_line(text: io.TextIOWrapper) -> None:
    while True:
        chunk = text.readline(65536)
        if not chunk or chunk.endswith(("\n", "\r")):
            return


def _read_rest(text: io.TextIOWrapper, name: str) -> str:
    rest = text.read(_MAX_ARRAY + 1)
    if len(rest) > _MAX_ARRAY:
        raise InputError(name, f"is a JSON array over {_MAX_ARRAY // (1024 * 1024)} MB; write it as JSON Lines (one object per line)")
    return rest


def _json_record(line: str, number: int, column: str, id_column: str | None, max_chars: int) -> Record:
    try:
        value = json.loads(line)
    except (ValueError, RecursionError) as err:
        reason = err.msg if isinstance(err, json.JSONDecodeError) else str(err) or type(err).__name__
        return Record(f"line {number}", None, f"is not valid JSON ({reason})", number)
    return _object_record(value, number, column, id_column, max_chars, f"line {number}")


def _json_array(document: str, name: str, column: str, id_column: str | None, max_chars: int) -> Iterator[Record]:
    """A JSON array of objects (what many tools call a .json export), each a record at the line it starts on."""
    decoder = json.JSONDecoder()
    start = document.index("[") + 1
    position, line, count = start, document.count("\n", 0, start) + 1, 0
    while True:
        while position < len(document) and document[position] in " \t\r\n,":
            position += 1
        if position >= len(document) or document[position] == "]":
            return
        line += document.count("\n", start, position)
        start = position
        try:
            value, position = decoder.raw_decode(document, position)
        except (ValueError, RecursionError) as err:
            raise InputError(name, f"is not valid JSON at line {line} ({getattr(err, 'msg', err)})") from None
        count += 1
        yield _object_record(value, line, column, id_column, max_chars, f"item {count}")


def _object_record(value: object, line: int, column: str, id_column: str | None, max_chars: int, fallback: str) -> Record:
    ident = fallback
    if isinstance(value, dict) and id_column is not None:
        found = _field(value, id_column)
        if isinstance(found, str | int | float) and not isinstance(found, bool) and str(found).strip():
            ident = str(found).strip()
    if not isinstance(value, dict):
        return Record(ident, None, f"is not a JSON object (it is {_json_kind(value)})", line)
    found = _field(value, column)
    if found is _MISSING:
        return Record(ident, None, f"has no field {column!r}", line)
    if found is None:
        return Record(ident, None, "is empty", line)
    if not isinstance(found, str):
        return Record(ident, None, f"has {_json_kind(found)} in {column!r}, not text", line)
    return _record(ident, found, line, max_chars)


_MISSING = object()


def _field(value: dict, path: str) -> object:
    """``value[path]``, else the dotted path followed through nested objects ("note.text")."""
    if path in value:
        return value[path]
    current: object = value
    for key in path.split("."):
        if not isinstance(current, dict) or key not in current:
            return _MISSING
        current = current[key]
    return current


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "null" if value is None else "a string"


__all__ = ["Record", "iter_records"]
