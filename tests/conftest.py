"""Shared fixtures: a tiny lexicon, blank pipelines, and an offline guarantee."""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest
import spacy
from hypothesis import settings as hypothesis_settings

# Property tests are deterministic (the same examples on every run, as every other test)
# and keep no example database in the working folder; HYPOTHESIS_PROFILE=explore
# searches afresh on a developer's machine.
hypothesis_settings.register_profile("plainspeak", derandomize=True, database=None)
hypothesis_settings.register_profile("explore", max_examples=500, database=None)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "plainspeak"))

HERE = Path(__file__).parent
MINI_LEXICON = HERE / "fixtures" / "mini_lexicon.csv"
ROOT = HERE.parent


def load_tool(name: str):
    """A script of tools/ as a module (``load_tool("term_inflections").render()``)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(autouse=True)
def _no_network(monkeypatch):
    """No test may touch the network: plainspeak works offline. Loopback, where the
    server's tests talk to a server they started, is this machine, not the network."""
    loopback = {"127.0.0.1", "::1", "localhost"}
    connect, create_connection, getaddrinfo = socket.socket.connect, socket.create_connection, socket.getaddrinfo

    def host_of(address) -> str | None:
        return address[0] if isinstance(address, tuple) and address else None

    def guarded_connect(self, address):
        if host_of(address) not in loopback:
            raise AssertionError("network access attempted during a test")
        return connect(self, address)

    def guarded_create_connection(address, *args, **kwargs):
        if host_of(address) not in loopback:
            raise AssertionError("network access attempted during a test")
        return create_connection(address, *args, **kwargs)

    def guarded_getaddrinfo(host, *args, **kwargs):
        if host not in loopback:
            raise AssertionError("network access attempted during a test")
        return getaddrinfo(host, *args, **kwargs)

    monkeypatch.setattr(socket.socket, "connect", guarded_connect)
    monkeypatch.setattr(socket, "create_connection", guarded_create_connection)
    monkeypatch.setattr(socket, "getaddrinfo", guarded_getaddrinfo)


@pytest.fixture(autouse=True)
def _own_working_folder(tmp_path_factory, monkeypatch):
    """Each test runs in a fresh, empty working folder: a stray .plainspeak-accept.txt
    (or anything else) where pytest was started changes nothing."""
    monkeypatch.chdir(tmp_path_factory.mktemp("cwd"))


@pytest.fixture(scope="session")
def mini_lexicon_path() -> str:
    return str(MINI_LEXICON)


def blank_nlp(*pipes: tuple[str, dict], lexicon_paths: tuple[str, ...] = ()) -> spacy.language.Language:
    """A blank English pipeline with layout splits, sentence splits and lookup lemmas,
    plus the given components; ``lexicon_paths`` go to the jargon component's
    ``initialize`` (with the shipped lexicon unless its config turns it off)."""
    import plainspeak.pipeline.components.acronyms
    import plainspeak.pipeline.components.jargon
    import plainspeak.pipeline.components.lemmatizer
    import plainspeak.pipeline.components.paragraphs
    import plainspeak.pipeline.components.readability
    import plainspeak.pipeline.components.sentences
    import plainspeak.pipeline.components.uncommon  # noqa: F401

    nlp = spacy.blank("en")
    nlp.add_pipe("plainspeak_paragraphs")
    nlp.add_pipe("plainspeak_sentencizer")
    nlp.add_pipe("plainspeak_lemmatizer")
    for name, config in pipes:
        nlp.add_pipe(name, config=config)
    if lexicon_paths:
        nlp.get_pipe("plainspeak_jargon").initialize(nlp=nlp, lexicon_paths=list(lexicon_paths))
    return nlp


@pytest.fixture(scope="session")
def jargon_nlp():
    return blank_nlp(("plainspeak_jargon", {"default_lexicon": False}), lexicon_paths=(str(MINI_LEXICON),))


@pytest.fixture(scope="session")
def full_mini_nlp():
    return blank_nlp(
        ("plainspeak_jargon", {"default_lexicon": False}),
        ("plainspeak_acronyms", {}),
        ("plainspeak_uncommon", {}),
        ("plainspeak_readability", {}),
        lexicon_paths=(str(MINI_LEXICON),),
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


# --- the lexicon's per-entry checks, reported apart from the code's tests ----------------------
# A failing lexicon row (data a curator edits) and a failing piece of code call for different
# people and fixes; the summary at the end of every run counts them apart, and
# `pytest -m lexicon_entry` (or `-m "not lexicon_entry"`) runs one side alone.

LEXICON_ENTRY_FILES = frozenset({"test_lexicon_examples.py"})
_outcomes: dict[tuple[str, str], int] = {}


def pytest_configure(config):
    config.addinivalue_line("markers", "lexicon_entry: a check of one lexicon entry (data/jargon_lexicon.csv)")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if item.path.name in LEXICON_ENTRY_FILES:
            item.add_marker(pytest.mark.lexicon_entry)


def pytest_runtest_logreport(report):
    if report.when == "call" or report.outcome != "passed":
        if report.when == "teardown" and report.outcome == "skipped":
            return
        side = "lexicon" if "lexicon_entry" in report.keywords else "code"
        _outcomes[(side, report.outcome)] = _outcomes.get((side, report.outcome), 0) + 1


def pytest_terminal_summary(terminalreporter):
    if not _outcomes:
        return
    terminalreporter.write_sep("-", "code and lexicon entries, apart")
    for side, label in (("code", "code (tests of plainspeak's code)"), ("lexicon", "lexicon entries (data/jargon_lexicon.csv)")):
        counts = [f"{_outcomes[(side, outcome)]} {outcome}" for outcome in ("passed", "failed", "skipped") if _outcomes.get((side, outcome))]
        if counts:
            terminalreporter.write_line(f"{label}: {', '.join(counts)}")
