"""What a document reader returns: the text a person wrote, and where each part of it stood.

Readers turn a document (a .docx, a web page, an e-mail ...) into one string
that the analyzer reads like any text: paragraphs are separated by a blank
line, so paragraph and sentence splitting work as they do on a .txt file.
Each paragraph (or table cell, or page) is a :class:`Block` that remembers
where it was, so a finding at offset N can say "paragraph 3" or "table 1,
row 2, cell 1" as well as its line and column in the extracted text.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Block:
    """``text[start:end]`` of the extracted text came from ``where`` in the document."""

    start: int
    end: int
    where: str  # "paragraph 3", "table 1, row 2, cell 1", "page 2", "header", "body" ...


@dataclass(frozen=True)
class Document:
    """A document's extracted text, its blocks in text order, and what it was."""

    text: str
    blocks: tuple[Block, ...] = ()
    format: str = "text"  # "docx", "odt", "pdf", "html", "eml", "mbox", "rtf"
    notes: tuple[str, ...] = ()  # what was left out and why, for verbose output (e.g. "2 quoted lines")
    _starts: list[int] = field(default_factory=list, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._starts.extend(b.start for b in self.blocks)

    def where(self, offset: int) -> str | None:
        """The block the character at ``offset`` came from (None outside every block)."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i >= 0 and self.blocks[i].start <= offset < max(self.blocks[i].end, self.blocks[i].start + 1):
            return self.blocks[i].where
        return None


def place_findings(findings: list, document: Document) -> list:
    """The findings with ``where`` set from the document's block at each one's start."""
    from dataclasses import replace

    return [replace(f, where=document.where(f.start)) for f in findings]


class TextBuilder:
    """Assembles a document's text block by block, separating blocks with a blank line.

    Readers call ``add(text, where)`` for each paragraph in reading order; empty
    and white-space-only paragraphs are skipped (they would only add blank
    lines). Line breaks inside a paragraph are kept as single newlines.
    """

    SEPARATOR = "\n\n"

    def __init__(self) -> None:
        self._parts: list[str] = []
        self._blocks: list[Block] = []
        self._length = 0

    def add(self, text: str, where: str) -> Block | None:
        """Add one block; returns it with its offsets (None if it had no text)."""
        if not text.strip():
            return None
        if self._parts:
            self._parts.append(self.SEPARATOR)
            self._length += len(self.SEPARATOR)
        start = self._length
        self._parts.append(text)
        self._length += len(text)
        block = Block(start, self._length, where)
        self._blocks.append(block)
        return block

    @property
    def length(self) -> int:
        """The length of the text so far; where the next block will start, after its separator."""
        return self._length

    def build(self, fmt: str, notes: tuple[str, ...] = ()) -> Document:
        return Document("".join(self._parts), tuple(self._blocks), fmt, notes)
