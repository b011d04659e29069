"""``plainspeak explain``: what plainspeak knows about a term, or a rule."""

from __future__ import annotations

import sys

import click

from ..exitcode import ExitCode, for_lookup
from .lexicon import load_lexicon_for
from .options import config_options, lexicon_options


@click.command(epilog="\b\nExamples:\n  plainspeak explain utilized\n  plainspeak explain 'treatment modalities'\n"
               "  plainspeak explain IOP --format json\n  plainspeak explain jargon.utilize\n"
               "  plainspeak explain readability.hard-sentence")
@click.argument("term")
@click.option("-f", "--format", "fmt", type=click.Choice(("text", "json")), default="text", show_default=True)
@lexicon_options
@config_options
def explain(term: str, fmt: str, **params) -> ExitCode:
    """Show what plainspeak knows about TERM: what to say instead, why, an example
    and where the advice comes from. Inflected forms work ("utilized"); so do
    rule ids ("jargon.utilize", "style.passive")."""
    import shlex

    from ..render.entries import write_explanation
    from ..rules.lexicon_tools import find_entries
    from ..rules.registry import builtin_rules

    lexicon = load_lexicon_for(params)
    rule = {r.id: r for r in builtin_rules()}.get(term)
    if rule is not None:
        from ..render.rules import write_rule

        write_rule(rule, fmt, sys.stdout)
        return for_lookup(True)
    entries = find_entries(lexicon, term)
    if not entries and term.startswith("jargon.") and lexicon.get(term.split(".", 1)[1]):
        entries = [lexicon[term.split(".", 1)[1]]]
    if not entries:  # an inflected form ("utilized"): ask the matcher (builds the pipeline)
        from .options import overrides
        from .session import Session

        session = Session(overrides(params))
        analyzer = session.analyzer_for(session.run_options())
        entries = find_entries(analyzer.lexicon, term, analyzer)
    if not entries:
        # quoted as a shell would need it, so the hint can be pasted as it is
        sys.stderr.write(f"plainspeak: {term!r} is not in the lexicon (try: plainspeak lexicon search {shlex.quote(term)})\n")
        return for_lookup(False)
    write_explanation(entries, fmt, sys.stdout)
    return for_lookup(True)
