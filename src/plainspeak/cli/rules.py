"""``plainspeak rules``: every rule that can fire, with one line on what it catches."""

from __future__ import annotations

import sys

import click

from ..exitcode import ExitCode, done
from .lexicon import load_lexicon_for
from .options import config_options, lexicon_options


@click.command(epilog="\b\nExamples:\n  plainspeak rules\n  plainspeak rules --family style\n"
               "  plainspeak rules --format json > rules.json\n\n"
               "Use the ids, families (jargon, uncommon, acronym, style, readability) and lexicon categories\n"
               "(person-first, medical, ...) with --select, --ignore and suppression comments.")
@click.option("--family", "families", multiple=True, metavar="FAMILY",
              help="Only rules of this family or lexicon category (jargon, style, person-first ...). Repeatable.")
@click.option("-f", "--format", "fmt", type=click.Choice(("table", "json")), default="table", show_default=True)
@lexicon_options
@config_options
def rules(families: tuple[str, ...], fmt: str, **params) -> ExitCode:
    """List every rule plainspeak can report: its id, severity and what it catches."""
    from ..rules.registry import all_rules

    found = [r for r in all_rules(load_lexicon_for(params))
             if not families or r.family in families or r.category in families]
    from ..render.rules import write_rules

    write_rules(found, fmt, sys.stdout)
    return done()
