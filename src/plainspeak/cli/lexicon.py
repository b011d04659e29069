"""``plainspeak lexicon list|search|validate``: explore and check lexicons.
No command ever writes to a lexicon file."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from ..exitcode import ExitCode, done, for_lookup, for_validation
from ..rules.lexicon import CATEGORIES, Lexicon
from ..severity import Severity
from ..text import plural
from .options import config_options, lexicon_options

LIST_FORMATS = ("table", "csv", "json")


def load_lexicon_for(params: dict) -> Lexicon:
    """The lexicon a check in the current folder would use: --lexicon and
    --no-default-lexicon over the configuration file's."""
    from ..errors import PlainspeakError
    from ..rules.lexicon import load_lexicon
    from .options import overrides
    from .session import Session

    options = Session(overrides(params)).run_options()
    if not options.default_lexicon and not options.lexicons:
        raise PlainspeakError("--no-default-lexicon needs at least one --lexicon FILE")
    return load_lexicon([str(p) for p in options.lexicons], include_default=options.default_lexicon)


@click.group(name="lexicon")
def lexicon_group() -> None:
    """Explore and check lexicons (the terms plainspeak flags and what to say instead)."""


@lexicon_group.command(
    name="list",
    epilog="\b\nExamples:\n  plainspeak lexicon list --category person-first\n"
    "  plainspeak lexicon list --format csv > all-terms.csv",
)
@click.option("--category", "categories", multiple=True, type=click.Choice(CATEGORIES), help="Only this category. Repeatable.")
@click.option("--severity", "severities", multiple=True, type=click.Choice([s.label for s in Severity]),
              help="Only this severity. Repeatable.")
@click.option("-f", "--format", "fmt", type=click.Choice(LIST_FORMATS), default="table", show_default=True,
              help="table for people; csv in the lexicon's own format (docs/lexicon.md); json.")
@lexicon_options
@config_options
def list_command(categories: Sequence[str], severities: Sequence[str], fmt: str, **params) -> ExitCode:
    """List lexicon entries, by category and term."""
    from ..render.entries import write_entries
    from ..rules.lexicon_tools import filter_entries

    write_entries(filter_entries(load_lexicon_for(params), categories=categories, severities=severities), fmt,
                  sys.stdout)
    return done()


@lexicon_group.command(epilog="\b\nExamples:\n  plainspeak lexicon search housing\n  plainspeak lexicon search 'prior'")
@click.argument("text")
@click.option("-f", "--format", "fmt", type=click.Choice(LIST_FORMATS), default="table", show_default=True,
              help="Output format, as for list.")
@lexicon_options
@config_options
def search(text: str, fmt: str, **params) -> ExitCode:
    """Find entries whose term, alternatives or note mention TEXT (exit 1 when none do)."""
    from ..render.entries import write_entries
    from ..rules.lexicon_tools import search as search_entries

    found = search_entries(load_lexicon_for(params), text)
    write_entries(found, fmt, sys.stdout)
    return for_lookup(bool(found))


@lexicon_group.command(epilog="\b\nExamples:\n  plainspeak lexicon validate our-terms.csv\n"
                       "  plainspeak lexicon validate data/jargon_lexicon.csv\n\n"
                       "\b\nExit codes: 0 valid, 1 problems found, 2 a file could not be read.")
@click.argument("files", nargs=-1, required=True, type=click.Path(readable=False))
def validate(files: Sequence[str]) -> ExitCode:
    """Check lexicon CSV files: every problem as file:row: column: what is wrong."""
    import spacy

    from ..rules.lexicon_tools import validate_files

    problems, count = validate_files(files, tokenizer=spacy.blank("en").tokenizer)
    for problem in problems:
        sys.stdout.write(problem + "\n")
    if problems:
        sys.stderr.write(f"{plural.count(len(problems), 'problem')} in {plural.count(len(files), 'file')}\n")
    else:
        sys.stderr.write(f"{count} entries in {plural.count(len(files), 'file')}: no problems\n")
    return for_validation(bool(problems))
