"""Uncommon-word detector: words rarer than a Zipf threshold (wordfreq).

A word's rarity is the higher Zipf frequency of its text and its lemma (so a
plural is not rarer than its singular). A rare word built from common parts
("reschedule", "carpool", "grandkids") is not flagged: readers can decode it. Skipped: numbers and anything with a
digit, URLs, e-mail addresses, words that look like names (capitalised
mid-sentence, or PROPN/named entities when a trained model tagged them),
all-caps tokens (the acronym component's job), words inside lexicon jargon,
and words on the accept list. Spans: ``label_ == "uncommon"``.
"""

from __future__ import annotations

import re
from typing import Sequence

from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..frequency import is_rarer
from . import JARGON_KEY, UNCOMMON_KEY
from .words import is_word

# Entity types that mark names, places, dates, money ... in a trained pipeline.
_SKIP_ENTS = frozenset(
    "PERSON NORP FAC ORG GPE LOC PRODUCT EVENT WORK_OF_ART LAW LANGUAGE DATE TIME PERCENT MONEY QUANTITY ORDINAL CARDINAL".split()
)
MIN_LENGTH = 3
_WORD = re.compile(r"^[^\W\d_](?:[^\W\d_]|['-])*[^\W\d_]$")  # letters, inner ' or -
PART_ZIPF = 4.0  # both parts of a see-through compound are at least this common
PREFIXES = ("re", "un", "pre", "over", "under", "out", "self")


def is_transparent(word: str) -> bool:
    """A compound or prefixed word whose parts are common words: "re|schedule",
    "car|pool", "check|up", "grand|kids"."""
    word = word.lower()
    for prefix in PREFIXES:
        if word.startswith(prefix) and len(word) - len(prefix) >= 3 and not is_rarer(word[len(prefix):], PART_ZIPF):
            return True
    for i in range(3, len(word) - 2):
        if not is_rarer(word[:i], PART_ZIPF) and not is_rarer(word[i:], PART_ZIPF):
            return True
    return False


def is_rare(token: Token, threshold: float) -> bool:
    """Both the word and its lemma are rarer than ``threshold`` (Zipf)."""
    if not is_rarer(token.lower_, threshold):
        return False
    lemma = token.lemma_.lower()
    return not lemma or lemma == token.lower_ or is_rarer(lemma, threshold)


def looks_like_name(token: Token, capitalised_mid_sentence: set[str]) -> bool:
    """Capitalised mid-sentence, tagged PROPN, or inside a named entity."""
    if token.pos_ == "PROPN" or token.ent_type_ in _SKIP_ENTS:
        return True
    if not token.text[:1].isupper():
        return False
    if not token.is_sent_start:
        return True
    # Sentence-initial: a name if the same word is capitalised mid-sentence elsewhere,
    # if a capitalised word follows ("Dani Reyes", "Riverton OH"), or if the
    # "sentence" is a short line such as a sign-off or an address.
    if token.lower_ in capitalised_mid_sentence:
        return True
    following = [t for t in token.doc[token.i + 1 : token.i + 3] if t.is_alpha]
    if following and following[0].text[:1].isupper():
        return True
    sent = token.sent if token.doc.has_annotation("SENT_START") else None
    return sent is not None and sum(1 for t in sent if t.is_alpha) <= 3


class UncommonWords:
    def __init__(self, name: str = "plainspeak_uncommon", zipf_threshold: float = 3.05, accept: Sequence[str] = ()) -> None:
        self.name = name
        self.zipf_threshold = zipf_threshold
        self.accept = frozenset(w.lower() for w in accept)

    def __call__(self, doc: Doc) -> Doc:
        skip = set()
        if JARGON_KEY in doc.spans:
            for span in doc.spans[JARGON_KEY]:
                skip.update(range(span.start, span.end))
        capitalised = {t.lower_ for t in doc if t.text[:1].isupper() and not t.is_sent_start and t.i > 0}
        spans = []
        for token in doc:
            if token.i in skip or not self._candidate(token):
                continue
            if looks_like_name(token, capitalised):
                continue
            if is_rare(token, self.zipf_threshold) and not is_transparent(token.text):
                spans.append(Span(doc, token.i, token.i + 1, label="uncommon"))
        doc.spans[UNCOMMON_KEY] = spans
        return doc

    def _candidate(self, token: Token) -> bool:
        text = token.text
        if len(text) < MIN_LENGTH or not is_word(token):
            return False
        if token.like_url or token.like_email or token.like_num:
            return False
        if text.isupper() or not _WORD.match(text):
            return False
        lower = token.lower_
        return lower not in self.accept and token.lemma_.lower() not in self.accept


@Language.factory(
    "plainspeak_uncommon",
    assigns=["doc.spans"],
    default_config={"zipf_threshold": 3.05, "accept": []},
)
def make_uncommon_words(nlp: Language, name: str, zipf_threshold: float, accept: Sequence[str]) -> UncommonWords:
    return UncommonWords(name, zipf_threshold, accept)
