"""``plainspeak check``: inputs in, rendered reports out, an exit code back.

``run_check`` takes plain arguments and injected streams, so it is called
(and tested) without Click. Inputs are read and analysed one at a time, so
reports stream and memory stays flat.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, BinaryIO

import click

from ..config.effective import Overrides
from ..exitcode import ExitCode, fails, for_check
from ..render import FORMATS
from ..report import Report, RunTotals
from ..severity import Severity
from ..sources.inputs import RecordSpec
from .options import (
    FAIL_ON_CHOICES,
    analysis_options,
    input_options,
    jobs_count,
    jobs_option,
    overrides,
    record_options,
    record_spec,
)
from .session import Session, analyzed, write_error

CHECK_EPILOG = """\b
Examples:
  plainspeak check message.txt
  plainspeak check drafts/                 # every file it can read in it, recursively
  plainspeak check a.txt b.md --format line
  echo "We will utilize the portal." | plainspeak check -
  pbpaste | plainspeak check --format json
  plainspeak check letter.txt --audience everyday --target-grade 6
  plainspeak check notes/ --accept Eastside --lexicon our-terms.csv
  plainspeak check letters/ --ignore uncommon --select jargon --select acronym
  plainspeak check letters/ --format sarif --output-file plainspeak.sarif
  plainspeak check letter.docx exercise.pdf page.html message.eml
  plainspeak check --records notes.csv --column note --id-column case_id
  export-notes | plainspeak check --records - --column text --format jsonl

\b
Options also come from the nearest plainspeak.toml, .plainspeak.toml or
pyproject.toml [tool.plainspeak] (docs/config.md); the command line wins.

\b
Exit codes:
  0    nothing at or above --fail-on
  1    findings at or above --fail-on
  2    usage error, or an input/lexicon/option/configuration error (named on stderr)
  3    internal error (a bug: please report it)
  130  interrupted (Ctrl-C, SIGTERM); 141 the output pipe closed early (e.g. | head)
"""


@dataclass(frozen=True)
class OutputOptions:
    fmt: str | None = None  # None: the configuration's, else rich
    color: bool | None = None
    show_text: bool = True
    width: int | None = None
    output_file: str | None = None
    quiet: bool = False
    show_suppressed: bool = False
    report_unused_suppressions: bool = False


@click.command(epilog=CHECK_EPILOG)
@input_options
@record_options
@click.option("-f", "--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="rich: for people (default); line: path:line:col: severity rule: message [try: ...]; "
                   "json: one document (docs/json-schema.md); jsonl: one report per line, as each input "
                   "finishes; sarif: SARIF 2.1.0 for code-scanning tools; github: GitHub Actions annotations.")
@click.option("--fail-on", type=click.Choice(FAIL_ON_CHOICES), default=None,
              help="Exit with 1 when there is a finding of this severity or worse (default: warning); "
                   "'never' always exits 0 unless an input could not be read.")
@analysis_options
@click.option("-o", "--output-file", type=click.Path(dir_okay=False, readable=False), metavar="FILE",
              help="Write the report to FILE (atomically) instead of standard output.")
@click.option("-q", "--quiet", is_flag=True,
              help="Print only findings: no text, no summaries, no notes (the line, json and jsonl formats are quiet already).")
@click.option("--show-suppressed", is_flag=True,
              help="List findings set aside by suppression comments (json and jsonl: a 'suppressed' list).")
@click.option("--report-unused-suppressions", is_flag=True,
              help="Report a suppression comment that silences nothing (rule suppression.unused).")
@click.option("--color/--no-color", default=None,
              help="Force colour on or off (default: on for a terminal, off for files, pipes and NO_COLOR; "
                   "FORCE_COLOR forces it on).")
@click.option("--text/--no-text", "show_text", default=True, show_default=True,
              help="Show each input's text with findings highlighted (rich format; not for texts over "
                   "20,000 characters, whose findings are summarised by rule past 200).")
@jobs_option
def check(paths: Sequence[str], stdin_name: str, fmt: str | None, output_file: str | None, quiet: bool,
          show_suppressed: bool, report_unused_suppressions: bool, color: bool | None, show_text: bool,
          jobs: int | None, **params) -> ExitCode:
    """Check drafts for jargon and hard-to-read passages.

    PATHS are files or folders (searched recursively, in path order, skipping
    hidden ones, for text (.txt, .md, .text, .markdown), Word (.docx),
    OpenDocument (.odt), PDF, web pages (.html, .htm), e-mail (.eml, .mbox) and
    RTF files); '-' reads standard input, which is also read when no path is
    given and input is piped in. Text files that are not UTF-8 are read in
    their detected encoding (--encoding forces one).
    """
    import sys

    from . import options

    if not paths:
        if options.stdin_is_terminal():
            raise click.UsageError("no input: give files or folders to check, or pipe text in (- reads stdin)")
        paths = ("-",)
    records = record_spec(params)
    output = OutputOptions(fmt, color, show_text, None, output_file, quiet, show_suppressed, report_unused_suppressions)
    return run_check(paths, overrides(params), output, stdin_name=stdin_name, stdout=sys.stdout, stderr=sys.stderr,
                     records=records, jobs=jobs_count(jobs, paths=paths, records=records))


def run_check(paths: Sequence[str], cli: Overrides, output: OutputOptions, *, stdin_name: str = "-",
              stdout: IO[str], stderr: IO[str], stdin: BinaryIO | None = None, records: RecordSpec | None = None,
              jobs: int = 1) -> ExitCode:
    from ..render import make_renderer

    session = Session(cli, report_unused_suppressions=output.report_unused_suppressions, records=records)
    session.prepare(paths, stdin_name)  # every option and configuration file checked before any output
    fmt = output.fmt or session.run_options().format or "rich"
    with _destination(output.output_file, paths, stdout) as stream:
        renderer = make_renderer(fmt, stream, color=output.color, show_text=output.show_text and not output.quiet,
                                 width=output.width, quiet=output.quiet, show_suppressed=output.show_suppressed)
        totals = RunTotals()
        failed = False
        for item, report, options, error in analyzed(session, session.inputs(paths, stdin_name=stdin_name, stdin=stdin,
                                                                                    windowed=True),
                                                     jobs=jobs, streamed=True):
            if error is not None:
                write_error(stderr, error)
                report = Report(item.name, error=getattr(error, "reason", str(error)))
            renderer.report(report)  # a streamed report's findings are written as they are found
            if error is None:
                assert options is not None
                fail_on = None if options.fail_on == "never" else Severity.parse(options.fail_on)
                failed = failed or fails(report.worst, fail_on)
            totals.add(report)  # the report itself is dropped: memory stays flat over many inputs
        renderer.close(totals)
    return for_check(failed, had_errors=bool(totals.errors))


@contextlib.contextmanager
def _destination(output_file: str | None, inputs: Sequence[str], stdout: IO[str]):
    """Standard output, or --output-file written atomically when the run completes
    (never over a device, a pipe or an input of the run)."""
    if output_file is None:
        yield stdout
        return
    from ..sources.atomic import AtomicOutput
    from ..suffixes import READ_SUFFIXES

    with AtomicOutput(output_file, inputs=inputs, read_suffixes=READ_SUFFIXES) as stream:
        yield stream
