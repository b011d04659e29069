"""The one place that decides the process exit status (see docs/cli.md)."""

from __future__ import annotations

from enum import IntEnum
from typing import Iterable

from .severity import Severity


class ExitCode(IntEnum):
    OK = 0  #: nothing at or above the --fail-on severity
    FINDINGS = 1  #: at least one finding at or above --fail-on
    ERROR = 2  #: usage error, or an input/lexicon/settings error
    INTERNAL = 3  #: a bug
    INTERRUPTED = 130  #: Ctrl-C or SIGTERM
    PIPE_CLOSED = 141  #: the reader of our output went away (| head)


def decide(worst_severities: Iterable[Severity | None], fail_on: Severity | None, had_errors: bool) -> ExitCode:
    """Errors win over findings; ``fail_on=None`` means ``--fail-on never``."""
    if had_errors:
        return ExitCode.ERROR
    if fail_on is not None:
        for worst in worst_severities:
            if worst is not None and worst >= fail_on:
                return ExitCode.FINDINGS
    return ExitCode.OK
