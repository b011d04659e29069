"""Headings: a line of its own in Title Case, whose words the writer chose.

Shared by the jargon matcher (a lexicon term in a heading is flagged, not
taken for part of a name) and the uncommon-word detector (a capitalised word
in a heading is not a name for being capitalised).
"""

from __future__ import annotations

import numpy
from spacy.attrs import IDX
from spacy.tokens import Doc

from ...datafiles import grammar_words
from . import doc_text
from .arrays import fixed_column

NAME_GLUE = frozenset({"of", "for", "the", "and", "&", "on", "in", "with", "to"})  # "Coalition for the Homeless"
HEADING_SMALL = NAME_GLUE | {"a", "an", "to", "with", "by", "at", "from", "or", "before", "after", "about", "into"}


_MAX_LINE_TOKENS = 40  # tokens either side: 12 words with their spaces and marks
# Small words of a heading's own wording: "and", "by" also join names on a line
# ("Prepared by Siobhan Wrzesniewski", "Priya and Tomasz Brzezinski").
_HEADING_GLUE = HEADING_SMALL - {"and", "&", "by"}


# A name has no "your" after its first word: "Implementing Your Service Plan" is a heading
# ("Your Community Behavioral Health Center" may be a name).
_SPEAKS_TO = frozenset({"your", "my", "our"})
_SEPARATORS = frozenset({":", "|", "\u2013", "\u2014"})  # and "-" with spaces around it


def heading_words(doc: Doc, start: int, end: int) -> list | None:
    """The words of the heading holding tokens start..end, or None when their line
    is no heading: a line of its own in Title Case, with no comma or number and not
    ending in a name's or job title's head word ("Identifying Information and
    Presenting Problem", "Reinstating the Time Limit"), not a name ("Supplemental
    Nutrition Assistance Program", "Office of Disability Adjudication", "Intake
    Coordinator", a signature's "Housing Navigator, Riverton Coalition for the
    Homeless"). A line in parts ("Deemed Status Notice - Why did I get it?",
    "Emergency Respite (See provider directory)", "(New) Respite Care Hours") is
    judged by the part holding the tokens, and is no heading when any part is a name
    ("Case Management - Riverton Behavioral Health"); a question in Title Case is a
    heading unless the words hold a name ("How Do I Contact the Substance Abuse and
    Mental Health Services Administration?")."""
    bounds = _line(doc, start, end)
    if bounds is None:
        return None
    parts = _parts(doc, *bounds)
    if parts is None or any(t.text == "," for t in doc[bounds[0] : bounds[1]]):
        return None  # a sentence with brackets in it; a signature's comma
    heads = grammar_words("name_heads")
    mine = None
    for i, j in parts:
        words = [t for t in doc[i:j] if t.is_alpha]
        question = doc[j - 1].text == "?"
        if words and not question and words[-1].lower_ in heads and not any(w.lower_ in _SPEAKS_TO for w in words[1:]):
            return None  # a name on the line: "... - Riverton Behavioral Health" (not "Implementing Your Service Plan")
        if i <= start and end <= j:
            mine = (i, j, words, question)
    if mine is None:
        return None  # the tokens are in brackets or a separator: "(Request for Verification)"
    i, j, line, question = mine
    if not line or len(line) > 12 or doc[j - 1].text in (".", "!"):
        return None
    if any(t.like_num for t in doc[i:j]):
        return None
    if not all(t.text[:1].isupper() or t.lower_ in HEADING_SMALL for t in line):
        return None
    if question and _run_ends_in_a_name(doc, end, j, heads):
        return None
    return line


def _line(doc: Doc, start: int, end: int) -> tuple[int, int] | None:
    """The token bounds of the line holding start..end; None for a long line (a
    heading is short, and a huge one-line input is not scanned word by word).
    Found in the text by character offsets: a line break is always a space token
    of its own, and walking tokens one by one cost 0.4 s per 1M words."""
    text, idx, n = doc_text(doc), fixed_column(doc, IDX), len(doc)
    reach = _MAX_LINE_TOKENS + 1  # this many tokens without a break: too long a line
    lo = start - reach
    p = text.rfind("\n", int(idx[lo]) if lo >= 0 else 0, int(idx[start]))
    if p < 0:
        if lo >= 0:
            return None
        i = 0
    else:
        i = int(numpy.searchsorted(idx, p, side="right"))  # the token after the break's
    if end >= n:
        return i, n
    hi = end + reach
    q = text.find("\n", int(idx[end]), int(idx[hi]) if hi < n else len(text))
    if q < 0:
        if hi <= n:
            return None
        return i, n
    return i, int(numpy.searchsorted(idx, q, side="right")) - 1


def _parts(doc: Doc, i: int, j: int) -> list[tuple[int, int]] | None:
    """A line cut at colons, bars, dashes with spaces around them ("Walk-In" is one
    word) and a bracketed note that opens or closes the line; None when brackets
    stand inside it (a sentence: "The National Institute on Drug Abuse (NIDA) created")."""
    while i < j and doc[i].is_space:
        i += 1
    while j > i and doc[j - 1].is_space:
        j -= 1
    parts: list[tuple[int, int]] = []
    begin = k = i
    while k < j:
        text = doc[k].text
        if text == "(":
            close = next((m for m in range(k + 1, j) if doc[m].text == ")"), None)
            if close is None or not (k == i or close + 1 == j):
                return None
            parts.append((begin, k))
            k = begin = close + 1
            continue
        if text == ")":
            return None
        if text in _SEPARATORS or (text == "-" and doc[k].whitespace_ and k > i and doc[k - 1].whitespace_):
            parts.append((begin, k))
            begin = k + 1
        k += 1
    parts.append((begin, j))
    return [(a, b) for a, b in parts if any(t.is_alpha for t in doc[a:b])]


def _run_ends_in_a_name(doc: Doc, end: int, stop: int, heads: frozenset[str]) -> bool:
    """The capitalised words running on from ``end`` (through small words) end in a
    name's head word: "the Substance Abuse and Mental Health Services Administration"."""
    last = doc[end - 1]
    for k in range(end, stop):
        token = doc[k]
        if token.is_alpha and token.text[:1].isupper():
            last = token
        elif not (token.is_space or token.lower_ in NAME_GLUE):
            break
    return last.lower_ in heads


def in_a_heading(doc: Doc, start: int, end: int) -> bool:
    """Tokens start..end stand in a heading (see :func:`heading_words`)."""
    return heading_words(doc, start, end) is not None


def in_a_worded_heading(doc: Doc, start: int, end: int) -> bool:
    """In a heading that has a small word in lower case other than "and" or "by"
    ("Remuneration for Past or Future Work", "Tips for Writing and Disseminating
    Notices"): a name on a line of its own ("Dani Reyes-Whitfield", "Prepared by
    Siobhan Wrzesniewski") has none, so its rare words are not taken for the
    writer's."""
    line = heading_words(doc, start, end)
    return line is not None and any(t.lower_ in _HEADING_GLUE for t in line) and not any(t.lower_ == "by" for t in line)
