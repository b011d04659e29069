"""The accuracy benchmark's metric code, on tiny fixtures."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))
from metrics import macro_f1, pearson, prf, ranks, spearman


def test_prf_and_macro_f1():
    gold = [True, True, False, False, True]
    predicted = [True, False, False, True, True]
    assert prf(gold, predicted) == pytest.approx((2 / 3, 2 / 3, 2 / 3))
    assert macro_f1(gold, predicted) == pytest.approx((2 / 3 + 0.5) / 2)
    assert prf([False], [False]) == (0.0, 0.0, 0.0)


def test_correlations():
    assert pearson([1, 2, 3], [2, 4, 6]) == pytest.approx(1.0)
    assert pearson([1, 2, 3], [3, 2, 1]) == pytest.approx(-1.0)
    assert ranks([10, 20, 20, 5]) == [2.0, 3.5, 3.5, 1.0]
    assert spearman([1, 2, 3, 4], [1, 4, 9, 16]) == pytest.approx(1.0)


def test_detokenize_gives_text_as_written():
    from accuracy import detokenize

    assert detokenize("I do n't know , she 's here ( maybe ) .") == "I don't know, she's here (maybe)."
    assert detokenize("He ca n't go ; we wo n't either !") == "He can't go; we won't either!"
    assert detokenize("Prices rose 5 % .") == "Prices rose 5%."


def test_benchmark_settings_from_options():
    from accuracy import settings_from

    default = settings_from([])
    assert default.audience == "general"
    everyday = settings_from(["--words-only", "--audience", "everyday"])
    assert everyday.audience == "everyday" and everyday.zipf_threshold > default.zipf_threshold
    point = settings_from(["--audience", "everyday", "--thresholds", "4.0,0.4"])
    assert (point.audience, point.zipf_threshold, point.rating_threshold) == ("everyday", 4.0, 0.4)
