"""Split long inputs into pieces a Doc can hold, where a sentence cannot continue.

Memory then stays flat whatever the input size, and offsets stay exact: each
piece is ``(start, end)`` into the text. A cut goes, in order of preference,
after a blank line, after a line that ends a sentence, after a sentence end
inside a line, after a line break, after a space; a run with none of these
(40,000 letters without a space) is cut hard.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .prep import Masked

DEFAULT_MAX_CHARS = 50_000

_CUTS = (
    re.compile(r"\n[ \t\r\f\v]*\n"),  # a blank line (CRLF too)
    re.compile(r"[.!?][\"')\]\u201d\u2019]*[ \t]*\r?\n"),  # a line that ends a sentence
    re.compile(r"[.!?][\"')\]\u201d\u2019]* "),  # a sentence end inside a line
    re.compile(r"\n"),
    re.compile(r" "),
)


def segments(text: str | Masked, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` pieces covering ``text``, each at most ``max_chars`` long
    (a str, or a masked view of one, read a window at a time)."""
    n = len(text)
    start = 0
    while n - start > max_chars:
        limit = start + max_chars
        cut = _best_cut(text, start + 1, limit)
        yield start, cut
        start = cut
    if start < n or n == 0:
        yield start, n


def _best_cut(text: str | Masked, lo: int, hi: int) -> int:
    """The end of the last, most preferred separator within ``text[lo:hi]``."""
    window = text[lo:hi]
    for pattern in _CUTS:
        ends = [match.end() for match in pattern.finditer(window)]
        if ends:
            return lo + ends[-1]
    return hi
