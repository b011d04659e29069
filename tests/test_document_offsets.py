"""Offsets are sacred in documents too: for generated Word files and web pages, every
finding's text is the extracted text's [start:end], its line and column agree, and
its ``where`` is the block it starts in."""

from __future__ import annotations

import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from plainspeak.cli.session import describe
from plainspeak.documents import read_document
from plainspeak.sources.inputs import Source, SourceText

WORDS = ["We", "will", "utilize", "the", "portal", "prior to", "your", "IOP", "intake", "café", "👩\u200d💻",
         "psychoeducation", "&", "<b>", "Hi", "Sam,", "ensure", "a", "warm handoff", "."]
SENTENCE = st.lists(st.sampled_from(WORDS), min_size=1, max_size=14).map(" ".join)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=3).map(". ".join)
PARAGRAPHS = st.lists(PARAGRAPH, min_size=1, max_size=5)


def docx_bytes(paragraphs: list[str]) -> bytes:
    import docx

    document = docx.Document()
    for i, text in enumerate(paragraphs):
        p = document.add_paragraph()
        cut = len(text) // 2 if i % 2 else len(text)
        p.add_run(text[:cut]).bold = True
        if cut < len(text):
            p.add_run(text[cut:])
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def html_bytes(paragraphs: list[str]) -> bytes:
    from html import escape

    body = "".join(f"<p>{escape(p)}</p><span hidden>utilize</span>" for p in paragraphs)
    return f"<html><head><style>p {{}}</style></head><body>{body}</body></html>".encode()


def check(analyzer, data: bytes, suffix: str) -> None:
    document = read_document(data, name=f"x{suffix}", suffix=suffix)
    text = document.text
    report = describe(analyzer.analyze(text, name="x"), SourceText(Source("x"), text, None, None, document))
    for f in report.findings:
        assert text[f.start:f.end] == f.text
        assert f.line == text.count("\n", 0, f.start) + 1
        assert f.column == f.start - (text.rfind("\n", 0, f.start) + 1) + 1
        block = next(b for b in document.blocks if b.start <= f.start < b.end)
        assert f.where == block.where


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(PARAGRAPHS)
def test_word_findings_point_into_the_extracted_text(analyzer, paragraphs):
    check(analyzer, docx_bytes(paragraphs), ".docx")


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(PARAGRAPHS)
def test_web_page_findings_point_into_the_extracted_text(analyzer, paragraphs):
    check(analyzer, html_bytes(paragraphs), ".html")
