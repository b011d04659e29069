"""Sentence readability: flags hard and long sentences, and counts for the document.

Per sentence: Flesch-Kincaid grade from word and syllable counts, where
names, numbers, URLs and e-mail addresses count as one syllable (they do not
make a sentence hard to read, but their length would inflate the grade). A sentence
of at least ``min_sentence_words`` words whose grade, with its length capped at
``max_sentence_words``, is above ``target_grade`` is marked ``hard-sentence``;
one with more than ``max_sentence_words`` words is marked ``long-sentence``.
The span group's ``attrs`` keep the counts (words, sentences, syllables,
polysyllables) and ``weighted_grade`` (for plainspeak's estimated grade) for
the whole Doc, and the grade and word count of each marked span, so nothing
is counted twice.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LENGTH, LIKE_EMAIL, LIKE_NUM, LIKE_URL, ORTH, SENT_START, SPACY
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.strings import hash_string  # type: ignore[attr-defined]  # in the Cython module, not its stub
from spacy.tokens import Doc, Span

from ...config.settings import make_settings
from ...text.difficulty import word_rating
from ...text.readability import Counts, estimated_grade
from ...text.syllables import count_syllables
from . import SENTENCES_KEY
from .arrays import MEMO_LIMIT, isin_sorted, per_distinct, token_array
from .paragraphs import BULLET_MARKS
from .words import CLITICS, in_spanish, is_plain_token, is_word


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
        arrays = sentence_arrays(doc)
        starts, ends, words = arrays.starts, arrays.ends, arrays.words
        spans: list[Span] = []
        grades: list[float | None] = []
        word_counts: list[int] = []
        counted = words > 0
        capped = numpy.minimum(words, self.max_sentence_words)
        # Hard: plainspeak's estimated grade above the target, with the length capped at
        # the word limit: length has its own rule, so a long sentence of plain words is
        # long, not also hard. The estimate rather than Flesch-Kincaid because it tracks
        # readers' judgments of single sentences far better (docs/accuracy.md).
        # Names are left out of its ratings here: the advice is plainer words.
        rule_grade = estimated_grade(words, arrays.top_rated_no_names, arrays.content_rated_no_names)
        hard = (
            counted
            & (words >= self.min_sentence_words)
            & (estimated_grade(capped, arrays.top_rated_no_names, arrays.content_rated_no_names) > self.target_grade)
        )
        long = words > self.max_sentence_words
        first, last = _trimmed_bounds(doc, starts, ends)  # without white space around, or a bullet before
        for k in numpy.flatnonzero((hard | long) & (first < last)).tolist():
            start, end = int(first[k]), int(last[k])
            if in_spanish(doc, start, end):
                continue  # a language-help line: not English to be judged as English
            shown = round(float(rule_grade[k]), 1)
            for flagged, label in ((hard[k], "hard-sentence"), (long[k], "long-sentence")):
                if flagged:
                    spans.append(Span(doc, start, end, label=label))
                    grades.append(shown)
                    word_counts.append(int(words[k]))
        # Every sentence with words, as [start char, end char, words, grade in tenths]:
        # a caller can judge one sentence (JSON "sentences").
        listed = numpy.flatnonzero(counted & (first < last))
        if len(listed):
            idx = token_array(doc, [IDX, LENGTH])
            every = numpy.stack(
                [
                    idx[first[listed], 0],
                    idx[last[listed] - 1, 0] + idx[last[listed] - 1, 1],
                    words[listed],
                    numpy.rint(rule_grade[listed] * 10),
                ],
                axis=1,
            ).astype(numpy.int64).tolist()
        else:
            every = []
        doc.spans[SENTENCES_KEY] = spans
        group = doc.spans[SENTENCES_KEY]
        group.attrs.update(
            words=int(words.sum()),
            sentences=int(counted.sum()),
            syllables=int(arrays.syllables.sum()),
            polysyllables=int(arrays.polysyllables.sum()),
            # estimated grade of each sentence x its words, in thousandths, summed as
            # integers so that the total is the same however the input is cut up
            weighted_grade=int(
                numpy.rint(estimated_grade(words, arrays.top_rated, arrays.content_rated) * words * 1000).sum()
            ),
            grades=grades,
            word_counts=word_counts,
            every_sentence=every,
        )
        return doc


_DEFAULTS = make_settings()

class _TextProps:
    """Per distinct token text: could it be a word, is it a clitic, is it plain (has
    a digit), does it start with a capital, its syllables, its readers' rating,
    is it a function word. Rows live in one growing array, so a Doc's table is a
    single gather rather than thousands of tuples. Orth hashes are the same in
    every vocab, so one table serves all."""

    def __init__(self) -> None:
        self.row: dict[int, int] = {}  # orth -> row
        self.size = 0
        self.table = numpy.zeros((1024, 7), dtype=numpy.int64)

    def rows(self, orths: numpy.ndarray, strings) -> numpy.ndarray:
        """Each token's row in ``table``, added on first sight of its text."""
        if self.size > MEMO_LIMIT:  # bounded: start again (rows are only read within one Doc)
            self.row.clear()
            self.size = 0
        return per_distinct(orths, lambda orth: self._add(strings[orth]), self.row, numpy.intp)

    def _add(self, text: str) -> int:
        n = self.size
        if n == len(self.table):
            self.table = numpy.concatenate([self.table, numpy.zeros_like(self.table)])
        wordish = not text.isspace() and any(ch.isalnum() for ch in text)
        digit = any(ch.isdigit() for ch in text)
        self.table[n] = (
            wordish,
            text.lower() in CLITICS,
            digit,  # like_num/url/email come from the token arrays
            text[:1].isupper(),
            count_syllables(text) if wordish else 0,
            round(1000 * word_rating(text)) if wordish and not digit else 0,  # rating in thousandths
            text.lower() in STOP_WORDS,  # a function word: left out of the content words' mean rating
        )
        self.size += 1
        return n


_TEXT_PROPS = _TextProps()


class SentenceArrays(NamedTuple):
    """Per-sentence arrays, one entry per sentence (see :func:`sentence_arrays`)."""

    starts: numpy.ndarray  # first token index
    ends: numpy.ndarray  # token index after the last
    words: numpy.ndarray
    syllables: numpy.ndarray
    polysyllables: numpy.ndarray
    top_rated: numpy.ndarray  # mean readers' rating (0..1) of its TOP_RATED hardest words
    content_rated: numpy.ndarray  # mean rating of its content words
    top_rated_no_names: numpy.ndarray  # the same two without names (capitalised mid-sentence)
    content_rated_no_names: numpy.ndarray


def sentence_arrays(doc: Doc) -> SentenceArrays:
    """Per sentence: start and end token index, words, syllables, polysyllables,
    the mean readers' rating (0..1) of its TOP_RATED hardest words, and the mean
    rating of its content words (words other than numbers and function words);
    the two ratings again with names left out, for the hard-sentence rule: no
    plainer word replaces a name, so a name must not make a sentence "hard".

    Counted over token arrays; the same counts as :func:`sentence_counts` on
    each of ``doc.sents`` (tested), without a Token object per token.
    """
    n = len(doc)
    if not n:
        empty = numpy.zeros(0, dtype=numpy.int64)
        return SentenceArrays(empty, empty, empty, empty, empty, *(numpy.zeros(0) for _ in range(4)))
    arr = token_array(doc, [ORTH, SPACY, SENT_START, IS_PUNCT, LIKE_NUM, LIKE_URL, LIKE_EMAIL])
    rows = _TEXT_PROPS.rows(arr[:, 0], doc.vocab.strings)  # first: it may grow the table
    table = _TEXT_PROPS.table[rows]
    wordish, clitic, plain, capital, syllables, rating, function_word = (table[:, k] for k in range(7))
    index = numpy.arange(n)
    after_no_space = numpy.concatenate(([False], arr[:-1, 1] == 0))
    starts_sentence = (arr[:, 2] == 1) | (index == 0)
    if not (arr[:, 2] != 0).any():  # no sentence boundaries at all: one sentence
        starts_sentence = index == 0
    is_word = (wordish == 1) & (arr[:, 3] == 0) & ~((clitic == 1) & after_no_space)
    numbers = (plain == 1) | (arr[:, 4] == 1) | (arr[:, 5] == 1) | (arr[:, 6] == 1)  # and links, e-mail addresses
    plain_token = numbers | ((capital == 1) & ~starts_sentence)
    syl = numpy.where(plain_token, 1, syllables) * is_word
    bounds = numpy.flatnonzero(starts_sentence)
    ends = numpy.append(bounds[1:], n)
    words = numpy.add.reduceat(is_word.astype(numpy.int64), bounds)
    sentence = numpy.cumsum(starts_sentence) - 1
    rated = is_word & ~numbers
    content = rated & (function_word == 0)
    return SentenceArrays(
        bounds,
        ends,
        words,
        numpy.add.reduceat(syl, bounds),
        numpy.add.reduceat((syl >= 3).astype(numpy.int64), bounds),
        _top_mean(numpy.where(rated, rating, 0), sentence, ends, words),
        _content_mean(rating, content, bounds),
        _top_mean(numpy.where(rated & ~plain_token, rating, 0), sentence, ends, words),
        _content_mean(rating, content & ~plain_token, bounds),
    )


TOP_RATED = 3  # a sentence is as hard as its few hardest words (docs/accuracy.md)


def _top_mean(rating: numpy.ndarray, sentence: numpy.ndarray, ends, words) -> numpy.ndarray:
    """Per sentence, the mean rating (0..1) of its TOP_RATED highest-rated words."""
    ordered = rating[numpy.lexsort((rating, sentence))]  # by sentence, then rating
    total = numpy.concatenate(([0], numpy.cumsum(ordered)))
    count = numpy.minimum(words, TOP_RATED)
    top = total[ends] - total[ends - count]
    return top / numpy.maximum(count, 1) / 1000.0


def _content_mean(rating: numpy.ndarray, content: numpy.ndarray, bounds) -> numpy.ndarray:
    """Per sentence, the mean rating (0..1) of its content words; 0 when it has none."""
    total = numpy.add.reduceat(numpy.where(content, rating, 0), bounds)
    count = numpy.add.reduceat(content.astype(numpy.int64), bounds)
    return total / numpy.maximum(count, 1) / 1000.0


def _trimmed_bounds(doc: Doc, starts: numpy.ndarray, ends: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
    """Per sentence, its first and after-last token without white space around it
    or a list bullet before it (first >= last: nothing left)."""
    skip = _skippable_edges(doc)
    n = len(skip)
    keep_start = numpy.flatnonzero(skip == 0)
    keep_end = numpy.flatnonzero(skip != 1)
    if not len(keep_start) or not len(keep_end):
        return numpy.zeros(len(starts), dtype=numpy.int64), numpy.zeros(len(starts), dtype=numpy.int64)
    at = numpy.searchsorted(keep_start, starts)
    first = numpy.where(at < len(keep_start), keep_start[numpy.minimum(at, len(keep_start) - 1)], n)
    before = numpy.searchsorted(keep_end, ends) - 1
    last = numpy.where(before >= 0, keep_end[numpy.maximum(before, 0)] + 1, 0)
    return first.astype(numpy.int64), last.astype(numpy.int64)


def _skippable_edges(doc: Doc) -> numpy.ndarray:
    """Per token: 1 for white space, 2 for a list bullet (trimmed only at a sentence's start), else 0."""
    arr = token_array(doc, [IS_SPACE, ORTH])
    skip = arr[:, 0].astype(numpy.int8)
    bullets = isin_sorted(arr[:, 1], _BULLET_KEYS)
    skip[bullets & (skip == 0)] = 2
    return skip


_BULLET_KEYS = numpy.array(sorted(hash_string(mark) for mark in BULLET_MARKS), dtype=numpy.uint64)


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
