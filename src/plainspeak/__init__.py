"""plainspeak: flags jargon and hard-to-read passages, suggests plainer words.

Public API (imported lazily, so ``plainspeak --version`` stays instant)::

    plainspeak.analyze(text_or_texts, **options) -> Report | Iterator[Report]
    plainspeak.Analyzer, plainspeak.load_lexicon, plainspeak.make_settings
    plainspeak.Report, plainspeak.Finding, plainspeak.Summary, plainspeak.Severity
    plainspeak.word_difficulty(word_or_phrase) -> 0 (everyday) .. 1 (rare)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .__about__ import __version__

_LAZY = {
    "analyze": ".api",
    "Analyzer": ".api",
    "load_lexicon": ".rules.lexicon",
    "Lexicon": ".rules.lexicon",
    "make_settings": ".config.settings",
    "Settings": ".config.settings",
    "Report": ".report",
    "Finding": ".report",
    "Summary": ".report",
    "Severity": ".severity",
    "PlainspeakError": ".errors",
    "word_difficulty": ".text.difficulty",
}

__all__ = [  # spelled out for linters and type checkers; tests check it equals _LAZY's names
    "Analyzer",
    "Finding",
    "Lexicon",
    "PlainspeakError",
    "Report",
    "Settings",
    "Severity",
    "Summary",
    "__version__",
    "analyze",
    "load_lexicon",
    "make_settings",
    "word_difficulty",
]

if TYPE_CHECKING:  # pragma: no cover
    from .api import Analyzer, analyze
    from .config.settings import Settings, make_settings
    from .errors import PlainspeakError
    from .report import Finding, Report, Summary
    from .rules.lexicon import Lexicon, load_lexicon
    from .severity import Severity
    from .text.difficulty import word_difficulty


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'plainspeak' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value
