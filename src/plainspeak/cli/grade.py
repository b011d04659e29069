"""``plainspeak grade``: score a folder of written exercises against a rubric."""

from __future__ import annotations

import csv
import json
import sys

import click

from ..exitcode import ExitCode
from .lexicon import lexicon_options

GRADE_EPILOG = """\b
Examples:
  plainspeak grade submissions/
  plainspeak grade submissions/ --sort name --format csv > roster.csv
  plainspeak grade --print-rubric > rubric.toml     # start your own rubric
  plainspeak grade submissions/ --rubric rubric.toml --fail-under 70

\b
Exit codes: 0 graded, 1 a submission scored under --fail-under,
2 an option, rubric or input problem (unreadable files are listed in the
roster as errors and do not stop the run).
"""
ROSTER_COLUMNS = (
    "file", "words", "grade", "jargon/100w", "uncommon", "acronyms", "stigmatising", "hard", "long", "score", "result",
)


@click.command(epilog=GRADE_EPILOG)
@click.argument("paths", nargs=-1, type=click.Path(readable=False))
@click.option("--rubric", "rubric_path", type=click.Path(readable=False), metavar="FILE", help="A rubric TOML file (changes the defaults).")
@click.option("--print-rubric", is_flag=True, help="Print the default rubric, to start your own, and exit.")
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "csv", "json")), default="table", show_default=True)
@click.option("--sort", type=click.Choice(("score", "name")), default="score", show_default=True,
              help="Roster order: lowest score first, or by file name.")
@click.option("--fail-under", type=click.FloatRange(0, 100), metavar="SCORE", help="Exit 1 if any submission scores below SCORE.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, readable=False), metavar="FILE",
              help="Also write one self-contained HTML report (roster, each text highlighted, notes, scores).")
@click.option("--accept", "accept_words", multiple=True, metavar="WORD", help="A word your readers know; never flagged. Repeatable.")
@lexicon_options
def grade(paths, rubric_path, print_rubric, fmt, sort, fail_under, html_path, accept_words, lexicons,
          no_default_lexicon) -> None:
    """Score written exercises (.txt and .md files) against a rubric and print a roster.

    Each submission starts at 100 points; the rubric takes points off for a
    high reading grade, jargon density, uncommon words, unexplained acronyms,
    hard and long sentences and stigmatising terms, and says how much each
    line cost.
    """
    from ..grading.rubric import default_rubric_path, load_rubric

    if print_rubric:
        click.echo(default_rubric_path().read_text(encoding="utf-8"), nl=False)
        return
    if not paths:
        raise click.UsageError("give the submissions to grade: files or folders")
    if html_path:  # before any grading: a bad report path fails fast and never replaces a device or an input
        from ..sources.atomic import check_output_path
        from ..sources.inputs import TEXT_SUFFIXES, Source, discover

        files = [item.path for item in discover(paths) if isinstance(item, Source) and item.path is not None]
        check_output_path(html_path, [*paths, *files], read_suffixes=TEXT_SUFFIXES)
    rubric = load_rubric(rubric_path)
    graded, lexicon = _grade_all(paths, rubric, accept_words, lexicons, no_default_lexicon, keep_reports=bool(html_path))
    graded.sort(key=(lambda e: e[1].name) if sort == "name" else (lambda e: (e[1].error is None, e[1].score, e[1].name)))
    grades = [g for _, g in graded]
    _write(grades, fmt, rubric)
    if html_path:
        from ..sources.atomic import write_new
        from ..render.html import render_html, report_time

        page = render_html(graded, pass_score=rubric["pass_score"], made_at=report_time(), rubric_name=rubric_path,
                           lexicon_files=lexicons, shipped_lexicon=not no_default_lexicon, lexicon_terms=len(lexicon))
        write_new(html_path, page.encode("utf-8"))
        click.echo(f"plainspeak: wrote {html_path}", err=True)
    failed = fail_under is not None and any(g.error is None and g.score < fail_under for g in grades)
    errors = any(g.error is not None for g in grades)
    sys.exit(ExitCode.ERROR if errors else ExitCode.FINDINGS if failed else ExitCode.OK)


def _grade_all(paths, rubric, accept_words, lexicons, no_default_lexicon, *, keep_reports=False):
    """(report or None, grade) per input, and the lexicon used; reports are kept
    only for the HTML file, which also names the lexicon."""
    from ..errors import InputError
    from ..grading.score import Grade, grade_report
    from .setup import InputOptions, prepare_run
    from ..sources.inputs import discover, read_source

    setup = prepare_run(
        InputOptions(paths=tuple(paths), accept_words=tuple(accept_words), lexicons=tuple(lexicons),
                     default_lexicon=not no_default_lexicon)
    )
    items = list(discover(paths))
    grades = []
    with _progress(len(items)) as advance:
        for item in items:
            try:
                if isinstance(item, InputError):
                    raise item
                source = read_source(item, encoding=setup.encoding, max_bytes=setup.max_bytes)
            except InputError as err:
                grades.append((None, Grade(err.name, error=err.reason)))
            else:
                report = setup.analyzer.analyze(source.text, name=item.name)
                grades.append((report if keep_reports else None, grade_report(report, rubric)))
            advance()
    return grades, setup.analyzer.lexicon


class _progress:
    """A progress bar on stderr while many files are graded (only on a terminal)."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.bar = None

    def __enter__(self):
        if self.total > 1 and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("grading", total=self.total)
            return lambda: self.bar.advance(self.task)
        return lambda: None

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()


def _row(g) -> list[str]:
    from ..grading.score import score_text
    from ..report import grade_text

    if g.error is not None:
        return [g.name, *([""] * (len(ROSTER_COLUMNS) - 2)), f"error: {g.error}"]
    result = "pass" if g.passed else f"fail ({g.automatic_fail})" if g.automatic_fail else "fail"
    return [
        g.name, str(g.words), "-" if g.reading_grade is None else grade_text(g.reading_grade), f"{g.jargon_per_100:.1f}",
        str(g.uncommon), str(g.acronyms), str(g.stigmatising), str(g.hard_sentences), str(g.long_sentences),
        score_text(g.score), result,
    ]


def _write(grades, fmt: str, rubric) -> None:
    if fmt == "json":
        from ..grading.score import GRADE_SCHEMA_VERSION

        document = {"schema_version": GRADE_SCHEMA_VERSION, "pass_score": rubric["pass_score"],
                    "submissions": [g.to_dict() for g in grades]}
        click.echo(json.dumps(document, ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(ROSTER_COLUMNS)
        writer.writerows(_row(g) for g in grades)
        return
    _print_roster(grades, rubric)


SHORT_TEXT_NOTE = ("grade: too short for a full reading grade (under 30 words or 3 sentences); "
                   "scored by the grade of its sentences instead")

# Two-line headers keep the roster inside 80 columns; CSV keeps ROSTER_COLUMNS.
_WRAPPED_HEADERS = {"jargon/100w": "jargon\n/100 w", "uncommon": "un-\ncommon", "acronyms": "acro-\nnyms",
                    "stigmatising": "stigma-\ntising"}


def _print_roster(grades, rubric) -> None:
    """The roster as a table that fits a terminal, then per submission where
    its points went, one deduction a line, ready to hand back."""
    from rich.table import Table

    from ..grading.score import score_text
    from ..render.rich_console import PipeConsole

    console = PipeConsole(highlight=False, markup=False, emoji=False)
    table = Table(box=None, header_style="bold", pad_edge=False, collapse_padding=True)
    for column in ROSTER_COLUMNS:
        header = _WRAPPED_HEADERS.get(column, column)
        if column == "file":
            table.add_column(header, overflow="fold", ratio=1)  # long paths wrap; numbers never do
        else:
            table.add_column(header, justify="left" if column == "result" else "right", no_wrap=True)
    for g in grades:
        row = _row(g)
        row[-1] = "error" if g.error else "fail*" if g.automatic_fail else row[-1]
        style = "red" if g.error or not g.passed else "green"
        table.add_row(*row, style=style if console.is_terminal else None)
    console.print(table)
    graded = [g for g in grades if g.error is None]
    passed = sum(g.passed for g in graded)
    if any(g.automatic_fail for g in graded):
        console.print("* fails whatever the score (see below)")
    if any(g.reading_grade is None for g in graded):
        console.print(f"- {SHORT_TEXT_NOTE}")
    console.print(f"\n{len(graded)} graded, {passed} passed (pass score {rubric['pass_score']:g})"
                  + (f", {len(grades) - len(graded)} could not be read" if len(graded) < len(grades) else ""))
    explained = [g for g in graded if g.deductions or g.automatic_fail]
    if explained:
        console.print("\nWhere the points went:")
        for g in explained:
            console.print(f"  {g.name}: {score_text(g.score)} of 100", soft_wrap=True)
            for d in g.deductions:
                console.print(f"    {'-' + score_text(d.points):>5}  {d.detail}")
            if g.automatic_fail:
                console.print(f"    fails whatever the score: {g.automatic_fail}")
    unread = [g for g in grades if g.error is not None]
    if unread:
        console.print("\nCould not be read:")
        for g in unread:
            console.print(f"  {g.name}: {g.error}", soft_wrap=True)


@click.command(epilog="\b\nExamples:\n  plainspeak compare draft1.txt draft2.txt\n  plainspeak compare old.md new.md --format json")
@click.argument("first", type=click.Path(readable=False))
@click.argument("second", type=click.Path(readable=False))
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@lexicon_options
def compare(first, second, fmt, lexicons, no_default_lexicon) -> None:
    """Compare two drafts by one writer: what improved and what remains
    (reading grade, jargon density, findings fixed, findings new)."""
    from ..grading.compare import compare_reports
    from .setup import InputOptions, prepare_run
    from ..sources.inputs import Source, read_source

    if first == second == "-":
        raise click.UsageError("only one of the two drafts can come from standard input")
    setup = prepare_run(InputOptions(paths=(first, second), lexicons=tuple(lexicons), default_lexicon=not no_default_lexicon))
    from pathlib import Path

    reports = []
    for name in (first, second):
        source = read_source(Source(name, Path(name)) if name != "-" else Source("-"), encoding=setup.encoding,
                             max_bytes=setup.max_bytes)
        reports.append(setup.analyzer.analyze(source.text, name=name))
    result = compare_reports(*reports)
    if fmt == "json":
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    b, a = result.before.summary, result.after.summary

    from ..report import grade_text

    def grade(s):
        return "-" if s.grade is None else grade_text(s.grade)

    def density(s):
        return f"{100 * s.jargon / s.words if s.words else 0.0:.1f}"

    # Columns as wide as their widest cell, two spaces apart: cells never run together.
    rows = [("", "first", "second"), ("reading grade", grade(b), grade(a)),
            ("jargon per 100 words", density(b), density(a)),
            ("findings", str(len(result.before.findings)), str(len(result.after.findings)))]
    widths = [max(len(row[i]) for row in rows) for i in range(3)]
    for label, *cells in rows:
        click.echo(f"{label:<{widths[0]}}" + "".join(f"  {c:>{w}}" for c, w in zip(cells, widths[1:])))
    if b.grade is None or a.grade is None:
        settings = setup.analyzer.settings
        click.echo(f"- not enough text for a reading grade (under {settings.min_document_words} words or "
                   f"{settings.min_document_sentences} sentences)")
    for title, items, name in (("Fixed", result.fixed, first), ("New in the second draft", result.new, second),
                               ("Still there", result.remaining, second)):
        click.echo(f"\n{title} ({len(items)}):")
        for f in items:
            what = "a sentence" if f.kind == "readability" else f"'{' '.join(f.text.split())}'"
            click.echo(f"  {f.rule}: {what} ({name}:{f.line}:{f.column})")
