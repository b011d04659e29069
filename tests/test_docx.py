"""Word documents: the text read from them, edits made in place, and comments anchored on exact words.

Every document here is built in the test with python-docx (plus hand-written
XML for what python-docx cannot write: tracked changes, fields, content
controls, footnotes), so the suite needs no fixture files.
"""

from __future__ import annotations

import io
import zipfile

import docx as python_docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainspeak.documents import docx, read_document
from plainspeak.errors import InputError

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
NAME = "letter.docx"


def _with_namespaces(fragment: str) -> str:
    """Declare w: and r: on the fragment's first element."""
    first_close = fragment.index(">")
    first_space = fragment.find(" ", 0, first_close)
    cut = first_space if first_space != -1 else first_close
    return f"{fragment[:cut]} {nsdecls('w', 'r')}{fragment[cut:]}"


def saved(document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def sample() -> bytes:
    """A letter with most of what Word writes: formatting, a link, tracked changes, fields,
    a content control, a comment, a table with a table in a cell, a header and a footer."""
    document = python_docx.Document()
    p = document.add_paragraph("Welcome to the ")
    p.add_run("intake").bold = True
    p.add_run(" portal.")
    document.add_paragraph("")
    p = document.add_paragraph("Please ")
    p.add_run("utilize").italic = True
    p.add_run(" the ")
    link = document.part.relate_to("https://example.org/help", RT.HYPERLINK, is_external=True)
    p._p.append(parse_xml(_with_namespaces(f'<w:hyperlink r:id="{link}"><w:r><w:rPr><w:rStyle w:val="Hyperlink"/></w:rPr>'
                                           '<w:t>online help</w:t></w:r></w:hyperlink>')))
    p.add_run(".")
    p = document.add_paragraph("We will ")
    p._p.append(parse_xml(_with_namespaces('<w:del w:id="91" w:author="A"><w:r><w:delText>never </w:delText></w:r></w:del>')))
    p._p.append(parse_xml(_with_namespaces('<w:ins w:id="92" w:author="A"><w:r><w:t xml:space="preserve">always </w:t></w:r></w:ins>')))
    p.add_run("call")
    p._p.append(parse_xml(_with_namespaces('<w:moveFrom w:id="93" w:author="A"><w:r><w:t>MOVED AWAY</w:t></w:r></w:moveFrom>')))
    p._p.append(parse_xml(_with_namespaces('<w:moveTo w:id="94" w:author="A"><w:r><w:t xml:space="preserve"> you</w:t></w:r></w:moveTo>')))
    p.add_run(".")
    document.add_paragraph("Line one\nline two\tend")
    p = document.add_paragraph("Page ")
    for run in ('<w:r><w:fldChar w:fldCharType="begin"/></w:r>', '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>',
                '<w:r><w:fldChar w:fldCharType="separate"/></w:r>', "<w:r><w:t>3</w:t></w:r>", '<w:r><w:fldChar w:fldCharType="end"/></w:r>'):
        p._p.append(parse_xml(_with_namespaces(run)))
    p.add_run(" of ")
    p._p.append(parse_xml(_with_namespaces('<w:fldSimple w:instr=" NUMPAGES "><w:r><w:t>9</w:t></w:r></w:fldSimple>')))
    p._p.append(parse_xml(_with_namespaces("<w:r><w:rPr><w:vanish/></w:rPr><w:t>HIDDEN</w:t></w:r>")))
    p = document.add_paragraph("A ")
    p._p.append(parse_xml(_with_namespaces("<w:sdt><w:sdtPr/><w:sdtContent><w:r><w:t>control</w:t></w:r></w:sdtContent></w:sdt>")))
    p.add_run(" in ")
    p._p.append(parse_xml(_with_namespaces('<w:smartTag w:uri="urn:x" w:element="place"><w:r><w:t>Boston</w:t></w:r></w:smartTag>')))
    p._p.append(parse_xml(_with_namespaces('<w:r><w:t xml:space="preserve"> with follow</w:t><w:noBreakHyphen/><w:t>up and uti</w:t>'
                                           "<w:softHyphen/><w:t>lize.</w:t></w:r>")))
    p = document.add_paragraph("Ask about ")
    document.add_comment(p.add_run("ambulatory"), text="SECRET remark", author="Reviewer", initials="R")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "Name"
    table.cell(0, 1).text = "Plan"
    table.cell(1, 0).text = "Dana"
    table.cell(1, 0).add_table(rows=1, cols=1).cell(0, 0).text = "inner"
    document.add_paragraph("The end.")
    document.sections[0].header.paragraphs[0].text = "Confidential header"
    document.sections[0].footer.paragraphs[0].text = "Page footer"
    return saved(document)


SAMPLE_BLOCKS = [
    ("paragraph 1", "Welcome to the intake portal."),
    ("paragraph 3", "Please utilize the online help."),
    ("paragraph 4", "We will always call you."),
    ("paragraph 5", "Line one\nline two\tend"),
    ("paragraph 6", "Page 3 of 9"),
    ("paragraph 7", "A control in Boston with follow-up and utilize."),
    ("paragraph 8", "Ask about ambulatory"),
    ("table 1, row 1, cell 1", "Name"),
    ("table 1, row 1, cell 2", "Plan"),
    ("table 1, row 2, cell 1", "Dana"),
    ("table 1, row 2, cell 1, table 1, row 1, cell 1", "inner"),
    ("paragraph 9", "The end."),
    ("header", "Confidential header"),
    ("footer", "Page footer"),
]


@pytest.fixture(scope="module")
def letter() -> bytes:
    return sample()


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def repack(data: bytes, changes: dict[str, bytes | None], extra: dict[str, bytes] | None = None) -> bytes:
    """The package with members replaced (None: removed) and added."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member, payload in members(data).items():
            if member in changes:
                if changes[member] is None:
                    continue
                payload = changes[member]
            target.writestr(member, payload)
        for member, payload in (extra or {}).items():
            target.writestr(member, payload)
    return out.getvalue()


def with_footnote(data: bytes, text: str) -> bytes:
    """Add a footnotes part (python-docx cannot write one) with a separator and one footnote."""
    parts = members(data)
    footnotes = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:footnotes {nsdecls("w")}>'
                 '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
                 f'<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
                 "</w:footnotes>").encode()
    rels = parts["word/_rels/document.xml.rels"].replace(
        b"</Relationships>", f'<Relationship Id="rIdFoot" Type="{RT.FOOTNOTES}" Target="footnotes.xml"/></Relationships>'.encode())
    types = parts["[Content_Types].xml"].replace(
        b"</Types>", b'<Override PartName="/word/footnotes.xml" ContentType="application/vnd.openxmlformats-officedocument.'
                     b'wordprocessingml.footnotes+xml"/></Types>')
    return repack(data, {"word/_rels/document.xml.rels": rels, "[Content_Types].xml": types}, {"word/footnotes.xml": footnotes})


def anchored(data: bytes) -> dict[str, str]:
    """Comment id -> the extracted text between its commentRangeStart and commentRangeEnd."""
    document, pieces = docx.pieces(data, NAME)
    node_piece = {piece.node: piece for piece in pieces if piece.part == "word/document.xml"}
    root = next(iter(node_piece)).getroottree().getroot()
    events: list = []
    for element in root.iter():
        if element in node_piece:
            events.append(node_piece[element])
        elif element.tag in (W + "commentRangeStart", W + "commentRangeEnd"):
            events.append((element.tag.endswith("Start"), element.get(W + "id")))
    starts: dict[str, int] = {}
    ends: dict[str, int] = {}
    for k, event in enumerate(events):
        if isinstance(event, tuple):
            is_start, comment_id = event
            if is_start:
                starts[comment_id] = next((e.start for e in events[k:] if not isinstance(e, tuple)), len(document.text))
            else:
                ends[comment_id] = next((e.end for e in reversed(events[:k]) if not isinstance(e, tuple)), 0)
    return {cid: document.text[starts[cid]:ends[cid]] if starts[cid] <= ends[cid] else "" for cid in starts}


def comments_by_text(data: bytes) -> dict[str, str]:
    """Comment text -> its id, read back with python-docx."""
    return {comment.text: str(comment.comment_id) for comment in python_docx.Document(io.BytesIO(data)).comments}


# --- reading ---------------------------------------------------------------------------------


def test_text_and_blocks_in_reading_order(letter):
    document = docx.read(letter, NAME)
    assert document.format == "docx"
    assert document.text == "\n\n".join(text for _, text in SAMPLE_BLOCKS)
    assert [(b.where, document.text[b.start:b.end]) for b in document.blocks] == SAMPLE_BLOCKS
    assert document.where(document.text.index("inner")) == "table 1, row 2, cell 1, table 1, row 1, cell 1"


def test_tracked_changes_fields_and_hidden_text(letter):
    text = docx.read(letter, NAME).text
    assert "always" in text and " you" in text  # insertions and moves in
    assert "never" not in text and "MOVED AWAY" not in text  # deletions and moves away out
    assert "PAGE" not in text and "NUMPAGES" not in text  # field codes out, results in ("Page 3 of 9")
    assert "HIDDEN" not in text


def test_existing_comments_are_not_read(letter):
    document = docx.read(letter, NAME)
    assert "SECRET" not in document.text and "remark" not in document.text
    assert "left out 1 existing comment" in document.notes
    assert "left out 2 tracked deletions" in document.notes  # the deletion and the move away


def test_each_header_part_once_after_the_body():
    document = python_docx.Document()
    document.add_paragraph("Body one.")
    document.sections[0].header.paragraphs[0].text = "First head"
    second = document.add_section()
    document.add_paragraph("Body two.")
    second.header.is_linked_to_previous = False
    second.header.paragraphs[0].text = "Second head"
    text = docx.read(saved(document), NAME).text
    assert text == "Body one.\n\nBody two.\n\nFirst head\n\nSecond head"


def test_footnotes_are_read_after_headers_and_footers(letter):
    document = docx.read(with_footnote(letter, "See the policy."), NAME)
    assert document.blocks[-1].where == "footnote 1"
    assert document.text.endswith("Page footer\n\n See the policy.")


def test_read_document_dispatches_docx(letter):
    document = read_document(letter, name=NAME, suffix=".DOCX")
    assert document.format == "docx" and document.text.startswith("Welcome")


def test_strict_open_xml_is_read():
    strict = "http://purl.oclc.org/ooxml/wordprocessingml/main"
    body = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{strict}"><w:body>'
            "<w:p><w:r><w:t>Strict text.</w:t></w:r></w:p></w:body></w:document>").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("word/document.xml", body)
    data = out.getvalue()
    assert docx.read(data, NAME).text == "Strict text."
    with pytest.raises(InputError, match="Strict Open XML"):
        docx.add_comments(data, NAME, [(0, 6, "x")])


# --- refusing what cannot be read ---------------------------------------------------------------


def zip_of(files: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for member, payload in files.items():
            archive.writestr(member, payload)
    return out.getvalue()


BAD = {
    "not a zip": (lambda letter: b"This is plain text saved with a .docx name.", "is not a valid Word document"),
    "no main part": (lambda letter: repack(letter, {"word/document.xml": None}), "lacks its main part (word/document.xml)"),
    "damaged xml": (lambda letter: repack(letter, {"word/document.xml": members(letter)["word/document.xml"][:-40]}),
                    "is damaged: word/document.xml is not well-formed XML"),
    "damaged header": (lambda letter: repack(letter, {"word/header1.xml": b"<w:hdr><oops"}), "is damaged: word/header1.xml"),
    "not a document body": (lambda letter: repack(letter, {"word/document.xml": b"<html><body/></html>"}),
                            "is not the body of a Word document"),
    "zip bomb": (lambda letter: zip_of({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"\0" * (4 << 20)}), "zip bomb"),
    "path outside": (lambda letter: repack(letter, {}, {"../../evil.xml": b"<x/>"}), "holds a path outside its folder"),
}


@pytest.mark.parametrize("case", list(BAD))
def test_bad_documents_are_one_line_errors(letter, case):
    make, expected = BAD[case]
    data = make(letter)
    for call in (lambda: docx.read(data, NAME), lambda: docx.replace(data, NAME, []), lambda: docx.add_comments(data, NAME, [])):
        with pytest.raises(InputError) as caught:
            call()
        message = str(caught.value)
        assert message.startswith(f"{NAME}: ") and expected in message, message
        assert "\n" not in message


def test_entities_are_not_expanded(letter):
    body = (f'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;&a;">]><w:document {nsdecls("w")}>'
            "<w:body><w:p><w:r><w:t>Kept &b; text</w:t></w:r></w:p></w:body></w:document>").encode()
    text = docx.read(repack(letter, {"word/document.xml": body}), NAME).text
    assert "aaaa" not in text and text.startswith("Kept")


# --- replacing words in place -------------------------------------------------------------------


def run_of(data: bytes, words: str):
    """The python-docx run holding ``words``."""
    document = python_docx.Document(io.BytesIO(data))
    return next(run for p in document.paragraphs for run in p.runs if words in run.text)


def apply(text: str, edits) -> str:
    for start, end, replacement in sorted(edits, reverse=True):
        text = text[:start] + replacement + text[end:]
    return text


def test_replace_keeps_the_run_formatting(letter):
    text = docx.read(letter, NAME).text
    at = text.index("utilize")
    new, left = docx.replace(letter, NAME, [(at, at + len("utilize"), "use")])
    assert left == []
    assert docx.read(new, NAME).text == apply(text, [(at, at + 7, "use")])
    assert run_of(new, "use").italic is True
    assert run_of(new, "Please").italic is None


def test_replace_leaves_spans_across_formatting_tabs_and_changes(letter):
    text = docx.read(letter, NAME).text
    spans = {
        "plain into italic": "Please utilize",
        "across a tab": "two\tend",
        "across a break": "one\nline",
        "across an insertion": "will always",
        "across a link": "the online",
        "across a soft hyphen": "utilize.",
        "between blocks": "portal.\n\nPlease",
    }
    edits = [(text.index(s), text.index(s) + len(s), "X") for s in spans.values()]
    kept = (text.index("Welcome"), text.index("Welcome") + 7, "Hello")
    new, left = docx.replace(letter, NAME, [*edits, kept])
    assert left == edits
    assert docx.read(new, NAME).text == apply(text, [kept])


def test_replace_joins_runs_formatted_alike_and_in_headers(letter):
    text = docx.read(letter, NAME).text
    edits = [(text.index("to the"), text.index("to the") + 6, "into the"),
             (text.index("Confidential"), text.index("Confidential") + 12, "Private"),  # in the header part
             (text.index("follow-up"), text.index("follow-up") + 6, "x")]  # stops before the non-breaking hyphen
    # "Please " split into two runs formatted alike, as Word does around spelling marks: an edit across them is made
    parts = members(letter)
    split = parts["word/document.xml"].replace(b"<w:t xml:space=\"preserve\">Please </w:t>",
                                               b"<w:t>Ple</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r>"
                                               b"<w:t xml:space=\"preserve\">ase </w:t>")
    assert split != parts["word/document.xml"]
    data = repack(letter, {"word/document.xml": split})
    at = text.index("Please")
    new, left = docx.replace(data, NAME, [*edits, (at, at + 6, "Kindly")])
    assert left == []
    assert docx.read(new, NAME).text == apply(text, [*edits, (at, at + 6, "Kindly")])


def test_replace_leaves_overlaps_and_blank_paragraphs(letter):
    text = docx.read(letter, NAME).text
    at = text.index("Dana")
    first = (text.index("Welcome"), text.index("Welcome") + 7, "Hello")
    overlapping = (text.index("Welcome") + 3, text.index("Welcome") + 10, "x")
    blanking = (at, at + 4, " ")
    newline = (text.index("Plan"), text.index("Plan") + 4, "a\nb")
    new, left = docx.replace(letter, NAME, [first, overlapping, blanking, newline])
    assert left == [overlapping, blanking, newline]
    assert docx.read(new, NAME).text == apply(text, [first])


def test_replace_rewrites_only_the_changed_part(letter):
    text = docx.read(letter, NAME).text
    at = text.index("Welcome")
    new, _ = docx.replace(letter, NAME, [(at, at + 7, "Hello")])
    before, after = members(letter), members(new)
    assert list(before) == list(after)
    assert [m for m in before if before[m] != after[m]] == ["word/document.xml"]
    unchanged, left = docx.replace(letter, NAME, [])
    assert unchanged is letter and left == []
    with pytest.raises(ValueError):
        docx.replace(letter, NAME, [(0, len(text) + 1, "x")])


# --- comments ------------------------------------------------------------------------------------


def test_comments_anchor_on_exactly_their_words(letter):
    original = bytes(letter)
    text = docx.read(letter, NAME).text
    ranges = {
        "inside one run": ("intake portal", 0, 0),
        "part of a bold run": ("ntak", 0, 0),
        "overlapping": ("the intake", 0, 0),
        "a link": ("online help", 0, 0),
        "an insertion": ("always call you", 0, 0),
        "a field result": ("3 of 9", 0, 0),
        "around a tab": ("two\tend", 0, 0),
        "across paragraphs": ("call you.\n\nLine", 0, 0),
        "a table cell": ("Dana", 0, 0),
        "an old comment's words": ("ambulatory", 0, 0),
    }
    comments = [(text.index(words), text.index(words) + len(words), f"note: {label}\nTry: plainer")
                for label, (words, _, _) in ranges.items()]
    out = docx.add_comments(letter, NAME, comments, summary="plainspeak\n3 notes")
    assert letter == original
    assert docx.read(out, NAME).text == text
    ids = comments_by_text(out)
    assert len(ids) == len(comments) + 2  # and the summary, and the reviewer's own
    marks = anchored(out)
    for start, end, note in comments:
        assert marks[ids[note]] == text[start:end], note
    assert marks[ids["plainspeak\n3 notes"]] == "Welcome to the intake portal."
    assert int(ids["plainspeak\n3 notes"]) < min(int(ids[note]) for _, _, note in comments)
    assert marks[ids["SECRET remark"]] == "ambulatory"
    word = python_docx.Document(io.BytesIO(out))
    mine = [c for c in word.comments if c.author == "plainspeak"]
    assert len(mine) == len(comments) + 1 and all(c.initials == "PS" for c in mine)
    assert len(next(c for c in mine if c.text == comments[0][2]).paragraphs) == 2  # a line per paragraph
    assert run_of(out, "ntak").bold is True


def test_comments_on_headers_and_notes_are_placed_in_the_body(letter):
    data = with_footnote(letter, "See the policy.")
    text = docx.read(data, NAME).text
    head = (text.index("Confidential"), text.index("Confidential") + 12, "header note")
    foot = (text.index("policy"), text.index("policy") + 6, "footnote note")
    across = (text.index("The end."), text.index("Page footer") + 4, "to the end")
    out = docx.add_comments(data, NAME, [head, foot, across])
    assert docx.read(out, NAME).text == text
    ids = comments_by_text(out)
    assert set(ids) == {"SECRET remark", "Header: “Confidential”\nheader note", "Footnote 1: “policy”\nfootnote note", "to the end"}
    marks = anchored(out)
    assert marks[ids["to the end"]] == "The end."  # clipped to the body
    assert marks[ids["Header: “Confidential”\nheader note"]] == ""


def test_comment_on_an_empty_range_and_a_document_without_body_text():
    document = python_docx.Document()
    document.add_paragraph("Short text.")
    data = saved(document)
    out = docx.add_comments(data, NAME, [(5, 5, "here")])
    assert anchored(out)[comments_by_text(out)["here"]] == ""
    empty = python_docx.Document()
    empty.sections[0].header.paragraphs[0].text = "Only a header"
    data = saved(empty)
    out = docx.add_comments(data, NAME, [(0, 4, "head")], summary="sum")
    assert set(comments_by_text(out)) == {"Header: “Only”\nhead", "sum"}
    assert docx.read(out, NAME).text == "Only a header"


# --- generated documents ------------------------------------------------------------------------

CHARACTERS = st.one_of(
    st.sampled_from("abcdefghij ABC  .,;:!?'\"()-–—…\t\n"),
    st.sampled_from("éßø中😀\u00a0\u2019"),
    st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\r"),
)
RUN_TEXT = st.lists(st.one_of(st.text(CHARACTERS, min_size=1, max_size=6), st.sampled_from(["👩\u200d💻", "e\u0301", "don’t"])),
                    min_size=1, max_size=3).map("".join)
RUNS = st.lists(st.tuples(RUN_TEXT, st.booleans(), st.booleans()), min_size=1, max_size=4)
PARAGRAPHS = st.lists(RUNS, min_size=1, max_size=4)


def build(paragraphs) -> bytes:
    document = python_docx.Document()
    for runs in paragraphs:
        p = document.add_paragraph()
        for text, bold, italic in runs:
            run = p.add_run(text)
            run.bold, run.italic = bold or None, italic or None
    return saved(document)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(paragraphs=PARAGRAPHS, data=st.data())
def test_generated_documents_read_and_anchor_exactly(paragraphs, data):
    wanted = ["".join(text for text, _, _ in runs) for runs in paragraphs]
    source = build(paragraphs)
    document = docx.read(source, NAME)
    blocks = [(f"paragraph {i}", text) for i, text in enumerate(wanted, 1) if text.strip()]
    assert [(b.where, document.text[b.start:b.end]) for b in document.blocks] == blocks
    if not blocks:
        return
    text = document.text
    starts = [i for b in document.blocks for i in range(b.start, b.end)]
    ends = [i for b in document.blocks for i in range(b.start + 1, b.end + 1)]
    comments = []
    for n in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.sampled_from(starts))
        end = data.draw(st.sampled_from([e for e in ends if e > start]))
        comments.append((start, end, f"note {n}"))
    out = docx.add_comments(source, NAME, comments)
    assert docx.read(out, NAME).text == text
    ids, marks = comments_by_text(out), anchored(out)
    for start, end, note in comments:
        assert marks[ids[note]] == text[start:end]
    # and an edit inside one run is made, keeping the rest of the text
    _, pieces = docx.pieces(source, NAME)
    piece = data.draw(st.sampled_from([p for p in pieces if p.editable]))
    a = data.draw(st.integers(piece.start, piece.end))
    b = data.draw(st.integers(a, piece.end))
    new, left = docx.replace(source, NAME, [(a, b, "plain")])
    assert left == []
    assert docx.read(new, NAME).text == apply(text, [(a, b, "plain")])
