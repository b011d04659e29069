"""Word rarity: wordfreq's English Zipf frequencies, read from its data files.

``import wordfreq`` costs ~0.1 s (ftfy, langcodes) and its first lookup loads
the 321k-word list (~0.12 s); a short message needs neither. wordfreq ships
the same frequencies twice: ``small_en`` (the 29k words with Zipf >= 3.01,
~10 ms to load) and ``large_en`` (all words down to Zipf 1). We read them
directly and look words up the way ``wordfreq.zipf_frequency`` does for a
single word (NFC, case-folded), so the values are identical (tested against
wordfreq). The large list is loaded only when a question cannot be answered
from the small one.
"""

from __future__ import annotations

import gzip
import importlib.util
import unicodedata
from functools import lru_cache
from pathlib import Path

SMALL_FLOOR = 3.01  # the rarest Zipf value in wordfreq's small English list


def _read_cbpack(name: str) -> dict[str, float]:
    """wordfreq's "cB" pack: bucket i holds the words of frequency -i centibels."""
    import msgpack

    spec = importlib.util.find_spec("wordfreq")
    if spec is None or spec.origin is None:  # pragma: no cover - a declared dependency
        raise ImportError("wordfreq is not installed")
    path = Path(spec.origin).parent / "data" / f"{name}.msgpack.gz"
    header, *buckets = msgpack.unpackb(gzip.decompress(path.read_bytes()), raw=False)
    if header.get("format") != "cB":  # pragma: no cover - a wordfreq format change
        raise ValueError(f"{path}: unexpected wordfreq data format {header!r}")
    return {word: round(9 - i / 100, 2) for i, bucket in enumerate(buckets) for word in bucket}


@lru_cache(maxsize=1)
def _small() -> dict[str, float]:
    return _read_cbpack("small_en")


@lru_cache(maxsize=1)
def _large() -> dict[str, float]:
    return _read_cbpack("large_en")


def _key(word: str) -> str:
    return unicodedata.normalize("NFC", word).casefold()


def zipf(word: str) -> float:
    """Zipf frequency of one word in English (0 = unknown, 7.7 = "the"), as wordfreq gives it."""
    key = _key(word)
    value = _small().get(key)
    if value is None:
        value = _large().get(key, 0.0)
    return value


def common_zipf(word: str) -> float | None:
    """Zipf frequency if the word is in the small list (Zipf >= 3.01), else None;
    never loads the large list."""
    return _small().get(_key(word))


def is_rarer(word: str, threshold: float) -> bool:
    """``zipf(word) < threshold``, without loading the large list when the small one decides."""
    key = _key(word)
    value = _small().get(key)
    if value is not None:
        return value < threshold
    if threshold > SMALL_FLOOR - 0.01:  # not in the small list: at most 3.00
        return True
    return _large().get(key, 0.0) < threshold
