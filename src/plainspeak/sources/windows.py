"""A huge text file read a window at a time, so ``check`` never holds its text whole.

Only ``check`` reads this way (its findings are streamed: Report.parts), and
only a UTF-8 text file over ``WINDOWED_BYTES`` (the default --max-bytes is
below it, so only a run that raised the limit meets it). A first pass reads
the file through once, keeping nothing: it checks that the bytes are UTF-8
(anything else is read whole, as before, for its usual error or guessed
encoding), and learns what a later window needs from the whole text: whom
the text addresses ("you", "we"), and whether it has suppression comments
(a file with any is read whole, since a comment's reach is known only at the
end). The second pass yields windows of about ``WINDOW_CHARS`` characters,
each cut after a blank line that is outside a code fence, so no sentence,
paragraph or fenced block is split between two windows.
"""

from __future__ import annotations

import codecs
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError

WINDOWED_BYTES = 16 << 20  # a text file over this size is read in windows by check
WINDOW_CHARS = 1 << 18  # about this much text per window (larger windows left more memory behind)
_CHUNK_BYTES = 1 << 18
_MARGIN = 1 << 16  # text read past a cut's look-ahead before the cut is taken as the whole text's
_SNIFF_BYTES = 8192

_FENCE = re.compile(r"(?m)^[ \t]{0,3}(?:```|~~~)")
_MARK = "plainspeak-"


@dataclass(frozen=True)
class Windowed:
    """A UTF-8 text file to be read in windows, and what the whole text told the first pass."""

    path: Path
    name: str
    chars: int  # the text's length, in characters
    voices: frozenset[str]  # whom it addresses (rewrite/suggest.py text_voices), read from the whole text

    def windows(self, max_chars: int) -> Iterator[Window]:
        """Each window in order, together the whole text, with its pieces for the
        pipeline: the very pieces (``text.segment.segments``, at most ``max_chars``)
        the whole text would be cut into, so the findings are those of the text
        read whole. A window ends at one of those cuts, outside a code fence, where
        the text after it that chose the cut has been read."""
        offset = 0
        buffer = ""
        for piece in self._pieces():
            buffer += piece
            while len(buffer) >= WINDOW_CHARS + max_chars + _MARGIN:
                window = _window(buffer, max_chars, final=False)
                if window is None:
                    break
                yield window.moved(offset)
                offset += len(window.text)
                buffer = buffer[len(window.text):]
        while buffer:
            window = _window(buffer, max_chars, final=True)
            assert window is not None
            yield window.moved(offset)
            offset += len(window.text)
            buffer = buffer[len(window.text):]
        if offset != self.chars:
            raise InputError(self.name, "changed while it was being checked")

    def _pieces(self) -> Iterator[str]:
        try:
            yield from _decoded(self.path)
        except UnicodeDecodeError:
            raise InputError(self.name, "changed while it was being checked (it is no longer UTF-8 text)") from None
        except OSError as err:
            raise InputError(self.name, f"cannot read: {err.strerror or err}") from None


@dataclass(frozen=True)
class Window:
    """One window: where it starts in the file's text, its text, the text with what is
    not prose blanked (text/prep.py mask), those ranges, and its pieces' bounds."""

    offset: int
    text: str
    readable: str
    nonprose: tuple[tuple[int, int], ...]
    bounds: tuple[tuple[int, int], ...]

    def moved(self, offset: int) -> Window:
        return Window(offset, self.text, self.readable, self.nonprose, self.bounds)


def _window(buffer: str, max_chars: int, *, final: bool) -> Window | None:
    """The first window of ``buffer``: its pieces as the whole text's, up to the last
    cut past ``WINDOW_CHARS`` that the text read so far decides for certain (the
    piece before it had its ``max_chars`` to look at, and a margin more) and that
    is outside a code fence; at the end of the file, everything."""
    from ..text.nonprose import nonprose_ranges
    from ..text.prep import mask
    from ..text.segment import segments

    ranges = nonprose_ranges(buffer)
    readable = mask(buffer, ranges)
    fences = [m.start() for m in _FENCE.finditer(buffer)]
    bounds: list[tuple[int, int]] = []
    cut = 0
    for start, end in segments(readable, max_chars):
        if not final and start + max_chars + _MARGIN > len(buffer):
            break  # this cut could still move with text not yet read
        bounds.append((start, end))
        if not final and end >= WINDOW_CHARS and bisect_left(fences, end) % 2 == 0:
            cut = len(bounds)
            break
    if final:
        cut = len(bounds)
    if not cut:
        return None
    bounds = bounds[:cut]
    end = bounds[-1][1]
    kept = tuple((a, min(b, end)) for a, b in ranges if a < end)
    return Window(0, buffer[:end], readable[:end], kept, tuple(bounds))


def windowed(path: Path, name: str, size: int) -> Windowed | None:
    """The file as a Windowed text, or None when it is to be read whole: not UTF-8,
    binary, only white space, with suppression comments, or smaller than
    ``WINDOWED_BYTES``."""
    if size <= WINDOWED_BYTES:
        return None
    from ..rewrite.suggest import voices_in

    chars = 0
    seen: set[str] = set()
    tail = ""
    blank = True  # only white space: read whole, for its error
    try:
        with open(path, "rb") as fh:
            if b"\x00" in fh.read(_SNIFF_BYTES):
                return None
    except OSError as err:
        raise InputError(name, f"cannot read: {err.strerror or err}") from None
    try:
        for piece in _decoded(path):
            chars += len(piece)
            blank = blank and (piece.isspace() or not piece.replace("\ufeff", "").strip())
            text = tail + piece
            if _MARK in text:
                return None
            space = max(text.rfind(" "), text.rfind("\n"))  # a word cut at the piece's end waits for the rest
            if space < 0 and len(text) < 1000:
                tail = text
                continue
            scan, tail = (text[: space + 1], text[space + 1 :]) if space >= 0 else (text, "")
            if len(seen) < 2:
                seen |= voices_in(scan)
    except UnicodeDecodeError:
        return None
    except OSError as err:
        raise InputError(name, f"cannot read: {err.strerror or err}") from None
    if blank:
        return None
    return Windowed(path, name, chars, frozenset(seen))


def _decoded(path: Path) -> Iterator[str]:
    """The file's text in pieces (a UTF-8 byte-order mark kept as U+FEFF, as when read whole)."""
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK_BYTES):
            piece = decoder.decode(chunk)
            if piece:
                yield piece
        rest = decoder.decode(b"", final=True)
        if rest:
            yield rest
