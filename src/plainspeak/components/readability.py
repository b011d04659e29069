"""Sentence readability: flags hard and long sentences, and counts for the document.

Per sentence: Flesch-Kincaid grade from word and syllable counts, where
names, numbers, URLs and e-mail addresses count as one syllable (they do not
make a sentence hard to read, but their length would inflate the grade). A sentence
of at least ``min_sentence_words`` words above ``target_grade`` is marked
``hard-sentence``; one with more than ``max_sentence_words`` words is marked
``long-sentence``. The span group's ``attrs`` keep the counts (words,
sentences, syllables, polysyllables) for the whole Doc and the grade and
word count of each marked span, so nothing is counted twice.
"""

from __future__ import annotations

import numpy
from spacy.attrs import IS_PUNCT, LIKE_EMAIL, LIKE_NUM, LIKE_URL, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc, Span

from ..readability import Counts, fk_grade, flesch_kincaid_grade
from ..settings import make_settings
from ..syllables import count_syllables
from . import SENTENCES_KEY
from .arrays import unique_inverse
from .paragraphs import BULLET_MARKS
from .words import CLITICS, is_plain_token, is_word


def sentence_counts(sent: Span) -> Counts:
    words = syllables = poly = 0
    for token in sent:
        if is_word(token):
            words += 1
            n = 1 if is_plain_token(token) else count_syllables(token.text)
            syllables += n
            poly += n >= 3
    return Counts(words, 1 if words else 0, syllables, poly)


class SentenceReadability:
    def __init__(
        self,
        name: str,
        target_grade: float,
        max_sentence_words: int,
        min_sentence_words: int,
    ) -> None:
        self.name = name
        self.target_grade = target_grade
        self.max_sentence_words = max_sentence_words
        self.min_sentence_words = min_sentence_words

    def __call__(self, doc: Doc) -> Doc:
        starts, ends, words, syllables, polys = sentence_arrays(doc)
        spans: list[Span] = []
        grades: list[float | None] = []
        word_counts: list[int] = []
        counted = words > 0
        safe_words = numpy.maximum(words, 1)
        capped = numpy.maximum(numpy.minimum(words, self.max_sentence_words), 1)
        # Hard: above the target grade with the length capped at the word limit. Past ~26
        # words length alone passes grade 8, and length has its own rule, so a long
        # sentence of plain words is long, not also hard.
        capped_grade = fk_grade(capped, 1, syllables * capped / safe_words)
        hard = counted & (words >= self.min_sentence_words) & (capped_grade > self.target_grade)
        long = words > self.max_sentence_words
        for k in numpy.flatnonzero(hard | long).tolist():
            span = _trim(doc[int(starts[k]) : int(ends[k])])
            if span.start >= span.end:
                continue
            grade = round(float(fk_grade(words[k], 1, syllables[k])), 1)
            for flagged, label in ((hard[k], "hard-sentence"), (long[k], "long-sentence")):
                if flagged:
                    spans.append(Span(doc, span.start, span.end, label=label))
                    grades.append(grade)
                    word_counts.append(int(words[k]))
        doc.spans[SENTENCES_KEY] = spans
        group = doc.spans[SENTENCES_KEY]
        group.attrs.update(
            words=int(words.sum()),
            sentences=int(counted.sum()),
            syllables=int(syllables.sum()),
            polysyllables=int(polys.sum()),
            grades=grades,
            word_counts=word_counts,
        )
        return doc


_DEFAULTS = make_settings()

# Per distinct token text: (could be a word, is a clitic, is plain (number, URL ...),
# starts with a capital, syllables). Orth hashes are the same in every vocab.
_TEXT_PROPS: dict[int, tuple[bool, bool, bool, bool, int]] = {}


def _text_props(orth: int, text: str) -> tuple[bool, bool, bool, bool, int]:
    lexeme_plain = any(ch.isdigit() for ch in text)  # like_num/url/email come from the arrays
    wordish = not text.isspace() and any(ch.isalnum() for ch in text)
    props = _TEXT_PROPS[orth] = (
        wordish,
        text.lower() in CLITICS,
        lexeme_plain,
        text[:1].isupper(),
        count_syllables(text) if wordish else 0,
    )
    return props


def sentence_arrays(doc: Doc):
    """Per sentence: start and end token index, words, syllables, polysyllables.

    Counted over token arrays; the same counts as :func:`sentence_counts` on
    each of ``doc.sents`` (tested), without a Token object per token.
    """
    n = len(doc)
    if not n:
        empty = numpy.zeros(0, dtype=numpy.int64)
        return empty, empty, empty, empty, empty
    arr = doc.to_array([ORTH, SPACY, SENT_START, IS_PUNCT, LIKE_NUM, LIKE_URL, LIKE_EMAIL])
    uniq, _, inverse = unique_inverse(arr[:, 0])
    strings = doc.vocab.strings
    table = numpy.array(
        [_TEXT_PROPS[o] if o in _TEXT_PROPS else _text_props(o, strings[o]) for o in uniq.tolist()], dtype=numpy.int64
    ).reshape(-1, 5)[inverse]
    wordish, clitic, plain, capital, syllables = (table[:, k] for k in range(5))
    index = numpy.arange(n)
    after_no_space = numpy.concatenate(([False], arr[:-1, 1] == 0))
    starts_sentence = (arr[:, 2] == 1) | (index == 0)
    if not (arr[:, 2] != 0).any():  # no sentence boundaries at all: one sentence
        starts_sentence = index == 0
    is_word = (wordish == 1) & (arr[:, 3] == 0) & ~((clitic == 1) & after_no_space)
    plain_token = (plain == 1) | (arr[:, 4] == 1) | (arr[:, 5] == 1) | (arr[:, 6] == 1) | ((capital == 1) & ~starts_sentence)
    syl = numpy.where(plain_token, 1, syllables) * is_word
    bounds = numpy.flatnonzero(starts_sentence)
    ends = numpy.append(bounds[1:], n)
    return (
        bounds,
        ends,
        numpy.add.reduceat(is_word.astype(numpy.int64), bounds),
        numpy.add.reduceat(syl, bounds),
        numpy.add.reduceat((syl >= 3).astype(numpy.int64), bounds),
    )


def sentences_with_counts(doc: Doc):
    """``(start, end, Counts)`` for each sentence (see :func:`sentence_arrays`)."""
    for start, end, w, sy, p in zip(*(a.tolist() for a in sentence_arrays(doc))):
        yield start, end, Counts(w, 1 if w else 0, sy, p)


def _trim(sent: Span) -> Span:
    """The sentence without white space around it or a list bullet before it."""
    start, end = sent.start, sent.end
    doc = sent.doc
    while start < end and (doc[start].is_space or (doc[start].is_punct and doc[start].text in BULLET_MARKS)):
        start += 1
    while end > start and doc[end - 1].is_space:
        end -= 1
    return doc[start:end]


@Language.factory(
    "plainspeak_readability",
    assigns=["doc.spans"],
    requires=["token.is_sent_start"],
    default_config={  # the shipped defaults, from data/defaults.toml
        "target_grade": _DEFAULTS.target_grade,
        "max_sentence_words": _DEFAULTS.max_sentence_words,
        "min_sentence_words": _DEFAULTS.min_sentence_words,
    },
)
def make_readability(
    nlp: Language, name: str, target_grade: float, max_sentence_words: int, min_sentence_words: int
) -> SentenceReadability:
    return SentenceReadability(name, target_grade, max_sentence_words, min_sentence_words)
