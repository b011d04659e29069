"""Word (.docx): the words a person wrote, each character traced back to the XML it came from.

What is read, in this order (the blank line between blocks is TextBuilder's):

* the body: paragraphs and tables in reading order, each paragraph a block.
  ``where`` is ``paragraph N`` for a paragraph of the body itself, counting
  every one, empty ones too, so that N is the paragraph a person reaches by
  counting down the page (a blank line made with Enter is a paragraph in
  Word), and ``table N, row R, cell C`` for a paragraph in a table (its
  paragraphs are not in the count; tables are counted through the body, rows
  and cells within theirs; a table in a cell continues the cell's ``where``:
  ``table 1, row 2, cell 1, table 1, row 1, cell 1``);
* then each header and footer part once, headers first, in the order the
  sections name them (``header``, ``footer``): the body is what was written
  for this reader, so it comes first and its offsets do not move when a
  header changes;
* then footnotes and endnotes (``footnote N``, ``endnote N``, numbered in
  the order their part holds them, which is Word's numbering as it saves).

Tracked insertions are read and tracked deletions are not (the text as it
will read once the changes are accepted); existing comments, field codes
(a field's result is read), hidden text, text boxes, images and equations
are not. Within a paragraph a tab is ``\\t``, a line or page break ``\\n``,
a non-breaking hyphen ``-`` and a soft hyphen nothing.

One walker (:class:`_Walker`, through :func:`_layout`) produces both the text
and the :class:`Piece` each stretch of it came from, for :func:`read`,
:func:`replace` and :func:`add_comments` alike, so an offset means the same
character in all three. XML is parsed without entities, DTDs or the network,
and the ZIP is checked by :mod:`.archive` (zip bombs, paths outside the
folder) before anything is expanded. Every problem is an
:class:`~plainspeak.errors.InputError` with a one-line reason.
"""

from __future__ import annotations

import bisect
import copy
import io
import itertools
import posixpath
import zipfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from ..errors import InputError
from .archive import open_zip, read_member, unsafe_member
from .model import Document, TextBuilder

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W_STRICT_NS = "http://purl.oclc.org/ooxml/wordprocessingml/main"  # Word's "Strict Open XML Document"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
MAIN_PART = "word/document.xml"

_Element = Any  # an lxml element (lxml ships no type information)


@dataclass(frozen=True, slots=True)
class Piece:
    """``text[start:end]`` of :func:`read`'s text came from ``node`` in package part ``part``.

    ``node`` is a ``w:t`` (its whole text), or a ``w:tab``, ``w:ptab``,
    ``w:br``, ``w:cr`` or ``w:noBreakHyphen`` (one character); its parent is
    always the ``w:r`` (run) whose formatting the characters have. Only a
    ``w:t``'s text can be changed in place (:attr:`editable`).
    """

    start: int
    end: int
    node: _Element
    part: str

    @property
    def editable(self) -> bool:
        return _local(self.node) == "t"

    @property
    def run(self) -> _Element:
        return self.node.getparent()


# --------------------------------------------------------------------------------------------
# The walker


class _Tags:
    """Clark names (``{namespace}local``) of the elements the walker reads, for one namespace
    (transitional or strict: a Strict Open XML document differs only there)."""

    def __init__(self, ns: str) -> None:
        self.ns = ns
        w = f"{{{ns}}}"
        self.body, self.p, self.tbl, self.tr, self.tc = w + "body", w + "p", w + "tbl", w + "tr", w + "tc"
        self.r, self.rPr, self.t = w + "r", w + "rPr", w + "t"
        self.vanish, self.val, self.type = w + "vanish", w + "val", w + "type"
        self.sdt, self.sdtContent, self.customXml = w + "sdt", w + "sdtContent", w + "customXml"
        self.fldChar, self.fldCharType = w + "fldChar", w + "fldCharType"
        self.ruby, self.rubyBase = w + "ruby", w + "rubyBase"
        self.delText, self.commentReference = w + "delText", w + "commentReference"
        self.sectPr, self.sectPrChange = w + "sectPr", w + "sectPrChange"
        self.headerReference, self.footerReference = w + "headerReference", w + "footerReference"
        self.footnote, self.endnote = w + "footnote", w + "endnote"
        # read through: their runs are the text
        self.inline_containers = frozenset(w + n for n in ("ins", "moveTo", "hyperlink", "smartTag", "customXml",
                                                           "fldSimple", "dir", "bdo"))
        self.deleted = frozenset((w + "del", w + "moveFrom"))
        self.characters = {w + "tab": "\t", w + "ptab": "\t", w + "br": "\n", w + "cr": "\n", w + "noBreakHyphen": "-"}
        # What may sit between two runs (or two w:t of a run) without changing what the
        # text says or how it looks, so an edit may run across it.
        self.ignorable = frozenset(w + n for n in ("proofErr", "bookmarkStart", "bookmarkEnd", "lastRenderedPageBreak",
                                                   "permStart", "permEnd"))


_TAGS: dict[str, _Tags] = {}


def _tags(ns: str) -> _Tags:
    if ns not in _TAGS:
        _TAGS[ns] = _Tags(ns)
    return _TAGS[ns]


@dataclass
class _Para:
    """One paragraph as the walker read it: its text's sources, in order."""

    where: str
    sources: list[tuple[_Element, str]]  # (node, the text it gives); never an empty text


@dataclass
class _LeftOut:
    """What the walker passed over, for the document's notes."""

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
            notes.append(count(self.hidden, "run of hidden text", "runs of hidden text"))
        return tuple(notes)


class _Walker:
    """Reads the stories of one document (body, headers, notes) in order.

    A complex field (``w:fldChar`` begin ... separate ... end) may span runs and
    paragraphs, so the field state lives here, reset at the start of each story.
    """

    def __init__(self, tags: _Tags) -> None:
        self.tags = tags
        self.fields: list[bool] = []  # one per open field: True while in its instructions
        self.left_out = _LeftOut()

    def body(self, body: _Element) -> Iterator[_Para]:
        self.fields = []
        yield from self._blocks(body, None, fixed=False)

    def story(self, root: _Element, where: str) -> Iterator[_Para]:
        """A header, footer or note: every paragraph in it (tables too) is ``where``."""
        self.fields = []
        yield from self._blocks(root, where, fixed=True)

    def _blocks(self, container: _Element, where: str | None, *, fixed: bool) -> Iterator[_Para]:
        t = self.tags
        paragraphs = tables = 0
        for element in self._items(container, (t.p, t.tbl)):
            if element.tag == t.p:
                paragraphs += 1
                yield self._paragraph(element, f"paragraph {paragraphs}" if where is None else where)
                continue
            tables += 1
            if fixed:
                label = where or ""
            else:
                label = f"table {tables}" if where is None else f"{where}, table {tables}"
            for r, row in enumerate(self._items(element, (t.tr,)), 1):
                for c, cell in enumerate(self._items(row, (t.tc,)), 1):
                    yield from self._blocks(cell, label if fixed else f"{label}, row {r}, cell {c}", fixed=fixed)

    def _items(self, container: _Element, wanted: tuple[str, ...]) -> Iterator[_Element]:
        """Children of these kinds, looking through content controls and custom XML."""
        t = self.tags
        for child in container:
            tag = child.tag
            if tag in wanted:
                yield child
            elif tag == t.sdt:
                content = child.find(t.sdtContent)
                if content is not None:
                    yield from self._items(content, wanted)
            elif tag == t.customXml:
                yield from self._items(child, wanted)

    def _paragraph(self, p: _Element, where: str) -> _Para:
        sources: list[tuple[_Element, str]] = []
        self._inline(p, sources)
        return _Para(where, sources)

    def _inline(self, parent: _Element, sources: list[tuple[_Element, str]]) -> None:
        t = self.tags
        for child in parent:
            tag = child.tag
            if tag == t.r:
                self._run(child, sources)
            elif tag in t.inline_containers:
                self._inline(child, sources)
            elif tag == t.sdt:
                content = child.find(t.sdtContent)
                if content is not None:
                    self._inline(content, sources)
            elif tag in t.deleted:
                if any((d.text or "").strip() for d in child.iter(t.delText, t.t)):
                    self.left_out.deletions += 1
                # field characters in deleted runs still open and close fields
                for marker in child.iter(t.fldChar):
                    self._field(marker)
            # everything else (paragraph properties, bookmarks, comment ranges, equations ...) has no text

    def _run(self, r: _Element, sources: list[tuple[_Element, str]]) -> None:
        t = self.tags
        properties = r.find(t.rPr)
        hidden = properties is not None and _on(properties.find(t.vanish), t)
        counted = False
        for child in r:
            tag = child.tag
            if tag == t.fldChar:
                self._field(child)
            elif tag == t.commentReference:
                self.left_out.comments += 1
            elif any(self.fields):  # in a field's instructions (w:instrText, or stray text among them)
                continue
            elif tag == t.t or tag in t.characters:
                text = (child.text or "") if tag == t.t else t.characters[tag]
                if hidden:
                    if text.strip() and not counted:
                        self.left_out.hidden += 1
                        counted = True
                elif text:
                    sources.append((child, text))
            elif tag == t.ruby:
                base = child.find(t.rubyBase)
                if base is not None and not hidden:
                    self._inline(base, sources)
            # w:delText, w:instrText, w:softHyphen, drawings, footnote references ...: no text

    def _field(self, marker: _Element) -> None:
        kind = marker.get(self.tags.fldCharType)
        if kind == "begin":
            self.fields.append(True)
        elif kind == "separate" and self.fields:
            self.fields[-1] = False
        elif kind == "end" and self.fields:
            self.fields.pop()


def _on(toggle: _Element | None, t: _Tags) -> bool:
    """A toggle property (``<w:vanish/>``, ``<w:vanish w:val="false"/>``) that is present and on."""
    return toggle is not None and (toggle.get(t.val) or "true").lower() not in ("0", "false", "off")


def _local(element: _Element) -> str:
    tag = element.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


@dataclass
class _Layout:
    """The walker's result: the text and its blocks, and every piece of it."""

    document: Document
    pieces: list[Piece]
    body_end: int  # where the body's text ends (0 if it has none)
    tags: _Tags
    starts: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.starts = [piece.start for piece in self.pieces]


def _layout(tags: _Tags, main: str, body: _Element, stories: Sequence[tuple[str, _Element, str]] = ()) -> _Layout:
    """Walk the body, then each (part, root, kind) story: kind is "header", "footer", "footnotes" or "endnotes"."""
    walker = _Walker(tags)
    builder = TextBuilder()
    pieces: list[Piece] = []

    def take(paragraphs: Iterator[_Para], part: str) -> None:
        for para in paragraphs:
            block = builder.add("".join(text for _, text in para.sources), para.where)
            if block is not None:
                offset = block.start
                for node, text in para.sources:
                    pieces.append(Piece(offset, offset + len(text), node, part))
                    offset += len(text)

    take(walker.body(body), main)
    body_end = pieces[-1].end if pieces else 0
    for part, root, kind in stories:
        if kind in ("header", "footer"):
            take(walker.story(root, kind), part)
            continue
        note_tag, label = (tags.footnote, "footnote") if kind == "footnotes" else (tags.endnote, "endnote")
        number = 0
        for note in root:
            if note.tag == note_tag and note.get(tags.type) in (None, "normal"):  # not the separator lines
                number += 1
                take(walker.story(note, f"{label} {number}"), part)
    return _Layout(builder.build("docx", walker.left_out.notes()), pieces, body_end, tags)


# --------------------------------------------------------------------------------------------
# Opening the package


@dataclass
class _Package:
    """A .docx opened and its story parts parsed (not through python-docx: see :func:`_open`)."""

    archive: zipfile.ZipFile
    tags: _Tags
    main: str
    roots: dict[str, _Element]  # part name -> parsed root, for the parts the text comes from
    stories: list[tuple[str, _Element, str]]

    @property
    def body(self) -> _Element:
        return self.roots[self.main].find(self.tags.body)

    def layout(self) -> _Layout:
        return _layout(self.tags, self.main, self.body, self.stories)


def _open(data: bytes, name: str) -> _Package:
    """The package's main part, headers, footers and notes, parsed safely.

    Read with zipfile and lxml rather than python-docx so that :func:`replace`
    can write back exactly the parts it changed and nothing else, and so that
    Strict Open XML documents (which python-docx cannot open) are read too.
    """
    archive = open_zip(data, name, what="Word document")
    names = set(archive.namelist())
    package_rels = _relationships(archive, names, "", name)
    main = next((target for kind, target in package_rels.values() if kind == "officeDocument"), MAIN_PART)
    if main not in names:
        raise InputError(name, f"lacks its main part ({main}): it is damaged, or not really a Word document")
    root = _parse(read_member(archive, main, name), main, name)
    ns = root.tag.partition("}")[0].lstrip("{") if isinstance(root.tag, str) else ""
    tags = _tags(ns) if ns in (W_NS, W_STRICT_NS) else None
    if tags is None or root.tag != f"{{{ns}}}document" or root.find(tags.body) is None:
        raise InputError(name, f"is damaged: {main} is not the body of a Word document")
    roots = {main: root}
    rels = _relationships(archive, names, main, name)
    stories: list[tuple[str, _Element, str]] = []

    def story(target: str, kind: str) -> None:
        if target not in roots:
            if target not in names:
                raise InputError(name, f"lacks its {target} part: it is damaged (Word would say it is unreadable)")
            roots[target] = _parse(read_member(archive, target, name), target, name)
            stories.append((target, roots[target], kind))

    body = root.find(tags.body)
    for kind, reference in (("header", tags.headerReference), ("footer", tags.footerReference)):
        for section in body.iter(tags.sectPr):
            if section.getparent().tag == tags.sectPrChange:  # a tracked change's old settings
                continue
            for ref in section.iter(reference):
                rel = rels.get(_relationship_id(ref) or "")
                if rel is not None and rel[0] == kind:
                    story(rel[1], kind)
    for kind in ("footnotes", "endnotes"):
        target = next((target for rel_kind, target in rels.values() if rel_kind == kind), None)
        if target is not None:
            story(target, kind)
    return _Package(archive, tags, main, roots, stories)


def _relationships(archive: zipfile.ZipFile, names: set[str], source: str, name: str) -> dict[str, tuple[str, str]]:
    """A part's relationships: id -> (type's last word, e.g. "header"; the member it names)."""
    folder, base = posixpath.split(source)
    rels_name = posixpath.join(folder, "_rels", f"{base}.rels")
    if rels_name not in names:
        return {}
    root = _parse(read_member(archive, rels_name, name), rels_name, name)
    rels: dict[str, tuple[str, str]] = {}
    for rel in root:
        if _local(rel) != "Relationship" or rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target") or ""
        member = target[1:] if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        if unsafe_member(member) is None:
            rels[rel.get("Id") or ""] = ((rel.get("Type") or "").rpartition("/")[2], member)
    return rels


def _relationship_id(element: _Element) -> str | None:
    """An ``r:id`` attribute, whichever relationships namespace (transitional or strict) it is in."""
    for key, value in element.attrib.items():
        if key.endswith("}id") and "relationships" in key:
            return str(value)
    return None


def _parse(xml: bytes, member: str, name: str) -> _Element:
    # No entities (no "billion laughs"), no DTD, no network; lxml's default depth and size limits stay on.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(xml, parser)
    except etree.XMLSyntaxError as err:
        raise InputError(name, f"is damaged: {member} is not well-formed XML ({_one_line(err)})") from None
    return root


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__


# --------------------------------------------------------------------------------------------
# Public functions


def read(data: bytes, name: str) -> Document:
    """The text of a Word document: body, then headers and footers, then notes (see the module's notes)."""
    return _open(data, name).layout().document


def pieces(data: bytes, name: str) -> tuple[Document, list[Piece]]:
    """:func:`read`'s document and, in text order, the XML node each stretch of its text came from.

    Every character of a block's text belongs to exactly one piece; the blank
    lines between blocks belong to none.
    """
    layout = _open(data, name).layout()
    return layout.document, layout.pieces


def replace(data: bytes, name: str, edits: Sequence[tuple[int, int, str]]) -> tuple[bytes, list[tuple[int, int, str]]]:
    """A copy of the document with each ``(start, end, replacement)`` made, and the edits left undone.

    Offsets are into :func:`read`'s text. An edit is made when its words lie in
    one ``w:t``, or in several ``w:t`` of runs formatted alike with nothing but
    spell-check and bookmark marks between them (Word splits runs for its own
    bookkeeping), so the words keep their formatting. It is left (returned,
    in the order given) when it spans differently formatted runs, a tab,
    break, tracked change, field or hidden text, lies between blocks,
    overlaps an earlier edit, would empty its paragraph, or its replacement
    holds a line break or a character XML cannot carry. Only the parts that
    changed are rewritten; every other member of the package is copied as it
    was. With nothing to change, ``data`` itself is returned. A range outside
    the text is a ValueError: the caller's mistake, not the document's.
    """
    package = _open(data, name)
    layout = package.layout()
    _check_ranges(edits, len(layout.document.text))
    plans: list[tuple[int, list[tuple[Piece, int, int]], str]] = []  # (index in edits, where it goes, replacement)
    left: set[int] = set()
    end_of_last = -1
    for index in sorted(range(len(edits)), key=lambda i: (edits[i][0], edits[i][1])):
        start, end, replacement = edits[index]
        spans = _editable_spans(layout, start, end) if _xml_text(replacement) else None
        if spans is None or start < end_of_last:
            left.add(index)
            continue
        plans.append((index, spans, replacement))
        end_of_last = end
    # An edit that leaves its paragraph blank would drop the block and move every later offset.
    by_block: dict[int, list[int]] = {}
    starts = [block.start for block in layout.document.blocks]
    for i, (index, _, _) in enumerate(plans):
        by_block.setdefault(bisect.bisect_right(starts, edits[index][0]) - 1, []).append(i)
    dropped: set[int] = set()
    for block_index, members in by_block.items():
        block = layout.document.blocks[block_index]
        text = layout.document.text[block.start:block.end]
        for i in reversed(members):
            start, end, replacement = edits[plans[i][0]]
            text = text[:start - block.start] + replacement + text[end - block.start:]
        if not text.strip():
            dropped.update(members)
    for i in sorted(dropped):
        left.add(plans[i][0])
    plans = [plan for i, plan in enumerate(plans) if i not in dropped]
    if not plans:
        return data, [edits[i] for i in sorted(left)]
    changed_parts: set[str] = set()
    emptied: list[_Element] = []
    for _, spans, replacement in reversed(plans):  # from the end, so earlier offsets in a node still hold
        for k, (piece, a, b) in enumerate(spans):
            old = piece.node.text or ""
            if k == 0:
                new = old[:a] + replacement + (old[b:] if len(spans) == 1 else "")
            else:
                new = old[b:]
            _set_text(piece.node, new)
            changed_parts.add(piece.part)
            if not new and k:
                emptied.append(piece.node)
    for node in emptied:
        parent = node.getparent()
        if parent is not None:
            parent.remove(node)
    changed = {part: _serialize(package.roots[part]) for part in changed_parts}
    return _rewrite(package.archive, changed, name), [edits[i] for i in sorted(left)]


def add_comments(data: bytes, name: str, comments: Sequence[tuple[int, int, str]], *, summary: str | None = None,
                 author: str = "plainspeak", initials: str = "PS") -> bytes:
    """A copy of the document with each ``(start, end, text)`` as a Word comment on exactly those characters.

    Offsets are into :func:`read`'s text. Runs are split at each comment's
    ends (each half keeps the run's formatting), so a comment covers its words
    and no more; comments may overlap. A range that starts in the blank line
    between blocks starts at the next block's first character, and one that
    ends there ends at the previous block's last. Word keeps comments in the
    body only, so a range in a header, footer or note is anchored where the
    body starts (a header) or ends (the rest), with its place and words first
    in the comment ("Header: “...”"). ``summary`` is a first comment on the
    first paragraph's words. ``\\n`` in a comment's text starts a new
    paragraph of the comment. Comments are added in the order given (Word
    lists them by position). A range outside the text is a ValueError.
    """
    package = _open(data, name)
    if package.tags.ns != W_NS:
        raise InputError(name, "is saved as a Strict Open XML Document, which plainspeak reads but cannot add comments "
                               "to: save it in Word as a Word Document (.docx) and annotate that")
    document = package.layout().document
    _check_ranges(comments, len(document.text))
    word = _python_docx(data, name)
    try:
        return _comment(word, document, comments, summary, author, initials, name)
    except (KeyError, ValueError, TypeError, AttributeError, etree.LxmlError) as err:
        raise InputError(name, f"could not be given comments ({_one_line(err)})") from None


# --------------------------------------------------------------------------------------------
# Editing in place


def _check_ranges(ranges: Sequence[tuple[int, int, str]], length: int) -> None:
    for start, end, _ in ranges:
        if not 0 <= start <= end <= length:
            raise ValueError(f"range ({start}, {end}) is not within the text (0 to {length})")


def _xml_text(text: str) -> bool:
    """Whether ``text`` can stand in a ``w:t`` as it is: no line breaks or tabs (those are elements), nothing XML forbids."""
    return all(ch >= " " and not 0xD800 <= ord(ch) <= 0xDFFF and ch not in "\ufffe\uffff" for ch in text)


def _editable_spans(layout: _Layout, start: int, end: int) -> list[tuple[Piece, int, int]] | None:
    """The ``w:t`` pieces an edit of ``[start, end)`` changes, with the range in each; None if it cannot be made in place."""
    found = _covering(layout, start, end)
    if not found or not all(piece.editable for piece, _, _ in found):
        return None
    t = layout.tags
    for (before, _, _), (after, _, _) in itertools.pairwise(found):
        if not _joined(before.node, after.node, t):
            return None
    return found


def _covering(layout: _Layout, start: int, end: int) -> list[tuple[Piece, int, int]]:
    """The pieces ``[start, end)`` covers, contiguous (one block), with the range local to each."""
    i = bisect.bisect_right(layout.starts, start) - 1
    if i < 0:
        return []
    first = layout.pieces[i]
    if start == end:  # an insertion: into the text it touches, before or after
        touching = [p for p in layout.pieces[max(i - 1, 0):i + 1] if p.start <= start <= p.end]
        chosen = next((p for p in reversed(touching) if p.editable), touching[-1] if touching else None)
        return [] if chosen is None else [(chosen, start - chosen.start, start - chosen.start)]
    if start >= first.end:
        return []
    found: list[tuple[Piece, int, int]] = []
    for piece in layout.pieces[i:]:
        if piece.start >= end:
            break
        if found and piece.start != found[-1][0].end:  # a gap: the range crosses into another block
            return []
        found.append((piece, max(start, piece.start) - piece.start, min(end, piece.end) - piece.start))
    return found


def _joined(a: _Element, b: _Element, t: _Tags) -> bool:
    """Whether text may flow from ``w:t`` a into the next ``w:t`` b: same run, or sibling runs formatted alike."""
    run_a, run_b = a.getparent(), b.getparent()
    if run_a is run_b:
        return _only_ignorable(a, b, t)
    if run_a.getparent() is not run_b.getparent() or _properties(run_a, t) != _properties(run_b, t):
        return False
    return (_only_ignorable(a, None, t) and _only_ignorable(run_a, run_b, t)
            and all(child.tag in t.ignorable or child.tag == t.rPr for child in b.itersiblings(preceding=True)))


def _only_ignorable(first: _Element, last: _Element | None, t: _Tags) -> bool:
    """Whether everything after ``first`` up to ``last`` (or the end) is ignorable."""
    for sibling in first.itersiblings():
        if sibling is last:
            return True
        if sibling.tag not in t.ignorable:
            return False
    return last is None


def _properties(run: _Element, t: _Tags) -> bytes:
    properties = run.find(t.rPr)
    return b"" if properties is None else bytes(etree.tostring(properties))


def _set_text(node: _Element, text: str) -> None:
    node.text = text
    if text != text.strip() or "  " in text:
        node.set(XML_SPACE, "preserve")


def _serialize(root: _Element) -> bytes:
    return bytes(etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True))


def _rewrite(archive: zipfile.ZipFile, changed: dict[str, bytes], name: str) -> bytes:
    """The package again, member by member in the same order, with the changed parts' new XML."""
    out = io.BytesIO()
    seen: set[str] = set()
    with zipfile.ZipFile(out, "w") as target:
        for info in archive.infolist():
            if info.filename in seen:
                continue
            seen.add(info.filename)
            payload = changed.get(info.filename)
            if payload is None:
                payload = read_member(archive, info.filename, name)
            copy_info = zipfile.ZipInfo(info.filename, date_time=info.date_time)
            copy_info.compress_type = zipfile.ZIP_STORED if info.compress_type == zipfile.ZIP_STORED else zipfile.ZIP_DEFLATED
            copy_info.external_attr = info.external_attr
            copy_info.create_system = info.create_system
            target.writestr(copy_info, payload)
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# Comments


def _python_docx(data: bytes, name: str) -> Any:
    """The document opened by python-docx, which writes the comments part; its errors as InputError."""
    import docx as python_docx
    from docx.exceptions import PythonDocxError
    from docx.opc.exceptions import OpcError

    try:
        return python_docx.Document(io.BytesIO(data))
    except etree.XMLSyntaxError as err:
        raise InputError(name, f"is damaged: {_one_line(err)}") from None
    except (KeyError, ValueError, OpcError, PythonDocxError, zipfile.BadZipFile, etree.LxmlError) as err:
        raise InputError(name, f"could not be opened to add comments ({_one_line(err)}); save it again in Word as a "
                               "Word Document (.docx)") from None


def _comment(word: Any, document: Document, comments: Sequence[tuple[int, int, str]], summary: str | None,
             author: str, initials: str, name: str) -> bytes:
    from docx.text.run import Run

    tags = _tags(W_NS)
    body = word.element.body
    layout = _layout(tags, MAIN_PART, body)
    if document.text[:layout.body_end] != layout.document.text:
        raise InputError(name, "could not be given comments: python-docx reads its body differently")
    body_end = layout.body_end

    # Where each comment goes: ("range", start, end) of body text; a point "before" the character
    # at an offset; or the "start" or "end" of the body's text, for what Word cannot hold comments on.
    Anchor = tuple[str, int, int]
    anchors: list[tuple[Anchor, str]] = []
    if summary is not None:
        first = layout.document.blocks[0] if layout.document.blocks else None  # the body's first paragraph with text
        anchors.append(((("range", first.start, first.end) if first else ("end", 0, 0)), summary))
    for start, end, text in comments:
        snapped = _snap(layout, start, end) if start < body_end else None
        if snapped is not None:
            lo, hi = snapped
            anchors.append(((("range", lo, hi) if lo < hi else ("before", lo, 0)), text))
            continue
        where = document.where(start) or next((b.where for b in document.blocks if b.start >= start), None)
        if where is not None:
            quoted = " ".join(document.text[start:end].split())
            quoted = quoted if len(quoted) <= 80 else quoted[:79] + "…"
            text = f"{where[0].upper()}{where[1:]}: “{quoted}”\n{text}"
        anchors.append((("start", 0, 0) if where is not None and where.startswith("header") else ("end", 0, 0), text))

    # Split runs at every boundary, from the end so earlier offsets still name the same node.
    cuts = sorted({offset for (kind, lo, hi), _ in anchors for offset in ((lo, hi) if kind == "range" else (lo,))
                   if kind in ("range", "before")}, reverse=True)
    for offset in cuts:
        _cut_at(layout, offset, tags)
    layout = _layout(tags, MAIN_PART, body)
    starting = {piece.start: piece for piece in layout.pieces}
    ending = {piece.end: piece for piece in layout.pieces}

    for (kind, lo, hi), text in anchors:
        if kind == "range":
            runs = [starting[lo].run, ending[hi].run]
        elif kind == "before" and lo in starting:
            runs = [_empty_run(starting[lo].run, before=True)]
        elif kind == "start" and layout.pieces:
            runs = [_empty_run(layout.pieces[0].run, before=True)]
        elif layout.pieces:  # "end", or "before" the end of the body
            runs = [_empty_run(layout.pieces[-1].run, before=False)]
        else:
            runs = [_fallback_run(word, tags)]
        word.add_comment([Run(r, word) for r in runs], text=_comment_text(text), author=author, initials=initials)
    out = io.BytesIO()
    word.save(out)
    return out.getvalue()


def _snap(layout: _Layout, start: int, end: int) -> tuple[int, int] | None:
    """``[start, end)`` shrunk to the document characters in it (off the blank lines between
    blocks); None when it has none after ``start`` at all."""
    pieces, starts = layout.pieces, layout.starts
    i = bisect.bisect_right(starts, start) - 1
    if i >= 0 and start < pieces[i].end:
        lo = start
    elif i + 1 < len(pieces):
        lo = pieces[i + 1].start
    else:
        return None
    j = bisect.bisect_left(starts, end) - 1  # the last piece starting before end
    hi = min(end, pieces[j].end) if j >= 0 else lo
    return lo, max(lo, hi)


def _cut_at(layout: _Layout, offset: int, t: _Tags) -> None:
    """Make ``offset`` a run boundary: split the ``w:t`` (or the run) there, each half keeping the run's formatting."""
    i = bisect.bisect_right(layout.starts, offset) - 1
    if i < 0:
        return
    piece = layout.pieces[i]
    node = piece.node
    if offset == piece.start:
        _split_run_before(node, t)
    elif offset < piece.end:
        text = node.text or ""
        k = offset - piece.start
        tail = node.makeelement(t.t, {})
        _set_text(tail, text[k:])
        _set_text(node, text[:k])
        node.addnext(tail)
        _split_run_before(tail, t)
    elif offset == piece.end:
        following = node.getnext()
        if following is not None:
            _split_run_before(following, t)


def _split_run_before(child: _Element, t: _Tags) -> None:
    """Move ``child`` and what follows it in its run to a new run just after, with a copy of the formatting."""
    run = child.getparent()
    if all(sibling.tag == t.rPr for sibling in child.itersiblings(preceding=True)):
        return  # already the run's first content
    new = run.makeelement(run.tag, dict(run.attrib))
    properties = run.find(t.rPr)
    if properties is not None:
        new.append(copy.deepcopy(properties))
    moving = [child, *child.itersiblings()]
    for element in moving:
        new.append(element)
    run.addnext(new)


def _empty_run(beside: _Element, *, before: bool) -> _Element:
    """A run with no text next to ``beside`` (same formatting): something for a comment on a point to hold."""
    tags = _tags(W_NS)
    new = beside.makeelement(beside.tag, {})
    properties = beside.find(tags.rPr)
    if properties is not None:
        new.append(copy.deepcopy(properties))
    if before:
        beside.addprevious(new)
    else:
        beside.addnext(new)
    return new


def _fallback_run(word: Any, t: _Tags) -> _Element:
    """An empty run in the first paragraph (or a new empty one) of a body with no text."""
    paragraph = word.element.body.find(t.p)
    if paragraph is None:
        return word.add_paragraph().add_run()._r
    run = paragraph.makeelement(t.r, {})
    paragraph.append(run)
    return run


def _comment_text(text: str) -> str:
    """Comment text XML can carry (python-docx makes each line a paragraph of the comment)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return "".join(ch for ch in text if ch in "\n\t" or (ch >= " " and not 0xD800 <= ord(ch) <= 0xDFFF and ch not in "\ufffe\uffff"))
