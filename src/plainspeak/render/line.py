"""``path:line:col: severity rule-id: message [try: a | b] [at paragraph 3]``, one finding per line.

The line and column are in the text as read (a document's extracted text);
``[at ...]`` says where in a document (.docx, .pdf ...) the words are.

Stable for scripts and editors (the same shape as compilers and Vale's
``--output=line``); sorted by position within each input.
"""

from __future__ import annotations

from typing import IO

from ..report import Finding, Report, RunTotals
from .safe import one_line


def format_finding(name: str, f: Finding) -> str:
    line = f"{name}:{f.line}:{f.column}: {f.severity.label} {f.rule}: {one_line(f.message)}"
    if f.suggestions:
        line += " [try: " + " | ".join(one_line(s) for s in f.suggestions) + "]"
    if f.where:
        line += f" [at {one_line(f.where)}]"
    return line


class LineRenderer:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def report(self, report: Report) -> None:
        if report.error is not None:
            return  # errors go to stderr, from the CLI
        name = one_line(report.name)
        for findings, _ in report.parts():  # as they are found, for a streamed report
            self.stream.write("".join(format_finding(name, f) + "\n" for f in findings))
        self.stream.flush()

    def close(self, totals: RunTotals) -> None:
        pass
