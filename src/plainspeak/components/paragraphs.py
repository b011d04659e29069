"""Sentence starts from layout: blank lines, list items, headings and short lines.

The sentencizer only splits at punctuation, so a greeting ("Hi Maria,"), an
address block, a bullet list or a heading would run into the next sentence and
make it look long and hard. Hard-wrapped prose (long lines) is left joined.
Runs before the sentencizer or parser, which keep the starts set here.
"""

from __future__ import annotations

import re

from spacy.language import Language
from spacy.tokens import Doc

BULLET_MARKS = frozenset("-*+\u2022\u25aa\u2023\u2013")
_BULLET = re.compile(r"^\s*(?:[-*+\u2022\u25aa\u2023>#]|\d{1,3}[.)])(?:\s|$)")


class ParagraphSplitter:
    def __init__(self, name: str = "plainspeak_paragraphs", short_line: int = 45) -> None:
        self.name = name
        self.short_line = short_line

    def __call__(self, doc: Doc) -> Doc:
        text = doc.text
        starts = [doc[0]] if len(doc) else []
        for token in doc[:-1]:
            # spaCy keeps a single trailing space on a token; any newline is a space token.
            if not token.is_space or "\n" not in token.text:
                continue
            nxt = doc[token.i + 1]
            if not nxt.is_space and self._breaks(text, token.idx, token.text, nxt.idx):
                nxt.is_sent_start = True
                starts.append(nxt)
        for token in starts:  # "- item": the item's first word starts the sentence too
            if token.text in BULLET_MARKS and token.i + 1 < len(doc) and not doc[token.i + 1].is_space:
                doc[token.i + 1].is_sent_start = True
        return doc

    def _breaks(self, text: str, gap_start: int, gap: str, next_start: int) -> bool:
        if gap.count("\n") >= 2:  # blank line: a new paragraph
            return True
        previous_line = text[text.rfind("\n", 0, gap_start) + 1 : gap_start]
        if len(previous_line.strip()) < self.short_line:  # greeting, heading, address, sign-off
            return True
        next_end = text.find("\n", next_start)
        next_line = text[next_start : next_end if next_end >= 0 else len(text)]
        return bool(_BULLET.match(next_line) or _BULLET.match(previous_line))


@Language.factory(
    "plainspeak_paragraphs",
    assigns=["token.is_sent_start"],
    default_config={"short_line": 45},
)
def make_paragraph_splitter(nlp: Language, name: str, short_line: int) -> ParagraphSplitter:
    return ParagraphSplitter(name, short_line)
