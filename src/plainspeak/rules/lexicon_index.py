"""The shipped lexicon, parsed and compiled ahead of time.

With 3,600 terms, reading the CSV (0.08 s) and compiling its match patterns
(0.16 s) would be a fifth of a short check. ``data/lexicon_index.pickle.zlib``
holds the parsed entries and the jargon matcher's pattern tables; it loads
in about 0.03 s. It is used only when it was built from exactly the files
and code that would build it now (their SHA-256 is stored in it), with the
same spaCy and lemma table; otherwise
the lexicon is read and compiled as usual, so an edited lexicon is never
matched with stale patterns. ``python tools/refresh_data.py`` rebuilds it (lexicon_build.py)
(tests/test_lexicon_index.py fails until it is in sync).
"""

from __future__ import annotations

import gc
import hashlib
import pickle
import zlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..datafiles import data_path

INDEX_NAME = "lexicon_index.pickle.zlib"
FORMAT = 1  # bump when the index's layout changes

# What the index is derived from: data, and the code that parses and compiles it.
_DATA = ("jargon_lexicon.csv", "term_inflections.tsv", "context_words.toml")
_CODE = ("rules/lexicon.py", "pipeline/components/jargon.py", "pipeline/components/lemmatizer.py", "rules/lexicon_index.py", "rules/lexicon_build.py")


@dataclass(frozen=True)
class LexiconIndex:
    entries: list  # Entry objects, in file order
    patterns: list  # JargonMatcher._patterns, one table per match column
    singles: list  # sorted uint64 keys per column (first words of one-word terms)
    pairs: list  # sorted uint64 keys per column (first-two-word pairs)


def source_digest() -> str:
    """SHA-256 over everything the index is built from: data and code."""
    digest = hashlib.sha256(str(FORMAT).encode())
    here = Path(__file__).parents[1]  # the plainspeak package
    for path in [data_path(name) for name in _DATA] + [here / name for name in _CODE]:
        digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def environment() -> str:
    """The versions of the libraries whose tokenizer and lemma table shape the patterns."""
    import spacy

    return f"spacy={spacy.__version__};spacy-lookups-data={_lookups_version()}"


def stamp() -> bytes:
    """The index file's first line: what it was built from, and with."""
    return f"{source_digest()} {environment()}".encode("ascii")


def _lookups_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("spacy-lookups-data")
    except PackageNotFoundError:  # pragma: no cover
        return "?"


@lru_cache(maxsize=1)
def load_index() -> LexiconIndex | None:
    """The shipped index, or None when it is missing, unreadable or out of date."""
    try:
        raw = data_path(INDEX_NAME).read_bytes()
        digest, payload = raw.split(b"\n", 1)
    except (OSError, ValueError):
        return None
    if digest != stamp():
        return None
    collecting = gc.isenabled()
    gc.disable()  # tens of thousands of new objects would set off collections: 0.12 s instead of 0.03 s
    try:
        data: dict[str, Any] = pickle.loads(zlib.decompress(payload))  # our own file, shipped in the package
    except Exception:  # a damaged file: fall back to reading the CSV
        return None
    finally:
        if collecting:
            gc.enable()
    return LexiconIndex(data["entries"], data["patterns"], data["singles"], data["pairs"])


def index_path() -> Path:
    return data_path(INDEX_NAME)
