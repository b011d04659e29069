"""Our direct read of wordfreq's data gives wordfreq's own Zipf values."""

from __future__ import annotations

import pytest
import wordfreq

from plainspeak.text.frequency import is_rarer, zipf

WORDS = [
    "the", "Hello", "café", "CAFE\u0301", "utilize", "psychoeducation", "reimbursement", "deductible",
    "ascertain", "heretofore", "decompensate", "grandkids", "individualized", "stub", "xqzvy", "naïve", "Straße",
]


@pytest.mark.parametrize("word", WORDS)
def test_zipf_matches_wordfreq(word):
    assert zipf(word) == wordfreq.zipf_frequency(word, "en")


@pytest.mark.parametrize("word", WORDS)
@pytest.mark.parametrize("threshold", [1.5, 2.5, 3.0, 3.01, 3.1, 4.0, 4.5])
def test_is_rarer_agrees_with_zipf(word, threshold):
    assert is_rarer(word, threshold) == (wordfreq.zipf_frequency(word, "en") < threshold)


def test_word_difficulty():
    from plainspeak.text.difficulty import word_difficulty

    assert word_difficulty("the") < 0.2 < word_difficulty("reimbursement") < word_difficulty("psychoeducation")
    assert word_difficulty("treatment") < word_difficulty("treatment modality")
    assert word_difficulty("123") == 0.0
    assert all(0.0 <= word_difficulty(w) <= 1.0 for w in ("xqzvyy", "a", "Antidisestablishmentarianism", "I'm"))


def test_word_rating_uses_readers_ratings_then_the_estimate():
    from plainspeak.text.difficulty import rated, word_rating

    assert rated("house") is not None and word_rating("house") == rated("house") < 0.2
    assert rated("houses") == rated("house")  # through the lemma
    assert rated("psychoeducation") is None and word_rating("psychoeducation") > 0.6


def test_difficulty_model_names_only_known_features():
    from plainspeak.text.difficulty import model, word_features

    known = set(word_features("word"))
    assert set(model()["rating"]["weights"]) <= known
    assert set(model()["difficulty"]["weights"]) <= known | {"rating"}
    assert set(model()["phrase"]["weights"]) == {"bias", "hardest", "easiest"}
    assert set(model()["grade"]["weights"]) == {"bias", "log_words", "top_rated", "content_rated"}
