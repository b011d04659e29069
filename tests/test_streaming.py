"""Streamed reports (Analyzer.report_in_parts, Report.parts): a huge input's
findings go out as they are found, and are the very findings, sentences,
summary and suppressed findings of the whole report, in the same order."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from plainspeak.api import Analyzer
from plainspeak.cli.app import cli
from plainspeak.rules.policy import Policy
from plainspeak.rules.selection import Selection

CASES = sorted(p for p in (Path(__file__).parent / "cases").iterdir() if (p / "input.txt").exists())
LONG = "\n\n".join((case / "input.txt").read_text(encoding="utf-8") for case in CASES)
SUPPRESSED = (
    "We will utilize the portal.\n"
    "<!-- plainspeak-disable-next-line jargon.utilize -->\n"
    "Please utilize the BHA office.\n"
    "<!-- plainspeak-disable jargon -->\n"
    "Utilize it. Facilitate it.\n"
    "<!-- plainspeak-enable -->\n"
    "<!-- plainspeak-disable-next-line style -->\n"
    "Nothing to silence here.\n"
)


def streamed(analyzer: Analyzer, text: str):
    report = analyzer.report_in_parts(text, "t.txt")
    findings, sentences, pieces = [], [], 0
    for some, more in report.parts():
        findings.extend(some)
        sentences.extend(more)
        pieces += 1
    return report, findings, sentences, pieces


def same_as_whole(analyzer: Analyzer, text: str) -> int:
    whole = analyzer.analyze(text, "t.txt")
    report, findings, sentences, pieces = streamed(analyzer, text)
    assert findings == whole.findings
    assert sentences == whole.sentences
    assert report.summary == whole.summary
    assert report.suppressed == whole.suppressed
    assert report.severity_counts() == whole.severity_counts() and report.worst == whole.worst
    return pieces


@pytest.mark.parametrize("unused", [False, True])
@pytest.mark.parametrize("text", [LONG, SUPPRESSED, SUPPRESSED + LONG, "", "Hi."], ids=["long", "comments", "both", "empty", "short"])
def test_a_streamed_report_is_the_whole_report(text, unused):
    analyzer = Analyzer(policy=Policy(Selection(), report_unused_suppressions=unused), max_chars=2_000)
    same_as_whole(analyzer, text)


def test_findings_go_out_before_the_text_is_done():
    analyzer = Analyzer(max_chars=2_000)
    report = analyzer.report_in_parts(LONG, "long.txt")
    parts = report.parts()
    first, _ = next(parts)
    assert first and report.summary is None  # the rest of the text is not analysed yet
    assert sum(1 for _ in parts) > 5
    assert report.summary is not None


@given(st.lists(st.sampled_from([
    "We will utilize the portal.", "Call the BHA office (BHA) today.", "The BHA said so.",
    "Intensive outpatient program (IOP) helps.", "Your IOP group meets.", "Facilitate a warm handoff.",
    "<!-- plainspeak-disable-next-line jargon -->", "\n\n", "```\nutilize\n```", "Ensure the client is compliant.",
]), max_size=40))
def test_streamed_and_whole_agree_on_any_text(pieces):
    text = " ".join(pieces)
    same_as_whole(_SMALL_PIECES, text)


_SMALL_PIECES = Analyzer(max_chars=120)


def test_check_streams_every_format_the_same_as_before(tmp_path):
    """The renderers read a streamed report in parts; --show-suppressed and the
    summary (now after the lists in JSON) come once the findings are out."""
    path = tmp_path / "long.txt"
    path.write_text(SUPPRESSED + LONG, encoding="utf-8")
    runner = CliRunner()
    for fmt in ("line", "json", "jsonl", "sarif", "github", "rich"):
        result = runner.invoke(cli, ["check", str(path), "--isolated", "--format", fmt, "--jobs", "1",
                                     "--show-suppressed", "--report-unused-suppressions"])
        assert result.exit_code == 1, (fmt, result.stderr)
        assert "jargon.utilize" in result.stdout or "utilize" in result.stdout


def test_json_lists_then_summary(tmp_path):
    import json

    path = tmp_path / "a.txt"
    path.write_text(SUPPRESSED, encoding="utf-8")
    out = CliRunner().invoke(cli, ["check", str(path), "--isolated", "--format", "jsonl", "--show-suppressed"]).stdout
    line = json.loads(out)
    assert list(line)[-4:] == ["findings", "sentences", "suppressed", "summary"]
    assert line["summary"]["jargon"] == sum(1 for f in line["findings"] if f["rule"].startswith("jargon."))
    assert [f["text"] for f in line["suppressed"]] == ["utilize", "Utilize", "Facilitate"]
