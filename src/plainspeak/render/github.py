"""GitHub Actions workflow commands: one annotation per finding, so findings show
on the changed lines of a pull request (``::warning file=...,line=...::message``).

Values are escaped as the runner expects (%, CR, LF everywhere; also : and ,
in properties); a finding's suggestions go into the message.
"""

from __future__ import annotations

from typing import IO

from ..report import Report, RunTotals
from ..severity import Severity
from .safe import one_line

COMMANDS = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.SUGGESTION: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


class GithubRenderer:
    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def report(self, report: Report) -> None:
        if report.error is not None:
            self.stream.write(f"::error file={_property(report.name)},title=plainspeak::{_data(report.error)}\n")
            return
        for f in (f for findings, _ in report.parts() for f in findings):  # as they are found
            message = one_line(f.message)
            if f.suggestions:
                message += " Try: " + " | ".join(one_line(s) for s in f.suggestions)
            properties = (f"file={_property(report.name)},line={f.line},col={f.column},"
                          f"endLine={f.end_line},endColumn={f.end_column},title={_property(f.rule)}")
            self.stream.write(f"::{COMMANDS[f.severity]} {properties}::{_data(message)}\n")
        self.stream.flush()

    def close(self, totals: RunTotals) -> None:
        pass
