"""Running ``plainspeak check``: inputs in, rendered reports out, an exit code back.

Kept apart from cli.py so it can be called (and tested) with plain arguments
and injected streams. Inputs are read and analysed one at a time, so reports
stream and memory stays flat.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, BinaryIO

from ..errors import InputError
from ..exitcode import ExitCode, decide
from ..report import Report, RunTotals
from .setup import InputOptions, prepare_run
from ..severity import Severity


@dataclass(frozen=True)
class CheckOptions(InputOptions):
    fmt: str = "rich"
    fail_on: str | None = "warning"  # None: never
    audience: str | None = None
    target_grade: float | None = None
    max_sentence_words: int | None = None
    color: bool | None = None
    show_text: bool = True
    width: int | None = None


def run_check(options: CheckOptions, *, stdout: IO[str], stderr: IO[str], stdin: BinaryIO | None = None) -> ExitCode:
    from ..render import make_renderer
    from ..sources.inputs import discover, read_source

    setup = prepare_run(
        options,
        audience=options.audience,
        target_grade=options.target_grade,
        max_sentence_words=options.max_sentence_words,
    )
    analyzer, encoding, max_bytes = setup.analyzer, setup.encoding, setup.max_bytes
    renderer = make_renderer(options.fmt, stdout, color=options.color, show_text=options.show_text, width=options.width)
    totals = RunTotals()
    worst: Severity | None = None
    for item in discover(options.paths, stdin_name=options.stdin_name):
        try:
            if isinstance(item, InputError):
                raise item
            source_text = read_source(item, encoding=encoding, max_bytes=max_bytes, stdin=stdin)
        except InputError as err:
            stderr.write(f"plainspeak: error: {err}\n")
            stderr.flush()
            report = Report(err.name, error=err.reason)
        else:
            report = analyzer.analyze(source_text.text, name=item.name)
        renderer.report(report)
        totals.add(report)  # the report itself is dropped: memory stays flat over many inputs
        if report.worst is not None and (worst is None or report.worst > worst):
            worst = report.worst
    renderer.close(totals)
    fail_on = Severity.parse(options.fail_on) if options.fail_on else None
    return decide([worst], fail_on, had_errors=bool(totals.errors))
