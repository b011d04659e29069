"""``plainspeak lexicon list|search|validate`` and ``plainspeak explain``: thin Click
commands over lexicon_tools.py. No command ever writes to a lexicon file."""

from __future__ import annotations

import csv
import json
import sys
from typing import Sequence

import click

from ..text import plural
from ..rules.lexicon import CATEGORIES
from ..severity import Severity

LIST_FORMATS = ("table", "csv", "json")


def lexicon_options(f):
    """--lexicon and --no-default-lexicon, as on check."""
    f = click.option("--no-default-lexicon", is_flag=True, help="Use only the --lexicon files, not the shipped lexicon.")(f)
    f = click.option(
        "--lexicon",
        "lexicons",
        multiple=True,
        type=click.Path(readable=False),
        metavar="FILE",
        help="Extra lexicon CSV (docs/lexicon.md); its terms override shipped ones. Repeatable.",
    )(f)
    return f


def _load(lexicons: Sequence[str], no_default_lexicon: bool):
    from ..errors import PlainspeakError
    from ..rules.lexicon import load_lexicon

    if no_default_lexicon and not lexicons:
        raise PlainspeakError("--no-default-lexicon needs at least one --lexicon FILE")
    return load_lexicon(lexicons, include_default=not no_default_lexicon)


def _write(entries, fmt: str) -> None:
    from ..rules.lexicon_tools import COLUMNS, alternatives, entry_dict, entry_row

    out = sys.stdout
    if fmt == "json":
        out.write(json.dumps([entry_dict(e) for e in entries], ensure_ascii=False, indent=2) + "\n")
    elif fmt == "csv":
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(entry_row(e) for e in entries)
    else:
        from ..render.rich_console import PipeConsole
        from rich.table import Table

        table = Table(box=None, show_header=True, header_style="bold", pad_edge=False)
        table.add_column("term", style="bold", overflow="fold")
        table.add_column("say instead", overflow="fold")
        table.add_column("category", no_wrap=True)
        table.add_column("severity", no_wrap=True)
        for e in entries:
            table.add_row(e.term, " | ".join(alternatives(e)) or "(explain it)", e.category, e.severity.label)
        console = PipeConsole(file=out, highlight=False, markup=False, emoji=False)
        console.print(table)
        console.print(f"{len(entries)} entr{'y' if len(entries) == 1 else 'ies'}", style="dim")


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
def list_command(categories, severities, fmt, lexicons, no_default_lexicon) -> None:
    """List lexicon entries, by category and term."""
    from ..rules.lexicon_tools import filter_entries

    lexicon = _load(lexicons, no_default_lexicon)
    _write(filter_entries(lexicon, categories=categories, severities=severities), fmt)


@lexicon_group.command(epilog="\b\nExamples:\n  plainspeak lexicon search housing\n  plainspeak lexicon search 'prior'")
@click.argument("text")
@click.option("-f", "--format", "fmt", type=click.Choice(LIST_FORMATS), default="table", show_default=True,
              help="Output format, as for list.")
@lexicon_options
def search(text, fmt, lexicons, no_default_lexicon) -> None:
    """Find entries whose term, alternatives or note mention TEXT (exit 1 when none do)."""
    from ..rules.lexicon_tools import search as search_entries

    found = search_entries(_load(lexicons, no_default_lexicon), text)
    _write(found, fmt)
    if not found:
        sys.exit(1)


@lexicon_group.command(epilog="\b\nExamples:\n  plainspeak lexicon validate our-terms.csv\n"
                       "  plainspeak lexicon validate data/jargon_lexicon.csv\n\n"
                       "\b\nExit codes: 0 valid, 1 problems found, 2 a file could not be read.")
@click.argument("files", nargs=-1, required=True, type=click.Path(readable=False))
def validate(files) -> None:
    """Check lexicon CSV files: every problem as file:row: column: what is wrong."""
    import spacy

    from ..rules.lexicon_tools import validate_files

    problems, count = validate_files(files, tokenizer=spacy.blank("en").tokenizer)
    for problem in problems:
        click.echo(problem)
    if problems:
        click.echo(f"{plural.count(len(problems), 'problem')} in {plural.count(len(files), 'file')}", err=True)
        sys.exit(1)
    click.echo(f"{count} entries in {plural.count(len(files), 'file')}: no problems", err=True)


@click.command(epilog="\b\nExamples:\n  plainspeak explain utilized\n  plainspeak explain 'treatment modalities'\n"
               "  plainspeak explain IOP --format json")
@click.argument("term")
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@lexicon_options
def explain(term, fmt, lexicons, no_default_lexicon) -> None:
    """Show what plainspeak knows about TERM: what to say instead, why, an example
    and where the advice comes from. Inflected forms work ("utilized")."""
    from ..api import Analyzer
    from ..rules.lexicon_tools import alternatives, entry_dict, find_entries

    lexicon = _load(lexicons, no_default_lexicon)
    entries = find_entries(lexicon, term)
    if not entries:
        analyzer = Analyzer(lexicon_paths=lexicons, default_lexicon=not no_default_lexicon)
        entries = find_entries(lexicon, term, analyzer)
    if not entries:
        import shlex

        # quoted as a shell would need it, so the hint can be pasted as it is
        click.echo(f"plainspeak: {term!r} is not in the lexicon (try: plainspeak lexicon search {shlex.quote(term)})",
                   err=True)
        sys.exit(1)
    if fmt == "json":
        click.echo(json.dumps([entry_dict(e) for e in entries], ensure_ascii=False, indent=2))
        return
    for i, e in enumerate(entries):
        if i:
            click.echo("")
        click.echo(f"{e.term}  ({e.category}, {e.severity.label}; rule {e.rule_id})")
        click.echo(f"  say instead: {' | '.join(alternatives(e)) if e.plain else '(no one swap: explain it, see why)'}")
        click.echo(f"  why:         {e.note}")
        if e.example:
            click.echo(f"  example:     {e.example}")
        if e.source:
            click.echo(f"  source:      {e.source}")
