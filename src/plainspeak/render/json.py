"""JSON output: one document (``json``) or one report per line (``jsonl``).

The shape is documented field by field in docs/json-schema.md. No
timestamps or timings, so output is reproducible.
"""

from __future__ import annotations

import json
from typing import IO, Any

from ..__about__ import __version__
from ..report import SCHEMA_VERSION, Report, totals


def _dump(data: Any, *, indent: int | None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent, separators=None if indent else (",", ":"))


class JsonRenderer:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def report(self, report: Report) -> None:
        pass  # one document, written at the end

    def close(self, reports: list[Report]) -> None:
        document = {
            "schema_version": SCHEMA_VERSION,
            "tool": {"name": "plainspeak", "version": __version__},
            "reports": [r.to_dict() for r in reports if r.error is None],
            "errors": [{"path": r.name, "message": r.error} for r in reports if r.error is not None],
            "totals": totals(reports),
        }
        self.stream.write(_dump(document, indent=2) + "\n")
        self.stream.flush()


class JsonLinesRenderer:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def report(self, report: Report) -> None:
        self.stream.write(_dump({"schema_version": SCHEMA_VERSION, **report.to_dict()}, indent=None) + "\n")
        self.stream.flush()

    def close(self, reports: list[Report]) -> None:
        pass
