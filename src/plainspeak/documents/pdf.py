"""PDF: the text layer, page by page, split into paragraphs.

A PDF holds glyphs placed on a page, not paragraphs; pypdf (pure Python, no
system libraries) turns them into lines of text in drawing order. Its text
has no blank line between paragraphs, so paragraphs are found from where the
lines stand, which pypdf reports to a visitor as it extracts them: a line
starts a new paragraph when the gap above it is clearly wider than the
page's usual line spacing, when its font size differs from the line before
(a heading), or when the gap is over one and a half times the font size and
the line before ends a sentence (a page whose lines are all spaced wide, as
in double spacing). A blank line in pypdf's text is a break too. Where
pypdf gives no positions (text it cannot place), only blank lines break.
Lines within a paragraph are joined with ``\\n`` (the analyzer reads a
single newline as a space). A word hyphenated at a line end stays as it is
("assis-" and "tance"): joining would also join real hyphens that fall there
("self-" "employed"), and change the words.

``where`` is ``page N``: paragraphs are found by judging gaps, so numbering
them would promise more than the layout can tell.

Encrypted PDFs are opened with the empty password (many are encrypted only
to restrict printing or copying); one that needs a password is refused. A
PDF without a text layer (a scan) is refused with that reason; pages without
text in an otherwise typed PDF are named in the document's notes. pypdf's
warnings (it logs them for damaged files) are silenced: every problem is one
:class:`~plainspeak.errors.InputError` line or a note.
"""

from __future__ import annotations

import io
import itertools
import logging
import math
import re
import statistics
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from ..errors import InputError
from .model import Document, TextBuilder

_NOT_A_PDF = "is not a valid PDF (it is damaged, or not really a PDF)"
_LOCKED = "is password-protected: save or print a copy without the password and check that"
_SENTENCE_END = re.compile(r"[.!?:;]['\"’”)\]]*$")


@dataclass
class _Line:
    text: str
    y: float | None = None  # baseline height on the page, for upright text
    size: float | None = None  # font size as drawn


def read(data: bytes, name: str) -> Document:
    """The text layer of a PDF, page by page: see the module's notes."""
    _quiet()
    if b"%PDF-" not in data[:1024]:
        raise InputError(name, _NOT_A_PDF)
    try:
        return _read(data, name)
    except InputError:
        raise
    except Exception:  # pypdf raises many kinds for damaged files (and RecursionError); none may escape as a traceback
        raise InputError(name, _NOT_A_PDF) from None


def _read(data: bytes, name: str) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError

    reader = PdfReader(io.BytesIO(data), strict=False)
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except DependencyError:
            raise InputError(name, "is encrypted with AES, which needs the 'cryptography' package to open "
                                   "(pip install cryptography), or save a copy without the password") from None
        if not opened:
            raise InputError(name, _LOCKED)
    builder = TextBuilder()
    empty: list[int] = []
    unreadable: list[int] = []
    try:
        pages = list(reader.pages)
    except FileNotDecryptedError:
        raise InputError(name, _LOCKED) from None
    for number, page in enumerate(pages, 1):
        try:
            lines = _lines(page)
        except FileNotDecryptedError:
            raise InputError(name, _LOCKED) from None
        except Exception:  # one damaged page need not lose the others
            unreadable.append(number)
            continue
        added = False
        for paragraph in _paragraphs(lines):
            added = builder.add(paragraph, f"page {number}") is not None or added
        if not added:
            empty.append(number)
    if not builder.length:
        if unreadable and not empty:
            raise InputError(name, "is damaged: no page's text could be read")
        raise InputError(name, "has no text layer (a scanned PDF?): plainspeak reads typed text only; run it through OCR first")
    notes = []
    if empty:
        notes.append(f"{_pages(empty)} no text (blank, or scanned images)")
    if unreadable:
        notes.append(f"{_pages(unreadable)} damaged text and {'was' if len(unreadable) == 1 else 'were'} not read")
    return builder.build("pdf", tuple(notes))


def _pages(numbers: list[int]) -> str:
    shown = ", ".join(str(n) for n in numbers[:10]) + (", ..." if len(numbers) > 10 else "")
    return f"page {shown} has" if len(numbers) == 1 else f"{len(numbers)} pages ({shown}) have"


def _quiet() -> None:
    """pypdf logs a warning for every oddity of a damaged file; plainspeak reports problems itself."""
    logging.getLogger("pypdf").setLevel(logging.ERROR + 10)


# --------------------------------------------------------------------------------------------
# Lines and paragraphs


def _lines(page: Any) -> list[_Line]:
    """The page's lines as pypdf extracts them, with where each one stands when pypdf says so."""
    chunks: list[tuple[str, list[float], list[float], float]] = []

    def visit(text: str, cm: Any, tm: Any, font: Any, size: Any) -> None:
        if text:
            chunks.append((text, cm, tm, size))

    text = page.extract_text(visitor_text=visit) or ""
    if "".join(chunk[0] for chunk in chunks) != text:  # the visitor missed something: no positions
        return [_Line(line) for line in text.split("\n")]
    lines = [_Line("")]
    weight = 0  # characters of the chunk the line's position was taken from
    for chunk, cm, tm, size in chunks:
        for i, part in enumerate(chunk.split("\n")):
            if i:
                lines.append(_Line(""))
                weight = 0
            line = lines[-1]
            line.text += part
            # the line stands where most of its characters do (not a bullet or a superscript)
            characters = len(part.strip())
            if characters > weight:
                y, drawn = _position(cm, tm, size)
                if y is not None:
                    line.y, line.size, weight = y, drawn, characters
    return lines


def _position(cm: Any, tm: Any, size: Any) -> tuple[float | None, float | None]:
    """Baseline height and drawn font size of text placed by these matrices (None if not upright)."""
    try:
        a, b, c, d, _, f = _multiply([float(v) for v in tm], [float(v) for v in cm])
        size = float(size)
    except (TypeError, ValueError):
        return None, None
    if abs(b) > 1e-3 * abs(a) or abs(c) > 1e-3 * abs(d) or a <= 0 or d <= 0:
        return None, None  # rotated, mirrored or skewed text: its "height" is not a baseline
    drawn = size * math.hypot(c, d)
    return f, drawn if drawn > 0 else None


def _multiply(m: list[float], n: list[float]) -> list[float]:
    return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]]


def _paragraphs(lines: list[_Line]) -> Iterator[str]:
    usual = _usual_gap(lines)
    paragraph: list[str] = []
    previous: _Line | None = None
    for line in lines:
        text = line.text.rstrip()
        if not text.strip():
            if paragraph:
                yield "\n".join(paragraph)
            paragraph, previous = [], None
            continue
        if previous is not None and paragraph and _breaks(previous, line, usual):
            yield "\n".join(paragraph)
            paragraph = []
        paragraph.append(text)
        previous = line
    if paragraph:
        yield "\n".join(paragraph)


def _usual_gap(lines: list[_Line]) -> float | None:
    """The page's most common distance between one line's baseline and the next."""
    gaps = []
    for before, after in itertools.pairwise(lines):
        if before.y is not None and after.y is not None and before.size and after.size:
            gap = before.y - after.y
            if 0.5 * before.size < gap < 4 * before.size:
                gaps.append(round(gap * 2) / 2)
    return statistics.mode(sorted(gaps)) if gaps else None


def _breaks(before: _Line, line: _Line, usual: float | None) -> bool:
    if before.y is None or line.y is None or not before.size or not line.size:
        return False
    gap = before.y - line.y
    size = max(before.size, line.size)
    if gap > 0 and abs(before.size - line.size) > 0.15 * size:
        return True  # a heading, or the text after one
    wide = gap > 1.45 * size or gap < -size  # a wide gap, or a move back up (a new column)
    if not wide:
        return False
    if usual is not None and gap > 1.25 * usual:
        return True
    return bool(_SENTENCE_END.search(before.text.rstrip()))
