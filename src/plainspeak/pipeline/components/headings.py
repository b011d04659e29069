"""Headings: a line of its own in Title Case, whose words the writer chose.

Shared by the jargon matcher (a lexicon term in a heading is flagged, not
taken for part of a name) and the uncommon-word detector (a capitalised word
in a heading is not a name for being capitalised).
"""

from __future__ import annotations

from spacy.tokens import Doc

from ...datafiles import grammar_words

NAME_GLUE = frozenset({"of", "for", "the", "and", "&", "on", "in", "with", "to"})  # "Coalition for the Homeless"
HEADING_SMALL = NAME_GLUE | {"a", "an", "to", "with", "by", "at", "from", "or", "before", "after", "about", "into"}


_MAX_LINE_TOKENS = 40  # tokens either side: 12 words with their spaces and marks
# Small words of a heading's own wording: "and", "by" also join names on a line
# ("Prepared by Siobhan Wrzesniewski", "Priya and Tomasz Brzezinski").
_HEADING_GLUE = HEADING_SMALL - {"and", "&", "by"}


_SEPARATORS = frozenset({"-", "\u2013", "\u2014", ":", "|"})


def heading_words(doc: Doc, start: int, end: int) -> list | None:
    """The words of the heading holding tokens start..end, or None when their line
    is no heading: a line of its own in Title Case, with no comma or number and not
    ending in a name's or job title's head word ("Identifying Information and
    Presenting Problem", "Reinstating the Time Limit"), not a name ("Supplemental
    Nutrition Assistance Program", "Office of Disability Adjudication", "Intake
    Coordinator", a signature's "Housing Navigator, Riverton Coalition for the
    Homeless"). A line in parts ("Deemed Status Notice - Why did I get it?",
    "Emergency Respite (See provider directory)") is judged by the part holding the
    tokens; a question in Title Case is a heading ("How Do I Get Disorder Services?")."""
    i, j = start, end
    while i > 0 and "\n" not in doc[i - 1].text and doc[i - 1].text not in _SEPARATORS:
        if doc[i - 1].text in "()":
            return None  # in brackets or after them: a form's name, "(Request for Verification)"
        i -= 1
        if start - i > _MAX_LINE_TOKENS:
            return None  # a long line is no heading (and a huge one-line input is not scanned per word)
    while j < len(doc) and "\n" not in doc[j].text and doc[j].text not in _SEPARATORS:
        if doc[j].text == "(":
            if not _a_closing_note(doc, j):
                return None  # "The National Institute on Drug Abuse (NIDA) created ...": a sentence
            break
        if doc[j].text == ")":
            return None
        j += 1
        if j - end > _MAX_LINE_TOKENS:
            return None
    line = [t for t in doc[i:j] if t.is_alpha]
    question = j > 0 and doc[j - 1].text == "?"
    if not line or len(line) > 12 or (j > 0 and doc[j - 1].text in ".!"):
        return None
    if any(t.text == "," or t.like_num for t in doc[i:j]):  # "Housing Navigator, Riverton Coalition for the Homeless"
        return None
    if not all(t.text[:1].isupper() or t.lower_ in HEADING_SMALL for t in line):
        return None
    if not question and line[-1].lower_ in grammar_words("name_heads"):
        return None
    return line


def _a_closing_note(doc: Doc, bracket: int) -> bool:
    """The bracket at ``bracket`` closes on its line and nothing follows it there:
    "Emergency Respite (See provider directory)"."""
    for k in range(bracket + 1, min(len(doc), bracket + _MAX_LINE_TOKENS)):
        text = doc[k].text
        if "\n" in text:
            return False
        if text == ")":
            rest = k + 1
            while rest < len(doc) and doc[rest].is_space and "\n" not in doc[rest].text:
                rest += 1
            return rest == len(doc) or "\n" in doc[rest].text
    return False


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
