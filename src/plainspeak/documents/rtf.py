"""Rich Text (.rtf): the text, paragraph by paragraph.

striprtf turns RTF into text (control words, font tables, \\'xx and \\u
escapes, destinations such as headers, footers, footnotes, comments and
field instructions, which it leaves out). Before it runs, one pass over the
RTF's tokens does what striprtf does not:

* hidden text (``\\v``) and tracked deletions (``\\deleted``) are dropped, so
  the text reads as it will once changes are accepted, as for Word files;
* list numbering (``\\listtext``) and field instructions are dropped (striprtf
  would write a link as ``text("http://...")``);
* a line or page break (``\\line``, ``\\page``) becomes a line break inside its
  paragraph, and table cells (``\\cell``, ``\\row``, ``\\intbl``) are marked, where
  striprtf would end a paragraph or write ``|``.

Each ``\\par`` ends a paragraph; ``where`` is ``paragraph N``, counting every
paragraph, empty ones too (as Word counts them), and ``table N, row R, cell
C`` for a table's paragraphs (not in that count). Headers, footers and
footnotes are not read.

RTF is 7-bit text with its own escapes; stray 8-bit bytes are read in the
code page the document declares (``\\ansicpg``, else Windows-1252), or as
UTF-8 where they are valid UTF-8 (some tools write that).
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterator
from dataclasses import dataclass

from ..errors import InputError
from .model import Document, TextBuilder

# Private-use characters marking, in striprtf's output, what it would otherwise lose.
_LINE_BREAK, _CELL_END, _ROW_END, _IN_TABLE = "\ue000", "\ue001", "\ue002", "\ue003"
_MARKS = {"line": _LINE_BREAK, "page": _LINE_BREAK, "cell": _CELL_END, "row": _ROW_END, "intbl": _IN_TABLE}

_TOKEN = re.compile(r"\\([a-zA-Z]{1,32})(-?\d{1,10})?[ ]?|\\'[0-9a-fA-F]{2}|\\[^a-zA-Z]|[{}]|[^\\{}]+|\\", re.DOTALL)
# Control words and symbols that stand for characters (dropped with the text they are in).
_CHARACTER_WORDS = frozenset({"tab", "emdash", "endash", "emspace", "enspace", "qmspace", "bullet", "lquote", "rquote",
                              "ldblquote", "rdblquote", "u", "line", "zwj", "zwnj", "ltrmark", "rtlmark"})
_CHARACTER_SYMBOLS = frozenset({"\\\\", "\\{", "\\}", "\\~", "\\-", "\\_"})
_ANSICPG = re.compile(rb"\\ansicpg(\d{1,5})")
_BLOCK_SPLIT = re.compile(f"([\n{_CELL_END}{_ROW_END}{_IN_TABLE}])")


@dataclass
class _State:
    hidden: bool = False  # \v
    deleted: bool = False  # \deleted
    dropped: bool = False  # in list numbering or a field's instructions

    @property
    def invisible(self) -> bool:
        return self.hidden or self.deleted or self.dropped


def read(data: bytes, name: str) -> Document:
    """The text of an RTF document, paragraph by paragraph: see the module's notes."""
    if not data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{\\rtf"):
        raise InputError(name, "is not an RTF document")
    try:
        from striprtf.striprtf import rtf_to_text

        codepage = _codepage(data)
        rtf = _decode(data, codepage)
        text = rtf_to_text(_prepare(rtf), encoding=codepage, errors="replace")
    except RecursionError:
        raise InputError(name, "is damaged: it is nested too deeply to read") from None
    except Exception as err:  # striprtf raises what its regular expressions and int() meet
        raise InputError(name, f"is damaged: it could not be read as RTF ({type(err).__name__})") from None
    builder = TextBuilder()
    for paragraph, where in _blocks(_clean(text)):
        builder.add(paragraph, where)
    return builder.build("rtf")


def _codepage(data: bytes) -> str:
    match = _ANSICPG.search(data[:4096])
    if match:
        codec = f"cp{int(match.group(1))}"
        try:
            codecs.lookup(codec)
        except LookupError:
            return "cp1252"
        return codec
    return "cp1252"


def _decode(data: bytes, codepage: str) -> str:
    try:
        data.decode("ascii")
    except UnicodeDecodeError:
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            return data.decode(codepage, errors="replace")
    return data.decode("ascii")


def _prepare(rtf: str) -> str:
    """The RTF with hidden and deleted text, list numbers and field instructions taken out,
    and line breaks and table cells marked (see the module's notes)."""
    out: list[str] = []
    stack: list[_State] = []
    state = _State()
    position = 0
    while position < len(rtf):
        match = _TOKEN.match(rtf, position)
        assert match is not None  # the last alternative matches any character left
        token = match.group()
        position = match.end()
        word = match.group(1)
        if token == "{":
            stack.append(state)
            state = _State(state.hidden, state.deleted, state.dropped)
        elif token == "}":
            state = stack.pop() if stack else _State()
        elif word is not None:
            argument = match.group(2)
            on = argument != "0"
            if word == "bin" and argument:  # raw binary data follows: pass it over whole
                size = max(0, int(argument))
                out.append(token + rtf[position:position + size])
                position += size
                continue
            if word == "v":
                state.hidden = on
            elif word == "deleted":
                state.deleted = on
            elif word == "plain":
                state.hidden = state.deleted = False
            elif word in ("fldinst", "listtext", "pntext"):
                state.dropped = True
            if word in _MARKS and not (word == "line" and state.invisible):
                token = f"{{\\uc1\\u{ord(_MARKS[word])}?}}"  # a character striprtf passes through
            elif word in ("nestcell", "sect"):
                token = "\\par "
            elif word in _CHARACTER_WORDS and state.invisible:
                continue
        elif state.invisible and (token in _CHARACTER_SYMBOLS or token.startswith("\\'") or not token.startswith("\\")):
            continue
        out.append(token)
    return "".join(out)


def _clean(text: str) -> str:
    # \\u escapes give an emoji as two surrogates; soft hyphens are invisible; a no-break hyphen is a hyphen
    text = text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\xad", "").replace("\u2011", "-")


def _blocks(text: str) -> Iterator[tuple[str, str]]:
    """(paragraph text, where) for each paragraph and table cell, in order."""
    paragraphs = tables = rows = cells = 0
    in_table = in_cell = False
    current: list[str] = []

    def cell_where() -> str:
        nonlocal in_table, tables, rows, cells
        if not in_table:
            in_table, tables, rows, cells = True, tables + 1, 1, 0
        return f"table {tables}, row {rows}, cell {cells + 1}"

    for part in _BLOCK_SPLIT.split(text):
        if part == _IN_TABLE:
            in_cell = True
        elif part == "\n":
            if in_cell:
                where = cell_where()
            else:
                in_table = False
                paragraphs += 1
                where = f"paragraph {paragraphs}"
            yield _paragraph(current), where
            current, in_cell = [], False
        elif part == _CELL_END:
            yield _paragraph(current), cell_where()
            cells += 1
            current, in_cell = [], False
        elif part == _ROW_END:
            if _paragraph(current):
                yield _paragraph(current), cell_where()
            rows, cells = rows + 1, 0
            current, in_cell = [], False
        else:
            current.append(part)
    if _paragraph(current):
        if in_cell:
            yield _paragraph(current), cell_where()
        else:
            yield _paragraph(current), f"paragraph {paragraphs + 1}"


def _paragraph(parts: list[str]) -> str:
    return "".join(parts).replace(_LINE_BREAK, "\n").strip(" \t\n")
