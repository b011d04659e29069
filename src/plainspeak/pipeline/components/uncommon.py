"""Uncommon-word detector: words rarer than a Zipf threshold (wordfreq), or
words readers rate hard (``plainspeak.text.difficulty.word_rating``).

A word's rarity is the higher Zipf frequency of its text and its lemma (so a
plural is not rarer than its singular). A more frequent word is flagged when
its readers' rating reaches the audience's rating threshold ("reimbursement",
"eligibility"): frequency alone misses such words (docs/accuracy.md). A word
built from common parts ("reschedule", "carpool", "grandkids") is not
flagged: readers can decode it. Skipped: numbers and anything with a
digit, URLs, e-mail addresses, words that look like names (capitalised
mid-sentence, or PROPN/named entities when a trained model tagged them),
all-caps tokens (the acronym component's job), words inside lexicon jargon,
and words on the accept list. Spans: ``label_ == "uncommon"``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy
from spacy.attrs import LEMMA, ORTH, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ...config.settings import load_defaults, make_settings
from ...datafiles import data_path
from ...text.difficulty import rated, word_rating
from ...text.frequency import is_rarer
from . import JARGON_KEY, UNCOMMON_KEY
from .arrays import MEMO_LIMIT, token_array, unique_inverse
from .headings import in_a_worded_heading
from .words import in_spanish, is_word, sentence_of

# Entity types that mark names, places, dates, money ... in a trained pipeline.
_SKIP_ENTS = frozenset(
    ["PERSON", "NORP", "FAC", "ORG", "GPE", "LOC", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "LANGUAGE", "DATE", "TIME", "PERCENT", "MONEY", "QUANTITY", "ORDINAL", "CARDINAL"]
)
MIN_LENGTH = 3
# Latin letters (accents included), inner ' or -: English word frequencies say
# nothing about other scripts, and a 40-letter run is not a word.
_WORD = re.compile(r"^[A-Za-z\u00C0-\u024F](?:[A-Za-z\u00C0-\u024F'-]){0,38}[A-Za-z\u00C0-\u024F]$")
PART_ZIPF = 4.0  # both parts of a see-through compound are at least this common
PREFIXES = ("re", "un", "pre", "over", "under", "out", "self")
# "non" before a very common word reads at sight ("nonviolent", "nonprofit"); before a
# merely common one it is the field's own word ("noncompliance", "nonexempt").
NON_STEM_ZIPF = 4.4
# Suffixes that add a plain meaning to a common word: "prevent|able", "purpose|ful",
# "kind|ness", "home|less". Not -ize, -ity, -ation: those make new, formal words.
SUFFIXES = ("able", "ful", "ness", "less")


# Not a part of a see-through compound: function words ("the|rapist", "her|ein",
# "for|thwith", "fran|cis|can") and fragments that are only word pieces.
_NOT_PARTS = STOP_WORDS | frozenset({"non", "dis", "mis", "pro", "con", "com", "ing", "ion", "ment", "ness", "able"})


@lru_cache(maxsize=65536)
def is_transparent(word: str) -> bool:
    """A compound or prefixed word whose parts are common content words: "re|schedule",
    "car|pool", "work|place", "grand|kids", "hope|less|ness"; not "the|rapist" or
    "fort|with"."""
    word = word.lower()
    if _affixed(word, AFFIXES):
        return True
    if word.startswith("non") and len(word) >= 6 and not is_rarer(word[3:].lstrip("-"), NON_STEM_ZIPF):
        return True
    for i in range(3, len(word) - 2):
        left, right = word[:i], word[i:]
        if left in _NOT_PARTS or right in _NOT_PARTS:
            continue
        if not is_rarer(left, PART_ZIPF) and not is_rarer(right, PART_ZIPF):
            return True
    return False


AFFIXES = 2  # plain prefixes and suffixes taken off in turn: "hope|less|ness", "un|avoid|able"


def _affixed(word: str, affixes: int) -> bool:
    """A common word with up to ``affixes`` plain prefixes and suffixes."""

    def plain_part(stem: str) -> bool:
        return stem not in _NOT_PARTS and (not is_rarer(stem, PART_ZIPF) or (affixes > 1 and _affixed(stem, affixes - 1)))

    for suffix in SUFFIXES:
        stem = word[: -len(suffix)]
        if word.endswith(suffix) and len(stem) >= 3 and any(plain_part(s) for s in (stem, stem + "e", stem[:-1] + "y")):
            return True
    for prefix in PREFIXES:
        stem = word[len(prefix):]
        if word.startswith(prefix) and len(stem) >= 3 and plain_part(stem):
            return True
    return False


@lru_cache(maxsize=1)
def everyday_names() -> frozenset[str]:
    """Medicine names and everyday words (data/drug_names.txt,
    data/everyday_health_words.txt, data/everyday_words.txt): rare in general
    text, but the reader needs the name on the bottle, and "pharmacist" or
    "mortgage" needs no plainer word."""
    words: set[str] = set()
    for name in ("drug_names.txt", "everyday_health_words.txt", "everyday_words.txt"):
        for line in data_path(name).read_text(encoding="utf-8").splitlines():
            entry = line.split("#", 1)[0].strip().lower()
            if entry:
                words.add(entry)
                words.update(re.split(r"[\s-]+", entry))  # "insulin glargine": each word alone too
    return frozenset(words)


@lru_cache(maxsize=1)
def _drug_stems() -> frozenset[str]:
    text = data_path("drug_stems.txt").read_text(encoding="utf-8")
    return frozenset(line.split("#", 1)[0].strip() for line in text.splitlines() if line.split("#", 1)[0].strip())


DRUG_STEM_PREFIX = 2  # letters before a stem: "april" is not a -pril drug


def is_drug_name(word: str) -> bool:
    """A generic drug name by its USAN/INN stem: "lisinopril", "atorvastatin",
    "adalimumab" (data/drug_stems.txt), for names the list lacks."""
    word = word.lower()
    stems = _drug_stems()
    return any(word[start:] in stems for start in range(DRUG_STEM_PREFIX, len(word) - 2))


@lru_cache(maxsize=1)
def simple_rating() -> float:
    """Readers' rating below which a word is simple to them, whatever its frequency
    (data/defaults.toml: the lower third of their scale; "shoppers", "queue", "metre")."""
    return float(load_defaults()["uncommon"]["simple_rating"])


def looks_like_name(token: Token, capitalised_mid_sentence: set[str]) -> bool:
    """Capitalised mid-sentence, tagged PROPN, or inside a named entity."""
    if token.pos_ == "PROPN" or token.ent_type_ in _SKIP_ENTS:
        return True
    if not token.text[:1].isupper():
        return False
    if not token.is_upper and in_a_worded_heading(token.doc, token.i, token.i + 1):
        return False  # "Remuneration for Past or Future Services": the writer's word
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
    start, end = sentence_of(token, limit=8)
    if end - start >= 8:
        return False
    words = 0
    for t in token.doc[start:end]:  # a short line such as a sign-off or an address
        words += t.is_alpha
        if words > 3:
            return False
    return True


class UncommonWords:
    def __init__(
        self, name: str, zipf_threshold: float, rating_threshold: float, accept: Sequence[str] = (), *, lexicon_words: bool = True
    ) -> None:
        self.name = name
        self.zipf_threshold = zipf_threshold
        self.rating_threshold = rating_threshold
        self.lexicon_words = lexicon_words
        self._accept = frozenset(w.lower() for w in accept)
        self.accept = self._accept
        self._shape: dict[int, bool] = {}  # orth -> could this text be an uncommon word?
        self._rare: dict[tuple[int, int], bool] = {}  # (orth, lemma) -> rare, and not accepted?

    def use_lexicon(self, lexicon) -> None:
        """Called by plainspeak_jargon whenever its lexicon is set: the words of the
        lexicon's best suggestions ("shortness of breath") are never uncommon."""
        if self.lexicon_words:
            self.accept = self._accept | plain_words(lexicon)
            self._rare.clear()
            self._shape.clear()

    def __call__(self, doc: Doc) -> Doc:
        if len(self._rare) > MEMO_LIMIT or len(self._shape) > MEMO_LIMIT:  # bounded: see arrays.MEMO_LIMIT
            self._rare.clear()
            self._shape.clear()
        candidates = self._candidates(doc) if len(doc) else []
        spans = []
        if candidates:
            skip: set[int] = set()
            if JARGON_KEY in doc.spans:
                for span in doc.spans[JARGON_KEY]:
                    skip.update(range(span.start, span.end))
            capitalised: set[str] | None = None
            for i in candidates:
                token = doc[i]
                if i in skip or not is_word(token) or in_spanish(doc, i - 15, i + 16):
                    continue
                if token.text[:1].isupper() or token.pos_ or token.ent_type:
                    if capitalised is None:
                        capitalised = _capitalised_mid_sentence(doc)
                    if looks_like_name(token, capitalised):
                        continue
                spans.append(Span(doc, i, i + 1, label="uncommon"))
        doc.spans[UNCOMMON_KEY] = spans
        return doc

    def _candidates(self, doc: Doc) -> list[int]:
        """Tokens whose text and lemma make them uncommon words, decided once per
        distinct text (and lemma, should a trained model vary it by context)."""
        arr = token_array(doc, [ORTH, LEMMA])
        uniq, first, inverse = unique_inverse(arr[:, 0])
        strings, shape, rare = doc.vocab.strings, self._shape, self._rare
        lemmas = arr[:, 1]
        flags = numpy.fromiter(
            (
                (shape[o] if o in shape else self._learn(o, strings[o]))
                and (rare[o, lem] if (o, lem) in rare else self._learn_rare(o, lem, strings))
                for o, lem in zip(uniq.tolist(), lemmas[first].tolist())
            ),
            dtype=bool,
            count=len(uniq),
        )
        mask = flags[inverse]
        varied = numpy.flatnonzero(lemmas != lemmas[first][inverse])  # same text, other lemma
        for i in varied.tolist():
            o, lem = int(arr[i, 0]), int(lemmas[i])
            mask[i] = self._shape.get(o, False) and (rare[o, lem] if (o, lem) in rare else self._learn_rare(o, lem, strings))
        return numpy.flatnonzero(mask).tolist()

    def _learn_rare(self, orth: int, lemma: int, strings) -> bool:
        """Rare by wordfreq (word and lemma) or rated hard, not see-through, lemma not accepted.
        A word readers rated simple is never rare: their rating beats its frequency both ways."""
        text = strings[orth]
        lemma_text = strings[lemma].lower() if lemma else ""
        people = rated(text)  # readers' own rating (Word Complexity Lexicon) beats any rule of thumb
        rare = (
            (people is None or people >= simple_rating())
            and is_rarer(text, self.zipf_threshold)
            and (not lemma_text or lemma_text == text.lower() or is_rarer(lemma_text, self.zipf_threshold))
        )
        hard = (people if people is not None else word_rating(text)) >= self.rating_threshold
        flag = lemma_text not in self.accept and (
            (people is not None and people >= self.rating_threshold)
            or ((rare or hard) and not (is_transparent(text) or (lemma_text and is_transparent(lemma_text))))
        ) and not (rare and is_drug_name(text))
        self._rare[orth, lemma] = flag
        return flag

    def _learn(self, orth: int, text: str) -> bool:
        """Text-only tests: long enough, letters only, not capitals, not accepted."""
        lex_ok = len(text) >= MIN_LENGTH and not text.isupper() and bool(_WORD.match(text))  # _WORD caps length
        flag = self._shape[orth] = lex_ok and text.lower() not in self.accept
        return flag


def _capitalised_mid_sentence(doc: Doc) -> set[str]:
    """Lower-cased words that appear capitalised somewhere other than a sentence start."""
    arr = token_array(doc, [ORTH, SENT_START])
    mid = arr[1:][arr[1:, 1] != 1, 0]
    strings = doc.vocab.strings
    return {strings[o].lower() for o in set(mid.tolist()) if strings[o][:1].isupper()}


_DEFAULTS = make_settings()


@Language.factory(
    "plainspeak_uncommon",
    assigns=["doc.spans"],
    default_config={
        "zipf_threshold": _DEFAULTS.zipf_threshold,
        "rating_threshold": _DEFAULTS.rating_threshold,
        "accept": [],
        "lexicon_words": True,
    },
)
def make_uncommon_words(
    nlp: Language, name: str, zipf_threshold: float, rating_threshold: float, accept: Sequence[str], lexicon_words: bool
) -> UncommonWords:
    """``lexicon_words``: the words of the lexicon's best suggestions ("shortness of
    breath") are never uncommon; plainspeak_jargon hands its lexicon over when it is
    set (``use_lexicon``), also when it is added after this component or initialised."""
    component = UncommonWords(name, zipf_threshold, rating_threshold, [*accept, *everyday_names()], lexicon_words=lexicon_words)
    jargon: Any = dict(nlp.pipeline).get("plainspeak_jargon")
    if jargon is not None:
        component.use_lexicon(jargon.lexicon)
    return component


def plain_words(lexicon) -> set[str]:
    """The words of each entry's best (first) suggestion, lower-cased: curated plain words."""
    return {w.lower() for entry in lexicon for w in re.findall(r"[A-Za-z']+", entry.plain[0] if entry.plain else "")}
