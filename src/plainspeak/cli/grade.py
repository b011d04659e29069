"""``plainspeak grade``: score a folder of written exercises against a rubric and print a roster."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import IO, TYPE_CHECKING

import click

from ..config.effective import Overrides
from ..exitcode import ExitCode, done, for_grade
from .options import analysis_options, input_options, jobs_count, jobs_option, overrides, record_options, record_spec
from .session import Session, analyzed, write_error

if TYPE_CHECKING:
    from rich.progress import Progress

GRADE_EPILOG = """\b
Examples:
  plainspeak grade submissions/
  plainspeak grade submissions/ --sort name --format csv > roster.csv
  plainspeak grade --print-rubric > rubric.toml     # start your own rubric
  plainspeak grade submissions/ --rubric rubric.toml --fail-under 70
  plainspeak grade submissions.zip --annotate feedback/   # a Moodle or Canvas export

\b
Exit codes: 0 graded, 1 a submission scored under --fail-under,
2 an option, rubric or input problem (unreadable files are listed in the
roster as errors and do not stop the run).
"""

@click.command(epilog=GRADE_EPILOG)
@input_options
@record_options
@click.option("--rubric", "rubric_path", type=click.Path(readable=False), metavar="FILE",
              help="A rubric TOML file (changes the defaults; also the 'rubric' configuration key).")
@click.option("--print-rubric", is_flag=True, help="Print the default rubric, to start your own, and exit.")
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "csv", "json")), default="table", show_default=True)
@click.option("--sort", type=click.Choice(("score", "name")), default="score", show_default=True,
              help="Roster order: lowest score first, or by file name.")
@click.option("--fail-under", type=click.FloatRange(0, 100), metavar="SCORE", help="Exit 1 if any submission scores below SCORE.")
@click.option("--html", "html_path", type=click.Path(dir_okay=False, readable=False), metavar="FILE",
              help="Also write one self-contained HTML report (roster, each text highlighted, notes, scores).")
@click.option("--annotate", "annotate_dir", type=click.Path(file_okay=False, readable=False), metavar="DIR",
              help="Also write each submission back with its notes into DIR: Word files as a copy with a "
                   "comment per finding and the score first; others as an HTML page.")
@analysis_options
@jobs_option
def grade(paths: Sequence[str], stdin_name: str, rubric_path: str | None, print_rubric: bool, fmt: str, sort: str,
          fail_under: float | None, html_path: str | None, annotate_dir: str | None, jobs: int | None,
          **params) -> ExitCode:
    """Score written exercises against a rubric and print a roster.

    PATHS are files, folders (searched for every format plainspeak reads:
    .txt, .md, .docx, .odt, .pdf, .html, .eml, .rtf ...), or a learning
    platform's submissions export (a Moodle or Canvas ZIP, or its unpacked
    folder), whose rows are named by student.

    Each submission starts at 100 points; the rubric takes points off for a
    high reading grade, jargon density, uncommon words, unexplained acronyms,
    hard and long sentences and stigmatising terms, and says how much each
    line cost.
    """
    from ..grading.rubric import default_rubric_path

    if print_rubric:
        sys.stdout.write(default_rubric_path().read_text(encoding="utf-8"))
        return done()
    records = record_spec(params)
    if not paths:
        raise click.UsageError("give the submissions to grade: files or folders")
    return run_grade(paths, overrides({**params, "rubric_path": rubric_path}), records=records, fmt=fmt, sort=sort,
                     fail_under=fail_under, html_path=html_path, annotate_dir=annotate_dir, stdin_name=stdin_name,
                     stdout=sys.stdout, stderr=sys.stderr, jobs=jobs_count(jobs, paths=paths, records=records))


def run_grade(paths: Sequence[str], cli: Overrides, *, fmt: str = "table", sort: str = "score",
              fail_under: float | None = None, html_path: str | None = None, annotate_dir: str | None = None,
              stdin_name: str = "-", stdout: IO[str], stderr: IO[str], records=None, jobs: int = 1) -> ExitCode:
    from ..grading.rubric import load_rubric
    from ..grading.score import Grade, grade_report
    from ..render.roster import write_roster

    if html_path:  # before any grading: a bad report path fails fast and never replaces a device or an input
        from ..sources.atomic import check_output_path
        from ..sources.inputs import Source, discover
        from ..suffixes import READ_SUFFIXES

        files = [item.path for item in discover(paths) if isinstance(item, Source) and item.path is not None]
        check_output_path(html_path, [*paths, *files], read_suffixes=READ_SUFFIXES)
    if annotate_dir:
        from pathlib import Path

        from ..errors import PlainspeakError

        try:
            Path(annotate_dir).mkdir(parents=True, exist_ok=True)
        except OSError as err:
            raise PlainspeakError(f"{annotate_dir}: cannot make the folder: {err.strerror or err}") from None
    session = Session(cli, records=records)
    run = session.run_options()
    rubric = load_rubric(run.rubric)
    session.prepare(paths, stdin_name)
    graded = []
    annotation_errors = False
    items = list(session.inputs(paths, stdin_name=stdin_name))
    written: set = set()
    with _progress(len(items), stderr) as advance:
        for item, report, options, error in analyzed(session, items, jobs=jobs):
            if error is not None:
                graded.append((None, Grade(item.name, error=getattr(error, "reason", str(error)))))
            else:
                result = grade_report(report, rubric)
                graded.append((report if html_path else None, result))
                if annotate_dir:
                    annotation_errors |= not _annotate(item, report, result, options, annotate_dir, rubric, written, paths, stderr)
            advance()
    graded.sort(key=(lambda e: e[1].name) if sort == "name" else (lambda e: (e[1].error is None, e[1].score, e[1].name)))
    grades = [g for _, g in graded]
    write_roster(grades, fmt, rubric, stdout)
    if html_path:
        from ..render.html import render_html, report_time
        from ..sources.atomic import write_new

        lexicon = session.analyzer_for(run).lexicon
        page = render_html(graded, pass_score=rubric["pass_score"], made_at=report_time(),
                           rubric_name=str(run.rubric) if run.rubric else None,
                           lexicon_files=[str(p) for p in run.lexicons], shipped_lexicon=run.default_lexicon,
                           lexicon_terms=len(lexicon))
        write_new(html_path, page.encode("utf-8"))
        stderr.write(f"plainspeak: wrote {html_path}\n")
    scored_under = fail_under is not None and any(g.error is None and g.score < fail_under for g in grades)
    if annotate_dir:
        stderr.write(f"plainspeak: wrote {len(written)} annotated submission{'s' if len(written) != 1 else ''} in {annotate_dir}\n")
    return for_grade(scored_under, had_errors=annotation_errors or any(g.error is not None for g in grades))


def _annotate(item, report, result, options, folder: str, rubric, written: set, paths: Sequence[str], stderr: IO[str]) -> bool:
    """Write one submission's annotated copy into ``folder``; False (reported) if it could not be."""
    from pathlib import Path

    from ..documents.annotated import annotated_bytes, annotated_name, unique_path, write_annotated
    from ..errors import InputError
    from ..sources.atomic import WriteError
    from .annotate import target_grade_for

    target = unique_path(Path(folder) / annotated_name(item.name, item.text.format), written)
    try:
        data = annotated_bytes(item.text, report, grade=result, target_grade=target_grade_for(options),
                               pass_score=rubric["pass_score"])
        write_annotated(target, data, paths)
    except (InputError, WriteError) as err:
        written.discard(target)
        write_error(stderr, err)
        return False
    return True


class _progress:
    """A progress bar on stderr while many files are graded (only on a terminal)."""

    def __init__(self, total: int, stream: IO[str]) -> None:
        self.total = total
        self.stream = stream
        self.bar: Progress | None = None

    def __enter__(self):
        if self.total > 1 and self.stream.isatty():
            from rich.console import Console
            from rich.progress import Progress

            bar = self.bar = Progress(console=Console(file=self.stream), transient=True)
            bar.start()
            task = bar.add_task("grading", total=self.total)
            return lambda: bar.advance(task)
        return lambda: None

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
