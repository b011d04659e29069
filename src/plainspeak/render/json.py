"""JSON output: one document (``json``) or one report per line (``jsonl``).

The shape is documented field by field in docs/json-schema.md. No
timestamps or timings, so output is reproducible. Reports are written
finding by finding, so a huge input never exists as one big string; the
bytes are exactly what ``json.dumps`` would give for the whole object.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from json.encoder import encode_basestring
from typing import IO, Any

from ..__about__ import __version__
from ..report import SCHEMA_VERSION, Report, RunTotals

# One encoder each, made once: json.dumps with options builds a new one per call.
_COMPACT = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode
_PRETTY = json.JSONEncoder(ensure_ascii=False, indent=2).encode
_INF = float("inf")


def _compact(data: Any) -> str:
    return _COMPACT(data)


def _pretty(data: Any, level: int) -> str:
    """``json.dumps(data, indent=2)`` as it would appear nested ``level`` deep."""
    flat = _pretty_flat(data, level) if data.__class__ is dict else None
    if flat is not None:
        return flat
    text = _PRETTY(data)
    return text.replace("\n", "\n" + "  " * level) if level else text


def _scalar(value: Any) -> str | None:
    """A JSON scalar as json writes it, or None for anything else."""
    kind = value.__class__
    if kind is str:
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if kind is int:
        return int.__repr__(value)
    if kind is float and value == value and value not in (_INF, -_INF):
        return float.__repr__(value)
    return None


def _pretty_flat(data: dict, level: int) -> str | None:
    """A finding or a sentence (scalars and lists of scalars) indented as json does,
    twice as fast: with ``indent`` json uses its pure-Python encoder. None for
    anything else (tested equal to json.dumps)."""
    parts = []
    for key, value in data.items():
        prefix = _KEYS.get((key, level))
        if prefix is None:
            if key.__class__ is not str:
                return None
            prefix = "\n" + "  " * (level + 1) + encode_basestring(key) + ": "
            if len(_KEYS) < 4096:  # the findings' and sentences' few keys, at two levels
                _KEYS[key, level] = prefix
        kind = value.__class__
        if kind is str:
            text = encode_basestring(value)
        elif kind is int:
            text = int.__repr__(value)
        else:
            text = _scalar(value)  # type: ignore[assignment]
            if text is None:
                if kind not in (list, tuple):
                    return None
                if not value:
                    text = "[]"
                else:
                    items = [_scalar(v) for v in value]
                    if None in items:
                        return None
                    pad = "\n" + "  " * (level + 1)
                    inner = pad + "  "
                    text = "[" + inner + ("," + inner).join(items) + pad + "]"
        parts.append(prefix + text)
    if not parts:
        return "{}"
    return "{" + ",".join(parts) + "\n" + "  " * level + "}"


# "\n    \"rule\": " for each key and nesting level met, made once.
_KEYS: dict[tuple[str, int], str] = {}


_SPOOL_CHARS = 1 << 20  # sentences past this much JSON wait in a temporary file, not in memory


def _report_chunks(report: Report, show_suppressed: bool, item: Callable[[Any], str], sep: str,
                   open_list: Callable[[str, bool], str], close_list: Callable[[bool], str],
                   summary: Callable[[Any], str]) -> Iterator[str]:
    """A report's lists and summary, finding by finding as the report gives them
    (``Report.parts``: a streamed report's findings are written as they are found).
    Its sentences come in the same pieces but are written after all findings, so
    they wait in a spool: in memory while small, else in a temporary file that
    holds only numbers (offsets, lines, word counts, grades) and is gone when done."""
    from tempfile import SpooledTemporaryFile

    with SpooledTemporaryFile(max_size=_SPOOL_CHARS, mode="w+", encoding="utf-8") as spool:
        found = spooled = 0
        for findings, sentences in report.parts():
            for finding in findings:
                yield (sep if found else open_list("findings", True)) + item(finding.to_dict())
                found += 1
            for sentence in sentences:
                spool.write((sep if spooled else "") + item(sentence.to_dict()))
                spooled += 1
        yield close_list(bool(found)) if found else open_list("findings", False)
        if spooled:
            yield open_list("sentences", True)
            spool.seek(0)
            while chunk := spool.read(1 << 16):
                yield chunk
            yield close_list(True)
        else:
            yield open_list("sentences", False)
    if show_suppressed:
        if report.suppressed:
            yield open_list("suppressed", True) + sep.join(item(f.to_dict()) for f in report.suppressed)
            yield close_list(True)
        else:
            yield open_list("suppressed", False)
    yield summary(report.summary.to_dict() if report.summary else None)


def _report_chunks_compact(report: Report, show_suppressed: bool = False) -> Iterator[str]:
    yield _compact({"schema_version": SCHEMA_VERSION, "path": report.name, "format": report.format,
                    "encoding": report.encoding, "notes": report.notes})[:-1]
    yield from _report_chunks(
        report, show_suppressed, _compact, ",",
        lambda key, some: f',"{key}":[' if some else f',"{key}":[]',
        lambda some: "]",
        lambda summary: ',"summary":' + _compact(summary) + "}",
    )


def _report_chunks_pretty(report: Report, level: int, show_suppressed: bool = False) -> Iterator[str]:
    pad = "  " * level
    yield "{\n" + pad + '  "path": ' + json.dumps(report.name, ensure_ascii=False) + ",\n"
    yield pad + '  "format": ' + json.dumps(report.format) + ",\n"
    yield pad + '  "encoding": ' + json.dumps(report.encoding) + ",\n"
    yield pad + '  "notes": ' + _pretty(report.notes, level + 1)
    yield from _report_chunks(
        report, show_suppressed, lambda data: pad + "    " + _pretty(data, level + 2), ",\n",
        lambda key, some: ",\n" + pad + f'  "{key}": [\n' if some else ",\n" + pad + f'  "{key}": []',
        lambda some: "\n" + pad + "  ]",
        lambda summary: ",\n" + pad + '  "summary": ' + _pretty(summary, level + 1) + "\n" + pad + "}",
    )


class JsonRenderer:
    """One document; reports are written as they finish, totals at the end."""

    def __init__(self, stream: IO[str], *, show_suppressed: bool = False) -> None:
        self.stream = stream
        self.started = False
        self.count = 0
        self.show_suppressed = show_suppressed

    def _start(self) -> None:
        if not self.started:
            self.started = True
            head = {"schema_version": SCHEMA_VERSION, "tool": {"name": "plainspeak", "version": __version__}}
            self.stream.write(_pretty(head, 0)[:-2] + ',\n  "reports": [')

    def report(self, report: Report) -> None:
        self._start()
        if report.error is not None:
            return  # listed under "errors" at the end
        self.stream.write(("," if self.count else "") + "\n    ")
        for chunk in _report_chunks_pretty(report, 2, self.show_suppressed):
            self.stream.write(chunk)
        self.count += 1
        self.stream.flush()

    def close(self, totals: RunTotals) -> None:
        self._start()
        self.stream.write(("\n  " if self.count else "") + "],\n")
        errors = [{"path": path, "error": why} for path, why in totals.errors]
        self.stream.write('  "errors": ' + _pretty(errors, 1) + ",\n")
        self.stream.write('  "totals": ' + _pretty(totals.to_dict(), 1) + "\n}\n")
        self.stream.flush()


class JsonLinesRenderer:
    def __init__(self, stream: IO[str], *, show_suppressed: bool = False) -> None:
        self.stream = stream
        self.show_suppressed = show_suppressed

    def report(self, report: Report) -> None:
        if report.error is not None:
            line = _compact({"schema_version": SCHEMA_VERSION, "path": report.name, "error": report.error})
            self.stream.write(line + "\n")
        else:
            for chunk in _report_chunks_compact(report, self.show_suppressed):
                self.stream.write(chunk)
            self.stream.write("\n")
        self.stream.flush()

    def close(self, totals: RunTotals) -> None:
        pass
