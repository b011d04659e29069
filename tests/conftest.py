"""Shared fixtures: a tiny lexicon, blank pipelines, and an offline guarantee."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
import spacy

HERE = Path(__file__).parent
MINI_LEXICON = HERE / "fixtures" / "mini_lexicon.csv"
ROOT = HERE.parent


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """No test may touch the network: plainspeak works offline."""

    def guard(*args, **kwargs):
        raise AssertionError("network access attempted during a test")

    monkeypatch.setattr(socket.socket, "connect", guard)
    monkeypatch.setattr(socket, "create_connection", guard)
    monkeypatch.setattr(socket, "getaddrinfo", guard)


@pytest.fixture(autouse=True)
def _own_working_folder(tmp_path_factory, monkeypatch):
    """Each test runs in a fresh, empty working folder: a stray .plainspeak-accept.txt
    (or anything else) where pytest was started changes nothing."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture(scope="session")
def mini_lexicon_path() -> str:
    return str(MINI_LEXICON)


def blank_nlp(*pipes: tuple[str, dict]) -> spacy.language.Language:
    """A blank English pipeline with layout splits, sentence splits and lookup lemmas,
    plus the given components."""
    import plainspeak.pipeline.components.acronyms  # noqa: F401  (register factories)
    import plainspeak.pipeline.components.jargon  # noqa: F401
    import plainspeak.pipeline.components.lemmatizer  # noqa: F401
    import plainspeak.pipeline.components.paragraphs  # noqa: F401
    import plainspeak.pipeline.components.readability  # noqa: F401
    import plainspeak.pipeline.components.sentences  # noqa: F401
    import plainspeak.pipeline.components.uncommon  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("plainspeak_paragraphs")
    nlp.add_pipe("plainspeak_sentencizer")
    nlp.add_pipe("plainspeak_lemmatizer")
    for name, config in pipes:
        nlp.add_pipe(name, config=config)
    return nlp


@pytest.fixture(scope="session")
def jargon_nlp():
    return blank_nlp(("plainspeak_jargon", {"lexicon_paths": [str(MINI_LEXICON)], "default_lexicon": False}))


@pytest.fixture(scope="session")
def full_mini_nlp():
    return blank_nlp(
        ("plainspeak_jargon", {"lexicon_paths": [str(MINI_LEXICON)], "default_lexicon": False}),
        ("plainspeak_acronyms", {}),
        ("plainspeak_uncommon", {}),
        ("plainspeak_readability", {}),
    )


@pytest.fixture(scope="session")
def mini_analyzer():
    from plainspeak.api import Analyzer

    return Analyzer(lexicon_paths=[str(MINI_LEXICON)], default_lexicon=False)


@pytest.fixture(scope="session")
def analyzer():
    from plainspeak.api import Analyzer

    return Analyzer()


@pytest.fixture(scope="session")
def style_nlp():
    """Blank English with the shipped lexicon and the style rules (plainspeak_style
    skips what a lexicon term covers, so it runs after the jargon matcher)."""
    import plainspeak.pipeline.components.style  # noqa: F401  (register the factory)

    return blank_nlp(("plainspeak_jargon", {}), ("plainspeak_style", {}))
