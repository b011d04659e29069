"""Renderers: streamed JSON is byte-identical to json.dumps of the whole object."""

from __future__ import annotations

import io
import json
import random
import re

from plainspeak.__about__ import __version__
from plainspeak.render.console import (
    EXAMPLES_PER_RULE,
    MAX_LISTED,
    MAX_TEXT_CHARS,
    RULES_PER_SEVERITY,
    ConsoleRenderer,
)
from plainspeak.render.json import JsonLinesRenderer, JsonRenderer
from plainspeak.render.line import LineRenderer
from plainspeak.render.safe import display_text, one_line
from plainspeak.report import SCHEMA_VERSION, Finding, Report, RunTotals, Summary
from plainspeak.severity import Severity


def totals(reports: list[Report]) -> RunTotals:
    run = RunTotals()
    for report in reports:
        run.add(report)
    return run


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


# --- rich: huge reports are summarised, small ones listed in full ------------------


def synthetic_report(rules, *, name="big.txt"):
    """A Report built by hand: each finding one word on its own line, rules interleaved
    in a fixed shuffle; ``rules`` is (rule, category, severity, how many) tuples."""
    labels = [(rule, category, severity) for rule, category, severity, n in rules for _ in range(n)]
    random.Random(0).shuffle(labels)
    lines, findings, pos = [], [], 0
    for i, (rule, category, severity) in enumerate(labels):
        word = f"w{i:05}"
        findings.append(Finding(rule, category, severity, f"'{word}' is flagged.", word, pos, pos + len(word),
                                i + 1, 1, i + 1, len(word) + 1, suggestions=("plainer",)))
        lines.append(word)
        pos += len(word) + 1
    summary = Summary(words=len(lines), sentences=len(lines), grade=None, reading_ease=None, jargon=0, uncommon=0,
                      acronyms=0, hard_sentences=0, long_sentences=0)
    return Report(name, text="\n".join(lines) + "\n", findings=findings, summary=summary)


def render_rich(report, **options):
    out = io.StringIO()
    ConsoleRenderer(out, color=False, width=100, **options).report(report)
    return out.getvalue()


def test_rich_summarises_thousands_of_findings_by_rule():
    many_suggestion_rules = [(f"jargon.term-{i:02}", "plain-words", Severity.SUGGESTION, 10) for i in range(RULES_PER_SEVERITY + 5)]
    report = synthetic_report([
        ("uncommon.word", "uncommon", Severity.SUGGESTION, 3000),
        ("readability.hard-sentence", "readability", Severity.WARNING, 1848),
        ("jargon.addict", "person-first", Severity.ERROR, 2),
        *many_suggestion_rules,
    ])
    assert len(report.findings) == 5000
    out = render_rich(report)
    lines = out.splitlines()
    assert len(lines) < 30 * (EXAMPLES_PER_RULE + 2)  # bounded by rules shown, not by findings
    assert "5,000 findings from 18 rules, too many to list one by one." in out
    shown = 2 + RULES_PER_SEVERITY  # the error, the warning, and the most frequent suggestions
    note = f"5,000 findings; showing the first {EXAMPLES_PER_RULE} of each of {shown} rules (of 18). See them all with --format line."
    assert note in " ".join(out.split())
    # counts by rule, most serious first: the two errors are not crowded out by thousands of suggestions
    counts = [line.split() for line in lines if re.fullmatch(r"\s+[\d,]+\s+(error|warning|suggestion)\s+\S+", line)]
    assert counts[:3] == [["2", "error", "jargon.addict"], ["1,848", "warning", "readability.hard-sentence"],
                          ["3,000", "suggestion", "uncommon.word"]]
    assert len(counts) == shown
    hidden = 18 - shown  # term rules of 10 findings each
    assert re.search(rf"^\s+{hidden * 10}\s+{hidden} other rules$", out, re.MULTILINE)
    # the first findings of each rule shown, by position; no later ones
    listed = {int(n) for n in re.findall(r"^\s+(\d+):1\s", out, re.MULTILINE)}
    assert len(listed) == 2 + (shown - 1) * EXAMPLES_PER_RULE  # the error rule has only 2
    for rule in ("uncommon.word", "readability.hard-sentence", "jargon.addict"):
        of_rule = [f.line for f in report.findings if f.rule == rule]
        assert set(of_rule[:EXAMPLES_PER_RULE]) <= listed
        assert not set(of_rule[EXAMPLES_PER_RULE:]) & listed
    assert "too long to show" in out  # 5,000 lines of text are not printed
    assert "Reading grade: not enough text" in out  # the summary as always
    assert render_rich(report) == out  # deterministic


def test_rich_lists_every_finding_up_to_max_listed():
    report = synthetic_report([("uncommon.word", "uncommon", Severity.SUGGESTION, MAX_LISTED)])
    out = render_rich(report, show_text=False)
    assert {int(n) for n in re.findall(r"^\s+(\d+):1\s", out, re.MULTILINE)} == {f.line for f in report.findings}
    assert "--format line" not in out and "by rule" not in out.lower()
    report = synthetic_report([("uncommon.word", "uncommon", Severity.SUGGESTION, MAX_LISTED + 1)])
    assert "See them all with --format line." in " ".join(render_rich(report, show_text=False).split())


def test_rich_does_not_print_a_huge_text():
    report = synthetic_report([("jargon.addict", "person-first", Severity.ERROR, 2)])
    report.text += "The cat sat on the mat.\n" * (MAX_TEXT_CHARS // 20)
    assert len(report.text) > MAX_TEXT_CHARS
    out = render_rich(report)
    assert "cat sat" not in out
    assert f"The text ({len(report.text):,} characters) is too long to show here" in " ".join(out.split())
    assert re.findall(r"^\s+(\d+):1\s", out, re.MULTILINE) == ["1", "2"]  # the few findings are still listed
    assert "too long" not in render_rich(report, show_text=False)  # --no-text: no note either
