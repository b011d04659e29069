"""Sentence starts from layout: blank lines, list items, headings and short lines.

The sentencizer only splits at punctuation, so a greeting ("Hi Maria,"), an
address block, a bullet list or a heading would run into the next sentence and
make it look long and hard. Hard-wrapped prose (long lines) is left joined.
Runs before the sentencizer or parser, which keep the starts set here.
"""

from __future__ import annotations

import re

import numpy
from spacy.attrs import IS_SPACE, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

BULLET_MARKS = frozenset("-*+\u2022\u25aa\u2023\u2013")  # list bullets: - * + • ▪ ‣ –
_LINE_MARKS = "".join(sorted(BULLET_MARKS)) + ">#"  # and quoted lines, Markdown headings
_BULLET = re.compile(r"^\s*(?:[" + re.escape(_LINE_MARKS) + r"]+|\d{1,3}[.)])(?:\s|$)")


class ParagraphSplitter:
    def __init__(self, name: str = "plainspeak_paragraphs", short_line: int = 45) -> None:
        self.name = name
        self.short_line = short_line

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        # Work from token offsets: building doc.text would cost more than the rest.
        line_breaks = [i for i in numpy.flatnonzero(doc.to_array(IS_SPACE)).tolist() if "\n" in doc[i].text]
        starts = [0]
        line_first = 0  # first token of the current line
        for i in line_breaks:
            token = doc[i]
            if i + 1 < n and not doc[i + 1].is_space and self._breaks(doc, token, line_first, i):
                starts.append(i + 1)
            line_first = i + 1
        # "- item": the item's first word starts the sentence too
        starts += [i + 1 for i in starts if doc[i].text in BULLET_MARKS and i + 1 < n and not doc[i + 1].is_space]
        # Set through arrays: each Token.is_sent_start assignment scans the whole Doc.
        values = doc.to_array(SENT_START).astype(numpy.int64)
        values[starts[1:]] = 1
        doc.from_array([SENT_START], values.astype(numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]  # numpy arrays are what it takes
        return doc

    def _breaks(self, doc: Doc, gap, line_first: int, gap_i: int) -> bool:
        if gap.text.count("\n") >= 2:  # blank line: a new paragraph
            return True
        if gap_i == line_first:
            return True  # an empty line before
        first, last = doc[line_first], doc[gap_i - 1]
        if last.idx + len(last.text) - first.idx < self.short_line:  # greeting, heading, address, sign-off
            return True
        return _starts_with_bullet(doc, gap_i + 1) or _starts_with_bullet(doc, line_first)


_BULLET_FIRST = frozenset(_LINE_MARKS + "0123456789")


def _starts_with_bullet(doc: Doc, i: int) -> bool:
    if i >= len(doc) or (doc[i].text.lstrip()[:1] not in _BULLET_FIRST and not doc[i].is_space):  # the quick, common no
        return False
    head = "".join(t.text_with_ws for t in doc[i : i + 3])
    return bool(_BULLET.match(head))


@Language.factory(
    "plainspeak_paragraphs",
    assigns=["token.is_sent_start"],
    default_config={"short_line": 45},
)
def make_paragraph_splitter(nlp: Language, name: str, short_line: int) -> ParagraphSplitter:
    return ParagraphSplitter(name, short_line)
