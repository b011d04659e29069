"""Our direct read of wordfreq's data gives wordfreq's own Zipf values."""

from __future__ import annotations

import pytest
import wordfreq

from plainspeak.frequency import is_rarer, zipf

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
    from plainspeak.difficulty import word_difficulty

    assert word_difficulty("the") < 0.1 < word_difficulty("reimbursement") < word_difficulty("psychoeducation")
    assert word_difficulty("treatment modality") == word_difficulty("modality")
    assert word_difficulty("123") == 0.0 and word_difficulty("xqzvyy") == 1.0
