"""Where drafts come from and where results go: finding and reading inputs
(``inputs``), and writing files without losing anything (``atomic``)."""

from ..suffixes import TEXT_SUFFIXES
from .inputs import (
    STDIN,
    Input,
    Snapshot,
    Source,
    SourceText,
    decode,
    discover,
    iter_inputs,
    read_source,
    text_codec,
)

__all__ = ["STDIN", "TEXT_SUFFIXES", "Input", "Snapshot", "Source", "SourceText", "decode", "discover", "iter_inputs", "read_source", "text_codec"]
