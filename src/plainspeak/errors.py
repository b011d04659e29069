"""User-facing errors: each carries a one-line message and the exit code it maps to.

The CLI prints ``plainspeak: error: <message>`` and exits with ``exit_code``;
library callers catch :class:`PlainspeakError`.
"""

from __future__ import annotations


class PlainspeakError(Exception):
    """An error the user can fix; ``str(err)`` is the whole message."""

    exit_code = 2


class InputError(PlainspeakError):
    """An input could not be read: missing, unreadable, binary, not UTF-8, empty, too big."""

    def __init__(self, name: str, reason: str) -> None:
        super().__init__(f"{name}: {reason}")
        self.name = name
        self.reason = reason


class LexiconError(PlainspeakError):
    """A lexicon or accept-list file is malformed: says which file, row and column."""


class SettingsError(PlainspeakError):
    """An option value or settings file is out of range or malformed."""


class ModelError(PlainspeakError):
    """A spaCy pipeline asked for with ``--model`` is not installed or unusable."""
