"""Character offsets to 1-based line and column numbers.

Lines end at LF, CRLF or a lone CR (a CRLF is one line break). Columns count
Unicode code points from the start of the line, starting at 1; a tab counts as
one column, as in most editors' "go to column".
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right

_LINE_BREAK = re.compile(r"\r\n|\r|\n|\u2028|\u2029")


class LineIndex:
    """Maps offsets into one text to ``(line, column)`` in O(log lines)."""

    __slots__ = ("_starts",)

    def __init__(self, text: str) -> None:
        self._starts = array("q", [0])  # 8 bytes a line, not a Python int's 36
        self._starts.extend(m.end() for m in _LINE_BREAK.finditer(text))

    def extend(self, text: str, offset: int) -> None:
        """Add the line breaks of ``text``, the stretch that follows what is indexed,
        starting at ``offset`` (a huge file read in windows)."""
        self._starts.extend(offset + m.end() for m in _LINE_BREAK.finditer(text))

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1
