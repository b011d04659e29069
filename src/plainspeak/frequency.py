"""Word rarity from wordfreq, memoised per word (wordfreq re-tokenises every call)."""

from __future__ import annotations

_cache: dict[str, float] = {}


def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (0 = unknown, 7 = "the"), memoised."""
    value = _cache.get(word)
    if value is None:
        from wordfreq import zipf_frequency

        value = _cache[word] = zipf_frequency(word, "en")
    return value
