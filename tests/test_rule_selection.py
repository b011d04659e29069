"""Rules you can choose: --select/--ignore/--extend-select by id, family and category;
per-rule severity; suppression comments in Markdown, HTML and plain text; plainspeak rules."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from plainspeak.cli import cli

TEXT = "We will utilize the portal prior to your IOP intake. He is an addict. Call the XJQ office.\n"


def run(args, input=None):
    return CliRunner().invoke(cli, args, input=input, catch_exceptions=False)


def rules(args, text=TEXT) -> list[str]:
    out = run(["check", "-", "--format", "json", "--fail-on", "never", *args], input=text).stdout
    return [f["rule"] for f in json.loads(out)["reports"][0]["findings"]]


def test_select_and_ignore_by_id_family_and_category():
    everything = rules([])
    assert {"jargon.utilize", "jargon.portal", "jargon.iop", "jargon.an-addict", "acronym.undefined"} <= set(everything)
    assert set(rules(["--select", "acronym"])) == {"jargon.iop", "acronym.undefined"}  # the family and the category
    assert rules(["--select", "jargon.utilize"]) == ["jargon.utilize"]
    assert "jargon.an-addict" not in rules(["--ignore", "person-first"])
    assert not any(r.startswith("jargon.") for r in rules(["--ignore", "jargon"]))
    assert set(rules(["--select", "acronym", "--extend-select", "jargon.utilize"])) == {
        "jargon.iop", "acronym.undefined", "jargon.utilize"}


def test_ignored_findings_are_not_counted_or_failed_on():
    result = run(["check", "-", "--format", "json", "--ignore", "person-first"], input="He is an addict.\n")
    assert result.exit_code == 0
    assert json.loads(result.stdout)["reports"][0]["summary"]["stigmatising"] == 0


def test_an_unknown_rule_is_a_clear_error():
    result = run(["check", "-", "--select", "jargn"], input=TEXT)
    assert result.exit_code == 2 and "unknown rule or family 'jargn' (did you mean 'jargon'?)" in result.stderr


def test_severity_per_rule_from_a_config(tmp_path):
    (tmp_path / "plainspeak.toml").write_text('[severity]\n"jargon.utilize" = "error"\njargon = "warning"\n',
                                              encoding="utf-8")
    draft = tmp_path / "a.txt"
    draft.write_text("We will utilize the portal.\n", encoding="utf-8")
    out = run(["check", str(draft), "--format", "json", "--fail-on", "never"]).stdout
    severities = {f["rule"]: f["severity"] for f in json.loads(out)["reports"][0]["findings"]}
    assert severities == {"jargon.utilize": "error", "jargon.portal": "warning"}  # the rule id beats the family


@pytest.mark.parametrize(
    ("suffix", "text"),
    [
        ("md", "<!-- plainspeak-disable-next-line jargon.utilize -->\nWe will utilize the portal.\nWe will utilize it.\n"),
        ("html", ("<p><!-- plainspeak-disable-next-line jargon.utilize --></p>\n<p>We will utilize the portal.</p>\n"
                 "<p>We will utilize it.</p>\n")),
        ("txt", "plainspeak-disable-next-line jargon.utilize\nWe will utilize the portal.\nWe will utilize it.\n"),
        ("txt", "# plainspeak-disable-next-line jargon\nWe will utilize the portal.\nWe will utilize it.\n"),
    ],
)
def test_disable_next_line(tmp_path, suffix, text):
    draft = tmp_path / f"draft.{suffix}"
    draft.write_text(text, encoding="utf-8")
    out = run(["check", str(draft), "--format", "json", "--fail-on", "never", "--show-suppressed"]).stdout
    report = json.loads(out)["reports"][0]
    kept = [(f["rule"], f["line"]) for f in report["findings"] if f["rule"] == "jargon.utilize"]
    # only the last line's (a web page is read as its text: the comment's line, two paragraphs a blank line apart)
    assert kept == [("jargon.utilize", 4 if suffix == "html" else text.count("\n"))]
    assert [f["rule"] for f in report["suppressed"]] and all(f["line"] == 2 for f in report["suppressed"])


def test_disable_and_enable_a_block():
    text = ("<!-- plainspeak-disable style.passive person-first -->\nA decision was made. He is an addict.\n"
            "<!-- plainspeak-enable -->\nA decision was made. He is an addict.\n")
    found = [(r["rule"], r["line"]) for r in json.loads(run(["check", "-", "--format", "json", "--fail-on", "never"],
                                                            input=text).stdout)["reports"][0]["findings"]]
    assert ("style.passive", 2) not in found and ("jargon.an-addict", 2) not in found
    assert ("style.passive", 4) in found and ("jargon.an-addict", 4) in found


def test_a_directive_line_is_not_checked_and_suppressed_findings_do_not_fail():
    text = "plainspeak-disable-next-line person-first\nHe is an addict.\n"
    result = run(["check", "-", "--format", "line"], input=text)
    assert result.exit_code == 0 and result.stdout == ""


def test_unused_suppressions_can_be_reported():
    text = "plainspeak-disable-next-line jargon.utilize\nSee you soon.\n"
    assert run(["check", "-", "--format", "line"], input=text).stdout == ""
    out = run(["check", "-", "--format", "line", "--report-unused-suppressions"], input=text).stdout
    assert out.startswith("-:1:1: warning suppression.unused:")


def test_grade_does_not_count_what_is_suppressed(tmp_path):
    (tmp_path / "a.txt").write_text("plainspeak-disable-next-line person-first\nHe is an addict and we can help.\n",
                                    encoding="utf-8")
    graded = json.loads(run(["grade", str(tmp_path), "--format", "json"]).stdout)["submissions"][0]
    assert graded["stigmatising"] == 0 and graded["automatic_fail"] is None


def test_rules_lists_every_rule_that_can_fire():
    from plainspeak.rules.lexicon import load_lexicon

    listed = {r["id"] for r in json.loads(run(["rules", "--format", "json"]).stdout)}
    assert {"uncommon.word", "acronym.undefined", "readability.hard-sentence", "readability.long-sentence",
            "style.passive", "style.citation", "suppression.unused"} <= listed
    assert {e.rule_id for e in load_lexicon()} <= listed
    style = json.loads(run(["rules", "--format", "json", "--family", "style"]).stdout)
    assert style and all(r["family"] == "style" for r in style)


def test_every_rule_that_fires_is_listed():
    """Whatever the pipeline reports is a rule `plainspeak rules` knows."""
    from conftest import ROOT

    listed = {r["id"] for r in json.loads(run(["rules", "--format", "json"]).stdout)}
    examples = [str(p) for p in (ROOT / "examples").glob("*.*") if p.suffix in (".txt", ".md")]
    out = json.loads(run(["check", *examples, "--format", "json", "--fail-on", "never"]).stdout)
    fired = {f["rule"] for r in out["reports"] for f in r["findings"]}
    assert fired and fired <= listed


def test_explain_accepts_a_rule_id():
    assert "passive" in run(["explain", "style.passive"]).stdout
    assert "use" in run(["explain", "jargon.utilize"]).stdout


def test_a_bare_disable_ends_only_at_a_bare_enable():
    from plainspeak.rules.suppressions import parse_suppressions

    text = "<!-- plainspeak-disable -->\na\n<!-- plainspeak-enable style -->\nb\n<!-- plainspeak-enable -->\nc\n"
    (region,) = parse_suppressions(text).regions
    assert (region.first, region.last) == (1, 5)


def test_a_directive_in_the_middle_of_a_sentence_is_prose():
    from plainspeak.rules.suppressions import parse_suppressions

    text = "Type plainspeak-disable-next-line to skip a line.\nPlease utilize it.\n"
    assert parse_suppressions(text).directives == []
    at_start = "  # plainspeak-disable-next-line jargon\nPlease utilize it.\n"
    (directive,) = parse_suppressions(at_start).directives
    assert at_start[directive.start:directive.end].startswith("plainspeak-disable-next-line")


def test_unused_suppression_reports_follow_ignore_and_severity(tmp_path):
    from click.testing import CliRunner

    from plainspeak.cli.app import cli

    draft = tmp_path / "note.md"
    draft.write_text("<!-- plainspeak-disable-next-line jargon.utilize -->\nSee you soon.\n", encoding="utf-8")
    base = ["check", str(draft), "--format", "line", "--report-unused-suppressions", "--fail-on", "never"]
    assert "suppression.unused" in CliRunner().invoke(cli, base).stdout
    assert "suppression.unused" in CliRunner().invoke(cli, [*base, "--select", "jargon"]).stdout
    assert "suppression.unused" not in CliRunner().invoke(cli, [*base, "--ignore", "suppression"]).stdout
