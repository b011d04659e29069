"""Deciding which findings `plainspeak fix` changes, and rewriting one text.

Pure: a Report and a Lexicon in, new text and the edits made out. File handling lives in cli/fix.py, the rewriting mechanics in edits.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..report import Finding, Report
from ..rules.lexicon import Lexicon
from .edits import Edit, apply_edits, resolve_overlaps


@dataclass(frozen=True)
class FixResult:
    text: str
    applied: tuple[Edit, ...]


def fixable(finding: Finding, lexicon: Lexicon, *, everything: bool = False) -> bool:
    """A jargon finding with a suggestion whose entry allows a swap without review
    (``fix`` auto), or any with a suggestion when ``everything`` (--all)."""
    if finding.entry_id is None or not finding.suggestions:
        return False
    entry = lexicon.get(finding.entry_id)
    if entry is None:
        return False
    mode = entry.fix_mode
    return mode == "auto" or (everything and mode == "review")


_ACRONYM_AFTER = re.compile(r"[ \t]*\(\s*([A-Za-z][A-Za-z0-9&/-]*[A-Za-z0-9])\s*\)")


def spells_out_an_acronym(text: str, finding: Finding) -> bool:
    """The finding's words are the long form of the acronym in parentheses right
    after them: "able-bodied adult without dependents (ABAWD)". A swap there would
    leave "(ABAWD)" explaining nothing, so ``fix`` leaves it (``check`` still
    offers the plainer words)."""
    match = _ACRONYM_AFTER.match(text, finding.end)
    if match is None or sum(ch.isupper() for ch in match.group(1)) < 2:
        return False
    from ..pipeline.components.acronyms import acronym_base, matches_long_form

    base = acronym_base(match.group(1))
    return base is not None and matches_long_form(base, finding.text)


def fix_text(report: Report, lexicon: Lexicon, *, everything: bool = False) -> FixResult:
    """The report's text with every fixable finding replaced by its first suggestion."""
    edits = resolve_overlaps(
        Edit(f.start, f.end, f.suggestions[0], f.rule)
        for f in report.findings
        if fixable(f, lexicon, everything=everything) and not spells_out_an_acronym(report.text, f)
    )
    return FixResult(apply_edits(report.text, edits), tuple(edits))
