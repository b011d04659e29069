"""Build the precompiled lexicon index (lexicon_index.py) from the shipped CSV.

Kept apart from lexicon_index.py, which every check imports: building needs the
jargon matcher, and the matcher needs the lexicon, which loads the index.
Only ``tools/refresh_data.py`` and the tests build it.
"""

from __future__ import annotations

import pickle
import zlib
from dataclasses import replace

import spacy

from ..datafiles import data_path
from ..pipeline.components.jargon import JargonMatcher
from .lexicon import Lexicon, read_lexicon_file
from .lexicon_index import load_index, stamp


def build_index() -> bytes:
    """The index file's bytes for the shipped lexicon as it is now."""
    load_index.cache_clear()
    csv_path = data_path("jargon_lexicon.csv")
    entries = [  # "jargon_lexicon.csv:42", not the path of the machine that built the index
        replace(e, origin=e.origin.replace(str(csv_path), csv_path.name)) for e in read_lexicon_file(csv_path)
    ]
    matcher = JargonMatcher(spacy.blank("en"), Lexicon({e.id: e for e in entries}), use_index=False)
    data = {
        "entries": entries,
        "patterns": matcher._patterns,
        "singles": [keys.keys for keys in matcher._singles],
        "pairs": [keys.keys for keys in matcher._pairs],
    }
    return stamp() + b"\n" + zlib.compress(pickle.dumps(data, protocol=5), 6)
