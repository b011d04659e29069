"""Web pages (.html, .htm): the text a visitor sees, block by block.

Parsed with the standard library's :class:`html.parser.HTMLParser`: no
dependency to install, and it never refuses a page (broken markup, unclosed
tags and stray end tags are what pages are made of). On top of it a small
stack of open elements follows the browser's rules where they change what is
seen: a ``<p>`` or block closes an open ``<p>``, ``<li>`` closes ``<li>``,
``<td>`` closes ``<td>``, text after ``<head>`` content closes the head, and
script, style, template, title, textarea ... hold raw text, not markup.

What is read: the visible text of the body. Not read: ``<head>`` (so not the
title), scripts, styles, templates, ``noscript``, SVG, MathML, iframes,
objects, form fields (``select``, ``textarea``, ``input``, which hold no
prose), a ``dialog`` that is not open, and any element with the ``hidden``
attribute, ``aria-hidden="true"`` or an inline style with ``display: none``
or ``visibility: hidden``. Stylesheets are not applied (an element hidden by
its class is read), nor are images' ``alt`` texts.

Blocks (``p``, ``div``, ``li``, headings, table cells, ``blockquote``, ``pre``
...) are separate blocks; inline elements (``a``, ``span``, ``b``, ``em`` ...)
flow together. White space collapses as a browser collapses it (runs of
spaces, tabs and newlines are one space; a no-break space stays) except in
``pre``; ``<br>`` is a line break within its block; entities are decoded.

``where`` is ``paragraph N``, ``heading N``, ``list item N`` (``li``, ``dt``,
``dd``), or ``table N, row R, cell C`` (tables numbered through the page,
nested ones too), from the nearest such element around the text; paragraphs,
headings and list items are counted among those that show text.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from ..errors import InputError
from ..rules.suppressions import MARK
from .model import Document, TextBuilder

# Elements whose content is not shown.
_SKIPPED = frozenset({
    "head", "script", "style", "template", "noscript", "title", "svg", "math", "iframe", "object", "embed",
    "select", "datalist", "textarea", "noembed", "noframes", "xmp", "canvas", "audio", "video", "map",
})
# Elements whose content a browser reads as raw text or a world of its own: tags inside do not
# open or close anything outside (a "<p>" in a script or template does not end the page's <p>).
_OPAQUE = frozenset({
    "script", "style", "template", "noscript", "title", "svg", "math", "iframe", "textarea", "noembed", "noframes",
    "xmp", "object",
})
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "keygen", "basefont", "bgsound", "frame", "image",
})
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_LIST_ITEMS = frozenset({"li", "dt", "dd"})
_CELLS = frozenset({"td", "th"})
# Elements a browser lays out as blocks: text before and after one is in different blocks.
_BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "dir", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "html", "legend", "li",
    "listing", "main", "menu", "nav", "ol", "p", "plaintext", "pre", "search", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "option", "optgroup", "frameset", *_HEADINGS,
})
# A start tag of one of these closes an open <p> (HTML's "close a p element").
_CLOSES_P = frozenset({
    "address", "article", "aside", "blockquote", "center", "details", "dialog", "dir", "div", "dl", "dd", "dt",
    "fieldset", "figcaption", "figure", "footer", "form", "header", "hgroup", "hr", "li", "listing", "main", "menu",
    "nav", "ol", "p", "plaintext", "pre", "search", "section", "summary", "table", "ul", *_HEADINGS,
})
# Where the search for an element to close implicitly stops (HTML's scopes, simplified).
_SCOPE = frozenset({"html", "body", "table", "td", "th", "caption", "button", "marquee", "applet", "object", "template"})
_LIST_SCOPE = _SCOPE | {"ul", "ol", "menu", "dl"}
_TABLE_PARTS = frozenset({"tbody", "thead", "tfoot"})
_TABLE_SCOPE = frozenset({"table", "template", "html"})
# What may stand in <head>; any other start tag (or visible text) ends the head.
_IN_HEAD = frozenset({"base", "basefont", "bgsound", "link", "meta", "noframes", "script", "style", "template", "title",
                      "noscript", "head"})

# Elements open at once beyond which plain ones are not tracked (they change nothing seen):
# keeps a page of thousands of unclosed <font> tags linear.
_MAX_DEPTH = 256
_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's ASCII white space; U+00A0 and other spaces are text
_HIDING_STYLE = re.compile(r"(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*(?:hidden|collapse))\s*(?:!\s*important\s*)?(?:;|$)",
                           re.IGNORECASE)
# Kinds of a block's pieces
_TEXT, _PRE, _LINE_BREAK = 0, 1, 2


@dataclass(eq=False)
class _Table:
    number: int
    rows: int = 0
    cells: int = 0


@dataclass(eq=False)
class _Open:
    """One open element: what it is, whether its content is hidden, and its ``where`` once it has one."""

    tag: str
    hidden: bool
    pre: bool = False
    label: str | None = None
    table: _Table | None = None  # for <table>
    depth: int = 0  # nested elements of the same name inside an opaque element


@dataclass
class _Block:
    pieces: list[tuple[str, int]] = field(default_factory=list)  # (text, _TEXT or _PRE), or ("\n", _LINE_BREAK)
    owner: _Open | None = None  # the element whose where the block takes (None: a paragraph)


class _Reader(HTMLParser):
    def __init__(self, skip_quotes: bool = False) -> None:
        super().__init__(convert_charrefs=True)
        self.skip_quotes = skip_quotes  # an e-mail's HTML body: the quoted earlier message is not the writer's
        self.builder = TextBuilder()
        self.stack: list[_Open] = []
        self.block = _Block()
        self.counts = {"paragraph": 0, "heading": 0, "list item": 0, "table": 0}
        self.skip_newline = False  # the newline just after <pre> is not content
        self.heads = 0  # open <head> elements
        self.directives: list[str] = []  # plainspeak suppression comments waiting for the next block

    # --- suppression comments: kept, so they work on a page as in Markdown

    def handle_comment(self, data: str) -> None:
        """A ``<!-- plainspeak-disable... -->`` comment stays in the text, on the line
        before the next block's first line, so ``disable-next-line`` covers that
        block's first line and ``disable``/``enable`` start where the writer put them
        (the text's comments are masked as non-prose, never checked)."""
        if data.strip().startswith(MARK) and "\n" not in data and "-->" not in data:
            self._flush()
            self.directives.append(f"<!--{data}-->")

    # --- the element stack

    def _hidden(self) -> bool:
        return bool(self.stack) and self.stack[-1].hidden

    def _opaque(self) -> _Open | None:
        # nothing is opened inside an opaque element, so an open one is always the innermost
        return self.stack[-1] if self.stack and self.stack[-1].tag in _OPAQUE else None

    def _find(self, tags: frozenset[str] | set[str], scope: frozenset[str]) -> int | None:
        """Index of the nearest open element named in ``tags``, not looking past ``scope``."""
        for i in range(len(self.stack) - 1, -1, -1):
            tag = self.stack[i].tag
            if tag in tags:
                return i
            if tag in scope:
                return None
        return None

    def _close_at(self, index: int) -> None:
        closing = self.stack[index:]
        if any(e.tag in _BLOCKS and not e.hidden for e in closing):
            self._flush()
        self.heads -= sum(e.tag == "head" for e in closing)
        del self.stack[index:]

    def _close(self, tags: frozenset[str] | set[str], scope: frozenset[str] = _SCOPE) -> None:
        index = self._find(tags, scope)
        if index is not None:
            self._close_at(index)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._start(tag, attrs, self_closing=False)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        # "<div/>" opens a div in HTML (the slash means nothing), but closes itself in SVG and MathML.
        self._start(tag, attrs, self_closing=tag in _VOID or self._opaque() is not None)

    def _start(self, tag: str, attrs: list[tuple[str, str | None]], *, self_closing: bool) -> None:
        opaque = self._opaque()
        if opaque is not None:  # raw text or foreign content: only nesting of the same element matters
            if tag == opaque.tag and not self_closing:
                opaque.depth += 1
            return
        if tag == "br":
            if not self._hidden():
                self._text("\n", _LINE_BREAK)
            return
        self._implied_ends(tag)
        hidden = self._hidden() or tag in _SKIPPED or _hides(attrs) or (self.skip_quotes and _quotes(tag, attrs)) or (
            tag == "dialog" and all(key != "open" for key, _ in attrs))  # a dialog shows only when opened
        if tag in _BLOCKS and not hidden:  # a hidden block makes no box: the text around it flows on
            self._flush()
        if tag in _VOID or self_closing:
            return
        if len(self.stack) >= _MAX_DEPTH and not (hidden and not self._hidden()) and tag not in _OPAQUE:
            return
        element = _Open(tag, hidden, pre=tag in ("pre", "listing", "plaintext") or (bool(self.stack) and self.stack[-1].pre))
        if tag == "table" and not hidden:
            self.counts["table"] += 1
            element.table = _Table(self.counts["table"])
        elif tag == "tr":
            table = self._table()
            if table is not None:
                table.rows += 1
                table.cells = 0
        elif tag in _CELLS:
            table = self._table()
            if table is not None:
                table.rows = table.rows or 1  # a cell outside a row is in an implied first row
                table.cells += 1
                element.label = f"table {table.number}, row {table.rows}, cell {table.cells}"
        self.stack.append(element)
        self.heads += tag == "head"
        if tag in ("pre", "listing"):
            self.skip_newline = True

    def _implied_ends(self, tag: str) -> None:
        """Close what a browser closes when ``tag`` starts."""
        if self.heads and tag not in _IN_HEAD:
            self._close({"head"}, frozenset({"html"}))
        if tag in _CLOSES_P:
            self._close({"p"})
        if tag == "li":
            self._close({"li"}, _LIST_SCOPE)
        elif tag in ("dt", "dd"):
            self._close({"dt", "dd"}, _LIST_SCOPE)
        elif tag in _HEADINGS and self.stack and self.stack[-1].tag in _HEADINGS:
            self._close_at(len(self.stack) - 1)
        elif tag in _CELLS:
            self._close(_CELLS, _TABLE_SCOPE | {"tr"})
        elif tag == "tr":  # ends the open row (and its cells), or a cell that had no row
            self._close_first(({"tr"}, _CELLS))
        elif tag in _TABLE_PARTS:
            self._close_first((_TABLE_PARTS, {"tr"}, _CELLS))
        elif tag in ("option", "optgroup"):
            self._close({"option"}, _SCOPE)

    def _close_first(self, candidates: tuple[frozenset[str] | set[str], ...]) -> None:
        """Close the nearest open element of the first kind that has one in this table."""
        for tags in candidates:
            index = self._find(tags, _TABLE_SCOPE)
            if index is not None:
                self._close_at(index)
                return

    def _table(self) -> _Table | None:
        for element in reversed(self.stack):
            if element.tag == "table":
                return element.table
        return None

    def handle_endtag(self, tag: str) -> None:
        opaque = self._opaque()
        if opaque is not None:
            if tag != opaque.tag:
                return
            if opaque.depth:
                opaque.depth -= 1
                return
        if tag == "br":  # "</br>" is a <br> to a browser
            self._start("br", [], self_closing=True)
            return
        if tag == "p" and self._find({"p"}, _SCOPE) is None:
            self._flush()  # a stray </p> makes an empty paragraph: a break
            return
        if tag in ("body", "html"):  # closes nothing: text after </body> is still in the body, in its paragraph
            return
        index = self._find({tag}, _end_scope(tag))
        if index is not None:  # else a stray end tag, which browsers ignore
            self._close_at(index)

    # --- text

    def handle_data(self, data: str) -> None:
        if not data:
            return
        if self.skip_newline:
            self.skip_newline = False
            if data.startswith("\r\n"):
                data = data[2:]
            elif data.startswith(("\n", "\r")):
                data = data[1:]
        if self.stack and self.stack[-1].tag == "head" and data.strip(" \t\n\r\f"):
            self._close({"head"}, frozenset({"html"}))  # text in the head starts the body
        data = data.replace("\u00ad", "")  # &shy; only marks where a word may break
        if self._hidden() or not data:
            return
        self._text(data, _PRE if self.stack and self.stack[-1].pre else _TEXT)

    def _text(self, data: str, kind: int) -> None:
        if not self.block.pieces:
            self.block.owner = self._owner()
        self.block.pieces.append((data, kind))

    def _owner(self) -> _Open | None:
        for element in reversed(self.stack):
            if element.tag in _HEADINGS or element.tag in _LIST_ITEMS or element.label is not None:
                return element
        return None

    def _flush(self) -> None:
        self.skip_newline = False
        block, self.block = self.block, _Block()
        text = _collapse(block.pieces)
        if not text.strip():
            return
        if self.directives:
            text = "\n".join(self.directives) + "\n" + text
            self.directives.clear()
        owner = block.owner
        if owner is None:
            self.counts["paragraph"] += 1
            where = f"paragraph {self.counts['paragraph']}"
        else:
            if owner.label is None:
                kind = "heading" if owner.tag in _HEADINGS else "list item"
                self.counts[kind] += 1
                owner.label = f"{kind} {self.counts[kind]}"
            where = owner.label
        self.builder.add(text, where)

    def finish(self, fmt: str) -> Document:
        self.close()
        self._flush()
        if self.directives:  # after the last block: an enable, say
            self.builder.add("\n".join(self.directives), "comment")
            self.directives.clear()
        return self.builder.build(fmt)


def _end_scope(tag: str) -> frozenset[str]:
    """What an end tag cannot close through (HTML ignores "</span>" with a <div> open inside the span,
    and "</div>" with a table cell open inside the div)."""
    if tag == "template":
        return frozenset()
    if tag == "table":
        return frozenset({"template", "html"})
    if tag in ("tr", "td", "th", "caption") or tag in _TABLE_PARTS:
        return _TABLE_SCOPE
    if tag in _LIST_ITEMS:
        return _LIST_SCOPE
    if tag in _BLOCKS:
        return _SCOPE
    return _BLOCKS | {"template"}


# How mail clients mark the earlier message in a reply: Gmail, Thunderbird, Yahoo, Outlook, Apple Mail.
_QUOTE_CLASSES = frozenset({"gmail_quote", "gmail_attr", "moz-cite-prefix", "yahoo_quoted", "ydp_quoted"})
_QUOTE_IDS = frozenset({"divrplyfwdmsg", "appendonsend", "mail-editor-reference-message-container"})


def _quotes(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    """An element of an e-mail's HTML body that holds the message being replied to."""
    if tag == "blockquote":
        return True
    for key, value in attrs:
        if key == "class" and value and _QUOTE_CLASSES.intersection(value.lower().split()):
            return True
        if key == "id" and value and value.lower() in _QUOTE_IDS:
            return True
    return False


def _hides(attrs: list[tuple[str, str | None]]) -> bool:
    for key, value in attrs:
        if key == "hidden":
            return True
        if key == "aria-hidden" and (value or "").strip().lower() == "true":
            return True
        if key == "style" and value and _HIDING_STYLE.search(value):
            return True
        if key == "type" and (value or "").strip().lower() == "hidden":
            return True
    return False


def _collapse(pieces: list[tuple[str, int]]) -> str:
    """A block's text as a browser shows it: white space collapsed outside <pre>, none at the ends
    or around a line break."""
    out: list[str] = []
    for text, kind in pieces:
        if kind == _LINE_BREAK:
            while out and out[-1] == " ":
                out.pop()
            out.append("\n")
        elif kind == _PRE:
            out.append(text)
        else:
            for i, part in enumerate(_SPACE.split(text)):
                if i and out and out[-1] not in (" ", "\n"):  # white space stood before this part
                    out.append(" ")
                if part:
                    out.append(part)
    return "".join(out).strip(" \t\n\r\f")


def html_to_document(html: str, fmt: str = "html", *, name: str = "HTML", skip_quotes: bool = False) -> Document:
    """The visible text of an HTML page (or an e-mail's HTML body), as a document of format ``fmt``;
    ``skip_quotes`` leaves out what mail clients mark as the quoted earlier message."""
    reader = _Reader(skip_quotes)
    try:
        reader.feed(html)
        return reader.finish(fmt)
    except RecursionError:
        raise InputError(name, "is nested too deeply to read") from None
    except Exception as err:  # the parser is tolerant; anything else is a bug we must not show as a traceback
        raise InputError(name, f"could not be read as HTML ({type(err).__name__})") from None


def read(data: bytes, name: str) -> Document:
    """The visible text of a web page: see the module's notes."""
    return html_to_document(decode(data, name), "html", name=name)


# --------------------------------------------------------------------------------------------
# Character set

_BOMS = ((b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))
_META_CHARSET = re.compile(rb"""<meta\s[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9_.:\-]+)""")
# What browsers read a label as (the WHATWG Encoding standard): Latin-1 and ASCII are Windows-1252,
# and a page that says UTF-16 without a byte-order mark is not UTF-16.
_LABELS = {"iso-8859-1": "cp1252", "latin-1": "cp1252", "latin1": "cp1252", "us-ascii": "cp1252", "ascii": "cp1252",
           "iso8859-1": "cp1252", "l1": "cp1252", "iso-8859-9": "cp1254", "utf-16": "utf-8", "utf-16le": "utf-8",
           "utf-16be": "utf-8", "x-user-defined": "cp1252"}


def decode(data: bytes, name: str) -> str:
    """The page's text: by its byte-order mark, else the charset it declares in its first 4 KB,
    else UTF-8, else the detector's guess (Windows-1252 where that reads it as well)."""
    for bom, codec in _BOMS:
        if data.startswith(bom):
            return data[len(bom):].decode(codec, errors="replace")
    if b"\x00" in data[:4096]:
        raise InputError(name, "is not a web page (it holds binary data)")
    declared = _declared(data[:4096])
    if declared is not None:
        try:
            return data.decode(declared)
        except UnicodeDecodeError:
            pass  # mislabelled: try what it more likely is
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    return data.decode(_guess(data), errors="replace")


def _declared(head: bytes) -> str | None:
    match = _XML_ENCODING.match(head) or _META_CHARSET.search(head)
    if match is None:
        return None
    label = match.group(1).decode("ascii").lower()
    label = _LABELS.get(label, label)
    try:
        info = codecs.lookup(label)
    except LookupError:
        return None
    if not getattr(info, "_is_text_encoding", True):
        return None
    return info.name


def _guess(data: bytes) -> str:
    import charset_normalizer

    sample = data[:65536]
    matches = charset_normalizer.from_bytes(sample)
    best = matches.best()
    try:
        sample.decode("cp1252")
    except UnicodeDecodeError:
        return best.encoding if best is not None else "cp1252"
    if best is None or any(m.encoding == "cp1252" and m.chaos <= best.chaos + 0.01 for m in matches):
        return "cp1252"  # what Western pages that are not UTF-8 almost always are
    return best.encoding
