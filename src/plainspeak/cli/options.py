"""Option groups shared by the commands (sqlite-utils' ``output_options`` style),
so every command that reads drafts takes the same input and analysis options,
named as the configuration file's keys are (docs/config.md)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import click

from ..config.effective import Overrides


def stdin_is_terminal() -> bool:
    """Whether nobody piped text in (then a missing path is a mistake, not '-')."""
    import sys

    return sys.stdin is None or sys.stdin.isatty()

AUDIENCES = ("everyday", "general", "professional")  # data/defaults.toml; checked in tests
FAIL_ON_CHOICES = ("suggestion", "warning", "error", "never")


def _apply(f: Callable, options: list) -> Callable:
    for option in reversed(options):
        f = option(f)
    return f


def input_options(f: Callable) -> Callable:
    """PATHS and how they are read."""
    return _apply(f, [
        click.argument("paths", nargs=-1, type=click.Path(readable=False)),
        click.option("--stdin-name", default="-", show_default=True, metavar="NAME",
                     help="The name reports give to standard input; its configuration file is found from it."),
        click.option("--encoding", default=None, metavar="NAME",
                     help="Text encoding of text inputs (default: auto, UTF-8 or a byte-order mark's, else detected and named in the report and JSON output; or one such as cp1252 or utf-16)."),
        click.option("--max-bytes", type=click.IntRange(1), default=None, metavar="N",
                     help="Refuse inputs larger than this many bytes (default: 20000000)."),
        click.option("--suffixes", default=None, metavar="LIST",
                     help="The file suffixes a folder search finds, comma-separated (e.g. .docx,.txt; default: "
                          "every format plainspeak reads, docs/formats.md). Files named explicitly are always read."),
    ])


def lexicon_options(f: Callable) -> Callable:
    """--lexicon and --no-default-lexicon."""
    return _apply(f, [
        click.option("--lexicon", "lexicons", multiple=True, type=click.Path(readable=False), metavar="FILE",
                     help="Extra lexicon CSV (docs/lexicon.md); its terms override shipped ones. Repeatable."),
        click.option("--no-default-lexicon", is_flag=True, default=None,
                     help="Use only the --lexicon files, not the shipped lexicon."),
    ])


def config_options(f: Callable) -> Callable:
    """--config and --isolated."""
    return _apply(f, [
        click.option("--config", "config_file", type=click.Path(readable=False, dir_okay=False), metavar="FILE",
                     help="Use this configuration file for every input, instead of the nearest "
                          "plainspeak.toml, .plainspeak.toml or pyproject.toml [tool.plainspeak]."),
        click.option("--isolated", is_flag=True,
                     help="Ignore every configuration file and the .plainspeak-accept.txt accept list."),
    ])


def record_options(f: Callable) -> Callable:
    """--records, --column and --id-column: each row of a CSV or JSONL export is one input."""
    return _apply(f, [
        click.option("--records", is_flag=True,
                     help="Read each PATH (or '-') as records: a CSV file with a header row, or JSON Lines; "
                          "each row's --column is checked as one input, named FILE[id]."),
        click.option("--column", metavar="NAME", help="With --records: the column (CSV) or field (JSONL) holding the text."),
        click.option("--id-column", metavar="NAME",
                     help="With --records: the column or field naming each row (default: its row or line number)."),
    ])


def record_spec(params: dict[str, Any]):
    """The record stream options as a RecordSpec (None without --records); a usage error
    when they do not go together."""
    records, column, id_column = params.pop("records", False), params.pop("column", None), params.pop("id_column", None)
    if not records:
        if column or id_column:
            raise click.UsageError(f"--{'column' if column else 'id-column'} goes with --records")
        return None
    if not column:
        raise click.UsageError("--records needs --column NAME: the column or field that holds the text")
    from ..sources.inputs import RecordSpec

    return RecordSpec(column, id_column)


def analysis_options(f: Callable) -> Callable:
    """What changes what is flagged: the same on check, fix, grade and compare."""
    return _apply(f, [
        click.option("--audience", type=click.Choice(AUDIENCES), default=None,
                     help="Who will read it; sets how rare or hard a word must be to be flagged (default: general)."),
        click.option("--target-grade", type=click.FloatRange(0, 30), default=None, metavar="GRADE",
                     help="Flag sentences above this grade (plainspeak's estimate; default: 8)."),
        click.option("--max-sentence-words", type=click.IntRange(1, 10_000), default=None, metavar="N",
                     help="Flag sentences with more words than this (default: 25)."),
        click.option("--accept", "accept_words", multiple=True, metavar="WORD",
                     help="A word, acronym or lexicon term your readers know; never flagged. Repeatable."),
        click.option("--accept-file", "accept_files", multiple=True, type=click.Path(readable=False), metavar="FILE",
                     help="A file of accepted words, one per line ('#' starts a comment). Repeatable."),
        lexicon_options,
        click.option("--model", metavar="NAME",
                     help="Use an installed trained spaCy pipeline (e.g. en_core_web_sm) for better name "
                          "detection. Never downloaded."),
        click.option("--select", "select", multiple=True, metavar="RULE",
                     help="Report only these rules, families or categories (e.g. jargon, acronym, "
                          "readability.long-sentence, person-first). Repeatable; see plainspeak rules."),
        click.option("--extend-select", "extend_select", multiple=True, metavar="RULE",
                     help="Report these rules too, besides those selected. Repeatable."),
        click.option("--ignore", "ignore", multiple=True, metavar="RULE",
                     help="Never report these rules, families or categories. Repeatable."),
        config_options,
    ])


def _suffix_option(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    from ..config.files import parse_suffixes

    try:
        return parse_suffixes([v for v in value.split(",") if v.strip()] or [""])
    except ValueError as err:
        raise click.BadParameter(str(err).replace("got ['", "got '").replace("']", "'"), param_hint="--suffixes") from None


def overrides(params: dict[str, Any], **extra: Any) -> Overrides:
    """The command line's options as Overrides: None where not given."""

    def many(name: str) -> tuple[str, ...]:
        return tuple(params.get(name) or ())

    select = many("select")
    no_default = params.get("no_default_lexicon")
    return Overrides(
        audience=params.get("audience"),
        target_grade=params.get("target_grade"),
        max_sentence_words=params.get("max_sentence_words"),
        accept=many("accept_words"),
        accept_file=many("accept_files"),
        lexicon=many("lexicons"),
        default_lexicon=False if no_default else None,
        model=params.get("model"),
        select=select or None,
        ignore=many("ignore"),
        extend_select=many("extend_select"),
        fail_on=params.get("fail_on"),
        format=params.get("fmt") if params.get("fmt_is_check_format") else None,
        encoding=params.get("encoding"),
        max_bytes=params.get("max_bytes"),
        rubric=params.get("rubric_path"),
        suffixes=_suffix_option(params.get("suffixes")),
        config=params.get("config_file"),
        isolated=bool(params.get("isolated")),
        **extra,
    )


def jobs_option(f: Callable) -> Callable:
    """-j/--jobs: worker processes for big runs (plainspeak.parallel)."""
    return click.option(
        "-j", "--jobs", type=click.IntRange(min=1), default=None, metavar="N",
        help="Worker processes for big runs (default: one per usable core, at most 2 per core; 1: this "
             "process only). A short message never starts one, nor by default does a record stream on "
             "standard input (each record is answered as it arrives); the output is the same whatever N is.")(f)


def usable_cores() -> int:
    import os

    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def jobs_count(jobs: int | None, *, paths: Sequence[str] = (), records: object = None) -> int:
    """How many worker processes: --jobs, capped at two per usable core (more only
    costs memory); by default one per core, or one process for a record stream read
    from standard input, whose records a script may be waiting on one by one
    (workers take records in batches). plainspeak.parallel is imported only when a
    run is big enough to start workers."""
    if jobs is None and records is not None and "-" in paths:
        jobs = 1
    cores = usable_cores()
    return cores if jobs is None else min(jobs, 2 * cores)
