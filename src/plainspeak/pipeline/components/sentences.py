"""Sentence boundaries at punctuation, computed over token arrays.

Gives exactly what spaCy's ``sentencizer`` gives (same punctuation, same
rule; tested), but without a Python step per token, which made spaCy's
version the slowest part of the pipeline on long texts. Starts already set
(by ``plainspeak_paragraphs``) are kept.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy
from spacy.attrs import IS_PUNCT, ORTH, SENT_START
from spacy.language import Language
from spacy.pipeline import Sentencizer
from spacy.tokens import Doc

from .arrays import per_distinct, token_array


class PunctuationSentences:
    def __init__(self, name: str = "plainspeak_sentencizer", punct_chars: Sequence[str] | None = None) -> None:
        self.name = name
        self.punct_chars = frozenset(punct_chars or Sentencizer.default_punct_chars)
        self._memo: dict[int, bool] = {}

    def __call__(self, doc: Doc) -> Doc:
        n = len(doc)
        if not n:
            return doc
        arr = token_array(doc, [ORTH, IS_PUNCT, SENT_START])
        strings, chars = doc.vocab.strings, self.punct_chars
        ends = per_distinct(arr[:, 0], lambda orth: strings[orth] in chars, self._memo, bool)
        # spaCy's rule: after sentence-final punctuation, the next token that is
        # neither punctuation nor sentence-final starts a sentence.
        other = (arr[:, 1] == 0) & ~ends
        index = numpy.arange(n)
        last_end = numpy.maximum.accumulate(numpy.where(ends, index, -1))
        last_other = numpy.maximum.accumulate(numpy.where(other, index, -1))
        starts = numpy.zeros(n, dtype=bool)
        starts[1:] = other[1:] & (last_end[:-1] > last_other[:-1])
        starts[0] = True
        existing = arr[:, 2].astype(numpy.int64)
        values = numpy.where(existing != 0, existing, numpy.where(starts, 1, -1))
        doc.from_array([SENT_START], values.astype(numpy.uint64).reshape(-1, 1))  # type: ignore[arg-type]  # numpy arrays are what it takes
        return doc


@Language.factory(
    "plainspeak_sentencizer",
    assigns=["token.is_sent_start", "doc.sents"],
    default_config={"punct_chars": None},
)
def make_sentencizer(nlp: Language, name: str, punct_chars: list[str] | None) -> PunctuationSentences:
    return PunctuationSentences(name, punct_chars)
