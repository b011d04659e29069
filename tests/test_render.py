"""Renderers: streamed JSON is byte-identical to json.dumps of the whole object."""

from __future__ import annotations

import io
import json

from plainspeak.__about__ import __version__
from plainspeak.render.json import JsonLinesRenderer, JsonRenderer
from plainspeak.render.line import LineRenderer
from plainspeak.render.safe import display_text, one_line
from plainspeak.report import SCHEMA_VERSION, Report, totals


def reports(analyzer):
    return [
        analyzer.analyze("We will utilize the portal prior to your visit. Thanks!", name="a.txt"),
        Report("missing.txt", error="no such file or folder"),
        analyzer.analyze("Hello there, \u00e9t\u00e9 \U0001f49c.", name="b.txt"),
    ]


def render(renderer, items):
    for r in items:
        renderer.report(r)
    renderer.close(totals(items))


def test_json_document_streams_the_same_bytes_as_dumps(mini_analyzer):
    items = reports(mini_analyzer)
    out = io.StringIO()
    render(JsonRenderer(out), items)
    expected = {
        "schema_version": SCHEMA_VERSION,
        "tool": {"name": "plainspeak", "version": __version__},
        "reports": [r.to_dict() for r in items if r.error is None],
        "errors": [{"path": r.name, "error": r.error} for r in items if r.error],
        "totals": totals(items).to_dict(),
    }
    assert out.getvalue() == json.dumps(expected, ensure_ascii=False, indent=2) + "\n"


def test_json_document_with_no_reports_is_valid():
    out = io.StringIO()
    render(JsonRenderer(out), [])
    assert json.loads(out.getvalue())["reports"] == []


def test_jsonl_streams_the_same_bytes_as_dumps(mini_analyzer):
    items = reports(mini_analyzer)
    out = io.StringIO()
    render(JsonLinesRenderer(out), items)
    expected = "".join(
        json.dumps({"schema_version": SCHEMA_VERSION, **r.to_dict()}, ensure_ascii=False, separators=(",", ":")) + "\n"
        for r in items
    )
    assert out.getvalue() == expected


def test_line_renderer_keeps_each_finding_on_one_line(mini_analyzer):
    report = mini_analyzer.analyze("Call us prior\r\nto noon.")
    out = io.StringIO()
    render(LineRenderer(out), [report])
    assert out.getvalue() == "-:1:9: suggestion jargon.prior-to: 'prior to': Prior to is a formal way to say before. [try: before]\n"


def test_display_text_keeps_length_and_drops_control_characters():
    text = "a\r\nb\rc\x1b[31md\x07"
    shown = display_text(text)
    assert len(shown) == len(text)
    assert "\x1b" not in shown and "\r" not in shown and "\x07" not in shown
    assert one_line("a\n\tb\x1b") == "a b\ufffd"
