"""Split long inputs into pieces a Doc can hold, at paragraph or line breaks.

Memory then stays flat whatever the input size, and offsets stay exact: each
piece is ``(start, end)`` into the text.
"""

from __future__ import annotations

from typing import Iterator

DEFAULT_MAX_CHARS = 50_000


def segments(text: str, max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[tuple[int, int]]:
    """Yield ``(start, end)`` pieces covering ``text``, each at most ``max_chars``
    long, cut after a blank line if possible, else after a line break, a
    sentence end or a space; a piece with none of these is cut hard."""
    n = len(text)
    start = 0
    while n - start > max_chars:
        limit = start + max_chars
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            i = text.rfind(sep, start + max_chars // 2, limit)
            if i >= 0:
                cut = i + len(sep)
                break
        if cut <= start:
            cut = limit
        yield start, cut
        start = cut
    if start < n or n == 0:
        yield start, n
