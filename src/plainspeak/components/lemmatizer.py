"""Lookup lemmas for a blank English pipeline, read straight from spacy-lookups-data.

spaCy's own lookup lemmatizer is case-sensitive ("Utilizing" stays as is) and
its initialisation costs ~0.15 s; reading the same table as a plain dict
takes ~0.03 s.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
from functools import lru_cache
from pathlib import Path

import numpy
from spacy.attrs import LEMMA, ORTH
from spacy.language import Language
from spacy.tokens import Doc

from .arrays import per_distinct


@lru_cache(maxsize=1)
def lemma_table() -> dict[str, str]:
    spec = importlib.util.find_spec("spacy_lookups_data")
    if spec is None or spec.origin is None:  # pragma: no cover - a declared dependency
        return {}
    path = Path(spec.origin).parent / "data" / "en_lemma_lookup.json.gz"
    return json.loads(gzip.decompress(path.read_bytes()))


def lookup_lemma(text: str) -> str:
    """Lemma of one word: the table entry for the text, else for its lower case.

    Unknown words get their lower case, so lemma matching ignores case.
    """
    table = lemma_table()
    lemma = table.get(text)
    if lemma is None:
        lower = text.lower()
        lemma = table.get(lower, lower)
    return lemma


class LookupLemmatizer:
    """Sets ``token.lemma`` from the lookup table, memoised per distinct token text."""

    def __init__(self, nlp: Language, name: str = "plainspeak_lemmatizer", overwrite: bool = False) -> None:
        self.name = name
        self.overwrite = overwrite
        self._strings = nlp.vocab.strings
        self._memo: dict[int, int] = {}  # string hash (a token's text or a pipeline's lemma) -> our lemma's hash

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        lemmas = self._lookup(doc.to_array(ORTH))
        if not self.overwrite:
            # Keep lemmas a trained pipeline already set, but lower-cased and looked up as
            # ours are ("RECERTIFICATION" -> "recertification"), so lemma matching ignores case.
            existing = doc.to_array(LEMMA)
            if existing.any():
                lemmas = numpy.where(existing != 0, self._lookup(existing), lemmas)
        doc.from_array([LEMMA], lemmas.reshape(-1, 1))
        return doc

    def _lookup(self, hashes: numpy.ndarray) -> numpy.ndarray:
        """Our lemma of each string, computed once per distinct string (0 stays 0)."""
        return per_distinct(hashes, self._lemma_of, self._memo, numpy.uint64)

    def _lemma_of(self, key: int) -> int:
        return self._strings.add(lookup_lemma(self._strings[key])) if key else 0


@Language.factory(
    "plainspeak_lemmatizer",
    assigns=["token.lemma"],
    default_config={"overwrite": False},
)
def make_lemmatizer(nlp: Language, name: str, overwrite: bool) -> LookupLemmatizer:
    return LookupLemmatizer(nlp, name, overwrite)
