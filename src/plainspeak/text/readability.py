"""Readability formulas from counts, as textstat defines them.

We count words, sentences and syllables once from the Doc (syllables from
the CMU dictionary as textstat counts them, else a vowel-group rule; see
syllables.py) and apply the formulas
here. Scores for text that is too short are ``None`` ("not enough text"),
never a made-up number. :func:`textstat_scores` runs textstat itself on a
string, as a labelled reference. :func:`estimated_grade` is plainspeak's own
estimate, labelled as such (``estimated_grade`` in reports).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Counts:
    words: int = 0
    sentences: int = 0
    syllables: int = 0
    polysyllables: int = 0  # words of 3+ syllables

    def __add__(self, other: Counts) -> Counts:
        return Counts(
            self.words + other.words,
            self.sentences + other.sentences,
            self.syllables + other.syllables,
            self.polysyllables + other.polysyllables,
        )


def fk_grade(words, sentences, syllables):
    """US school grade: 0.39 * words/sentence + 11.8 * syllables/word - 15.59.

    Works on numbers or numpy arrays; callers make sure words and sentences are > 0.
    """
    return 0.39 * words / sentences + 11.8 * syllables / words - 15.59


def estimated_grade(words, top_rated, content_rated):
    """plainspeak's grade estimate of a sentence from its length (the log of
    1 + its words: each added word costs a reader less), the mean
    readers' rating of its hardest words and that of its content words, on
    Flesch-Kincaid's grade scale (weights in data/difficulty_model.toml;
    docs/accuracy.md says why).

    Works on numbers or numpy arrays.
    """
    import numpy  # loaded by spaCy already; kept out of this module's import

    from .difficulty import model

    w = model()["grade"]["weights"]
    return w["bias"] + w["log_words"] * numpy.log1p(words) + w["top_rated"] * top_rated + w["content_rated"] * content_rated


def flesch_kincaid_grade(c: Counts) -> float | None:
    """Flesch-Kincaid grade of counted text; None when there is nothing to score."""
    if not c.words or not c.sentences:
        return None
    return fk_grade(c.words, c.sentences, c.syllables)


def flesch_reading_ease(c: Counts) -> float | None:
    """0-100, higher is easier: 206.835 - 1.015 * words/sentence - 84.6 * syllables/word."""
    if not c.words or not c.sentences:
        return None
    return 206.835 - 1.015 * c.words / c.sentences - 84.6 * c.syllables / c.words


def textstat_scores(text: str) -> dict[str, float]:
    """textstat's own Flesch-Kincaid grade and reading ease for ``text`` (slow; a reference)."""
    import textstat

    return {
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
    }
