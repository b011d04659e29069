"""OpenDocument text (.odt, what LibreOffice writes): the words a person wrote, in reading order.

The text is read from ``content.xml`` with lxml (headers and footers from
``styles.xml``) rather than an ODF library: none of them gives text whose
offsets map back to the document, and lxml is installed already (python-docx
brings it). XML is parsed without entities, DTDs or the network, and the ZIP
is checked by :mod:`.archive` (zip bombs, paths outside the folder) first.

What is read, in this order (the blank line between blocks is TextBuilder's):

* the body: paragraphs and headings (in lists and sections too) and tables
  in reading order. ``where`` is ``paragraph N``, counting every paragraph
  and heading of the body in order, empty ones too, as a person counts them
  down the page; a table's paragraphs are ``table N, row R, cell C`` and not
  in that count (tables counted through the body, rows and cells within
  theirs; a table in a cell continues the cell's ``where``), as for Word;
* text in text boxes and frames (captions), after the paragraph they are
  anchored in: ``text box``;
* then the headers and footers of the page styles, each distinct one once:
  ``header``, ``footer``;
* then footnotes and endnotes, taken out of their paragraph (the citation
  mark too, so "word¹" reads "word"): ``footnote N``, ``endnote N``, N being
  the mark the document shows.

Not read: tracked deletions (the text as it reads once changes are accepted;
insertions are read), comments, text hidden by its style or a hidden-text
field, and generated indexes (a table of contents repeats the headings).
Within a paragraph ``text:s`` is its count of spaces, ``text:tab`` a tab,
``text:line-break`` ``\\n``; other white space collapses to one space, as
OpenDocument says it does.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from ..errors import InputError
from .archive import open_zip, read_member
from .model import Document, TextBuilder

OFFICE = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
TEXT = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
TABLE = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
STYLE = "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
DRAW = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
MANIFEST = "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"
TEXT_MIMETYPE = "application/vnd.oasis.opendocument.text"  # also -template (.ott), -master (.odm)

_Element = Any  # an lxml element (lxml ships no type information)
_WHITE_SPACE = re.compile(r"[ \t\r\n]+")


def _t(local: str) -> str:
    return f"{{{TEXT}}}{local}"


_P, _H, _S, _TAB, _LINE_BREAK = _t("p"), _t("h"), _t("s"), _t("tab"), _t("line-break")
_NOTE, _NOTE_CITATION, _NOTE_BODY = _t("note"), _t("note-citation"), _t("note-body")
_TRACKED_CHANGES, _CHANGED_REGION, _DELETION = _t("tracked-changes"), _t("changed-region"), _t("deletion")
_HIDDEN_TEXT, _HIDDEN_PARAGRAPH, _RUBY_TEXT = _t("hidden-text"), _t("hidden-paragraph"), _t("ruby-text")
_STYLE_NAME, _IS_HIDDEN, _C, _NOTE_CLASS = _t("style-name"), _t("is-hidden"), _t("c"), _t("note-class")
_ANNOTATION, _ANNOTATION_END = f"{{{OFFICE}}}annotation", f"{{{OFFICE}}}annotation-end"
_TABLE, _ROW, _CELL = f"{{{TABLE}}}table", f"{{{TABLE}}}table-row", f"{{{TABLE}}}table-cell"
_ROW_GROUPS = frozenset(f"{{{TABLE}}}{n}" for n in ("table-header-rows", "table-rows", "table-row-group"))
_COLUMNS_REPEATED, _ROWS_REPEATED = f"{{{TABLE}}}number-columns-repeated", f"{{{TABLE}}}number-rows-repeated"
# Generated from the document's own text (a table of contents repeats the headings), or not text at all.
_GENERATED = frozenset(_t(n) for n in (
    "table-of-content", "alphabetical-index", "illustration-index", "table-index", "object-index", "user-index",
    "bibliography", "tracked-changes", "variable-decls", "sequence-decls", "user-field-decls", "dde-connection-decls",
    "soft-page-break",
)) | {f"{{{OFFICE}}}forms", _ANNOTATION, _ANNOTATION_END}


@dataclass
class _LeftOut:
    deletions: int = 0
    comments: int = 0
    hidden: int = 0

    def notes(self) -> tuple[str, ...]:
        def count(n: int, noun: str, plural: str) -> str:
            return f"left out {n:,} {noun if n == 1 else plural}"

        notes = []
        if self.deletions:
            notes.append(count(self.deletions, "tracked deletion", "tracked deletions"))
        if self.comments:
            notes.append(count(self.comments, "existing comment", "existing comments"))
        if self.hidden:
            notes.append(count(self.hidden, "stretch of hidden text", "stretches of hidden text"))
        return tuple(notes)


@dataclass
class _Reader:
    """Walks the body, adding each paragraph to the builder as it is reached."""

    hidden_styles: frozenset[str]
    builder: TextBuilder = field(default_factory=TextBuilder)
    left_out: _LeftOut = field(default_factory=_LeftOut)
    paragraphs: int = 0
    notes: list[tuple[str, _Element]] = field(default_factory=list)  # (where, note-body), read last
    note_counts: dict[str, int] = field(default_factory=dict)

    # --- blocks

    def blocks(self, container: _Element, where: str | None, tables: list[int] | None = None) -> None:
        """Every paragraph and table in ``container``; ``where`` None is the body ("paragraph N")."""
        tables = [0] if tables is None else tables
        for child in container:
            tag = child.tag
            if not isinstance(tag, str) or tag in _GENERATED:
                if tag == _TRACKED_CHANGES:
                    self.left_out.deletions += sum(1 for region in child.iter(_CHANGED_REGION)
                                                   if any(_text_of(d).strip() for d in region.iter(_DELETION)))
                elif tag == _ANNOTATION:
                    self.left_out.comments += 1
                continue
            if tag in (_P, _H):
                if where is None:
                    self.paragraphs += 1
                self.paragraph(child, f"paragraph {self.paragraphs}" if where is None else where)
            elif tag == _TABLE:
                tables[0] += 1
                label = f"table {tables[0]}" if where is None else f"{where}, table {tables[0]}"
                self.table(child, label)
            elif tag.startswith(f"{{{DRAW}}}"):
                self.blocks(child, "text box")
            else:  # lists, list items, sections, and anything else that holds paragraphs
                self.blocks(child, where, tables)

    def table(self, table: _Element, label: str) -> None:
        row_number = 0
        for row in _rows(table):
            row_number += 1
            cell_number = 0
            for cell in row:
                if cell.tag != _CELL:
                    continue  # covered (merged-away) cells hold nothing a reader sees
                cell_number += 1
                self.blocks(cell, f"{label}, row {row_number}, cell {cell_number}", [0])
                cell_number += _repeat(cell, _COLUMNS_REPEATED) - 1
            row_number += _repeat(row, _ROWS_REPEATED) - 1

    def paragraph(self, p: _Element, where: str) -> None:
        line = _Line()
        frames: list[_Element] = []
        if p.get(_STYLE_NAME) in self.hidden_styles:
            if _text_of(p).strip():
                self.left_out.hidden += 1
        else:
            self.inline(p, line, frames)
        self.builder.add(line.text(), where)
        for frame in frames:
            self.blocks(frame, "text box")

    # --- inline

    def inline(self, parent: _Element, line: _Line, frames: list[_Element]) -> None:
        if parent.text:
            line.chars(parent.text)
        for child in parent:
            tag = child.tag
            if not isinstance(tag, str):  # comments and processing instructions
                pass
            elif tag == _S:
                line.literal(" " * _repeat(child, _C))
            elif tag == _TAB:
                line.literal("\t")
            elif tag == _LINE_BREAK:
                line.literal("\n")
            elif tag == _NOTE:
                self.note(child)
            elif tag == _ANNOTATION:
                self.left_out.comments += 1
            elif tag in _GENERATED or tag == _RUBY_TEXT:
                pass
            elif tag.startswith(f"{{{DRAW}}}"):
                frames.append(child)
            elif child.get(_STYLE_NAME) in self.hidden_styles or (
                    tag in (_HIDDEN_TEXT, _HIDDEN_PARAGRAPH) and child.get(_IS_HIDDEN) == "true"):
                if _text_of(child).strip():
                    self.left_out.hidden += 1
            else:  # spans, links, fields (their shown result), ruby base, insertions, bookmarks ...
                self.inline(child, line, frames)
            if child.tail:
                line.chars(child.tail)

    def note(self, note: _Element) -> None:
        kind = "endnote" if note.get(_NOTE_CLASS) == "endnote" else "footnote"
        self.note_counts[kind] = self.note_counts.get(kind, 0) + 1
        citation = note.find(_NOTE_CITATION)
        mark = " ".join(_text_of(citation).split()) if citation is not None else ""
        body = note.find(_NOTE_BODY)
        if body is not None:
            self.notes.append((f"{kind} {mark or self.note_counts[kind]}", body))

    def finish_notes(self) -> None:
        done = 0
        while done < len(self.notes):  # a note's own notes (rare) are read after it
            where, body = self.notes[done]
            self.blocks(body, where)
            done += 1


class _Line:
    """One paragraph's text, collapsing white space in character data as OpenDocument does."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.space_pending = False
        self.at_start = True

    def chars(self, data: str) -> None:
        # A soft hyphen only marks where a word may break; a non-breaking hyphen is a hyphen
        # (as the Word reader reads both), so "ame\u00adliorate" is one word.
        data = data.replace("\u00ad", "").replace("\u2011", "-")
        for i, part in enumerate(_WHITE_SPACE.split(data)):
            if i:  # white space stood before this part
                self.space_pending = True
            if part:
                self.literal(part)

    def literal(self, text: str) -> None:
        if self.space_pending and not self.at_start:
            self.parts.append(" ")
        self.parts.append(text)
        self.space_pending = False
        self.at_start = False

    def text(self) -> str:
        return "".join(self.parts)


def _rows(table: _Element) -> Iterator[_Element]:
    for child in table:
        if child.tag == _ROW:
            yield child
        elif child.tag in _ROW_GROUPS:
            yield from _rows(child)


def _repeat(element: _Element, attribute: str) -> int:
    try:
        return max(1, min(int(element.get(attribute, "1")), 10_000))
    except ValueError:
        return 1


def _text_of(element: _Element) -> str:
    return "".join(element.itertext())


# --------------------------------------------------------------------------------------------
# The package


def read(data: bytes, name: str) -> Document:
    """The text of an OpenDocument text file: body, text boxes, headers and footers, then notes."""
    try:
        return _read(data, name)
    except InputError:
        raise
    except RecursionError:
        raise InputError(name, "is nested too deeply to read (a damaged file?)") from None
    except Exception as err:  # lxml and zipfile raise many kinds; none may escape as a traceback
        raise InputError(name, f"is damaged: it could not be read ({_one_line(err)})") from None


def _read(data: bytes, name: str) -> Document:
    try:
        archive = open_zip(data, name, what="OpenDocument file")
    except InputError as err:
        if err.reason.startswith("is not a valid"):
            raise InputError(name, "is not a valid OpenDocument text file (it is damaged, or not really an .odt file)") from None
        raise
    with archive:
        members = set(archive.namelist())
        _check_kind(archive, members, name)
        if "META-INF/manifest.xml" in members and _encrypted(read_member(archive, "META-INF/manifest.xml", name)):
            raise InputError(name, "is password-protected (encrypted): save a copy without the password "
                                   "(File > Save As, untick 'Save with password') and check that")
        content = _parse(read_member(archive, "content.xml", name), "content.xml", name)
        styles = _parse(read_member(archive, "styles.xml", name), "styles.xml", name) if "styles.xml" in members else None
    body = content.find(f"{{{OFFICE}}}body")
    text = body.find(f"{{{OFFICE}}}text") if body is not None else None
    if text is None:
        kinds = [child.tag.rpartition("}")[2] for child in (body if body is not None else ()) if isinstance(child.tag, str)]
        kind = f" (it holds a {kinds[0]})" if kinds else ""
        raise InputError(name, f"is not an OpenDocument text file{kind}")
    reader = _Reader(_hidden_styles(content, styles))
    reader.blocks(text, None)
    if styles is not None:
        _headers_and_footers(reader, styles)
    reader.finish_notes()
    return reader.builder.build("odt", reader.left_out.notes())


def _check_kind(archive: zipfile.ZipFile, members: set[str], name: str) -> None:
    """Refuse an OpenDocument spreadsheet or presentation, or a Word file, named .odt."""
    if "mimetype" in members:
        mimetype = read_member(archive, "mimetype", name, limit=1024).decode("ascii", "replace").strip()
        if mimetype.startswith(TEXT_MIMETYPE):
            return
        kind = mimetype.rpartition(".")[2].split("-")[0] if "opendocument" in mimetype else ""
        raise InputError(name, f"is not an OpenDocument text file (it is an OpenDocument {kind})" if kind
                         else "is not an OpenDocument text file")
    if "word/document.xml" in members:
        raise InputError(name, "is not an OpenDocument text file (it is a Word document: rename it to .docx)")
    # no mimetype member (some tools leave it out): content.xml decides


def _encrypted(manifest: bytes) -> bool:
    """Whether the manifest says a part is encrypted (it is only read for that: some of
    LibreOffice's own templates have a manifest that is not namespace-well-formed)."""
    try:
        root = _parse(manifest, "META-INF/manifest.xml", "")
    except InputError:
        return b"encryption-data" in manifest
    return next(root.iter(f"{{{MANIFEST}}}encryption-data"), None) is not None


def _headers_and_footers(reader: _Reader, styles: _Element) -> None:
    """Each distinct header, then each distinct footer, of the page styles in use or not."""
    master = styles.find(f"{{{OFFICE}}}master-styles")
    if master is None:
        return
    for kind in ("header", "footer"):
        seen: set[str] = set()
        for part in master.iter(*(f"{{{STYLE}}}{kind}{suffix}" for suffix in ("", "-left", "-first"))):
            if part.get(f"{{{STYLE}}}display") == "false":
                continue
            key = " ".join(_text_of(part).split())
            if key and key not in seen:
                seen.add(key)
                reader.blocks(part, kind)


def _hidden_styles(content: _Element, styles: _Element | None) -> frozenset[str]:
    """Names of the styles whose text is hidden (``text:display="none"``), their own or inherited."""
    display: dict[str, str | None] = {}
    parents: dict[str, str | None] = {}
    for root in (styles, content):
        if root is None:
            continue
        for style in root.iter(f"{{{STYLE}}}style"):
            style_name = style.get(f"{{{STYLE}}}name")
            if not style_name:
                continue
            properties = style.find(f"{{{STYLE}}}text-properties")
            display[style_name] = properties.get(_t("display")) if properties is not None else None
            parents[style_name] = style.get(f"{{{STYLE}}}parent-style-name")

    def hidden(style_name: str, depth: int = 0) -> bool:
        value = display.get(style_name)
        if value is not None:
            return value == "none"
        parent = parents.get(style_name)
        return parent is not None and depth < 50 and hidden(parent, depth + 1)

    return frozenset(n for n in display if hidden(n))


def _parse(xml: bytes, member: str, name: str) -> _Element:
    # No entities (no "billion laughs"), no DTD, no network; lxml's default depth and size limits stay on.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        return etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as err:
        raise InputError(name, f"is damaged: {member} is not well-formed XML ({_one_line(err)})") from None


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__
