"""Which tokens count as words, shared by the components (one definition)."""

from __future__ import annotations

from functools import lru_cache

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Span, Token

from ...datafiles import grammar_words
from .arrays import KeySet, fixed_column, string_key

# Clitics spaCy splits off ("do|n't", "she|'s"): part of the word before them.
CLITICS = frozenset({"n't", "'s", "'re", "'ll", "'ve", "'m", "'d", "s", "nt"})


def is_word(token: Token) -> bool:
    """A word for counting: has a letter or digit and is not a split-off clitic."""
    if token.is_space or token.is_punct:
        return False
    text = token.text
    if text.lower() in CLITICS and token.i > 0 and not token.doc[token.i - 1].whitespace_:
        return False
    return any(ch.isalnum() for ch in text)


def is_plain_token(token: Token) -> bool:
    """Names, numbers, URLs and e-mail addresses: not hard words, whatever their length.

    Readability counts them as one syllable; a reader knows their own name,
    their agency's, a date or a link.
    """
    if token.like_url or token.like_email or token.like_num or any(ch.isdigit() for ch in token.text):
        return True
    return token.text[:1].isupper() and not token.is_sent_start and token.i > 0


def sentence_of(token: Token, limit: int = 80) -> tuple[int, int]:
    """Start and end token index of the token's sentence, looking at most
    ``limit`` tokens each way. ``token.sent`` would be O(document) per call in
    a pipeline without a parser (spaCy first scans every token for DEP)."""
    doc = token.doc
    start = token.i
    while start > 0 and token.i - start < limit and not doc[start].is_sent_start:
        start -= 1
    end = token.i + 1
    while end < len(doc) and end - token.i < limit and not doc[end].is_sent_start:
        end += 1
    return start, end


def is_credential(span: Span) -> bool:
    """Letters after a name on a short line: "Dani Reyes, LCSW, CPRS"."""
    doc = span.doc
    if span.start < 2 or doc[span.start - 1].text != ",":
        return False
    before = doc[span.start - 2]
    if not (before.text[:1].isupper() and before.is_alpha):
        return False
    if span.end < len(doc) and doc[span.end].is_alpha and doc[span.end].is_lower:
        return False  # a sentence goes on: "Sadly, DHS mailed you a letter"
    words = 0  # words on this line, counted outwards from the span; a short line has few
    for step, i in ((-1, span.start - 1), (1, span.end)):
        while 0 <= i < len(doc) and "\n" not in doc[i].text:
            words += not doc[i].is_space and not doc[i].is_punct
            if words > 8:
                return False
            i += step
    return True


def in_spanish(doc: Doc, start: int, end: int) -> bool:
    """Three or more words of ``doc[start:end]`` are Spanish and not English (the
    language-help line of agency notices: "Si necesita ayuda en español, llame al
    ..."): an English reader skips the line, so its words are no hard English words
    and its sentences no hard English sentences (``spanish_markers`` in
    data/grammar.toml)."""
    before = _spanish_before(doc)
    start, end = min(max(0, start), len(doc)), min(max(0, end), len(doc))
    return end > start and int(before[end] - before[start]) >= 3


_SPANISH = "plainspeak_spanish_before"


def _spanish_before(doc: Doc) -> numpy.ndarray:
    """How many Spanish marker words stand before each token (and the Doc's end),
    counted once per Doc: asked per sentence and per uncommon word, a count over
    the window each time was a million token reads on a 1M-word input. Kept on the
    Doc like its fixed columns (arrays.token_array): a Doc's tokens never change
    after the tokenizer."""
    before = doc.user_data.get(_SPANISH)
    if before is None:
        markers = _spanish_keys().contains(fixed_column(doc, LOWER))
        before = numpy.zeros(len(doc) + 1, dtype=numpy.int32)
        numpy.cumsum(markers, out=before[1:])
        doc.user_data[_SPANISH] = before
    return before


@lru_cache(maxsize=1)
def _spanish_keys() -> KeySet:
    return KeySet(string_key(word) for word in grammar_words("spanish_markers"))
