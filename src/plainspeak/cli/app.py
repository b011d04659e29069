"""The command line: parse options, call the library, pick a renderer.

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2
usage or input errors (these three decided in exitcode.py), 3 an internal
error (a bug), 130 interrupted, 141 the output pipe was closed early.
"""

from __future__ import annotations

import errno
import io
import os
import signal
import sys
from typing import Sequence

import click

from ..__about__ import __version__
from ..errors import PlainspeakError
from ..exitcode import ExitCode
from ..render import FORMATS

FAIL_ON_CHOICES = ("suggestion", "warning", "error", "never")
DEFAULT_FAIL_ON = "warning"
AUDIENCES = ("everyday", "general", "professional")  # data/defaults.toml; checked in tests

CHECK_EPILOG = """\b
Examples:
  plainspeak check message.txt
  plainspeak check drafts/                 # every .txt/.md file in it, recursively
  plainspeak check a.txt b.md --format line
  echo "We will utilize the portal." | plainspeak check -
  pbpaste | plainspeak check --format json
  plainspeak check letter.txt --audience everyday --target-grade 6
  plainspeak check notes/ --accept Eastside --lexicon our-terms.csv

\b
Exit codes:
  0    nothing at or above --fail-on
  1    findings at or above --fail-on
  2    usage error, or an input/lexicon/option error (named on stderr)
  3    internal error (a bug: please report it)
  130  interrupted (Ctrl-C, SIGTERM); 141 the output pipe closed early (e.g. | head)
"""


class _Group(click.Group):
    """Prints PlainspeakErrors as one line and handles closed pipes (any command) and Ctrl-C."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except BrokenPipeError:  # the reader went away (| head): stop quietly, whatever the command
            _silence_stdout()
            sys.exit(ExitCode.PIPE_CLOSED)

    def main(self, *args, **kwargs):  # noqa: D401
        try:
            return super().main(*args, standalone_mode=False, **kwargs)
        except click.exceptions.Exit as exc:
            sys.exit(exc.exit_code)
        except click.ClickException as exc:
            exc.show()
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            click.echo("plainspeak: interrupted", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        except PlainspeakError as exc:
            click.echo(f"plainspeak: error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("plainspeak: interrupted", err=True)
            sys.exit(ExitCode.INTERRUPTED)
        except OSError as exc:  # writing the report failed: a full disk, a closed stdout
            click.echo(f"plainspeak: error: cannot write output: {exc.strerror or exc}", err=True)
            sys.exit(ExitCode.ERROR)
        except Exception as exc:  # a bug: one line, the traceback only when asked for
            if os.environ.get("PLAINSPEAK_DEBUG"):
                raise
            click.echo(
                f"plainspeak: internal error: {type(exc).__name__}: {exc} "
                "(please report it; set PLAINSPEAK_DEBUG=1 to see where)",
                err=True,
            )
            sys.exit(ExitCode.INTERNAL)


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


@cli.command(epilog=CHECK_EPILOG)
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default="rich", show_default=True,
              help="rich: for people; line: path:line:col: severity rule: message [try: ...]; "
                   "json: one document (docs/json-schema.md); jsonl: one report per line, as each input finishes.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=DEFAULT_FAIL_ON, show_default=True,
              help="Exit with 1 when there is a finding of this severity or worse; 'never' always exits 0 "
                   "unless an input could not be read.")
@click.option("--audience", type=click.Choice(AUDIENCES), default=None,
              help="Who will read it; sets how rare or hard a word must be to be flagged (default: general).")
@click.option("--target-grade", type=click.FloatRange(0, 30), default=None, metavar="GRADE",
              help="Flag sentences above this grade (plainspeak's estimate; default: 8).")
@click.option("--max-sentence-words", type=click.IntRange(1), default=None, metavar="N",
              help="Flag sentences with more words than this (default: 25).")
@click.option("--accept", "accept_words", multiple=True, metavar="WORD",
              help="A word, acronym or lexicon term your readers know; never flagged. Repeatable.")
@click.option("--accept-file", "accept_files", multiple=True, type=click.Path(readable=False), metavar="FILE",
              help="A file of accepted words, one per line ('#' starts a comment). Repeatable.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(readable=False), metavar="FILE",
              help="Extra lexicon CSV (format: docs/lexicon.md); its terms override shipped ones. Repeatable.")
@click.option("--no-default-lexicon", is_flag=True, help="Use only the --lexicon files, not the shipped lexicon.")
@click.option("--model", metavar="NAME",
              help="Use an installed trained spaCy pipeline (e.g. en_core_web_sm) for better name "
                   "detection. Never downloaded.")
@click.option("--stdin-name", default="-", show_default=True, metavar="NAME",
              help="The name reports give to standard input.")
@click.option("--encoding", default="utf-8", show_default=True, help="Text encoding of the inputs.")
@click.option("--max-bytes", type=click.IntRange(1), default=None, metavar="N",
              help="Refuse inputs larger than this many bytes (default: 20000000).")
@click.option("--color/--no-color", default=None,
              help="Force colour on or off (default: on for a terminal, off for files, pipes and NO_COLOR).")
@click.option("--text/--no-text", "show_text", default=True, show_default=True,
              help="Show each input's text with findings highlighted (rich format; not for texts over "
                   "20,000 characters, whose findings are summarised by rule past 200).")
def check(paths: Sequence[str], fmt: str, fail_on: str, audience: str | None, target_grade: float | None,
          max_sentence_words: int | None, accept_words: Sequence[str], accept_files: Sequence[str],
          lexicons: Sequence[str], no_default_lexicon: bool, model: str | None, stdin_name: str,
          encoding: str, max_bytes: int | None, color: bool | None, show_text: bool) -> None:
    """Check drafts for jargon and hard-to-read passages.

    PATHS are files or folders (searched recursively for .txt, .md, .text and
    .markdown files, in path order, skipping hidden ones); '-' reads standard
    input, which is also read when no path is given and input is piped in.
    """
    from .checkrun import CheckOptions, run_check

    if not paths:
        if _stdin_is_terminal():
            raise click.UsageError("no input: give files or folders to check, or pipe text in (- reads stdin)")
        paths = ("-",)
    options = CheckOptions(
        paths=tuple(paths), fmt=fmt, fail_on=None if fail_on == "never" else fail_on, audience=audience,
        target_grade=target_grade, max_sentence_words=max_sentence_words, accept_words=tuple(accept_words),
        accept_files=tuple(accept_files), lexicons=tuple(lexicons), default_lexicon=not no_default_lexicon,
        model=model, stdin_name=stdin_name, encoding=encoding, max_bytes=max_bytes, color=color,
        show_text=show_text,
    )
    sys.exit(int(run_check(options, stdout=sys.stdout, stderr=sys.stderr)))


def _register_commands() -> None:
    from .fix import fix
    from .grade import compare, grade
    from .lexicon import explain, lexicon_group

    cli.add_command(fix)
    cli.add_command(grade)
    cli.add_command(compare)
    cli.add_command(lexicon_group)
    cli.add_command(explain)


_register_commands()


def _stdin_is_terminal() -> bool:
    return sys.stdin is None or sys.stdin.isatty()


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
    _stand_in_for_closed_streams()
    for stream in (sys.stdout, sys.stderr):  # odd file names or a narrow terminal encoding: never crash
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):  # pragma: no cover - replaced or closed streams
            pass
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
