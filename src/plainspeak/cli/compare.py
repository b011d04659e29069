"""``plainspeak compare``: two drafts by one writer, what improved and what remains."""

from __future__ import annotations

import json
import sys

import click

from ..exitcode import ExitCode, done
from .options import analysis_options, overrides
from .session import Session


@click.command(epilog="\b\nExamples:\n  plainspeak compare draft1.txt draft2.txt\n  plainspeak compare old.md new.md --format json")
@click.argument("first", type=click.Path(readable=False))
@click.argument("second", type=click.Path(readable=False))
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@click.option("--encoding", default=None, metavar="NAME", help="Text encoding of the drafts (default: utf-8).")
@click.option("--max-bytes", type=click.IntRange(1), default=None, metavar="N",
              help="Refuse drafts larger than this many bytes (default: 20000000).")
@analysis_options
def compare(first: str, second: str, fmt: str, **params) -> ExitCode:
    """Compare two drafts by one writer: what improved and what remains
    (reading grade, jargon density, findings fixed, findings new)."""
    from ..errors import PlainspeakError
    from ..grading.compare import compare_reports

    if first == second == "-":
        raise click.UsageError("only one of the two drafts can come from standard input")
    session = Session(overrides(params))
    session.prepare((first, second))
    reports, settings = [], None
    for name in (first, second):
        item = next(iter(session.inputs([name])))
        if item.error is not None:
            raise PlainspeakError(str(item.error))
        report, options = session.analyze(item)
        settings = session.analyzer_for(options).settings
        reports.append(report)
    result = compare_reports(*reports)
    if fmt == "json":
        sys.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) + "\n")
        return done()
    from ..render.comparison import write_comparison

    assert settings is not None
    write_comparison(result, first, second, sys.stdout, min_words=settings.min_document_words,
                     min_sentences=settings.min_document_sentences)
    return done()
