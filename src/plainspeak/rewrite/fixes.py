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


# A direct quotation of at least four words, within one paragraph, with a speech verb
# next to it ("..., the Secretary said"; Peter states, "..."): someone else's own words.
# A quoted passage with no speaker (a voicemail script) is the writer's, and is fixed.
_SPEECH = re.compile(
    r"\b(?:said|says|say|stated|states|state|told|tells|asked|asks|explained|explains|added|adds|noted|notes|"
    r"wrote|writes|according to|recalled|recalls|reported|reports|commented|comments|remarked|remarks)\b",
    re.IGNORECASE,
)
_QUOTATION = re.compile(r"“[^”\n]*(?:\n(?!\s*\n)[^”\n]*)*”|\"[^\"\n]*(?:\n(?!\s*\n)[^\"\n]*)*\"")


def quotations(text: str) -> list[tuple[int, int]]:
    """Where the text quotes someone: ``fix`` never puts words in a speaker's mouth
    ("'... drug abuse ...,' the Secretary said"); ``check`` still points at them."""
    return [
        m.span()
        for m in _QUOTATION.finditer(text)
        if len(m.group().split()) >= 4
        and (_SPEECH.search(text, m.end(), m.end() + 60) or _SPEECH.search(text[max(0, m.start() - 40) : m.start()]))
    ]


def fix_text(report: Report, lexicon: Lexicon, *, everything: bool = False) -> FixResult:
    """The report's text with every fixable finding replaced by its first suggestion."""
    quoted = quotations(report.text) if ("\"" in report.text or "“" in report.text) else []
    edits = resolve_overlaps(
        Edit(f.start, f.end, f.suggestions[0], f.rule)
        for f in report.findings
        if fixable(f, lexicon, everything=everything)
        and not spells_out_an_acronym(report.text, f)
        and not any(start <= f.start < end for start, end in quoted)
    )
    return FixResult(apply_edits(report.text, edits), tuple(edits))
