"""Running ``plainspeak check``: inputs in, rendered reports out, an exit code back.

Kept apart from cli.py so it can be called (and tested) with plain arguments
and injected streams. Inputs are read and analysed one at a time, so reports
stream and memory stays flat.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, BinaryIO

from .errors import InputError, PlainspeakError
from .exitcode import ExitCode, decide
from .report import Report, RunTotals
from .severity import Severity


@dataclass(frozen=True)
class CheckOptions:
    paths: tuple[str, ...]
    fmt: str = "rich"
    fail_on: str | None = "warning"  # None: never
    audience: str | None = None
    target_grade: float | None = None
    max_sentence_words: int | None = None
    accept_words: tuple[str, ...] = ()
    accept_files: tuple[str, ...] = ()
    lexicons: tuple[str, ...] = ()
    default_lexicon: bool = True
    model: str | None = None
    stdin_name: str = "-"
    encoding: str = "utf-8"
    max_bytes: int | None = None
    color: bool | None = None
    show_text: bool = True
    width: int | None = None


def run_check(options: CheckOptions, *, stdout: IO[str], stderr: IO[str], stdin: BinaryIO | None = None) -> ExitCode:
    from .api import Analyzer
    from .fixrun import gather_accept
    from .render import make_renderer
    from .settings import load_defaults, make_settings
    from .sources import discover, read_source

    settings = make_settings(
        audience=options.audience,
        target_grade=options.target_grade,
        max_sentence_words=options.max_sentence_words,
        accept=gather_accept(options.accept_words, options.accept_files),
    )
    max_bytes = options.max_bytes or int(load_defaults()["input"]["max_bytes"])
    encoding = _check_encoding(options.encoding)
    if not options.default_lexicon and not options.lexicons:
        raise PlainspeakError("--no-default-lexicon needs at least one --lexicon FILE")
    # Built before any output: a bad lexicon or model is one clear error, not a broken report.
    analyzer = Analyzer(settings, lexicon_paths=options.lexicons, default_lexicon=options.default_lexicon, model=options.model)
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


def _check_encoding(name: str) -> str:
    """The codec's canonical name ("UTF_16" -> "utf-16"), or a clear error."""
    import codecs

    try:
        return codecs.lookup(name).name
    except LookupError:
        raise PlainspeakError(f"unknown encoding {name!r} (--encoding)") from None
