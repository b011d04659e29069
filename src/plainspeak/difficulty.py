"""A word difficulty score, 0 (everyday) to 1 (rare), for ranking and evaluation.

Today it is word rarity alone: wordfreq's Zipf frequency mapped linearly from
7 ("the", score 0) to 1 (score 1), and for a phrase the hardest word. The
accuracy benchmark (benchmarks/accuracy.py) measures it against human
ratings; a richer model is the next step (see docs/accuracy.md).
"""

from __future__ import annotations

import re

from .frequency import zipf

_WORD = re.compile(r"[A-Za-z\u00C0-\u024F]+(?:'[A-Za-z]+)?")


def word_difficulty(text: str) -> float:
    """Difficulty of a word or phrase: that of its rarest word."""
    words = _WORD.findall(text)
    if not words:
        return 0.0
    return max(min(1.0, max(0.0, (7.0 - zipf(w)) / 6.0)) for w in words)
