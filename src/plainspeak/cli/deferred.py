"""Start-up: spaCy's own command line is loaded only if something uses it.

``import spacy`` runs ``from .cli.info import info``, which imports every
spaCy command and what they need (typer, weasel, the project and training
tools): about 350 modules and 0.3 s of a 1 s start, none of it used to
check a text. The plainspeak command puts a stand-in for ``spacy.cli`` in
place before spaCy is first imported; the first real use of it (any
attribute, or ``spacy.info``) imports spaCy's command line as usual and
hands over. Only the command-line process does this: importing plainspeak as
a library changes nothing in the caller's interpreter.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import Any

_NAMES = ("spacy.cli", "spacy.cli.info")


class _StandIn(types.ModuleType):
    """``spacy.cli`` or ``spacy.cli.info`` until first used."""

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__"):
            raise AttributeError(name)
        if name == "info" and self.__name__ == "spacy.cli.info":  # ``spacy/__init__``'s own import
            spacy = sys.modules.get("spacy")
            if spacy is not None:  # as the import system binds a loaded submodule to its package
                spacy.cli = sys.modules["spacy.cli"]  # type: ignore[attr-defined]
            return _info
        return getattr(_load(self.__name__), name)


def _load(name: str) -> types.ModuleType:
    """Drop the stand-ins and import spaCy's real command line in their place."""
    for stand_in in _NAMES:
        if isinstance(sys.modules.get(stand_in), _StandIn):
            del sys.modules[stand_in]
    real = importlib.import_module(name)
    spacy = sys.modules.get("spacy")
    if spacy is not None:
        spacy.cli = importlib.import_module("spacy.cli")  # type: ignore[attr-defined]
    return real


def _info(*args: Any, **kwargs: Any) -> Any:
    return _load("spacy.cli.info").info(*args, **kwargs)


def defer_spacy_cli() -> None:
    """Install the stand-ins, unless spaCy (or its command line) is already loaded."""
    if any(name in sys.modules for name in ("spacy", *_NAMES)):
        return
    package = _StandIn("spacy.cli")
    info = _StandIn("spacy.cli.info")
    package.info = info  # type: ignore[attr-defined]
    sys.modules["spacy.cli"] = package
    sys.modules["spacy.cli.info"] = info
