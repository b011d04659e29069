"""The one place that decides the process exit status (see docs/cli.md).

Every command returns the code one of these functions gives; the command line
turns errors into codes with ``for_exception``. tests/test_architecture.py
checks that no command decides a code anywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import IntEnum

from .severity import Severity


class ExitCode(IntEnum):
    OK = 0  #: nothing at or above --fail-on; done
    FINDINGS = 1  #: a finding at or above --fail-on (or: would change, scored under, not found, invalid)
    ERROR = 2  #: usage error, or an input/lexicon/settings/configuration error
    INTERNAL = 3  #: a bug
    INTERRUPTED = 130  #: Ctrl-C or SIGTERM
    PIPE_CLOSED = 141  #: the reader of our output went away (| head)


def fails(worst: Severity | None, fail_on: Severity | None) -> bool:
    """Whether a report's worst finding reaches its --fail-on (None: never)."""
    return fail_on is not None and worst is not None and worst >= fail_on


def decide(worst_severities: Iterable[Severity | None], fail_on: Severity | None, had_errors: bool) -> ExitCode:
    """check: errors win over findings; ``fail_on=None`` means ``--fail-on never``."""
    return for_check(any(fails(w, fail_on) for w in worst_severities), had_errors)


def for_check(failed: bool, had_errors: bool) -> ExitCode:
    """check: 2 when an input could not be read, else 1 when a report failed its --fail-on."""
    if had_errors:
        return ExitCode.ERROR
    return ExitCode.FINDINGS if failed else ExitCode.OK


def for_fix(would_change: bool, had_errors: bool) -> ExitCode:
    """fix: 2 when an input could not be read or written; with --check, 1 when something would change."""
    if had_errors:
        return ExitCode.ERROR
    return ExitCode.FINDINGS if would_change else ExitCode.OK


def for_grade(scored_under: bool, had_errors: bool) -> ExitCode:
    """grade: 2 when a submission could not be read, else 1 when one scored under --fail-under."""
    if had_errors:
        return ExitCode.ERROR
    return ExitCode.FINDINGS if scored_under else ExitCode.OK


def for_annotate(had_errors: bool) -> ExitCode:
    """annotate: 2 when an input could not be read or its copy not written."""
    return ExitCode.ERROR if had_errors else ExitCode.OK


def for_lookup(found: bool) -> ExitCode:
    """explain and lexicon search: 1 when nothing was found."""
    return ExitCode.OK if found else ExitCode.FINDINGS


def for_validation(problems: bool) -> ExitCode:
    """lexicon validate: 1 when a file has problems (an unreadable file is an error: 2)."""
    return ExitCode.FINDINGS if problems else ExitCode.OK


def done() -> ExitCode:
    """A command that only prints (rules, config, --print-rubric) and succeeded."""
    return ExitCode.OK


def for_exception(error: BaseException) -> ExitCode:
    """The code for an error that stopped a command."""
    import click

    from .errors import PlainspeakError

    if isinstance(error, BrokenPipeError):
        return ExitCode.PIPE_CLOSED
    if isinstance(error, (KeyboardInterrupt, click.exceptions.Abort)):
        return ExitCode.INTERRUPTED
    if isinstance(error, PlainspeakError):
        return ExitCode(error.exit_code)
    if isinstance(error, click.exceptions.Exit):
        return ExitCode(error.exit_code)
    if isinstance(error, click.ClickException):
        return ExitCode.ERROR
    if isinstance(error, OSError):  # writing the report failed: a full disk, a closed stdout
        return ExitCode.ERROR
    return ExitCode.INTERNAL
