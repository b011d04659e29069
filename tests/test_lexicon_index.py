"""The precompiled shipped lexicon (lexicon_index.py) is in sync, equal to what the CSV gives, and never stale."""

from __future__ import annotations

from dataclasses import replace

import pytest
import spacy

from conftest import MINI_LEXICON
from plainspeak.pipeline.components.jargon import JargonMatcher
from plainspeak.rules import lexicon_index
from plainspeak.rules.lexicon import Lexicon, default_lexicon_path, load_lexicon, read_lexicon_file


def _built_here() -> bool:
    """Built with this spaCy and lemma table (else it is ignored at run time, and rightly)."""
    return lexicon_index.index_path().read_bytes().split(b"\n", 1)[0] == lexicon_index.stamp()


def test_the_shipped_index_is_in_sync():
    """Built from the lexicon, word lists and code as they are (library versions may differ:
    then the index is only ignored, which costs time, not correctness)."""
    written = lexicon_index.index_path().read_bytes().split(b"\n", 1)[0].split(b" ")[0]
    assert written.decode() == lexicon_index.source_digest(), (
        "data/lexicon_index.pickle.zlib is out of date: run python tools/refresh_data.py"
    )


def test_the_index_holds_what_the_csv_gives():
    if not _built_here():
        pytest.skip("the index was built with other spaCy or lemma-table versions; it is not used here")
    index = lexicon_index.load_index()
    path = default_lexicon_path()
    from_csv = [replace(e, origin=e.origin.replace(str(path), path.name)) for e in read_lexicon_file(path)]
    assert index.entries == from_csv
    compiled = JargonMatcher(spacy.blank("en"), Lexicon({e.id: e for e in from_csv}), use_index=False)
    assert index.patterns == compiled._patterns
    assert [list(k) for k in index.singles] == [list(k.keys) for k in compiled._singles]


def test_a_stale_index_is_never_used(monkeypatch):
    monkeypatch.setattr(lexicon_index, "source_digest", lambda: "something else")
    lexicon_index.load_index.cache_clear()
    try:
        lexicon = load_lexicon()
        assert lexicon.index is None and len(lexicon) == len(read_lexicon_file(default_lexicon_path()))
    finally:
        monkeypatch.undo()
        lexicon_index.load_index.cache_clear()


def test_user_lexicons_are_compiled_as_usual():
    lexicon = load_lexicon([MINI_LEXICON])
    assert lexicon.index is None
    assert load_lexicon().index is not None or not _built_here()


def test_both_ways_find_the_same_terms():
    nlp = spacy.blank("en")
    shipped = load_lexicon()
    fast = JargonMatcher(nlp, shipped)
    slow = JargonMatcher(nlp, Lexicon(dict(shipped.entries)), use_index=False)
    from plainspeak.pipeline.components.lemmatizer import LookupLemmatizer

    doc = LookupLemmatizer(nlp, "lemmatizer", False)(nlp("We will utilize warm handoffs prior to your IOP intake."))
    assert [(s.start, s.end, s.id_) for s in fast.spans(doc)] == [(s.start, s.end, s.id_) for s in slow.spans(doc)]
    assert [s.id_ for s in fast.spans(doc)] == ["utilize", "warm-handoff", "prior-to", "iop", "intake"]


def test_pattern_keys_are_the_string_stores_own():
    """spaCy's symbols ("number", "person", "IS_ALPHA") have fixed small ids, not hashes:
    'a large number of' was missed when keys were plain hashes."""
    from spacy.symbols import IDS

    from plainspeak.pipeline.components.arrays import string_key

    strings = spacy.blank("en").vocab.strings
    for text in [*IDS, "number", "utilize", "a", "Treatment"]:
        assert string_key(text) == strings.add(text), text
