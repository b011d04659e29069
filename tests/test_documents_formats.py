"""OpenDocument, PDF, RTF and HTML: the text read from each, where each block came from,
and a one-line reason for every file that cannot be read.

Every document is built here in memory (ODT as a ZIP of hand-written XML, PDF
written object by object with its cross-reference table), so the tests need
no fixture files and no office suite.
"""

from __future__ import annotations

import html as html_module
import io
import logging
import re
import zipfile

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainspeak.documents import Document, html, odt, pdf, read_document, rtf
from plainspeak.errors import InputError


def blocks(document: Document) -> list[tuple[str, str]]:
    """(where, text) of each block, checking that the blocks tile the text in order."""
    out = []
    position = 0
    for block in document.blocks:
        assert position <= block.start <= block.end <= len(document.text)
        assert document.text[position:block.start].strip() == ""  # only separators between blocks
        out.append((block.where, document.text[block.start:block.end]))
        position = block.end
    assert document.text[position:].strip() == ""
    return out


def reason(reader, data: bytes, name: str = "f") -> str:
    with pytest.raises(InputError) as caught:
        reader(data, name)
    message = str(caught.value)
    assert message.startswith(f"{name}: ") and "\n" not in message
    return caught.value.reason


# --------------------------------------------------------------------------------------------
# OpenDocument

ODT_NAMESPACES = (
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
    'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
    'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" '
    'xmlns:draw="urn:oasis:names:tc:opendocument:xmlns:drawing:1.0" '
    'xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" '
    'xmlns:dc="http://purl.org/dc/elements/1.1/"'
)
TEXT_MIMETYPE = "application/vnd.oasis.opendocument.text"


def manifest_xml(extra: str = "", mimetype: str = TEXT_MIMETYPE) -> str:
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">'
        f'<manifest:file-entry manifest:full-path="/" manifest:media-type="{mimetype}"/>'
        f'<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml">{extra}</manifest:file-entry>'
        "</manifest:manifest>"
    )


def make_odt(body: str, *, styles: str | None = None, automatic_styles: str = "", mimetype: str | None = TEXT_MIMETYPE,
             manifest: str | None = None, content: str | None = None) -> bytes:
    """An .odt: mimetype (stored first, as the format asks), content.xml, the manifest, and styles.xml if given."""
    if content is None:
        content = (f'<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content {ODT_NAMESPACES} office:version="1.3">'
                   f"<office:automatic-styles>{automatic_styles}</office:automatic-styles>"
                   f"<office:body><office:text>{body}</office:text></office:body></office:document-content>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype is not None:
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", manifest if manifest is not None else manifest_xml(),
                         compress_type=zipfile.ZIP_DEFLATED)
        if styles is not None:
            archive.writestr("styles.xml", f'<?xml version="1.0" encoding="UTF-8"?>\n'
                                           f'<office:document-styles {ODT_NAMESPACES}>{styles}</office:document-styles>')
    return buffer.getvalue()


def test_odt_paragraphs_headings_and_lists_in_reading_order():
    document = odt.read(make_odt(
        '<text:h text:outline-level="1">Your visit</text:h>'
        "<text:p>We will <text:span>utilize</text:span> the <text:a>portal</text:a>.</text:p>"
        "<text:p/>"  # an empty paragraph still counts, as it does for a person counting down the page
        "<text:list><text:list-item><text:p>Bring your ID.</text:p>"
        "<text:list><text:list-item><text:p>And your card.</text:p></text:list-item></text:list></text:list-item></text:list>"
        '<text:section text:name="S"><text:p>In a section.</text:p></text:section>'
    ), "a.odt")
    assert document.format == "odt"
    assert blocks(document) == [
        ("paragraph 1", "Your visit"),
        ("paragraph 2", "We will utilize the portal."),
        ("paragraph 4", "Bring your ID."),
        ("paragraph 5", "And your card."),
        ("paragraph 6", "In a section."),
    ]
    assert document.text == "Your visit\n\nWe will utilize the portal.\n\nBring your ID.\n\nAnd your card.\n\nIn a section."


def test_odt_spaces_tabs_and_line_breaks():
    document = odt.read(make_odt(
        "<text:p>\n   Two<text:s/> spaces,<text:s text:c=\"3\"/>four;\n  a<text:tab/>tab and a<text:line-break/>break"
        "<text:soft-page-break/> here.   </text:p>"
    ), "a.odt")
    assert blocks(document) == [("paragraph 1", "Two  spaces,   four; a\ttab and a\nbreak here.")]


def test_odt_tables_count_rows_and_cells_and_nest():
    document = odt.read(make_odt(
        "<text:p>Before.</text:p>"
        "<table:table><table:table-column/><table:table-header-rows><table:table-row>"
        "<table:table-cell><text:p>Name</text:p></table:table-cell><table:table-cell><text:p>Date</text:p></table:table-cell>"
        "</table:table-row></table:table-header-rows>"
        '<table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>Merged</text:p></table:table-cell>'
        "<table:covered-table-cell/></table:table-row>"
        "<table:table-row><table:table-cell><text:p>A3</text:p><text:p>Second paragraph</text:p></table:table-cell>"
        "<table:table-cell><table:table><table:table-row><table:table-cell><text:p>Inner</text:p></table:table-cell>"
        "</table:table-row></table:table></table:table-cell></table:table-row></table:table>"
        "<text:p>After.</text:p>"
        "<table:table><table:table-row><table:table-cell><text:p>Second table</text:p></table:table-cell></table:table-row></table:table>"
    ), "a.odt")
    assert blocks(document) == [
        ("paragraph 1", "Before."),
        ("table 1, row 1, cell 1", "Name"),
        ("table 1, row 1, cell 2", "Date"),
        ("table 1, row 2, cell 1", "Merged"),
        ("table 1, row 3, cell 1", "A3"),
        ("table 1, row 3, cell 1", "Second paragraph"),
        ("table 1, row 3, cell 2, table 1, row 1, cell 1", "Inner"),
        ("paragraph 2", "After."),  # a table's paragraphs are not in the count
        ("table 2, row 1, cell 1", "Second table"),
    ]


def test_odt_leaves_out_deletions_comments_and_hidden_text_and_moves_notes_to_the_end():
    document = odt.read(make_odt(
        '<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><office:change-info>'
        "<dc:creator>A</dc:creator></office:change-info><text:p>deleted words</text:p></text:deletion></text:changed-region>"
        "</text:tracked-changes>"
        '<text:table-of-content><text:index-body><text:p>Your visit ... 1</text:p></text:index-body></text:table-of-content>'
        "<text:p>We will utilize"
        '<text:note text:id="n1" text:note-class="footnote"><text:note-citation>1</text:note-citation>'
        "<text:note-body><text:p>A footnote.</text:p></text:note-body></text:note>"
        ' the portal.<office:annotation><dc:creator>B</dc:creator><text:p>A comment</text:p></office:annotation>'
        '<text:change text:change-id="c1"/> Then<text:span text:style-name="T1"> secret</text:span>'
        '<text:hidden-text text:condition="true" text:string-value="x" text:is-hidden="true">hidden field</text:hidden-text> go.'
        '<text:note text:note-class="endnote"><text:note-citation>i</text:note-citation>'
        "<text:note-body><text:p>An endnote.</text:p></text:note-body></text:note></text:p>",
        automatic_styles='<style:style style:name="T1" style:family="text" style:parent-style-name="Hidden"/>',
        styles='<office:styles><style:style style:name="Hidden" style:family="text">'
               '<style:text-properties text:display="none"/></style:style></office:styles>'
               '<office:master-styles><style:master-page style:name="Standard">'
               "<style:header><text:p>Clinic letterhead</text:p></style:header>"
               "<style:header-left><text:p>Clinic letterhead</text:p></style:header-left>"
               "<style:footer><text:p>Page footer</text:p></style:footer></style:master-page></office:master-styles>",
    ), "a.odt")
    assert blocks(document) == [
        ("paragraph 1", "We will utilize the portal. Then go."),
        ("header", "Clinic letterhead"),  # the same header on left pages is read once
        ("footer", "Page footer"),
        ("footnote 1", "A footnote."),
        ("endnote i", "An endnote."),
    ]
    assert document.notes == ("left out 1 tracked deletion", "left out 1 existing comment",
                              "left out 2 stretches of hidden text")


def test_odt_text_boxes_follow_their_paragraph():
    document = odt.read(make_odt(
        '<text:p>See the picture<draw:frame draw:name="F" svg:width="2in"><draw:text-box>'
        "<text:p>Illustration 1: the clinic</text:p></draw:text-box></draw:frame> below.</text:p><text:p>Next.</text:p>"
    ), "a.odt")
    assert blocks(document) == [
        ("paragraph 1", "See the picture below."),
        ("text box", "Illustration 1: the clinic"),
        ("paragraph 2", "Next."),
    ]


def test_odt_through_read_document_uses_the_suffix():
    document = read_document(make_odt("<text:p>Hello there.</text:p>"), name="a.odt", suffix=".ODT")
    assert document.text == "Hello there." and document.where(0) == "paragraph 1"


@pytest.mark.parametrize(("data", "expected"), [
    (b"this is not a zip", "is not a valid OpenDocument text file (it is damaged, or not really an .odt file)"),
    (make_odt("", content=None, mimetype="application/vnd.oasis.opendocument.spreadsheet"),
     "is not an OpenDocument text file (it is an OpenDocument spreadsheet)"),
    (make_odt("<text:p>x</text:p>", content="<?xml version='1.0'?><office:document-content "
              'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"><office:body><office:text>'
              "<unclosed></office:text></office:body></office:document-content>"),
     "is damaged: content.xml is not well-formed XML"),
    (make_odt("<text:p>x</text:p>", manifest=manifest_xml(
        '<manifest:encryption-data manifest:checksum-type="SHA1/1K" manifest:checksum="x">'
        '<manifest:algorithm manifest:algorithm-name="Blowfish CFB" manifest:initialisation-vector="x"/>'
        "</manifest:encryption-data>")),
     "is password-protected (encrypted)"),
])
def test_odt_refusals(data, expected):
    assert reason(odt.read, data, "a.odt").startswith(expected)


def test_odt_without_content_xml_or_with_a_word_document_inside():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("mimetype", TEXT_MIMETYPE)
    assert reason(odt.read, buffer.getvalue()).startswith("lacks its content.xml part")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "it is a Word document" in reason(odt.read, buffer.getvalue())


def test_odt_with_a_manifest_lacking_its_namespace_is_still_read():
    # some of LibreOffice's own templates ship one; the manifest is only read to find encryption
    broken = '<?xml version="1.0"?><manifest:manifest><manifest:file-entry manifest:full-path="/"/></manifest:manifest>'
    assert odt.read(make_odt("<text:p>Hello.</text:p>", manifest=broken), "a.odt").text == "Hello."


def test_odt_entities_are_not_expanded():
    content = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY big "{"x" * 50}">]>'
               f"<office:document-content {ODT_NAMESPACES}><office:body><office:text>"
               "<text:p>A &big; B</text:p></office:text></office:body></office:document-content>")
    document = odt.read(make_odt("", content=content), "a.odt")
    assert "x" * 50 not in document.text


# --------------------------------------------------------------------------------------------
# PDF


def make_pdf(pages: list[list[list[str] | tuple[int, list[str]]] | None], *, size: int = 12) -> bytes:
    """A minimal PDF: each page a list of paragraphs (lists of lines, or (font size, lines)) in
    Helvetica, one text object per line ("BT /F1 12 Tf 72 720 Td (text) Tj ET"), lines 1.2 sizes
    apart and a blank line between paragraphs; None is a page with only a drawn rectangle (no text)."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog, tree = add(b""), add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for paragraphs in pages:
        operations = []
        if paragraphs is None:
            operations.append("0 0 1 RG 100 100 200 200 re S")
        else:
            y = 720
            for paragraph in paragraphs:
                points, lines = paragraph if isinstance(paragraph, tuple) else (size, paragraph)
                for line in lines:
                    escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                    operations.append(f"BT /F1 {points} Tf 72 {y} Td ({escaped}) Tj ET")
                    y -= round(points * 1.2)
                y -= round(points * 1.2)
        stream = "\n".join(operations).encode("cp1252")
        contents = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> "
                        b"/Contents %d 0 R >>" % (tree, font, contents)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


TWO_PAGES = [
    [["We will utilize the portal to help you", "move to the new program."], ["Bring your ID (and your card)."]],
    [["Call us with questions."]],
]


def test_pdf_pages_and_paragraphs():
    document = pdf.read(make_pdf(TWO_PAGES), "a.pdf")
    assert document.format == "pdf"
    assert blocks(document) == [
        ("page 1", "We will utilize the portal to help you\nmove to the new program."),
        ("page 1", "Bring your ID (and your card)."),
        ("page 2", "Call us with questions."),
    ]
    assert document.notes == ()


def test_pdf_heading_in_a_larger_font_and_sentences_spaced_wide():
    data = make_pdf([[(18, ["Your visit"]), ["Come at nine on Monday. We will", "see you then."]]])
    assert [text for _, text in blocks(pdf.read(data, "a.pdf"))] == ["Your visit", "Come at nine on Monday. We will\nsee you then."]
    # every line spaced wide (double spacing): a line ends a paragraph only where a sentence ends
    spaced = make_pdf([[["Come at nine on Monday. We will"], ["see you then."], ["Bring your card."]]])
    assert [text for _, text in blocks(pdf.read(spaced, "a.pdf"))] == [
        "Come at nine on Monday. We will\nsee you then.", "Bring your card."]


def test_pdf_without_text_is_refused_as_scanned():
    assert reason(pdf.read, make_pdf([None, None]), "scan.pdf") == (
        "has no text layer (a scanned PDF?): plainspeak reads typed text only; run it through OCR first")


def test_pdf_blank_page_among_typed_ones_is_a_note():
    document = pdf.read(make_pdf([[["First page."]], None, [["Third page."]]]), "a.pdf")
    assert blocks(document) == [("page 1", "First page."), ("page 3", "Third page.")]
    assert document.notes == ("page 2 has no text (blank, or scanned images)",)


def _encrypted(user_password: str) -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf(TWO_PAGES))))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")  # RC4 needs no crypto library
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def test_pdf_with_a_password_is_refused_and_one_without_is_read():
    assert reason(pdf.read, _encrypted("secret")).startswith("is password-protected")
    assert pdf.read(_encrypted(""), "a.pdf").text == pdf.read(make_pdf(TWO_PAGES), "a.pdf").text


def test_pdf_needing_a_missing_crypto_library_says_so(monkeypatch):
    from pypdf import PdfReader
    from pypdf.errors import DependencyError

    def decrypt(self, password):
        raise DependencyError("cryptography>=3.1 is required for AES algorithm")

    monkeypatch.setattr(PdfReader, "decrypt", decrypt)
    assert "cryptography" in reason(pdf.read, _encrypted(""))


@pytest.mark.parametrize("data", [
    b"\x00\x01 garbage bytes, not a PDF at all" * 20,
    b"%PDF-1.7\nthe header and nothing else",
    make_pdf(TWO_PAGES)[:300],
])
def test_pdf_damaged_or_not_a_pdf(data, caplog):
    with caplog.at_level(logging.DEBUG):
        assert reason(pdf.read, data).startswith("is not a valid PDF (it is damaged")
    assert not [r for r in caplog.records if r.name.startswith("pypdf")]  # nothing printed


# --------------------------------------------------------------------------------------------
# RTF

RTF = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0 Times New Roman;}}{\colortbl;\red0\green0\blue0;}"
       r"{\header Clinic letterhead\par}"
       "\n"
       r"\pard Caf\'e9 visit \u8212? today{\footnote A footnote.}\par"
       "\n"
       r"\pard\par"
       "\n"
       r"\pard We will {\b utilize} the portal{\v  hidden words}.{\deleted  Gone.} Then\line a new line.\par"
       "\n"
       r'{\field{\*\fldinst{HYPERLINK "http://example.org"}}{\fldrslt{Our site}}} is open.\par'
       "\n"
       r"\trowd\cellx2000\cellx4000\pard\intbl Name\cell Date\cell\row"
       r"\trowd\cellx2000\cellx4000\pard\intbl First\par\pard\intbl second\cell Monday\cell\row"
       "\n"
       r"\pard After the table \u55357\u56832?.\par}")


def test_rtf_paragraphs_tables_and_what_is_left_out():
    document = rtf.read(RTF.encode("ascii"), "a.rtf")
    assert document.format == "rtf"
    assert blocks(document) == [
        ("paragraph 1", "Café visit — today"),
        ("paragraph 3", "We will utilize the portal. Then\na new line."),
        ("paragraph 4", "Our site is open."),
        ("table 1, row 1, cell 1", "Name"),
        ("table 1, row 1, cell 2", "Date"),
        ("table 1, row 2, cell 1", "First"),
        ("table 1, row 2, cell 1", "second"),
        ("table 1, row 2, cell 2", "Monday"),
        ("paragraph 5", "After the table 😀."),
    ]


def test_rtf_code_page_and_raw_8bit_bytes():
    assert rtf.read(rb"{\rtf1\ansi\ansicpg1251 \'cf\'f0\'e8\'e2\'e5\'f2\par}", "a.rtf").text == "Привет"
    assert rtf.read("{\\rtf1\\ansi caf\u00e9 cr\u00e8me\\par}".encode("cp1252"), "a.rtf").text == "café crème"
    assert rtf.read("{\\rtf1\\ansi caf\u00e9\\par}".encode(), "a.rtf").text == "café"


@pytest.mark.parametrize("data", [b"Just text.", b"<html>no</html>", b"PK\x03\x04zip"])
def test_rtf_refuses_what_is_not_rtf(data):
    assert reason(rtf.read, data) == "is not an RTF document"


def test_rtf_damaged_is_one_line():
    assert reason(rtf.read, rb"{\rtf1 {\pict\bin text}}").startswith("is damaged")


# --------------------------------------------------------------------------------------------
# HTML


def read_html(markup: str) -> Document:
    return html.read(markup.encode("utf-8"), "page.html")


def test_html_visible_text_only():
    document = read_html(
        "<!DOCTYPE html><html><head><title>Not read</title><meta charset=utf-8><style>p { color: red }</style>"
        "<script>var utilize = 1; if (a < b) {}</script></head><body>"
        "<noscript><p>Turn on scripts</p></noscript><template><p>Template</p></template>"
        "<h1>Your   visit</h1>"
        "<p>We will <b>utilize</b> the <a href='#'>portal</a>&nbsp;&amp; more&hellip;<span hidden>no</span>"
        "<span aria-hidden=\"true\">no</span><span style='color: red; display : none'>no</span>"
        "<em style='visibility:hidden'>no</em> Yes.</p>"
        "<div hidden><p>Hidden block</p></div><svg><text>Chart</text></svg>"
        "<form><input type=hidden value=token><select><option>Choice</option></select></form>"
        "<p>Line one<br>line two<br/>\n  line three</p>"
        "<ul><li>First<li>Second <p>inside</p></ul>"
        "<table><tr><th>Name<th>Date</tr><tr><td>Intake</td><td>Monday</td></tr></table>"
        "<pre>  keep   this\n  spacing</pre>"
        "</body></html>")
    assert blocks(document) == [
        ("heading 1", "Your visit"),
        ("paragraph 1", "We will utilize the portal\xa0& more… Yes."),
        ("paragraph 2", "Line one\nline two\nline three"),
        ("list item 1", "First"),
        ("list item 2", "Second"),
        ("list item 2", "inside"),
        ("table 1, row 1, cell 1", "Name"),
        ("table 1, row 1, cell 2", "Date"),
        ("table 1, row 2, cell 1", "Intake"),
        ("table 1, row 2, cell 2", "Monday"),
        ("paragraph 3", "keep   this\n  spacing"),
    ]


def test_html_broken_markup_is_read_as_a_browser_would():
    document = read_html("<p>One <b>bold<p>Two</i> unclosed <p hidden>Secret<p>Three</div></span>"
                         "<table><td>Cell without row<td>Next</table>Tail & text < here")
    assert blocks(document) == [
        ("paragraph 1", "One bold"),
        ("paragraph 2", "Two unclosed"),  # a new <p> closes the open one, and the hidden one
        ("paragraph 3", "Three"),
        ("table 1, row 1, cell 1", "Cell without row"),
        ("table 1, row 1, cell 2", "Next"),
        ("paragraph 4", "Tail & text < here"),
    ]


@pytest.mark.parametrize(("markup", "expected"), [
    ("<table><tr><td>a<td>b<tr><td>c<td>d</table>", [("table 1, row 1, cell 1", "a"), ("table 1, row 1, cell 2", "b"),
                                                     ("table 1, row 2, cell 1", "c"), ("table 1, row 2, cell 2", "d")]),
    ("<table><tr><td>x<table><tr><td>in</table>y</table><table><tr><td>z</table>",
     [("table 1, row 1, cell 1", "x"), ("table 2, row 1, cell 1", "in"), ("table 1, row 1, cell 1", "y"),
      ("table 3, row 1, cell 1", "z")]),
    ("<span hidden><div>x</span>y</div>z", []),  # "</span>" cannot close the div: all of it stays hidden
    ("<div><span>one <div>two</span> three</div></div>", [("paragraph 1", "one"), ("paragraph 2", "two three")]),
    ("<ul><li>a<ul><li>b</li></ul>c</li></ul><ol><li>d</ol>",
     [("list item 1", "a"), ("list item 2", "b"), ("list item 1", "c"), ("list item 3", "d")]),
    ("<dialog><p>Closed dialog</p></dialog><dialog open><p>Open dialog</p></dialog>", [("paragraph 1", "Open dialog")]),
    ("<p>Text</body> after the body</html>", [("paragraph 1", "Text after the body")]),
])
def test_html_structure(markup, expected):
    assert blocks(read_html(markup)) == expected


def test_html_text_in_an_unclosed_head_starts_the_body():
    document = read_html("<html><head><title>T</title><meta name=x>Stray words<p>After</p>")
    assert [text for _, text in blocks(document)] == ["Stray words", "After"]


@pytest.mark.parametrize(("data", "expected"), [
    ('<meta charset="windows-1252"><p>Caf\xe9 \x93quoted\x94</p>'.encode("latin-1"), "Café “quoted”"),
    ('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>\x93Hi\x94</p>'.encode("latin-1"), "“Hi”"),
    ("<p>Café — ok</p>".encode(), "Café — ok"),
    ("\ufeff<p>Café</p>".encode("utf-16-le"), "Café"),
    ("<p>Caf\u00e9 cr\u00e8me, d\u00e9j\u00e0 vu, \u201cquoted\u201d</p>".encode("cp1252"), "Café crème, déjà vu, “quoted”"),
    ('<meta charset="utf-8"><p>Mislabelled caf\u00e9 cr\u00e8me \u201cquoted\u201d</p>'.encode("cp1252"),
     "Mislabelled café crème “quoted”"),
])
def test_html_character_sets(data, expected):
    assert html.read(data, "page.html").text == expected


def test_html_binary_is_refused():
    assert reason(html.read, b"\x00\x01\x02\x03 binary", "page.html") == "is not a web page (it holds binary data)"


def test_html_to_document_for_mail_bodies():
    document = html.html_to_document("<div>Hi Sam,</div><div><br></div><div>See you <i>Monday</i>.</div>", "eml")
    assert document.format == "eml"
    assert blocks(document) == [("paragraph 1", "Hi Sam,"), ("paragraph 2", "See you Monday.")]


# Paragraph text: words of any script, emoji, the characters HTML escapes, and white space to collapse.
# (Soft hyphens are dropped by the reader, as a browser shows none: tested apart.)
_WORD = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\xad")
                | st.sampled_from("&<>\"';é😀\xa0"),
                min_size=1, max_size=8)
_PARAGRAPH = st.lists(st.tuples(_WORD, st.sampled_from([" ", "  ", "\n", "\t ", " \r\n "])), min_size=1, max_size=8)
_INLINE = ["b", "i", "em", "strong", "a", "span", "code", "small", "u"]
_HIDDEN = [
    "<span hidden>{}</span>", '<span aria-hidden="true">{}</span>', '<b style="display:none">{}</b>',
    '<i style="visibility: hidden">{}</i>', "<script>{}</script>", "<style>{}</style>", "<template><p>{}</p></template>",
    "<!-- {} -->", "<noscript>{}</noscript>",
]


def _collapse(text: str) -> str:
    return re.sub(r"[ \t\n\r\f]+", " ", text).strip(" \t\n\r\f")


@st.composite
def _page(draw):
    paragraphs = draw(st.lists(_PARAGRAPH, min_size=1, max_size=5))
    parts, expected = [], []
    for paragraph in paragraphs:
        text = "".join(word + space for word, space in paragraph)
        markup = []
        for word, space in paragraph:
            piece = html_module.escape(word)
            if draw(st.booleans()):
                tag = draw(st.sampled_from(_INLINE))
                piece = f"<{tag}>{piece}</{tag}>"
            hidden = ""
            if draw(st.integers(0, 3)) == 0:
                secret = html_module.escape(draw(_WORD)).replace("--", "")
                hidden = draw(st.sampled_from(_HIDDEN)).format(secret)
            # hidden text inside a word, or between words: either way it leaves no trace
            markup.append(piece + hidden + space if draw(st.booleans()) else piece + space + hidden)
        parts.append(f"<p>{''.join(markup)}</p>")
        if draw(st.booleans()):
            parts.append(draw(st.sampled_from(["\n", "<div hidden><p>gone</p></div>", "<script>p()</script>", " "])))
        if _collapse(text).strip():
            expected.append(_collapse(text))
    return "<html><head><title>x</title></head><body>" + "".join(parts) + "</body></html>", expected


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_page())
def test_html_property_visible_paragraphs_in_order(page):
    markup, expected = page
    document = read_html(markup)
    assert document.text == "\n\n".join(expected)
    assert blocks(document) == [(f"paragraph {i}", text) for i, text in enumerate(expected, 1)]
