"""``plainspeak annotate``: hand a document back with every finding as a margin comment."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import IO

import click

from ..config.effective import Overrides
from ..errors import PlainspeakError
from ..exitcode import ExitCode, for_annotate
from .options import analysis_options, input_options, overrides
from .session import Session, write_error

ANNOTATE_EPILOG = """\b
Examples:
  plainspeak annotate letter.docx                 # writes letter.annotated.docx beside it
  plainspeak annotate letter.docx -o feedback.docx
  plainspeak annotate exercises/ -o feedback/     # one annotated copy per document
  plainspeak annotate notes.txt                   # other formats: notes.annotated.html

\b
A Word document gets a copy with one comment per finding, anchored on the
words it is about (why, and what to say instead), and a first comment with
the summary. Any other input gets an HTML page of its text with the findings
highlighted. The original is never changed.

\b
Exit codes: 0 written, 2 an input could not be read or a copy not written
(the others are still done), 3 internal error.
"""


@click.command(epilog=ANNOTATE_EPILOG)
@input_options
@click.option("-o", "--output", "output", type=click.Path(readable=False), metavar="PATH",
              help="Where to write: a file for one input, a folder (made if missing) for several; "
                   "default: beside each input, as NAME.annotated.docx (or .html).")
@analysis_options
def annotate(paths: Sequence[str], stdin_name: str, output: str | None, **params) -> ExitCode:
    """Write a copy of each document with plainspeak's notes in it.

    PATHS are files or folders (searched as check searches them).
    """
    import sys

    if not paths:
        raise click.UsageError("give the documents to annotate: files or folders")
    return run_annotate(paths, overrides(params), output=output, stdin_name=stdin_name, stdout=sys.stdout, stderr=sys.stderr)


def run_annotate(paths: Sequence[str], cli: Overrides, *, output: str | None = None, stdin_name: str = "-",
                 stdout: IO[str], stderr: IO[str]) -> ExitCode:
    from ..documents.annotated import annotated_bytes, annotated_name, unique_path, write_annotated
    from ..errors import InputError
    from ..sources.atomic import WriteError
    from ..sources.inputs import Source, discover

    sources = [item for item in discover(paths, stdin_name=stdin_name) if isinstance(item, Source)]
    single_file = output is not None and len(paths) == 1 and len(sources) == 1 and not Path(output).is_dir() \
        and not Path(paths[0]).is_dir()
    if output is not None and not single_file:
        try:
            Path(output).mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise PlainspeakError(f"{output}: cannot make the folder: {err.strerror or err}") from None
    session = Session(cli)
    session.prepare(paths, stdin_name)
    inputs = [*paths, *(str(s.path) for s in sources if s.path is not None)]
    had_errors = False
    used: set[Path] = set()
    for item in session.inputs(paths, stdin_name=stdin_name):
        if item.error is not None:
            had_errors = True
            write_error(stderr, item.error)
            continue
        assert item.text is not None
        report, options = session.analyze(item)
        name = annotated_name(item.name, item.text.format)
        if single_file:
            target = Path(output)  # type: ignore[arg-type]
        elif output is not None:
            target = unique_path(Path(output) / name, used)
        else:
            base = item.source.path.parent if item.source.path is not None else Path.cwd()
            target = unique_path(base / name, used)
        try:
            data = annotated_bytes(item.text, report, target_grade=target_grade_for(options))
            write_annotated(target, data, inputs)
        except (InputError, WriteError) as err:
            had_errors = True
            write_error(stderr, err)
            continue
        stdout.write(f"{item.name}: wrote {target} ({len(report.findings)} note{'s' if len(report.findings) != 1 else ''})\n")
        stdout.flush()
    return for_annotate(had_errors)



def target_grade_for(options) -> float:
    """The target grade the hard-sentence rule used (the option, else the audience's default)."""
    if options.target_grade is not None:
        return float(options.target_grade)
    from ..config.settings import make_settings

    return float(make_settings(audience=options.audience).target_grade)
