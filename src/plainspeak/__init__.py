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

__all__ = ["__version__", *_LAZY]

if TYPE_CHECKING:  # pragma: no cover
    from .api import Analyzer, analyze
    from .text.difficulty import word_difficulty
    from .errors import PlainspeakError
    from .rules.lexicon import Lexicon, load_lexicon
    from .report import Finding, Report, Summary
    from .config.settings import Settings, make_settings
    from .severity import Severity


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'plainspeak' has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(module, __name__), name)
    globals()[name] = value
    return value
