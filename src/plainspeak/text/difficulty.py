"""How hard a word is to read: readers' ratings, and a graded difficulty score.

Two scores, both from small linear models whose features are named here and
whose weights live in ``data/difficulty_model.toml`` (fitted by
``tools/fit_difficulty.py``; see docs/accuracy.md):

- :func:`word_rating`: how hard readers rate a word out of context, 0 (very
  simple) to 1 (very complex). The Word Complexity Lexicon (15k frequent words,
  rated by up to 11 readers; ``data/word_ratings.tsv``) answers for the words
  it has, directly or through their lemma; for other words a model fitted on
  that lexicon estimates the rating from frequency, length and spelling.
  The uncommon-word detector flags words by this rating.
- :func:`word_difficulty`: a graded score, 0 (everyday) to 1 (hard), for a
  word or two-word phrase, fitted on CompLex 2021 (words in context rated by
  readers). It adds exact frequency to the rating; it is for library users
  and the accuracy benchmark. The estimated grade uses :func:`word_rating`.

Per-word scores are memoised in bounded caches.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Mapping
from functools import lru_cache

from ..datafiles import data_path
from .frequency import SMALL_FLOOR, common_zipf, zipf
from .syllables import count_syllables

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:'[A-Za-z]+)?")


@lru_cache(maxsize=1)
def model() -> dict:
    """The weights and spelling patterns in data/difficulty_model.toml."""
    with open(data_path("difficulty_model.toml"), "rb") as fh:
        return tomllib.load(fh)


@lru_cache(maxsize=1)
def ratings() -> dict[str, float]:
    """Readers' ratings from data/word_ratings.tsv, rescaled from 1..6 to 0..1."""
    table = {}
    with open(data_path("word_ratings.tsv"), encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                word, _, value = line.rstrip("\n").partition("\t")
                table[word] = (float(value) - 1.0) / 5.0
    return table


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    spelling = model()["spelling"]

    def ending(parts: list[str]) -> re.Pattern:
        return re.compile("(?:" + "|".join(parts) + ")s?$")

    return (ending(spelling["latinate_suffixes"]), ending(spelling["medical_suffixes"]),
            re.compile("|".join(spelling["greek_spellings"])))


def _lemma(word: str) -> str:
    from ..pipeline.components.lemmatizer import lookup_lemma

    return lookup_lemma(word)


def word_features(word: str, exact: bool = True) -> Mapping[str, float]:
    """The named features of one word that the models weigh (pure).

    ``exact=False`` (the rating model) floors the frequency at wordfreq's
    small list (Zipf 3.0), so rating a rare word never loads the 0.2 s large
    list; the readers' lexicon hardly has words that rare to learn from anyway.
    """
    lower = word.lower()
    lemma = _lemma(lower)
    if exact:
        frequency = zipf(lower)
        if lemma != lower:  # a plural is no rarer than its singular
            lemma_frequency = common_zipf(lemma)
            if lemma_frequency is None and frequency < SMALL_FLOOR:
                lemma_frequency = zipf(lemma)  # the large list is loaded already
            frequency = max(frequency, lemma_frequency or 0.0)
    else:
        frequency = max(common_zipf(lower) or 0.0, common_zipf(lemma) or 0.0, SMALL_FLOOR - 0.01)
    latinate, medical, greek = _patterns()
    features = {
        "bias": 1.0,
        "zipf": frequency,
        "rarer_than_5.5": max(0.0, 5.5 - frequency),
        "rarer_than_4.5": max(0.0, 4.5 - frequency),
        "rarer_than_3.5": max(0.0, 3.5 - frequency),
        "rarer_than_2.5": max(0.0, 2.5 - frequency),
        "letters": float(len(word)),
        "syllables": float(count_syllables(lower)),
        "latinate_suffix": float(bool(latinate.search(lower))),
        "medical_suffix": float(bool(medical.search(lower))),
        "greek_spellings": float(len(greek.findall(lower))),
        "capitalised": float(word[:1].isupper()),
    }
    return features


def _linear(weights: Mapping[str, float], features: Mapping[str, float]) -> float:
    return sum(w * features[name] for name, w in weights.items())


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))


def rated(word: str) -> float | None:
    """The readers' rating of a word or of its lemma (0..1), if the lexicon has one."""
    table = ratings()
    lower = word.lower()
    value = table.get(lower)
    if value is None:
        value = table.get(_lemma(lower))
    return value


@lru_cache(maxsize=65536)
def word_rating(word: str) -> float:
    """How hard readers rate one word, 0 (very simple) .. 1 (very complex):
    their rating where the Word Complexity Lexicon has it, else the estimate."""
    value = rated(word)
    if value is None:
        value = _clamp(_linear(model()["rating"]["weights"], word_features(word, exact=False)))
    return value


@lru_cache(maxsize=65536)
def _single(word: str) -> float:
    features = dict(word_features(word), rating=word_rating(word))
    return _clamp(_linear(model()["difficulty"]["weights"], features))


def word_difficulty(text: str) -> float:
    """Graded difficulty of a word or phrase, 0 (everyday) .. 1 (hard).

    A phrase combines its hardest and easiest word with the phrase weights.
    Text without a word ("123") scores 0.
    """
    words = _WORD.findall(text)
    if not words:
        return 0.0
    scores = [_single(w) for w in words]
    if len(scores) == 1:
        return scores[0]
    phrase = {"bias": 1.0, "hardest": max(scores), "easiest": min(scores)}
    return _clamp(_linear(model()["phrase"]["weights"], phrase))

