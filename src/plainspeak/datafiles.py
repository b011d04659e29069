"""Where shipped data files live, for a wheel install and for a source checkout."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

_PACKAGE_DATA = Path(__file__).resolve().parent / "data"  # inside an installed wheel
_SOURCE_DATA = Path(__file__).resolve().parents[2] / "data"  # src layout, editable install


def data_path(name: str) -> Path:
    """Path of a shipped data file: the wheel copy if present, else the checkout's."""
    packaged = _PACKAGE_DATA / name
    if packaged.exists():
        return packaged
    return _SOURCE_DATA / name


@lru_cache(maxsize=1)
def _grammar_lists() -> dict[str, frozenset[str]]:
    import tomllib

    with open(data_path("grammar.toml"), "rb") as fh:
        return {name: frozenset(words) for name, words in tomllib.load(fh).items()}


def grammar_words(name: str) -> frozenset[str]:
    """A word list of data/grammar.toml (mass nouns, name heads ...), read once."""
    return _grammar_lists()[name]
