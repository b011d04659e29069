"""lemminflect's answers for the shipped lexicon's suggestions, read from a file.

Fitting a suggestion to an inflected term ("utilized" -> "used") asks lemminflect
three things: the forms of the term's head word by tag, a form of the
suggestion's head word, and whether that word keeps its number in the plural.
Loading lemminflect's tables costs about 0.3 s and 17 MB, which a short
message with one inflected term paid. ``data/suggestion_inflections.json``
holds its answers for every shipped entry (``tools/suggestion_inflections.py``
writes it; a test keeps it in sync), loaded in a few milliseconds. Anything
else, a user lexicon's words for one, is asked of lemminflect itself, so the
answers are the same either way.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from ..datafiles import data_path

FILE_NAME = "suggestion_inflections.json"
UPOS = {"noun": "NOUN", "verb": "VERB", "adj": "ADJ", "adv": "ADV"}


# While tools/suggestion_inflections.py writes the file: the answers asked for, by kind.
_RECORDING: dict[str, dict[str, Any]] | None = None


@lru_cache(maxsize=1)
def _shipped() -> dict[str, dict[str, Any]]:
    if _RECORDING is not None:
        return {"forms": {}, "inflection": {}, "keeps_number": {}}
    path = data_path(FILE_NAME)
    if not path.exists():
        return {"forms": {}, "inflection": {}, "keeps_number": {}}
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def load_table() -> None:
    """Read the file now (before forking workers, so they share it)."""
    _shipped()


def forms_by_tag(lemma: str, pos: str) -> Mapping[str, tuple[str, ...]]:
    """lemminflect's forms of ``lemma`` (lower case) by Penn tag, for the part of
    speech ``pos`` (a lexicon ``pos`` or ""); its rules for unknown words if it
    knows none."""
    known = _shipped()["forms"].get(f"{lemma}|{pos}")
    if known is not None:
        return {tag: tuple(forms) for tag, forms in known.items()}
    return _record("forms", f"{lemma}|{pos}", compute_forms_by_tag(lemma, pos))


def inflections(word: str, tag: str) -> tuple[str, ...]:
    """``lemminflect.getInflection(word, tag=tag)``."""
    known = _shipped()["inflection"].get(f"{word}|{tag}")
    if known is not None:
        return tuple(known)
    return _record("inflection", f"{word}|{tag}", compute_inflections(word, tag))


def keeps_number(word: str, pair: str) -> bool:
    """A plural term need not make ``word`` plural (see suggest._keeps_its_number)."""
    known = _shipped()["keeps_number"].get(f"{word}|{pair}")
    if known is not None:
        return bool(known)
    return _record("keeps_number", f"{word}|{pair}", compute_keeps_number(word, pair))


def _record(kind: str, key: str, value: Any) -> Any:
    if _RECORDING is not None:
        _RECORDING[kind][key] = value
    return value


def record_answers(ask: Any) -> dict[str, dict[str, Any]]:
    """The answers ``ask()`` needed, all from lemminflect (for the tool that writes the file)."""
    global _RECORDING
    _RECORDING = {"forms": {}, "inflection": {}, "keeps_number": {}}
    _shipped.cache_clear()
    try:
        ask()
        return _RECORDING
    finally:
        _RECORDING = None
        _shipped.cache_clear()


# -- lemminflect itself: for words the file lacks, and to write the file ----------------


def compute_forms_by_tag(lemma: str, pos: str) -> dict[str, tuple[str, ...]]:
    import lemminflect

    upos = UPOS.get(pos)
    table = lemminflect.getAllInflections(lemma, upos=upos) if upos else lemminflect.getAllInflections(lemma)
    if not table:
        table = lemminflect.getAllInflectionsOOV(lemma, upos=upos or "NOUN")
    return {tag: tuple(forms) for tag, forms in table.items()}


def compute_inflections(word: str, tag: str) -> tuple[str, ...]:
    import lemminflect

    return tuple(lemminflect.getInflection(word, tag=tag))


def compute_keeps_number(word: str, pair: str) -> bool:
    import lemminflect

    # The pipeline's lookup lemmas, not lemminflect's lemma tables (33 MB more at peak).
    from ..datafiles import grammar_words
    from ..pipeline.components.lemmatizer import lookup_lemma

    mass = grammar_words("mass_nouns")
    if word in mass or pair in mass:
        return True
    if lemminflect.getAllInflections(word, upos="NOUN"):  # a noun as it stands: "hearing", "thinner"
        return False
    lemma = lookup_lemma(word)
    as_noun = lemminflect.getAllInflections(lemma, upos="NOUN")
    if not as_noun and lemminflect.getAllInflections(lemma):  # a known word, but no noun: "hard to come"
        return True
    return lemma != word and word in as_noun.get("NNS", ())
