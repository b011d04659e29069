"""build_nlp(): the only place a spaCy pipeline is assembled or a model loaded.

Default: ``spacy.blank("en")`` + layout sentence starts + punctuation sentences + lookup
lemmas + plainspeak's components. With ``model``, an installed trained
pipeline is loaded instead (its tagger and entities then help name detection);
nothing is ever downloaded.
"""

from __future__ import annotations

from typing import Any

from ..config.settings import Settings
from ..errors import ModelError
from ..rules.lexicon import Lexicon, default_lexicon_path


def build_nlp(settings: Settings, *, lexicon: Lexicon | None = None, model: str | None = None):
    """Return a ready ``Language`` whose Docs carry plainspeak's span groups.

    ``lexicon`` (default: the shipped one) is handed to the jargon component through
    its ``initialize``, the way a saved pipeline gets it back (``from_disk``)."""
    import spacy

    from .components import acronyms, jargon, lemmatizer, mentions, paragraphs, readability, sentences, style, uncommon  # noqa: F401

    if model:
        nlp = _load_model(model)
    else:
        nlp = spacy.blank("en")
        # A word's shape ("Xxxx") is for trained models' features, which a blank pipeline
        # has none of: not working it out for each new word saves ~0.06 s per 1M words.
        from spacy.attrs import SHAPE

        nlp.vocab.lex_attr_getters.pop(SHAPE, None)  # type: ignore[attr-defined]  # set in Cython, not in the stub
    from .tokenizer import MemoTokenizer, drop_bracket_emoticons, split_glued_marks

    drop_bracket_emoticons(nlp.tokenizer)
    if not model:  # a trained pipeline keeps the tokenizer it was trained with
        split_glued_marks(nlp.tokenizer)
    nlp.tokenizer = MemoTokenizer(nlp.tokenizer)
    first = nlp.pipe_names[0] if nlp.pipe_names else None
    if first:
        nlp.add_pipe("plainspeak_paragraphs", before=first)
    else:
        nlp.add_pipe("plainspeak_paragraphs")
    if not ({"parser", "senter", "sentencizer"} & set(nlp.pipe_names)):
        nlp.add_pipe("plainspeak_sentencizer")
    # After a trained pipeline's own lemmatizer, ours lower-cases and fills in its lemmas.
    nlp.add_pipe("plainspeak_lemmatizer")
    shipped = lexicon is None or str(default_lexicon_path()) in lexicon.files
    # Made empty when a lexicon is given (it replaces what the factory would load).
    matcher: Any = nlp.add_pipe("plainspeak_jargon", config={"default_lexicon": shipped and lexicon is None})
    matcher.default_lexicon = shipped
    nlp.add_pipe("plainspeak_style")  # after the jargon matcher: it skips what a lexicon term covers
    nlp.add_pipe("plainspeak_acronyms", config={"known": sorted(w.upper() for w in settings.accept)})
    nlp.add_pipe(
        "plainspeak_uncommon",
        config={
            "zipf_threshold": settings.zipf_threshold,
            "rating_threshold": settings.rating_threshold,
            "accept": sorted(settings.accept),
        },
    )
    nlp.add_pipe("plainspeak_mentions")  # after the word components: trims their groups
    nlp.add_pipe(
        "plainspeak_readability",
        config={
            "target_grade": settings.target_grade,
            "max_sentence_words": settings.max_sentence_words,
            "min_sentence_words": settings.min_sentence_words,
        },
    )
    if lexicon is not None:
        matcher.initialize(nlp=nlp, lexicon=lexicon)  # hands it to uncommon and mentions too
    return nlp


def _load_model(name: str):
    from pathlib import Path

    import spacy
    from spacy.util import is_package

    if not is_package(name) and not Path(name).is_dir():
        raise ModelError(
            f"spaCy pipeline {name!r} is not installed; install it with pip first "
            "(plainspeak never downloads models), or leave out --model"
        )
    try:
        nlp = spacy.load(name, exclude=["textcat", "textcat_multilabel"])
    except Exception as err:  # spaCy raises many kinds for a broken or incompatible package
        raise ModelError(f"cannot load spaCy pipeline {name!r}: {err}") from None
    if nlp.lang != "en":
        raise ModelError(f"spaCy pipeline {name!r} is for language {nlp.lang!r}; plainspeak needs English ('en')")
    return nlp
