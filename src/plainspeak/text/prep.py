"""Preparing input text for the analyser, without ever losing track of offsets.

Three steps, none of which changes the user's text itself:

- ``mask``: what is not prose (``nonprose.py``: links, paths, code, markup)
  becomes spaces, same length, so no rule sees it; a block-level HTML tag
  becomes a line break, so paragraphs stay apart.
- one-to-one replacements (curly quotes, no-break spaces, CR line endings)
  that help tokenising and matching, same length.
- invisible characters inside words (soft hyphens and zero-width characters
  from web pages and Word: ``uti\\u00adlize``) are removed, so the word is seen
  as written; ``Prepared`` remembers where, and maps every position in the
  prepared text back to the original: ``original[start:end]`` is always what
  was found, invisible characters included.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from .nonprose import block_tag_starts

# One-to-one replacements that help tokenising and matching.
_TABLE = str.maketrans(
    {
        "\u00a0": " ",  # no-break space
        "\u202f": " ",  # narrow no-break space
        "\u2007": " ",  # figure space
        "\u2018": "'",  # left single quote
        "\u2019": "'",  # right single quote / apostrophe
        "\u02bc": "'",  # modifier letter apostrophe
        "\u201c": '"',
        "\u201d": '"',
        "\u2010": "-",  # hyphen
        "\u2011": "-",  # non-breaking hyphen
        "\r": "\n",  # lone CR line ending (CRLF is handled below)
        "\u2028": "\n",
        "\u2029": "\n",
        "\x0b": "\n",
        "\x0c": "\n",
    }
)
# Soft hyphen, zero-width space / non-joiner / joiner, word joiner, invisible
# operators, byte-order mark (zero-width no-break space), Mongolian vowel separator.
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060-\u2064\ufeff\u180e]")


@dataclass(frozen=True)
class Prepared:
    """One piece of an input as the pipeline reads it, and the way back to the input.

    ``removals`` holds, for each invisible character removed, the position in
    ``text`` it stood before (usually none).
    """

    text: str
    offset: int = 0  # where the piece starts in the input
    removals: tuple[int, ...] = ()

    def start(self, i: int) -> int:
        """The input position of the character at ``i`` in ``text`` (a span's start)."""
        return self.offset + i + (bisect_right(self.removals, i) if self.removals else 0)

    def end(self, i: int) -> int:
        """The input position just after the character before ``i`` (a span's end)."""
        if not self.removals or i == 0:
            return self.offset + i
        return self.start(i - 1) + 1


def mask(text: str, ranges: Sequence[tuple[int, int]]) -> str | Masked:
    """``text`` with each range blanked to spaces (line breaks kept), same length:
    the text itself when there is nothing to blank, else a view of it read a
    slice at a time (``Masked``)."""
    return Masked(text, ranges) if ranges else text


class Masked:
    """A text with ranges (links, paths, code) blanked, sliced like a str: each
    slice is made when asked for, so a long input is never held twice."""

    __slots__ = ("_breaks", "_ranges", "_starts", "_text")

    def __init__(self, text: str, ranges: Sequence[tuple[int, int]]) -> None:
        self._text = text
        self._ranges = list(ranges)  # sorted, not overlapping (nonprose_ranges)
        self._starts = [a for a, _ in self._ranges]
        self._breaks = sorted(block_tag_starts(text, ranges))  # kept as line breaks inside a range

    def __len__(self) -> int:
        return len(self._text)

    def __str__(self) -> str:
        return self[:]

    def __getitem__(self, key: slice) -> str:
        lo, hi, step = key.indices(len(self._text))
        assert step == 1, "a Masked text is sliced, never stepped or indexed"
        text, ranges, breaks = self._text, self._ranges, self._breaks
        pieces = []
        pos = lo
        first = max(0, bisect_right(self._starts, lo) - 1)
        for start, end in ranges[first:]:
            if start >= hi:
                break
            if end <= pos:
                continue
            a, b = max(start, pos), min(end, hi)
            pieces.append(text[pos:a])
            blank = _blank(text[a:b])
            inside = breaks[bisect_left(breaks, a) : bisect_left(breaks, b)]
            if inside:
                chars = list(blank)
                for at in inside:
                    chars[at - a] = "\n"
                blank = "".join(chars)
            pieces.append(blank)
            pos = b
        pieces.append(text[pos:hi])
        return "".join(pieces)


_NOT_LINE_BREAK = re.compile(r"[^\r\n]")


def _blank(piece: str) -> str:
    return _NOT_LINE_BREAK.sub(" ", piece)


# An en dash between two letters joins a compound as a hyphen does: "self–determination"
# (an en dash between numbers, "pages 3–5", is a range and stays).
_EN_DASH_IN_A_WORD = re.compile(r"(?<=[^\W\d_])\u2013(?=[^\W\d_])")


def prepare(text: str, offset: int = 0) -> Prepared:
    """Prepare one piece of text (starting at ``offset`` in its input) for analysis."""
    if "\r\n" in text:
        text = text.replace("\r\n", " \n")  # one line break, same length
    text = text.translate(_TABLE)
    if "\u2013" in text:
        text = _EN_DASH_IN_A_WORD.sub("-", text)
    if not _INVISIBLE.search(text):
        return Prepared(text, offset)
    removals = tuple(match.start() - k for k, match in enumerate(_INVISIBLE.finditer(text)))
    return Prepared(_INVISIBLE.sub("", text), offset, removals)
