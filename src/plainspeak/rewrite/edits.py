"""Rewriting: a pure function from (text, edits) to new text. No I/O here.

Edits replace character ranges of the original text. Overlaps are resolved
before anything changes (the longer, then the earlier edit wins), edits are
applied from the end so offsets stay valid, and the seams are mended: "a"/"an"
before a replacement is corrected ("an intake assessment" -> "a first
meeting"), and a word the replacement repeats at either edge is not doubled.
Everything outside the edited ranges is kept character for character.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    start: int
    end: int
    replacement: str
    rule: str = ""


def resolve_overlaps(edits: Iterable[Edit]) -> list[Edit]:
    """Non-overlapping edits in text order: of overlapping ones the longer wins,
    then the earlier."""
    starts: list[int] = []  # chosen edits, kept sorted by start
    chosen: list[Edit] = []
    for edit in sorted(edits, key=lambda e: (-(e.end - e.start), e.start)):
        i = bisect_right(starts, edit.start)
        if i and chosen[i - 1].end > edit.start:
            continue
        if i < len(chosen) and chosen[i].start < edit.end:
            continue
        starts.insert(i, edit.start)
        chosen.insert(i, edit)
    return chosen


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """The text with the edits made (see the module docstring for the seams)."""
    # Built from pieces, not by re-slicing the whole text per edit (a million-word
    # text may have tens of thousands of edits).
    pieces: list[str] = []
    pos = 0
    for edit in resolve_overlaps(edits):
        replacement = _undouble(text, edit.start, edit.end, edit.replacement)
        gap = text[pos : edit.start]
        head, tail = gap[:-_SEAM], gap[-_SEAM:]
        pieces.append(head + _fix_article(tail, replacement) + replacement)
        pos = edit.end
    pieces.append(text[pos:])
    return "".join(pieces)


_SEAM = 40  # characters before an edit that a/an correction looks at


_ARTICLE_BEFORE = re.compile(r"(?<![\w'])([Aa][Nn]?)(\s+)$")
_WORD = re.compile(r"[A-Za-z][\w'-]*")
# Words whose spelling misleads: an hour, a university, a one-time fee.
_VOWEL_SOUND_EXCEPTIONS = ("hour", "honest", "honor", "honour", "heir", "herb")
_CONSONANT_SOUND_EXCEPTIONS = ("uni", "use", "usu", "uti", "eu", "one", "once", "ewe", "ufo", "uk", "ur")


def article_for(word: str) -> str:
    """'a' or 'an' before ``word``, by its sound (acronyms by their letter names)."""
    if 1 < len(word) <= 4 and word.isupper():  # short capitals read as letters: an FBI agent, a UN report
        return "an" if word[0] in "AEFHILMNORSX" else "a"
    lower = word.lower()
    if lower.startswith(_VOWEL_SOUND_EXCEPTIONS):
        return "an"
    if lower.startswith(_CONSONANT_SOUND_EXCEPTIONS):
        return "a"
    return "an" if lower[:1] in "aeiou" else "a"


def _fix_article(before: str, replacement: str) -> str:
    """Correct a/an at the end of ``before`` for the replacement's first word."""
    match = _ARTICLE_BEFORE.search(before)
    first = _WORD.match(replacement.lstrip())
    if not match or not first:
        return before
    written = match.group(1)
    if written == "A" and before[: match.start(1)].rstrip()[-1:].isalnum():
        return before  # a capital A inside a sentence is a label's letter: "Medicare Part A and/or"
    wanted = article_for(first.group(0))
    if written.lower() == wanted:
        return before
    if written.isupper() and (len(written) == 2 or first.group(0).isupper()):
        cased = wanted.upper()  # "AN INTAKE ..." -> "A FIRST ..."
    else:
        cased = wanted.capitalize() if written[0].isupper() else wanted
    return before[: match.start(1)] + cased + match.group(2)


def _undouble(text: str, start: int, end: int, replacement: str) -> str:
    """Drop a word the replacement repeats from just outside it: "the the", "help help"."""
    words = replacement.split()
    if not words:
        return replacement
    previous = re.search(r"([\w'-]+)\s+$", text[max(0, start - _SEAM) : start])
    if previous and len(words) > 1 and words[0].lower() == previous.group(1).lower():
        replacement = replacement.split(None, 1)[1] if replacement[:1].strip() else replacement
        words = words[1:]
    following = re.match(r"\s+([\w'-]+)", text[end : end + _SEAM])
    if following and len(words) > 1 and words[-1].lower() == following.group(1).lower():
        replacement = replacement.rsplit(None, 1)[0]
    return replacement
