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

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..readability import Counts, flesch_kincaid_grade
from ..syllables import count_syllables
from . import SENTENCES_KEY
from .paragraphs import BULLET_MARKS
from .words import is_plain_token, is_word


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
        name: str = "plainspeak_readability",
        target_grade: float = 8.0,
        max_sentence_words: int = 25,
        min_sentence_words: int = 6,
    ) -> None:
        self.name = name
        self.target_grade = target_grade
        self.max_sentence_words = max_sentence_words
        self.min_sentence_words = min_sentence_words

    def _hard(self, counts: Counts) -> bool:
        """Above the target grade with the length capped at the word limit: past
        ~26 words length alone passes grade 8, and length has its own rule, so a
        long sentence of plain words is long, not hard."""
        words = min(counts.words, self.max_sentence_words)
        grade = flesch_kincaid_grade(Counts(words, 1, counts.syllables * words / counts.words))
        return grade is not None and grade > self.target_grade

    def __call__(self, doc: Doc) -> Doc:
        total = Counts()
        spans: list[Span] = []
        grades: list[float | None] = []
        word_counts: list[int] = []
        for sent in doc.sents:
            counts = sentence_counts(sent)
            if not counts.words:
                continue
            total = total + counts
            grade = flesch_kincaid_grade(counts)
            span = _trim(sent)
            if span.start >= span.end:
                continue
            if counts.words >= self.min_sentence_words and self._hard(counts):
                spans.append(Span(doc, span.start, span.end, label="hard-sentence"))
                grades.append(round(grade, 1))
                word_counts.append(counts.words)
            if counts.words > self.max_sentence_words:
                spans.append(Span(doc, span.start, span.end, label="long-sentence"))
                grades.append(round(grade, 1) if grade is not None else None)
                word_counts.append(counts.words)
        doc.spans[SENTENCES_KEY] = spans
        group = doc.spans[SENTENCES_KEY]
        group.attrs.update(
            words=total.words,
            sentences=total.sentences,
            syllables=total.syllables,
            polysyllables=total.polysyllables,
            grades=grades,
            word_counts=word_counts,
        )
        return doc


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
    default_config={"target_grade": 8.0, "max_sentence_words": 25, "min_sentence_words": 6},
)
def make_readability(
    nlp: Language, name: str, target_grade: float, max_sentence_words: int, min_sentence_words: int
) -> SentenceReadability:
    return SentenceReadability(name, target_grade, max_sentence_words, min_sentence_words)
