"""Documents the tests build, in every format plainspeak reads, from paragraphs of text.

Each builder writes the same paragraphs the way that format holds them, so
a test can check that every format gives the same findings.
"""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from html import escape
from pathlib import Path


def write_txt(path: Path, paragraphs: list[str]) -> Path:
    path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    return path


def write_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    for i, paragraph in enumerate(paragraphs):
        p = document.add_paragraph()
        words = paragraph.split(" ")
        if i % 2 and len(words) > 3:  # formatting runs must not change what is read
            p.add_run(" ".join(words[:2]) + " ").bold = True
            p.add_run(" ".join(words[2:]))
        else:
            p.add_run(paragraph)
    document.save(str(path))
    return path


ODT_MANIFEST = """<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"""


def odt_bytes(body_xml: str) -> bytes:
    content = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2">'
        f"<office:body><office:text>{body_xml}</office:text></office:body></office:document-content>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/vnd.oasis.opendocument.text")
        archive.writestr("content.xml", content, compress_type=zipfile.ZIP_DEFLATED)
        archive.writestr("META-INF/manifest.xml", ODT_MANIFEST, compress_type=zipfile.ZIP_DEFLATED)
    return buffer.getvalue()


def write_odt(path: Path, paragraphs: list[str]) -> Path:
    path.write_bytes(odt_bytes("".join(f"<text:p>{escape(p, quote=False)}</text:p>" for p in paragraphs)))
    return path


def pdf_bytes(pages: list[list[str]]) -> bytes:
    """A minimal PDF: each page's lines in Helvetica, one text line each, with a
    gap between them; an empty page list item gives a page with no text."""
    objects: list[bytes] = []

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled below
    pages_obj = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        ops = []
        if lines:
            ops.append("BT /F1 10 Tf 40 760 Td 14 TL")
            for line in lines:
                text = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
                ops.append(f"({text}) Tj T* T*")
            ops.append("ET")
        else:
            ops.append("0 0 1 RG 100 100 200 200 re S")
        stream = "\n".join(ops).encode("cp1252")
        content = add(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 %d 0 R >> >> "
                        b"/Contents %d 0 R >>" % (pages_obj, font, content)))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % pages_obj
    objects[pages_obj - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, catalog, xref)
    return bytes(out)


def write_pdf(path: Path, paragraphs: list[str]) -> Path:
    path.write_bytes(pdf_bytes([paragraphs]))
    return path


def write_html(path: Path, paragraphs: list[str]) -> Path:
    body = "".join(f"<p>{escape(p)}</p>\n" for p in paragraphs)
    path.write_text(
        '<!DOCTYPE html><html><head><title>Exercise</title><style>p { margin: 0 }</style>'
        "<script>var utilize = 1;</script></head>"
        f'<body>\n{body}<div hidden>We will utilize the portal.</div></body></html>\n', encoding="utf-8")
    return path


def write_eml(path: Path, paragraphs: list[str]) -> Path:
    message = EmailMessage()
    message["From"] = "Dana <dana@example.org>"
    message["To"] = "Sam <sam@example.org>"
    message["Subject"] = "Your visit"
    message.set_content("\n\n".join(paragraphs) + "\n\n-- \nDana Reyes\nPeer Support Specialist, IOP team\n")
    path.write_bytes(bytes(message))
    return path


WRITERS = {"txt": write_txt, "docx": write_docx, "odt": write_odt, "pdf": write_pdf, "html": write_html, "eml": write_eml}
