"""The ``plainspeak`` command group: error handling, closed streams, the entry point.

Each command (one module each in this package) returns an exit code that
exitcode.py decides; errors become codes there too (``for_exception``):
0 nothing at or above --fail-on, 1 findings at or above it, 2 usage, input,
configuration or option errors, 3 an internal error (a bug), 130
interrupted, 141 the output pipe was closed early.
"""

from __future__ import annotations

import contextlib
import errno
import io
import os
import signal
import sys

import click

from ..__about__ import __version__
from ..errors import PlainspeakError
from ..exitcode import for_exception
from .deferred import defer_spacy_cli


class _Group(click.Group):
    """Runs a command and turns its result, or what stopped it, into an exit code;
    every error is one line on stderr."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError as err:  # the reader went away (| head): stop quietly, whatever the command
            _silence_stdout()
            sys.exit(for_exception(err))

    def main(self, *args, **kwargs):  # always our own standalone handling
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)  # type: ignore[call-overload]
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(for_exception(exc))
        except (click.exceptions.Abort, KeyboardInterrupt) as exc:
            click.echo("plainspeak: interrupted", err=True)
            sys.exit(for_exception(exc))
        except PlainspeakError as exc:
            click.echo(f"plainspeak: error: {exc}", err=True)
            sys.exit(for_exception(exc))
        except OSError as exc:  # writing the report failed: a full disk, a closed stdout
            click.echo(f"plainspeak: error: cannot write output: {exc.strerror or exc}", err=True)
            sys.exit(for_exception(exc))
        except Exception as exc:  # a bug: one line, the traceback only when asked for
            if os.environ.get("PLAINSPEAK_DEBUG"):
                raise
            click.echo(
                f"plainspeak: internal error: {type(exc).__name__}: {exc} "
                "(please report it; set PLAINSPEAK_DEBUG=1 to see where)",
                err=True,
            )
            sys.exit(for_exception(exc))
        sys.exit(int(code) if code is not None else 0)


def _silence_stdout() -> None:
    """After the reader of our output went away: no more writes, no flush errors."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # pragma: no cover - stdout without a file descriptor
        pass


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, "-V", "--version", prog_name="plainspeak", message="%(prog)s %(version)s")
def cli() -> None:
    """Flag jargon and hard-to-read passages; suggest plainer words.

    plainspeak reads drafts written to people (texts, e-mails, letters, case
    notes) and points out professional jargon, uncommon words, unexplained
    acronyms and hard or long sentences, with plainer wording to use instead.
    It works offline. Start with: plainspeak check --help
    """


def _register_commands() -> None:
    from .annotate import annotate
    from .check import check
    from .compare import compare
    from .config import config
    from .explain import explain
    from .fix import fix
    from .grade import grade
    from .lexicon import lexicon_group
    from .rules import rules
    from .serve import serve

    for command in (check, fix, grade, annotate, compare, explain, lexicon_group, rules, config, serve):
        cli.add_command(command)


_register_commands()


class _ClosedOutput(io.TextIOBase):
    """Stands in for a standard output that was closed (``plainspeak check a.txt >&-``):
    the first write fails as writing to a closed descriptor does, which the
    group reports in one line with exit 2, like ``ls >&-``."""

    encoding = "utf-8"

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "standard output is closed")

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return False


def _stand_in_for_closed_streams() -> None:
    """Python sets a closed standard stream to None; give each a stand-in so no
    write is an AttributeError. A closed stderr is silenced: there is nowhere
    left to say anything, and the exit code still tells."""
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process


def _terminate(signum, frame) -> None:
    """SIGTERM (a killed job, a closed terminal session) stops a run like Ctrl-C,
    so that a file rewrite in progress removes its temporary file."""
    raise KeyboardInterrupt


def main() -> None:
    """Console entry point. Exits without tearing down the interpreter.

    Freeing spaCy's objects at interpreter exit takes ~0.15 s, a fifth of a
    short run. All output is flushed first and nothing is left open for
    writing (file rewrites are complete and atomic before this point).
    """
    defer_spacy_cli()
    _stand_in_for_closed_streams()
    for stream in (sys.stdout, sys.stderr):  # odd file names or a narrow terminal encoding: never crash
        with contextlib.suppress(AttributeError, ValueError):  # replaced or closed streams
            stream.reconfigure(errors="replace")  # type: ignore[union-attr]
    signal.signal(signal.SIGTERM, _terminate)
    try:
        cli.main(prog_name="plainspeak")
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:
            print(exc.code, file=sys.stderr)
            code = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError, OSError):
            _silence_stdout()
    os._exit(code)


if __name__ == "__main__":  # pragma: no cover
    main()
